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
from test_app_student import ANSWERS, assign_7a, fill, start_quiz, submit

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import StorageError, answers_frame, connect, count_attempts, save_attempt

pytest_plugins = ["pg_server"]  # fixtures store, store_url (SQLite and PostgreSQL)

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
    at = start_quiz(code=assign_7a(app_env))  # a class attempt (demo quizzes are practice, not stored)
    fill(at, ANSWERS)
    arm_failure(app_env["db"])
    submit(at)
    assert at.error and "Kirim jawaban lagi" in at.error[0].value.replace("\\", "")
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


# -- the Store API under hostile or careless input, on SQLite and PostgreSQL -------------------


def _threads(n: int, fn) -> list:
    barrier = threading.Barrier(n)
    out, errors = [], []

    def run() -> None:
        try:
            barrier.wait()
            out.append(fn())
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    return out


def test_hostile_ids_and_tokens_are_not_found_never_a_crash(store):
    from quizgen.storage import NotFound

    for bad in ("1; DROP TABLE attempts", "-1", "0", 2**40, None, "", "1e3"):
        with pytest.raises(NotFound):
            store.get_assignment(bad)
        with pytest.raises(NotFound):
            store.delete_attempt(bad, by="teacher")
    with pytest.raises(NotFound):
        store.start_attempt(student="Sari", class_code="7A", assignment_id="x")
    for token in ("", "x" * 10_000, "' OR 1=1 --"):
        with pytest.raises(NotFound):
            store.submit(token, None, {})
        with pytest.raises(NotFound):
            store.save_draft(token, {})
        assert store.get_attempt(token) is None
    assert store.count_attempts() == 0


def test_an_oversized_autosave_is_capped_not_stored_whole(store, bank):
    from quizgen.storage.attempts import MAX_ANSWER, MAX_ANSWERS

    v = store.save_bank(bank, "kim-putin.json")
    att = store.start_attempt(student="Sari", version=v.version)
    flood = {f"item-{i}": "x" * 100_000 for i in range(5000)}
    store.save_draft(att.token, flood)
    saved = store.get_attempt(att.token).answers
    assert len(saved) == MAX_ANSWERS and all(len(a) == MAX_ANSWER for a in saved.values())
    done = store.submit(att.token)  # graded on the version's items only
    assert store.attempts_frame().loc[0, "total"] == len(bank.items) and done.created


def test_hostile_names_and_codes_are_stored_as_text(store, bank):
    hostile = "<b onmouseover=alert(1)>'; DROP TABLE students; --\u202e evil"
    store.create_class("7A")
    shown = " ".join(hostile.replace("\u202e", " ").split())  # the bidi override is neutralised
    [(name, code)] = store.add_students("7A", [hostile])
    assert name == shown and store.verify_student("7A", hostile, code)
    a = store.publish(store.save_bank(bank, "q\n.json").version, "7A", title="=cmd|' /C calc'!A0")
    assert store.list_banks()[0].name == "q .json" and a.title.startswith("=cmd")
    att = store.start_attempt(student=hostile, class_code="7a", assignment_id=a.id)
    store.submit(att.token, None, {"c-pyongyang": "'); DELETE FROM answers; --"})
    assert store.attempts_frame().loc[0, "student"] == shown
    assert store.attempt_answers(store.attempts_frame().loc[0, "attempt_id"])["c-pyongyang"].startswith("');")


def test_the_server_secret_is_one_value_even_when_asked_at_once(store):
    values = _threads(10, lambda: store.server_secret("teacher"))
    assert len(set(values)) == 1


def test_concurrent_login_failures_are_all_counted(store):
    _threads(10, lambda: store.record_login_failure("ip:10.0.0.9"))
    assert store.login_failures("ip:10.0.0.9") == 10
