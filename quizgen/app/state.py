"""Session state: the named keys of one visitor's session and the one function that sets them.

Every visitor (each student, each teacher) has a separate ``st.session_state``; nothing
mutable lives at module level, so sessions never see each other's data.
"""

from __future__ import annotations

import streamlit as st

UI_LANG = "ui_lang"  # "auto" (follow the quiz's language), "id" or "en"
STUDENT = "student_name"
CLASS_CODE = "class_code"
QUIZ = "quiz_file"  # file name of the chosen bank in the bank folder
PHASE = "phase"  # "pick" -> ("read" for closed-book) -> "answer" -> "review"
TOKEN = "attempt_token"  # made when the quiz starts; sent with the submission
ITEM_IDS = "item_ids"  # ids of the items in this round (all, or the missed ones on retry)
PRACTICE = "practice"  # True on a "retry the ones I missed" round: graded, not stored
RESULT = "result"  # after submission: {"score", "answers", "stored", "attempt_id"}
KEPT = "kept_answers"  # widget key -> value: answers survive a visit to another page
ROUND = "round"  # counts quiz rounds so each round's widgets get fresh keys
TEACHER_OK = "teacher_ok"
DRAFT = "draft_bank"  # the Bank a teacher is creating/editing
DRAFT_FILE = "draft_file"  # the bank file the draft was opened from or saved to ("" for new)
DRAFT_NOTE = "draft_note"  # e.g. "12 items in 1.4 s"
DRAFT_VERSION = "draft_version"  # bumps when the draft is replaced, to reset the editor

DEFAULTS = {
    UI_LANG: "auto",
    STUDENT: "",
    CLASS_CODE: "",
    QUIZ: None,
    PHASE: "pick",
    TOKEN: None,
    ITEM_IDS: (),
    PRACTICE: False,
    RESULT: None,
    KEPT: None,
    ROUND: 0,
    TEACHER_OK: False,
    DRAFT: None,
    DRAFT_FILE: "",
    DRAFT_NOTE: "",
    DRAFT_VERSION: 0,
}


def init_state() -> None:
    """Give every named key its default, once per session (later reruns keep the values)."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = {} if key == KEPT else value


def answer_key(round_no: int, position: int) -> str:
    """The widget key of the answer to the item at ``position`` (1-based) in one round.

    Positions, not item ids: Streamlit writes widget keys into the page (as CSS classes), and a
    bank's ids are free text that could name the answer."""
    return f"ans_{round_no}_{position}"
