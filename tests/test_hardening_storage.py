"""Hardening: a submission that fails inside its transaction leaves nothing half-written, and the
retry stores it once (library and app); the same token submitted at once from many threads
stores one attempt. (Distinct-token concurrency, double submit and SIGKILL are in test_storage.)

The failure is real SQLite behaviour: a trigger that aborts the answers' INSERT while a row
sits in a ``fail_next`` table, i.e. after the attempt row is already written in the same
transaction."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing

import pytest
from test_app_student import ANSWERS, fill, start_quiz, submit

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import StorageError, answers_frame, connect, count_attempts, save_attempt

FAIL_TRIGGER = """
CREATE TABLE IF NOT EXISTS fail_next (reason TEXT);
CREATE TRIGGER IF NOT EXISTS fail_answers BEFORE INSERT ON answers
WHEN (SELECT COUNT(*) FROM fail_next) > 0
BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;
"""


def arm_failure(db) -> None:
    with closing(connect(db)) as conn:
        conn.executescript(FAIL_TRIGGER + "INSERT INTO fail_next VALUES ('once');")


def disarm_failure(db) -> None:
    with closing(connect(db)) as conn:
        conn.execute("DELETE FROM fail_next")


def _rows(db) -> tuple[int, int]:
    with closing(sqlite3.connect(db)) as conn:
        return (
            conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0],
        )


@pytest.fixture
def bank(app_bank_file):
    return read_bank(app_bank_file)


def _save(bank, db, token, answers=None):
    answers = answers if answers is not None else {it.id: it.answer for it in bank.items}
    return save_attempt(bank, score(bank, answers), answers, student="Sari", token=token, path=db)


def test_failed_transaction_leaves_nothing_and_retry_stores_once(bank, tmp_path):
    db = tmp_path / "q.db"
    arm_failure(db)
    with pytest.raises(StorageError, match="could not be saved.*submit again"):
        _save(bank, db, "tok-1")
    assert _rows(db) == (0, 0)  # the attempt row written before the failure is rolled back
    with pytest.raises(StorageError):  # still failing: still nothing
        _save(bank, db, "tok-1")
    assert _rows(db) == (0, 0)
    disarm_failure(db)
    first = _save(bank, db, "tok-1")
    again = _save(bank, db, "tok-1")
    assert first.created and not again.created and first.attempt_id == again.attempt_id
    assert _rows(db) == (1, len(bank.items))


class _FailsOnce:
    """A response whose text cannot be taken the first time (an exception that is not SQLite's)."""

    def __init__(self) -> None:
        self.calls = 0

    def __str__(self) -> str:
        self.calls += 1
        if self.calls == 1:
            raise RuntimeError("the request was interrupted")
        return "Pyongyang"

    def __bool__(self) -> bool:
        return True


def test_any_exception_inside_the_transaction_rolls_it_back(bank, tmp_path):
    db = tmp_path / "q.db"
    keys = {it.id: it.answer for it in bank.items}
    graded = score(bank, keys)
    answers = {**keys, bank.items[-1].id: _FailsOnce()}  # the last answer row: the attempt row is written

    def save():
        return save_attempt(bank, graded, answers, student="Sari", token="tok-x", path=db)

    with pytest.raises(RuntimeError, match="interrupted"):
        save()
    assert _rows(db) == (0, 0)
    # the connection was closed, not left holding the write lock: other writers go on at once
    with closing(sqlite3.connect(db, timeout=0.5)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    saved = save()
    assert saved.created and _rows(db) == (1, len(bank.items))
    assert not save().created and _rows(db) == (1, len(bank.items))


def test_same_token_from_twenty_threads_stores_one(bank, tmp_path):
    db = tmp_path / "q.db"
    connect(db).close()
    barrier = threading.Barrier(20)
    results, errors = [], []

    def worker() -> None:
        try:
            barrier.wait()
            results.append(_save(bank, db, "same-token"))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(r.created for r in results) == 1
    assert len({r.attempt_id for r in results}) == 1
    assert count_attempts(path=db) == 1
    assert len(answers_frame(path=db)) == len(bank.items)


def test_student_retries_after_a_failed_save_in_the_app(app_env):
    at = start_quiz()
    fill(at, ANSWERS)
    arm_failure(app_env["db"])
    submit(at)
    assert at.error and "submit again" in at.error[0].value.replace("\\", "")
    assert at.session_state["phase"] == "answer"  # answers kept, nothing stored
    assert _rows(app_env["db"]) == (0, 0)
    disarm_failure(app_env["db"])
    submit(at)  # the same page, the same token: the retry
    assert at.session_state["phase"] == "review" and not at.error
    assert _rows(app_env["db"]) == (1, 8)
    submit_again = [b for b in at.button if b.label in ("Kirim jawaban", "Submit answers")]
    assert not submit_again  # the review page: no second submission


def _race_save(bank, name: str, n_threads: int = 8) -> tuple[list[int], list[str]]:
    """``n_threads`` saves of different banks under one new name, released at once."""
    from quizgen.app import banks
    from quizgen.errors import BankError

    barrier = threading.Barrier(n_threads)
    won, refused, errors = [], [], []

    def worker(n: int) -> None:
        barrier.wait()
        try:
            banks.save(bank.with_items(bank.items[: n + 1]), name)
            won.append(n)
        except BankError as e:
            refused.append(str(e))
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    return won, refused


def test_two_teachers_saving_the_same_new_name_at_once_one_wins(app_env, bank):
    for trial in range(10):
        name = f"same-{trial}.json"
        won, refused = _race_save(bank, name)
        assert len(won) == 1, f"{len(won)} saves of {name} all 'succeeded': all but one were lost"
        assert len(refused) == 7 and all("already exists" in m for m in refused)
        assert len(read_bank(app_env["banks"] / name).items) == won[0] + 1
    assert not [p.name for p in app_env["banks"].iterdir() if p.name.startswith(".")]  # no temporaries left
