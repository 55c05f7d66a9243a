"""Difficulty from features that can be measured and explained.

Features: how rare the key is in the language (Zipf frequency from the pack), whether the
answer is typed or chosen, whether the distractors come from the same article (closer, so
harder), cause versus detail, and the length of the source sentence. The points add up to
a level; the features are kept on the item so a teacher can see why.
"""

from __future__ import annotations

from .builders import Draft
from .context import Context
from .textutil import words


def features(ctx: Context, d: Draft) -> dict:
    it = d.item
    key_words = [w for w in words(it.answer) if not w.isdigit()]
    try:
        zipf = min((ctx.pack.zipf(w) for w in key_words), default=4.0)
    except Exception:
        zipf = 4.0
    return {
        "key_zipf": round(zipf, 2),
        "typed": it.kind in ("short_answer",) or (it.kind == "cloze" and not it.options),
        "distractors_from_article": d.origin == "article",
        "cause": it.skill == "relation",
        "statement_not": it.template.endswith("statement.false"),  # "which is NOT true": all four checked
        "restated": it.skill in ("main_idea", "statement"),
        "sentence_words": len(it.source.sentence.split()),
        "true_false": it.kind == "true_false",
    }


def level(f: dict) -> tuple[str, float]:
    points = 0.0
    points += 1.0 if f["typed"] else 0.0
    points += 1.0 if f["cause"] else 0.0
    points += 0.5 if f["distractors_from_article"] else 0.0
    points += 0.75 if f["key_zipf"] < 2.5 else (0.25 if f["key_zipf"] < 3.5 else 0.0)
    points += 0.5 if f["sentence_words"] > 28 else 0.0
    points -= 0.5 if f["true_false"] else 0.0
    points += 0.5 if f.get("restated") else 0.0
    points += 0.75 if f.get("statement_not") else 0.0
    name = "easy" if points < 0.75 else ("medium" if points < 1.5 else "hard")
    return name, points
