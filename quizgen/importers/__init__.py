"""Read a bank back from a file a teacher edited: ``json``, ``csv``, ``xlsx`` (as exported by
quizgen) or ``gift`` (e.g. an existing Moodle question bank).

Example:
    >>> from quizgen.importers import import_file
    >>> result = import_file("bank.csv")
    >>> result.bank, result.warnings
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..bank import Bank, read_bank
from ..errors import ExportError

FORMATS = ("json", "csv", "xlsx", "gift")
_SUFFIXES = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".gift": "gift", ".txt": "gift"}


@dataclass(frozen=True)
class ImportResult:
    """A bank read from a file, and what the reader had to leave out or guess."""

    bank: Bank
    warnings: tuple[str, ...] = ()


def guess_format(path: str | os.PathLike) -> str:
    """The import format of a file, from its name (``.gift.txt`` and ``.txt`` are GIFT)."""
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ExportError(
            f"Cannot tell the format of {Path(path).name}; name it .json, .csv, .xlsx or .gift, "
            "or pass the format."
        )
    return _SUFFIXES[suffix]


def import_file(
    path: str | os.PathLike, fmt: str | None = None, *, language: str = "en", base: Bank | None = None
) -> ImportResult:
    """Read a bank from ``path``.

    Args:
        path: the file.
        fmt: ``json``, ``csv``, ``xlsx`` or ``gift``; guessed from the file name when ``None``.
        language: the language of a GIFT file (GIFT does not record it).
        base: a bank to take the article and details from when a spreadsheet lacks them.

    Raises:
        ExportError: the file cannot be read or a row is invalid (the message names the row
            and column).
        BankError: a JSON file is not a valid bank.
    """
    fmt = fmt or guess_format(path)
    p = Path(path)
    if not p.is_file():
        raise ExportError(f"There is no file at {p}.")
    if fmt == "json":
        return ImportResult(read_bank(p))
    if fmt == "csv":
        from .table import read_csv

        return read_csv(p, base=base)
    if fmt == "xlsx":
        from .table import read_xlsx

        return read_xlsx(p, base=base)
    if fmt == "gift":
        from .gift import read_gift

        return read_gift(p, language=language)
    raise ExportError(f"Cannot import the format {fmt!r}; choose one of: {', '.join(FORMATS)}.")


__all__ = ["FORMATS", "ImportResult", "guess_format", "import_file"]
