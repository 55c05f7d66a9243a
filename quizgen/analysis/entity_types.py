"""English name typing: a mention classifier learned by distant supervision.

The corpus has no English entity annotations. ``training/train_en_entities.py`` runs the
text layer over the en-news articles (all but the hand-labelled test ones) and takes the
names it types from strong evidence - the gazetteer, a title, an organisation word, a
speech verb, a place preposition - as labels; an averaged perceptron learns from the
name's own words and shape and its context words (two on each side) which type such
names have. At run time it types names that have no cue of their own (``Oxfam``,
``Yorkshire``), as evidence weaker than the article's cues.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from ..article import Token
from .features import shape
from .linear import unpack_strings
from .ner import Entity

_MODELS: dict[str, object] = {}
# Below this probability the typer says nothing (the name stays "assumed"): distant
# supervision is noisy, and a confident wrong type is worse than an admitted guess. The
# probabilities are calibrated (a softmax temperature fitted on held-out folds of the
# training names), so 0.7 means about seven in ten right on names like the training ones.
MIN_CONFIDENCE = 0.7
_LOCK = threading.Lock()


def typer_path(lang: str) -> Path:
    return Path(str(resources.files("quizgen.analysis") / "models" / f"{lang}-nametypes.npz"))


def mention_features(tokens: Sequence[Token], i: int, j: int) -> list[str]:
    """Features of the name ``tokens[i:j]`` in its sentence ``tokens``."""
    words = [t.text for t in tokens[i:j]]
    low = [w.lower() for w in words]
    f = [
        "bias",
        "n=" + str(min(len(words), 4)),
        "last=" + low[-1],
        "first=" + low[0],
        "sh=" + shape(" ".join(words)),
    ]
    f += ["w=" + w for w in low]
    f += ["s3=" + low[-1][-3:], "s2=" + low[-1][-2:]]
    if len(words) == 1 and words[0].isupper():
        f.append("acronym")
    for d, k in (("-1", i - 1), ("-2", i - 2)):
        f.append(f"{d}=" + (tokens[k].text.lower() if k >= 0 else "<s>"))
    for d, k in (("+1", j), ("+2", j + 1)):
        f.append(f"{d}=" + (tokens[k].text.lower() if k < len(tokens) else "</s>"))
    f.append("-1+1=" + f[-4][3:] + "|" + f[-2][3:])
    return f


class NameTyper:
    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as z:
            self.classes = unpack_strings(z["classes"])
            feats = unpack_strings(z["features"])
            self.weights = z["weights"].astype(np.float32) * float(z["scale"])
            # scores are divided by this before the softmax (fitted on held-out folds)
            self.temperature = float(z["temperature"]) if "temperature" in z else 1.0
        self.index = {f: k for k, f in enumerate(feats)}

    def classify(self, tokens: Sequence[Token], i: int, j: int) -> tuple[str, float]:
        """The type of the name ``tokens[i:j]`` and the model's probability for it."""
        rows = [self.index[f] for f in mention_features(tokens, i, j) if f in self.index]
        if not rows:
            return self.classes[0], 0.0
        s = self.weights[rows].sum(axis=0) / self.temperature
        p = np.exp(s - s.max())
        p /= p.sum()
        k = int(p.argmax())
        return self.classes[k], float(p[k])


def name_typer(lang: str) -> NameTyper | None:
    if lang not in _MODELS:
        with _LOCK:
            path = typer_path(lang)
            _MODELS[lang] = NameTyper(path) if path.is_file() else None
    return _MODELS[lang]  # type: ignore[return-value]


class TyperIndex:
    """Answers ``lookup(start, end)`` like :class:`quizgen.analysis.ner.EntityIndex`, by
    classifying the name's tokens in its sentence."""

    def __init__(
        self, typer: NameTyper, text: str, tagged: Sequence[Token], ranges: Sequence[tuple[int, int]]
    ) -> None:
        self.typer = typer
        self.text = text
        self.tagged = tagged
        self.ranges = ranges
        self.starts = [t.start for t in tagged]
        self.sent_starts = [tagged[a].start if a < b else -1 for a, b in ranges]

    def lookup(self, start: int, end: int) -> Entity | None:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        if i >= j:
            return None
        for a, b in self.ranges:
            if a <= i < b:
                sent = self.tagged[a:b]
                kind, p = self.typer.classify(sent, i - a, min(j, b) - a)
                if p < MIN_CONFIDENCE:
                    return None
                return Entity(self.text[start:end], start, end, kind, p, "name typer")
        return None
