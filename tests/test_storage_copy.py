"""``quizgen copy-db`` / :func:`copy_database`: a SQLite school database moved to PostgreSQL
(and to SQLite) keeps every row; ids continue after the copied ones; a non-empty target is
refused and nothing is copied."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.cli import cli
from quizgen.storage import StorageError, close_store, open_store
from quizgen.storage.copy import copy_database

pytest_plugins = ["pg_server"]


@pytest.fixture
def school(tmp_path, app_bank_file):
    """A SQLite database with a bundled bank, a class with a roster, an assignment, attempts
    (one submitted, one open with a draft), a deletion in the audit log, a secret."""
    url = str(tmp_path / "school.sqlite3")
    store = open_store(url)
    bank = read_bank(app_bank_file)
    v = store.save_bank(bank, "kim-putin.json")
    store.save_bank(bank.with_items(bank.items[1:]), "kim-putin.json")
    store.create_class("7A")
    store.add_students("7A", ["Sari", "Budi", "Ani"])
    a = store.publish(v.version, "7A", title="Kim", attempts_allowed=2)
    for name in ("Sari", "Budi"):
        att = store.start_attempt(student=name, class_code="7A", assignment_id=a.id)
        store.submit(att.token, None, {"c-pyongyang": "Pyongyang"})
    store.delete_attempt(int(store.attempts_frame(class_code="7A").iloc[0]["attempt_id"]), by="teacher")
    draft = store.start_attempt(student="Ani", class_code="7A", assignment_id=a.id)
    store.save_draft(draft.token, {"m-sekutu": "Rusia"})
    store.server_secret("teacher")
    yield url, store, a, draft
    close_store(url)


def test_copy_keeps_every_row_and_ids_continue(school, store_url):
    url, src, a, draft = school
    counts = copy_database(src, open_store(store_url))
    dst = open_store(store_url)
    assert counts["attempts"] == 1 and counts["answers"] == 8 and counts["bank_history"] == 2
    assert dst.results_records() == src.results_records()
    assert dst.roster("7A") == src.roster("7A") and dst.server_secret("teacher") == src.server_secret(
        "teacher"
    )
    assert [v.version for v in dst.bank_versions("kim-putin.json")] == [
        v.version for v in src.bank_versions("kim-putin.json")]  # fmt: skip
    assert len(dst.audit_frame()) == len(src.audit_frame())
    resumed = dst.start_attempt(student="ani", class_code="7A", assignment_id=a.id)
    assert resumed.token == draft.token and resumed.answers == {"m-sekutu": "Rusia"}
    # new rows get fresh ids after the copied ones (PostgreSQL sequences moved on)
    saved = dst.submit(resumed.token, None, {})
    assert saved.created and saved.attempt_id > max(r["attempt_id"] for r in src.results_records())
    assert dst.publish(a.version, "8B", title="x").id > a.id
    with pytest.raises(StorageError, match="not empty"):
        copy_database(src, dst)
    assert dst.count_attempts() == 2  # the refused copy added nothing


def test_copy_db_command(school, tmp_path):
    url, src, _, _ = school
    target = tmp_path / "copy.sqlite3"
    out = CliRunner().invoke(cli, ["copy-db", url, str(target)], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    assert "copied 1 attempts" in out.stderr
    assert open_store(target).results_records() == src.results_records()
    again = CliRunner().invoke(cli, ["copy-db", url, str(target)], catch_exceptions=False)
    assert again.exit_code == 1 and "already exists" in again.stderr
    same = CliRunner().invoke(cli, ["copy-db", url, url], catch_exceptions=False)
    assert same.exit_code == 1 and "Traceback" not in same.output
    close_store(target)
