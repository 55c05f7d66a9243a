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


def word_features(word: str, pos: int, lexicon: dict[str, str] | None = None) -> list[str]:
    """The features of ``word`` at relative position ``pos`` (strings, position-prefixed).

    ``lexicon`` maps a lowercase word to the tags it takes in a tagged word list (for
    Indonesian: IndoNLU POSP, mapped to UPOS), ``"NOUN|PROPN"``; it helps with words the
    treebank never had.
    """
    if word in (BOS, EOS):
        return [f"{pos}|{word}"]
    low = word.lower()
    return _at(word, low, shape(word), lexicon.get(low) if lexicon else None, bool(lexicon), pos)


def _at(word: str, low: str, sh: str, lx: str | None, has_lexicon: bool, pos: int) -> list[str]:
    p = f"{pos}|"
    if lx is not None and -1 <= pos <= 1:
        extra = [p + "lx=" + lx] + [p + "lt=" + t for t in lx.split("|")]
        if pos == 0:
            extra.append(p + "lxs=" + lx + "|" + sh[:2])
    else:
        extra = [p + "lx?"] if has_lexicon and -1 <= pos <= 1 else []
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
        return feats + extra
    if pos in (-1, 1):
        feats = [p + "w=" + low, p + "sh=" + sh]
        if len(low) > 3:
            feats.append(p + "s3=" + low[-3:])
            feats.append(p + "p2=" + low[:2])
        return feats + extra
    return [p + "w=" + low, p + "sh=" + sh[:2]]


def window_features(words: list[str], i: int, lexicon: dict[str, str] | None = None) -> list[str]:
    """All features of the token ``words[i]`` (``words`` without padding)."""
    out: list[str] = ["bias"]
    n = len(words)
    for pos in POSITIONS:
        j = i + pos
        w = BOS if j < 0 else EOS if j >= n else words[j]
        out.extend(word_features(w, pos, lexicon))
    return out


def type_features(word: str, lexicon: dict[str, str] | None = None) -> list[tuple[int, str]]:
    """``(position index, feature)`` for ``word`` at every window position (see POSITIONS)."""
    if word in (BOS, EOS):
        return [(k, f"{pos}|{word}") for k, pos in enumerate(POSITIONS)]
    low = word.lower()
    sh = shape(word)
    lx = lexicon.get(low) if lexicon else None
    has = bool(lexicon)
    return [(k, f) for k, pos in enumerate(POSITIONS) for f in _at(word, low, sh, lx, has, pos)]


def context_features(tags: list[str], i: int) -> list[str]:
    """Second-pass features: the first pass's tags of the neighbours of token ``i``."""
    n = len(tags)
    return [
        "L=" + (tags[i - 1] if i >= 1 else BOS),
        "L2=" + (tags[i - 2] if i >= 2 else BOS),
        "R=" + (tags[i + 1] if i + 1 < n else EOS),
    ]
