"""Tell title, dateline and body apart, and cut the body into paragraphs.

Handles the three layouts seen in real input: headline line + ``Tanggal: ...`` dateline +
one paragraph per line (the user's sample); no title and blank-line paragraphs (the
corpus); hard-wrapped lines (PDF, e-mail). A dateline at the start of the first sentence
(``JAKARTA, KOMPAS.com -``, ``LONDON (Reuters) -``) is cut off the body and recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..article import Removed
from .clean import clean_paragraphs, paragraph_reason
from .dates import DATE, dateline, parse_date

_WS = re.compile(r"[ \t]+")
_BULLET = re.compile(r"^(?:[-•*·▪►]|\d{1,3}[.)])\s+")
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "»", ")", "…")
_WRAP_WIDTH = 120  # lines no longer than this may be hard-wrapped text
_HEADER_LINES = 8  # how far into the text a title or dateline may stand


@dataclass(frozen=True)
class Layout:
    """The parts of an article before it becomes an :class:`~quizgen.article.Article`."""

    title: str | None
    date_text: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]


def lay_out(text: str, title: str | None = None, date_text: str | None = None) -> Layout:
    """Split extracted text into title, dateline and clean body paragraphs.

    Args:
        text: plain text, paragraphs separated by blank lines or line breaks.
        title: a title the format already gave (HTML ``<h1>``, Markdown heading), if any.
        date_text: a date the format already gave (HTML ``<time>``), if any.
    """
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    removed: list[Removed] = []
    start = _skip_blank(lines, 0)
    if title and start < len(lines) and lines[start] == title:
        start += 1  # the format's title repeated as the first line
    title, date_text, start = _header(lines, start, title, date_text, removed)
    paragraphs = _paragraphs(lines[start:])
    paragraphs, cleaned = clean_paragraphs(paragraphs)
    if paragraphs:
        first, prefix, prefix_date = split_dateline_prefix(paragraphs[0])
        if prefix:
            removed.append(Removed(prefix, "dateline"))
            paragraphs[0] = first
            if date_text is None and prefix_date:
                date_text = prefix_date
    removed.extend(cleaned)
    return Layout(title, date_text, tuple(p for p in paragraphs if p), tuple(removed))


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _header(
    lines: list[str], i: int, title: str | None, date_text: str | None, removed: list[Removed]
) -> tuple[str | None, str | None, int]:
    """Consume headline, dateline and byline lines at the top; return where the body starts."""
    seen = 0
    while i < len(lines) and seen < _HEADER_LINES:
        line = lines[i]
        if not line:
            i += 1
            continue
        seen += 1
        written = dateline(line)
        if written and date_text is None:
            date_text = written
            removed.append(Removed(line, "dateline"))
        elif written:
            removed.append(Removed(line, "dateline"))
        elif paragraph_reason(line) in (
            "byline",
            "share prompt",
            "advertisement",
            "photo credit",
            "source credit",
        ):
            removed.append(Removed(line, paragraph_reason(line) or ""))
        elif title is None and _is_title(lines, i):
            title = line
        elif title is not None and date_text is None and _is_credit_before_dateline(lines, i):
            removed.append(Removed(line, "byline"))  # "Budi Santoso - detikNews" above the date
        else:
            break
        i += 1
    return title, date_text, i


def _is_credit_before_dateline(lines: list[str], i: int) -> bool:
    """A short credit line ("Budi Santoso - detikNews") directly above a dateline."""
    line = lines[i]
    nxt = _skip_blank(lines, i + 1)
    return (
        len(line.split()) <= 8
        and not line.endswith((".", "!", "?"))
        and nxt < len(lines)
        and dateline(lines[nxt]) is not None
    )


def _is_title(lines: list[str], i: int) -> bool:
    """A headline: short, no final period, followed by body text that does not continue it."""
    line = lines[i]
    words = line.split()
    if not 1 <= len(words) <= 25 or len(line) > 200:
        return False
    if line.endswith((".", "!", "?", ",", ";", ":", "…")) or split_dateline_prefix(line)[1]:
        return False
    if _BULLET.match(line):
        return False
    nxt = _skip_blank(lines, i + 1)
    if nxt >= len(lines) or lines[nxt][:1].islower():
        return False
    if nxt == i + 1 and i + 2 < len(lines) and lines[i + 2]:
        # Directly followed by more lines: a wrapped paragraph's first line is as long as the rest.
        width = max(len(lines[j]) for j in range(i + 1, min(len(lines), i + 6)))
        if width <= _WRAP_WIDTH and len(line) >= 0.85 * width:
            return False
    # There must be body text after it (a line of some length that is not a dateline or
    # boilerplate), or only a dateline and boilerplate: then it is a title without a body.
    only_header = True
    for j in range(nxt, min(len(lines), nxt + 40)):
        later = lines[j]
        if not later:
            continue
        header_like = bool(dateline(later) or paragraph_reason(later))
        if len(later.split()) >= 6 and not header_like:
            return True
        only_header = only_header and header_like
    return only_header and nxt + 40 >= len(lines)


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs: blank lines separate blocks, wrapped lines are re-joined."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_reflow(block))
            block = []
    return paragraphs


def _reflow(block: list[str]) -> list[str]:
    """One block of non-blank lines to paragraphs (one per line unless hard-wrapped)."""
    width = max(len(line) for line in block)
    out: list[str] = []
    parts: list[str] = []  # lines of the paragraph being built (joined once: linear time)
    for k, line in enumerate(block):
        bullet = _BULLET.match(line)
        if bullet:
            if parts:
                out.append("".join(parts))
            parts = []
            out.append(line if line[0].isdigit() else line[bullet.end() :])
            continue
        if parts and not (parts[-1].endswith("-") and parts[-1][-2:-1].isalpha()):
            parts.append(" ")  # no space after a compound's hyphen: "little-\nknown"
        parts.append(line)
        nxt = block[k + 1] if k + 1 < len(block) else ""
        if width > _WRAP_WIDTH:
            wrapped = False  # long lines: one paragraph per line
        elif nxt[:1].islower():
            wrapped = True  # the next line continues this sentence
        else:
            wrapped = not (
                len(line) < 0.5 * width or (line.endswith(_SENTENCE_END) and len(line) < 0.8 * width)
            )
        if not wrapped:
            out.append("".join(parts))
            parts = []
    if parts:
        out.append("".join(parts))
    return out


_DASH = r"(?:--?|–|—)(?:\s*[-–—])?"
_WORD = r"[A-Z0-9][\w.'’&]*"
_PREFIX = re.compile(
    rf"^(?P<place>{_WORD}(?:\s{_WORD}){{0,3}})"
    r"(?:\s*\((?P<agency>[^()\n]{2,40})\))?"
    rf"(?:\s*,\s*(?P<outlet>{_WORD}(?:\s{_WORD}){{0,3}}|[a-z][\w-]*\.(?:com|net|co|id|co\.id|org)))?"
    rf"(?:\s*,\s*(?P<date>(?:[A-Z][a-z’']+\s*,?\s*)?\(?{DATE}\)?))?"
    rf"\s*{_DASH}\s+"
)


def _is_known_place(name: str) -> bool:
    """A city, province or country in a language pack's gazetteer ("Jakarta - ..." in detik style)."""
    return name in _known_places()


@lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    from ..errors import QuizgenError
    from ..lang import available_languages, get_pack

    names: set[str] = set()
    for code in available_languages():
        try:
            gazetteer = get_pack(code).gazetteer
        except QuizgenError:  # a broken pack must not stop intake; its places are just unknown
            continue
        names.update(n for n, kind in gazetteer.items() if kind in _PLACE_KINDS)
    return frozenset(names)


_PLACE_KINDS = frozenset({"capital", "city", "province", "region", "island", "country", "state"})
_OUTLETISH = re.compile(r"\.(?:com|net|co|id|org)\b|news$", re.I)


def split_dateline_prefix(paragraph: str) -> tuple[str, str | None, str | None]:
    """Cut ``JAKARTA, KOMPAS.com -`` and the like off the start of a paragraph.

    Returns:
        (the paragraph without the prefix, the prefix as written or None, a date in it or None)
    """
    m = _PREFIX.match(paragraph[:160])
    if not m or len(m.group(0)) > 80:
        return paragraph, None, None
    place = m.group("place")
    if not (m.group("agency") or m.group("outlet") or m.group("date")):
        if not (
            _OUTLETISH.search(place)
            or (place.isupper() and sum(c.isalpha() for c in place) >= 3)
            or _is_known_place(place)
        ):
            return paragraph, None, None
    rest = paragraph[m.end() :]
    if not rest:
        return paragraph, None, None
    date = m.group("date")
    if date is None and m.group("outlet") and parse_date(m.group("outlet")):
        date = m.group("outlet")
    return rest, m.group(0).strip(), date
