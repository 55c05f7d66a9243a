"""Word tokens with exact offsets.

A token is a word (``Jong-un``, ``negara-negara`` and ``Asia-Pasifik`` stay whole, as do
``don't`` and ``Kim’s``), a dotted abbreviation (``U.S.``) or a number with its inner
separators (``2,5``, ``1.000.000``, ``21/10/2025``). Punctuation is not a token.
"""

from __future__ import annotations

import bisect
import re

from ..article import Sentence, Token

_TOKEN = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}              # dotted abbreviations: U.S. a.m. S.H.
    | \d+(?:[.,/:]\d+)*               # numbers: 2,5  3.5  1.000.000  21/10/2025  08.19
    | [^\W_]+(?:[-‐‑'’][^\W_]+)*      # words, hyphenated and with apostrophes
    """,
    re.VERBOSE,
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Return the word tokens of ``text[start:end]`` with offsets into ``text``.

    Args:
        text: The whole text (offsets point into it).
        start: Where to begin.
        end: Where to stop (default: the end of ``text``).

    Returns:
        Tokens in text order.
    """
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def sentence_token_ranges(tokens: list[Token], sentences: tuple[Sentence, ...]) -> list[tuple[int, int]]:
    """For each sentence, the ``[first, last)`` indexes of its tokens in ``tokens``."""
    starts = [t.start for t in tokens]
    ranges = []
    for s in sentences:
        a = bisect.bisect_left(starts, s.start)
        b = bisect.bisect_left(starts, s.end, lo=a)
        ranges.append((a, b))
    return ranges
