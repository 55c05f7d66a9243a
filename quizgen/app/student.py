"""The student page: pick a quiz, read, answer in a form, submit once, see score and review.

Phases (``state.PHASE``): ``pick`` -> ``read`` (closed-book banks only: the article, then it
is hidden) -> ``answer`` -> ``review``. The bank's keys and explanations stay on the server
until the attempt is submitted: the page only ever receives prompts and option labels.
"""

from __future__ import annotations

import streamlit as st

from .. import storage
from ..bank import Bank
from ..errors import QuizgenError
from ..grading import Score, is_typed, score
from . import banks, state
from .layout import language
from .safe import article, error, heading, literal, md_escape, plain, source_in_context
from .strings import t

ss = st.session_state


def render() -> None:
    """Draw the student page for the current phase."""
    lang = language()
    try:
        if ss[state.PHASE] == "pick" or not ss[state.QUIZ]:
            _pick(lang)
            return
        bank = banks.load(ss[state.QUIZ])
        {"read": _read, "answer": _answer, "review": _review}[ss[state.PHASE]](bank, lang)
    except QuizgenError as e:
        error(str(e))
        if st.button(t("back_to_quizzes", lang)):
            _reset()


def _reset() -> None:
    ss[state.PHASE] = "pick"
    ss[state.RESULT] = None
    ss[state.PRACTICE] = False
    st.rerun()


def _start_round(bank: Bank, item_ids, *, practice: bool, phase: str) -> None:
    ss[state.ROUND] += 1
    ss[state.ITEM_IDS] = tuple(item_ids)
    ss[state.PRACTICE] = practice
    ss[state.RESULT] = None
    ss[state.KEPT] = {}
    ss[state.TOKEN] = storage.new_token()
    ss[state.PHASE] = phase
    st.rerun()


def _pick(lang: str) -> None:
    st.title(t("student_title", lang))
    name = st.text_input(
        t("your_name", lang), value=ss[state.STUDENT], max_chars=storage.MAX_NAME, key="name_input"
    )
    code = st.text_input(
        t("class_code", lang), value=ss[state.CLASS_CODE], max_chars=storage.MAX_NAME, key="class_input"
    )
    infos, problems = banks.list_banks()
    for p in problems:
        st.warning(md_escape(p))
    if not infos:
        st.info(t("no_quizzes", lang))
        return
    labels = {
        i.name: t("quiz_label", lang, title=plain(i.title), language=i.language.upper(),
                  n=i.n_items, minutes=i.minutes)
        for i in infos
    }  # fmt: skip
    names = [i.name for i in infos]
    current = names.index(ss[state.QUIZ]) if ss[state.QUIZ] in names else 0
    choice = st.selectbox(
        t("choose_quiz", lang), names, index=current, format_func=labels.__getitem__, key="quiz_pick"
    )
    if st.button(t("start", lang), type="primary", key="start"):
        try:
            ss[state.STUDENT] = storage.clean_name(name)
            ss[state.CLASS_CODE] = storage.clean_name(code, what="class code")
            bank = banks.load(choice)
        except QuizgenError as e:
            error(str(e))
            return
        ss[state.QUIZ] = choice
        closed = bool(bank.settings.get("closed_book"))
        _start_round(bank, [it.id for it in bank.items], practice=False, phase="read" if closed else "answer")


def _read(bank: Bank, lang: str) -> None:
    heading(bank.title, 2)
    st.info(t("closed_book_note", lang))
    article(bank.text)
    if st.button(t("start_answering", lang), type="primary", key="start_answering"):
        ss[state.PHASE] = "answer"
        st.rerun()


def _round_items(bank: Bank) -> list:
    wanted = set(ss[state.ITEM_IDS])
    return [it for it in bank.items if it.id in wanted]


def _response(item, value) -> str | None:
    """The widget value as the answer text: typed text, or the chosen option's text."""
    if value is None:
        return None
    if is_typed(item):
        return str(value)
    return item.options[value] if isinstance(value, int) and 0 <= value < len(item.options) else None


def _answer(bank: Bank, lang: str) -> None:
    items = _round_items(bank)
    round_no = ss[state.ROUND]
    keys = [state.answer_key(round_no, n) for n in range(1, len(items) + 1)]
    kept = ss[state.KEPT]
    for key in keys:  # Streamlit forgets widgets not drawn on the last run (another page was open)
        if key not in ss and key in kept:
            ss[key] = kept[key]
    heading(bank.title, 2)
    literal(t("student_line", lang, name=ss[state.STUDENT]))
    if ss[state.PRACTICE]:
        st.info(t("practice_note", lang))
    answered = sum(
        bool((_response(it, ss.get(key)) or "").strip()) for it, key in zip(items, keys, strict=True)
    )
    st.progress(answered / max(len(items), 1), text=t("progress", lang, done=answered, total=len(items)))
    closed = bool(bank.settings.get("closed_book"))
    if closed:
        questions = st.container()
    else:
        left, questions = st.columns([1, 1], gap="large")
        with left:
            st.subheader(t("article", lang))
            article(bank.text)
    with questions, st.form(f"quiz_{round_no}"):
        for n, it in enumerate(items, 1):
            st.markdown(f"**{t('question_n', lang, n=n, total=len(items))}**")
            literal(it.prompt)
            key = state.answer_key(round_no, n)
            if is_typed(it):
                st.text_input(t("type_answer", lang), key=key, max_chars=200)
            else:
                opts = it.options
                st.radio(
                    t("choose_answer", lang), list(range(len(opts))), index=None, key=key,
                    format_func=lambda k, opts=opts: md_escape(opts[k]), label_visibility="collapsed",
                )  # fmt: skip
            st.divider()
        check = st.form_submit_button(t("check_progress", lang))
        submit = st.form_submit_button(t("submit", lang), type="primary")
    del check  # a "check progress" press only reruns: the bar above counts the answers
    ss[state.KEPT] = {k: ss[k] for k in keys if k in ss}
    if submit:
        _submit(bank, items, lang)


def _submit(bank: Bank, items, lang: str) -> None:
    round_no = ss[state.ROUND]
    answers = {it.id: _response(it, ss.get(state.answer_key(round_no, n))) for n, it in enumerate(items, 1)}
    quiz = bank.with_items(items)
    result = score(quiz, answers)
    stored, attempt_id = False, None
    if not ss[state.PRACTICE]:
        try:
            saved = storage.save_attempt(
                quiz, result, answers, student=ss[state.STUDENT], class_code=ss[state.CLASS_CODE],
                token=ss[state.TOKEN],
            )  # fmt: skip
        except QuizgenError as e:
            error(str(e))
            return
        stored, attempt_id = True, saved.attempt_id
        if not saved.created:  # a repeated submission: show what was stored the first time
            answers = storage.attempt_answers(saved.attempt_id)
            result = score(quiz, answers)
    ss[state.RESULT] = {"score": result, "answers": answers, "stored": stored, "attempt_id": attempt_id}
    ss[state.PHASE] = "review"
    st.rerun()


def _review(bank: Bank, lang: str) -> None:
    res = ss[state.RESULT]
    if not res:
        _reset()
        return
    result: Score = res["score"]
    heading(bank.title, 2)
    literal(t("student_line", lang, name=ss[state.STUDENT]))
    st.subheader(
        t("your_score", lang, correct=result.correct, total=result.total, percent=round(result.percent))
    )
    st.progress(result.percent / 100)
    st.caption(t("saved" if res["stored"] else "practice_not_saved", lang))
    missed = list(result.wrong_ids)
    c1, c2 = st.columns(2)
    if missed and c1.button(t("retry_missed", lang, n=len(missed)), type="primary", key="retry"):
        _start_round(bank, missed, practice=True, phase="answer")
    if c2.button(t("other_quiz", lang), key="other_quiz"):
        _reset()
    for n, it in enumerate(_round_items(bank), 1):
        g = result.grades.get(it.id)
        if g is None:
            continue
        with st.container(border=True):
            if g.correct:
                st.markdown(f"**{n}.** :green[:material/check_circle: **{t('right', lang)}**]")
            else:
                st.markdown(f"**{n}.** :red[:material/cancel: **{t('wrong', lang)}**]")
            literal(it.prompt)
            literal(t("your_answer_was", lang) + " " + (g.given if g.given.strip() else t("no_answer", lang)))
            literal(t("key_was", lang) + " " + it.answer)
            if g.correct and g.how not in ("exact", "wrong"):
                st.caption(t("how_" + g.how.replace(" ", "_"), lang))
            if it.explanation:
                literal(t("explanation", lang) + " " + it.explanation)
            with st.expander(t("source_in_article", lang)):
                source_in_context(bank.text, it.source.start, it.source.end, t("source_sentence", lang))
