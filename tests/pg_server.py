"""A throw-away PostgreSQL server for tests: ``initdb`` into a temporary folder, ``pg_ctl
start`` on a free 127.0.0.1 port with its socket in that folder, as the ``postgres`` user
(or ``nobody``) when run as root. One server per test process (:func:`server`), stopped at
exit; each test gets its own database (:meth:`PgServer.create_db`).

The folder: a new ``quizgen-pg-*`` in ``$QUIZGEN_PG_TMP`` (else the temp dir).
Binaries: ``$QUIZGEN_PG_BIN``, else ``pg_ctl`` on PATH, else ``/usr/lib/postgresql/*/bin``.
``QUIZGEN_TEST_PG_URL`` (``postgresql://user@host:port/postgres``, a superuser) uses an
existing server instead (then :meth:`PgServer.restart` is not available).

Example (a fixture):
    >>> srv = server()  # doctest: +SKIP
    >>> url = srv.create_db("t_demo")
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

REQUIRE_EXTERNAL = os.environ.get("QUIZGEN_REQUIRE_EXTERNAL") == "1"
_LOCK = threading.Lock()
_SERVER: PgServer | None = None
_FAILED: str | None = None


def _bin_dir() -> Path | None:
    env = os.environ.get("QUIZGEN_PG_BIN", "").strip()
    if env and (Path(env) / "pg_ctl").exists():
        return Path(env)
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    dirs = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(Path(d).parent.name), reverse=True
    )
    for d in dirs:
        if (Path(d) / "pg_ctl").exists():
            return Path(d)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self, bin_dir: Path | None, url: str | None = None) -> None:
        self.bin = bin_dir
        self.external = url
        self.port = 0
        self.root: Path | None = None
        self.user: str | None = None  # the OS user running postgres (when we are root)
        if url is None:
            self._init()

    # -- lifecycle ---------------------------------------------------------------------
    def _run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=timeout)

    def _init(self) -> None:
        parent = os.environ.get("QUIZGEN_PG_TMP", "").strip() or None  # .ci/run sets it
        self.root = Path(tempfile.mkdtemp(prefix="quizgen-pg-", dir=parent))
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    pw = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                os.chown(self.root, pw.pw_uid, pw.pw_gid)
                break
        os.chmod(self.root, 0o700)
        self.port = _free_port()
        self._run("initdb", "-D", str(self.root / "data"), "-U", "quizgen", "-A", "trust", "-E", "UTF8",
                  "--no-sync", "--no-instructions")  # fmt: skip
        self.start()

    def start(self) -> None:
        opts = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB"
        )
        self._run("pg_ctl", "-D", str(self.root / "data"), "-l", str(self.root / "log"), "-o", opts, "-w",
                  "-t", "60", "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        if self.external or self.root is None:
            return
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", mode, "-w", "stop", check=False)

    def restart(self, mode: str = "fast") -> None:
        """Stop (``fast``: disconnect everyone; ``immediate``: like a crash) and start again."""
        if self.external:
            pytest.skip("restart needs the tests' own PostgreSQL server")
        self.stop(mode)
        self.start()

    def destroy(self) -> None:
        self.stop("immediate")
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    # -- databases ---------------------------------------------------------------------
    def admin_url(self, db: str = "postgres") -> str:
        if self.external:
            base = self.external.rsplit("/", 1)[0]
            return f"{base}/{db}"
        return f"postgresql://quizgen@127.0.0.1:{self.port}/{db}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            self.admin_url().replace("postgresql+psycopg", "postgresql"), autocommit=True
        ) as c:
            c.execute(sql)

    def create_db(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.admin_url(name)

    def drop_db(self, name_or_url: str) -> None:
        name = name_or_url.rsplit("/", 1)[-1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server() -> PgServer:
    """The tests' PostgreSQL server (started on first use); skips, or fails under
    QUIZGEN_REQUIRE_EXTERNAL=1, when none can be started."""
    global _SERVER, _FAILED
    with _LOCK:
        if _SERVER is None and _FAILED is None:
            try:
                url = os.environ.get("QUIZGEN_TEST_PG_URL", "").strip()
                bin_dir = _bin_dir()
                if not url and bin_dir is None:
                    raise RuntimeError("no PostgreSQL binaries (pg_ctl) found")
                _SERVER = PgServer(bin_dir, url or None)
                _SERVER._admin("SELECT 1")
                atexit.register(_SERVER.destroy)
            except (RuntimeError, OSError, subprocess.SubprocessError, ImportError) as e:
                detail = getattr(e, "stderr", "") or ""
                _FAILED = f"{e} {detail}".strip()[-600:]
            except Exception as e:  # noqa: BLE001 - psycopg errors: report, skip or fail
                _FAILED = f"{type(e).__name__}: {e}"[-600:]
    if _SERVER is None:
        if REQUIRE_EXTERNAL:
            pytest.fail(f"PostgreSQL could not be started (QUIZGEN_REQUIRE_EXTERNAL=1): {_FAILED}")
        pytest.skip(f"PostgreSQL could not be started: {_FAILED}")
    return _SERVER


@pytest.fixture(scope="session")
def pg_server():
    """The session's PostgreSQL server (see :func:`server`); stopped when the session ends."""
    srv = server()
    yield srv
    # keep it running for other modules of this session: atexit stops and removes it


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh empty database on each backend: a SQLite file path or a PostgreSQL URL."""
    from quizgen.storage import close_store

    if request.param == "sqlite":
        url = str(tmp_path / "db" / "quizgen.sqlite3")
        yield url
        close_store(url)
        return
    srv = request.getfixturevalue("pg_server")
    url = srv.create_db()
    yield url
    close_store(url)
    srv.drop_db(url)


@pytest.fixture
def store(store_url):
    """The opened :class:`quizgen.storage.Store` of :func:`store_url`."""
    from quizgen.storage import open_store

    return open_store(store_url)
