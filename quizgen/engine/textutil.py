"""Small text helpers shared by the engine's stages and checks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
BLANK_RE = re.compile(r"_{3,}")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: words joined by single spaces."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
    if not text.isascii():  # drop the combining marks (accents), found among the distinct letters
        marks = {ord(c): None for c in set(text) if not c.isascii() and unicodedata.category(c) == "Mn"}
        text = text.translate(marks) if marks else text
    return " ".join(WORD_RE.findall(text))


def words(text: str) -> list[str]:
    return fold(text).split()


_ABBREVIATION_RE = re.compile(r"\b[A-Z]{2,}\b")


def without_abbreviations(text: str) -> str:
    """The text with its abbreviations in capitals blanked out: "the US" is a country, not
    "us"; "IT" a trade, not "it"."""
    return _ABBREVIATION_RE.sub(" ", text)


def has_any_word(text: str, wanted) -> bool:
    """Does the text hold one of the (folded) words, abbreviations in capitals not counted as
    the words they spell (:func:`without_abbreviations`)?"""
    low = f" {fold(without_abbreviations(text))} "
    return any(f" {w} " in low for w in wanted)


def contains_phrase(haystack: str, needle: str) -> bool:
    n = fold(needle)
    return bool(n) and f" {n} " in f" {fold(haystack)} "


def whole_finds(text: str, phrase: str, start: int = 0, end: int | None = None, joiners: str = ""):
    """Where ``phrase`` starts in ``text[start:end]`` as a whole (no letter, digit or one of
    ``joiners`` glued to either side), found with ``str.find``: no pattern compiled per name."""
    end = len(text) if end is None else end
    at = text.find(phrase, start, end)
    while at >= 0:
        edge = text[at - 1 : at] + text[at + len(phrase) : at + len(phrase) + 1]
        if not any(ch.isalnum() or ch in joiners for ch in edge):
            yield at
        at = text.find(phrase, at + 1, end)


@lru_cache(maxsize=65536)
def shape(option: str) -> str:
    """The visible shape of an option: number, capitalised, or lower-case."""
    o = option.strip()
    if not o:
        return "empty"
    digits = sum(c.isdigit() for c in o)
    if re.fullmatch(r"[\d.,:/%\s-]+", o) or (digits and digits * 2 >= len(o.replace(" ", ""))):
        return "number"
    first = next((c for c in o if c.isalpha()), "")
    return "capital" if first.isupper() else "lower"


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=65536)
def near_duplicate(a: str, b: str) -> bool:
    """True when two options are the same thing written differently (case, accents, a typo)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or fa.replace(" ", "").replace("-", "") == fb.replace(" ", "").replace("-", ""):
        return True
    if min(len(fa), len(fb)) >= 5 and edit_distance(fa, fb, 1) <= 1:
        return True
    return _transposed(fa, fb) or _extended_word(fa, fb)


def _extended_word(a: str, b: str) -> bool:
    """Two names alike but for one word, one of them the other's start with letters added
    ("Bhayangkari Ramadniya" / "Bhayangkariwati Ramadniya": round 82, the article wrote the
    baby's name both ways): one name written two ways, not two names."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    short, long_ = sorted(diff[0], key=len)
    return len(short) >= 5 and long_.startswith(short)


def _transposed(a: str, b: str) -> bool:
    """Two words of four letters or more that differ by two neighbouring letters swapped
    ("Yusri" / "Yursi"): one name with a typo, not two names."""
    if len(a) != len(b) or len(a) < 4 or not a.isalpha():
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str, keep: bool) -> str:
    """Lower the first letter unless ``keep`` (a proper noun or an acronym starts the text)."""
    if keep or not text:
        return text
    return text[:1].lower() + text[1:]
