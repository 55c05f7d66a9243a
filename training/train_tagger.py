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
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from perceptron import train  # noqa: E402
from ud import CORPUS, read_bio, tagging_sets  # noqa: E402

from quizgen.analysis.features import context_features, window_features  # noqa: E402
from quizgen.analysis.linear import LinearTagger, pack_strings  # noqa: E402

UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
EPOCHS = 8
SEED = 1
PRUNE = 0.02  # features whose largest averaged weight is below this are dropped


FOLDS = 5
VOCAB_MAX = 6000  # training word types whose score tables ship with the model


# IndoNLU POSP (PROSA tags, lowercased news) as a word list: lowercase word -> UPOS tags.
PROSA_TO_UPOS = {
    "NNO": "NOUN", "NNP": "PROPN", "PPO": "ADP", "VBT": "VERB", "VBI": "VERB", "VBP": "VERB",
    "VBE": "VERB", "VBL": "AUX", "NUM": "NUM", "ADJ": "ADJ", "CCN": "CCONJ", "CSN": "SCONJ",
    "ADV": "ADV", "ADK": "ADV", "PRR": "PRON", "PRN": "PRON", "PRI": "PRON", "PRK": "PRON",
    "ART": "DET", "KUA": "DET", "NEG": "PART", "PAR": "PART", "INT": "INTJ", "UNS": "X", "$$$": "SYM",
}  # fmt: skip
LEXICON_SHARE = 0.2  # a tag counts for a word when it has at least this share of its uses


def posp_lexicon() -> dict[str, str]:
    """Lowercase word -> ``"TAG|TAG"`` (tags with a share >= LEXICON_SHARE) from POSP train."""
    from collections import Counter, defaultdict

    counts: dict[str, Counter] = defaultdict(Counter)
    for words, tags in read_bio(CORPUS / "indonlu" / "posp_pos-prosa" / "train_preprocess.txt"):
        for w, t in zip(words, tags, strict=True):
            u = PROSA_TO_UPOS.get(t[2:])
            if u and any(ch.isalpha() for ch in w):
                counts[w.lower()][u] += 1
    out = {}
    for w, c in counts.items():
        total = sum(c.values())
        tags = sorted(t for t, k in c.items() if k / total >= LEXICON_SHARE)
        if tags:
            out[w] = "|".join(tags)
    return out


def _train_pass(
    examples: list[list[str]], golds: list[str], epochs: int, seed: int, prune: float, suffix: str
) -> dict:
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
        "features" + suffix: pack_strings(feats),
        "weights" + suffix: q,
        "scale" + suffix: np.float64(scale),
        "bias" + suffix: bias.astype(np.float32),
    }


def _first_pass_tags(arrays: dict, sents: list[list[str]], lex_arr: dict) -> list[list[str]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "m.npz"
        np.savez(path, classes=pack_strings(UPOS), **lex_arr, **arrays)
        return LinearTagger.load(path).tag_sentences(sents)


def build(
    sents: list[tuple[list[str], list[str]]],
    epochs: int,
    seed: int,
    prune: float,
    lexicon: dict[str, str] | None,
) -> dict:
    """Both passes. The second pass learns from first-pass tags of its training sentences
    made by models that did not see them (5-fold jackknife), as at run time."""
    lex_arr = {"lexicon": pack_strings([f"{w}\t{t}" for w, t in sorted(lexicon.items())])} if lexicon else {}
    examples, golds = [], []
    for words, tags in sents:
        for i, tag in enumerate(tags):
            examples.append(window_features(words, i, lexicon))
            golds.append(tag)
    first = _train_pass(examples, golds, epochs, seed, prune, "")
    guessed: list[list[str]] = [[] for _ in sents]
    for fold in range(FOLDS):
        held = [k for k in range(len(sents)) if k % FOLDS == fold]
        rest = [sents[k] for k in range(len(sents)) if k % FOLDS != fold]
        ex, gd = [], []
        for words, tags in rest:
            for i, tag in enumerate(tags):
                ex.append(window_features(words, i, lexicon))
                gd.append(tag)
        model = _train_pass(ex, gd, epochs, seed, prune, "")
        for k, tags in zip(held, _first_pass_tags(model, [sents[k][0] for k in held], lex_arr), strict=True):
            guessed[k] = tags
    examples2 = []
    k = 0
    for (words, _), prev in zip(sents, guessed, strict=True):
        for i in range(len(words)):
            examples2.append(examples[k] + context_features(prev, i))
            k += 1
    second = _train_pass(examples2, golds, epochs, seed, prune, "2")
    return {"classes": pack_strings(UPOS), **lex_arr, **first, **second}


def weights_digest(arrays) -> str:
    """sha256 over the model's arrays (in file order): the same for the same training."""
    return hashlib.sha256(b"".join(np.ascontiguousarray(a).tobytes() for a in arrays.values())).hexdigest()


def record_metrics(key: str, values: dict) -> None:
    """Write the held-out figures next to the models (``models/metrics.json``)."""
    import json

    path = ROOT / "quizgen" / "analysis" / "models" / "metrics.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = values
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


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
    lexicon = posp_lexicon() if args.lang == "id" else None
    arrays = build(tr, args.epochs, SEED, PRUNE, lexicon)
    out = args.out or ROOT / "quizgen" / "analysis" / "models" / f"{args.lang}-upos.npz"
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **arrays)
    # ship the score tables of the training words (the frequent ones first), so a fresh
    # process tags them without computing their features
    counts = Counter(w for words, _ in tr for w in words)
    vocab = sorted(counts, key=lambda w: (-counts[w], w))[:VOCAB_MAX]
    tables = LinearTagger.load(out).frequent_tables(vocab)
    arrays["vocab"] = pack_strings(vocab)
    for suffix, table in zip(("", "2"), tables, strict=True):
        arrays["table" + suffix] = table.astype(np.float16)
    np.savez_compressed(out, **arrays)
    tagger = LinearTagger.load(out)
    acc, n = accuracy(tagger, te)
    digest = weights_digest(arrays)
    if args.out is None:
        record_metrics(
            f"{args.lang}-upos",
            {"heldout_upos_accuracy": round(acc, 4), "heldout_tokens": n, "weights_sha256": digest},
        )
    print(
        f"{args.lang}: trained on {sum(len(w) for w, _ in tr)} tokens, held-out UPOS accuracy "
        f"{acc:.4f} on {n} tokens; {len(tagger.index)} features, {out.stat().st_size / 1e6:.2f} MB, "
        f"weights sha256 {digest[:16]} ({time.time() - t0:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
