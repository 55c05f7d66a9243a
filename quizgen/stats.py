"""Item statistics as Moodle's quiz report gives them, from stored answers (pandas).

- facility index: share of attempts that got the item right (0..1);
- discrimination: correlation of the item (right 1 / wrong 0) with the rest of the test
  (the attempt's share right on the *other* items), and the top-vs-bottom-third
  difference in facility;
- distractor counts: how often each option was chosen; for typed items, the most common
  wrong answers (normalised), which show what students confuse the key with;
- flags: "too easy" (facility > 0.9), "too hard" (< 0.2), "negative discrimination",
  "distractor nobody picks: X".

Example:
    >>> from quizgen.storage import answers_frame  # doctest: +SKIP
    >>> table = item_stats(bank, answers_frame(bank.id))
"""

from __future__ import annotations

import math

from .bank import Bank

TOO_EASY = 0.9
TOO_HARD = 0.2
COLUMNS = [
    "item_id", "kind", "prompt", "attempts", "facility", "discrimination", "top_bottom",
    "distractors", "wrong_answers", "flags",
]  # fmt: skip
TOP_WRONG = 3
UNPICKED = "distractor nobody picks: "


def _corr(x, y) -> float:
    """Pearson correlation, NaN when either side does not vary."""
    n = len(x)
    if n < 3:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sx = sum((a - mx) ** 2 for a in x)
    sy = sum((b - my) ** 2 for b in y)
    if sx == 0 or sy == 0:
        return math.nan
    return sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True)) / math.sqrt(sx * sy)


def distractor_counts(bank: Bank, answers) -> dict[str, dict[str, int]]:
    """item id -> option -> how many attempts chose it (options items only, in option order)."""
    out: dict[str, dict[str, int]] = {}
    for it in bank.items:
        if not it.options:
            continue
        chosen = answers.loc[answers["item_id"] == it.id, "response"].value_counts()
        out[it.id] = {opt: int(chosen.get(opt, 0)) for opt in it.options}
    return out


def wrong_answers(bank: Bank, answers, top: int = TOP_WRONG) -> dict[str, dict[str, int]]:
    """item id -> the ``top`` most common wrong typed answers (normalised) -> count."""
    from .grading import normalise

    out: dict[str, dict[str, int]] = {}
    for it in bank.items:
        if it.options:
            continue
        rows = answers[(answers["item_id"] == it.id) & (answers["correct"] == 0)]
        given = [normalise(r) for r in rows["response"] if isinstance(r, str) and r.strip()]
        counts: dict[str, int] = {}
        for g in given:
            counts[g] = counts.get(g, 0) + 1
        out[it.id] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
    return out


def item_stats(bank: Bank, answers):
    """Per-item statistics for one bank.

    Args:
        bank: the bank (for item order, kinds, prompts and options).
        answers: rows with ``attempt_id``, ``item_id``, ``response``, ``correct``
            (as :func:`quizgen.storage.answers_frame` returns).

    Returns:
        A DataFrame with :data:`COLUMNS`; ``flags`` is a list of short texts per item.
    """
    import pandas as pd

    known = {it.id for it in bank.items}
    answers = answers[answers["item_id"].isin(known)]
    wide = answers.pivot_table(index="attempt_id", columns="item_id", values="correct", aggfunc="max")
    wide = wide.fillna(0).astype(float)
    totals = wide.sum(axis=1)
    n_items = wide.shape[1]
    ranked = totals.sort_values(kind="stable")
    third = len(ranked) // 3
    bottom, top = list(ranked.index[:third]), list(ranked.index[len(ranked) - third :])
    picks = distractor_counts(bank, answers)
    typed_wrong = wrong_answers(bank, answers)
    rows = []
    for it in bank.items:
        if it.id not in wide.columns:
            rows.append(
                [it.id, it.kind, it.prompt, 0, math.nan, math.nan, math.nan, picks.get(it.id, {}), {}, []]
            )
            continue
        col = wide[it.id]
        facility = float(col.mean())
        rest = (totals - col) / max(n_items - 1, 1)
        disc = _corr(list(col), list(rest)) if n_items > 1 else math.nan
        top_bottom = float(col[top].mean() - col[bottom].mean()) if third else math.nan
        flags = []
        if facility > TOO_EASY:
            flags.append("too easy")
        if facility < TOO_HARD:
            flags.append("too hard")
        if not math.isnan(disc) and disc < 0:
            flags.append("negative discrimination")
        for opt, count in picks.get(it.id, {}).items():
            if count == 0 and opt != it.answer:
                flags.append(UNPICKED + opt)
        rows.append(
            [it.id, it.kind, it.prompt, len(col), facility, disc, top_bottom, picks.get(it.id, {}),
             typed_wrong.get(it.id, {}), flags]
        )  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def score_distribution(attempts, bins: int = 10):
    """Counts of attempts per score band (0-10 %, ..., 90-100 %) for a bar chart."""
    import pandas as pd

    edges = [100 * i / bins for i in range(bins + 1)]
    labels = [f"{int(edges[i])}-{int(edges[i + 1])}%" for i in range(bins)]
    cut = pd.cut(attempts["percent"], bins=edges, labels=labels, include_lowest=True)
    return cut.value_counts().reindex(labels, fill_value=0).rename("attempts")
