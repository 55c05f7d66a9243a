"""The Streamlit app's pages and helpers; ``streamlit_app.py`` wires them with ``st.navigation``.

Modules: ``state`` (session keys and their one init function), ``strings`` (UI text in
Indonesian and English, from ``quizgen/lang/<code>/ui.json``), ``safe`` (showing bank and
user text literally), ``banks`` (the bank folder), ``auth`` (teacher passcode), and one
module per page: ``student``, ``teacher_create``, ``teacher_results``. The files under
``pages/`` are the two-line scripts ``st.Page`` runs.
"""
