"""How much a sentence matters to its article: the probability that an editor's summary holds it.

A logistic regression over a dozen language-independent features of the sentence (where it
stands, how much of the rest of the article comes back to its words, how long it is, whether
it quotes, opens with a pointer back or is mostly figures), trained by
``training/train_importance.py`` on the reference summaries of the IndoSum articles in
``../shared/corpus/id-news.jsonl`` (a sentence counts as summarised when the summary holds most
of its content words). The weights ship as ``importance_model.json`` beside this module.

Used to pick the main-idea key (the article's most important claim, not its opening hook) and to
put facts of important sentences before incidental ones (a wallet's contents, a meal's price:
"tells nothing about the article's meaning" in every blind review).

Example:
    >>> from quizgen.engine.context import Context  # doctest: +SKIP
    >>> importance(ctx, 0)  # doctest: +SKIP
    0.83
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from .textutil import fold

MODEL_PATH = Path(__file__).with_name("importance_model.json")
_MODEL = json.loads(MODEL_PATH.read_text(encoding="utf-8"))

#: name -> what it measures (the order of the model's weights)
FEATURES: dict[str, str] = {
    "first": "the article's first sentence",
    "second": "the article's second sentence",
    "position": "index / number of sentences",
    "log_index": "log(1 + index)",
    "paragraph_first": "opens its paragraph",
    "paragraph_position": "paragraph / number of paragraphs",
    "centrality": "share of the other sentences sharing two content words or more with it",
    "coverage": "share of the article's recurring content words it holds",
    "title_share": "share of the headline's content words it holds",
    "log_words": "log(words)",
    "short": "fewer than eight words",
    "quote": "holds a quotation mark",
    "points_back": "opens with a pronoun or connective pointing back",
    "digits": "share of its words with digits",
    "names": "share of its words capitalised inside the sentence",
}
NAMES = tuple(FEATURES)
SAMPLE = 300  # sentences a sentence's centrality is measured against, at most
_QUOTES = ('"', "“", "”")
_BACK = {
    "ia", "dia", "mereka", "beliau", "hal", "namun", "tetapi", "sementara", "selain", "itu", "ini",
    "he", "she", "it", "they", "this", "that", "these", "those", "but", "however", "also", "meanwhile",
}  # fmt: skip


def content(stop: frozenset[str], text: str) -> set[str]:
    """Content words of a text, by their first five letters ("labor", "laborers")."""
    return {w[:5] for w in fold(text).split() if w not in stop and len(w) > 2 and w.isalpha()}


def article_stats(sentences: list, stop: frozenset[str], title: str = "") -> dict:
    """What every sentence's features are measured against (computed once per article)."""
    sets = [content(stop, s.text) for s in sentences]
    n = len(sentences)
    counts: dict[str, int] = {}
    for ws in sets:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    first_of_paragraph: dict[int, int] = {}
    for i, s in enumerate(sentences):
        first_of_paragraph.setdefault(s.paragraph, i)
    # centrality compares a sentence with the others: with a book's thousands of sentences, an
    # evenly spaced sample of them (the comparison stays linear in the article's length)
    step = max(1, n // SAMPLE)
    return {
        "sets": sets,
        "n": n,
        "n_par": max((s.paragraph for s in sentences), default=0) + 1,
        "recurring": {w for w, c in counts.items() if c >= 2},
        "title": content(stop, title) if title else set(),
        "sample": list(range(0, n, step)),
        "first_of_paragraph": first_of_paragraph,
    }


def features_of(sentences: list, i: int, st: dict) -> dict[str, float]:
    """The features of sentence ``i`` (see :data:`FEATURES`)."""
    s = sentences[i]
    sets, n, recurring, tw = st["sets"], st["n"], st["recurring"], st["title"]
    words = s.text.split()
    others = [sets[j] for j in st["sample"] if j != i and sets[j]]
    first_word = fold(words[0]) if words else ""
    return {
        "first": float(i == 0),
        "second": float(i == 1),
        "position": i / max(1, n - 1),
        "log_index": math.log1p(i),
        "paragraph_first": float(st["first_of_paragraph"][s.paragraph] == i),
        "paragraph_position": s.paragraph / max(1, st["n_par"] - 1),
        "centrality": sum(len(sets[i] & w) >= 2 for w in others) / max(1, len(others)),
        "coverage": len(sets[i] & recurring) / max(1, len(recurring)),
        "title_share": len(sets[i] & tw) / max(1, len(tw)) if tw else 0.0,
        "log_words": math.log1p(len(words)),
        "short": float(len(words) < 8),
        "quote": float(any(q in s.text for q in _QUOTES)),
        "points_back": float(first_word in _BACK),
        "digits": sum(bool(re.search(r"\d", w)) for w in words) / max(1, len(words)),
        "names": sum(w[:1].isupper() for w in words[1:]) / max(1, len(words) - 1),
    }


def sentence_features(sentences: list, stop: frozenset[str], title: str = "") -> list[dict[str, float]]:
    """The features of every sentence of an article (``sentences``: objects with ``text``,
    ``index`` and ``paragraph``), in order."""
    st = article_stats(sentences, stop, title)
    return [features_of(sentences, i, st) for i in range(len(sentences))]


def probability(features: dict[str, float], model: dict | None = None) -> float:
    m = model or _MODEL
    z = m["intercept"] + sum(
        w * (features[n] - mu) / (sd or 1.0)
        for n, w, mu, sd in zip(m["features"], m["weights"], m["mean"], m["scale"], strict=True)
    )
    return 1.0 / (1.0 + math.exp(-z))


def importance(ctx, index: int) -> float:
    """The probability that a summary of the article holds sentence ``index`` (computed for
    the sentences asked about only: a book has thousands)."""
    memo = ctx.cache.setdefault("importance", {})
    if index not in memo:
        sentences = ctx.layer.sentences
        if not 0 <= index < len(sentences):
            return 0.0
        st = ctx.cache.get("importance_stats")
        if st is None:
            stop = frozenset(getattr(ctx.pack, "stopwords", frozenset()))
            st = ctx.cache["importance_stats"] = article_stats(sentences, stop, ctx.layer.article.title or "")
        memo[index] = probability(features_of(sentences, index, st))
    return memo[index]
