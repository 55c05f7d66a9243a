"""Indonesian stems and affixes through PySastrawi (MIT), built lazily and cached.

The Sastrawi stemmer is created on the first call (about 10 ms plus its dictionary) and
reused; the pack wraps :func:`stem` and :func:`affixes` in ``lru_cache``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_LETTERS = re.compile(r"^[a-z]+$")
# prefixes whose nasal replaced the stem's first consonant: surface form -> replaced letters
_NASAL = {
    "mem": "pf",
    "pem": "pf",
    "men": "t",
    "pen": "t",
    "meny": "s",
    "peny": "s",
    "meng": "k",
    "peng": "k",
    "menge": "",
    "penge": "",
}


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def stem(word: str) -> str:
    """Return the Sastrawi stem of ``word`` (lowercase).

    Words that are not plain letters (numbers, ``Jong-un``) are returned lowercased, except
    that a reduplicated word (``anak-anak``) gets the stem of its parts.

    Args:
        word: one word.
    """
    low = word.strip().lower()
    if not low:
        return ""
    if _LETTERS.match(low):
        return _stemmer().stem(low) or low
    if "-" in low:
        left, _, right = low.partition("-")
        if left and _LETTERS.match(left) and right.startswith(left):
            return stem(left)
    return low


def affixes(word: str) -> tuple[str, str, str]:
    """Split ``word`` into ``(prefix, stem, suffix)``.

    ``"persahabatan"`` -> ``("per", "sahabat", "an")``, ``"nuklirnya"`` -> ``("", "nuklir",
    "nya")``, ``"memperkuat"`` -> ``("memper", "kuat", "")``. When the prefix replaced the
    stem's first consonant (``"memukul"``, ``"penulis"``) the stem is the dictionary form
    (``"pukul"``, ``"tulis"``) and the prefix is as written (``"mem"``, ``"pen"``), so the
    three parts do not concatenate back to the word.

    Args:
        word: one word.
    """
    low = word.strip().lower()
    root = stem(low)
    if not _LETTERS.match(low) or not root or root == low:
        return "", low, ""
    at = low.find(root)
    if at >= 0:
        return low[:at], root, low[at + len(root) :]
    # nasal substitution: meN-/peN- ate the stem's first letter (p, t, s, k) or added "e"
    for surface, replaced in sorted(_NASAL.items(), key=lambda kv: -len(kv[0])):
        head = low.find(surface)
        if head < 0:
            continue
        rest = low[head + len(surface) :]
        if replaced and root[0] in replaced and rest.startswith(root[1:]):
            return low[: head + len(surface)], root, rest[len(root) - 1 :]
    return "", low, ""
