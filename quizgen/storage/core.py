"""The :class:`StoreBase`: one engine, transactions with retries, small shared helpers."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from . import engine as _engine
from .errors import NotFound, StorageError

T = TypeVar("T")
MAX_NAME = 80


def clean_name(name: str, *, what: str = "name") -> str:
    """Trim a student name or class code: control characters become spaces, spacing collapses;
    an empty name or an overlong one is refused."""
    raw = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in str(name or ""))
    text = " ".join(raw.split())
    if what == "name" and not text:
        raise StorageError("Please enter your name before submitting.", code="name_missing")
    if len(text) > MAX_NAME:
        raise StorageError(f"The {what} is too long: at most {MAX_NAME} characters.", code="too_long")
    return text


def class_key(code: str) -> str:
    """A class code as stored: cleaned and upper-cased (``" 7a "`` -> ``"7A"``); never empty."""
    text = clean_name(code, what="class code").upper()
    if not text:
        raise StorageError("Please enter a class code.", code="class_missing")
    return text


def row_id(value: object, what: str = "assignment") -> int:
    """A row id from a caller (app, URL, CLI): an int 1..2**31-1, else :class:`NotFound`."""
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        n = 0
    if not 0 < n < 2**31:
        raise NotFound(f"There is no {what} {str(value)[:40]!r}.")
    return n


def name_key(name: str) -> str:
    """What makes two student names the same (case and spacing ignored)."""
    return clean_name(name).casefold()


class StoreBase:
    """Engine, transactions and retries shared by the store's parts."""

    def __init__(self, key: str, engine: Engine) -> None:
        self.key = key
        self.engine = engine
        self.backend = engine.dialect.name  # "sqlite" or "postgresql"
        self._versions: dict[str, object] = {}  # content hash -> Bank (versions never change)
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """The database as shown to people (password hidden)."""
        return _engine.display(self.key)

    def _read(self, fn: Callable[[Connection], T]) -> T:
        return _engine.run(
            self.engine, fn, write=False, failed=f"Cannot read the database {self.url}", key=self.key
        )

    def _write(self, fn: Callable[[Connection], T], failed: str = "This could not be saved") -> T:
        return _engine.run(self.engine, fn, write=True, failed=failed, key=self.key)

    def _insert_ignore(self, conn: Connection, table, values: dict) -> int:
        """INSERT ... ON CONFLICT DO NOTHING; returns the number of rows inserted (0 or 1)."""
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        key = list(table.primary_key.columns)[0]
        stmt = dialect.insert(table).values(**values).on_conflict_do_nothing().returning(key)
        return int(conn.execute(stmt).first() is not None)

    def schema_version(self) -> str:
        """The migration revision the database is at (``"0002"``)."""
        return self._read(_engine.current_revision) or ""

    def close(self) -> None:
        """Close every pooled connection (the store can still be used: it reconnects)."""
        self.engine.dispose()
