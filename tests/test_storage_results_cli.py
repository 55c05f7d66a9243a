"""``quizgen results`` on both backends: JSON shape, filters, CSV/XLSX through the formula
guard, a clear one-line error for a database it cannot reach."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest
from click.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.cli import cli

pytest_plugins = ["pg_server"]

HOSTILE = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def filled(store, app_bank_file):
    bank = read_bank(app_bank_file)
    v = store.save_bank(bank, "kim-putin.json")
    a7 = store.publish(v.version, "7A", title="Kim")
    a8 = store.publish(v.version, "8B", title="Kim")
    keys = {it.id: it.answer for it in bank.items}
    for name, aid, code, answers in (
        ("Sari", a7.id, "7A", keys),
        (HOSTILE, a7.id, "7A", {"c-pyongyang": "@SUM(A1:A9)"}),
        ("Ani", a8.id, "8B", {}),
    ):
        att = store.start_attempt(student=name, class_code=code, assignment_id=aid)
        store.submit(att.token, None, answers)
    return store, v


def run(url, *args):
    return CliRunner().invoke(cli, ["results", "--db", url, *args], catch_exceptions=False)


def test_json_is_a_list_of_attempts_with_answers(filled, store_url):
    _, v = filled
    out = run(store_url, "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [d["student"] for d in data] == ["Sari", HOSTILE, "Ani"]
    first = data[0]
    assert set(first) == {"student", "class_code", "quiz", "version", "submitted_at", "correct", "total",
                          "percent", "answers"}  # fmt: skip
    assert (first["quiz"], first["version"], first["correct"], first["total"], first["percent"]) == (
        "kim-putin.json", v.version, 8, 8, 100.0)  # fmt: skip
    assert first["submitted_at"].endswith("+00:00") and len(first["answers"]) == 8
    assert {"item_id", "response", "correct"} <= set(first["answers"][0])
    assert "3 attempts" in out.stderr
    only = json.loads(run(store_url, "--format", "json", "--class", "8b", "--quiz", "kim-putin.json").stdout)
    assert [d["student"] for d in only] == ["Ani"]
    assert json.loads(run(store_url, "--format", "json", "--quiz", "nothing.json").stdout) == []


def test_csv_and_xlsx_are_guarded(filled, store_url, tmp_path):
    out = run(store_url, "--class", "7A", "-o", str(tmp_path / "r.csv"))
    assert out.exit_code == 0 and "2 attempts written" in out.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))))
    assert [r["student"] for r in rows] == ["Sari", "'" + HOSTILE]
    assert rows[1]["c-pyongyang"] == "'@SUM(A1:A9)" and rows[0]["m-sekutu"] == "Rusia"
    out = run(store_url, "-o", str(tmp_path / "r.xlsx"))
    assert out.exit_code == 0
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["Attempts", "Answers"]
    cells = [c.value for row in wb["Attempts"].iter_rows() for c in row]
    assert "'" + HOSTILE in cells and HOSTILE not in cells
    assert not any(isinstance(v, str) and v.startswith("=") for row in wb["Answers"].iter_rows()
                   for v in (c.value for c in row))  # fmt: skip
    assert wb["Answers"].max_row == 1 + 3 * 8


def test_an_unreachable_database_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZGEN_DB_RETRY_SECONDS", "0.5")
    out = CliRunner().invoke(cli, ["results", "--db", "postgresql://nobody:secret@127.0.0.1:1/none"])
    assert out.exit_code == 1 and "Traceback" not in out.output
    assert "try again" in out.stderr and "secret" not in out.stderr
    out = CliRunner().invoke(cli, ["results", "--db", str(tmp_path / "none.sqlite3")])
    assert out.exit_code == 1 and "no results database" in out.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # a read never creates a database
    (tmp_path / "afile").write_text("x")
    (tmp_path / "bad.sqlite3").write_bytes(b"not a database at all" * 100)
    out = CliRunner().invoke(cli, ["results", "--db", str(tmp_path / "bad.sqlite3")])
    assert out.exit_code == 1 and "QUIZGEN_DB" in out.stderr and len(out.stderr.strip().splitlines()) == 1
