"""``quizgen results``: stored attempts from ``QUIZGEN_DB`` (SQLite or PostgreSQL) as a file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import friendly_errors


@click.command()
@click.option("--quiz", "quiz", metavar="NAME", help="Only this quiz (the bank name, e.g. kim-putin.json).")
@click.option("--class", "class_code", metavar="CODE", help="Only this class code (e.g. 7A).")
@click.option("--version", "version", metavar="HASH", help="Only this version of the quiz.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "xlsx"]), default=None,
              help="Output format (default: from the -o file's extension, else csv).")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default: standard output; xlsx needs a file).")  # fmt: skip
@click.option("--db", metavar="URL", default=None,
              help="A SQLite file or postgresql:// URL (default: $QUIZGEN_DB, else data/quizgen.sqlite3).")  # fmt: skip
@friendly_errors
def results(quiz, class_code, version, fmt, output, db):
    """Export the stored attempts: one per student submission, with every answer.

    JSON is a list of attempts {student, class_code, quiz, version, submitted_at, correct,
    total, percent, answers: [{item_id, kind, response, correct, how}]}; CSV has one row per
    attempt and a column per question; XLSX adds a sheet with one row per answer. Times are
    UTC. Cells a spreadsheet would run as formulas are written as text.

    \b
    Example:
        quizgen results --class 7A -o 7a.xlsx
        QUIZGEN_DB=postgresql://quizgen@db/quizgen quizgen results --quiz kim-putin.json --format json
    """
    from ..bank import atomic_write
    from ..storage import open_store
    from ..storage.report import results_bytes

    if fmt is None:
        ext = output.suffix.lower().lstrip(".") if output else ""
        fmt = ext if ext in ("csv", "json", "xlsx") else "csv"
    if fmt == "xlsx" and output is None and sys.stdout.isatty():
        raise click.UsageError("xlsx is a binary file: give -o FILE.xlsx.")
    from ..storage.engine import db_setting, is_postgres

    target = db or db_setting()
    if not is_postgres(target) and not Path(target).expanduser().is_file():
        raise click.ClickException(
            f"There is no results database at {target}; set QUIZGEN_DB (or --db) to the app's database."
        )
    store = open_store(target)
    records = store.results_records(quiz=quiz, class_code=class_code, version=version)
    data = results_bytes(records, fmt)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write(output, data)
    what = f"{len(records)} attempt" + ("" if len(records) == 1 else "s")
    click.echo(f"{what} written to {output}" if output else what, err=True)
