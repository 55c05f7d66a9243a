"""deploy/nginx.conf as shipped, run by a real nginx on loopback in front of two backends:
a browser's requests (page, websocket) stay on one backend by its route cookie, new
browsers are spread over both, websocket upgrades pass through."""

from __future__ import annotations

import asyncio
import subprocess
import threading
import urllib.request

import pytest
from browser_support import NGINX, answers, free_port, nginx_config, require_external

if NGINX is None:
    if require_external():
        raise RuntimeError("nginx is required (QUIZGEN_REQUIRE_EXTERNAL=1): apt-get install nginx-light")
    pytest.skip("nginx is not installed", allow_module_level=True)


def _backend(name: str, port: int) -> None:
    """A tornado server (Streamlit's own web server) answering its name on / and on a websocket."""
    import tornado.web
    import tornado.websocket

    class Page(tornado.web.RequestHandler):
        def get(self):
            self.write(name)

    class Stream(tornado.websocket.WebSocketHandler):
        def on_message(self, message):
            self.write_message(f"{name}:{message}")

    async def main():
        app = tornado.web.Application([(r"/_stcore/stream", Stream), (r"/.*", Page)])
        app.listen(port, address="127.0.0.1")
        await asyncio.Event().wait()

    asyncio.run(main())


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    ports = [free_port(), free_port()]
    for name, port in zip(("A", "B"), ports, strict=True):
        threading.Thread(target=_backend, args=(name, port), daemon=True).start()
    main_conf, front = nginx_config(tmp, ports, worker_connections=64)
    check = subprocess.run(
        [NGINX, "-t", "-c", str(main_conf), "-p", str(tmp)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(main_conf), "-p", str(tmp)], stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{front}"
    answers(url + "/", timeout=1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    req = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(req, timeout=5) as r:
        body = r.read().decode()
        set_cookie = r.headers.get("Set-Cookie")
    return body, set_cookie


def test_a_browser_stays_on_one_replica(proxy):
    _, set_cookie = _get(proxy + "/")
    assert set_cookie and set_cookie.startswith("quizgen_route=") and "HttpOnly" in set_cookie
    cookie = set_cookie.split(";")[0]
    served = {_get(proxy + f"/page{i}", cookie)[0] for i in range(20)}
    assert len(served) == 1


def test_new_browsers_are_spread_over_replicas(proxy):
    served = set()
    for i in range(40):
        served.add(_get(proxy + f"/?visit={i}")[0])
    assert served == {"A", "B"}


def test_websocket_upgrade_reaches_the_same_replica(proxy):
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    for route in ("one", "two", "three", "four"):
        cookie = f"quizgen_route={route}"
        page, _ = _get(proxy + "/", cookie)

        async def talk(cookie=cookie):
            req = HTTPRequest(proxy.replace("http", "ws") + "/_stcore/stream", headers={"Cookie": cookie})
            conn = await websocket_connect(req)
            await conn.write_message("hi")
            msg = await conn.read_message()
            conn.close()
            return msg

        assert asyncio.run(talk()) == f"{page}:hi"
