"""``quizgen copy-db``: copy every bank, class, assignment and attempt to a new database."""

from __future__ import annotations

import click

from .common import friendly_errors


@click.command("copy-db")
@click.argument("source")
@click.argument("target")
@friendly_errors
def copy_db(source, target):
    """Copy the whole database SOURCE into TARGET, a new empty database.

    Each is a SQLite file or a postgresql:// URL. Use it to move a school from the embedded
    SQLite file to PostgreSQL (stop the app first, then point QUIZGEN_DB at TARGET). A failure
    copies nothing.

    \b
    Example:
        quizgen copy-db data/quizgen.sqlite3 postgresql://quizgen:PASSWORD@db.school.lan/quizgen
    """
    from pathlib import Path

    from ..storage import open_store
    from ..storage.copy import copy_database
    from ..storage.engine import is_postgres
    from .results_cmd import _check_sqlite_file

    if not is_postgres(source):
        _check_sqlite_file(Path(source).expanduser())
    if not is_postgres(target) and Path(target).expanduser().exists():
        raise click.ClickException(f"{target} already exists; the target must be a new database.")
    counts = copy_database(
        open_store(source), open_store(target), progress=lambda t, n: click.echo(f"  {t}: {n}", err=True)
    )
    click.echo(f"copied {counts.get('attempts', 0)} attempts and {counts.get('banks', 0)} quizzes", err=True)
