"""Attempts, answers and scores in SQLite: one file, WAL mode, one transaction per submission.

Where the database lives: the environment variable ``QUIZGEN_DB`` (a file path), else
``data/quizgen.sqlite3`` relative to the working directory (the folder is created). The
schema is created on first use. Every call opens its own connection and closes it, so
threads and Streamlit sessions never share one.

A submission carries a token made by the client when the quiz is shown
(:func:`new_token`); the token is UNIQUE, so a double click or a reload that submits the same
answers again stores one attempt and returns the one already stored.

Example:
    >>> from quizgen.storage import save_attempt, new_token  # doctest: +SKIP
    >>> saved = save_attempt(bank, score, answers, student="Sari", token=new_token())
"""

from __future__ import annotations

import datetime as _dt
import os
import secrets
import sqlite3
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from .bank import Bank
from .errors import QuizgenError
from .grading import Score

DEFAULT_DB = Path("data") / "quizgen.sqlite3"
SCHEMA_VERSION = 1  # PRAGMA user_version of the schema below
MAX_NAME = 80

SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    bank_id TEXT NOT NULL,
    bank_title TEXT NOT NULL,
    language TEXT NOT NULL,
    student TEXT NOT NULL,
    class_code TEXT NOT NULL DEFAULT '',
    submitted_at TEXT NOT NULL,
    correct INTEGER NOT NULL,
    total INTEGER NOT NULL,
    percent REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS answers (
    attempt_id INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    response TEXT NOT NULL,
    correct INTEGER NOT NULL,
    how TEXT NOT NULL,
    PRIMARY KEY (attempt_id, item_id)
);
CREATE INDEX IF NOT EXISTS attempts_bank ON attempts(bank_id);
"""


class StorageError(QuizgenError):
    """The results database cannot be opened or written."""


@dataclass(frozen=True)
class Saved:
    """What :func:`save_attempt` did: the attempt's row id and whether it was new."""

    attempt_id: int
    created: bool


def db_path() -> Path:
    """The database file: ``$QUIZGEN_DB`` or ``data/quizgen.sqlite3`` in the working dir."""
    env = os.environ.get("QUIZGEN_DB", "").strip()
    return Path(env) if env else DEFAULT_DB


def new_token() -> str:
    """A fresh random attempt token (made when a quiz is shown, sent with the submission)."""
    return secrets.token_urlsafe(16)


def connect(path: str | os.PathLike | None = None) -> sqlite3.Connection:
    """Open (and on first use create) the database; WAL mode, foreign keys, 30 s busy wait.

    Commits are synchronous (``synchronous=FULL``): a stored attempt survives a crash of the
    process or of the machine. The caller owns the connection and closes it; do not share it
    across threads.
    """
    p = Path(path) if path is not None else db_path()
    conn = None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(p, timeout=30, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"The results database {p} was written by a newer quizgen (schema {version}); "
                "update quizgen or set QUIZGEN_DB to another file."
            )
        if version < SCHEMA_VERSION:
            conn.executescript(SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
    except (sqlite3.Error, OSError) as e:
        if conn is not None:
            conn.close()
        raise StorageError(
            f"Cannot open the results database {p}: {e}. Set QUIZGEN_DB to a writable file path."
        ) from None
    except StorageError:
        conn.close()
        raise
    return conn


def clean_name(name: str, *, what: str = "name") -> str:
    """Trim a student name or class code: control characters become spaces, spacing collapses;
    an empty name or an overlong one is refused."""
    raw = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in str(name or ""))
    text = " ".join(raw.split())
    if what == "name" and not text:
        raise StorageError("Please enter your name before submitting.")
    if len(text) > MAX_NAME:
        raise StorageError(f"The {what} is too long: at most {MAX_NAME} characters.")
    return text


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
    """Store one submission (attempt and its answers) in one transaction, once per token.

    Args:
        bank: the bank taken (only the items graded in ``score`` are stored).
        score: the grading of ``answers`` (:func:`quizgen.grading.score`).
        answers: item id -> response as given.
        student: the student's name; class_code: optional class code.
        token: the client's attempt token; a second call with it stores nothing.
        path: database file (default :func:`db_path`).

    Returns:
        :class:`Saved` with the attempt id and ``created`` False for a repeated token.
    """
    student = clean_name(student)
    class_code = clean_name(class_code, what="class code")
    if not token or len(token) > 200:
        raise StorageError("This submission has no valid attempt token; reload the quiz page.")
    now = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    kinds = {it.id: it.kind for it in bank.items}
    with closing(connect(path)) as conn:
        try:
            conn.execute("BEGIN IMMEDIATE")
            cur = conn.execute(
                "INSERT INTO attempts (token, bank_id, bank_title, language, student, class_code,"
                " submitted_at, correct, total, percent) VALUES (?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(token) DO NOTHING",
                (token, bank.id, bank.title, bank.language, student, class_code, now,
                 score.correct, score.total, round(score.percent, 2)),
            )  # fmt: skip
            if cur.rowcount == 0:
                conn.execute("ROLLBACK")
                row = conn.execute("SELECT id FROM attempts WHERE token = ?", (token,)).fetchone()
                return Saved(int(row[0]), False)
            attempt_id = int(cur.lastrowid)
            conn.executemany(
                "INSERT INTO answers (attempt_id, position, item_id, kind, response, correct, how)"
                " VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        attempt_id,
                        pos,
                        iid,
                        kinds.get(iid, ""),
                        str(answers.get(iid) or ""),
                        int(g.correct),
                        g.how,
                    )
                    for pos, (iid, g) in enumerate(score.grades.items())
                ],
            )
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StorageError(f"Your answers could not be saved ({e}); please submit again.") from None
    return Saved(attempt_id, True)


def _query(sql: str, params: tuple, path):
    import pandas as pd

    with closing(connect(path)) as conn:
        return pd.read_sql_query(sql, conn, params=params)


def attempts_frame(bank_id: str | None = None, *, path: str | os.PathLike | None = None):
    """All attempts (newest first), optionally of one bank, as a pandas DataFrame."""
    where, params = ("WHERE bank_id = ?", (bank_id,)) if bank_id else ("", ())
    return _query(
        "SELECT id AS attempt_id, submitted_at, student, class_code, bank_id, bank_title, language,"
        f" correct, total, percent FROM attempts {where} ORDER BY submitted_at DESC, id DESC",
        params,
        path,
    )


def answers_frame(bank_id: str | None = None, *, path: str | os.PathLike | None = None):
    """One row per stored answer, with the attempt's student and bank, as a DataFrame."""
    where, params = ("WHERE a.bank_id = ?", (bank_id,)) if bank_id else ("", ())
    return _query(
        "SELECT a.id AS attempt_id, a.student, a.class_code, a.bank_id, n.position, n.item_id,"
        " n.kind, n.response, n.correct, n.how FROM answers n JOIN attempts a ON a.id = n.attempt_id"
        f" {where} ORDER BY a.id, n.position",
        params,
        path,
    )


def attempt_answers(attempt_id: int, *, path: str | os.PathLike | None = None) -> dict[str, str]:
    """item id -> response as stored for one attempt (in quiz order)."""
    with closing(connect(path)) as conn:
        rows = conn.execute(
            "SELECT item_id, response FROM answers WHERE attempt_id = ? ORDER BY position", (attempt_id,)
        ).fetchall()
    return {iid: resp for iid, resp in rows}


def count_attempts(*, path: str | os.PathLike | None = None) -> int:
    """Number of stored attempts."""
    with closing(connect(path)) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])
