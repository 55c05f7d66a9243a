"""The teacher passcode.

Where it comes from, first found wins: the environment variable
``QUIZGEN_TEACHER_PASSWORD``; ``QUIZGEN_TEACHER_PASSWORD`` in Streamlit secrets
(``.streamlit/secrets.toml``); else a random passcode made once when the server starts and
printed to its console (as Jupyter does with its token). It is compared in constant time;
a wrong passcode is refused with no hint.
"""

from __future__ import annotations

import hmac
import os
import secrets
import sys
import time

import streamlit as st

from . import state
from .strings import t

ENV = "QUIZGEN_TEACHER_PASSWORD"


@st.cache_resource(show_spinner=False)
def _generated_passcode() -> str:
    code = secrets.token_urlsafe(12)
    print(
        f"\n  quizgen: teacher passcode for this server: {code}\n  (set {ENV} to choose your own)\n",
        file=sys.stderr,
        flush=True,
    )
    return code


def _from_secrets() -> str:
    try:
        value = st.secrets.get(ENV, "")
    except Exception:  # no secrets file at all: Streamlit raises rather than returning nothing
        return ""
    return str(value or "")


def passcode() -> str:
    """The teacher passcode in force (see the module docstring for where it comes from)."""
    return os.environ.get(ENV, "").strip() or _from_secrets().strip() or _generated_passcode()


def check(given: str) -> bool:
    """Constant-time comparison of a passcode attempt."""
    return hmac.compare_digest(str(given).encode("utf-8"), passcode().encode("utf-8"))


def require_teacher(lang: str) -> None:
    """Show the passcode form and stop the page unless this session has entered the passcode."""
    if st.session_state.get(state.TEACHER_OK):
        if st.sidebar.button(t("logout", lang), key="logout"):
            st.session_state[state.TEACHER_OK] = False
            st.session_state[state.DRAFT] = None
            st.rerun()
        return
    st.subheader(t("teacher_login", lang))
    with st.form("teacher_login"):
        given = st.text_input(t("passcode", lang), type="password", key="passcode_input")
        sent = st.form_submit_button(t("enter", lang))
    if sent:
        if check(given):
            st.session_state[state.TEACHER_OK] = True
            st.rerun()
        time.sleep(0.5)  # slows guessing a little
        st.error(t("wrong_passcode", lang))
    st.stop()
