"""A multiclass averaged perceptron over sparse string features, in numpy.

Deterministic: examples are visited in an order drawn from a seeded generator, and ties
in the arg-max go to the lowest class index.
"""

from __future__ import annotations

from collections import Counter

import numpy as np


class AveragedPerceptron:
    def __init__(self, classes: list[str], features: list[str]) -> None:
        self.classes = classes
        self.index = {f: k for k, f in enumerate(features)}
        n, t = len(features), len(classes)
        self.w = np.zeros((n, t), dtype=np.float64)
        self._total = np.zeros((n, t), dtype=np.float64)
        self._stamp = np.zeros((n, t), dtype=np.int64)
        self._now = 0

    def ids(self, feats: list[str]) -> np.ndarray:
        idx = self.index
        return np.fromiter(sorted({idx[f] for f in feats if f in idx}), dtype=np.int64)

    def _bump(self, ids: np.ndarray, c: int, delta: float) -> None:
        col_total = self._total[ids, c]
        col_total += (self._now - self._stamp[ids, c]) * self.w[ids, c]
        self._total[ids, c] = col_total
        self._stamp[ids, c] = self._now
        self.w[ids, c] += delta

    def update(self, ids: np.ndarray, gold: int, pred: int) -> None:
        self._now += 1
        if gold != pred:
            self._bump(ids, gold, 1.0)
            self._bump(ids, pred, -1.0)

    def average(self) -> np.ndarray:
        total = self._total + (self._now - self._stamp) * self.w
        return total / max(self._now, 1)


def feature_vocab(examples: list[list[str]], min_count: int) -> list[str]:
    counts = Counter(f for feats in examples for f in set(feats))
    return sorted(f for f, c in counts.items() if c >= min_count)


def train(
    examples: list[list[str]],
    golds: list[str],
    classes: list[str],
    epochs: int,
    seed: int,
    min_count: int = 1,
) -> tuple[list[str], np.ndarray]:
    """Train on ``(features, gold class)`` examples; return the feature list and averaged weights."""
    vocab = feature_vocab(examples, min_count)
    model = AveragedPerceptron(classes, vocab)
    cidx = {c: k for k, c in enumerate(classes)}
    ids = [model.ids(f) for f in examples]
    gold = [cidx[g] for g in golds]
    rng = np.random.default_rng(seed)
    order = np.arange(len(examples))
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            x = ids[k]
            pred = int(np.argmax(model.w[x].sum(axis=0)))
            model.update(x, gold[k], pred)
    return vocab, model.average()
