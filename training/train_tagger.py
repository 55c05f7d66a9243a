"""Train the UPOS tagger of a language pack from the shared UD treebanks.

One command per language (writes ``quizgen/analysis/models/<lang>-upos.npz`` and prints
held-out accuracy)::

    python training/train_tagger.py id
    python training/train_tagger.py en

Splits: Indonesian trains on GSD dev + CSUI train and is evaluated on GSD test + CSUI
test (surface tokens; a multiword token such as ``rumahnya`` takes its first word's tag).
English trains on EWT dev + the even-numbered sentences of EWT test and is evaluated on
the odd-numbered ones. ``--out`` writes elsewhere (the tests retrain a small config).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from perceptron import train  # noqa: E402
from ud import tagging_sets  # noqa: E402

from quizgen.analysis.features import window_features  # noqa: E402
from quizgen.analysis.linear import LinearTagger, pack_strings  # noqa: E402

UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
EPOCHS = 8
SEED = 1
PRUNE = 0.02  # features whose largest averaged weight is below this are dropped


def build(sents: list[tuple[list[str], list[str]]], epochs: int, seed: int, prune: float) -> dict:
    examples, golds = [], []
    for words, tags in sents:
        for i, tag in enumerate(tags):
            examples.append(window_features(words, i))
            golds.append(tag)
    feats, w = train(examples, golds, UPOS, epochs, seed)
    bias_row = feats.index("bias")
    bias = w[bias_row].copy()
    keep = np.abs(w).max(axis=1) >= prune
    keep[bias_row] = False
    feats = [f for f, k in zip(feats, keep, strict=True) if k]
    w = w[keep]
    scale = float(np.abs(w).max() / 127.0) or 1.0
    q = np.round(w / scale).astype(np.int8)
    return {
        "classes": pack_strings(UPOS),
        "features": pack_strings(feats),
        "weights": q,
        "scale": np.float64(scale),
        "bias": bias.astype(np.float32),
    }


def accuracy(tagger: LinearTagger, sents: list[tuple[list[str], list[str]]]) -> tuple[float, int]:
    pred = tagger.tag_sentences([w for w, _ in sents])
    right = total = 0
    for (_, gold), p in zip(sents, pred, strict=True):
        right += sum(a == b for a, b in zip(gold, p, strict=True))
        total += len(gold)
    return right / total, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("lang", choices=["id", "en"])
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    t0 = time.time()
    tr, te, _ = tagging_sets(args.lang)
    if args.limit:
        tr = tr[: args.limit]
    arrays = build(tr, args.epochs, SEED, PRUNE)
    out = args.out or ROOT / "quizgen" / "analysis" / "models" / f"{args.lang}-upos.npz"
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    tagger = LinearTagger.load(out)
    acc, n = accuracy(tagger, te)
    digest = hashlib.sha256(b"".join(np.ascontiguousarray(a).tobytes() for a in arrays.values())).hexdigest()
    print(
        f"{args.lang}: trained on {sum(len(w) for w, _ in tr)} tokens, held-out UPOS accuracy "
        f"{acc:.4f} on {n} tokens; {len(tagger.index)} features, {out.stat().st_size / 1e6:.2f} MB, "
        f"weights sha256 {digest[:16]} ({time.time() - t0:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
