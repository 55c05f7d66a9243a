"""Page script run by st.navigation (see streamlit_app.py)."""

from quizgen.app import teacher_results

teacher_results.render()
