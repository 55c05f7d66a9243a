"""Issue 13, finding 8: no field of a bank can add a line, a question or markup to an export.

The attack: a bank id edited in a spreadsheet to hold a newline and a GIFT question, then
imported (lint: 0 errors); the header comment ``// quizgen bank {id}`` was written raw, so
the GIFT file held one question more than the bank. Also GIFT passed HTML through (Moodle
reads GIFT text as HTML).
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace

import pytest
from test_export_support import fixture_bank, gift_parse

from quizgen.exporters import EXPORTERS, export_bank
from quizgen.exporters.base import one_line, plain_text
from quizgen.importers import import_file

INJECTED = "::evil::Injected question? {=yes ~no}"
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85"]


def injected_bank(brk: str):
    bank = fixture_bank()
    bad = f"{brk}{brk}{INJECTED}{brk}// "
    items = list(bank.items)
    items[0] = replace(items[0], id=items[0].id + bad)
    return replace(
        bank,
        id=bank.id + bad,
        title=bank.title + bad + "\x9b",
        article={**bank.article, "source": "s.txt" + bad, "title": "T" + bad},
        items=tuple(items),
    )


def test_gift_injection_through_the_bank_id_is_gone_via_a_spreadsheet(tmp_path):
    bank = fixture_bank()
    sheet = tmp_path / "edited.csv"
    export_bank(bank, "csv", sheet)
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    header = rows[0]
    bank_row = next(r for r in rows if r[header.index("kind")] == "#bank")
    bank_row[header.index("id")] = bank.id + "\n" + INJECTED + "\n"  # typed into the cell
    with open(sheet, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    edited = import_file(sheet).bank
    assert "\n" in edited.id
    out = tmp_path / "bank.gift.txt"
    export_bank(edited, "gift", out)
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("// quizgen bank ") and INJECTED in text.splitlines()[0]
    back = import_file(out, language="id").bank
    assert len(back.items) == len(bank.items)  # was one more: the injected question
    parsed = [q for q in gift_parse(out) if q["type"] != "Category"]
    assert len(parsed) == len(bank.items)


@pytest.mark.parametrize("brk", BREAKS, ids=[repr(b) for b in BREAKS])
def test_no_field_starts_a_line_in_line_based_formats(brk, tmp_path):
    bank = injected_bank(brk)
    for fmt in ("gift", "aiken"):
        data = EXPORTERS[fmt](bank).data.decode("utf-8")
        for line in re.split("\r\n|[\n\r\x85\u2028\u2029]", data):
            assert not line.startswith("::evil::"), (fmt, line)
            assert not line.lstrip().startswith("=yes")
        assert not re.search("[\x80-\x9f\u2028\u2029]", data), fmt
    back = import_file(_write(tmp_path / "b.gift.txt", EXPORTERS["gift"](bank).data), language="id").bank
    assert len(back.items) == len(bank.items)


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("brk", BREAKS, ids=[repr(b) for b in BREAKS])
def test_structured_formats_keep_their_shape(brk):
    bank = injected_bank(brk)
    rows = list(csv.reader(io.StringIO(EXPORTERS["csv"](bank).data.decode("utf-8-sig"))))
    assert len(rows) == len(bank.items) + 2  # header, items, the bank row
    assert not any(re.search("[\x80-\x9f\u2028\u2029]", c) for r in rows for c in r)
    xml = EXPORTERS["moodle-xml"](bank).data
    root = ET.fromstring(xml)
    assert len(root.findall("question")) == len(bank.items) + 1
    assert "\n" not in root.find("question/category/text").text
    with zipfile.ZipFile(io.BytesIO(EXPORTERS["qti"](bank).data)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                body = z.read(name).decode("utf-8")
                ET.fromstring(body)
                assert not re.search("[\x80-\x9f\u2028\u2029]", body), name
    assert EXPORTERS["worksheet-pdf"](bank).data.startswith(b"%PDF")
    html = EXPORTERS["worksheet-html"](bank).data.decode("utf-8")
    assert "<script" not in html


def test_gift_writes_html_as_text_for_moodle():
    bank = fixture_bank()
    items = list(bank.items)
    mcq = next(i for i, it in enumerate(items) if it.kind == "mcq")
    it = items[mcq]
    opts = list(it.options)
    wrong = next(n for n, o in enumerate(opts) if o != it.answer)
    opts[wrong] = "<img src=x onerror=alert(1)>"
    items[mcq] = replace(
        it,
        prompt="<script>alert(1)</script> AT&T " + it.prompt,
        options=tuple(opts),
        explanation="a <b>b</b>",
    )
    gift = EXPORTERS["gift"](replace(bank, items=tuple(items))).data.decode("utf-8")
    assert "<script" not in gift and "<img" not in gift and "<b>" not in gift
    assert "[html]&lt;script&gt;alert(1)&lt;/script&gt; AT&amp;T" in gift
    assert "[html]&lt;img src\\=x onerror\\=alert(1)&gt;" in gift


def test_text_helpers():
    assert plain_text("a\r\nb\rc\u2028d\x85e\x9bf\x07g\th") == "a\nb\nc\nd\ne f g\th"
    assert one_line(" a\n\u2029b\x1fc ") == "a b c"


FORMULAS = ['=HYPERLINK("http://evil.example","klik")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-2+3"]


def test_spreadsheet_downloads_hold_no_formula():
    """Finding 7, the parts outside the dataframe toolbar: every spreadsheet export and the
    results page's own CSV/XLSX buttons write formula-like texts as text."""
    import openpyxl
    import pandas as pd

    from quizgen.app.teacher_results import to_csv, to_xlsx

    bank = fixture_bank()
    items = list(bank.items)
    mcq = next(i for i, it in enumerate(items) if it.kind == "mcq" and len(it.options) <= 4)
    it = items[mcq]
    opts = [o if o == it.answer else FORMULAS[n] for n, o in enumerate(it.options)]
    items[mcq] = replace(it, prompt=FORMULAS[0] + " " + it.prompt, options=tuple(opts))
    bank = replace(bank, title=FORMULAS[1], items=tuple(items))
    rows = list(csv.reader(io.StringIO(EXPORTERS["csv"](bank).data.decode("utf-8-sig"))))
    assert not any(
        c[:1] in ("=", "+", "@") or (c[:1] == "-" and not c[1:2].isdigit()) for r in rows for c in r
    )
    for fmt in ("xlsx", "kahoot", "quizizz"):
        book = openpyxl.load_workbook(io.BytesIO(EXPORTERS[fmt](bank).data))
        cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], fmt
        assert any(str(c.value).startswith("=HYPERLINK") for c in cells), fmt  # kept, as text
    frame = pd.DataFrame({"student": FORMULAS, "percent": [1.0, 2.0, 3.0, 4.0]})
    got = list(csv.reader(io.StringIO(to_csv(frame).decode("utf-8-sig"))))
    assert [r[0] for r in got[1:]] == ["'" + f for f in FORMULAS[:2]] + ["'+1+1", "'-2+3"]
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(frame, "a")))
    assert not [c for row in book.active.iter_rows() for c in row if c.data_type == "f"]
