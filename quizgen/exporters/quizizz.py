"""``quizizz``: the Quizizz (Wayground) spreadsheet template.

Header row 1: Question Text, Question Type, Option 1-5, Correct Answer, Time in seconds,
Image Link, Answer explanation; one question a row from row 2. Choice items are "Multiple
Choice" with the correct option's number; typed items are "Fill-in-the-Blank" with the
accepted answers in the option columns. Items with more than five options are skipped.
"""

from __future__ import annotations

import io

from ..bank import Bank, Item
from ..errors import ExportError
from .base import ExportResult, Skips, check_xml_text, correct_answers, is_choice, key_index, one_line

HEADERS = [
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
MAX_OPTIONS = 5
TIMES = (5, 10, 20, 30, 45, 60, 90, 120, 180, 300)


def _time(item: Item) -> int:
    words = len(item.prompt.split()) + sum(len(o.split()) for o in item.options)
    need = 10 + words / 2
    return next((t for t in TIMES if t >= need), TIMES[-1])


def row_for(item: Item) -> tuple[list | None, str | None]:
    """The template row of one item, or the reason it cannot be written."""
    if is_choice(item):
        if len(item.options) > MAX_OPTIONS:
            return None, f"more than {MAX_OPTIONS} options"
        options = [one_line(o) for o in item.options]
        qtype, correct = "Multiple Choice", str(key_index(item) + 1)
    else:
        answers = correct_answers(item)
        if len(answers) > MAX_OPTIONS:
            answers = answers[:MAX_OPTIONS]  # reported by the caller
        options = [one_line(a) for a in answers]
        qtype, correct = "Fill-in-the-Blank", ""
    return [
        one_line(item.prompt),
        qtype,
        *options,
        *[None] * (MAX_OPTIONS - len(options)),
        correct,
        _time(item),
        None,
        one_line(item.explanation) or None,
    ], None


def export_quizizz(bank: Bank) -> ExportResult:
    """The bank as the Quizizz xlsx template."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    check_xml_text(bank, "Quizizz")
    skips = Skips("quizizz")
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for c, name in enumerate(HEADERS, start=1):
        ws.cell(row=1, column=c, value=name).font = Font(bold=True)
    r = 2
    for item in bank.items:
        values, reason = row_for(item)
        if values is None:
            skips.skip(item, reason or "")
            continue
        if not is_choice(item) and len(correct_answers(item)) > MAX_OPTIONS:
            skips.note(
                f"quizizz: item {item.id} has more than {MAX_OPTIONS} accepted answers; the first {MAX_OPTIONS} are written."
            )
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=v)
            if isinstance(v, str):
                cell.data_type = "s"
        r += 1
    if r == 2:
        raise ExportError("No item of this bank fits the Quizizz template; nothing was written.")
    ws.column_dimensions["A"].width = 60
    buf = io.BytesIO()
    wb.save(buf)
    return skips.result(buf.getvalue())
