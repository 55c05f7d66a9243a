"""Issue 13 finding 7 in a real Chromium: no table on the teacher pages offers Streamlit's own
"Download as CSV" (which would skip the app's formula guard).

Streamlit 1.67 reads ``.streamlit/config.toml`` from the working folder and from the main
script's folder; here the app's ``streamlit_app.py`` is copied into a folder without one (as a
deploy that copies the app but not its config would do), so the setting must come from the
app itself. Every dataframe and
data_editor of the Results, Classes and Create pages is hovered until its toolbar shows (its
search button proves the toolbar is there), and no toolbar button may be labelled "Download".

Needs Debian's ``/usr/bin/chromium`` and playwright; skipped without them unless
``QUIZGEN_REQUIRE_EXTERNAL=1``.
"""

from __future__ import annotations

import os
import re

import pytest
from browser_support import ROOT, app_folder, chromium, new_page, streamlit_server

pytestmark = pytest.mark.browser

PASSCODE = "toolbar-test-passcode"
TOOLBAR = '[data-testid="stElementToolbarButton"]'
# Streamlit 1.67 puts the aria-label on the button inside the toolbar item, not on the item
DOWNLOAD = TOOLBAR + ' [aria-label*="Download"], ' + TOOLBAR + '[aria-label*="Download"]'


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app, run from a folder with no ``.streamlit/``, one class, one assigned quiz, attempts."""
    from quizgen.bank import read_bank
    from quizgen.grading import score
    from quizgen.storage import close_store, open_store

    tmp, banks = app_folder(tmp_path_factory, "toolbar")
    db = tmp / "quizgen.sqlite3"
    store = open_store(str(db))
    bank = read_bank(ROOT / "tests" / "data" / "app_bank_id.json")
    v = store.save_bank(bank, "kuis-toolbar.json", replace=True)
    store.create_class("7T")
    store.add_students("7T", ["Ani", '=HYPERLINK("x") Budi'])
    store.publish(v.version, "7T", title=bank.title, quiz="kuis-toolbar.json")
    keys = {it.id: it.answer for it in bank.items}
    for n, name in enumerate(["Ani", '=HYPERLINK("x") Budi']):
        store.record_attempt(bank, score(bank, keys), keys, student=name, token=f"tb{n}", class_code="7T")
    close_store(str(db))
    env = dict(os.environ, QUIZGEN_DB=str(db), QUIZGEN_BANKS=str(banks), QUIZGEN_TEACHER_PASSWORD=PASSCODE,
               PYTHONPATH=str(ROOT))  # fmt: skip
    for var in [k for k in env if k.startswith("STREAMLIT_")]:
        del env[var]  # nothing but the app may set the option
    app = tmp / "app"
    app.mkdir()
    (app / "streamlit_app.py").write_bytes((ROOT / "streamlit_app.py").read_bytes())
    (app / "quizgen").symlink_to(ROOT / "quizgen")  # the pages are paths under the script's folder
    assert not (app / ".streamlit").exists()
    script = app / "streamlit_app.py"
    with streamlit_server(script, cwd=app, env=env, log_path=app / "server.log") as (_, url):
        yield url


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser):
    pg = new_page(browser)
    yield pg
    pg.context.close()


def teacher(pg, url: str, path: str) -> None:
    pg.goto(url + "/" + path)
    pg.get_by_label("Kode akses guru").fill(PASSCODE)
    pg.get_by_role("button", name="Masuk").click()


def toolbar_downloads(pg, tables: int) -> list[int]:
    """Hover each of the page's ``tables`` tables (dataframes and data_editors) until its toolbar
    shows; the number of Download buttons in each toolbar."""
    frames = pg.locator('[data-testid="stDataFrame"]').filter(visible=True)
    frames.nth(tables - 1).wait_for()
    pg.wait_for_timeout(500)
    assert frames.count() == tables
    found = []
    for i in range(tables):
        frame = frames.nth(i)
        frame.scroll_into_view_if_needed()
        frame.locator('[role="gridcell"]').first.wait_for(state="attached")
        holder = frame.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]")
        for _ in range(20):
            frame.hover()
            pg.wait_for_timeout(200)
            if holder.locator(TOOLBAR).filter(visible=True).count():
                break
        toolbar = holder.locator(TOOLBAR).filter(visible=True)
        assert toolbar.count() >= 1, f"table {i}: its toolbar never showed"
        assert holder.locator(TOOLBAR + ' [aria-label*="Search"]').count() == 1, (
            f"table {i}: no search button"
        )
        found.append(holder.locator(DOWNLOAD).count())
    return found


def test_results_classes_and_create_tables_offer_no_raw_download(server, page):
    teacher(page, server, "teacher_results")
    page.get_by_text("Siswa × soal").wait_for()
    assert toolbar_downloads(page, 2) == [0, 0]  # the student x question grid, the questions
    page.get_by_role("link", name="Kelas & tugas").click()
    page.get_by_role("heading", name="Tugas").first.wait_for()
    assert toolbar_downloads(page, 1) == [0]  # the assignments
    page.get_by_role("tab", name="Kelas & daftar siswa").click()
    page.get_by_text("Daftar siswa kelas 7T").first.wait_for()
    assert toolbar_downloads(page, 1) == [0]  # the roster
    page.get_by_role("link", name="Buat kuis").click()
    text = (ROOT / "tests" / "data" / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
    page.get_by_label("Tempel teks artikel").fill(text)
    page.get_by_role("button", name="Buat soal").click()
    page.get_by_text(re.compile(r"\d+ soal dibuat dalam")).wait_for(timeout=90_000)
    assert toolbar_downloads(page, 1) == [0]  # the item editor (a data_editor)
