"""Issue 12 failover, end to end: two real Streamlit replicas over one real PostgreSQL behind the
shipped ``deploy/nginx.conf`` in a real nginx. A student in Chromium presses *Kirim jawaban*;
while that submission is inside its database transaction (its attempt row written, its answers
not yet), the replica serving the student is killed with SIGKILL. Nothing of the half-done
submission is stored; the student's page reconnects through nginx to the other replica, comes
back with every answer, and the second press stores the attempt exactly once.

Needs Debian's ``/usr/bin/chromium``, ``playwright``, nginx and PostgreSQL binaries; skipped
without them unless ``QUIZGEN_REQUIRE_EXTERNAL=1``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from browser_support import NGINX, answers, chromium, nginx_config, require_browser, require_nginx, stop
from test_browser_class import answer as answer_items
from test_browser_class import (
    fixture_bank,
    login_student,
    new_page,
    shot,
    wait_saved,
)
from test_browser_replicas import _start

pytestmark = pytest.mark.browser
pytest_plugins = ["pg_server"]
ROOT = Path(__file__).parents[1]


def _nginx(tmp: Path, ports: list[int]) -> tuple[subprocess.Popen, str]:
    """deploy/nginx.conf as shipped, its two upstreams pointed at ``ports``, on a free port."""
    require_nginx()
    main, front = nginx_config(tmp, ports)
    proc = subprocess.Popen([NGINX, "-c", str(main), "-p", str(tmp)], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{front}"
    if answers(url + "/_stcore/health"):
        return proc, url
    proc.kill()
    pytest.fail("nginx did not start")


@pytest.fixture
def farm(tmp_path, pg_server):
    """Replicas ``a`` and ``b`` behind nginx."""
    require_browser()
    (tmp_path / ".streamlit").mkdir()
    shutil.copy(ROOT / ".streamlit" / "config.toml", tmp_path / ".streamlit" / "config.toml")
    url = pg_server.create_db()
    banks = tmp_path / "banks"
    banks.mkdir()
    procs, urls = {}, {}
    for name in ("a", "b"):  # the first migrates the schema; then the second starts
        env = dict(os.environ, QUIZGEN_DB=url, QUIZGEN_BANKS=str(banks),
                   QUIZGEN_TEACHER_PASSWORD="failover-passcode")  # fmt: skip
        procs[name], urls[name] = _start(tmp_path, name, env)
    ports = [int(urls[n].rsplit(":", 1)[1]) for n in ("a", "b")]
    front, front_url = _nginx(tmp_path, ports)
    from quizgen.storage import close_store, open_store

    yield {"url": front_url, "db": url, "procs": procs, "store": open_store(url)}
    close_store(url)
    front.terminate()
    front.wait(10)
    for proc in procs.values():
        if proc.poll() is None:
            stop(proc)


@pytest.fixture(scope="module")
def browser():
    require_browser()
    with chromium() as b:
        yield b


def _blocked_backend(conn, procs: dict, timeout: float = 30.0) -> tuple[str, int]:
    """The replica whose submission waits, inside its transaction, to write the answers, and
    that database session's process id (found by the replica's end of the connection)."""
    import psutil  # installed with dask.distributed (the test extra)

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = conn.execute(
            "SELECT pid, client_port FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query ILIKE 'INSERT INTO answers%'"
        ).fetchone()
        if row:
            for name, proc in procs.items():
                ports = {c.laddr.port for c in psutil.Process(proc.pid).net_connections(kind="tcp")}
                if row[1] in ports:
                    return name, row[0]
            raise AssertionError(f"no replica holds the connection from port {row[1]}")
        time.sleep(0.1)
    raise AssertionError("no submission reached the answers insert")


def test_a_replica_killed_mid_submit_the_student_retries_on_the_other_and_it_is_stored_once(farm, browser):
    import psycopg

    store = farm["store"]
    bank = fixture_bank()
    version = store.save_bank(bank, "failover.json", replace=True).version
    store.create_class("8C", open_names=True)
    store.publish(version, "8C", title=bank.title, quiz="failover.json")
    pg = new_page(browser)
    login_student(pg, farm["url"], "Gita Permata", "8C")
    answer_items(pg, bank, {it.id: it.answer for it in bank.items})
    wait_saved(pg, len(bank.items), len(bank.items))
    db = farm["db"].replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(db, autocommit=True) as watch, psycopg.connect(db) as holder:
        # hold the answers table: a submission gets as far as its attempt row and waits there
        holder.execute("LOCK TABLE answers IN SHARE MODE")
        pg.get_by_role("button", name="Kirim jawaban").click()
        victim, backend = _blocked_backend(watch, farm["procs"])
        farm["procs"][victim].kill()  # SIGKILL, mid-transaction
        farm["procs"][victim].wait(10)
        holder.rollback()  # let the dead replica's transaction run into its closed connection
        for _ in range(100):  # its backend ends, rolling the transaction back
            alive = watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (backend,)
            ).fetchone()[0]
            if not alive:
                break
            time.sleep(0.1)
        assert not alive, "the killed replica's database session is still there"
    assert len(store.attempts_frame(class_code="8C")) == 0  # nothing of the half-done submission
    # the page reconnects through nginx to the other replica and resumes the attempt
    resumed = f"Melanjutkan kuismu: {len(bank.items)} jawaban yang tersimpan sudah dimuat."
    pg.get_by_text(resumed).wait_for(timeout=60_000)  # a new session, on the replica still alive
    pg.get_by_text(re.compile(rf"Terjawab {len(bank.items)} dari {len(bank.items)} soal")).wait_for()
    submit = pg.get_by_role("button", name="Kirim jawaban")
    submit.wait_for(timeout=30_000)
    shot(pg, "failover-01-resumed-on-the-other-replica")
    submit.click()
    pg.get_by_text(f"Nilaimu: {len(bank.items)} dari {len(bank.items)} benar", exact=False).wait_for()
    shot(pg, "failover-02-stored")
    attempts = store.attempts_frame(class_code="8C")
    assert list(attempts["student"]) == ["Gita Permata"]
    assert int(attempts["correct"].iloc[0]) == len(bank.items)
    assert len(store.answers_frame(class_code="8C")) == len(bank.items)
    # a reload on the surviving replica shows the result; nothing is stored again
    pg.reload()
    pg.get_by_text(f"Nilaimu: {len(bank.items)} dari {len(bank.items)} benar", exact=False).wait_for()
    assert len(store.attempts_frame(class_code="8C")) == 1
    pg.context.close()
