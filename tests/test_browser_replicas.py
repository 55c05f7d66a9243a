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
from pathlib import Path

import pytest
from browser_support import chromium, launch_streamlit, require_browser, stop, wait_up
from test_browser_class import (
    PASSCODE,
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
    """A replica on a free port, its output in ``tmp/<name>.log``, waited for (90 s)."""
    proc, url = launch_streamlit(ROOT / "streamlit_app.py", cwd=tmp, env=env, log_path=tmp / f"{name}.log")
    wait_up(proc, url + "/_stcore/health", tmp / f"{name}.log", timeout=90, what="a replica")
    return proc, url


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, pg_server):
    require_browser()
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
    a, url_a = _start(tmp, "a", env)  # the first replica migrates the schema; then the second starts
    b, url_b = _start(tmp, "b", env)
    from quizgen.storage import close_store, open_store

    yield {"a": url_a, "b": url_b, "db": url, "store": open_store(url), "env": env}
    close_store(url)
    for proc in (a, b):
        stop(proc)


@pytest.fixture(scope="module")
def browser(replicas):
    with chromium() as b:
        yield b


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
