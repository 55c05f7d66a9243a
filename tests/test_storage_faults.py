"""Faults on PostgreSQL: a server restart while students submit loses no committed attempt
and leaves none half-written; a server that stays down gives a clear "try again"
(StorageUnavailable), and the retry stores exactly once."""

from __future__ import annotations

import threading
import time

import pytest

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import StorageUnavailable, close_store, open_store

pytest_plugins = ["pg_server"]


@pytest.fixture
def pg_store(pg_server, monkeypatch):
    url = pg_server.create_db()
    yield pg_server, url, open_store(url)
    close_store(url)
    pg_server.drop_db(url)


def _answers(bank, n):
    return {it.id: (it.answer if (i + n) % 3 else "salah") for i, it in enumerate(bank.items)}


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_restart_mid_run_loses_nothing_and_stores_each_once(pg_store, app_bank_file, mode):
    srv, url, store = pg_store
    bank = read_bank(app_bank_file)
    v = store.save_bank(bank, "kim-putin.json")
    a = store.publish(v.version, "7A", title="Kim", attempts_allowed=1)
    confirmed: dict[str, int] = {}
    unavailable: list[str] = []
    errors: list[BaseException] = []
    stop = threading.Event()
    lock = threading.Lock()

    def student(w: int) -> None:
        n = 0
        while not stop.is_set():
            name = f"s{w}-{n}"
            try:
                att = _retry(
                    lambda name=name: store.start_attempt(student=name, class_code="7A", assignment_id=a.id)
                )
                answers = _answers(bank, n)
                _retry(lambda att=att, answers=answers: store.save_draft(att.token, answers))
                saved = None
                while saved is None:  # what the app does on "try again": the same token again
                    try:
                        saved = store.submit(att.token, score(bank, answers), answers)
                    except StorageUnavailable:
                        with lock:
                            unavailable.append(att.token)
                        time.sleep(0.2)
                with lock:
                    confirmed[att.token] = saved.attempt_id
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)
                return
            n += 1

    threads = [threading.Thread(target=student, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    _wait_for(lambda: len(confirmed) >= 20)
    before = len(confirmed)
    srv.restart(mode)
    _wait_for(lambda: len(confirmed) >= before + 20)
    stop.set()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors[:3]
    frame = store.attempts_frame()
    assert frame["attempt_id"].is_unique
    assert len(frame) == len(confirmed)  # every stored attempt was confirmed to its student, once
    assert set(confirmed.values()) == set(frame["attempt_id"])
    per_attempt = store.answers_frame().groupby("attempt_id").size()
    assert (per_attempt == len(bank.items)).all() and len(per_attempt) == len(frame)  # none half-written
    assert set(_tokens(store)) == set(confirmed)  # the stored tokens are exactly the confirmed ones
    assert len(confirmed) >= before + 20  # students went on after the restart


def _tokens(store):
    from sqlalchemy import select

    from quizgen.storage import schema as s

    return [r[0] for r in store._read(lambda c: c.execute(select(s.attempts.c.token)).all())]


def _retry(fn, tries: int = 100):
    for _ in range(tries):
        try:
            return fn()
        except StorageUnavailable:
            time.sleep(0.2)
    return fn()


def _wait_for(cond, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("the students made no progress")
        time.sleep(0.05)


def test_a_server_that_stays_down_says_try_again_and_the_retry_stores_once(
    pg_store, app_bank_file, monkeypatch
):
    srv, url, store = pg_store
    bank = read_bank(app_bank_file)
    v = store.save_bank(bank, "kim-putin.json")
    att = store.start_attempt(student="Sari", version=v.version)
    answers = {it.id: it.answer for it in bank.items}
    monkeypatch.setenv("QUIZGEN_DB_RETRY_SECONDS", "1")
    srv.stop("fast")
    try:
        started = time.monotonic()
        with pytest.raises(StorageUnavailable, match="try again") as e:
            store.submit(att.token, score(bank, answers), answers)
        assert e.value.code == "unavailable" and time.monotonic() - started < 15
        assert "password" not in str(e.value)
    finally:
        srv.start()
    first = store.submit(att.token, score(bank, answers), answers)
    again = store.submit(att.token, score(bank, answers), answers)
    assert first.created and not again.created and first.attempt_id == again.attempt_id
    assert store.count_attempts() == 1 and len(store.answers_frame()) == len(bank.items)
