"""English stems through NLTK's Snowball ("Porter2") stemmer: the algorithm only, no data."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_LETTERS = re.compile(r"^[a-z]+$")
_POSSESSIVE = ("'s", "’s", "s'", "s’")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def _split_possessive(low: str) -> tuple[str, str]:
    for ending in _POSSESSIVE:
        if low.endswith(ending) and len(low) > len(ending):
            if ending[0] == "s":  # "players'" -> "players" + "'"
                return low[:-1], low[-1]
            return low[: -len(ending)], ending
    return low, ""


def stem(word: str) -> str:
    """Return the Snowball stem of ``word`` (lowercase): ``"negotiations"`` -> ``"negoti"``.

    Args:
        word: one word; a possessive ending is dropped first.
    """
    base, _ = _split_possessive(word.strip().lower())
    if not _LETTERS.match(base):
        return base
    return _stemmer().stem(base)


def affixes(word: str) -> tuple[str, str, str]:
    """Split ``word`` into ``("", stem, suffix)``; English prefixes are not split.

    The stem is the part of the word the Snowball stem shares with it, so the parts always
    concatenate back to the lowercased word: ``"talks"`` -> ``("", "talk", "s")``,
    ``"happiness"`` -> ``("", "happ", "iness")``, ``"Putin's"`` -> ``("", "putin", "'s")``.

    Args:
        word: one word.
    """
    low = word.strip().lower()
    base, possessive = _split_possessive(low)
    if not _LETTERS.match(base):
        return "", base, possessive
    root = stem(base)
    shared = 0
    while shared < min(len(root), len(base)) and root[shared] == base[shared]:
        shared += 1
    if shared < 3:
        return "", base, possessive
    return "", base[:shared], base[shared:] + possessive
