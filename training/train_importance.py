#!/usr/bin/env python3
"""Train the sentence-importance model (``quizgen/engine/importance_model.json``).

One command, deterministic, a few seconds::

    python training/train_importance.py            # train, print held-out figures, write the model
    python training/train_importance.py --check    # train and compare with the shipped model only

Data: the 150 IndoSum articles of ``../shared/corpus/id-news.jsonl`` with their reference
summaries. Each sentence of an article (as quizgen's text layer splits it) is labelled
"summarised" when the summary holds at least 60% of its content words. Features: those of
:mod:`quizgen.engine.importance` (position, centrality, length, quotes, ...; none names a word of
a language, so the model serves every language pack). Model: L2 logistic regression on
standardised features by Newton's method (the ranker's :func:`fit`), its strength chosen by
cross-validation with folds grouped by article. Figures printed are on held-out articles:
AUC, and how often the sentence the model ranks first is summarised, beside the article's
first sentence.

The corpus is CC BY-SA 4.0 (IndoSum): so is the model file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from train_ranker import auc, fit, folds_of, predict  # noqa: E402

from quizgen.engine.importance import NAMES, content, sentence_features  # noqa: E402
from quizgen.intake import load_article  # noqa: E402
from quizgen.lang import get_pack  # noqa: E402
from quizgen.text import analyse  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "id-news.jsonl"
MODEL = ROOT / "quizgen" / "engine" / "importance_model.json"
LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0)
SUMMARISED = 0.6
LICENCE = (
    "Weights learned from the reference summaries of IndoSum articles (Kurniawan & Louvan, 2018), "
    "CC BY-SA 4.0: this file is shared under CC BY-SA 4.0."
)


def rows(path: Path = CORPUS):
    pack = get_pack("id")
    stop = frozenset(getattr(pack, "stopwords", frozenset()))
    xs, ys, groups = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec.get("summary"):
            continue
        article = load_article(rec["text"], language="id")  # as `quizgen generate` reads it
        layer = analyse(article, pack)
        sents = list(layer.sentences)
        summary = content(stop, rec["summary"])
        for s, f in zip(sents, sentence_features(sents, stop, article.title or ""), strict=True):
            own = content(stop, s.text)
            label = bool(own) and len(own & summary) / len(own) >= SUMMARISED
            xs.append([f[n] for n in NAMES])
            ys.append(float(label))
            groups.append(rec["id"])
    return np.array(xs), np.array(ys), groups


def top1(p: np.ndarray, y: np.ndarray, groups: list[str]) -> float:
    """Share of articles whose highest-scored sentence is summarised."""
    best: dict[str, tuple[float, float]] = {}
    for pi, yi, g in zip(p, y, groups, strict=True):
        if g not in best or pi > best[g][0]:
            best[g] = (pi, yi)
    return sum(v for _, v in best.values()) / max(1, len(best))


def train(x, y, groups):
    w = np.ones(len(y))
    active = x.std(0) > 1e-12
    folds = folds_of(groups)
    scores = {}
    for lam in LAMBDAS:
        p = np.zeros(len(y))
        for k in sorted(set(folds)):
            m = fit(x[folds != k], y[folds != k], w[folds != k], lam, active)
            p[folds == k] = predict(m, x[folds == k])
        scores[lam] = (auc(y, p), p)
    lam = max(LAMBDAS, key=lambda v: (round(scores[v][0], 4), -v))
    held = scores[lam][1]
    model = fit(x, y, w, lam, active)
    first = x[:, NAMES.index("first")]
    figures = {
        "articles": len(set(groups)),
        "sentences": len(y),
        "summarised": round(float(y.mean()), 3),
        "lambda": lam,
        "auc_held_out": round(scores[lam][0], 3),
        "top1_summarised_held_out": round(top1(held, y, groups), 3),
        "first_sentence_summarised": round(top1(first, y, groups), 3),
    }
    return {
        "features": list(NAMES),
        "intercept": round(float(model["intercept"]), 6),
        "weights": [round(float(v), 6) for v in model["weights"]],
        "mean": [round(float(v), 6) for v in model["mean"]],
        "scale": [round(float(v), 6) for v in model["scale"]],
        "figures": figures,
        "licence": LICENCE,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the shipped model differs")
    args = ap.parse_args(argv)
    model = train(*rows(args.corpus))
    print(json.dumps(model["figures"], indent=1))
    for n, wgt in sorted(zip(model["features"], model["weights"], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:20s} {wgt:+.3f}")
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        same = shipped == json.loads(json.dumps(model))
        print("shipped model matches" if same else "shipped model DIFFERS from a fresh training")
        return 0 if same else 1
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
