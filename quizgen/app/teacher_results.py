"""The teacher's results page: attempts per student and per quiz, downloads, score chart,
and item statistics (facility, discrimination, distractor counts, flags)."""

from __future__ import annotations

import io
import math

import streamlit as st

from .. import stats, storage
from ..errors import QuizgenError
from ..exporters.base import guard_formula
from . import banks
from .auth import require_teacher
from .layout import language
from .safe import error, heading, plain, plain_frame
from .strings import t

ALL = "__all__"


def guarded(frame):
    """A copy whose text cells cannot run as spreadsheet formulas (``'`` before = + - @ tab CR LF)."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: guard_formula(v) if isinstance(v, str) else v)
    return out


def to_csv(frame) -> bytes:
    return guarded(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame, sheet: str, **more) -> bytes:
    """An Excel workbook: ``frame`` in sheet ``sheet``, then each of ``more`` (name=frame)."""
    import pandas as pd

    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xl:
        for name, table in {sheet: frame, **more}.items():
            guarded(table).to_excel(xl, index=False, sheet_name=name[:31])
    return buf.getvalue()


def render() -> None:
    """Draw the results page (after the passcode)."""
    lang = language()
    require_teacher(lang)
    st.title(t("results_title", lang))
    try:
        attempts = storage.attempts_frame()
    except QuizgenError as e:
        error(str(e))
        return
    if attempts.empty:
        st.info(t("no_attempts", lang))
        return
    quizzes = dict(zip(attempts["bank_id"], attempts["bank_title"], strict=False))
    c1, c2 = st.columns(2)
    quiz = c1.selectbox(
        t("quiz", lang), [ALL, *quizzes], key="results_quiz",
        format_func=lambda q: t("all_quizzes", lang) if q == ALL else plain(quizzes[q]),
    )  # fmt: skip
    codes = sorted(set(attempts["class_code"]) - {""})
    code = c2.selectbox(t("class_filter", lang), [ALL, *codes], key="results_class",
                        format_func=lambda c: t("all_classes", lang) if c == ALL else plain(c))  # fmt: skip
    if quiz != ALL:
        attempts = attempts[attempts["bank_id"] == quiz]
    if code != ALL:
        attempts = attempts[attempts["class_code"] == code]
    _attempt_tables(attempts, lang)
    if quiz != ALL:
        _item_stats(quiz, attempts, lang)


def _attempt_tables(attempts, lang: str) -> None:
    st.metric(t("n_attempts", lang), len(attempts))
    st.subheader(t("attempts", lang))
    st.dataframe(plain_frame(attempts), hide_index=True, width="stretch", column_config=_columns(lang))
    per_student = (
        attempts.groupby(["student", "class_code"], as_index=False)
        .agg(attempts=("attempt_id", "count"), best=("percent", "max"), mean=("percent", "mean"))
        .round(1)
    )
    per_quiz = (
        attempts.groupby(["bank_id", "bank_title"], as_index=False)
        .agg(attempts=("attempt_id", "count"), mean=("percent", "mean"), median=("percent", "median"))
        .round(1)
    )
    d1, d2 = st.columns(2)
    d1.download_button(
        "CSV", to_csv(attempts), "attempts.csv", "text/csv", key="dl_attempts_csv", on_click="ignore"
    )
    d2.download_button(
        "XLSX", to_xlsx(attempts, "attempts", per_student=per_student, per_quiz=per_quiz), "attempts.xlsx",
        key="dl_attempts_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip
    st.subheader(t("per_student", lang))
    st.dataframe(plain_frame(per_student), hide_index=True, width="stretch", column_config=_columns(lang))
    st.subheader(t("per_quiz", lang))
    st.dataframe(plain_frame(per_quiz), hide_index=True, width="stretch", column_config=_columns(lang))
    st.subheader(t("score_distribution", lang))
    st.bar_chart(
        stats.score_distribution(attempts),
        x_label=t("score_band", lang),
        y_label=t("n_attempts", lang),
        sort=False,
    )


COLUMNS = ("attempt_id", "submitted_at", "student", "class_code", "bank_id", "bank_title", "language", "correct",
           "total", "percent", "attempts", "best", "mean", "median", "item_id", "kind", "facility",
           "discrimination", "top_bottom", "flags", "distractors", "wrong_answers", "prompt")  # fmt: skip


def _columns(lang: str) -> dict:
    """Column headers in the UI language (the downloads keep the plain column names)."""
    return {name: st.column_config.Column(t("col_" + name, lang)) for name in COLUMNS}


def _flag(flag: str, lang: str) -> str:
    """A flag of :func:`quizgen.stats.item_stats` in the UI language."""
    if flag.startswith(stats.UNPICKED):
        return t("flag_unpicked", lang, option=flag[len(stats.UNPICKED) :])
    return t("flag_" + flag.replace(" ", "_"), lang)


def _counts(d: dict) -> str:
    return " · ".join(f"{k}: {v}" for k, v in d.items())


def _fmt(x: float) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.2f}"


def _item_stats(bank_id: str, attempts, lang: str) -> None:
    st.subheader(t("item_stats", lang))
    try:
        bank = banks.find_by_id(bank_id)
    except QuizgenError as e:
        error(str(e))
        return
    if bank is None:
        st.warning(t("bank_missing", lang))
        return
    heading(bank.title, 4)
    answers = storage.answers_frame(bank_id)
    answers = answers[answers["attempt_id"].isin(set(attempts["attempt_id"]))]
    table = stats.item_stats(bank, answers)
    shown = table.assign(
        facility=table["facility"].map(_fmt),
        discrimination=table["discrimination"].map(_fmt),
        top_bottom=table["top_bottom"].map(_fmt),
        distractors=table["distractors"].map(_counts),
        wrong_answers=table["wrong_answers"].map(_counts),
        flags=table["flags"].map(lambda flags: "; ".join(_flag(f, lang) for f in flags)),
    )[
        [
            "item_id",
            "kind",
            "facility",
            "discrimination",
            "top_bottom",
            "flags",
            "distractors",
            "attempts",
            "prompt",
        ]
    ]
    st.dataframe(plain_frame(shown), hide_index=True, width="stretch", column_config=_columns(lang))
    st.caption(t("stats_help", lang))
    flagged = shown[shown["flags"] != ""]
    st.metric(t("flagged_items", lang), len(flagged))
    d1, d2 = st.columns(2)
    d1.download_button(
        "CSV", to_csv(shown), "item-stats.csv", "text/csv", key="dl_stats_csv", on_click="ignore"
    )
    d2.download_button(
        "XLSX", to_xlsx(shown, "item stats"), "item-stats.xlsx", key="dl_stats_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip
