"""Issue 13, findings 3 and 4 in a real Chromium against a real Streamlit server.

* The server runs without ``QUIZGEN_TEACHER_PASSWORD``, so it generates and prints a passcode.
  The page then sends Streamlit's clear-cache message over its own websocket (the message
  the "Clear cache" menu item sends), and the "c" shortcut's dialog is confirmed too: the
  printed passcode must still work and no second passcode may appear.
* Logging in and out repeatedly never leaves the passcode in the form, and "Masuk" on the
  form after logout does not log back in.
* A reload keeps the teacher logged in through the token in the address; neither the
  address nor the page ever holds the passcode.

Needs Debian's ``/usr/bin/chromium`` and playwright; skipped without them unless
``QUIZGEN_REQUIRE_EXTERNAL=1``.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from browser_support import ROOT, app_folder, chromium, new_page, require_browser, streamlit_server

pytestmark = pytest.mark.browser

LOGOUT = "Keluar dari halaman guru"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp, banks = app_folder(tmp_path_factory, "security-browser")
    (banks / "app_bank_id.json").write_bytes((ROOT / "tests" / "data" / "app_bank_id.json").read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "QUIZGEN_TEACHER_PASSWORD"}
    env.update(QUIZGEN_DB=str(tmp / "quizgen.sqlite3"), QUIZGEN_BANKS=str(banks), PYTHONPATH=str(ROOT))
    log_path = tmp / "server.log"
    with streamlit_server(ROOT / "streamlit_app.py", cwd=tmp, env=env, log_path=log_path) as (_, url):
        yield {"url": url, "log": log_path}


def printed_passcodes(log: Path) -> list[str]:
    return re.findall(r"teacher passcode for this server: (\S+)", log.read_text())


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    pg = new_page(browser, width=1300, height=900)
    yield pg
    pg.context.close()


def wait_for_passcode(server) -> str:
    deadline = time.monotonic() + 30
    while not printed_passcodes(server["log"]):
        assert time.monotonic() < deadline, "the server printed no passcode"
        time.sleep(0.2)
    return printed_passcodes(server["log"])[0]


def login(pg, code: str) -> None:
    pg.get_by_label("Kode akses guru").fill(code)
    pg.get_by_role("button", name="Masuk").click()


def test_clear_cache_message_does_not_rotate_the_passcode(server, page):
    from streamlit.proto.BackMsg_pb2 import BackMsg

    sockets = []

    def relay(ws):  # the page's own websocket, relayed so the test can add a message to it
        sockets.append(ws.connect_to_server())

    page.route_web_socket(re.compile(r".*/_stcore/stream"), relay)
    page.goto(server["url"])
    page.get_by_text("Pilih kuis").first.wait_for()
    first = wait_for_passcode(server)
    assert sockets, "the page opened no websocket"
    sockets[-1].send(BackMsg(clear_cache=True).SerializeToString())  # what "Clear cache" sends
    page.wait_for_timeout(1000)
    page.keyboard.press("c")  # the menu's shortcut; confirm its dialog when it offers one
    confirm = page.get_by_role("button", name=re.compile("Clear caches", re.I))
    try:
        confirm.click(timeout=3000)
    except Exception:  # noqa: BLE001 - the shortcut is offered in developer mode only
        pass
    page.reload()  # new script runs: a cleared cache would make and print a new passcode now
    page.get_by_text("Pilih kuis").first.wait_for()
    page.goto(server["url"] + "/teacher_create")
    login(page, first)
    page.get_by_role("button", name=LOGOUT).wait_for()
    assert printed_passcodes(server["log"]) == [first]


def test_logout_never_leaves_the_passcode_in_the_form(server, page):
    code = wait_for_passcode(server)
    page.goto(server["url"] + "/teacher_create")
    for _ in range(5):
        login(page, code)
        page.get_by_role("button", name=LOGOUT).click()
        field = page.get_by_label("Kode akses guru")
        field.wait_for()
        page.wait_for_timeout(300)  # let any late widget state arrive
        assert field.input_value() == ""
    page.get_by_role("button", name="Masuk").click()  # on the empty form
    page.wait_for_timeout(1500)
    assert page.get_by_role("button", name=LOGOUT).count() == 0
    assert page.get_by_label("Kode akses guru").input_value() == ""


def test_reload_keeps_the_teacher_session_without_the_passcode(server, page):
    code = wait_for_passcode(server)
    page.goto(server["url"] + "/teacher_create")
    login(page, code)
    page.get_by_role("button", name=LOGOUT).wait_for()
    page.wait_for_function("() => location.search.includes('teacher=')")
    assert code not in page.url
    page.reload()
    page.get_by_role("button", name=LOGOUT).wait_for()
    assert page.get_by_label("Kode akses guru").count() == 0
    assert code not in page.content() and code not in page.url
    page.get_by_role("button", name=LOGOUT).click()
    page.get_by_label("Kode akses guru").wait_for()
    assert "teacher=" not in page.url


# --- finding 9: untrusted text shown as text ----------------------------------------------

SHOW_SCRIPT = """
import pandas as pd
import streamlit as st
from quizgen.app import safe

url = "Baca https://evil.example/login atau www.evil.example, surel admin@evil.example"
rlo = "\\u202eevil\\u202c.exe"
safe.heading("Judul " + url + " " + rlo, 2)
safe.literal("Nama: " + rlo + " " + url)
st.radio("Pilihan", [0, 1], format_func=lambda k: safe.md_escape([url, rlo][k]))
st.selectbox("Kuis", [0], format_func=lambda k: safe.plain("Kuis " + rlo))
text = "Kalimat pertama. Lihat https://evil.example/a sekarang. Kalimat ketiga."
start = text.index("Lihat")
safe.source_in_context(text, start, text.index(" Kalimat ketiga"), "Kalimat sumber")
st.info(safe.md_escape(url))
st.dataframe(safe.plain_frame(pd.DataFrame({"nama": [rlo, url]})))
st.write("rendered-all")
"""


@pytest.fixture(scope="module")
def show_server(tmp_path_factory):
    require_browser()
    tmp = tmp_path_factory.mktemp("security-show")
    script = tmp / "show.py"
    script.write_text(SHOW_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with streamlit_server(script, cwd=tmp, env=env, log_path=tmp / "server.log") as (_, url):
        yield url


def test_bare_addresses_are_no_links_and_bidi_controls_are_gone(show_server, page):
    page.goto(show_server)
    page.get_by_text("rendered-all").wait_for()
    page.get_by_text("Kalimat sumber").first.wait_for()
    assert page.locator('a[href*="evil.example"]').count() == 0
    assert page.locator('a[href^="mailto:"]').count() == 0
    visible = page.inner_text("body").replace("\u2060", "")
    assert "https://evil.example/login" in visible and "www.evil.example" in visible
    assert "Lihat https://evil.example/a sekarang." in visible
    html = page.content()
    assert not any(c in html for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    page.get_by_label("Kuis").click()
    assert "\u202e" not in page.get_by_role("option").first.inner_text()
