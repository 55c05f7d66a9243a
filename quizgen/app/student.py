"""The student page: pick a quiz (the class's assignments, or the demo quizzes without a class
code: practice, graded but never stored as attempts), read, answer with every answer saved on the server as it is given, confirm, see the
score and the review.

Phases (``state.PHASE``): ``pick`` -> ``read`` (closed-book quizzes) -> ``answer`` -> ``review``.
The attempt's token is kept in the page address (``?attempt=...``), so a reload, a dropped
connection or a restarted server comes back to the same attempt with every answer; the same
name + class code + quiz on another device resumes it too (the Store finds the open attempt).
An attempt is graded against the bank version it started on, whatever the teacher saves
meanwhile. Keys and explanations stay on the server until the attempt is submitted, and then
appear only when the teacher allows it.
"""

from __future__ import annotations

import datetime as _dt

import streamlit as st

from ..bank import Bank
from ..errors import QuizgenError
from ..grading import Score, is_typed, score
from . import data, state
from .layout import is_phone, language
from .quiz_view import Shown, answer_of, question_order, unanswered, widget_value
from .safe import article, error, heading, literal, md_escape, plain, source_in_context
from .strings import t

ss = st.session_state
QP = "attempt"  # the query parameter holding the attempt token


def render() -> None:
    """Draw the student page for the current phase."""
    lang = language()
    try:
        attempt = _current_attempt(lang)
        if attempt is None:
            _pick(lang)
            return
        bank = data.store().load_version(attempt.version)
        phase = ss[state.PHASE]
        if phase == "answer" and (attempt.status == "open" or ss[state.PRACTICE]):
            _answer(attempt, bank, lang)
        elif phase == "read" and attempt.status == "open":
            _read(bank, lang)
        else:
            _review(attempt, bank, lang)
    except QuizgenError as e:
        data.show_error(e, lang)
        if getattr(e, "code", "") == "unavailable":  # the database is back soon: keep the attempt
            if st.button(t("try_again", lang), type="primary", key="retry_error"):
                st.rerun()
            return
        if st.button(t("back_to_quizzes", lang), key="back_error"):
            _leave()


def _current_attempt(lang: str):
    """The attempt this session (or the page address) is on, or None."""
    token = ss[state.TOKEN] or st.query_params.get(QP)
    if not token:
        return None
    att = data.store().get_attempt(str(token))
    if att is None:
        st.query_params.pop(QP, None)
        ss[state.TOKEN] = None
        st.warning(t("attempt_unknown", lang))
        return None
    if ss[state.TOKEN] != att.token:  # resumed from the address: a reload or another tab
        lang_before = language()
        ss["quiz_lang"] = data.store().load_version(att.version).language
        ss[state.TOKEN] = att.token
        ss[state.STUDENT] = att.student
        ss[state.CLASS_CODE] = att.class_code
        ss[state.PHASE] = "answer" if att.status == "open" else "review"
        ss[state.ROUND] += 1
        ss[state.RESULT] = None
        ss[state.PRACTICE] = False
        if language() != lang_before:
            st.rerun()  # draw the page in the quiz's language from the start
    if st.query_params.get(QP) != att.token:
        st.query_params[QP] = att.token
    return att


def _leave() -> None:
    st.query_params.pop(QP, None)
    ss[state.TOKEN] = None
    ss[state.PHASE] = "pick"
    ss[state.RESULT] = None
    ss[state.PRACTICE] = False
    st.rerun()


# ---------------------------------------------------------------- picking a quiz


def _choices(code: str, lang: str) -> list[tuple[str, str, object]] | None:
    """(label, kind, what) of the quizzes offered: a class's open assignments, or the demo quizzes."""
    store = data.store()
    if code:
        cls = store.get_class(code)
        if cls is None:
            st.warning(t("class_unknown", lang, code=code))
            return None
        out = []
        for a in store.assignments_for(code):
            status = a.state()
            if status == "closed":
                continue
            if status == "upcoming":
                st.caption(
                    md_escape(
                        t("assignment_upcoming", lang, title=a.title, when=data.show_time(a.opens_at, lang))
                    )
                )
                continue
            parts = [plain(a.title)]
            if a.time_limit_min:
                parts.append(t("limit_minutes", lang, n=a.time_limit_min))
            if a.closes_at:
                parts.append(t("closes_at", lang, when=data.show_time(a.closes_at, lang)))
            out.append((" · ".join(parts), "assignment", a))
        if not out:
            st.info(t("no_assignments", lang, code=code))
        return out
    demos = [b for b in store.list_banks() if b.read_only]
    if not demos:
        st.info(t("no_quizzes", lang))
    return [
        (t("quiz_label", lang, title=plain(b.title), language=b.language.upper(), n=b.n_items,
           minutes=max(1, round(b.n_items * 0.75 + 3))), "demo", b)
        for b in sorted(demos, key=lambda b: (b.title.casefold(), b.name))
    ]  # fmt: skip


def _pick(lang: str) -> None:
    st.title(t("student_title", lang))
    name = st.text_input(t("your_name", lang), value=ss[state.STUDENT], max_chars=80, key="name_input")
    code = st.text_input(
        t("class_code", lang), value=ss[state.CLASS_CODE], max_chars=20, key="class_input",
        help=t("class_code_help", lang),
    )  # fmt: skip
    code = " ".join(code.split()).upper()
    store = data.store()
    cls = store.get_class(code) if code else None
    personal = ""
    if cls is not None and not cls.open_names:
        personal = st.text_input(
            t("personal_code", lang), key="personal_input", max_chars=20, type="password",
            help=t("personal_code_help", lang),
        )  # fmt: skip
    choices = _choices(code, lang)
    if not choices:
        return
    labels = [c[0] for c in choices]
    pick = st.selectbox(
        t("choose_quiz", lang), range(len(choices)), format_func=labels.__getitem__, key="quiz_pick"
    )
    if not st.button(t("start", lang), type="primary", key="start"):
        return
    student = " ".join(str(name or "").split())
    if not student:
        error(t("name_missing", lang))
        return
    if cls is not None and not store.verify_student(code, student, personal):
        error(t("not_on_roster" if not cls.open_names else "class_unknown", lang, code=code))
        return
    _, kind, what = choices[pick]
    if kind == "assignment":
        att = store.start_attempt(student=student, class_code=code, assignment_id=what.id)
    else:
        # a demo quiz without a class code is practice: graded and reviewed, never stored as an
        # attempt (its keys show at once, so a stored retake would be a "best = 100" for anyone)
        att = store.start_attempt(student=student, class_code="", version=what.version, practice=True)
    ss[state.STUDENT], ss[state.CLASS_CODE] = student, code
    ss[state.TOKEN] = att.token
    st.query_params[QP] = att.token
    ss[state.ROUND] += 1
    ss[state.PRACTICE] = False
    ss[state.RESULT] = None
    bank = store.load_version(att.version)
    ss["quiz_lang"] = bank.language
    closed = bool(bank.settings.get("closed_book")) and not att.answers
    ss[state.PHASE] = "read" if closed else "answer"
    if att.resumed:
        ss["resumed_note"] = True
    st.rerun()


def _read(bank: Bank, lang: str) -> None:
    heading(bank.title, 2)
    st.info(t("closed_book_note", lang))
    article(bank.text)
    if st.button(t("start_answering", lang), type="primary", key="start_answering"):
        ss[state.PHASE] = "answer"
        st.rerun()


# ---------------------------------------------------------------- answering


def _assignment(att):
    if att.assignment_id is None:
        return None
    return data.store().get_assignment(att.assignment_id)


def _order(att, bank: Bank) -> list[Shown]:
    a = _assignment(att)
    order = question_order(
        bank, seed=att.shuffle_seed, shuffle_questions=bool(a and a.shuffle_questions),
        shuffle_options=bool(a and a.shuffle_options),
    )  # fmt: skip
    wanted = ss[state.ITEM_IDS] if ss[state.PRACTICE] else None
    if wanted:
        order = [
            Shown(n, s.item, s.options) for n, s in enumerate((s for s in order if s.item.id in wanted), 1)
        ]
    return order


def _answers(order: list[Shown]) -> dict[str, str | None]:
    round_no = ss[state.ROUND]
    return {s.item.id: answer_of(s, ss.get(state.answer_key(round_no, s.number))) for s in order}


def _autosave(order: list[Shown]) -> None:
    """on_change of every answer widget: the answers so far go to the server at once."""
    answers = _answers(order)
    ss[state.KEPT] = answers
    if ss[state.PRACTICE] or not ss[state.TOKEN]:
        return
    try:
        data.store().save_draft(ss[state.TOKEN], answers)
        ss["saved_at"] = _dt.datetime.now(_dt.UTC)
        ss["save_failed"] = False
    except QuizgenError:
        ss["save_failed"] = True  # shown in the progress line; the next change or submit sends all again


def _load_widgets(order: list[Shown], answers: dict) -> None:
    """Put saved answers into the widgets (first draw of this attempt in this session)."""
    round_no = ss[state.ROUND]
    for s in order:
        key = state.answer_key(round_no, s.number)
        if key not in ss:
            ss[key] = widget_value(s, answers.get(s.item.id))


CSS = """<style>
.st-key-qz-progress {position: sticky; top: 3.2rem; z-index: 50; background: var(--background-color, #fff);
  background-color: rgb(255 255 255 / 0.96); padding: .35rem 0 .25rem; border-bottom: 1px solid #ddd;}
@media (max-width: 700px) {
  .st-key-qz-columns [data-testid="stHorizontalBlock"] {flex-direction: column-reverse;}
  [data-testid="stMainBlockContainer"] {padding-left: .8rem; padding-right: .8rem;}
}
[data-testid="stMain"] {overflow-x: hidden;}
.stRadio label p, .stText {white-space: pre-wrap; overflow-wrap: anywhere;}
</style>"""


def _remaining(att) -> _dt.timedelta | None:
    if att.deadline is None:
        return None
    return att.deadline - _dt.datetime.now(_dt.UTC)


def _progress_line(att, order: list[Shown], lang: str) -> None:
    answers = _answers(order)
    done = len(order) - len(unanswered(order, answers))
    with st.container(key="qz-progress"):
        parts = [t("progress", lang, done=done, total=len(order))]
        if ss.get("save_failed"):
            parts.append(t("not_saved_yet", lang))
        elif ss.get("saved_at") and not ss[state.PRACTICE]:
            parts.append(t("saved_at", lang, when=data.local(ss["saved_at"]).strftime("%H:%M:%S")))
        st.progress(done / max(len(order), 1), text=" · ".join(parts))
        if att.deadline is not None and not ss[state.PRACTICE]:
            _timer(att.deadline, lang)


@st.fragment(run_every=15)
def _timer(deadline: _dt.datetime, lang: str) -> None:
    """Minutes left, refreshed every 15 s; at the deadline the page reruns and submits."""
    left = (deadline - _dt.datetime.now(_dt.UTC)).total_seconds()
    if left <= 0:
        st.rerun(scope="app")
    st.caption(t("time_left", lang, minutes=int(left // 60) + (1 if left % 60 else 0),
                 when=data.show_time(deadline, lang)))  # fmt: skip


def _answer(att, bank: Bank, lang: str) -> None:
    st.html(CSS)
    order = _order(att, bank)
    round_no = ss[state.ROUND]
    if ss.get("loaded") == (att.token, round_no):
        source = ss[state.KEPT] or {}  # widgets Streamlit forgot (another page was open) come back
    else:
        source = {} if ss[state.PRACTICE] else att.answers
        ss[state.KEPT] = dict(source)
    _load_widgets(order, source)
    ss["loaded"] = (att.token, round_no)
    left = _remaining(att)
    if left is not None and left.total_seconds() <= 0 and not ss[state.PRACTICE]:
        _submit(att, bank, order, lang, timed_out=True)
        return
    heading(bank.title, 3 if is_phone() else 2)
    literal(t("student_line", lang, name=att.student))
    if ss.pop("resumed_note", False) or att.resumed and ss.get("loaded_note") != att.token:
        ss["loaded_note"] = att.token
        if any(att.answers.values()):
            st.info(t("resumed", lang, n=len([v for v in att.answers.values() if v])))
    if ss[state.PRACTICE]:
        st.info(t("practice_note", lang))
    elif att.practice:
        st.info(t("demo_practice_note", lang))
    _progress_line(att, order, lang)
    closed = bool(bank.settings.get("closed_book"))
    if closed:
        _questions(order, lang)
    elif is_phone():
        q_tab, a_tab = st.tabs([t("tab_questions", lang), t("article", lang)])
        with q_tab:
            _questions(order, lang)
        with a_tab:
            article(bank.text)
    else:
        with st.container(key="qz-columns"):
            left_col, right_col = st.columns([1, 1], gap="large")
            with left_col:
                st.subheader(t("article", lang))
                article(bank.text)
            with right_col:
                _questions(order, lang)
    _submit_controls(att, bank, order, lang)


def _questions(order: list[Shown], lang: str) -> None:
    round_no = ss[state.ROUND]
    for s in order:
        st.markdown(f"**{t('question_n', lang, n=s.number, total=len(order))}**")
        literal(s.item.prompt)
        key = state.answer_key(round_no, s.number)
        if is_typed(s.item):
            st.text_input(
                t("type_answer", lang), key=key, max_chars=200, on_change=_autosave, args=(order,),
            )  # fmt: skip
        else:
            opts = s.options
            st.radio(
                t("choose_answer", lang), list(range(len(opts))), key=key, on_change=_autosave, args=(order,),
                format_func=lambda k, opts=opts: md_escape(opts[k]), label_visibility="collapsed",
            )  # fmt: skip
        st.divider()


def _submit_controls(att, bank: Bank, order: list[Shown], lang: str) -> None:
    answers = _answers(order)
    missing = unanswered(order, answers)
    if ss.get("confirm_submit") == att.token:
        with st.container(border=True, key="qz-confirm"):
            st.warning(t("confirm_blank", lang, n=len(missing), numbers=", ".join(map(str, missing))))
            c1, c2 = st.columns(2)
            if c1.button(t("submit_anyway", lang), type="primary", key="submit_anyway"):
                ss["confirm_submit"] = None
                _submit(att, bank, order, lang)
            if c2.button(t("keep_answering", lang), key="keep_answering"):
                ss["confirm_submit"] = None
                st.rerun()
        return
    if st.button(t("submit", lang), type="primary", key="submit"):
        if missing:
            ss["confirm_submit"] = att.token
            st.rerun()
        _submit(att, bank, order, lang)


def _submit(att, bank: Bank, order: list[Shown], lang: str, *, timed_out: bool = False) -> None:
    answers = _answers(order)
    if ss[state.PRACTICE]:
        quiz = bank.with_items([s.item for s in order])
        ss[state.RESULT] = {"score": score(quiz, answers), "answers": answers, "stored": False}
        ss[state.PHASE] = "review"
        st.rerun()
    if timed_out:  # the widgets may hold more than the last autosave: keep whichever says more
        answers = {k: v for k, v in {**att.answers, **{k: v for k, v in answers.items() if v}}.items()}
    try:
        saved = data.store().submit(att.token, score(bank, answers), answers)
    except QuizgenError as e:  # nothing was stored; the answers stay on the page for a retry
        if getattr(e, "code", "") in ("attempts_used_up", "closed", "unpublished", "unknown_token"):
            raise
        error(t("submit_failed", lang))
        return
    ss[state.RESULT] = {"stored": True, "attempt_id": saved.attempt_id, "timed_out": timed_out}
    ss[state.PHASE] = "review"
    st.rerun()


# ---------------------------------------------------------------- review


def _review(att, bank: Bank, lang: str) -> None:
    res = ss[state.RESULT] or {}
    assignment = _assignment(att)
    if res.get("score") is not None:  # a practice round, graded here
        result: Score = res["score"]
        shown_ids = [s.item.id for s in _order(att, bank)]
    else:
        answers = data.store().attempt_answers(att.attempt_id) if att.attempt_id else dict(att.answers)
        result = score(bank, answers)
        shuffled = bool(assignment and assignment.shuffle_questions)
        order = question_order(bank, seed=att.shuffle_seed, shuffle_questions=shuffled, shuffle_options=False)
        shown_ids = [s.item.id for s in order]
    keys = assignment is None or assignment.keys_visible()
    heading(bank.title, 2)
    literal(t("student_line", lang, name=att.student))
    if res.get("timed_out"):
        st.warning(t("timed_out", lang))
    st.subheader(
        t("your_score", lang, correct=result.correct, total=result.total, percent=round(result.percent))
    )
    st.progress(result.percent / 100)
    st.caption(t("saved" if not res.get("score") and not att.practice else "practice_not_saved", lang))
    if not keys:
        st.info(t("keys_later", lang))
    missed = [i for i in shown_ids if i in result.grades and not result.grades[i].correct]
    c1, c2 = st.columns(2)
    if missed and keys and c1.button(t("retry_missed", lang, n=len(missed)), type="primary", key="retry"):
        ss[state.ROUND] += 1
        ss[state.ITEM_IDS] = tuple(missed)
        ss[state.PRACTICE] = True
        ss[state.RESULT] = None
        ss[state.PHASE] = "answer"
        st.rerun()
    if c2.button(t("other_quiz", lang), key="other_quiz"):
        _leave()
    by_id = {it.id: it for it in bank.items}
    for n, iid in enumerate(shown_ids, 1):
        g, it = result.grades.get(iid), by_id[iid]
        if g is None:
            continue
        with st.container(border=True):
            if g.correct:
                st.markdown(f"**{n}.** :green[:material/check_circle: **{t('right', lang)}**]")
            else:
                st.markdown(f"**{n}.** :red[:material/cancel: **{t('wrong', lang)}**]")
            literal(it.prompt)
            literal(t("your_answer_was", lang) + " " + (g.given if g.given.strip() else t("no_answer", lang)))
            if not keys:
                continue
            if not g.correct:
                literal(t("key_was", lang) + " " + it.answer)
            if g.correct and g.how not in ("exact", "wrong"):
                st.caption(t("how_" + g.how.replace(" ", "_"), lang))
            if it.explanation:
                literal(t("explanation", lang) + " " + it.explanation)
            with st.expander(t("source_in_article", lang)):
                source_in_context(bank.text, it.source.start, it.source.end, t("source_sentence", lang))
