"""Grading: one set of rules for the app and the terminal quiz (``quizgen take``).

Options items (``mcq``, ``true_false``, ``cloze`` with options) are right when the chosen
option is the key, exactly. Typed items (``short_answer``, ``cloze`` without options) are
compared in steps, the first that matches names how the answer was accepted:

1. ``exact``: equal after normalising case, spacing, punctuation and diacritics;
2. ``accepted variant``: equal to one of the item's ``accepted`` answers or to a known
   alias of the key from the language pack ("AS" for "Amerika Serikat");
3. ``number variant``: the same once small numbers are written in digits and ``%`` as a word
   ("dua belas persen" for "12%"), or the number alone when the question names its unit
   ("3" for "3 burung" asked as "berapa burung?");
4. ``clitic variant``: equal once clitics are stripped from each word (Indonesian
   ``-nya``, ``-lah``, ``-kah``, ``-ku``, ``-mu``: "nuklirnya" for "nuklir");
5. ``affix variant``: equal word by word after stemming (the language pack's stemmer:
   "persahabatan" for "sahabat"), for words whose stem keeps at least four letters;
6. ``typo tolerated``: a small Damerau-Levenshtein distance for longer answers (1 edit for
   5-8 letters, 2 for more); never for answers holding a digit (``2`` is not ``3``).

Example:
    >>> from quizgen.bank import Item, Source
    >>> it = Item("a", "short_answer", "Negara apa?", "Rusia", Source("Rusia.", 0, 6))
    >>> grade(it, "rusia", language="id").how
    'exact'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .bank import Bank, Item

OPTION_KINDS = ("mcq", "true_false")
# Clitics by language, longest first; used when no language pack says otherwise.
_CLITICS = {"id": ("nya", "lah", "kah", "pun", "ku", "mu")}
_MIN_STEM = 4  # shorter stems make too many unrelated words equal
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h"})  # letters NFKD keeps whole


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer.

    Attributes:
        correct: whether the answer counts as right.
        expected: the item's key, as written in the bank.
        given: the student's answer as given ("" for none).
        how: why: "exact", "accepted variant", "number variant", "clitic variant", "affix variant",
            "typo tolerated", "wrong", or "no answer".
    """

    correct: bool
    expected: str
    given: str
    how: str


@dataclass(frozen=True)
class Score:
    """The result of a whole quiz: counts and one :class:`Grade` per item id."""

    correct: int
    total: int
    grades: Mapping[str, Grade] = field(default_factory=dict, compare=False, hash=False)

    @property
    def percent(self) -> float:
        """Share correct, 0..100 (0 for an empty quiz)."""
        return 100.0 * self.correct / self.total if self.total else 0.0

    @property
    def wrong_ids(self) -> tuple[str, ...]:
        """Ids of the items not answered correctly, in quiz order."""
        return tuple(i for i, g in self.grades.items() if not g.correct)


def is_typed(item: Item) -> bool:
    """True when the student types the answer (no options to choose from)."""
    return item.kind not in OPTION_KINDS and not item.options


def normalise(text: str) -> str:
    """Lowercase, strip diacritics (NFKD, drop combining marks), punctuation to spaces,
    collapse spacing. ``"  Kim  Jong-Un! "`` -> ``"kim jong un"``."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold()).translate(_FOLD)
    stripped = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    return " ".join(_NON_WORD.sub(" ", stripped).split())


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def typo_allowance(expected_norm: str) -> int:
    """Edits tolerated for a normalised key: 0 up to 4 letters or with digits, 1 for 5-8, 2 above."""
    if _DIGIT.search(expected_norm):
        return 0
    n = len(expected_norm.replace(" ", ""))
    if n >= 9:
        return 2
    if n >= 5:
        return 1
    return 0


@lru_cache(maxsize=16)
def _pack(language: str):
    """The language pack, or None when there is none (grading still works without it)."""
    try:
        from .lang import get_pack

        return get_pack(language)
    except Exception:  # no pack for this language, or the lang package is not there yet
        return None


def _clitics(language: str) -> tuple[str, ...]:
    pack = _pack(language)
    found = tuple(getattr(pack, "clitics", ()) or ()) if pack is not None else ()
    words = tuple(c for c in found if c.isalpha()) or _CLITICS.get(language, ())
    return tuple(sorted(words, key=len, reverse=True))


def strip_clitics(norm: str, language: str) -> str:
    """Remove one trailing clitic from each word of a normalised text, keeping 3+ letters."""
    clitics = _clitics(language)
    if not clitics:
        return norm
    out = []
    for word in norm.split():
        for c in clitics:
            if word.endswith(c) and len(word) - len(c) >= 3:
                word = word[: -len(c)]
                break
        out.append(word)
    return " ".join(out)


def _stems(norm: str, language: str) -> str | None:
    pack = _pack(language)
    stem = getattr(pack, "stem", None) if pack is not None else None
    if stem is None:
        return None
    words = []
    for word in norm.split():
        s = stem(word) if not _DIGIT.search(word) else word
        if len(s) < _MIN_STEM and s != word:
            return None
        words.append(s)
    return " ".join(words)


def _aliases(texts: Iterable[str], language: str) -> list[str]:
    """Known short/long forms of the texts (both directions) from the language pack."""
    pack = _pack(language)
    table = getattr(pack, "aliases", None) if pack is not None else None
    if not table:
        return []
    norm_table = [(normalise(k), normalise(v)) for k, v in table.items()]
    found = []
    for t in texts:
        n = normalise(t)
        for short, long in norm_table:
            if n == short:
                found.append(long)
            elif n == long:
                found.append(short)
    return found


_PERCENT = {"id": " persen ", "en": " percent "}


@lru_cache(maxsize=16)
def _number_table(language: str) -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, digits) for whole numbers written out ("dua belas" -> "12"), longest first.
    Bare multipliers ("puluh", "belas") are left alone."""
    pack = _pack(language)
    words = dict(getattr(pack, "number_words", {}) or {}) if pack is not None else {}
    multipliers = {w.split()[-1] for w in words if " " in w}
    table = []
    for word, value in words.items():
        norm = normalise(word)
        if not norm or norm in multipliers or value != int(value) or value >= 1000:
            continue
        table.append((re.compile(rf"\b{re.escape(norm)}\b"), str(int(value))))
    table.sort(key=lambda pair: len(pair[0].pattern), reverse=True)
    return tuple(table)


def numbers_canonical(text: str, language: str) -> str:
    """A normalised text with ``%`` spelt as the language's word and small numbers written
    out as digits: ``"dua belas persen"`` and ``"12%"`` both give ``"12 persen"``."""
    if "%" in text:
        text = text.replace("%", _PERCENT.get(language, " percent "))
    norm = normalise(text)
    for pattern, digits in _number_table(language):
        norm = pattern.sub(digits, norm)
    return norm


def _same(a: str, b: str) -> bool:
    return a == b or a.replace(" ", "") == b.replace(" ", "")


def _bare_number_ok(g_num: str, item: Item, language: str) -> bool:
    """A bare number is right when the question already names the unit: "berapa burung?"
    answered "3" for the key "3 burung", "berapa juta euro" answered "10" for "10 juta euro"."""
    key = numbers_canonical(item.answer, language).split()
    digits = 0
    while digits < len(key) and _DIGIT.search(key[digits]):
        digits += 1  # "21,57" normalises to two digit words
    if not digits or digits == len(key) or g_num != " ".join(key[:digits]):
        return False
    prompt = set(normalise(item.prompt).split())
    return all(w in prompt for w in key[digits:])


def grade(item: Item, response: str | None, *, language: str) -> Grade:
    """Grade one answer to one item.

    Args:
        item: the bank item.
        response: the chosen option's text, or the typed answer; None or blank for none.
        language: the bank's language code (for clitics, stems and aliases).

    Returns:
        A :class:`Grade`; ``how`` says which rule accepted or that it is wrong.
    """
    given = "" if response is None else str(response)
    if not given.strip():
        return Grade(False, item.answer, given, "no answer")
    if not is_typed(item):
        ok = given.strip() == item.answer.strip()
        return Grade(ok, item.answer, given, "exact" if ok else "wrong")

    g = normalise(given)
    key = normalise(item.answer)
    if _same(g, key):
        return Grade(True, item.answer, given, "exact")
    variants = [normalise(a) for a in item.accepted] + _aliases([item.answer, *item.accepted], language)
    variants = [v for v in variants if v]
    if any(_same(g, v) for v in variants):
        return Grade(True, item.answer, given, "accepted variant")
    targets = [key, *variants]
    g_num = numbers_canonical(given, language)
    # compared with the spaces kept: "dua puluh satu" is "20 1", not 201
    if any(g_num == numbers_canonical(t, language) for t in [item.answer, *item.accepted]):
        return Grade(True, item.answer, given, "number variant")
    if _bare_number_ok(g_num, item, language):
        return Grade(True, item.answer, given, "number variant")
    g_cl = strip_clitics(g, language)
    if any(_same(g_cl, strip_clitics(t, language)) for t in targets):
        return Grade(True, item.answer, given, "clitic variant")
    g_st = _stems(g_cl, language)
    if g_st is not None and any(
        _same(g_st, _stems(strip_clitics(t, language), language) or "") for t in targets
    ):
        return Grade(True, item.answer, given, "affix variant")
    if not _DIGIT.search(g):
        for t in targets:
            allowed = typo_allowance(t)
            if allowed and damerau_levenshtein(g.replace(" ", ""), t.replace(" ", "")) <= allowed:
                return Grade(True, item.answer, given, "typo tolerated")
    return Grade(False, item.answer, given, "wrong")


def score(bank: Bank, answers: Mapping[str, str | None]) -> Score:
    """Grade every item of a bank; items missing from ``answers`` count as not answered.

    Args:
        bank: the bank (its ``language`` drives the typed-answer rules).
        answers: item id -> the student's answer.
    """
    grades = {it.id: grade(it, answers.get(it.id), language=bank.language) for it in bank.items}
    return Score(sum(g.correct for g in grades.values()), len(grades), grades)
