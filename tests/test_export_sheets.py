"""csv, xlsx, Kahoot and Quizizz exports read back with the csv module, openpyxl and pandas;
the formula-injection guard on hostile text."""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from openpyxl import load_workbook
from test_export_support import fixture_bank, hostile_bank

from quizgen.bank import Item, Source
from quizgen.errors import ExportError
from quizgen.exporters import EXPORTERS
from quizgen.exporters.base import guard_formula, is_choice, unguard_formula
from quizgen.exporters.kahoot import HEADER_ROW, TIME_LIMITS

FORMULA_START = re.compile(r"^[=+\-@\t\r\n]")
PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")


def csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "value, guarded",
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("-12", "-12"),
        ("-3.5", "-3.5"),
        ("plain", "plain"),
        ("'=x", "''=x"),
        ("'quoted'", "'quoted'"),
        ("", ""),
    ],
)
def test_guard_formula(value, guarded):
    assert guard_formula(value) == guarded
    assert unguard_formula(guarded) == value


@settings(max_examples=60, deadline=None)
@given(bank=hostile_bank())
def test_no_csv_cell_starts_a_formula(bank):
    for row in csv_cells(EXPORTERS["csv"](bank).data):
        for cell in row:
            assert not FORMULA_START.match(cell) or PLAIN_NUMBER.match(cell), cell


def _all_cells(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                yield ws.title, cell


@settings(max_examples=40, deadline=None)
@given(bank=hostile_bank())
def test_no_xlsx_cell_is_a_formula(bank):
    for fmt in ("xlsx", "quizizz"):
        for _, cell in _all_cells(EXPORTERS[fmt](bank).data):
            assert cell.data_type != "f", (fmt, cell.coordinate, cell.value)


def test_formula_text_stays_text_in_xlsx():
    bank = fixture_bank()
    evil = "=cmd|' /C calc'!A0"
    bank = bank.with_items([dataclasses.replace(bank.items[4], prompt=evil)])
    wb = load_workbook(io.BytesIO(EXPORTERS["xlsx"](bank).data))
    cell = wb["Items"]["C2"]
    assert cell.value == evil and cell.data_type == "s"
    # and pandas reads it back as the same text
    frame = pd.read_excel(io.BytesIO(EXPORTERS["xlsx"](bank).data), sheet_name="Items", dtype=str)
    assert frame.loc[0, "prompt"] == evil


def test_xlsx_sheets_answer_key_and_article():
    bank = fixture_bank()
    data = EXPORTERS["xlsx"](bank).data
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Items", "Answer key", "Article", "Bank"]
    items = pd.read_excel(io.BytesIO(data), sheet_name="Items", dtype=str, keep_default_na=False)
    assert list(items["id"]) == [it.id for it in bank.items]
    assert list(items["answer"]) == [it.answer for it in bank.items]
    key = pd.read_excel(io.BytesIO(data), sheet_name="Answer key", dtype=str, keep_default_na=False)
    for it, (_, row) in zip(bank.items, key.iterrows(), strict=True):
        assert row["id"] == it.id and row["answer"] == it.answer
        if is_choice(it):
            assert it.options["ABCDEFGH".index(row["letter"])] == it.answer
    art = wb["Article"]
    assert art["A1"].value == bank.article["title"]
    assert art["A4"].value == bank.text.split("\n")[0]


def test_csv_columns_and_rows():
    bank = fixture_bank()
    rows = csv_cells(EXPORTERS["csv"](bank).data)
    header = rows[0]
    for col in (
        "id",
        "kind",
        "prompt",
        "option_1",
        "answer",
        "accepted_1",
        "difficulty",
        "skill",
        "source_sentence",
    ):
        assert col in header
    assert len(rows) == 1 + len(bank.items) + 1  # items and the bank row
    assert rows[-1][header.index("kind")] == "#bank"
    assert EXPORTERS["csv"](bank).data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a BOM


# ---------------------------------------------------------------- Kahoot


def _long_bank():
    bank = fixture_bank()
    base = bank.items[4]
    five = dataclasses.replace(base, id="m-five", options=(*base.options, "di Beijing"))
    long_answer = dataclasses.replace(
        base, id="m-long", options=("x" * 76, *base.options[1:]), answer=base.options[1]
    )
    evil = dataclasses.replace(base, id="m-evil", prompt='=HYPERLINK("http://x")?')
    return bank.with_items([*bank.items, five, long_answer, evil])


def test_kahoot_template_layout_and_limits():
    bank = _long_bank()
    result = EXPORTERS["kahoot"](bank)
    ws = load_workbook(io.BytesIO(result.data)).active
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[1] == "Question - max 120 characters"
    assert header[2:6] == [f"Answer {i} - max 75 characters" for i in range(1, 5)]
    assert header[6].startswith("Time limit (sec)")
    assert header[7] == "Correct answer(s) - choose at least one"
    rows = [
        r for r in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True) if any(v is not None for v in r)
    ]
    written = [it for it in bank.items if it.id not in result.skipped_ids]
    assert len(rows) == len(written)
    for it, row in zip(written, rows, strict=True):
        question, answers, limit, correct = row[1], [a for a in row[2:6] if a is not None], row[6], row[7]
        assert question == it.prompt and len(question) <= 120
        assert answers == list(it.options) and all(len(a) <= 75 for a in answers)
        assert limit in TIME_LIMITS
        assert answers[int(correct) - 1] == it.answer
    reasons = dict(result.skipped)
    assert "typed" in reasons["s-6d21b9"] and "typed" in reasons["c-2a9c47"]
    assert "120" in reasons["c-5f1d2a"]
    assert "4 answers" in reasons["m-five"]
    assert "75" in reasons["m-long"]
    assert "m-evil" not in reasons
    evil_cell = next(c for c in ws["B"] if c.value and str(c.value).startswith("=HYPERLINK"))
    assert evil_cell.data_type == "s"
    assert any("kahoot: skipped" in w and "s-6d21b9" in w for w in result.warnings)


def test_kahoot_refuses_a_bank_with_nothing_that_fits():
    bank = fixture_bank()
    typed = [it for it in bank.items if it.kind == "short_answer"]
    with pytest.raises(ExportError, match="No item of this bank fits Kahoot"):
        EXPORTERS["kahoot"](bank.with_items(typed))


def test_quizizz_template():
    bank = _long_bank()
    six = dataclasses.replace(
        bank.item("m-five"), id="m-six", options=(*bank.item("m-five").options, "di Hanoi")
    )
    bank = bank.with_items([*bank.items, six])
    result = EXPORTERS["quizizz"](bank)
    frame = pd.read_excel(io.BytesIO(result.data), dtype=str, keep_default_na=False)
    assert list(frame.columns) == [
        "Question Text",
        "Question Type",
        "Option 1",
        "Option 2",
        "Option 3",
        "Option 4",
        "Option 5",
        "Correct Answer",
        "Time in seconds",
        "Image Link",
        "Answer explanation",
    ]
    written = [it for it in bank.items if it.id not in result.skipped_ids]
    assert result.skipped_ids == ("m-six",)
    assert len(written) == len(frame)
    for it, (_, row) in zip(written, frame.iterrows(), strict=True):
        assert row["Question Text"] == it.prompt
        if is_choice(it):
            assert row["Question Type"] == "Multiple Choice"
            assert row[f"Option {row['Correct Answer']}"] == it.answer
        else:
            assert row["Question Type"] == "Fill-in-the-Blank"
            assert row["Option 1"] == it.answer
        assert int(row["Time in seconds"]) > 0


def test_control_characters_are_refused_not_written(tmp_path):
    bank = fixture_bank()
    bad = Item(id="bad", kind="short_answer", prompt="bell\x07", answer="x", source=Source("", 0, 0))
    bank = bank.with_items([*bank.items, bad])
    for fmt in ("xlsx", "kahoot", "quizizz", "moodle-xml", "qti"):
        with pytest.raises(ExportError, match="bad"):
            EXPORTERS[fmt](bank)
