"""Issue 13, finding 10 and the CLI side of finding 1: every command given a bomb, a heading
with line breaks, or a bank an exporter fails on answers with one line and no traceback.

CliRunner runs with ``catch_exceptions=False``: an exception that escapes a command fails the
test."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.bombs import BOMBS, build  # noqa: E402


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False, input="")


def one_line(result) -> str:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("name", list(BOMBS))
@pytest.mark.parametrize("command", ["inspect", "generate"])
def test_bombs_are_one_line(tmp_path, name, command):
    path = build(name, tmp_path)
    args = [command, str(path)] + (["-o", str(tmp_path / "b.json")] if command == "generate" else [])
    line = one_line(run(args))
    assert "limit MAX_" in line
    assert not (tmp_path / "b.json").exists()


def test_heading_with_line_breaks_is_one_line(tmp_path):
    path = tmp_path / "judul.txt"
    path.write_text("Judul saja\nbaris kedua\n", encoding="utf-8")
    assert "only a title" in one_line(run(["inspect", str(path)]))


def test_exporter_failure_is_one_line(tmp_path):
    bank = read_bank(ROOT / "question_banks" / "id-kim-putin-2024.json")
    broken = replace(bank, items=(replace(bank.items[0], kind="true_false", options=("a",), answer="a"),))
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(broken.to_dict(), ensure_ascii=False), encoding="utf-8")
    for fmt in ("gift", "moodle-xml", "worksheet-pdf", "kahoot"):
        result = run(["export", str(path), "--format", fmt, "-o", str(tmp_path / f"x.{fmt}")])
        if result.exit_code != 0:
            one_line(result)
