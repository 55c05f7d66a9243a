"""The bundled banks are valid, pass the item checks, and match what the engine makes now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quizgen
from quizgen.engine.checks import lint_bank

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {
    "id-kim-putin-2024.json": ROOT / "tests" / "data" / "id-kim-putin-2024.txt",
    "en-norwegian-sun.json": ROOT / "tests" / "data" / "engine" / "en-norwegian-sun.txt",
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_bundled_bank_is_current(name):
    path = ROOT / "question_banks" / name
    bank = quizgen.read_bank(path)
    assert not [p for p in lint_bank(bank) if p.severity == "error"]
    opts = bank.generator["options"]
    fresh = quizgen.generate(
        SOURCES[name],
        language=opts["language"],
        count=opts["count"],
        kinds=opts["kinds"],
        difficulty=opts["difficulty"],
        seed=opts["seed"],
        cloze_choices=opts["cloze_choices"],
    )
    assert [it.to_dict() for it in fresh.items] == [it.to_dict() for it in bank.items], (
        f"question_banks/{name} is out of date: regenerate it (see question_banks/README.md)"
    )
    assert json.loads(path.read_text(encoding="utf-8"))["article"]["text"] == fresh.text
