"""How well the tokenizer matches the treebanks' own tokenisation, on their raw sentences.

One command::

    python training/eval_tokens.py

For each held-out treebank sentence, its ``# text`` is tokenised with
:func:`quizgen.analysis.tokenize.token_spans` and compared with the treebank's tokens
(Indonesian: surface tokens; English: syntactic words, as EWT splits ``n't`` and ``'s``).
Prints the share of tokens whose exact character span the tokenizer reproduces (recall),
the share of its tokens that are treebank tokens (precision), and the share of sentences
tokenised identically. ``--news`` restricts Indonesian to the CSUI news sentences.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from ud import CORPUS, read_conllu  # noqa: E402

from quizgen.analysis.tokenize import token_spans  # noqa: E402


def gold_spans(text: str, tokens: tuple[str, ...]) -> list[tuple[int, int]] | None:
    out, pos = [], 0
    for t in tokens:
        k = text.find(t, pos)
        if k < 0:
            return None
        out.append((k, k + len(t)))
        pos = k + len(t)
    return out


def compare(lang: str, files: list[str]) -> dict[str, float]:
    gold_n = pred_n = hit = same = sents = skipped = 0
    for name in files:
        for s in read_conllu(CORPUS / "ud" / name):
            toks = s.words if lang == "en" else s.surface
            gold = gold_spans(s.text, toks)
            if gold is None and lang == "en":
                gold = gold_spans(s.text, s.surface)
            if gold is None:
                skipped += 1
                continue
            pred = [(a, b) for _, a, b in token_spans(s.text, lang)]
            g, p = set(gold), set(pred)
            gold_n += len(g)
            pred_n += len(p)
            hit += len(g & p)
            same += g == p
            sents += 1
    return {
        "recall": hit / gold_n,
        "precision": hit / pred_n,
        "identical sentences": same / sents,
        "sentences": sents,
        "skipped": skipped,
    }


SETS = {
    "id": ["id_gsd-ud-test.conllu", "id_csui-ud-test.conllu"],
    "id-news": ["id_csui-ud-test.conllu", "id_csui-ud-train.conllu"],
    "en": ["en_ewt-ud-test.conllu"],
}


def main() -> int:
    ap = argparse.ArgumentParser(description="Compare the tokenizer with the treebanks' tokens.")
    ap.parse_args()
    for key, files in SETS.items():
        r = compare(key.split("-")[0], files)
        print(
            f"{key:8} token recall {r['recall']:.4f} precision {r['precision']:.4f}, "
            f"identical sentences {r['identical sentences']:.3f} of {r['sentences']} ({', '.join(files)})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
