"""Round trips json -> csv/xlsx -> import -> json, and spreadsheets a teacher edited."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given, settings
from openpyxl import load_workbook
from test_export_support import fixture_bank, hostile_bank

from quizgen.bank import write_bank
from quizgen.errors import ExportError
from quizgen.exporters import export_bank
from quizgen.importers import import_file


def _same(a, b) -> None:
    assert json.loads(a.to_json()) == json.loads(b.to_json())
    assert [it.features for it in a.items] == [it.features for it in b.items]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_fixture_round_trip_keeps_every_field(tmp_path, fmt):
    bank = fixture_bank()
    path = tmp_path / f"bank.{fmt}"
    export_bank(bank, fmt, path)
    back = import_file(path).bank
    _same(bank, back)
    out = tmp_path / "back.json"
    write_bank(back, out)
    assert out.read_text(encoding="utf-8") == bank.to_json()


@settings(max_examples=50, deadline=None)
@given(bank=hostile_bank())
def test_hostile_round_trip_csv(tmp_path_factory, bank):
    path = tmp_path_factory.mktemp("rt") / "bank.csv"
    export_bank(bank, "csv", path)
    _same(bank, import_file(path).bank)


@settings(max_examples=40, deadline=None)
@given(bank=hostile_bank())
def test_hostile_round_trip_xlsx(tmp_path_factory, bank):
    path = tmp_path_factory.mktemp("rt") / "bank.xlsx"
    export_bank(bank, "xlsx", path)
    _same(bank, import_file(path).bank)


def _read_csv(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def _write_csv(path, rows):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def test_teacher_edits_csv(tmp_path):
    bank = fixture_bank()
    path = tmp_path / "bank.csv"
    export_bank(bank, "csv", path)
    rows = _read_csv(path)
    h = rows[0]
    # edit the prompt of item 5, the options and answer of item 6, delete item 7, a formula-like prompt
    rows[5][h.index("prompt")] = "Di kota mana upacara penyambutan berlangsung?"
    rows[6][h.index("option_1")] = "Tiongkok"
    rows[6][h.index("answer")] = "Tiongkok"
    rows[8][h.index("prompt")] = "'=1+1 adalah dua."
    del rows[7]
    # a new row typed by the teacher, without id or offsets
    new = [""] * len(h)
    new[h.index("kind")], new[h.index("prompt")] = "short_answer", "Siapa pemimpin Korea Utara?"
    new[h.index("answer")], new[h.index("accepted_1")] = "Kim Jong Un", "Kim Jong-un"
    rows.insert(-1, new)
    _write_csv(path, rows)
    back = import_file(path).bank
    assert len(back.items) == len(bank.items)  # one deleted, one added
    assert back.items[4].prompt == "Di kota mana upacara penyambutan berlangsung?"
    assert back.items[5].options[0] == "Tiongkok" and back.items[5].answer == "Tiongkok"
    assert "m-5e2d88" not in [it.id for it in back.items]
    assert back.items[6].prompt == "=1+1 adalah dua."  # the formula guard is undone
    added = back.items[-1]
    assert added.kind == "short_answer" and added.id.startswith("s-") and added.accepted == ("Kim Jong-un",)
    assert back.text == bank.text and back.title == bank.title


@pytest.mark.parametrize(
    "column, value, message",
    [
        ("answer", "Jakarta", r"row 3, column answer \(H\): 'Jakarta' is not one of the options"),
        ("kind", "essay", r"row 3, column kind \(B\): 'essay' is not a question kind"),
        ("source_start", "sepuluh", r"row 3, column source_start \(\w+\): 'sepuluh' is not a whole number"),
        ("prompt", "", r"row 3, column prompt \(C\): is empty"),
        ("extra", "{oops", r"row 3, column extra \(\w+\): is not valid JSON"),
        ("id", "c-5f1d2a", r"row 3, column id \(A\): the id 'c-5f1d2a' is also used on row 2"),
        ("difficulty", "very hard", r"row 3: .*difficulty"),
    ],
)
def test_csv_errors_name_row_and_column(tmp_path, column, value, message):
    path = tmp_path / "bank.csv"
    export_bank(fixture_bank(), "csv", path)
    rows = _read_csv(path)
    rows[2][rows[0].index(column)] = value
    _write_csv(path, rows)
    with pytest.raises(ExportError, match=message):
        import_file(path)


def test_csv_cloze_needs_its_blank(tmp_path):
    path = tmp_path / "bank.csv"
    export_bank(fixture_bank(), "csv", path)
    rows = _read_csv(path)
    rows[1][2] = "Putin tiba di Pyongyang."
    _write_csv(path, rows)
    with pytest.raises(
        ExportError, match=r"row 2, column prompt \(C\): a cloze prompt must hold exactly one blank"
    ):
        import_file(path)


def test_csv_without_bank_row_needs_base(tmp_path):
    bank = fixture_bank()
    path = tmp_path / "bank.csv"
    export_bank(bank, "csv", path)
    rows = _read_csv(path)[:-1]
    _write_csv(path, rows)
    with pytest.raises(ExportError, match="--base"):
        import_file(path)
    _same(bank, import_file(path, base=bank).bank)


def test_teacher_edits_xlsx(tmp_path):
    bank = fixture_bank()
    path = tmp_path / "bank.xlsx"
    export_bank(bank, "xlsx", path)
    wb = load_workbook(path)
    ws = wb["Items"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("difficulty") + 1, value="hard")
    ws.cell(
        row=6, column=header.index("option_2") + 1, value=1945
    )  # Excel turns a typed number into a number
    ws.cell(row=6, column=header.index("answer") + 1, value=1945)
    ws.delete_rows(3)
    wb.save(path)
    back = import_file(path).bank
    assert len(back.items) == len(bank.items) - 1
    assert back.items[0].difficulty == "hard"
    changed = back.item("m-0c44f2")
    assert changed.options[1] == "1945" and changed.answer == "1945"
    ws = wb["Items"]
    ws.cell(row=4, column=header.index("answer") + 1, value="bukan pilihan")
    wb.save(path)
    with pytest.raises(ExportError, match=r"sheet Items, row 4, column answer \(H\)"):
        import_file(path)


def test_broken_files_are_reported(tmp_path):
    bad = tmp_path / "bank.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ExportError, match="not a readable Excel workbook"):
        import_file(bad)
    headerless = tmp_path / "x.csv"
    headerless.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ExportError, match="no column kind"):
        import_file(headerless)
    with pytest.raises(ExportError, match="Cannot tell the format"):
        import_file(tmp_path / "bank.docx")


def test_csv_saved_with_semicolons_by_a_localised_excel(tmp_path):
    bank = fixture_bank()
    path = tmp_path / "bank.csv"
    export_bank(bank, "csv", path)
    rows = _read_csv(path)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))
    _same(bank, import_file(path).bank)
