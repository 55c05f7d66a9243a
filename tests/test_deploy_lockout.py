"""Issue 13 finding 4 behind the shipped deploy: deploy/nginx.conf run by a real nginx in front
of two real Streamlit replicas sharing one database, and Chromium sending wrong teacher
passcodes through nginx. Every visitor reaches Streamlit from loopback (nginx), so the app
must take the address nginx forwards; the wrong tries are spread over several sessions (each
below the per-session limit) and both replicas, and still lock that address, on every
replica, for a bounded time; a visitor from another address logs in meanwhile.

The browser runs on this machine, so it plays a remote visitor by sending the address it
stands for in ``X-Forwarded-For``: nginx appends the peer it saw (127.0.0.1) after it, as it
appends a real visitor's address after whatever that visitor sent.

Needs nginx, Debian's ``/usr/bin/chromium`` and playwright; skipped without them unless
``QUIZGEN_REQUIRE_EXTERNAL=1``.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from browser_support import (
    NGINX,
    ROOT,
    chromium,
    free_port,
    launch_streamlit,
    nginx_config,
    require_browser,
    stop,
    wait_up,
)

from quizgen.app import auth

pytestmark = pytest.mark.browser

PASSCODE = "lockout-test-passcode"


def _wait(url: str, proc: subprocess.Popen, log: Path) -> None:
    wait_up(proc, url, log, what=url, expect=None, kill=False)


@pytest.fixture(scope="module")
def deploy(tmp_path_factory):
    require_browser(nginx=True)
    tmp = tmp_path_factory.mktemp("lockout")
    (tmp / "banks").mkdir()
    env = dict(os.environ, QUIZGEN_DB=str(tmp / "quizgen.sqlite3"), QUIZGEN_BANKS=str(tmp / "banks"),
               QUIZGEN_TEACHER_PASSWORD=PASSCODE, PYTHONPATH=str(ROOT))  # fmt: skip
    env.pop("QUIZGEN_TRUSTED_PROXIES", None)
    procs, ports = [], [free_port(), free_port()]
    for n, port in enumerate(ports):
        log = tmp / f"replica{n}.log"
        proc, url = launch_streamlit(ROOT / "streamlit_app.py", cwd=ROOT, env=env, log_path=log, port=port)
        procs.append(proc)
        _wait(url + "/_stcore/health", proc, log)
    access_log = f"log_format up '$upstream_addr $request_uri';\n    access_log {tmp}/logs/access.log up;"
    main_conf, front = nginx_config(tmp, ports, access_log=access_log)
    nginx = subprocess.Popen([NGINX, "-c", str(main_conf), "-p", str(tmp)], stderr=subprocess.DEVNULL)
    procs.append(nginx)
    _wait(f"http://127.0.0.1:{front}/_stcore/health", nginx, main_conf)
    yield {"url": f"http://127.0.0.1:{front}", "tmp": tmp, "ports": ports}
    for proc in procs:
        stop(proc)


@pytest.fixture(scope="module")
def browser(deploy):
    with chromium() as b:
        yield b


def route_to(deploy, port: int) -> str:
    """A ``quizgen_route`` cookie value nginx's consistent hash sends to the replica on
    ``port`` (found by asking nginx: the access log names the upstream of each request)."""
    log = deploy["tmp"] / "logs" / "access.log"
    for k in range(200):
        value = f"route-{k}"
        req = urllib.request.Request(
            deploy["url"] + f"/_stcore/health?probe={k}", headers={"Cookie": f"quizgen_route={value}"}
        )
        with urllib.request.urlopen(req, timeout=5):
            pass
        line = ""
        for _ in range(40):  # nginx writes the line after the reply
            line = next((ln for ln in reversed(log.read_text().splitlines()) if f"probe={k}" in ln), "")
            if line:
                break
            time.sleep(0.05)
        if f":{port} " in line:
            return value
    raise AssertionError(f"no route value reaches port {port}")


def visitor(browser, url: str, address: str, route: str | None = None):
    """A new browser at ``address``: its own route cookie (nginx may pick either replica), or
    ``route`` pinning it to one."""
    ctx = browser.new_context(extra_http_headers={"X-Forwarded-For": address})
    if route:
        ctx.add_cookies([{"name": "quizgen_route", "value": route, "url": url}])
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    pg.goto(url + "/teacher_create")
    pg.get_by_label("Kode akses guru").wait_for()
    return pg


def try_passcode(pg, code: str) -> str:
    pg.get_by_label("Kode akses guru").fill(code)
    pg.get_by_role("button", name="Masuk").click()
    box = pg.locator('[data-testid="stAlert"], [data-testid="stTextArea"]').first
    box.wait_for()
    return box.inner_text()


def test_wrong_tries_through_nginx_lock_the_address_on_every_replica(deploy, browser):
    url, per_session = deploy["url"], auth.SESSION_TRIES - 1  # each session stays below its own lock
    routes = set()
    # the first two sessions pinned one to each replica (five random routes all land on one
    # replica once in sixteen runs), the others wherever nginx sends them
    pinned = [route_to(deploy, port) for port in deploy["ports"]]
    tries = sessions_opened = 0
    while tries < auth.ADDRESS_TRIES:
        pg = visitor(browser, url, "192.0.2.50", pinned[sessions_opened] if sessions_opened < 2 else None)
        sessions_opened += 1
        for _ in range(min(per_session, auth.ADDRESS_TRIES - tries)):
            assert "Kode akses salah" in try_passcode(pg, f"guess-{tries}")
            pg.wait_for_timeout(300)
            tries += 1
        routes |= {c["value"] for c in pg.context.cookies() if c["name"] == "quizgen_route"}
        pg.context.close()
    assert len(routes) >= 5  # five browsers, five routes (two pinned)
    sessions = [
        ln
        for ln in (deploy["tmp"] / "logs" / "access.log").read_text().splitlines()
        if "_stcore/stream" in ln
    ]
    assert {p for p in deploy["ports"] if any(f":{p} " in ln for ln in sessions)} == set(deploy["ports"]), (
        sessions
    )
    # the right passcode from the locked address is refused, in new sessions on any replica
    for _ in range(3):
        pg = visitor(browser, url, "192.0.2.50")
        assert "Terlalu banyak percobaan" in try_passcode(pg, PASSCODE)
        pg.context.close()
    # another address (another school, another teacher) is not locked
    pg = visitor(browser, url, "198.51.100.7")
    try_passcode(pg, PASSCODE)
    pg.get_by_label("Tempel teks artikel").wait_for()
    pg.context.close()
