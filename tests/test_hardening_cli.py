"""Hardening: every command of ``quizgen --help`` given a missing file, an empty file, a binary
file and a folder (and outputs it cannot write) exits non-zero with one line, no traceback.

CliRunner runs with ``catch_exceptions=False``: an exception that escapes a command fails the
test instead of being turned into an exit status."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import cli

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
BANK = DATA / "fixture_bank_id.json"

# command -> (suffix of its input file, arguments around the input {} )
COMMANDS = {
    "inspect": (".txt", ["inspect", "{}"]),
    "generate": (".txt", ["generate", "{}", "-o", "{out}/bank.json"]),
    "lint": (".json", ["lint", "{}"]),
    "export": (".json", ["export", "{}", "--format", "gift"]),
    "import": (".csv", ["import", "{}", "-o", "{out}/bank.json"]),
    "batch": (".txt", ["batch", "{}", "-o", "{out}/banks", "--no-progress", "--jobs", "1"]),
    "take": (".json", ["take", "{}"]),
    "results": (".sqlite3", ["results", "--db", "{}", "-o", "{out}/bank.json"]),
    "copy-db": (".sqlite3", ["copy-db", "{}", "{out}/copy.sqlite3"]),
    "swap": (".json", ["swap", "{}", "m-00000000", "-o", "{out}/bank.json"]),
}
NO_FILE = {"formats", "results"}  # commands that take no file


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False, input="")


def test_every_command_in_help_is_covered():
    help_text = run(["--help"]).output
    listed = set(re.findall(r"^  ([\w-]+)\s", help_text.split("Commands:", 1)[1], re.M))
    assert listed == set(COMMANDS) | NO_FILE


@pytest.mark.parametrize("db", ["{missing}/x.sqlite3", "{folder}", "{binary}"])
def test_results_with_a_bad_database_is_one_line(tmp_path, db):
    binary = tmp_path / "binary.sqlite3"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    db = db.format(missing=tmp_path / "missing", folder=tmp_path, binary=binary)
    _one_error_line(run(["results", "--db", db]))


def _inputs(tmp_path: Path, suffix: str) -> dict[str, Path]:
    rnd = random.Random(7)
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    binary = tmp_path / f"binary{suffix}"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rnd.randrange(256) for _ in range(5000)))
    folder = tmp_path / f"folder{suffix}"
    folder.mkdir()
    return {"missing": tmp_path / f"missing{suffix}", "empty": empty, "binary": binary, "folder": folder}


def _args(command: str, path: Path, out: Path) -> list[str]:
    return [a.replace("{out}", str(out)).replace("{}", str(path)) for a in COMMANDS[command][1]]


def _one_error_line(result) -> str:
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


EXPECTED = {  # what the one line must say, per kind of bad input
    "missing": r"(?i)no (bank )?file|does not exist|no file or folder",
    "empty": r"(?i)empty|not valid JSON",
    "binary": r"(?i)not (UTF-8 )?text|binary|image, not an article|not a quizgen bank",
    "folder": r"(?i)folder|directory",
}


@pytest.mark.parametrize("kind", list(EXPECTED))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_bad_input_is_one_line_without_traceback(tmp_path, command, kind):
    path = _inputs(tmp_path, COMMANDS[command][0])[kind]
    out = tmp_path / "out"
    result = run(_args(command, path, out))
    if command == "batch" and kind in ("empty", "binary"):
        # batch goes on with the other articles: the failure is listed with its reason
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert re.search(rf"^  {re.escape(str(path))}: .*({EXPECTED[kind][4:]})", result.stderr, re.M | re.I)
        assert not list((out / "banks").glob("*.json"))
        return
    line = _one_error_line(result)
    if command == "import" and kind == "empty":
        assert re.search(r"(?i)empty", line), line
    else:
        assert re.search(EXPECTED[kind], line), line
    assert not (out / "bank.json").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["generate", str(SAMPLE), "-o", "{file}/bank.json"],
        ["export", str(BANK), "--format", "gift", "-o", "{file}/bank.gift.txt"],
        ["import", str(BANK), "-o", "{file}/bank.json"],
        ["batch", str(SAMPLE), "-o", "{file}/banks", "--no-progress", "--jobs", "1"],
        ["batch", str(SAMPLE), "-o", "{file}", "--no-progress"],
        ["generate", str(SAMPLE), "-o", "{folder}"],
        ["export", str(BANK), "--format", "json", "-o", "{folder}"],
    ],
    ids=["generate", "export", "import", "batch", "batch-file", "generate-folder", "export-folder"],
)
def test_unwritable_output_is_one_line(tmp_path, args):
    afile = tmp_path / "afile"
    afile.write_text("not a folder", encoding="utf-8")
    folder = tmp_path / "afolder"
    folder.mkdir()
    result = run([a.replace("{file}", str(afile)).replace("{folder}", str(folder)) for a in args])
    line = _one_error_line(result)
    assert "afile" in line or "afolder" in line, line
    assert afile.read_text(encoding="utf-8") == "not a folder"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "data", [b"[" * 100_000, b'{"format": "quizgen.bank", "version": 1e999}', b"\xef\xbb\xbf"]
)
@pytest.mark.parametrize("command", ["lint", "export", "take"])
def test_hostile_json_bank_is_one_line(tmp_path, command, data):
    path = tmp_path / "bank.json"
    path.write_bytes(data)
    line = _one_error_line(run(_args(command, path, tmp_path)))
    assert "bank.json" in line or "bank" in line


def test_empty_jsonl_in_batch_is_an_error(tmp_path):
    (tmp_path / "news.jsonl").write_text("\n\n", encoding="utf-8")
    line = _one_error_line(
        run(["batch", str(tmp_path / "news.jsonl"), "-o", str(tmp_path / "out"), "--no-progress"])
    )
    assert "no article" in line


@pytest.mark.parametrize(
    "answers",
    [
        b"caf\xe9\n\xff\xfe\n" * 6,
        "\ud800\n".encode("utf-8", "surrogatepass") * 12,
        b"x" * 100_000 + b"\n",
        b"\x00\x1b[2J\n" * 12,
    ],
    ids=["cp1252", "surrogate", "100k-line", "controls"],
)
def test_take_with_hostile_answers_on_stdin(answers):
    import json

    result = CliRunner().invoke(
        cli, ["take", str(BANK), "--no-article", "--json"], input=answers, catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    last = json.loads(result.stdout.splitlines()[-1])
    assert last["total"] == 12 and last["correct"] == 0
