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


def _bench_submit(tmp_path, **env):
    """``bench/run.py --only submit`` with a PostgreSQL URL nothing listens on."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).parents[1]
    out = tmp_path / "bench.json"
    environ = {k: v for k, v in os.environ.items() if k != "QUIZGEN_REQUIRE_EXTERNAL"}
    environ.update(PYTHONPATH=str(root), QUIZGEN_TEST_PG_URL="postgresql://postgres@127.0.0.1:9/none", **env)
    proc = subprocess.run([sys.executable, str(root / "bench" / "run.py"), "--only", "submit", "--quick",
                           "--json", str(out)], env=environ, capture_output=True, text=True, timeout=600)  # fmt: skip
    return proc, json.loads(out.read_text(encoding="utf-8"))


def test_bench_lists_a_postgresql_that_cannot_start_in_skipped(tmp_path):
    proc, report = _bench_submit(tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = [f["name"] for f in report["figures"]]
    assert names and all("SQLite" in n for n in names)  # the SQLite rows are there, no PostgreSQL row
    (note,) = [s for s in report["skipped"] if "PostgreSQL" in s]
    assert note.startswith("submit on PostgreSQL: no PostgreSQL server") and "port 9" in note
    assert "skipped submit on PostgreSQL" in proc.stdout
    # where PostgreSQL is required, its absence fails the bench
    proc, report = _bench_submit(tmp_path, QUIZGEN_REQUIRE_EXTERNAL="1")
    assert proc.returncode == 1
    assert any(s.startswith("submit on PostgreSQL: failed: ") for s in report["skipped"])
