"""quizgen's Streamlit app (placeholder until the app pages land)."""

import streamlit as st

st.set_page_config(page_title="quizgen", page_icon="📝")
st.title("quizgen")
st.write("Reading-comprehension quizzes from articles. The student and teacher pages are being built.")
