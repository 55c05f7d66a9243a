"""Schema migrations: a quizgen 0.1 SQLite file keeps its attempts; concurrent first opens.

``tests/data/quizgen-0.1.sqlite3`` was written by quizgen 0.1's ``quizgen/storage.py``
(commit 2fea076) with ``save_attempt``: three attempts on ``app_bank_id.json`` (Sari Dewi
8/8 in 7A, Budi 0/8 in 7A, Ani 0/8 without a class), tokens ``old-token-0..2``."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

from quizgen.bank import read_bank
from quizgen.grading import score
from quizgen.storage import close_store, open_store, save_attempt

pytest_plugins = ["pg_server"]

OLD = Path(__file__).parent / "data" / "quizgen-0.1.sqlite3"


def test_a_quizgen_0_1_file_is_upgraded_and_keeps_every_attempt(tmp_path, app_bank_file):
    db = tmp_path / "quizgen.sqlite3"
    shutil.copy(OLD, db)
    with closing(sqlite3.connect(db)) as conn:
        before = conn.execute("SELECT * FROM attempts ORDER BY id").fetchall()
        answers_before = conn.execute("SELECT * FROM answers ORDER BY attempt_id, position").fetchall()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    store = open_store(db)
    try:
        assert store.schema_version() == "0002"
        frame = store.attempts_frame().sort_values("attempt_id")
        assert list(frame["student"]) == ["Sari Dewi", "Budi", "Ani"]
        assert list(frame["correct"]) == [8, 0, 0] and list(frame["class_code"]) == ["7A", "7A", ""]
        assert set(frame["quiz"]) == {"app-kim-putin-2024-id"}  # quiz = the bank id they were taken on
        assert len(store.answers_frame()) == 24
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert [r[:11] for r in conn.execute("SELECT * FROM attempts ORDER BY id")] == before
            assert (
                conn.execute("SELECT * FROM answers ORDER BY attempt_id, position").fetchall()
                == answers_before
            )
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 2  # quizgen 0.1 now refuses it
        # an old token resubmitted after the upgrade still stores nothing new
        bank = read_bank(app_bank_file)
        again = save_attempt(bank, score(bank, {}), {}, student="Sari Dewi", token="old-token-0", path=db)
        assert not again.created and again.attempt_id == 1
        # and the new API works on the upgraded file
        v = store.save_bank(bank, "kim-putin.json")
        a = store.publish(v.version, "7A", title="Kim")
        att = store.start_attempt(student="Budi", class_code="7A", assignment_id=a.id)
        assert store.submit(att.token, None, {"c-pyongyang": "Pyongyang"}).created
        assert store.count_attempts() == 4
    finally:
        close_store(db)
    # opening again is a no-op migration
    assert open_store(db).count_attempts() == 4
    close_store(db)


OPENER = textwrap.dedent(
    """
    import sys
    from quizgen.storage import open_store
    store = open_store(sys.argv[1])
    print(store.schema_version(), store.server_secret("teacher"))
    """
)


def test_processes_opening_a_new_database_at_once_migrate_it_once(store_url):
    procs = [
        subprocess.Popen([sys.executable, "-c", OPENER, store_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for _ in range(4)
    ]  # fmt: skip
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    lines = {o.strip() for o, _ in outs}
    assert len(lines) == 1 and lines.pop().startswith("0002 ")  # one schema, one secret for all
