"""The ``json`` format: the bank file itself."""

from __future__ import annotations

import json

from ..bank import Bank, bank_from_dict
from .base import ExportResult


def export_json(bank: Bank) -> ExportResult:
    """The bank as its own UTF-8 JSON file (validated before it is returned)."""
    text = bank.to_json()
    bank_from_dict(json.loads(text))
    return ExportResult(data=text.encode("utf-8"))
