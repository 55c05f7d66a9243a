"""Everything quizgen stores: banks and their versions, classes, assignments, attempts with
server-side drafts, results; on SQLite (embedded default) or PostgreSQL (many app replicas).

Where the database is: ``QUIZGEN_DB``, a file path (SQLite; default ``data/quizgen.sqlite3``)
or a ``postgresql://user:password@host:port/dbname`` URL. The schema is created or upgraded
(Alembic migrations in ``quizgen/storage/migrations``) when a process first opens it; a
quizgen 0.1 SQLite file keeps its attempts.

Use :func:`open_store` and the :class:`Store` methods (summary in STORAGE-API.md and in the
README, "Storage and databases"). The module-level functions below are quizgen 0.1's API
(``save_attempt``, ``attempts_frame``, ...), kept working over the default Store.

Example:
    >>> from quizgen import storage  # doctest: +SKIP
    >>> store = storage.open_store()
    >>> v = store.save_bank(bank, "kim-putin.json")
    >>> att = store.start_attempt(student="Sari", class_code="7A", version=v.version)
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path

from ..bank import Bank
from ..grading import Score
from .attempts import new_token
from .banks import bank_version
from .core import MAX_NAME, class_key, clean_name
from .engine import DEFAULT_DB, db_setting, is_postgres
from .errors import AttemptRefused, NameTaken, NotFound, StorageError, StorageUnavailable
from .models import (
    Assignment,
    Attempt,
    BankSummary,
    BankVersion,
    ClassInfo,
    Saved,
    Student,
)
from .people import personal_code
from .store import Store, close_all, close_store, open_store

__all__ = [
    "DEFAULT_DB", "MAX_NAME", "Assignment", "Attempt", "AttemptRefused", "BankSummary", "BankVersion",
    "ClassInfo", "NameTaken", "NotFound", "Saved", "Store", "StorageError", "StorageUnavailable", "Student",
    "answers_frame", "attempt_answers", "attempts_frame", "bank_version", "class_key", "clean_name",
    "close_all", "close_store", "connect", "count_attempts", "db_path", "new_token", "open_store",
    "personal_code", "save_attempt",
]  # fmt: skip


# -- quizgen 0.1 API, delegating to the Store of ``path`` (default: QUIZGEN_DB) ---------------
def db_path() -> Path:
    """The SQLite database file of ``$QUIZGEN_DB`` (default ``data/quizgen.sqlite3``)."""
    setting = db_setting()
    if is_postgres(setting):
        raise StorageError("QUIZGEN_DB is a PostgreSQL URL, not a file path.")
    return Path(setting)


def connect(path: str | os.PathLike | None = None) -> sqlite3.Connection:
    """A raw sqlite3 connection to a SQLite database, its schema brought up to date first
    (for tools and tests; the caller closes it). WAL, foreign keys, 30 s busy wait."""
    store = open_store(path)
    if store.backend != "sqlite":
        raise StorageError("connect() is for SQLite files; use open_store() for PostgreSQL.")
    conn = sqlite3.connect(store.key, timeout=30, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def save_attempt(
    bank: Bank,
    score: Score,
    answers: Mapping[str, str | None],
    *,
    student: str,
    token: str,
    class_code: str = "",
    path: str | os.PathLike | None = None,
) -> Saved:
    """Store one finished submission once per token (see :meth:`Store.record_attempt`)."""
    return open_store(path).record_attempt(
        bank, score, answers, student=student, token=token, class_code=class_code
    )


def attempts_frame(bank_id: str | None = None, *, path: str | os.PathLike | None = None):
    """All attempts (newest first), optionally of one bank id, as a pandas DataFrame."""
    return open_store(path).attempts_frame(bank_id=bank_id or None)


def answers_frame(bank_id: str | None = None, *, path: str | os.PathLike | None = None):
    """One row per stored answer, with the attempt's student and bank, as a DataFrame."""
    return open_store(path).answers_frame(bank_id=bank_id or None)


def attempt_answers(attempt_id: int, *, path: str | os.PathLike | None = None) -> dict[str, str]:
    """item id -> response as stored for one attempt (in quiz order)."""
    return open_store(path).attempt_answers(attempt_id)


def count_attempts(*, path: str | os.PathLike | None = None) -> int:
    """Number of stored attempts."""
    return open_store(path).count_attempts()
