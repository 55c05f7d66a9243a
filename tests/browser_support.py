"""Shared pieces of the browser and deploy tests: a free loopback port, a Streamlit server
started and waited for, Debian's Chromium through playwright, pages, and the shipped
``deploy/nginx.conf`` run by a real nginx. Missing external tools skip a test, or fail it
under ``QUIZGEN_REQUIRE_EXTERNAL=1``.

Example (a module fixture):
    >>> with streamlit_server(ROOT / "streamlit_app.py", cwd=tmp, env=env,
    ...                       log_path=tmp / "server.log") as (proc, url):  # doctest: +SKIP
    ...     yield url
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"]


def require_external() -> bool:
    """True when ``QUIZGEN_REQUIRE_EXTERNAL=1``: missing tools fail the test instead of skipping it."""
    return os.environ.get("QUIZGEN_REQUIRE_EXTERNAL") == "1"


def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


def require_browser(*, nginx: bool = False) -> None:
    """Skip (fail under ``QUIZGEN_REQUIRE_EXTERNAL=1``) without Chromium and playwright (and
    nginx when ``nginx``)."""
    missing = not Path(CHROMIUM).exists() or not _has_playwright()
    if nginx:
        if missing or NGINX is None:
            if require_external():
                pytest.fail("nginx, chromium or playwright is missing (QUIZGEN_REQUIRE_EXTERNAL=1)")
            pytest.skip("needs nginx, chromium and playwright")
    elif missing:
        if require_external():
            pytest.fail(f"{CHROMIUM} or the playwright package is missing (QUIZGEN_REQUIRE_EXTERNAL=1)")
        pytest.skip(f"needs {CHROMIUM} and playwright")


def require_nginx() -> None:
    if NGINX is None:
        if require_external():
            pytest.fail("nginx is required (QUIZGEN_REQUIRE_EXTERNAL=1): apt-get install nginx-light")
        pytest.skip("nginx is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_streamlit(
    script: Path, *, cwd: Path, env: dict, log_path: Path, port: int | None = None
) -> tuple[subprocess.Popen, str]:
    """``streamlit run script`` headless on 127.0.0.1 (a free port unless ``port``), its output in
    ``log_path`` (the process owns the file); not waited for (see :func:`wait_up`)."""
    port = port or free_port()
    log = open(log_path, "w")  # noqa: SIM115 - the process owns it
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    return proc, f"http://127.0.0.1:{port}"


def wait_up(
    proc: subprocess.Popen,
    url: str,
    log: Path,
    *,
    timeout: float = 60,
    what: str = "streamlit",
    expect: bytes | None = b"ok",
    kill: bool = True,
) -> None:
    """Poll ``url`` (every 0.3 s) until it answers (with ``expect`` when given); fail the test with
    ``log`` when ``proc`` exits or ``timeout`` seconds pass (killing ``proc`` when ``kill``)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if expect is None or r.read().strip() == expect:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            if kill:
                proc.kill()
            pytest.fail(f"{what} did not start:\n" + log.read_text())
        time.sleep(0.3)


def stop(proc: subprocess.Popen) -> None:
    """Terminate ``proc``; kill it after 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextmanager
def streamlit_server(
    script: Path, *, cwd: Path, env: dict, log_path: Path
) -> Iterator[tuple[subprocess.Popen, str]]:
    """:func:`launch_streamlit` waited for (60 s on ``/_stcore/health``), stopped on exit."""
    proc, url = launch_streamlit(script, cwd=cwd, env=env, log_path=log_path)
    try:
        wait_up(proc, url + "/_stcore/health", log_path)
        yield proc, url
    finally:
        stop(proc)


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, through playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_page(browser, *, width: int = 1400, height: int = 1000, **context_options):
    """A page in a new context of ``width`` x ``height``, 30 s default timeout."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    return pg


def nginx_config(
    tmp: Path, ports: list[int], *, worker_connections: int = 256, access_log: str = "access_log off;"
) -> tuple[Path, int]:
    """deploy/nginx.conf as shipped, its two upstreams pointed at ``ports``, listening on a free
    loopback port, wrapped in a main config with everything under ``tmp``: (config, port)."""
    front = free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    conf = conf.replace("server 127.0.0.1:8501", f"server 127.0.0.1:{ports[0]}")
    conf = conf.replace("server 127.0.0.1:8502", f"server 127.0.0.1:{ports[1]}")
    conf = re.sub(r"listen 80;", f"listen 127.0.0.1:{front};", conf)
    (tmp / "logs").mkdir()
    main = tmp / "nginx.conf"
    main.write_text(
        f"""daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/logs/error.log warn;
events {{ worker_connections {worker_connections}; }}
http {{
    {access_log}
    client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
    {conf}
}}
""",
        encoding="utf-8",
    )
    return main, front


def answers(url: str, *, tries: int = 100, timeout: float = 2) -> bool:
    """Whether ``url`` answers within ``tries`` attempts 0.1 s apart."""
    for _ in range(tries):
        try:
            urllib.request.urlopen(url, timeout=timeout).read()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def app_folder(tmp_path_factory, name: str) -> tuple[Path, Path]:
    """:func:`require_browser`, then a new temporary folder ``name`` holding an empty ``banks``
    folder: (folder, banks)."""
    require_browser()
    tmp = tmp_path_factory.mktemp(name)
    banks = tmp / "banks"
    banks.mkdir()
    return tmp, banks


def shot(pg, name: str, *, settle: int = 500, max_height: int = 5000) -> Path:
    """A screenshot of the whole page in ``test-artifacts/name.png`` (Streamlit scrolls inside its
    main block, so the viewport is made as tall as that block first, up to ``max_height``);
    ``settle`` ms to wait before measuring."""
    ARTIFACTS.mkdir(exist_ok=True)
    pg.wait_for_timeout(settle)
    height = pg.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stMainBlockContainer]')]"
        ".map(e => e.scrollHeight), 800)"
    )
    size = pg.viewport_size
    pg.set_viewport_size({"width": size["width"], "height": min(int(height) + 80, max_height)})
    pg.wait_for_timeout(300)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    pg.set_viewport_size(size)
    return path
