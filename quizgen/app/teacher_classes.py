"""The teacher's classes page: classes with a roster of personal codes (or open names), and
assignments that publish one saved quiz version to a class with its rules.

Times are typed and shown in the school's time zone (``$QUIZGEN_TIMEZONE``, default
Asia/Jakarta) and stored in UTC.
"""

from __future__ import annotations

import datetime as _dt
import html

import streamlit as st

from ..errors import QuizgenError
from . import data
from .auth import require_teacher
from .layout import language
from .safe import error, heading, md_escape, plain, shown, success
from .strings import t

ss = st.session_state
SHOW_KEYS = ("after_close", "at_once", "never")


def render() -> None:
    """Draw the classes page (after the passcode)."""
    lang = language()
    require_teacher(lang)
    st.title(t("classes_title", lang))
    st.caption(t("classes_help", lang, tz=data.school_tz().key))
    if ss.get("classes_note"):
        success(ss.pop("classes_note"))
    tab_assign, tab_classes = st.tabs([t("assignments", lang), t("classes_and_rosters", lang)])
    with tab_assign:
        _publish(lang)
        _assignment_list(lang)
    with tab_classes:
        _classes(lang)


def _publish(lang: str) -> None:
    store = data.store()
    banks = store.list_banks()
    if not banks:
        st.info(t("no_banks_to_assign", lang))
        return
    labels = {
        b.name: f"{plain(b.title)} ({plain(b.name)}, {t('n_questions', lang, n=b.n_items)})" for b in banks
    }
    st.subheader(t("publish", lang))
    titles = {b.name: plain(b.title) for b in banks}

    def title_follows() -> None:  # the title field restarts from the picked quiz's title
        ss["assign_title"] = titles.get(ss.get("assign_bank"), "")

    name = st.selectbox(
        t("quiz", lang),
        list(labels),
        format_func=labels.__getitem__,
        key="assign_bank",
        on_change=title_follows,
    )
    if "assign_title" not in ss:
        ss["assign_title"] = titles[name]
    with st.form("assign_form"):
        c1, c2 = st.columns(2)
        code = c1.text_input(t("class_code_plain", lang), key="assign_class", max_chars=20)
        title = c2.text_input(t("assignment_title", lang), key="assign_title", max_chars=200)
        today = _dt.datetime.now(data.school_tz()).date()
        c3, c4, c5 = st.columns(3)
        use_open = c3.checkbox(t("opens", lang), key="assign_use_open")
        open_day = c3.date_input(t("date", lang), value=today, key="assign_open_day", format="DD-MM-YYYY")
        open_time = c3.time_input(t("time", lang), value=_dt.time(7, 0), key="assign_open_time", step=900)
        use_close = c4.checkbox(t("closes", lang), key="assign_use_close")
        close_day = c4.date_input(t("date", lang), value=today, key="assign_close_day", format="DD-MM-YYYY")
        close_time = c4.time_input(t("time", lang), value=_dt.time(15, 0), key="assign_close_time", step=900)
        limit = c5.number_input(
            t("time_limit", lang), 0, 24 * 60, 0, key="assign_limit", help=t("time_limit_help", lang)
        )
        allowed = c5.number_input(t("attempts_allowed", lang), 1, 20, 1, key="assign_attempts")
        c6, c7, c8 = st.columns(3)
        shuffle_q = c6.checkbox(t("shuffle_questions", lang), key="assign_shuffle_q")
        shuffle_o = c7.checkbox(t("shuffle_options", lang), key="assign_shuffle_o")
        show = c8.selectbox(t("show_keys", lang), SHOW_KEYS, key="assign_show_keys",
                            format_func=lambda k: t("show_keys_" + k, lang))  # fmt: skip
        go = st.form_submit_button(t("publish_button", lang), type="primary")
    if not go:
        return
    code = " ".join(code.split()).upper()
    if not code:
        error(t("class_missing", lang))
        return
    try:
        a = store.publish(
            store.current_version(name), code, title=title, quiz=name,
            opens_at=data.to_utc(open_day, open_time) if use_open else None,
            closes_at=data.to_utc(close_day, close_time) if use_close else None,
            time_limit_min=int(limit) or None, attempts_allowed=int(allowed), shuffle_questions=shuffle_q,
            shuffle_options=shuffle_o, show_keys=show,
        )  # fmt: skip
    except QuizgenError as e:
        data.show_error(e, lang)
        return
    ss["classes_note"] = t("published", lang, title=a.title, code=a.class_code)
    st.rerun()


def _assignment_list(lang: str) -> None:
    import pandas as pd

    store = data.store()
    rows = store.list_assignments()
    st.subheader(t("assignments", lang))
    if not rows:
        st.caption(t("no_assignments_yet", lang))
        return
    frame = pd.DataFrame(
        [{"id": a.id, "class": a.class_code, "title": a.title, "state": t("state_" + a.state(), lang),
          "opens": data.show_time(a.opens_at, lang), "closes": data.show_time(a.closes_at, lang),
          "limit": a.time_limit_min or "", "attempts": a.attempts_allowed,
          "keys": t("show_keys_" + a.show_keys, lang), "version": a.version[:8]}
         for a in rows]
    )  # fmt: skip
    st.dataframe(
        shown(frame), hide_index=True, width="stretch",
        column_config={c: st.column_config.Column(t("acol_" + c, lang)) for c in frame.columns},
    )  # fmt: skip
    active = [a for a in rows if a.active]
    if active:
        c1, c2 = st.columns([3, 1])
        which = c1.selectbox(
            t("unpublish_which", lang), [a.id for a in active], key="unpublish_pick",
            format_func=lambda i: next(f"{plain(a.class_code)} · {plain(a.title)}" for a in active if a.id == i),
        )  # fmt: skip
        if c2.button(t("unpublish", lang), key="unpublish"):
            store.unpublish(which)
            ss["classes_note"] = t("unpublished", lang)
            st.rerun()


def roster_html(code: str, students, lang: str) -> str:
    """A printable page: one card per student with the class code and the personal code."""
    cards = "".join(
        f"<div class=c><b>{html.escape(s.name)}</b><br>{html.escape(t('class_code_plain', lang))}: "
        f"{html.escape(code)}<br>{html.escape(t('personal_code', lang))}: <code>{html.escape(s.personal_code)}</code></div>"
        for s in students
    )
    return (
        "<!doctype html><meta charset=utf-8><title>" + html.escape(code) + "</title><style>"
        "body{font-family:sans-serif}.c{display:inline-block;width:30%;border:1px dashed #888;margin:4px;"
        "padding:8px}code{font-size:1.2em}</style>" + cards
    )


def _classes(lang: str) -> None:
    store = data.store()
    with st.form("class_form"):
        c1, c2 = st.columns([1, 2])
        code = c1.text_input(t("class_code_plain", lang), key="class_new_code", max_chars=20)
        open_names = c1.checkbox(
            t("open_names", lang), key="class_open_names", help=t("open_names_help", lang)
        )
        names = c2.text_area(
            t("roster_names", lang), key="class_names", height=150, help=t("roster_help", lang)
        )
        go = st.form_submit_button(t("save_class", lang), type="primary")
    if go:
        code = " ".join(code.split()).upper()
        try:
            if not code:
                raise QuizgenError(t("class_missing", lang))
            if store.get_class(code) is None:
                store.create_class(code, open_names=open_names)
            else:
                store.set_open_names(code, open_names)
            added = store.add_students(code, [n for n in names.splitlines() if n.strip()])
        except QuizgenError as e:
            data.show_error(e, lang)
        else:
            ss["classes_note"] = t("class_saved", lang, code=code, n=len(added))
            st.rerun()
    classes = store.list_classes()
    if not classes:
        st.caption(t("no_classes", lang))
        return
    code = st.selectbox(
        t("class_code_plain", lang), [c.code for c in classes], key="roster_pick",
        format_func=lambda c: next(
            f"{c} · {t('n_students', lang, n=x.n_students)}" + (f" · {t('open_names_short', lang)}" if x.open_names else "")
            for x in classes if x.code == c
        ),
    )  # fmt: skip
    students = store.roster(code)
    heading(t("roster_of", lang, code=code), 4)
    if students:
        import pandas as pd

        frame = pd.DataFrame([{"name": s.name, "code": s.personal_code} for s in students])
        st.dataframe(shown(frame), hide_index=True, column_config={
            "name": st.column_config.Column(t("col_student", lang)),
            "code": st.column_config.Column(t("personal_code", lang)),
        })  # fmt: skip
        st.download_button(
            t("print_roster", lang), roster_html(code, students, lang), f"{code.lower()}-codes.html", "text/html",
            key="dl_roster", on_click="ignore",
        )  # fmt: skip
    else:
        st.caption(md_escape(t("roster_empty", lang)))
