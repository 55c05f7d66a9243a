"""Rank drafts by the predicted probability that a strict teacher keeps them.

The model is a regularised logistic regression over the few, named features of
:mod:`quizgen.engine.rank_features` plus how often reviewers kept items of the draft's
category in its language (:func:`category_keep`, weighted by :data:`CATEGORY_WEIGHT`),
trained by ``training/train_ranker.py`` on blind-review labels kept in
``training/data/review_labels.jsonl``. Its weights ship as plain data in
``rank_model.json`` beside this module; scoring is plain Python (no numpy), well under a
millisecond per draft. The generator overgenerates, scores every draft with
:func:`keep_probability` and keeps those at or above :data:`THRESHOLD`, best first.

Example:
    >>> from quizgen.bank import Item, Source
    >>> text = "Putin tiba di Pyongyang pada Rabu pagi. Kim menyambutnya di bandara."
    >>> item = Item(id="x", kind="mcq", prompt="Di mana Kim menyambut Putin?",
    ...             answer="bandara", options=("bandara", "istana", "alun-alun", "hotel"),
    ...             source=Source(text[40:], 40, len(text)))
    >>> 0.0 <= keep_probability(item, text, "id") <= 1.0
    True
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from .rank_features import NAMES, item_features

MODEL_PATH = Path(__file__).with_name("rank_model.json")


def _load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    names = list(data["features"])
    unknown = [n for n in names if n not in NAMES]
    if unknown:  # pragma: no cover - a model file out of step with the code
        raise ValueError(f"{path.name} names features the code does not compute: {unknown}")
    return data


_MODEL = _load_model()
# log-odds = _BIAS + sum(coef * feature): the standardised weights folded back to raw units,
# so a feature at 0 (absent) contributes nothing and explain() names only what is present.
#: A feature whose standardised weight is smaller than this moves a draft's probability by
#: well under a hundredth: it is not computed (near-duplicate options cost a fifth of the
#: ranker's time for a weight of 0.011); its mean stays in the intercept.
MIN_WEIGHT = 0.02
_COEFS: tuple[tuple[str, float], ...] = tuple(
    (n, float(w) / (float(s) or 1.0))
    for n, s, w in zip(_MODEL["features"], _MODEL["scale"], _MODEL["weights"], strict=True)
    if abs(float(w)) >= MIN_WEIGHT
)
_BIAS = float(_MODEL["intercept"]) - sum(
    float(w) * float(m) / (float(s) or 1.0)
    for m, s, w in zip(_MODEL["mean"], _MODEL["scale"], _MODEL["weights"], strict=True)
)

#: Keep a draft when ``keep_probability(...) >= THRESHOLD``. Chosen by the training script on
#: out-of-fold predictions (folds grouped by article) for generated items: the threshold that
#: maximises F0.5 (precision counted twice as much as recall: eight good items beat twenty
#: mixed ones) among thresholds that keep at least a quarter of the drafts (a higher one rests
#: on a handful of items and starves the bank), and never below 0.4 (strict reviewers keep
#: about one generated draft in four: a draft predicted well above that earns its place).
#: ``rank_model.json`` records the figures at it.
THRESHOLD: float = float(_MODEL["threshold"])


@lru_cache(maxsize=16)
def _pack(language: str) -> Any:
    from quizgen.lang import get_pack
    from quizgen.lang.pack import LanguagePack

    try:
        return get_pack(language)
    except Exception:  # noqa: BLE001 - no pack: rank with language-neutral features only
        return LanguagePack(code=str(language), name=str(language))


_NEEDED = frozenset(n for n, _c in _COEFS)  # the features with a weight: only these are computed


def _contributions(item: Any, article_text: str, language: str) -> list[tuple[str, float]]:
    feats = item_features(item, article_text, _pack(language), _NEEDED)
    return [(n, c * feats[n]) for n, c in _COEFS if feats[n]]


def keep_probability(item: Any, article_text: str, language: str) -> float:
    """Predicted probability (0-1) that a strict teacher keeps ``item`` as written.

    Args:
        item: a :class:`quizgen.bank.Item` (or a dict with its field names); reads kind,
            prompt, options, answer, accepted and skill only.
        article_text: the article the item was written from (the bank's ``article.text``).
        language: the article's language code (``"id"``, ``"en"``; others use the features
            that need no language pack).
    """
    z = _BIAS + sum(c for _, c in _contributions(item, article_text, language))
    z += _category_push(item, language, article_text)
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


_CATEGORY_KEEP: dict[str, dict[str, list]] = _MODEL.get("category_keep", {})
_CATEGORY_MEAN: dict[str, float] = _MODEL.get("category_mean", {})
#: Weight of a category's keep rate (log-odds against its language's mean) added to the
#: features' log-odds; chosen by the training script on held-out articles.
CATEGORY_WEIGHT: float = float(_MODEL.get("category_weight", 0.0))


def _logit(p: float) -> float:
    p = min(max(p, 1e-3), 1 - 1e-3)
    return math.log(p / (1 - p))


def category_keep(item: Any, language: str, article_text: str | None = None) -> float | None:
    """How often blind reviewers kept items of ``item``'s category in ``language`` (the
    training script's smoothed rate for :func:`~quizgen.engine.rank_features.item_category`:
    a blank on a figure, a false statement among true ones, a typed name ...), or ``None``
    when no rated item of the language fell in it."""
    from .rank_features import Draft

    rates = _CATEGORY_KEEP.get(str(language))
    if not rates:
        return None
    hit = rates.get(_category_of(Draft.of(item), str(language), article_text))
    return float(hit[0]) if hit else None


@lru_cache(maxsize=512)  # a few articles' drafts: it holds their texts
def _category_of(draft: Any, language: str, article_text: str | None) -> str:
    """:func:`~quizgen.engine.rank_features.item_category`, once a draft: the selection asks
    for a draft's category three times (its probability, rarely kept, seldom kept)."""
    from .rank_features import item_category

    return item_category(draft, _pack(language), article_text)


def _category_push(item: Any, language: str, article_text: str | None = None) -> float:
    rate = category_keep(item, language, article_text)
    mean = _CATEGORY_MEAN.get(str(language))
    if rate is None or mean is None or not CATEGORY_WEIGHT:
        return 0.0
    return CATEGORY_WEIGHT * (_logit(rate) - _logit(mean))


def explain(item: Any, article_text: str, language: str, top: int = 5) -> list[tuple[str, float]]:
    """The features that moved ``item``'s score most, as ``(name, log-odds push)``, largest
    first: positive pushes towards keeping, negative towards dropping, relative to a draft on
    which the feature is absent (0). Meant for the item's ``reason``.

    Example:
        ``[("true_copied", -1.21), ("distractors_in_article", 0.43)]``
    """
    parts = [(n, round(c, 3)) for n, c in _contributions(item, article_text, language) if abs(c) >= 0.05]
    push = _category_push(item, language, article_text)
    if abs(push) >= 0.05:
        parts.append(("category_keep", round(push, 3)))
    parts.sort(key=lambda p: (-abs(p[1]), p[0]))
    return parts[:top]


def model_info() -> dict[str, Any]:
    """What the shipped model was trained on and how well it did (for the README and bench)."""
    return {k: v for k, v in _MODEL.items() if k not in ("mean", "scale", "weights")}
