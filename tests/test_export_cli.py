"""The export, formats and import commands through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_export_support import FIXTURE, fixture_bank

from quizgen.cli import cli
from quizgen.exporters import EXPORTERS


def run(*args, **kw):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


def test_formats_lists_every_exporter_one_line_each():
    result = run("formats")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert [line.split()[0] for line in lines] == list(EXPORTERS)


def test_export_text_format_to_stdout():
    result = run("export", str(FIXTURE), "--format", "gift")
    assert result.exit_code == 0
    assert result.stdout.startswith("// quizgen bank kim-putin-2024-id")
    assert "::c-5f1d2a::" in result.stdout


def test_export_reports_skipped_items_on_stderr(tmp_path):
    out = tmp_path / "k.xlsx"
    result = run("export", str(FIXTURE), "-f", "kahoot", "-o", str(out))
    assert result.exit_code == 0 and out.exists()
    assert "warning: kahoot: skipped 3 item(s) (typed answers" in result.stderr
    assert "s-6d21b9" in result.stderr


def test_every_format_exports_the_fixture(tmp_path):
    for name, exporter in EXPORTERS.items():
        out = tmp_path / f"bank-{name}{exporter.suffix}"
        result = run("export", str(FIXTURE), "-f", name, "-o", str(out), "-q")
        assert result.exit_code == 0, (name, result.output)
        assert out.stat().st_size > 500


def test_errors_are_one_line_without_traceback(tmp_path):
    for args, message in [
        (["export", str(FIXTURE), "-f", "kahoot"], "binary file; give a file name with -o"),
        (["export", str(FIXTURE), "-f", "pdf"], "There is no export format called 'pdf'"),
        (["export", str(tmp_path / "none.json"), "-f", "gift"], "There is no bank file"),
        (["import", str(tmp_path / "none.csv"), "-o", str(tmp_path / "b.json")], "There is no file"),
    ]:
        result = run(*args)
        assert result.exit_code == 1
        assert message in result.stderr
        assert "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


def test_failed_export_leaves_existing_file_untouched(tmp_path):
    bank = fixture_bank()
    typed_only = bank.with_items([it for it in bank.items if it.kind == "short_answer"])
    src = tmp_path / "typed.json"
    src.write_text(typed_only.to_json(), encoding="utf-8")
    out = tmp_path / "kahoot.xlsx"
    out.write_bytes(b"previous")
    result = run("export", str(src), "-f", "kahoot", "-o", str(out))
    assert result.exit_code == 1
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left behind


def test_import_csv_and_gift(tmp_path):
    csv_path = tmp_path / "bank.csv"
    assert run("export", str(FIXTURE), "-f", "csv", "-o", str(csv_path)).exit_code == 0
    out = tmp_path / "back.json"
    result = run("import", str(csv_path), "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(FIXTURE.read_text(encoding="utf-8"))
    gift = tmp_path / "bank.gift.txt"
    assert run("export", str(FIXTURE), "-f", "gift", "-o", str(gift)).exit_code == 0
    result = run("import", str(gift), "--lang", "id", "-o", str(out))
    assert result.exit_code == 0 and "12 items" in result.stderr


def test_help_has_examples():
    for cmd in ("export", "formats", "import"):
        assert "Example:" in run(cmd, "--help").output


def test_exported_file_is_readable_by_others(tmp_path):
    out = tmp_path / "bank.gift.txt"
    assert run("export", str(FIXTURE), "-f", "gift", "-o", str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o644  # not the 0600 of a temporary file
