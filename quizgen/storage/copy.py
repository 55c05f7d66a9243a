"""Copy a whole quizgen database to another, empty one (SQLite -> PostgreSQL when a school
outgrows one machine, or back, or a PostgreSQL -> SQLite snapshot).

Example:
    >>> from quizgen.storage import open_store  # doctest: +SKIP
    >>> copy_database(open_store("data/quizgen.sqlite3"), open_store("postgresql://quizgen@db/quizgen"))
    {'attempts': 1200, 'answers': 30000, ...}
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from . import schema as s
from .errors import StorageError
from .store import Store

BATCH = 1000


def copy_database(
    source: Store, target: Store, *, progress: Callable[[str, int], None] | None = None
) -> dict[str, int]:
    """Copy every row of ``source`` into ``target``; returns rows copied per table.

    ``target`` must hold nothing yet (a new database: its schema is made when it is opened).
    One read snapshot of the source, one transaction on the target: a failure copies nothing.
    """
    if source.key == target.key:
        raise StorageError("The source and the target are the same database.")
    tables = list(s.metadata.sorted_tables)  # parents before children

    def write(dst: Connection) -> dict[str, int]:
        for t in tables:
            if dst.execute(select(func.count()).select_from(t)).scalar_one():
                raise StorageError(
                    f"The target database {target.url} is not empty (table {t.name}); copy into a new database."
                )

        def read(src: Connection) -> dict[str, int]:
            counts: dict[str, int] = {}
            for t in tables:
                n = 0
                result = src.execution_options(yield_per=BATCH).execute(
                    select(t).order_by(*t.primary_key.columns)
                )
                for rows in result.partitions(BATCH):
                    dst.execute(t.insert(), [dict(r._mapping) for r in rows])
                    n += len(rows)
                counts[t.name] = n
                if progress:
                    progress(t.name, n)
            return counts

        counts = source._read(read)
        if dst.dialect.name == "postgresql":  # serial ids continue after the copied ones
            for t in tables:
                if "id" in t.c and t.c.id.primary_key:
                    dst.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {t.name}), 1), "
                            f"(SELECT MAX(id) FROM {t.name}) IS NOT NULL)"
                        )
                    )
        return counts

    return target._write(write, failed=f"The copy into {target.url} failed; nothing was copied")
