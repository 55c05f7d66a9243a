"""Export formats: a registry of :class:`Exporter` records, one small module per format.

``EXPORTERS[name](bank)`` returns an :class:`ExportResult` (bytes, skipped item ids and
warnings); :func:`export_bank` writes it in one step. Each module is imported only when its
format is used, so listing the formats stays fast.

Example:
    >>> from quizgen.exporters import EXPORTERS
    >>> result = EXPORTERS["gift"](bank)
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable

from ..bank import Bank, atomic_write
from ..errors import ExportError
from .base import Exporter, ExportResult


def _lazy(module: str, attr: str) -> Callable[[Bank], ExportResult]:
    def run(bank: Bank) -> ExportResult:
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)(bank)

    run.__name__ = attr
    return run


_FORMATS = [
    (
        "json",
        ".json",
        False,
        "the bank file itself (quizgen bank format, version 1)",
        "json_fmt",
        "export_json",
    ),
    ("csv", ".csv", False, "one row per item for a spreadsheet; formulas neutralised", "table", "export_csv"),
    ("xlsx", ".xlsx", True, "Excel workbook: items, answer key and the article", "table", "export_xlsx"),
    (
        "gift",
        ".gift.txt",
        False,
        "Moodle GIFT text (multiple choice, short answer, true/false, missing word)",
        "gift",
        "export_gift",
    ),
    (
        "moodle-xml",
        ".xml",
        False,
        "Moodle XML (multichoice, shortanswer, truefalse, cloze)",
        "moodle_xml",
        "export_moodle_xml",
    ),
    ("qti", ".zip", True, "QTI 1.2 zip for Canvas and other LMSs", "qti", "export_qti"),
    ("aiken", ".aiken.txt", False, "Aiken text (choice items only)", "aiken", "export_aiken"),
    (
        "kahoot",
        ".xlsx",
        True,
        "Kahoot quiz spreadsheet template (choice items, up to 4 answers)",
        "kahoot",
        "export_kahoot",
    ),
    ("quizizz", ".xlsx", True, "Quizizz / Wayground spreadsheet template", "quizizz", "export_quizizz"),
    (
        "worksheet-html",
        ".html",
        False,
        "printable worksheet: article, questions, answer key page",
        "worksheet_html",
        "export_worksheet_html",
    ),
    ("worksheet-pdf", ".pdf", True, "printable worksheet as PDF", "worksheet_pdf", "export_worksheet_pdf"),
]

EXPORTERS: dict[str, Exporter] = {
    name: Exporter(name, suffix, binary, desc, _lazy(mod, attr))
    for name, suffix, binary, desc, mod, attr in _FORMATS
}


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; a helpful :class:`ExportError` for an unknown one."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ExportError(
            f"There is no export format called {name!r}; choose one of: {', '.join(EXPORTERS)}."
        ) from None


def export_bank(bank: Bank, name: str, path: str | os.PathLike) -> ExportResult:
    """Export ``bank`` as format ``name`` to ``path`` (written atomically: no half files)."""
    result = get_exporter(name)(bank)
    atomic_write(path, result.data)
    return result


__all__ = ["EXPORTERS", "Exporter", "ExportResult", "export_bank", "get_exporter"]
