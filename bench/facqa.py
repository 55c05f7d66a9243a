"""How many human-written answers (IndoNLU FacQA) do quizgen's candidates and items target?

    python bench/facqa.py

For each of the 311 factoid questions over 275 short news passages in
``../shared/corpus/id-facqa.jsonl``, checks whether the human answer span is (a) exactly a
candidate of the text layer, (b) overlapped by a candidate, (c) exactly the key of an item
that ``quizgen.generate`` makes from the passage, (d) overlapped by an item's key span.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    import quizgen
    from quizgen.article import Article
    from quizgen.engine.textutil import fold
    from quizgen.errors import QuizgenError
    from quizgen.lang import get_pack
    from quizgen.text import analyse

    path = SHARED / "corpus" / "id-facqa.jsonl"
    if not path.exists():
        print(f"no FacQA file at {path}", file=sys.stderr)
        return 2
    pack = get_pack("id")
    n = exact_c = over_c = exact_i = over_i = no_items = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        article = Article(text=text, language="id", paragraphs=((0, len(text)),))
        layer = analyse(article, pack)
        try:
            bank = quizgen.generate(article, count=25, seed=0)
            items = list(bank.items)
        except QuizgenError:
            items, no_items = [], no_items + 1
        for q in row["questions"]:
            n += 1
            answers = {fold(a) for a in [q["answer"], *q.get("all_answer_spans", [])]}
            spans = [(m.start(), m.start() + len(a)) for a in [q["answer"]] for m in _finditer(text, a)]
            cands = [(c.start, c.end, fold(c.text)) for c in layer.candidates]
            exact_c += any(f in answers for *_, f in cands)
            over_c += any(s < e2 and s2 < e for s, e, _ in cands for s2, e2 in spans)
            keys = [(it.answer_span, fold(it.answer)) for it in items if it.answer_span]
            exact_i += any(f in answers for _, f in keys)
            over_i += any(sp[0] < e2 and s2 < sp[1] for sp, _ in keys for s2, e2 in spans)
    print(f"FacQA: {n} human questions")
    print(f"  candidates: exact {exact_c / n:.1%}, overlapping {over_c / n:.1%}")
    print(
        f"  item keys:  exact {exact_i / n:.1%}, overlapping {over_i / n:.1%}  "
        f"({no_items} passages too short for any item)"
    )
    return 0


def _finditer(text: str, needle: str):
    import re

    return re.finditer(re.escape(needle), text) if needle else iter(())


if __name__ == "__main__":
    sys.exit(main())
