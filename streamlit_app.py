"""quizgen's Streamlit app: students take quizzes, teachers create banks and read results.

Run: ``streamlit run streamlit_app.py``. Settings (environment variables):
``QUIZGEN_BANKS`` bank folder (default ``question_banks/``), ``QUIZGEN_DB`` results
database (default ``data/quizgen.sqlite3``), ``QUIZGEN_TEACHER_PASSWORD`` teacher passcode
(else Streamlit secrets, else a random one printed to this console at start).
Each page is a small module under ``quizgen/app/``; this file only wires them together.
"""

import streamlit as st

from quizgen.app import auth, layout, state
from quizgen.app.safe import no_table_export
from quizgen.app.strings import t

st.set_page_config(page_title="quizgen", page_icon="📝", layout="wide")
state.init_state()
auth.passcode()  # makes and prints the generated passcode on the first run when none is set
lang = layout.language()
PAGES = "quizgen/app/pages/"
nav = st.navigation(
    {
        t("nav_student", lang): [
            st.Page(
                PAGES + "student.py", title=t("page_quiz", lang), icon=":material/edit_note:", default=True
            ),
        ],
        t("nav_teacher", lang): [
            st.Page(PAGES + "teacher_create.py", title=t("page_create", lang), icon=":material/build:"),
            st.Page(PAGES + "teacher_classes.py", title=t("page_classes", lang), icon=":material/groups:"),
            st.Page(PAGES + "teacher_results.py", title=t("page_results", lang), icon=":material/bar_chart:"),
        ],
    }
)
if no_table_export():  # config.toml was not read: the browser learns the setting on the next run
    st.rerun()  # (after st.navigation, so that the rerun stays on the page asked for)
layout.language_switch()
nav.run()
