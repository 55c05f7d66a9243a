"""Page script run by st.navigation (see streamlit_app.py)."""

from quizgen.app import teacher_classes
from quizgen.app.layout import run_page

run_page(teacher_classes.render)
