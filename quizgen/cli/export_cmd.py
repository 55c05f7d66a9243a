"""``quizgen export``, ``quizgen formats`` and ``quizgen import``."""

from __future__ import annotations

import functools
import sys

import click

from ..errors import QuizgenError
from .common import friendly_errors


def one_line(func):
    """Every error message of the command on one line (a bank's texts may hold newlines)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QuizgenError as exc:
            message = " ".join(str(exc).split())
            if message == str(exc):
                raise
            raise type(exc)(message) from None

    return wrapper


def _names() -> list[str]:
    from ..exporters import EXPORTERS

    return list(EXPORTERS)


@click.command()
@click.argument("bank", type=click.Path(dir_okay=False))
@click.option(
    "-f", "--format", "fmt", required=True, metavar="NAME", help="Export format (see 'quizgen formats')."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write here (default: standard output, text formats only).",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print the warnings about skipped items.")
@friendly_errors
@one_line
def export(bank, fmt, output, quiet):
    """Export BANK (a quizgen bank .json) to an LMS, game or print format.

    Items a format cannot carry are left out and listed on stderr; nothing is written
    when the export fails.

    \b
    Example:
        quizgen export bank.json --format gift -o bank.gift.txt
        quizgen export bank.json --format moodle-xml > bank.xml
        quizgen export bank.json --format kahoot -o kahoot.xlsx
        quizgen export bank.json --format worksheet-pdf -o worksheet.pdf
    """
    from ..bank import atomic_write, read_bank
    from ..errors import ExportError
    from ..exporters import get_exporter
    from ..exporters.budget import run_export

    exporter = get_exporter(fmt)
    if exporter.binary and not output:
        raise ExportError(
            f"The {fmt} format is a binary file; give a file name with -o (e.g. -o bank{exporter.suffix})."
        )
    result = run_export(read_bank(bank), fmt)  # any exporter failure: one-line ExportError
    if output:
        atomic_write(output, result.data)
    else:
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
    if not quiet:
        for w in result.warnings:
            click.echo(f"warning: {w}", err=True)
    if output:
        kept = "" if not result.skipped else f" ({len(result.skipped)} item(s) skipped)"
        click.echo(f"Wrote {output}{kept}.", err=True)


@click.command()
@friendly_errors
def formats():
    """List the export formats, one a line: name, file suffix, what it holds.

    \b
    Example:
        quizgen formats
    """
    from ..exporters import EXPORTERS

    width = max(len(n) for n in EXPORTERS)
    for e in EXPORTERS.values():
        click.echo(f"{e.name:<{width}}  {e.suffix:<10}  {e.description}")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The bank file to write (.json)."
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "xlsx", "gift"]),
    help="Format of FILE (default: from its name).",
)
@click.option(
    "--lang",
    "language",
    default="en",
    show_default=True,
    help="Language of a GIFT file (sets the true/false words).",
)
@click.option(
    "--base",
    type=click.Path(dir_okay=False),
    help="The original bank, for a spreadsheet whose article row or sheets were removed.",
)
@friendly_errors
@one_line
def import_(file, output, fmt, language, base):
    """Read a bank back from FILE: a json, csv or xlsx export a teacher edited, or a Moodle GIFT file.

    Problems are reported with their row and column; nothing is written until the whole
    file is valid.

    \b
    Example:
        quizgen import edited.csv -o bank.json
        quizgen import edited.xlsx -o bank.json
        quizgen import moodle-questions.gift.txt --lang id -o bank.json
    """
    from ..bank import read_bank, write_bank
    from ..importers import import_file

    result = import_file(file, fmt, language=language, base=read_bank(base) if base else None)
    write_bank(result.bank, output)
    for w in result.warnings:
        click.echo(w, err=True)
    click.echo(f"Wrote {output} ({len(result.bank.items)} items).", err=True)
