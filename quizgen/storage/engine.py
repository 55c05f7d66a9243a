"""Where the database is, how to connect, schema migrations and retries.

``QUIZGEN_DB`` is either a file path (SQLite, the embedded default
``data/quizgen.sqlite3``) or a ``postgresql://user:pass@host:port/db`` URL (driver: psycopg 3).

SQLite: WAL journal, ``synchronous=FULL``, foreign keys on, a 30 s busy wait; a write
transaction starts with ``BEGIN IMMEDIATE`` so writers queue instead of failing half-way.
PostgreSQL: a pool with ``pre_ping`` (a connection that died with a server restart is replaced
before use), READ COMMITTED, row locks where two writers could race.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.pool import QueuePool

from .errors import StorageError, StorageUnavailable
from .schema import HEAD

DEFAULT_DB = Path("data") / "quizgen.sqlite3"
MIGRATIONS = Path(__file__).parent / "migrations"
T = TypeVar("T")

# SQLSTATEs worth a retry: serialization/deadlock, server shutting down or starting, connection lost
_RETRY_STATES = {"40001", "40P01", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"}


# connection failures that waiting will not cure: reported at once, not retried
_FATAL_CONNECT = (
    "authentication failed",
    "does not exist",
    "no password supplied",
    "role ",
    "permission denied",
)


def db_setting() -> str:
    """``$QUIZGEN_DB`` (trimmed) or the default SQLite file."""
    return os.environ.get("QUIZGEN_DB", "").strip() or str(DEFAULT_DB)


def is_postgres(target: str) -> bool:
    return target.split(":", 1)[0].lower() in {"postgresql", "postgres", "postgresql+psycopg"}


def resolve(target: str | os.PathLike | None = None) -> str:
    """A canonical key for a database: an absolute SQLite path, or a PostgreSQL URL with the
    psycopg 3 driver."""
    raw = str(target) if target is not None else db_setting()
    if is_postgres(raw):
        try:
            url = make_url(raw)
        except ArgumentError:
            raise StorageError(f"QUIZGEN_DB is not a valid PostgreSQL URL: {_hide(raw)}.") from None
        return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return str(Path(raw).expanduser().resolve())


def _hide(raw: str) -> str:
    try:
        return make_url(raw).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable URL)"


def display(key: str) -> str:
    """The database as shown in messages (passwords hidden)."""
    return _hide(key) if is_postgres(key) else key


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


def make_engine(key: str) -> Engine:
    """An engine for a key from :func:`resolve`; pool sizes from ``QUIZGEN_DB_POOL`` (default 5)
    and ``QUIZGEN_DB_OVERFLOW`` (default 45 on SQLite, 20 on PostgreSQL)."""
    pool = _env_int("QUIZGEN_DB_POOL", 5)
    if is_postgres(key):
        return create_engine(
            key,
            pool_size=pool,
            max_overflow=_env_int("QUIZGEN_DB_OVERFLOW", 20),
            pool_pre_ping=True,
            pool_timeout=30,
            connect_args={"connect_timeout": 5, "application_name": "quizgen"},
        )
    path = Path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StorageError(
            f"Cannot open the results database {path}: {e.strerror or e}. "
            "Set QUIZGEN_DB to a writable file path."
        ) from None
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        poolclass=QueuePool,
        pool_size=pool,
        max_overflow=_env_int("QUIZGEN_DB_OVERFLOW", 45),
        pool_timeout=60,
        connect_args={"timeout": 30, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we send BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        for pragma in (
            "busy_timeout = 30000",
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
        ):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection):
        write = conn.get_execution_options().get("quizgen_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def transient(e: BaseException) -> bool:
    """Whether a database error may go away by itself (restart, lost connection, lock, race)."""
    if isinstance(e, DBAPIError):
        if e.connection_invalidated:
            return True
        e = e.orig  # type: ignore[assignment]
    if isinstance(e, sqlite3.OperationalError):
        msg = str(e).lower()
        return "locked" in msg or "busy" in msg
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    if isinstance(e, psycopg.OperationalError):
        msg = str(e).lower()
        return not any(m in msg for m in _FATAL_CONNECT)

    return getattr(e, "sqlstate", None) in _RETRY_STATES


def retry_seconds() -> float:
    """How long one call keeps retrying a transient failure (``QUIZGEN_DB_RETRY_SECONDS``, 15)."""
    try:
        return float(os.environ.get("QUIZGEN_DB_RETRY_SECONDS", "") or 15)
    except ValueError:
        return 15.0


def run(
    engine: Engine,
    fn: Callable[[Connection], T],
    *,
    write: bool,
    failed: str,
    key: str,
) -> T:
    """``fn(conn)`` in one transaction, retried on transient failures for :func:`retry_seconds`.

    A failure that persists becomes :class:`StorageUnavailable` (transient) or
    :class:`StorageError` whose message starts with ``failed``. Other exceptions roll the
    transaction back and propagate unchanged.
    """
    deadline = time.monotonic() + retry_seconds()
    delay = 0.05
    while True:
        try:
            with engine.connect() as conn:
                if write:
                    conn.execution_options(quizgen_write=True)
                with conn.begin():
                    return fn(conn)
        except DBAPIError as e:
            if transient(e):
                if time.monotonic() + delay < deadline:
                    time.sleep(delay * (0.5 + random.random()))
                    delay = min(delay * 2, 1.0)
                    continue
                raise StorageUnavailable(
                    f"The database ({display(key)}) is not answering just now; nothing was lost. "
                    "Please try again in a moment."
                ) from None
            reason = (str(getattr(e, "orig", e) or e).splitlines() or ["unknown error"])[0][:200]
            raise StorageError(f"{failed} ({reason}).") from None
        except PoolTimeout:  # every pooled connection busy for pool_timeout seconds
            raise StorageUnavailable(
                "The server is very busy just now; nothing was lost. Please try again in a moment."
            ) from None


def current_revision(conn: Connection) -> str | None:
    names = set(inspect(conn).get_table_names())
    if "alembic_version" in names:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None
    if "attempts" in names:
        return "0001"  # a quizgen 0.1 SQLite file (PRAGMA user_version 1): schema 1 unstamped
    return None


def migrate(engine: Engine, key: str) -> str:
    """Bring the schema to :data:`HEAD` (one transaction, one migrator at a time); returns it.

    Refuses a database whose revision this quizgen does not know (written by a newer one).
    """

    def step(conn: Connection) -> str:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7346201)"))  # one migrator at a time
        elif conn.exec_driver_sql("PRAGMA user_version").scalar() > 2:
            _newer(key, "user_version")
        rev = current_revision(conn)
        if rev == HEAD:
            return rev
        from alembic import command
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
        if rev is not None and rev not in known:
            _newer(key, rev)
        if rev == "0001" and "alembic_version" not in inspect(conn).get_table_names():
            command.stamp(cfg, "0001")
        command.upgrade(cfg, "head")
        return HEAD

    return run(engine, step, write=True, failed=f"Cannot prepare the database {display(key)}", key=key)


def _newer(key: str, rev: str) -> None:
    raise StorageError(
        f"The database {display(key)} was written by a newer quizgen (schema {rev}); "
        "update quizgen or set QUIZGEN_DB to another database.",
        code="newer_schema",
    )
