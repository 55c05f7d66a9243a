"""Window features of the tagger, shared by training and tagging.

A token's score for each tag is the sum, over the positions ``i-2 .. i+2`` of a window,
of weights of features of the word *at that position*. Because every feature depends on
one word and its position only, the weights decompose into one score vector per word type
and relative position, which the tagger computes once per type and caches.
"""

from __future__ import annotations

import re

POSITIONS = (-2, -1, 0, 1, 2)
BOS = "<s>"
EOS = "</s>"
_SHAPE_RUNS = re.compile(r"(.)\1+")


def shape(word: str) -> str:
    """``Putin`` -> ``Xx``, ``KPK`` -> ``X``, ``2024`` -> ``d``, ``Jong-un`` -> ``Xx-x``."""
    out = []
    for ch in word:
        if ch.isupper():
            out.append("X")
        elif ch.islower():
            out.append("x")
        elif ch.isdigit():
            out.append("d")
        else:
            out.append(ch)
    return _SHAPE_RUNS.sub(r"\1", "".join(out))[:6]


def word_features(word: str, pos: int) -> list[str]:
    """The features of ``word`` at relative position ``pos`` (strings, position-prefixed)."""
    if word in (BOS, EOS):
        return [f"{pos}|{word}"]
    low = word.lower()
    sh = shape(word)
    p = f"{pos}|"
    if pos == 0:
        feats = [p + "w=" + low, p + "sh=" + sh, p + "W=" + word]
        n = len(low)
        for k in (1, 2, 3, 4):
            if n > k:
                feats.append(p + f"s{k}=" + low[-k:])
        for k in (1, 2, 3):
            if n > k:
                feats.append(p + f"p{k}=" + low[:k])
        if "-" in word:
            feats.append(p + "hy")
            feats.append(p + "hw=" + low.rsplit("-", 1)[-1])
        if n > 12:
            feats.append(p + "long")
        return feats
    if pos in (-1, 1):
        feats = [p + "w=" + low, p + "sh=" + sh]
        if len(low) > 3:
            feats.append(p + "s3=" + low[-3:])
            feats.append(p + "p2=" + low[:2])
        return feats
    return [p + "w=" + low, p + "sh=" + sh[:2]]


def window_features(words: list[str], i: int) -> list[str]:
    """All features of the token ``words[i]`` (``words`` without padding)."""
    out: list[str] = ["bias"]
    n = len(words)
    for pos in POSITIONS:
        j = i + pos
        w = BOS if j < 0 else EOS if j >= n else words[j]
        out.extend(word_features(w, pos))
    return out
