"""The part-of-speech tagger at run time: two passes of a linear model over window features.

The model (``models/<lang>-upos.npz``, made by ``training/train_tagger.py``) holds feature
weights of two passes. In each pass a token's score for each UPOS tag is a bias plus, for
each position of the window ``i-2 .. i+2``, the summed weights of the features of the word
at that position. Those sums depend only on the word type and the position, so they are
computed once per type (a ``5 x tags`` array per pass, cached) and a pass over a whole
article is a handful of numpy gathers, one addition per window position and an arg-max.
The second pass adds weights for the first pass's tags of the neighbours (``i-2``,
``i-1``, ``i+1``): three more gathers.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

import numpy as np

from .features import BOS, EOS, POSITIONS, type_features

_CACHE_MAX = 200_000  # word types kept per model; beyond that the cache starts afresh
_CONTEXT = ("L2=", "L=", "R=")  # second-pass features of neighbour tags
_OFFSETS = np.asarray(POSITIONS)  # a token's window: the rows at -2 .. +2
_POSITION_AXIS = np.arange(len(POSITIONS))


def pack_strings(items: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array (newline-separated): compact in an ``.npz``."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def unpack_strings(arr: np.ndarray) -> list[str]:
    data = arr.tobytes().decode("utf-8")
    return data.split("\n") if data else []


class _Pass:
    """One linear pass: feature index, weights (with a zero row last), bias, neighbour tables."""

    def __init__(
        self,
        classes: list[str],
        features: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        lexicon: dict[str, str] | None = None,
    ) -> None:
        t = len(classes)
        self.lexicon = lexicon
        tag_ix = {c: k for k, c in enumerate(classes)}
        tag_ix[BOS] = t
        tag_ix[EOS] = t
        self.context = np.zeros((len(_CONTEXT), t + 1, t), dtype=np.float32)
        keep: list[int] = []
        names: list[str] = []
        for k, f in enumerate(features):
            for c, prefix in enumerate(_CONTEXT):
                if f.startswith(prefix):
                    self.context[c, tag_ix[f[len(prefix) :]]] = weights[k]
                    break
            else:
                keep.append(k)
                names.append(f)
        self.index = {f: k for k, f in enumerate(names)}
        self.weights = np.vstack([weights[keep], np.zeros((1, t), dtype=np.float32)]).astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.has_context = bool(np.any(self.context))
        self.table = np.zeros((0, len(POSITIONS), t), dtype=np.float32)  # rows of LinearTagger.rows

    def scores(self, table: np.ndarray, window: np.ndarray) -> np.ndarray:
        """Scores of the tokens whose window (word rows at positions -2 .. +2) is ``window``."""
        parts = table[window, _POSITION_AXIS]  # (tokens, positions, tags): one gather
        total = self.bias + parts[:, 0]
        for k in range(1, len(POSITIONS)):
            total += parts[:, k]
        return total


class LinearTagger:
    """Tag sequences of words with a decomposed two-pass window model.

    Example:
        >>> t = LinearTagger.load(model_path("en", "upos"))  # doctest: +SKIP
        >>> t.tag_words(["I", "saw", "her", "."])  # doctest: +SKIP
        ['PRON', 'VERB', 'PRON', 'PUNCT']
    """

    def __init__(
        self,
        classes: list[str],
        passes: list[_Pass],
        vocab: list[str] | None = None,
        tables: list[np.ndarray] | None = None,
    ) -> None:
        self.classes = classes
        self.passes = passes
        self._lock = threading.Lock()
        # one index over the features of all passes, their weights side by side: a word
        # type's features are looked up once for every pass
        t = len(classes)
        names = sorted(set().union(*(p.index for p in passes)))
        self.index = {f: k for k, f in enumerate(names)}
        self._weights = np.zeros((len(names) + 1, t * len(passes)), dtype=np.float32)
        for j, p in enumerate(passes):
            dst = np.fromiter((self.index[f] for f in p.index), dtype=np.int64, count=len(p.index))
            src = np.fromiter(p.index.values(), dtype=np.int64, count=len(p.index))
            self._weights[dst, j * t : (j + 1) * t] = p.weights[src]
        self.rows: dict[str, int] = {}  # word type -> its row in every pass's table
        self._size = 0
        # score tables of the frequent word types, computed at training time and shipped
        self._vocab = vocab or []
        self._tables = tables or []
        self._reset()

    def _reset(self) -> None:
        self.rows = {}
        self._size = 0
        n = max(1024, 2 * (len(self._vocab) + 2))
        for p in self.passes:
            p.table = np.zeros((n, len(POSITIONS), len(self.classes)), dtype=np.float32)
        self._add([BOS, EOS])
        if self._vocab:
            end = 2 + len(self._vocab)
            for p, t in zip(self.passes, self._tables, strict=True):
                p.table[2:end] = t
            self.rows.update((w, k) for k, w in enumerate(self._vocab, start=2))
            self._size = end

    def _compute(self, new: list[str]) -> np.ndarray:
        """Score vectors ``(len(new), 5, passes x tags)`` of word types, in one batch."""
        lexicon = self.passes[0].lexicon
        get = self.index.get
        zero = len(self._weights) - 1
        rows: list[int] = []
        starts: list[int] = []
        for w in new:
            cur = -1
            for k, f in type_features(w, lexicon):
                if k != cur:  # features come grouped by position, each position has some
                    starts.append(len(rows))
                    rows.append(zero)
                    cur = k
                r = get(f)
                if r is not None:
                    rows.append(r)
        sums = np.add.reduceat(self._weights[rows], starts, axis=0)
        return sums.reshape(len(new), len(POSITIONS), -1)

    def frequent_tables(self, words: list[str]) -> list[np.ndarray]:
        """The score tables of ``words`` in each pass (to ship them with the model)."""
        self._add([w for w in dict.fromkeys(words) if w not in self.rows])
        idx = np.asarray([self.rows[w] for w in words], dtype=np.int64)
        return [p.table[idx] for p in self.passes]

    def _add(self, new: list[str]) -> None:
        """Compute and store the score vectors of word types not seen before."""
        if self._size + len(new) > _CACHE_MAX:
            self._reset()
        need = self._size + len(new)
        sums = self._compute(new)
        t = len(self.classes)
        for j, p in enumerate(self.passes):
            if need > len(p.table):
                grown = np.zeros((max(need, 2 * len(p.table)), *p.table.shape[1:]), dtype=np.float32)
                grown[: self._size] = p.table[: self._size]
                p.table = grown
            p.table[self._size : need] = sums[:, :, j * t : (j + 1) * t]
        for k, w in enumerate(new, start=self._size):
            self.rows[w] = k
        self._size = need

    @classmethod
    def load(cls, path: Path) -> LinearTagger:
        with np.load(path, allow_pickle=False) as z:
            classes = unpack_strings(z["classes"])
            lexicon = None
            if "lexicon" in z:
                lexicon = dict(line.split("\t", 1) for line in unpack_strings(z["lexicon"]))
            passes = []
            for p in ("", "2"):
                if "features" + p not in z:
                    continue
                weights = z["weights" + p].astype(np.float32) * float(z["scale" + p])
                passes.append(
                    _Pass(classes, unpack_strings(z["features" + p]), weights, z["bias" + p], lexicon)
                )
            vocab, tables = None, None
            if "vocab" in z:
                vocab = unpack_strings(z["vocab"])
                tables = [z["table" + p].astype(np.float32) for p in ("", "2")[: len(passes)]]
        return cls(classes, passes, vocab, tables)

    def scores(self, sentences: list[list[str]]) -> np.ndarray:
        """Final scores ``(tokens, tags)`` for the tokens of all ``sentences`` in order."""
        t = len(self.classes)
        with self._lock:
            rows = self.rows
            new = [w for ws in sentences for w in ws if w not in rows]
            if new:
                self._add(list(dict.fromkeys(new)))
                rows = self.rows
            flat = [rows[w] for ws in sentences for w in ws]
            if not flat:
                return np.zeros((0, t), dtype=np.float32)
            # each sentence is padded with two BOS (row 0) before and two EOS (row 1) after
            if len(sentences) == 1:  # the common call: one short text
                n = len(flat)
                ids = np.empty(n + 4, dtype=np.int64)
                ids[:2] = 0
                ids[2 : n + 2] = flat
                ids[n + 2 :] = 1
                centres = np.arange(2, n + 2)
            else:
                lens = np.fromiter((len(ws) for ws in sentences), dtype=np.int64, count=len(sentences))
                sent_of = np.repeat(np.arange(len(sentences)), lens)
                centres = np.arange(len(flat)) + 2 + 4 * sent_of
                ids = np.zeros(len(flat) + 4 * len(sentences), dtype=np.int64)
                ends = np.cumsum(lens + 4)  # one past each sentence's padding
                ids[ends - 1] = 1
                ids[ends - 2] = 1
                ids[centres] = flat
            at = centres[:, None] + _OFFSETS  # (tokens, positions): padded layout indexes
            window = ids[at]
            first = self.passes[0]
            total = first.scores(first.table, window)
            for p in self.passes[1:]:
                # the first pass's tags, on the padded layout (padding = index t: BOS/EOS)
                prev = np.full(len(ids), t, dtype=np.int64)
                prev[centres] = total.argmax(axis=1)
                total = p.scores(p.table, window)
                if p.has_context:
                    total += p.context[0, prev[at[:, 0]]]
                    total += p.context[1, prev[at[:, 1]]]
                    total += p.context[2, prev[at[:, 3]]]
        return total

    def knows(self, word: str) -> bool:
        """Is the lower-case word in the lexicon of the tagger's training data?"""
        lexicon = self.passes[0].lexicon if self.passes else None
        return bool(lexicon) and word in lexicon

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        best = self.scores(sentences).argmax(axis=1).tolist()
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
