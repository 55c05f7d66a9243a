"""Page script run by st.navigation (see streamlit_app.py)."""

from quizgen.app import student

student.render()
