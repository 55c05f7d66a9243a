"""Issue 12 faults, as a student sees them: the PostgreSQL server goes down just before a
student submits; the page says to try again (in the UI language, no traceback) and keeps
every answer; once the server is back, submitting again stores the attempt exactly once."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest
from test_app_student import ANSWERS, assign_7a, fill, start_quiz

from quizgen.storage import close_store, open_store

pytest_plugins = ["pg_server"]


@pytest.fixture
def pg_app(app_env, pg_server, monkeypatch):
    url = pg_server.create_db()
    monkeypatch.setenv("QUIZGEN_DB", url)
    monkeypatch.setenv("QUIZGEN_DB_RETRY_SECONDS", "2")
    yield url
    close_store(url)
    if not _up(pg_server):
        pg_server.start()
    pg_server.drop_db(url)


def _up(srv) -> bool:
    try:
        srv._admin("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means down
        return False


def _texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for e in [*at.error, *at.warning, *at.success, *at.markdown, *at.info])


def test_submit_while_the_database_restarts(pg_app, pg_server, app_env):
    at = start_quiz("Rina Marlina", code=assign_7a(app_env))  # a class attempt (demo quizzes are practice)
    fill(at, ANSWERS)
    at.run()
    pg_server.stop("fast")
    try:
        at.button(key="submit").click().run()
        assert not at.exception
        shown = _texts(at)
        assert "coba lagi" in shown.lower(), shown[:2000]
        assert at.session_state["phase"] != "review"
        assert open_store(pg_app).attempts_frame().empty if _up(pg_server) else True
    finally:
        pg_server.start()
    at.button(key="retry_error").click().run()  # "Coba lagi": the quiz again, answers from the autosave
    assert not at.exception
    at.button(key="submit").click().run()
    assert not at.exception
    assert "Nilaimu" in _texts(at) or at.session_state["phase"] == "review"
    frame = open_store(pg_app).attempts_frame()
    assert list(frame["student"]) == ["Rina Marlina"]
    assert len(open_store(pg_app).answers_frame()) == len(ANSWERS)
