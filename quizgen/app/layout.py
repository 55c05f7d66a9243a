"""What every page shares: the UI language in force and the sidebar language switch."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from ..errors import QuizgenError
from . import state
from .safe import error
from .strings import UI_LANGUAGES, t, ui_language

log = logging.getLogger("quizgen.app")


def quiz_language() -> str | None:
    """The language of the quiz this session is taking, if any."""
    return st.session_state.get("quiz_lang")


def is_phone() -> bool:
    """Whether the browser says it is a phone (its User-Agent or the Sec-CH-UA-Mobile hint):
    phones get the article and the questions in tabs."""
    try:
        headers = st.context.headers
        ua = headers.get("User-Agent", "") or ""
        hint = headers.get("Sec-CH-UA-Mobile", "") or ""
    except Exception:  # no browser context (AppTest, bare mode)
        return False
    return hint.strip() == "?1" or any(w in ua for w in ("Mobi", "Android", "iPhone"))


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
