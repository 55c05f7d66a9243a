"""Lookup structures derived once per language pack (normalised keys, compiled regexes).

The language pack holds data as written by people (``"wali kota"``, ``"dr."``,
``"Asia-Pasifik"``); the text layer needs it keyed the way it sees text: lowercase
token tuples and normalised names. :func:`lexicon_for` builds that view once per pack
and keeps it, so analysing an article costs no set-up after the first call.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_NORM_SEP = re.compile(r"[\s\-‐‑–.’']+")


@lru_cache(maxsize=65536)
def norm_name(text: str) -> str:
    """Normalise a name for comparison: ``"Kim Jong-un"`` and ``"Kim Jong Un"`` -> ``"kim jong un"``."""
    return _NORM_SEP.sub(" ", text.lower()).strip()


def _word_alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace run."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    if not parts:
        return "(?!)"  # matches nothing
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)


@dataclass(frozen=True)
class Lexicon:
    """The pack's word lists, keyed for fast matching against tokens."""

    pack: Any
    stopwords: frozenset[str]
    honorifics: frozenset[tuple[str, ...]]  # lowercase token tuples, dots removed
    max_honorific: int
    honorific_firsts: frozenset[str]  # first words of the titles (a fast "no title here")
    honorific_lasts: frozenset[str]  # last words of the titles
    gazetteer: dict[str, tuple[str, str]]  # norm name -> (name as written, subtype)
    max_gazetteer: int
    gazetteer_firsts: frozenset[str]  # first words of the normalised gazetteer names
    aliases: dict[str, str]  # short form as written -> long form as written
    demonyms: dict[str, str]  # "Japanese" -> "Japan": capitalised, but not names
    alias_norm: dict[str, str]  # norm(short) -> long form, for case-insensitive forms
    particles: frozenset[str]
    person_verbs: frozenset[str]
    place_cues: frozenset[str]
    org_cues: frozenset[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    day_parts: frozenset[str]
    number_words: dict[str, float]
    scale_words: dict[str, float]  # number words of 1000 and more ("juta", "million")
    units: frozenset[str]
    currency_words: frozenset[str]  # lowercase alphabetic currencies ("dolar", "rupiah")
    currency_symbols: tuple[str, ...]  # as written ("Rp", "US$", "$")
    months_re: str
    weekdays_re: str
    day_parts_re: str
    scale_re: str
    small_numbers_re: str
    currency_re: str
    decimal_comma: bool
    not_terms: frozenset[str]  # stopwords, month/weekday/number words, units: never key terms


# Languages that write 2,5 for two and a half and 1.000 for a thousand.
_DECIMAL_COMMA = frozenset(
    "id ms de fr es it nl pt ru pl cs sk sl hr sr bg ro hu tr da nb nn no sv fi et lv lt el uk vi".split()
)

_CACHE: dict[int, tuple[Any, Lexicon]] = {}
_LOCK = threading.Lock()


def lexicon_for(pack: Any) -> Lexicon:
    """Return the (cached) :class:`Lexicon` of a language pack."""
    hit = _CACHE.get(id(pack))
    if hit is not None and hit[0] is pack:
        return hit[1]
    lex = _build(pack)
    with _LOCK:
        _CACHE[id(pack)] = (pack, lex)  # keeps the pack alive, so its id is never reused
    return lex


def _token_tuple(phrase: str) -> tuple[str, ...]:
    return tuple(w.strip(".").lower() for w in phrase.split() if w.strip("."))


def _build(pack: Any) -> Lexicon:
    honorifics = frozenset(t for t in (_token_tuple(h) for h in pack.honorifics) if t)
    gazetteer = {norm_name(name): (name, subtype) for name, subtype in pack.gazetteer.items()}
    aliases = dict(pack.aliases)
    number_words = {k.lower(): float(v) for k, v in pack.number_words.items()}
    scale = {k: v for k, v in number_words.items() if v >= 1000}
    small = [k for k, v in number_words.items() if v < 1000]
    currencies = tuple(pack.currencies)
    currency_words = frozenset(c.lower() for c in currencies if c.isalpha() and len(c) > 3)
    currency_symbols = tuple(c for c in currencies if not (c.isalpha() and len(c) > 3))
    decimal_comma = getattr(pack, "decimal_separator", None)
    decimal_comma = decimal_comma == "," if decimal_comma else pack.code in _DECIMAL_COMMA
    return Lexicon(
        pack=pack,
        stopwords=frozenset(w.lower() for w in pack.stopwords),
        honorifics=honorifics,
        max_honorific=max((len(h) for h in honorifics), default=0),
        honorific_firsts=frozenset(h[0] for h in honorifics),
        honorific_lasts=frozenset(h[-1] for h in honorifics),
        gazetteer=gazetteer,
        max_gazetteer=max((len(k.split()) for k in gazetteer), default=0),
        gazetteer_firsts=frozenset(k.split()[0] for k in gazetteer if k),
        aliases=aliases,
        demonyms=dict(getattr(pack, "demonyms", {}) or {}),
        alias_norm={norm_name(k): v for k, v in aliases.items()},
        particles=frozenset(p.lower() for p in pack.name_particles),
        person_verbs=frozenset(v.lower() for v in pack.person_verbs),
        place_cues=frozenset(c.lower() for c in pack.place_cues),
        org_cues=frozenset(c.lower().strip(".") for c in pack.org_cues),
        months={k.lower(): v for k, v in pack.months.items()},
        weekdays={k.lower(): v for k, v in pack.weekdays.items()},
        day_parts=frozenset(d.lower() for d in pack.day_parts),
        number_words=number_words,
        scale_words=scale,
        units=frozenset(u.lower() for u in pack.units),
        currency_words=currency_words,
        currency_symbols=currency_symbols,
        months_re=_word_alternation(list(pack.months)),
        weekdays_re=_word_alternation(list(pack.weekdays)),
        day_parts_re=_word_alternation(list(pack.day_parts)),
        scale_re=_word_alternation(list(scale)),
        small_numbers_re=_word_alternation(small),
        currency_re=_word_alternation(list(currency_symbols)),
        decimal_comma=decimal_comma,
        not_terms=frozenset(w.lower() for w in pack.stopwords)
        | frozenset(k.lower() for k in pack.months)
        | frozenset(k.lower() for k in pack.weekdays)
        | frozenset(number_words)
        | frozenset(u.lower() for u in pack.units)
        | currency_words
        | frozenset(d.lower() for d in pack.day_parts),
    )
