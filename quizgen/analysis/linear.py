"""The part-of-speech tagger at run time: a linear model over window features.

The model (``models/<lang>-upos.npz``, made by ``training/train_tagger.py``) holds feature
weights. A token's score for each UPOS tag is a bias plus, for each position of the window
``i-2 .. i+2``, the summed weights of the features of the word at that position. Those
sums depend only on the word type and the position, so they are computed once per type
(a ``5 x tags`` array, cached) and tagging a whole article is a handful of numpy gathers,
one addition per window position and an arg-max.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

import numpy as np

from .features import BOS, EOS, POSITIONS, word_features

_CACHE_MAX = 200_000  # word types kept per model; beyond that the cache starts afresh


def pack_strings(items: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array (newline-separated): compact in an ``.npz``."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: np.ndarray) -> list[str]:
    data = arr.tobytes().decode("utf-8")
    return data.split("\n") if data else []


class LinearTagger:
    """Tag sequences of words with a decomposed window model.

    Example:
        >>> t = LinearTagger.load(model_path("en", "upos"))  # doctest: +SKIP
        >>> t.tag_words(["I", "saw", "her", "."])  # doctest: +SKIP
        ['PRON', 'VERB', 'PRON', 'PUNCT']
    """

    def __init__(
        self, classes: list[str], features: list[str], weights: np.ndarray, bias: np.ndarray
    ) -> None:
        self.classes = classes
        self.index = {f: k for k, f in enumerate(features)}
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path) -> LinearTagger:
        with np.load(path, allow_pickle=False) as z:
            classes = unpack_strings(z["classes"])
            features = unpack_strings(z["features"])
            weights = z["weights"].astype(np.float32) * float(z["scale"])
            bias = z["bias"].astype(np.float32)
        return cls(classes, features, weights, bias)

    def _type_vectors(self, word: str) -> np.ndarray:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        out = np.zeros((len(POSITIONS), len(self.classes)), dtype=np.float32)
        idx = self.index
        w = self.weights
        for k, pos in enumerate(POSITIONS):
            rows = [idx[f] for f in word_features(word, pos) if f in idx]
            if rows:
                out[k] = w[rows].sum(axis=0)
        if len(self._cache) >= _CACHE_MAX:
            with self._lock:
                self._cache.clear()
        self._cache[word] = out
        return out

    def scores(self, sentences: list[list[str]]) -> np.ndarray:
        """Scores ``(tokens, tags)`` for the tokens of all ``sentences`` in order."""
        types: dict[str, int] = {BOS: 0, EOS: 1}
        padded: list[int] = []
        centres: list[int] = []
        for words in sentences:
            padded += [0, 0]
            for w in words:
                centres.append(len(padded))
                padded.append(types.setdefault(w, len(types)))
            padded += [1, 1]
        if not centres:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        table = np.stack([self._type_vectors(w) for w in types])  # (types, 5, tags)
        ids = np.asarray(padded, dtype=np.int64)
        c = np.asarray(centres, dtype=np.int64)
        total = self.bias + table[ids[c - 2], 0]
        for k in range(1, len(POSITIONS)):
            total += table[ids[c + k - 2], k]
        return total

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        best = self.scores(sentences).argmax(axis=1)
        names = self.classes
        out: list[list[str]] = []
        k = 0
        for words in sentences:
            out.append([names[j] for j in best[k : k + len(words)]])
            k += len(words)
        return out

    def tag_words(self, words: list[str]) -> list[str]:
        return self.tag_sentences([words])[0]


def model_path(lang: str, kind: str) -> Path:
    """The shipped model file ``quizgen/analysis/models/<lang>-<kind>.npz``."""
    return Path(str(resources.files("quizgen.analysis") / "models" / f"{lang}-{kind}.npz"))
