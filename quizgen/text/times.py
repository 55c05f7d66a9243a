"""Time and date candidates: weekdays, dates, months with a year, years, clock times.

Only concrete times count (``Rabu``, ``Rabu pagi``, ``20 Juni 2024``,
``Selasa (21/10/2025)``, ``March 2021``, ``2017``, ``Juli lalu``); vague ones such as
``minggu lalu`` or ``recently`` are not candidates. A preposition before a time
(``pada hari Rabu``) is not part of the span: the candidate is ``Rabu``.
"""

from __future__ import annotations

import re
import threading

from ..article import Token
from .found import Found, pick_non_overlapping
from .lexicon import Lexicon, norm_name
from .tokens import tokenize
from .windows import windows

# Words that make a month or weekday concrete relative to the article's date.
_RELATIVE = "lalu|depan|kemarin|last|next|this"
RELATIVE_WORDS = frozenset(_RELATIVE.split("|"))
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY = r"\d{1,2}"
_SCORES = {"date": 3.5, "weekday": 3.0, "month": 2.5, "year": 2.5, "clock": 2.0}

_CACHE: dict[int, tuple[Lexicon, list[tuple[str, str, re.Pattern, bool]]]] = {}
_BEFORE, _AFTER = 14, 24  # how far a time reaches before and after its month or weekday name
_LOCK = threading.Lock()


def _full_names(names: dict[str, int]) -> str:
    """Alternation of the names that stand alone: four letters or more, or the only name
    of that month or day ("Juni", "Rabu", "Mei"; not "Jun", "Rab", "Sab")."""
    count: dict[int, int] = {}
    for num in names.values():
        count[num] = count.get(num, 0) + 1
    full = sorted((n for n, num in names.items() if len(n) >= 4 or count[num] == 1), key=len, reverse=True)
    return "|".join(re.escape(n) for n in full) or "(?!)"


def _patterns(lex: Lexicon) -> list[tuple[str, str, re.Pattern, bool]]:
    """``(subtype, reason, pattern, anchored)`` for each kind of time; anchored patterns
    hold a month or weekday name and run only near one, the others only near digits."""
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    m, w, dp = lex.months_re, lex.weekdays_re, lex.day_parts_re
    full, wfull = _full_names(lex.months), _full_names(lex.weekdays)
    wd = rf"(?:(?:{w}),?\s+)?"
    # (subtype, reason, pattern, anchored: holds a month or weekday name)
    raw = [
        (
            "date",
            "weekday with a numeric date",
            rf"\b(?:{w})\s*,?\s*\(\s*{_DAY}/{_DAY}(?:/\d{{2,4}})?\s*\)",
            True,
        ),
        ("date", "day, month and year", rf"\b{wd}{_DAY}\s+(?:{m})\.?,?\s+{_YEAR}\b", True),
        ("date", "month, day and year", rf"\b{wd}(?:{m})\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}\b", True),
        ("date", "numeric date", rf"(?<![\d/.]){_DAY}/{_DAY}/(?:\d{{4}}|\d{{2}})(?![\d/])", False),
        ("date", "ISO date", rf"\b{_YEAR}-[01]\d-[0-3]\d\b", False),
        ("month", "month and year", rf"\b(?:{m})\.?\s+{_YEAR}\b", True),
        ("date", "day and month", rf"\b{wd}{_DAY}\s+(?:{m})\b(?!\s*\d)", True),
        ("date", "month and day", rf"\b{wd}(?:{m})\s+{_DAY}(?:st|nd|rd|th)?\b(?![.,:/]?\d)", True),
        (
            "clock",
            "clock time",
            r"\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT|GMT|UTC|[AaPp]\.[Mm]\.|[AaPp][Mm]\b)",
            False,
        ),
        ("weekday", "weekday", rf"\b(?:{wfull})(?:\s+(?:{dp}|{_RELATIVE}))?\b", True),
        ("month", "month relative to now", rf"\b(?:{full})\s+(?:{_RELATIVE})\b", True),
        ("month", "month relative to now", rf"\b(?:{_RELATIVE})\s+(?:{full})\b", True),
        ("month", "month name", rf"\b(?:{full})\b", True),
        ("year", "year", rf"(?<![\w.,/$€£¥-]){_YEAR}(?![\w/%]|[.,]\d)", False),
    ]
    pats = [(sub, why, re.compile(p, re.IGNORECASE), anchored) for sub, why, p, anchored in raw]
    with _LOCK:
        _CACHE[id(lex)] = (lex, pats)
    return pats


_WORD = re.compile(r"[^\W\d_]+")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|%)")


def _names_capitalised(span: str, lex: Lexicon) -> bool:
    """Month and weekday names in a span without digits must be capitalised (``May``, not ``may``)."""
    for word in _WORD.findall(span):
        low = word.lower()
        if (low in lex.months or low in lex.weekdays) and not word[0].isupper():
            return False
    return True


def _has_calendar_word(low: str, lex: Lexicon) -> bool:
    """Whether a token is or holds (``April-September``) a month or weekday name."""
    if low in lex.months or low in lex.weekdays:
        return True
    return "-" in low and any(p in lex.months or p in lex.weekdays for p in low.split("-"))


def find_times(text: str, lex: Lexicon, tokens: list[Token] | None = None) -> list[Found]:
    """Find time and date spans in ``text`` (non-overlapping, in text order).

    Args:
        text: The text.
        lex: The language's lexicon.
        tokens: The text's tokens, if already made (they say where patterns may match).
    """
    patterns = _patterns(lex)
    if tokens is None:
        tokens = tokenize(text)
    names = [(t.start, t.end) for t in tokens if _has_calendar_word(t.text.lower(), lex)]
    digits = [(t.start, t.end) for t in tokens if t.text[0].isdigit()]
    near_names = windows(text, names, _BEFORE, _AFTER)
    near_digits = windows(text, digits, 2, 12)
    found: list[Found] = []
    for subtype, why, pat, anchored in patterns:
        where = near_names if anchored else near_digits
        matches = (mt for a, b in where for mt in pat.finditer(text, a, b))
        for mt in matches:
            span = mt.group()
            if not any(c.isdigit() for c in span):
                if not _names_capitalised(span, lex):
                    continue
                if subtype == "month" and why == "month name" and span.lower() in lex.stopwords:
                    continue  # "May" without a day or year is the verb, or a name
            if subtype == "year":
                nxt = _NEXT_WORD.match(text, mt.end())
                if nxt and (nxt.group(1) == "%" or nxt.group(1).lower() in lex.units):
                    continue  # "2000 orang" is a quantity, not a year
            reasons = [why]
            low = span.lower()
            tail = low.split()[-2:]
            part = next((p for p in (" ".join(tail), tail[-1]) if len(tail) > 1 and p in lex.day_parts), None)
            if part:
                reasons.append(f"part of the day '{part}'")
            found.append(
                Found(
                    mt.start(),
                    mt.end(),
                    "time",
                    subtype,
                    tuple(reasons),
                    group="time:" + norm_name(span),
                    score=_SCORES[subtype],
                )
            )
    return pick_non_overlapping(found)
