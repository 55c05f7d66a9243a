"""SQLite storage: schema, idempotent submissions, concurrency, crash safety."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import (
    StorageError,
    answers_frame,
    attempts_frame,
    close_store,
    connect,
    count_attempts,
    db_path,
    new_token,
    save_attempt,
)


@pytest.fixture
def bank(app_bank_file):
    return read_bank(app_bank_file)


def _submit(bank, db, token, student="Sari", answers=None):
    answers = answers if answers is not None else {"c-pyongyang": "Pyongyang", "s-nuklir": "nuklirnya"}
    return save_attempt(bank, score(bank, answers), answers, student=student, token=token, path=db)


def test_db_path_from_env_and_default(monkeypatch, tmp_path):
    monkeypatch.delenv("QUIZGEN_DB", raising=False)
    assert str(db_path()) == "data/quizgen.sqlite3"
    monkeypatch.setenv("QUIZGEN_DB", str(tmp_path / "x.db"))
    assert db_path() == tmp_path / "x.db"


def test_schema_wal_and_round_trip(bank, tmp_path):
    db = tmp_path / "sub" / "dir" / "q.sqlite3"
    saved = _submit(bank, db, new_token(), student="  Sari   Dewi ")
    assert saved.created
    with connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    att = attempts_frame(path=db)
    assert list(att["student"]) == ["Sari Dewi"]
    assert (att.loc[0, "correct"], att.loc[0, "total"]) == (2, len(bank.items))
    ans = answers_frame(bank.id, path=db)
    assert len(ans) == len(bank.items)
    row = ans.set_index("item_id").loc["s-nuklir"]
    assert (row["response"], row["correct"], row["how"]) == ("nuklirnya", 1, "clitic variant")
    assert attempts_frame("other-bank", path=db).empty


def test_double_submit_stores_one(bank, tmp_path):
    db = tmp_path / "q.sqlite3"
    token = new_token()
    first = _submit(bank, db, token)
    second = _submit(bank, db, token, answers={"c-pyongyang": "Seoul"})
    assert first.created and not second.created
    assert first.attempt_id == second.attempt_id
    assert count_attempts(path=db) == 1
    assert attempts_frame(path=db).loc[0, "correct"] == 2  # the first submission stands


def test_fifty_threads_store_fifty(bank, tmp_path):
    db = tmp_path / "q.sqlite3"
    connect(db).close()
    barrier = threading.Barrier(50)
    errors: list[BaseException] = []

    def worker(n):
        try:
            barrier.wait()
            _submit(bank, db, f"tok-{n}", student=f"Siswa {n}")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert count_attempts(path=db) == 50
    assert len(answers_frame(path=db)) == 50 * len(bank.items)


def test_bad_names_refused(bank, tmp_path):
    with pytest.raises(StorageError, match="name"):
        _submit(bank, tmp_path / "q.db", new_token(), student="   ")
    with pytest.raises(StorageError, match="too long"):
        _submit(bank, tmp_path / "q.db", new_token(), student="x" * 81)
    hostile = "<img src=x onerror=alert(1)> '; DROP TABLE attempts; --"
    _submit(bank, tmp_path / "q.db", new_token(), student=hostile)
    assert attempts_frame(path=tmp_path / "q.db").loc[0, "student"] == hostile


def test_unopenable_db_is_a_friendly_error(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StorageError, match="QUIZGEN_DB"):
        connect(tmp_path / "afile" / "q.db")


WRITER = textwrap.dedent(
    """
    import sys
    from quizgen.bank import read_bank
    from quizgen.grading import score
    from quizgen.storage import save_attempt
    bank = read_bank(sys.argv[1])
    answers = {it.id: it.answer for it in bank.items}
    s = score(bank, answers)
    n = 0
    while True:
        save_attempt(bank, s, answers, student=f"s{n}", token=f"kill-{n}", path=sys.argv[2])
        print(f"kill-{n}", flush=True)
        n += 1
    """
)


def test_sigkill_mid_write_keeps_committed_attempts(app_bank_file, tmp_path):
    db = tmp_path / "q.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(app_bank_file), str(db)], stdout=subprocess.PIPE, text=True
    )
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert len(committed) >= 40, "the writer did not get going"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tokens = {r[0] for r in conn.execute("SELECT token FROM attempts")}
        n_answers = conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0]
    assert set(committed) <= tokens
    # every stored attempt is whole: all its answers or none of it
    assert n_answers == len(tokens) * len(read_bank(app_bank_file).items)
    # and the database still takes new attempts
    assert count_attempts(path=db) == len(tokens)


def test_schema_version_and_newer_database_refused(bank, tmp_path):
    db = tmp_path / "q.db"
    with closing(connect(db)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2  # quizgen 0.1 refuses it
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    close_store(db)
    with pytest.raises(StorageError, match="newer quizgen"):
        connect(db)
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
        conn.commit()
    assert count_attempts(path=db) == 0


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=80).filter(lambda s: _shown(s)))
def test_any_name_is_stored_literally(tmp_path_factory, name):
    from quizgen.bank import read_bank as _read

    bank = _read(Path(__file__).parent / "data" / "app_bank_id.json")
    db = tmp_path_factory.mktemp("h") / "q.db"
    saved = save_attempt(bank, score(bank, {}), {}, student=name, class_code=name, token=new_token(), path=db)
    row = attempts_frame(path=db).iloc[0]
    assert saved.created
    assert row["student"] == _shown(name) == row["class_code"]


def _shown(name: str) -> str:
    return " ".join("".join(c if c.isprintable() or c.isspace() else " " for c in name).split())
