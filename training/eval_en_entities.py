"""English name typing measured against hand-labelled names (there is no English entity
training data in the corpus, so there is no English entity model to train).

One command::

    python training/eval_en_entities.py

``tests/data/en-entity-types.tsv`` holds 165 capitalised names the text layer finds in
7 en-news articles, each labelled person / place / organisation / other by hand from the
article. For the names labelled person, place or organisation this prints the share the
text layer types the same (overall and per type) and the share it leaves "assumed".
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from ud import CORPUS  # noqa: E402

import quizgen  # noqa: E402

LABELS = ROOT / "tests" / "data" / "en-entity-types.tsv"


def labelled() -> list[tuple[str, str, str]]:
    rows = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            art, name, kind = line.split("\t")
            rows.append((art, name, kind))
    return rows


def predictions(articles: set[str]) -> dict[tuple[str, str], tuple[str, bool]]:
    """``(article, name) -> (type, assumed)`` of each name's first candidate."""
    out: dict[tuple[str, str], tuple[str, bool]] = {}
    for line in (CORPUS / "en-news.jsonl").read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if a["id"] not in articles:
            continue
        layer = quizgen.analyse(quizgen.load_article(a["text"], language="en"))
        for c in layer.candidates:
            out.setdefault((a["id"], c.text), (c.type, any("assumed" in r for r in c.reasons)))
    return out


def evaluate() -> dict[str, float]:
    rows = labelled()
    pred = predictions({r[0] for r in rows})
    right: Counter = Counter()
    total: Counter = Counter()
    assumed = 0
    for art, name, kind in rows:
        if kind == "other":
            continue
        got, was_assumed = pred.get((art, name), ("missing", False))
        total[kind] += 1
        right[kind] += got == kind
        assumed += was_assumed
    n = sum(total.values())
    out = {"accuracy": sum(right.values()) / n, "names": n, "assumed": assumed / n}
    for kind in sorted(total):
        out[kind] = right[kind] / total[kind]
    return out


def main() -> int:
    from train_tagger import record_metrics

    r = evaluate()
    record_metrics("en-nametypes", {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()})
    per = ", ".join(f"{k} {r[k]:.3f}" for k in ("person", "place", "organisation"))
    print(
        f"en name typing on {r['names']} hand-labelled names: accuracy {r['accuracy']:.3f} ({per}); "
        f"typed 'assumed': {r['assumed']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
