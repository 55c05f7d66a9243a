"""Shared fixtures (keep this small): the app's fixture bank and isolated app folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def app_bank_file() -> Path:
    """The hand-written Indonesian bank over the sample article (all four item kinds)."""
    return DATA / "app_bank_id.json"


@pytest.fixture
def app_env(tmp_path, monkeypatch, app_bank_file):
    """QUIZGEN_DB and QUIZGEN_BANKS in tmp_path, the fixture bank in the bank folder."""
    banks = tmp_path / "banks"
    banks.mkdir()
    shutil.copy(app_bank_file, banks / app_bank_file.name)
    db = tmp_path / "db" / "quizgen.sqlite3"
    monkeypatch.setenv("QUIZGEN_DB", str(db))
    monkeypatch.setenv("QUIZGEN_BANKS", str(banks))
    monkeypatch.setenv("QUIZGEN_TEACHER_PASSWORD", "test-passcode")
    return {"db": db, "banks": banks}
