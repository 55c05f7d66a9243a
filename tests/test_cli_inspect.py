"""``quizgen inspect`` through click's CliRunner: JSON shape, human view, stdin, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import cli

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
ENGLISH = DATA / "text" / "onestopenglish-adv-malala.txt"


def run(*args, input=None):
    return CliRunner().invoke(cli, ["inspect", *args], input=input)


@pytest.fixture(scope="module")
def sample_json() -> dict:
    result = run(str(SAMPLE), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_shape(sample_json):
    d = sample_json
    for key in ("language", "title", "date", "text", "sentences", "candidates", "removed", "dropped"):
        assert key in d
    assert d["language"] == "id"
    assert d["title"].startswith("Kim Jong-un dan Vladimir Putin")
    assert d["date"].startswith("20 Jun 2024")
    assert 20 <= len(d["sentences"]) <= 30
    assert d["sentences"][0]["text"].startswith("Presiden Rusia Vladimir Putin menerima")
    text = d["text"]
    for s in d["sentences"]:
        assert set(s) >= {"text", "start", "end"}
        assert text[s["start"] : s["end"]] == s["text"]
    for c in d["candidates"]:
        assert set(c) >= {"text", "type", "start", "end", "reasons", "subtype", "group", "score"}
        assert text[c["start"] : c["end"]] == c["text"]
        assert isinstance(c["reasons"], list) and c["reasons"]
    kinds = {(c["text"], c["type"]) for c in d["candidates"]}
    for expected in [
        ("Vladimir Putin", "person"),
        ("Pyongyang", "place"),
        ("Korea Utara", "place"),
        ("Amerika Serikat", "place"),
        ("Rabu", "time"),
    ]:
        assert expected in kinds
    assert all(set(r) >= {"text", "reason"} for r in d["removed"])
    assert all(set(x) >= {"text", "start", "end", "reason"} for x in d["dropped"])


def test_human_view():
    result = run(str(SAMPLE))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Title:    Kim Jong-un dan Vladimir Putin" in out
    assert "Language: id" in out
    assert "    1. Presiden Rusia Vladimir Putin menerima" in out
    assert "'Vladimir Putin'" in out and "person" in out
    assert "title 'Presiden' before it" in out
    assert "Dropped:" not in out
    verbose = run(str(SAMPLE), "-v").output
    assert "Dropped:" in verbose and "sentence-initial" in verbose


def test_stdin_and_language_option():
    text = ENGLISH.read_text(encoding="utf-8")
    result = run("-", "--json", "--lang", "en", input=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert d["language"] == "en"
    assert any(c["text"] == "Pakistan" and c["type"] == "place" for c in d["candidates"])


def test_auto_language_on_english_file():
    d = json.loads(run(str(ENGLISH), "--json").output)
    assert d["language"] == "en"


@pytest.mark.parametrize(
    "args, input",
    [
        (["no-such-article.txt"], None),
        (["-"], b""),
        (["-"], b"\x00\x01\x02\x03binary\x00\x00"),
        ([str(SAMPLE), "--lang", "xx"], None),
    ],
)
def test_errors_are_one_line_and_exit_1(args, input):
    result = run(*args, input=input)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    assert "Traceback" not in result.output


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "Example:" in result.output and "quizgen inspect" in result.output
