"""Named entities at run time: the trained entity tagger, and an index the text layer asks.

Indonesian has a CRF (python-crfsuite) trained on IndoNLU NERP by
``training/train_ner.py``: BIO tags PPL (person), PLC (place), IND (organisation or
company), EVT (event), FNB (food). The training text is lowercased, so the model reads
the article lowercased; its spans are then *evidence* for the capitalised names the text
layer finds, weighed with the article's own cues (see :mod:`quizgen.text.nametypes`).
English has no entity training data in the corpus: there is no English model, and
:func:`entities` returns nothing for it (the text layer types English names from the
gazetteer, titles, organisation words and context).
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .tokenize import token_spans

LABELS = {"PPL": "person", "PLC": "place", "IND": "organisation", "EVT": "event", "FNB": "food"}

_MODELS: dict[str, object] = {}
_MEMO_MAX = 100_000  # cached word features per model; beyond, the cache starts afresh
_SEEN_MAX = 5_000  # sentences whose entities are kept per model
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Entity:
    """A span the entity tagger marked, with its type and the model's confidence."""

    text: str
    start: int
    end: int
    type: str  # person, place, organisation, event, food
    confidence: float  # mean marginal probability of the span's tags
    source: str = "entity tagger"  # the model that said so (English: "name typer")


def ner_model_path(lang: str) -> Path:
    return Path(str(resources.files("quizgen.analysis") / "models" / f"{lang}-ner.crfsuite"))


class _Model:
    def __init__(self, lang: str, path: Path) -> None:
        import pycrfsuite

        from . import get_tagger
        from .ner_features import ner_lexicon

        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.lex = ner_lexicon(lang)
        upos = get_tagger(lang)
        self.tags = upos.passes[0].lexicon if upos is not None else None
        self.lock = threading.Lock()
        self.memo: dict = {}  # per-word features (see sentence_features), used under lock
        # entities of the sentences tagged lately, by their words: the same article again
        # (another seed, other kinds) is not tagged again; used under lock
        self.seen: dict[tuple[str, ...], tuple[tuple[int, int, str, float], ...]] = {}


def _model(lang: str) -> _Model | None:
    if lang in _MODELS:
        return _MODELS[lang]  # type: ignore[return-value]
    with _LOCK:
        if lang not in _MODELS:
            path = ner_model_path(lang)
            _MODELS[lang] = _Model(lang, path) if path.is_file() else None
    return _MODELS[lang]  # type: ignore[return-value]


def has_ner(lang: str) -> bool:
    return ner_model_path(lang).is_file()


def entities_in(
    text: str,
    spans: Sequence[tuple[int, int]],
    lang: str,
    words_of: Sequence[Sequence[tuple[str, int, int]]] | None = None,
) -> list[Entity]:
    """The entities of each ``(start, end)`` span of ``text`` (sentences), in text order.

    ``words_of`` may give each span's ``(word, start, end)`` tokens (those of
    :func:`~quizgen.analysis.tokenize.token_spans`) when they are already at hand.
    """

    model = _model(lang)
    if model is None:
        return []
    out: list[Entity] = []
    with model.lock:
        for n, (a, b) in enumerate(spans):
            toks = token_spans(text, lang, a, b) if words_of is None else words_of[n]
            if not toks:
                continue
            words = tuple(w for w, _, _ in toks)
            found = model.seen.get(words)
            if found is None:
                found = _tag_words(model, words)
                if len(model.seen) >= _SEEN_MAX:
                    model.seen.pop(next(iter(model.seen)))  # the oldest sentence
                model.seen[words] = found
            for first, last, kind, confidence in found:
                s, e = toks[first][1], toks[last][2]
                out.append(Entity(text[s:e], s, e, kind, confidence))
    return out


def _tag_words(model: _Model, words: tuple[str, ...]) -> tuple[tuple[int, int, str, float], ...]:
    """``(first token, last token, type, confidence)`` of each entity of one sentence."""
    from .ner_features import sentence_features

    if len(model.memo) > _MEMO_MAX:
        model.memo.clear()
    tags = model.tagger.tag(sentence_features(list(words), model.lex, model.tags, model.memo))
    out = []
    start = None
    for i, t in enumerate([*tags, "O"]):
        inside = t.startswith("I-") and start is not None and t[2:] == tags[start][2:]
        if start is not None and not inside:
            kind = tags[start][2:]
            probs = [model.tagger.marginal(tags[k], k) for k in range(start, i)]
            out.append((start, i - 1, LABELS.get(kind, kind.lower()), sum(probs) / len(probs)))
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start = i
    return tuple(out)


def entities(text: str, lang: str) -> list[Entity]:
    """Entities of ``text`` read as one sentence (split long texts into sentences first).

    Example:
        >>> [(e.text, e.type) for e in entities("Presiden Joko Widodo tiba di Surabaya.", "id")]  # doctest: +SKIP
        [('Joko Widodo', 'person'), ('Surabaya', 'place')]
    """
    return entities_in(text, [(0, len(text))], lang)


class EntityIndex:
    """Look up the model's entity for a character span (a name the text layer found)."""

    def __init__(self, found: Sequence[Entity]) -> None:
        self.items = sorted(found, key=lambda e: e.start)
        self.starts = [e.start for e in self.items]

    def lookup(self, start: int, end: int) -> Entity | None:
        """The entity covering most of ``[start, end)`` (more than half of it), if any."""
        i = bisect.bisect_right(self.starts, end) - 1
        best, best_cover = None, 0
        while i >= 0:
            e = self.items[i]
            if e.end <= start:
                if e.start < start - 200:
                    break
                i -= 1
                continue
            cover = min(end, e.end) - max(start, e.start)
            if cover > best_cover:
                best, best_cover = e, cover
            i -= 1
        if best is not None and best_cover * 2 > end - start:
            return best
        return None


class LazyEntityIndex:
    """An :class:`EntityIndex` that runs the entity tagger on a sentence only when a span
    inside it is looked up: most sentences of a long article are never asked about.

    ``lookup`` answers as the full index would: the entities of a sentence lie inside it,
    so those overlapping ``[start, end)`` all come from the sentences that overlap it.
    """

    def __init__(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        lang: str,
        words_of: Sequence[Sequence[tuple[str, int, int]]] | None = None,
    ) -> None:
        if _model(lang) is None:  # loads the model now: python-crfsuite missing raises here
            spans = ()
        self.text = text
        self.lang = lang
        self.spans = list(spans)
        self.span_starts = [a for a, _ in self.spans]
        self.words_of = words_of
        self.done: dict[int, list[Entity]] = {}

    def _sentence(self, n: int) -> list[Entity]:
        hit = self.done.get(n)
        if hit is None:
            words = None if self.words_of is None else [self.words_of[n]]
            hit = self.done[n] = entities_in(self.text, [self.spans[n]], self.lang, words)
        return hit

    def lookup(self, start: int, end: int) -> Entity | None:
        """The entity covering most of ``[start, end)`` (more than half of it), if any."""
        n = max(0, bisect.bisect_right(self.span_starts, start) - 1)
        found: list[Entity] = []
        while n < len(self.spans) and self.spans[n][0] < end:
            if self.spans[n][1] > start:
                found.extend(self._sentence(n))
            n += 1
        return EntityIndex(found).lookup(start, end) if found else None
