"""What every page shares: the UI language in force and the sidebar language switch."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from ..errors import QuizgenError
from . import state
from .banks import list_banks
from .safe import error
from .strings import UI_LANGUAGES, t, ui_language

log = logging.getLogger("quizgen.app")


def quiz_language() -> str | None:
    """The language of the quiz this session has picked, if any."""
    name = st.session_state.get(state.QUIZ)
    if not name:
        return None
    return next((i.language for i in list_banks()[0] if i.name == name), None)


def language() -> str:
    """The UI language in force for this session."""
    return ui_language(st.session_state.get(state.UI_LANG, "auto"), quiz_language())


def language_switch() -> None:
    """The sidebar switch: automatic (the quiz's language), Bahasa Indonesia, or English."""
    lang = language()
    names = {"auto": t("lang_auto", lang), "id": "Bahasa Indonesia", "en": "English"}
    st.sidebar.selectbox(
        t("ui_language", lang), ["auto", *UI_LANGUAGES], key=state.UI_LANG, format_func=names.__getitem__
    )


def run_page(render: Callable[[], None]) -> None:
    """Run a page; a QuizgenError is shown as its message, anything else as a short apology
    (the traceback goes to the server's log, never to the browser)."""
    try:
        render()
    except QuizgenError as e:
        error(str(e))
    except Exception:
        log.exception("page failed")
        st.error(t("internal_error", language()))
