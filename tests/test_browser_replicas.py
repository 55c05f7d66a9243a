"""Issue 12: two app replicas on two ports share one real PostgreSQL. A teacher makes a class
and publishes a quiz on replica A; students in separate Chromium contexts take it on A and
on B (one on a phone); ``quizgen results`` and the results page of either replica show
every attempt exactly once.

Needs Debian's ``/usr/bin/chromium``, ``playwright`` and PostgreSQL binaries; skipped without
them unless ``QUIZGEN_REQUIRE_EXTERNAL=1``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_browser_class import (
    PASSCODE,
    _free_port,
    _require_external,
    field,
    fixture_bank,
    login_student,
    new_page,
    open_tab,
    shot,
    teacher_login,
    wait_saved,
)
from test_browser_class import answer as answer_items

pytestmark = pytest.mark.browser
pytest_plugins = ["pg_server"]
ROOT = Path(__file__).parents[1]


def _start(tmp: Path, name: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    log = open(tmp / f"{name}.log", "w")  # noqa: SIM115 - the process owns it until the end
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=tmp, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    return proc, f"http://127.0.0.1:{port}"


def _wait(proc: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("a replica did not start:\n" + log.read_text())
        time.sleep(0.3)


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, pg_server):
    _require_external()
    tmp = tmp_path_factory.mktemp("replicas")
    (tmp / ".streamlit").mkdir()
    (tmp / ".streamlit" / "config.toml").write_text(
        (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    url = pg_server.create_db()
    banks = tmp / "banks"
    banks.mkdir()
    env = dict(os.environ, QUIZGEN_DB=url, QUIZGEN_BANKS=str(banks), QUIZGEN_TEACHER_PASSWORD=PASSCODE,
               QUIZGEN_TIMEZONE="Asia/Jakarta")  # fmt: skip
    a, url_a = _start(tmp, "a", env)
    _wait(a, url_a, tmp / "a.log")  # the first replica migrates the schema; then the second starts
    b, url_b = _start(tmp, "b", env)
    _wait(b, url_b, tmp / "b.log")
    from quizgen.storage import close_store, open_store

    yield {"a": url_a, "b": url_b, "db": url, "store": open_store(url), "env": env}
    close_store(url)
    for proc in (a, b):
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(replicas):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu"],
        )
        yield b
        b.close()


def _results_on(pg, base: str, names) -> list[str]:
    teacher_login(pg, base, "teacher_results")
    pg.get_by_text("Hasil siswa").wait_for()
    pg.get_by_label("Kuis", exact=True).click()
    pg.get_by_role("option", name=re.compile(r"Kim Jong-un")).first.click()
    pg.get_by_text("Siswa × soal").wait_for()
    pg.locator('[data-testid="stDataFrame"] [role="gridcell"]').first.wait_for(state="attached")
    pg.wait_for_timeout(500)
    return pg.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stDataFrame] [role=gridcell]')].map(c => c.textContent)"
    )


def test_publish_on_a_take_on_a_and_b_results_everywhere(replicas, browser):
    store = replicas["store"]
    bank = fixture_bank()
    store.save_bank(bank, "kim-putin-7b.json", replace=True)
    # the teacher, on replica A: class 7B with a roster, then the quiz assigned to it
    teacher = new_page(browser)
    teacher_login(teacher, replicas["a"], "teacher_classes")
    open_tab(teacher, "Kelas & daftar siswa")
    class_form = teacher.locator('[data-testid="stForm"]').filter(has_text="Simpan kelas")
    field(class_form, "Kode kelas").fill("7B")
    field(class_form, "Nama siswa (satu per baris)").fill("Dewi Anggraini\nEko Saputra\nFajar Nugroho")
    class_form.get_by_role("button", name="Simpan kelas").click()
    teacher.get_by_text("Kelas 7B disimpan (3 siswa baru).").wait_for()
    open_tab(teacher, "Tugas")
    teacher.get_by_label("Kuis", exact=True).click()
    teacher.get_by_role("option", name=re.compile(r"kim-putin-7b\.json")).click()
    form = teacher.locator('[data-testid="stForm"]').filter(has_text="Berikan ke kelas")
    field(form, "Kode kelas").fill("7B")
    form.get_by_role("button", name="Berikan ke kelas").click()
    teacher.get_by_text(re.compile(r"sudah diberikan ke kelas 7B")).wait_for()
    codes = {s.name: s.personal_code for s in store.roster("7B")}
    # students at once: Dewi on A, Eko on B, Fajar on B with a phone
    plans = {
        "Dewi Anggraini": ("a", False, {it.id: it.answer for it in bank.items}),
        "Eko Saputra": ("b", False, {"c-pyongyang": "Pyongyang", "m-sekutu": "Jepang"}),
        "Fajar Nugroho": ("b", True, {"c-pyongyang": "Seoul", "tf-rabu": "Benar"}),
    }
    pages = {}
    for name, (where, phone, _) in plans.items():
        pg = new_page(browser, phone=phone)
        login_student(pg, replicas[where], name, "7B", codes[name])  # B sees A's assignment at once
        pages[name] = pg
    for name, (_, _, given) in plans.items():
        answer_items(pages[name], bank, given)
        wait_saved(pages[name], len(given), len(bank.items))
    for name, (_, _, given) in plans.items():
        pg = pages[name]
        pg.get_by_role("button", name="Kirim jawaban").click()
        if len(given) < len(bank.items):
            pg.get_by_role("button", name="Kirim sekarang").click()
        pg.get_by_text(re.compile(r"Nilaimu: \d+ dari 8 benar")).wait_for()
        pg.get_by_role("button", name="Kirim jawaban").count()  # the page stays usable
    # quizgen results (the command line, same database): every attempt once
    out = subprocess.run(
        [sys.executable, "-m", "quizgen", "results", "--class", "7B", "--format", "json"],
        env=replicas["env"], capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    attempts = json.loads(out.stdout)
    assert sorted(a["student"] for a in attempts) == sorted(plans)
    dewi = next(a for a in attempts if a["student"] == "Dewi Anggraini")
    assert (dewi["correct"], dewi["total"], dewi["class_code"]) == (8, 8, "7B")
    # the results page on either replica shows all three, once each
    for where in ("a", "b"):
        pg = new_page(browser)
        cells = _results_on(pg, replicas[where], plans)
        for name in plans:
            assert sum(1 for c in cells if c.strip() == name) == 1, (where, name, cells[:30])
        shot(pg, f"replicas-results-{where}")
        pg.context.close()
    for pg in pages.values():
        pg.context.close()
    teacher.context.close()
