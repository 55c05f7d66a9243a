"""Train the English name typer by distant supervision over en-news (no English entity data).

One command (writes ``quizgen/analysis/models/en-nametypes.npz``; then run
``python training/eval_en_entities.py`` for its accuracy on the hand-labelled names)::

    python training/train_en_entities.py

Labels: the names the text layer types from evidence of its own (gazetteer, title,
organisation word, speech verb, place preposition; not "assumed") in the en-news articles
that are not in the hand-labelled test set ``tests/data/en-entity-types.tsv``.
"""

from __future__ import annotations

import bisect
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from perceptron import train  # noqa: E402
from ud import CORPUS  # noqa: E402

import quizgen  # noqa: E402
import quizgen.text as text_layer  # noqa: E402
from quizgen.analysis.entity_types import mention_features  # noqa: E402
from quizgen.analysis.linear import pack_strings  # noqa: E402

CLASSES = ["person", "place", "organisation"]
EPOCHS = 10
SEED = 1


def examples() -> tuple[list[list[str]], list[str]]:
    held = {
        line.split("\t")[0]
        for line in (ROOT / "tests" / "data" / "en-entity-types.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    }
    saved = text_layer.entity_index
    text_layer.entity_index = lambda *a, **k: None  # the labels must not come from the model itself
    feats: list[list[str]] = []
    golds: list[str] = []
    try:
        for line in (CORPUS / "en-news.jsonl").read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            if a["id"] in held:
                continue
            layer = quizgen.analyse(quizgen.load_article(a["text"], language="en"))
            starts = [t.start for t in layer.tagged]
            for c in layer.candidates:
                if c.type not in CLASSES or any("assumed" in r for r in c.reasons):
                    continue
                sa, sb = layer.tagged_ranges[c.sentence]
                i = bisect.bisect_left(starts, c.start, sa, sb)
                j = bisect.bisect_left(starts, c.end, sa, sb)
                if i < j:
                    feats.append(mention_features(layer.tagged[sa:sb], i - sa, j - sa))
                    golds.append(c.type)
    finally:
        text_layer.entity_index = saved
    return feats, golds


def temperature(feats: list[list[str]], golds: list[str]) -> float:
    """The softmax temperature that makes held-out probabilities honest (5-fold: the
    temperature with the lowest negative log-likelihood on the folds left out)."""
    scores: list[np.ndarray] = []
    gold_ix: list[int] = []
    for fold in range(5):
        tr = [k for k in range(len(feats)) if k % 5 != fold]
        names, w = train([feats[k] for k in tr], [golds[k] for k in tr], CLASSES, EPOCHS, SEED)
        index = {f: i for i, f in enumerate(names)}
        for k in range(fold, len(feats), 5):
            rows = [index[f] for f in feats[k] if f in index]
            scores.append(w[rows].sum(axis=0))
            gold_ix.append(CLASSES.index(golds[k]))
    s = np.stack(scores)
    g = np.asarray(gold_ix)
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.25, 10.01, 0.25):
        z = s / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -float(logp[np.arange(len(g)), g].mean())
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def main() -> int:
    feats, golds = examples()
    temp = temperature(feats, golds)
    names, w = train(feats, golds, CLASSES, EPOCHS, SEED)
    keep = np.abs(w).max(axis=1) >= 0.01
    names = [f for f, k in zip(names, keep, strict=True) if k]
    w = w[keep]
    scale = float(np.abs(w).max() / 127.0) or 1.0
    out = ROOT / "quizgen" / "analysis" / "models" / "en-nametypes.npz"
    np.savez_compressed(
        out,
        classes=pack_strings(CLASSES),
        features=pack_strings(names),
        weights=np.round(w / scale).astype(np.int8),
        scale=np.float64(scale),
        temperature=np.float64(temp),
    )
    counts = {c: golds.count(c) for c in CLASSES}
    print(
        f"en name typer: {len(golds)} distantly labelled names {counts}; {len(names)} features, "
        f"softmax temperature {temp:g} -> {out.name}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
