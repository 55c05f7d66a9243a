"""What the results page shows, as plain tables (no Streamlit here, so the bench can time it).

For one quiz version (optionally one class): a student x question grid (right / wrong / blank
with the answer given), one row per question (its text, share right, most common wrong
answers, option counts, flags named), and the students to follow up (low scores, attempts
started but not submitted).

Example:
    >>> view = build_view(bank, attempts, answers, open_attempts, lang="id")  # doctest: +SKIP
    >>> view.grid.columns[:3].tolist()
    ['student', 'class_code', 'score']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..bank import Bank
from .strings import t

LOW_SCORE = 50.0  # percent: below this a student is listed to follow up
RIGHT, WRONG, BLANK = "✓", "✗", "–"
MAX_CELL = 40


@dataclass(frozen=True)
class ResultsView:
    """The results page's tables for one quiz version."""

    grid: object  # DataFrame: student, class_code, score, submitted, attempt_id, Q1..Qn
    questions: object  # DataFrame: number, question, share_right, wrong_answers, blank, flags, kind, item_id
    choices: dict[str, dict[str, int]]  # item id -> option -> how many chose it (choice items)
    follow_up: list[tuple[str, str]]  # (student, why)
    flagged: list[str]  # "3: too easy" in the UI language


def _cell(correct, response: str) -> str:
    response = " ".join(str(response or "").split())
    if not response:
        return BLANK
    if len(response) > MAX_CELL:
        response = response[: MAX_CELL - 1] + "…"
    return f"{RIGHT if correct else WRONG} {response}"


def build_view(bank: Bank, attempts, answers, open_attempts, *, lang: str, local_time=None) -> ResultsView:
    """The tables for ``bank`` (one version) from its stored attempts and answers.

    Args:
        attempts: rows of :meth:`Store.attempts_frame` for this version.
        answers: rows of :meth:`Store.answers_frame` for this version.
        open_attempts: rows of :meth:`Store.open_attempts_frame` (started, not submitted).
        local_time: formats a stored UTC time for the page (default: as stored).
    """
    import pandas as pd

    fmt = local_time or (lambda v: str(v or ""))
    items = list(bank.items)
    number = {it.id: n for n, it in enumerate(items, 1)}
    qcols = [f"Q{n}" for n in range(1, len(items) + 1)]
    answers = answers[answers["item_id"].isin(number.keys())]
    # the grid: one row per attempt, one column per question
    cells = answers.assign(
        col=answers["item_id"].map(lambda i: f"Q{number[i]}"),
        cell=[_cell(c, r) for c, r in zip(answers["correct"], answers["response"], strict=True)],
    )
    wide = cells.pivot(index="attempt_id", columns="col", values="cell") if len(cells) else pd.DataFrame()
    wide = wide.reindex(columns=qcols).fillna(BLANK)
    base = attempts.set_index("attempt_id")[
        ["student", "class_code", "percent", "correct", "total", "submitted_at"]
    ]
    grid = base.join(wide, how="left").fillna({q: BLANK for q in qcols})
    grid["score"] = [
        f"{c}/{n} ({p:.0f}%)" for c, n, p in zip(grid["correct"], grid["total"], grid["percent"], strict=True)
    ]
    grid["submitted"] = grid["submitted_at"].map(fmt)
    grid = grid.reset_index().sort_values(
        ["student", "attempt_id"], key=lambda s: s.str.casefold() if s.dtype == object else s
    )
    grid = grid[["student", "class_code", "score", "percent", "submitted", "attempt_id", *qcols]]
    # one row per question
    n_attempts = max(len(attempts), 1)
    rows, choices, flagged = [], {}, []
    by_item = {iid: g for iid, g in answers.groupby("item_id")}
    for it in items:
        g = by_item.get(it.id)
        if g is None or not len(g):
            share, wrong_text, blank = float("nan"), "", 0
        else:
            share = float(g["correct"].mean()) * 100
            given = g["response"].fillna("").map(lambda r: " ".join(str(r).split()))
            wrong = given[(g["correct"] == 0).to_numpy() & (given != "").to_numpy()]
            wrong_text = " · ".join(f"{a} ({c})" for a, c in wrong.value_counts().head(3).items())
            blank = int((given == "").sum())
            if it.options:
                counts = given.value_counts()
                choices[it.id] = {o: int(counts.get(o, 0)) for o in it.options}
        flags = []
        if share == share:  # not NaN
            if share >= 90 and len(attempts) >= 3:
                flags.append(t("flag_too_easy", lang))
            if share < 20 and len(attempts) >= 3:
                flags.append(t("flag_too_hard", lang))
        if it.id in choices and len(attempts) >= 5:
            unpicked = [o for o, c in choices[it.id].items() if c == 0 and o != it.answer]
            if unpicked:
                flags.append(t("flag_unpicked", lang, option=", ".join(unpicked)))
        if blank > n_attempts / 3:
            flags.append(t("flag_often_blank", lang))
        if flags:
            flagged.append(f"{number[it.id]}: {'; '.join(flags)}")
        rows.append({"number": number[it.id], "question": " ".join(it.prompt.split()), "share_right": share,
                     "wrong_answers": wrong_text, "blank": blank, "flags": "; ".join(flags), "key": it.answer,
                     "kind": t("kind_" + it.kind, lang), "item_id": it.id})  # fmt: skip
    questions = pd.DataFrame(rows)
    # who to follow up
    follow: list[tuple[str, str]] = []
    for r in attempts.itertuples(index=False):
        if float(r.percent) < LOW_SCORE:
            follow.append((r.student, t("follow_low", lang, percent=f"{float(r.percent):.0f}")))
    for r in open_attempts.itertuples(index=False):
        follow.append(
            (r.student, t("follow_open", lang, n=int(r.answered), total=len(items), when=fmt(r.started_at)))
        )
    return ResultsView(grid, questions, choices, follow, flagged)
