"""Issue 12: 300 simulated students submit at once over two replicas' worth of connections
(two processes, each its own pool, 20 threads each) on SQLite and on a real PostgreSQL:
none lost, none duplicated, none half-written, all within 60 s. Loopback only, bounded."""

from __future__ import annotations

from quizgen.bank import read_bank
from quizgen.loadtest import run_load

pytest_plugins = ["pg_server"]


def test_300_students_submit_once_each(store_url, app_bank_file):
    report = run_load(store_url, read_bank(app_bank_file), students=300, replicas=2, threads=20)
    assert report.errors == ()
    assert (report.stored, report.lost, report.duplicated, report.incomplete) == (300, 0, 0, 0)
    assert report.seconds < 60
