"""Train the Indonesian entity tagger (CRF, python-crfsuite) on IndoNLU NERP.

One command (writes ``quizgen/analysis/models/id-ner.crfsuite``, prints CoNLL-style exact
span F1 on NERP test, overall and per type)::

    python training/train_ner.py

Trained on NERP train + valid and NERGrit train (PERSON/PLACE/ORGANISATION mapped to
PPL/PLC/IND), evaluated on NERP test (never seen in training). Features: words of a
window, suffixes, the pack's gazetteer, title, organisation and speech-verb words, and the
tag list of the Indonesian UPOS tagger (from IndoNLU POSP train, which holds only NERP
training sentences).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import pycrfsuite  # noqa: E402
from train_tagger import posp_lexicon, record_metrics  # noqa: E402
from ud import CORPUS, read_bio  # noqa: E402

from quizgen.analysis.ner_features import ner_lexicon, sentence_features  # noqa: E402

PARAMS = {"c1": 0.15, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
DEFAULT_OUT = ROOT / "quizgen" / "analysis" / "models" / "id-ner.crfsuite"
GRIT = {"PERSON": "PPL", "PLACE": "PLC", "ORGANISATION": "IND"}


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Exact entity spans ``(start, end, type)`` of a BIO sequence (CoNLL conventions)."""
    out = set()
    start, kind = None, None
    for i, t in enumerate([*tags, "O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != kind):
            if kind is not None:
                out.add((start, i, kind))
            start, kind = (i, t[2:]) if t != "O" else (None, None)
    return out


def evaluate(tagger: pycrfsuite.Tagger, sents, lex, lexicon) -> dict[str, tuple[float, float, float, int]]:
    gold_all: set = set()
    pred_all: set = set()
    for k, (words, tags) in enumerate(sents):
        pred = tagger.tag(sentence_features(words, lex, lexicon))
        gold_all |= {(k, *s) for s in spans(tags)}
        pred_all |= {(k, *s) for s in spans(pred)}
    out = {}
    kinds = sorted({s[3] for s in gold_all})
    for kind in [*kinds, "ALL"]:
        g = {s for s in gold_all if kind in ("ALL", s[3])}
        p = {s for s in pred_all if kind in ("ALL", s[3])}
        tp = len(g & p)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[kind] = (prec, rec, f1, len(g))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the Indonesian entity tagger on NERP.")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    t0 = time.time()
    folder = CORPUS / "indonlu" / "nerp_ner-prosa"
    train = read_bio(folder / "train_preprocess.txt") + read_bio(folder / "valid_preprocess.txt")
    grit = read_bio(CORPUS / "indonlu" / "nergrit_ner-grit" / "train_preprocess.txt")
    train += [(w, [t if t == "O" else t[:2] + GRIT.get(t[2:], t[2:]) for t in tags]) for w, tags in grit]
    test = read_bio(folder / "test_preprocess.txt")
    if args.limit:
        train = train[: args.limit]
    lex = ner_lexicon("id")
    lexicon = posp_lexicon()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train:
        trainer.append(sentence_features(words, lex, lexicon), tags)
    trainer.set_params({**PARAMS, "max_iterations": args.iterations})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(args.out))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(args.out))
    scores = evaluate(tagger, test, lex, lexicon)
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()[:16]
    if args.out == DEFAULT_OUT:
        record_metrics(
            "id-ner",
            {
                "nerp_test_f1": {k: round(v[2], 4) for k, v in scores.items()},
                "nerp_test_entities": scores["ALL"][3],
                "model_sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
            },
        )
    print(f"id NER: trained on {len(train)} sentences, NERP test ({len(test)} sentences), exact span:")
    for kind, (p, r, f, n) in scores.items():
        print(f"  {kind:4} P {p:.3f} R {r:.3f} F1 {f:.3f} ({n} entities)")
    print(f"model {args.out.stat().st_size / 1e6:.2f} MB, sha256 {digest} ({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
