"""Page script run by st.navigation (see streamlit_app.py)."""

from quizgen.app import teacher_results
from quizgen.app.layout import run_page

run_page(teacher_results.render)
