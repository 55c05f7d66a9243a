"""``csv`` and ``xlsx``: one row per item, columns a teacher can edit in a spreadsheet.

Layout (read back by :mod:`quizgen.importers.table`):

* ``id, kind, prompt, option_1..option_N, answer, accepted_1..accepted_K, difficulty, skill,
  explanation, source_sentence, source_start, source_end, answer_start, answer_end, reason,
  extra`` (``extra`` is JSON for fields a teacher does not edit: template, features).
* CSV: a last row of kind ``#bank`` holds the bank's title, article text and details (JSON).
  Every value that a spreadsheet would run as a formula gets a leading ``'``.
* XLSX: sheets ``Items`` (the columns above), ``Answer key``, ``Article`` and ``Bank``;
  text is always stored as a text cell, never as a formula.
"""

from __future__ import annotations

import io
import json
import re

from ..bank import Bank, Item
from ..errors import ExportError
from .base import LETTERS, ExportResult, Skips, guard_formula, is_choice, key_index, no_controls

BANK_ROW_KIND = "#bank"
BANK_ROW_NOTE = "Keep this row: it holds the article and the bank's details for 'quizgen import'."
MIN_OPTIONS = 4
MIN_ACCEPTED = 2
ARTICLE_FIRST_ROW = 4  # Article sheet: title, details, blank line, then the text one line a row
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def columns(n_options: int, n_accepted: int) -> list[str]:
    return [
        "id",
        "kind",
        "prompt",
        *(f"option_{i}" for i in range(1, n_options + 1)),
        "answer",
        *(f"accepted_{i}" for i in range(1, n_accepted + 1)),
        "difficulty",
        "skill",
        "explanation",
        "source_sentence",
        "source_start",
        "source_end",
        "answer_start",
        "answer_end",
        "reason",
        "extra",
    ]


def _extra(item: Item) -> str:
    extra = {}
    if item.template:
        extra["template"] = item.template
    if item.features:
        extra["features"] = item.features
    return json.dumps(extra, ensure_ascii=False) if extra else ""


def item_rows(bank: Bank) -> tuple[list[str], list[list]]:
    """The header and one row per item (numbers as ints, text as str)."""
    n_opt = max([MIN_OPTIONS, *(len(it.options) for it in bank.items)])
    n_acc = max([MIN_ACCEPTED, *(len(it.accepted) for it in bank.items)])
    header = columns(n_opt, n_acc)
    rows = []
    for it in bank.items:
        span = it.answer_span or (None, None)
        rows.append(
            [
                it.id,
                it.kind,
                it.prompt,
                *list(it.options),
                *[""] * (n_opt - len(it.options)),
                it.answer,
                *list(it.accepted),
                *[""] * (n_acc - len(it.accepted)),
                it.difficulty,
                it.skill,
                it.explanation,
                it.source.sentence,
                it.source.start,
                it.source.end,
                span[0],
                span[1],
                it.reason,
                _extra(it),
            ]
        )
    return header, rows


def bank_meta(bank: Bank) -> dict:
    """The bank's fields other than its items and article text."""
    article = {k: v for k, v in bank.article.items() if k != "text"}
    return {
        "id": bank.id,
        "title": bank.title,
        "language": bank.language,
        "created": bank.created,
        "generator": bank.generator,
        "settings": bank.settings,
        "article": article,
    }


def export_csv(bank: Bank) -> ExportResult:
    """UTF-8 CSV (with a byte-order mark so that Excel reads the accents right)."""
    import pandas as pd

    header, rows = item_rows(bank)
    bank_row = [""] * len(header)
    bank_row[header.index("id")] = bank.id
    bank_row[header.index("kind")] = BANK_ROW_KIND
    bank_row[header.index("prompt")] = bank.title
    bank_row[header.index("explanation")] = BANK_ROW_NOTE
    bank_row[header.index("source_sentence")] = bank.text
    bank_row[header.index("extra")] = json.dumps(bank_meta(bank), ensure_ascii=False)
    cells = [
        [guard_formula(no_controls(v)) if isinstance(v, str) else ("" if v is None else str(v)) for v in row]
        for row in [*rows, bank_row]
    ]
    frame = pd.DataFrame(cells, columns=header, dtype=object)
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\r\n")
    return ExportResult(data=buf.getvalue().encode("utf-8-sig"))


def _check_xlsx_text(value, where: str) -> None:
    if isinstance(value, str):
        if _ILLEGAL_XLSX.search(value):
            raise ExportError(f"{where} holds a control character that Excel files cannot store; remove it.")
        if len(value) > 32767:
            raise ExportError(f"{where} is {len(value)} characters; an Excel cell holds at most 32,767.")


def _put(ws, row: int, col: int, value, where: str):
    """Write one cell; text is always a text cell (openpyxl would store '=...' as a formula)."""
    _check_xlsx_text(value, where)
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def export_xlsx(bank: Bank) -> ExportResult:
    """An Excel workbook with the items, an answer key and the article."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    header, rows = item_rows(bank)
    skips = Skips("xlsx")
    buf = io.BytesIO()
    # pandas lays the sheets out; every cell is then rewritten through _put so that no
    # text is ever stored as a formula.
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        pd.DataFrame(columns=header).to_excel(writer, sheet_name="Items", index=False)
        pd.DataFrame(columns=["No.", "id", "letter", "answer"]).to_excel(
            writer, sheet_name="Answer key", index=False
        )
        book = writer.book
        ws = book["Items"]
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                _put(ws, r, c, value, f"Item {row[0]}, column {header[c - 1]}")
        for c, name in enumerate(header, start=1):
            ws.cell(row=1, column=c).font = Font(bold=True)
            width = 60 if name in ("prompt", "source_sentence", "explanation") else 18
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "C2"

        key = book["Answer key"]
        for n, it in enumerate(bank.items, start=1):
            letter = LETTERS[key_index(it)] if is_choice(it) and key_index(it) < len(LETTERS) else ""
            for c, value in enumerate([n, it.id, letter, it.answer], start=1):
                _put(key, n + 1, c, value, f"Item {it.id}")
        for c in range(1, 5):
            key.cell(row=1, column=c).font = Font(bold=True)
        key.column_dimensions["D"].width = 50

        art = book.create_sheet("Article")
        _put(art, 1, 1, bank.article.get("title") or bank.title, "The article title").font = Font(
            bold=True, size=14
        )
        details = " · ".join(str(bank.article.get(k)) for k in ("date", "source") if bank.article.get(k))
        _put(art, 2, 1, details, "The article details")
        for n, line in enumerate(bank.text.split("\n")):
            cell = _put(art, ARTICLE_FIRST_ROW + n, 1, line, f"Line {n + 1} of the article")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        art.column_dimensions["A"].width = 110

        meta = book.create_sheet("Bank")
        _put(meta, 1, 1, "field", "")
        _put(meta, 1, 2, "value (JSON)", "")
        fields = {**bank_meta(bank), "article_lines": len(bank.text.split("\n")) if bank.text else 0}
        for r, (k, v) in enumerate(fields.items(), start=2):
            _put(meta, r, 1, k, "")
            _put(meta, r, 2, json.dumps(v, ensure_ascii=False), f"The bank field {k}")
    return skips.result(buf.getvalue())
