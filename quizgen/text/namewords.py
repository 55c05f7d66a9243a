"""What a capitalised word is: the facts and tests the name finder uses.

A :class:`NameContext` holds per-article facts (words also written in lowercase, words
capitalised mid-sentence, acronym counts) and caches of frequencies; the functions here
answer small questions: is this an acronym, is this sentence-initial capital a common
word, is this word at the edge of a run not part of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..article import Token
from .lexicon import Lexicon, norm_name

LETTERS = re.compile(r"[^\W\d_]")
POSSESSIVE = ("'s", "’s")


@dataclass(frozen=True)
class Evidence:
    type: str
    strength: float
    reason: str
    subtype: str | None = None


#: The reason a one-word name carries when it is the short form of a two-word organisation
#: (``Persela`` of ``Persela Lamongan``); :func:`quizgen.text.aliases.group_mentions` links them.
SHORT_FORM = "short form of the organisation"


@dataclass(frozen=True)
class Mention:
    """One name mention with the evidence found around it."""

    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    words: tuple[str, ...]  # the tokens as written
    acronym: bool
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> str:
        return norm_name(self.text)


@dataclass
class NameContext:
    """Per-article facts the common-word test needs."""

    lex: Lexicon
    lower_vocab: set[str]
    cap_mid: set[str]
    zipf: dict[str, float]
    derived: dict[str, bool]
    dropped: list[tuple[int, int, str]]
    acronyms: dict[str, int]  # how often each acronym occurs in the article
    entities: Any = None  # quizgen.analysis.ner.EntityIndex of the article, if a model ran
    word_classes: Any = None  # quizgen.text.wordclass.TagIndex of the article, if tagged
    org_heads: Any = None  # two capitalised words written right after an organisation word, found once
    acronyms: dict[str, int]  # how often each acronym occurs in the article


def is_acronym(word: str) -> bool:
    """``AS``, ``PBB``, ``DPR-RI``, ``KTP-e``, ``U.S.``, ``G-8``, ``G20``: a short word whose
    head is in capitals (two letters at least, or one letter with digits)."""
    if not word[:2].isupper():
        return False
    letters = LETTERS.findall(word)
    head = word.split("-")[0]
    if not head.isupper() or len(letters) > 8:
        return False
    if len(LETTERS.findall(head)) >= 2:
        return True
    return bool(letters) and any(c.isdigit() for c in word) and not any(c.islower() for c in word)


def zipf_of(ctx: NameContext, low: str) -> float:
    z = ctx.zipf.get(low)
    if z is None:
        z = ctx.zipf[low] = float(ctx.lex.pack.zipf(low))
    return z


def is_derived(ctx: NameContext, low: str) -> bool:
    """Whether ``low`` is an affixed form of another word (``ketegangan``, ``dilansir``,
    ``consequently``): the pack's morphology splits off a prefix or a suffix of two letters
    or more (a one-letter suffix is too often part of a name: ``Coombe``)."""
    d = ctx.derived.get(low)
    if d is None:
        affixes = getattr(ctx.lex.pack, "affixes", None)
        d = False
        if affixes is not None:
            prefix, stem, suffix = affixes(low)
            d = bool((prefix or len(suffix) >= 2) and len(stem) >= 3 and stem != low)
        ctx.derived[low] = d
    return d


def common_word_reason(ctx: NameContext, word: str, run_len: int, before_comma: bool = False) -> str | None:
    """Why a capitalised sentence-initial ``word`` is a common word, or None if it may be a name.

    Args:
        ctx: The article's facts.
        word: The word as written.
        run_len: Length of the capitalised run it starts.
        before_comma: Whether a comma follows the word (``Alhasil,``, ``Consequently,``).
    """
    low = word.lower()
    if low.endswith(POSSESSIVE):
        low = low[:-2]
    lex = ctx.lex
    if low in lex.stopwords:
        return "sentence-initial stopword"
    if low in lex.gazetteer or word in lex.aliases or low in ctx.cap_mid:
        return None
    if run_len > 1 and (low in lex.org_cues or low in lex.honorific_firsts):
        return None  # "Perserikatan Bangsa-Bangsa", "Presiden Joko Widodo" at the start
    if low in ctx.lower_vocab:
        return "sentence-initial common word (also written in lowercase in the article)"
    if is_derived(ctx, low):
        return "sentence-initial common word (affixed form of a common word)"
    if run_len == 1 and zipf_of(ctx, low) >= 4.0:
        return f"sentence-initial common word (frequent in the language, zipf {zipf_of(ctx, low):.1f})"
    if run_len == 1 and before_comma and zipf_of(ctx, low) >= 3.0:
        return "sentence-initial connective (a known word before a comma)"
    return None


def name_context(text: str, tokens: list[Token], initial: list[bool], lex: Lexicon) -> NameContext:
    lower_vocab: set[str] = set()
    cap_mid: set[str] = set()
    acronyms: dict[str, int] = {}
    for tok, init in zip(tokens, initial, strict=True):
        w = tok.text
        c = w[0]
        if c.islower():
            lower_vocab.add(w)
        elif c.isupper():
            if not init:
                cap_mid.add(w.lower())
            if w.isupper():
                acronyms[w] = acronyms.get(w, 0) + 1
    return NameContext(lex, lower_vocab, cap_mid, {}, {}, [], acronyms)


def initial_flags(text: str, tokens: list[Token], ranges: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts its sentence or a quotation."""
    flags = [False] * len(tokens)
    for a, b in ranges:
        if a < b:
            flags[a] = True
        for i in range(a + 1, b):
            gap = text[tokens[i - 1].end : tokens[i].start]
            if gap and gap[-1] in '“"‘:' or gap.endswith(": "):
                flags[i] = True
    return flags


def edge_reason(word: str, lex: Lexicon) -> str | None:
    """Why a capitalised word at the edge of a run is not part of a name, or None."""
    if word.lower() in lex.stopwords:
        return None if is_acronym(word) else "capitalised stopword"  # "AS" is not "as"
    if word in lex.demonyms:
        return f"demonym (of {lex.demonyms[word]}), not a name"
    if "-" in word:
        head, _, tail = word.rpartition("-")
        if is_acronym(head) and len(tail) >= 3 and tail.islower():
            return "compound of an acronym and a common word"
    return None


def prev_word(text: str, tokens: list[Token], i: int, a: int) -> str | None:
    """The lowercase token before ``tokens[i]`` if only a space separates them."""
    if i <= a:
        return None
    gap = text[tokens[i - 1].end : tokens[i].start]
    if gap.isspace() and "\n" not in gap:
        return tokens[i - 1].text.lower()
    return None


def next_word(text: str, tokens: list[Token], j: int, b: int) -> str | None:
    """The lowercase token after a run, across at most a comma (``Putin, menegaskan``)."""
    if j >= b:
        return None
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap.strip() in ("", ","):
        return tokens[j].text.lower()
    return None
