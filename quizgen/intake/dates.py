"""Datelines: recognise a line that only states when the article was published, and parse it.

Month and weekday names come from every installed language pack (intake runs before the
article's language is known, so it reads the names of all of them); adding a language pack
teaches intake its datelines too.
"""

from __future__ import annotations

import datetime as _dt
import re

# Weekday abbreviations seen in datelines ("Sun, 3 March 2021") that the packs leave out
# because in running text they are ordinary words.
DATELINE_ONLY_WEEKDAYS = ("wed", "sat", "sun")


def _names_from_packs() -> tuple[dict[str, int], tuple[str, ...]]:
    from ..lang import available_languages, get_pack

    months: dict[str, int] = {}
    weekdays: set[str] = set(DATELINE_ONLY_WEEKDAYS)
    for code in available_languages():
        pack = get_pack(code)
        months.update(pack.months)
        weekdays.update(pack.weekdays)
    return months, tuple(sorted(weekdays))


MONTHS, WEEKDAYS = _names_from_packs()

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True)) + r")\.?"
_TIME = r"(?:(?:pukul|pkl\.?|jam|at)\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
_ZONE = r"(?:wib|wita|wit|gmt|utc|bst|cet|cest|est|edt|pst|pdt)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?"
_YEAR = r"(?:19|20)\d{2}"

_DMY = rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s*,?\s*(?P<y1>{_YEAR})"
_MDY = rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s*(?P<y2>{_YEAR})"
_NUMERIC = rf"(?P<n1>\d{{1,2}})[/.-](?P<n2>\d{{1,2}})[/.-](?P<n3>{_YEAR}|\d{{2}})"
_ISO = rf"(?P<iy>{_YEAR})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
DATE = rf"(?:{_ISO}|{_DMY}|{_MDY}|{_NUMERIC})"
_DATE_RE = re.compile(DATE, re.I)

# A line that is nothing but a date: "Senin, 21 Oktober 2025 10:15 WIB", "20/06/2024",
# "Jakarta, 20 Juni 2024", "Monday 3 March 2021 14.00 GMT".
_DATE_ONLY = re.compile(
    rf"^\s*(?:[A-Z][\w.'’ ]{{1,30}}?\s*(?:,|\s[-–—|]|\|)\s*)?(?:{_WEEKDAY}\s*,?\s*)?\(?{DATE}\)?"
    rf"(?:\s*[,|/–—-]?\s*{_TIME})?(?:\s*\(?{_ZONE}\)?)?\s*[.|]?\s*$",
    re.I,
)
# A labelled dateline: "Tanggal: 20 Jun 2024 08:19 wib.", "Published: 3 March 2021".
_LABELLED = re.compile(
    r"^\s*(?P<label>tanggal|tgl\.?|diterbitkan|dipublikasikan|dipublikasi|terbit|diposting|diperbarui|"
    r"published(?: on)?|updated(?: on)?|last (?:updated|modified)(?: on)?|modified(?: on)?|posted(?: on)?|"
    r"date|dated|first published(?: on)?)"
    r"\s*(?P<colon>[:：-]?)\s*(?P<rest>.{4,80}?)\s*[.]?\s*$",
    re.I,
)


def parse_date(text: str) -> _dt.date | None:
    """The first calendar date in ``text``, or None.

    Numeric dates are read day first (``20/06/2024``), as in Indonesia and Britain, unless
    the second number cannot be a month.
    """
    m = _DATE_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["iy"]:
            return _dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["d1"]:
            return _dt.date(int(g["y1"]), MONTHS[g["m1"].rstrip(".").lower()], int(g["d1"]))
        if g["d2"]:
            return _dt.date(int(g["y2"]), MONTHS[g["m2"].rstrip(".").lower()], int(g["d2"]))
        day, month, year = int(g["n1"]), int(g["n2"]), int(g["n3"])
        if year < 100:
            year += 2000
        if month > 12 and day <= 12:
            day, month = month, day
        return _dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def dateline(line: str) -> str | None:
    """If ``line`` is a dateline, the date as written (label and final period removed)."""
    if len(line) > 100:
        return None
    m = _LABELLED.match(line)
    if m and (_DATE_RE.search(m.group("rest")) or m.group("colon")):
        return m.group("rest").strip().rstrip(".").strip()
    if _DATE_ONLY.match(line):
        return line.strip().rstrip(".|").strip()
    return None
