"""Issue 13, findings 3 and 4 (server side, through AppTest): the generated passcode survives
Streamlit's cache clearing, the login form never keeps a passcode, wrong tries lock a session
and an address for a bounded time, and a signed token keeps the teacher logged in over a
reload. The same attacks in a real Chromium are in ``test_security_browser.py``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from quizgen.app import auth

pytest_plugins = ["pg_server"]  # fixtures store, store_url (SQLite and PostgreSQL)
APP = str(Path(__file__).parents[1] / "streamlit_app.py")
CREATE = "quizgen/app/pages/teacher_create.py"


def teacher_page(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(CREATE).run()
    return at


def passcode_field(at):
    [field] = [w for w in at.text_input if (w.key or "").startswith("passcode_input")]
    return field


def login(at, code: str) -> None:
    passcode_field(at).input(code)
    [b for b in at.button if (b.key or "").startswith("FormSubmitter:teacher_login")][0].click().run()


def logged_in(at) -> bool:
    return bool(at.session_state["teacher_ok"]) and not any(
        (w.key or "").startswith("passcode_input") for w in at.text_input
    )


def test_generated_passcode_survives_cache_clearing(monkeypatch, capsys):
    monkeypatch.delenv("QUIZGEN_TEACHER_PASSWORD", raising=False)
    auth._generated_passcode.clear()
    first = auth.passcode()
    st.cache_resource.clear()  # what Streamlit runs for a client's clear-cache message
    st.cache_data.clear()
    assert auth.passcode() == first and auth.check(first)
    assert capsys.readouterr().err.count(first) == 1
    auth._generated_passcode.clear()


def test_login_and_logout_leave_no_passcode_in_the_form(app_env):
    at = teacher_page()
    login(at, "test-passcode")
    assert logged_in(at)
    assert "test-passcode" not in [
        v for v in at.session_state._state.filtered_state.values() if isinstance(v, str)
    ]
    at.button(key="logout").click().run()
    assert not at.session_state["teacher_ok"]
    field = passcode_field(at)
    assert field.value == "" and field.key != "passcode_input"  # a fresh widget: nothing carried over
    login(at, "")  # pressing "Masuk" on the empty form does not log back in
    assert not logged_in(at)


def test_reload_keeps_the_teacher_logged_in_with_a_token(app_env):
    at = teacher_page()
    login(at, "test-passcode")
    token = at.query_params[auth.TOKEN_PARAM]
    token = token[0] if isinstance(token, list) else token
    assert token and "test-passcode" not in token
    again = teacher_page({auth.TOKEN_PARAM: token})  # a reload: a new session, same address
    assert logged_in(again)
    again.button(key="logout").click().run()
    assert not auth.token_ok(token)
    assert not logged_in(teacher_page({auth.TOKEN_PARAM: token}))


def test_forged_expired_and_other_passcode_tokens_are_refused(app_env, monkeypatch):
    token = auth.issue_token()
    assert auth.token_ok(token)
    expiry, nonce, sig = token.split(".")
    assert not auth.token_ok(f"{int(expiry) + 3600}.{nonce}.{sig}")
    other = "B" if sig[0] == "A" else "A"
    assert not auth.token_ok(f"{expiry}.{nonce}.{other}{sig[1:]}")
    assert not auth.token_ok(auth.issue_token(now=1_000_000))  # expired long ago
    monkeypatch.setenv("QUIZGEN_TEACHER_PASSWORD", "a-new-passcode")
    assert not auth.token_ok(token)  # changing the passcode ends every session
    assert not logged_in(teacher_page({auth.TOKEN_PARAM: "x.y.z"}))


def test_wrong_tries_lock_the_session(app_env, monkeypatch):
    monkeypatch.setattr(auth, "THROTTLE", auth.Throttle())
    monkeypatch.setattr(auth.time, "sleep", lambda s: None)
    at = teacher_page()
    for n in range(auth.SESSION_TRIES):
        login(at, f"guess-{n}")
        assert not logged_in(at)
    login(at, "test-passcode")  # the right passcode is refused while locked
    assert not logged_in(at)
    assert "30" in at.error[0].value or "31" in at.error[0].value
    other = teacher_page()  # another session (no known address): not locked
    login(other, "test-passcode")
    assert logged_in(other)


def test_address_lock_is_bounded_and_not_extended(store):
    th = auth.Throttle(lambda: store)
    now = 1000.0
    for n in range(auth.ADDRESS_TRIES):
        th.failed(f"s{n}", "10.0.0.7", now + n)  # a new session for every try
    t_lock = now + auth.ADDRESS_TRIES - 1
    assert th.wait("teacher", "10.0.0.7", t_lock) == auth.ADDRESS_LOCK_S
    assert th.wait("teacher", "10.0.0.8", t_lock) == 0  # other addresses are not affected
    for n in range(100):  # tries during the lock do not extend it
        th.failed(f"x{n}", "10.0.0.7", t_lock + 1 + n)
    assert th.wait("teacher", "10.0.0.7", t_lock + auth.ADDRESS_LOCK_S + 1) == 0
    # after the lock the count starts again: one more wrong try does not lock
    th.failed("y", "10.0.0.7", t_lock + auth.ADDRESS_LOCK_S + 2)
    assert th.wait("teacher", "10.0.0.7", t_lock + auth.ADDRESS_LOCK_S + 3) == 0
    th.failed("s", "", now)  # no address: only the session counts
    assert th.wait("other", "", now) == 0


def test_replicas_share_the_address_count_through_the_database(store_url):
    """Two app replicas (two Throttles, each with its own sessions, and its own connection to
    one database): wrong tries from one address alternate between them; the lock comes after
    ADDRESS_TRIES in all, not ADDRESS_TRIES on each, and both replicas enforce it."""
    from quizgen.storage import Store, open_store
    from quizgen.storage.engine import make_engine

    first = open_store(store_url)
    second = Store(first.key, make_engine(first.key))  # another replica's own connection pool
    a, b = auth.Throttle(lambda: first), auth.Throttle(lambda: second)
    now = 5000.0
    for n in range(auth.ADDRESS_TRIES - 1):
        (a if n % 2 else b).failed(f"s{n}", "203.0.113.5", now + n)
    assert a.wait("t", "203.0.113.5", now + 30) == 0 and b.wait("t", "203.0.113.5", now + 30) == 0
    a.failed("last", "203.0.113.5", now + 30)
    assert a.wait("t", "203.0.113.5", now + 31) == auth.ADDRESS_LOCK_S - 1
    assert b.wait("t", "203.0.113.5", now + 31) == auth.ADDRESS_LOCK_S - 1
    second.close()


def test_the_client_address_comes_from_a_trusted_proxy_only():
    nginx = {"X-Forwarded-For": "192.0.2.9", "Host": "quiz.example"}
    assert auth.client_address(None, nginx) == "192.0.2.9"  # loopback peer: the shipped nginx
    # a client's own X-Forwarded-For is kept by nginx on the left; the peer nginx saw is last
    assert auth.client_address(None, {"X-Forwarded-For": "1.1.1.1, 192.0.2.9"}) == "192.0.2.9"
    assert (
        auth.client_address(None, {"X-Real-IP": "192.0.2.10", "X-Forwarded-For": "1.1.1.1"}) == "192.0.2.10"
    )
    # a direct visitor cannot pick an address with the header
    assert auth.client_address("198.51.100.4", {"X-Forwarded-For": "1.1.1.1"}) == "198.51.100.4"
    # nginx on another host: trusted only when named
    assert auth.client_address("10.0.0.2", nginx) == "10.0.0.2"
    assert auth.client_address("10.0.0.2", nginx, trusted="10.0.0.2") == "192.0.2.9"
    assert (
        auth.client_address("10.0.0.2", {"X-Forwarded-For": "192.0.2.9, 10.0.0.3"}, "10.0.0.2,10.0.0.3")
        == "192.0.2.9"
    )
    assert auth.client_address(None, {}) == ""  # local, no proxy: unknown (the session still counts)


def test_session_lock_doubles_up_to_its_cap():
    th = auth.Throttle()
    t = 0.0
    waits = []
    for _ in range(12):
        for _ in range(auth.SESSION_TRIES):
            th.failed("s", "", t)
        waits.append(th.wait("s", "", t))
        t += waits[-1] + 1
    assert waits[0] == auth.SESSION_LOCK_S and waits[1] == 2 * auth.SESSION_LOCK_S
    assert max(waits) == auth.SESSION_LOCK_MAX_S
