"""``kahoot``: Kahoot's quiz spreadsheet template.

Instruction rows on top, headers on row 8, one question a row from row 9: question (at most
120 characters), answers 1-4 (at most 75 characters each), time limit (5, 10, 20, 30, 60,
90, 120 or 240 seconds) and the correct answer(s) as 1-based numbers. Kahoot has no typed
answers and at most four answers: items that do not fit are reported, never cut.
"""

from __future__ import annotations

import io

from ..bank import Bank, Item
from ..errors import ExportError
from .base import ExportResult, Skips, check_xml_text, is_choice, key_index, one_line

HEADER_ROW = 8
FIRST_ROW = 9
MAX_QUESTION = 120
MAX_ANSWER = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADERS = [
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]
INSTRUCTIONS = [
    "Quiz template",
    "Made by quizgen. Import it in Kahoot: Create > Quiz > Add question > Import spreadsheet.",
    "Questions start on row 9; each has 2 to 4 answers, a time limit and the number(s) of the correct answer(s).",
]


def time_limit(item: Item) -> int:
    """Reading time for a question: about 2.5 words a second plus a few seconds, rounded up to a Kahoot step."""
    words = len(item.prompt.split()) + sum(len(o.split()) for o in item.options)
    need = 5 + words / 2.5
    return next((t for t in TIME_LIMITS if t >= need), TIME_LIMITS[-1])


def why_not(item: Item) -> str | None:
    """The reason an item does not fit Kahoot, or ``None``."""
    if not is_choice(item):
        return "typed answers: Kahoot quizzes have no typed answers"
    if len(item.options) > MAX_ANSWERS:
        return f"more than {MAX_ANSWERS} answers"
    if len(one_line(item.prompt)) > MAX_QUESTION:
        return f"question longer than {MAX_QUESTION} characters"
    if any(len(one_line(o)) > MAX_ANSWER for o in item.options):
        return f"an answer longer than {MAX_ANSWER} characters"
    return None


def export_kahoot(bank: Bank) -> ExportResult:
    """The items that fit, as Kahoot's xlsx template."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    check_xml_text(bank, "Kahoot")
    skips = Skips("kahoot")
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for r, line in enumerate(INSTRUCTIONS, start=2):
        ws.cell(row=r, column=2, value=line).data_type = "s"
    ws.cell(row=2, column=2).font = Font(bold=True, size=14)
    for c, name in enumerate(HEADERS, start=1):
        ws.cell(row=HEADER_ROW, column=c, value=name or None).font = Font(bold=True)
    row = FIRST_ROW
    for item in bank.items:
        reason = why_not(item)
        if reason:
            skips.skip(item, reason)
            continue
        values = [
            row - FIRST_ROW + 1,
            one_line(item.prompt),
            *(one_line(o) for o in item.options),
            *[None] * (MAX_ANSWERS - len(item.options)),
            time_limit(item),
            str(key_index(item) + 1),
        ]
        for c, v in enumerate(values, start=1):
            cell = ws.cell(row=row, column=c, value=v)
            if isinstance(v, str):
                cell.data_type = "s"  # never a formula
        row += 1
    if row == FIRST_ROW:
        raise ExportError(
            "No item of this bank fits Kahoot (choice items with up to 4 short answers); nothing was written."
        )
    ws.column_dimensions["B"].width = 60
    for col in "CDEF":
        ws.column_dimensions[col].width = 28
    buf = io.BytesIO()
    wb.save(buf)
    return skips.result(buf.getvalue())
