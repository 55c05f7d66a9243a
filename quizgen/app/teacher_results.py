"""The teacher's results page, per quiz, version and class: who needs following up, which
questions are flagged, a student x question grid, each question with its share right, most
common wrong answers and a chart of option choices; downloads; deleting an attempt (logged).

Times are shown in the school's time zone. A version is one saved state of a quiz (content
hash): attempts are graded and grouped by the version they were taken on.
"""

from __future__ import annotations

import io

import streamlit as st

from ..errors import QuizgenError
from . import data
from .auth import require_teacher
from .layout import language
from .results_view import build_view
from .safe import guarded, heading, literal, md_escape, plain, shown, success
from .strings import t

ALL = "__all__"
ss = st.session_state


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
    if ss.get("results_note"):
        success(ss.pop("results_note"))
    store = data.store()
    attempts = store.attempts_frame()
    if attempts.empty:
        st.info(t("no_attempts", lang))
        return
    titles = attempts.drop_duplicates("quiz").set_index("quiz")["bank_title"].to_dict()
    c1, c2, c3 = st.columns(3)
    quiz = c1.selectbox(t("quiz", lang), list(titles), key="results_quiz",
                        format_func=lambda q: plain(str(titles[q])))  # fmt: skip
    mine = attempts[attempts["quiz"] == quiz]
    versions = _versions(store, quiz, mine, lang)
    version = c2.selectbox(
        t("version", lang), list(versions), key="results_version", format_func=versions.__getitem__,
        help=t("version_help", lang),
    )  # fmt: skip
    mine = mine[mine["version"] == version]
    codes = sorted(set(mine["class_code"]))
    code = c3.selectbox(t("class_filter", lang), [ALL, *codes], key="results_class",
                        format_func=lambda c: t("all_classes", lang) if c == ALL else (plain(c) or t("no_class", lang)))  # fmt: skip
    if code != ALL:
        mine = mine[mine["class_code"] == code]
    bank = store.load_version(version)
    answers = store.answers_frame(quiz=quiz, version=version)
    answers = answers[answers["attempt_id"].isin(set(mine["attempt_id"]))]
    opened = store.open_attempts_frame(quiz=quiz, class_code=None if code in (ALL, "") else code)
    opened = opened[opened["version"] == version]
    view = build_view(bank, mine, answers, opened, lang=lang, local_time=lambda v: data.show_time(v, lang))
    _summary(mine, view, lang)
    _grid(view, bank, lang)
    _questions(view, bank, lang)
    _downloads(view, mine, bank, lang)
    _delete(mine, lang)


def _versions(store, quiz: str, mine, lang: str) -> dict[str, str]:
    """version -> label, newest first, numbered in save order (versions with attempts only)."""
    try:
        saved = store.bank_versions(quiz)
    except QuizgenError:
        saved = []
    order = {v.version: n for n, v in enumerate(sorted(saved, key=lambda v: str(v.saved_at or "")), 1)}
    counts = mine.groupby("version")["attempt_id"].count().to_dict()
    labels = {}
    for v in sorted(counts, key=lambda v: -order.get(v, 0)):
        labels[v] = t("version_label", lang, n=order.get(v, "?"), short=v[:8], count=counts[v])
    return labels


def _summary(mine, view, lang: str) -> None:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("n_attempts", lang), len(mine))
    c2.metric(t("mean_score", lang), f"{mine['percent'].mean():.0f}%" if len(mine) else "–")
    c3.metric(t("median_score", lang), f"{mine['percent'].median():.0f}%" if len(mine) else "–")
    with st.container(border=True):
        st.markdown(f"**{t('follow_up', lang)}**")
        st.caption(t("follow_up_help", lang))
        if view.follow_up:
            for student, why in view.follow_up:
                literal(f"• {student}: {why}")
        else:
            literal(t("nobody_to_follow", lang))
    with st.container(border=True):
        st.markdown(f"**{t('flagged_items', lang)}**")
        st.caption(t("flags_help", lang))
        if view.flagged:
            for line in view.flagged:
                literal(t("question_flag", lang, line=line))
        else:
            literal(t("nothing_flagged", lang))


def _grid(view, bank, lang: str) -> None:
    st.subheader(t("grid_title", lang))
    st.caption(t("grid_help", lang))
    cc = st.column_config
    config = {
        "student": cc.TextColumn(t("col_student", lang), pinned=True),
        "score": cc.TextColumn(t("col_score", lang), pinned=True),
        "class_code": cc.TextColumn(t("col_class_code", lang)),
        "submitted": cc.TextColumn(t("col_submitted_local", lang)),
        "percent": None,
        "attempt_id": None,
    }
    for n, it in enumerate(bank.items, 1):
        config[f"Q{n}"] = cc.TextColumn(f"{n}", help=" ".join(it.prompt.split())[:200])
    st.dataframe(shown(view.grid), hide_index=True, width="stretch", column_config=config, key="grid")


def _questions(view, bank, lang: str) -> None:
    st.subheader(t("questions_title", lang))
    cc = st.column_config
    table = view.questions.drop(columns=["item_id"])
    st.dataframe(
        shown(table), hide_index=True, width="stretch",
        column_config={
            "number": cc.NumberColumn(t("col_number", lang), width="small"),
            "question": cc.TextColumn(t("col_prompt", lang), width="large"),
            "share_right": cc.ProgressColumn(t("col_share_right", lang), help=t("share_right_help", lang),
                                             min_value=0, max_value=100, format="%.0f%%"),
            "wrong_answers": cc.TextColumn(t("col_wrong_answers", lang), help=t("wrong_answers_help", lang)),
            "blank": cc.NumberColumn(t("col_blank", lang), help=t("blank_help", lang)),
            "flags": cc.TextColumn(t("col_flags", lang)),
            "key": cc.TextColumn(t("col_key", lang)),
            "kind": cc.TextColumn(t("col_kind", lang)),
        },
    )  # fmt: skip
    with_choices = [n for n, it in enumerate(bank.items, 1) if it.id in view.choices]
    if not with_choices:
        return
    n = st.selectbox(t("choices_of", lang), with_choices, key="results_question",
                     format_func=lambda n: f"{n}. {' '.join(bank.items[n - 1].prompt.split())[:90]}")  # fmt: skip
    it = bank.items[n - 1]
    import pandas as pd

    counts = view.choices[it.id]
    chart = pd.DataFrame({"option": [o[:40] for o in counts], "n": list(counts.values())})
    heading(it.prompt, 5)
    st.bar_chart(chart, x="option", y="n", x_label=t("option", lang), y_label=t("n_students", lang, n="").strip(),
                 horizontal=True, height=60 + 36 * len(counts), sort=False)  # fmt: skip
    st.caption(md_escape(t("key_is", lang, answer=it.answer)))


def _downloads(view, mine, bank, lang: str) -> None:
    """CSV and Excel of the grid (with the per-question sheet), made only when clicked."""
    from .downloads import slug

    stem = slug(bank.title)
    grid = view.grid.drop(columns=["percent"])
    questions = view.questions.drop(columns=["item_id"])
    d1, d2 = st.columns(2)
    d1.download_button(
        t("download_grid_csv", lang), lambda: to_csv(grid), f"{stem}.results.csv", "text/csv",
        key="dl_attempts_csv", on_click="ignore",
    )  # fmt: skip
    d2.download_button(
        t("download_grid_xlsx", lang), lambda: to_xlsx(grid, "results", questions=questions),
        f"{stem}.results.xlsx", key="dl_attempts_xlsx", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )  # fmt: skip


def _delete(mine, lang: str) -> None:
    with st.expander(t("delete_attempt", lang)):
        st.caption(t("delete_help", lang))
        rows = {int(r.attempt_id): f"{plain(r.student)} · {r.class_code} · {r.percent:.0f}% · {data.show_time(r.submitted_at, lang)}"
                for r in mine.itertuples(index=False)}  # fmt: skip
        if not rows:
            return
        which = st.selectbox(
            t("which_attempt", lang), list(rows), key="delete_pick", format_func=rows.__getitem__
        )
        sure = st.checkbox(
            t("delete_confirm", lang, what=rows[which]), key=f"delete_sure_{ss.get('deleted_n', 0)}"
        )
        if st.button(t("delete", lang), key="delete_attempt", disabled=not sure, type="primary"):
            try:
                data.store().delete_attempt(which, by="teacher")
            except QuizgenError as e:
                data.show_error(e, lang)
                return
            ss["results_note"] = t("deleted", lang, what=rows[which])
            ss["deleted_n"] = ss.get("deleted_n", 0) + 1  # a fresh, unticked confirmation box
            st.rerun()
