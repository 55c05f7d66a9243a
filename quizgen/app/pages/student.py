"""Page script run by st.navigation (see streamlit_app.py)."""

from quizgen.app import student
from quizgen.app.layout import run_page

run_page(student.render)
