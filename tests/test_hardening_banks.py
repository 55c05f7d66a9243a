"""Hardening: malformed bank files are refused with a BankError naming the field (and the item),
through ``read_bank`` and through the CLI (``lint``, ``export``, ``take``): one line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.cli import cli
from quizgen.errors import BankError

FIXTURE = Path(__file__).parent / "data" / "fixture_bank_id.json"


def _set(path: tuple, value):
    def edit(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _drop(path: tuple):
    def edit(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return edit


def _duplicate_id(d):
    d["items"][4]["id"] = d["items"][1]["id"]


def _two_blanks(d):
    d["items"][0]["prompt"] += " dan _____"


# (case id, edit of the fixture's JSON object, regex the message must match)
CASES = [
    ("top-level-array", lambda d: [d], r"should hold one JSON object"),
    ("format-missing", _drop(("format",)), r"top level: the field 'format'"),
    ("version-newer", _set(("version",), 2), r"bank version 2.*Update quizgen"),
    ("version-text", _set(("version",), "1"), r"top level: the field 'version' should be a whole number"),
    ("version-bool", _set(("version",), True), r"the field 'version' should be a whole number"),
    ("version-zero", _set(("version",), 0), r"the field 'version' is 0"),
    ("id-missing", _drop(("id",)), r"top level: the field 'id' is missing"),
    ("title-number", _set(("title",), 5), r"top level: the field 'title' should be str, not int"),
    ("language-null", _set(("language",), None), r"the field 'language' should be str, not NoneType"),
    ("article-missing", _drop(("article",)), r"top level: the field 'article' is missing"),
    ("article-text-list", _set(("article", "text"), ["a"]), r"article: the field 'text' should be str"),
    ("article-source-bool", _set(("article", "source"), True), r"article: the field 'source' should be a text, not bool"),
    ("article-title-list", _set(("article", "title"), ["x"]), r"article: the field 'title' should be a text, not list"),
    ("items-object", _set(("items",), {}), r"top level: the field 'items' should be list, not dict"),
    ("generator-list", _set(("generator",), [1]), r"'generator' and 'settings' should be objects"),
    ("item-not-object", _set(("items", 2), "c-2a9c47"), r"item 3: an item should be an object"),
    ("item-id-bool", _set(("items", 0, "id"), False), r"item 1: the field 'id' should be str, not bool"),
    ("item-id-blank", _set(("items", 0, "id"), "  "), r"item 1: the field 'id' is empty"),
    ("item-kind-unknown", _set(("items", 1, "kind"), "essay"), r"item 2 \(id c-8b3e10\): the field 'kind' is 'essay'"),
    ("item-prompt-missing", _drop(("items", 4, "prompt")), r"item 5 \(id m-0c44f2\): the field 'prompt' is missing"),
    ("item-answer-missing", _drop(("items", 5, "answer")), r"item 6 \(id m-93ab1e\): the field 'answer' is missing"),
    ("item-answer-number", _set(("items", 10, "answer"), 12), r"item 11 \(id s-6d21b9\): the field 'answer' should be str"),
    ("key-not-an-option", _set(("items", 4, "answer"), "Tokyo"), r"item 5 \(id m-0c44f2\): the field 'answer' must be exactly one of the 'options'"),
    ("options-text", _set(("items", 6, "options"), "a, b"), r"item 7 \(id m-5e2d88\): the field 'options' should be a list"),
    ("options-numbers", _set(("items", 6, "options"), [1, 2]), r"item 7 \(id m-5e2d88\): the field 'options' should be a list of texts"),
    ("mcq-one-option", _set(("items", 6, "options"), ["x"]), r"item 7 \(id m-5e2d88\): the field 'options' needs at least two"),
    ("accepted-text", _set(("items", 11, "accepted"), "x"), r"item 12 \(id s-b83f07\): the field 'accepted'"),
    ("cloze-two-blanks", _two_blanks, r"item 1 \(id c-5f1d2a\): the field 'prompt' .*exactly one blank"),
    ("source-missing", _drop(("items", 7, "source")), r"item 8 \(id t-1f6a3c\): the field 'source' is missing"),
    ("source-start-text", _set(("items", 7, "source", "start"), "0"), r"item 8 \(id t-1f6a3c\) source: the field 'start' should be int"),
    ("source-end-float", _set(("items", 7, "source", "end"), 9.5), r"item 8 \(id t-1f6a3c\) source: the field 'end' should be int"),
    ("source-reversed", _set(("items", 7, "source", "start"), 10**6), r"item 8 \(id t-1f6a3c\): the field 'source' has start/end offsets out of order"),
    ("source-past-end", _set(("items", 7, "source", "end"), 10**6), r"item 8 \(id t-1f6a3c\): the field 'source' points past the end"),
    ("answer-span-shape", _set(("items", 8, "answer_span"), [1]), r"item 9 \(id t-c0e914\): the field 'answer_span'"),
    ("difficulty-unknown", _set(("items", 9, "difficulty"), "extreme"), r"item 10 \(id t-44b7d0\): the field 'difficulty' is 'extreme'"),
    ("explanation-list", _set(("items", 9, "explanation"), ["x"]), r"item 10 \(id t-44b7d0\): the field 'explanation' should be a text"),
    ("features-list", _set(("items", 9, "features"), [1]), r"item 10 \(id t-44b7d0\): the field 'features' should be an object"),
    ("duplicate-id", _duplicate_id, r"item 5: the id 'c-8b3e10' is used twice \(also by item 2\)"),
    ("nul-in-prompt", _set(("items", 3, "prompt"), "a\x00 _____"), r"item 4 \(id c-71d0e5\): the field 'prompt' holds an invalid character \(U\+0000\)"),
    ("surrogate-in-title", _set(("article", "title"), "\ud83d"), r"top level: the field 'article.title' holds an invalid character \(U\+D83D\)"),
]  # fmt: skip


def _write(tmp_path: Path, case: str, edit) -> Path:
    obj = json.loads(FIXTURE.read_text(encoding="utf-8"))
    result = edit(obj)
    obj = obj if result is None else result
    path = tmp_path / f"{case}.json"
    path.write_text(json.dumps(obj, ensure_ascii=True), encoding="utf-8")
    return path


@pytest.mark.parametrize("case,edit,message", CASES, ids=[c[0] for c in CASES])
def test_malformed_bank_is_refused_naming_the_field(tmp_path, case, edit, message):
    path = _write(tmp_path, case, edit)
    with pytest.raises(BankError, match=message):
        read_bank(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, input="")


def _one_line_error(result, message: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    assert lines[0].startswith("Error: ")
    assert __import__("re").search(message, lines[0]), lines[0]


@pytest.mark.parametrize("case,edit,message", CASES, ids=[c[0] for c in CASES])
def test_malformed_bank_through_the_cli(tmp_path, case, edit, message):
    path = _write(tmp_path, case, edit)
    for args in (("lint", str(path)), ("export", str(path), "--format", "gift"), ("take", str(path))):
        _one_line_error(run(*args), message)


@pytest.mark.parametrize("cut", [0.0, 0.1, 0.5, 0.99])
def test_truncated_bank(tmp_path, cut):
    text = FIXTURE.read_text(encoding="utf-8")
    path = tmp_path / "truncated.json"
    path.write_text(text[: int(len(text) * cut)], encoding="utf-8")
    with pytest.raises(BankError, match=r"truncated.json is not valid JSON \(line \d+, column \d+"):
        read_bank(path)
    for args in (("lint", str(path)), ("export", str(path), "--format", "gift")):
        _one_line_error(run(*args), r"is not valid JSON .*truncated")


def test_export_of_a_malformed_bank_writes_no_file(tmp_path):
    path = _write(tmp_path, "dup", _duplicate_id)
    out = tmp_path / "out.gift.txt"
    _one_line_error(run("export", str(path), "--format", "gift", "-o", str(out)), "used twice")
    assert not out.exists()


def test_a_long_article_survives_the_csv_round_trip(tmp_path):
    from dataclasses import replace

    from quizgen.exporters import export_bank
    from quizgen.importers import import_file

    bank = read_bank(FIXTURE)
    long_text = bank.text + "\n\n" + "Kalimat tambahan yang cukup panjang untuk artikel ini. " * 4000  # ~220k
    bank = replace(bank, article=dict(bank.article, text=long_text))
    path = tmp_path / "long.csv"
    export_bank(bank, "csv", path)
    assert import_file(path).bank.to_json() == bank.to_json()


@pytest.mark.parametrize("fmt", ["aiken", "kahoot"])
def test_a_bank_with_nothing_the_format_holds_writes_no_empty_file(tmp_path, fmt):
    bank = read_bank(FIXTURE)
    typed = bank.with_items([it for it in bank.items if not it.options])
    src = tmp_path / "typed.json"
    src.write_text(typed.to_json(), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = run("export", str(src), "--format", fmt, "-o", str(out))
    assert result.exit_code == 1 and "nothing was written" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["moodle-xml", "qti"])
@pytest.mark.parametrize("field", ["title", "source"])
def test_control_character_in_a_bank_level_text_is_refused_by_xml_formats(fmt, field):
    from dataclasses import replace

    from quizgen.errors import ExportError
    from quizgen.exporters import EXPORTERS

    bank = read_bank(FIXTURE)  # built in memory: the file reader already refuses such text
    if field == "title":
        bank = replace(bank, title="Kuis\x00")
    else:
        bank = replace(bank, article=dict(bank.article, source="a\x0b.txt"))
    with pytest.raises(ExportError, match=f"bank's (article )?{field} holds a control character"):
        EXPORTERS[fmt](bank)
