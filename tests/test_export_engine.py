"""Banks the engine makes (sample article, corpus articles, and question_banks/ when present)
go through every exporter and come back through the importers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_export_gift import check_against_parser
from test_export_lms import check_moodle, qti_items, read_qti
from test_export_support import DATA, gift_parse

import quizgen
from quizgen.bank import read_bank
from quizgen.errors import ExportError
from quizgen.exporters import EXPORTERS, export_bank
from quizgen.importers import import_file

ROOT = Path(__file__).parents[1]
ARTICLES = [DATA / "id-kim-putin-2024.txt", *sorted((DATA / "corpus").glob("*.txt"))]


@pytest.fixture(scope="module", params=[p.name for p in ARTICLES])
def engine_bank(request):
    return quizgen.generate(
        str(DATA / ("corpus" if request.param != "id-kim-putin-2024.txt" else "") / request.param), seed=1
    )


def _fits(name, bank) -> bool:
    """Could this choice-only format carry at least one item of the bank?"""
    choice = [it for it in bank.items if it.options]
    if name == "aiken":
        return bool(choice)
    if name == "kahoot":
        return any(
            len(it.prompt) <= 120 and len(it.options) <= 4 and all(len(o) <= 75 for o in it.options)
            for it in choice
        )
    return True


def _check_bank(bank, tmp_path):
    for name in EXPORTERS:
        try:
            result = EXPORTERS[name](bank)
        except ExportError as e:
            # refusing is right only when nothing fits, and the refusal says so
            assert not _fits(name, bank), f"{name} refused a bank it could carry: {e}"
            assert "nothing was written" in str(e) or str(e)
            continue
        assert result.data, name
        assert set(result.skipped_ids) <= {it.id for it in bank.items}
    gift = tmp_path / "b.gift.txt"
    export_bank(bank, "gift", gift)
    check_against_parser(bank, gift_parse(gift))
    check_moodle(bank, EXPORTERS["moodle-xml"](bank).data)
    _, assessment, _ = read_qti(EXPORTERS["qti"](bank).data)
    assert [q["title"] for q in qti_items(assessment)] == [it.id for it in bank.items]
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"b.{fmt}"
        export_bank(bank, fmt, path)
        # a table holds the bank's items; the ranked alternates stay in the JSON bank only
        assert import_file(path).bank.to_json() == replace(bank, alternates=()).to_json()


def test_engine_banks_export_everywhere(engine_bank, tmp_path):
    assert engine_bank.items
    _check_bank(engine_bank, tmp_path)


def test_committed_question_banks(tmp_path):
    banks = sorted((ROOT / "question_banks").glob("*.json"))
    if not banks:
        pytest.skip("no question_banks/*.json yet")
    for path in banks:
        _check_bank(read_bank(path), tmp_path)
