"""The :class:`Store` and :func:`open_store` (one cached Store per process and database)."""

from __future__ import annotations

import os
import threading

from . import engine as _engine
from .errors import StorageError
from .people import PeopleStore
from .results import ResultStore

_STORES: dict[str, Store] = {}
_LOCK = threading.Lock()


class Store(ResultStore, PeopleStore):
    """Everything quizgen keeps in its database, on SQLite or PostgreSQL (same behaviour).

    Thread-safe: share one Store between threads and Streamlit sessions (it holds a
    connection pool). Every write is one transaction, retried on a transient failure;
    when the database stays unreachable the call raises
    :class:`~quizgen.storage.errors.StorageUnavailable` ("try again"), having written nothing.

    Example:
        >>> store = open_store("/tmp/quizgen-doctest.sqlite3")  # doctest: +SKIP
        >>> v = store.save_bank(bank, "kim-putin.json")
        >>> a = store.publish(v.version, "7A", title="Kim dan Putin", time_limit_min=10)
        >>> att = store.start_attempt(student="Sari", class_code="7A", assignment_id=a.id)
        >>> store.save_draft(att.token, {"c-pyongyang": "Pyongyang"})
        >>> store.submit(att.token, None, {"c-pyongyang": "Pyongyang"}).created
        True
    """


def open_store(url: str | os.PathLike | None = None) -> Store:
    """The Store for ``url`` (a SQLite file path or a ``postgresql://`` URL; default
    ``$QUIZGEN_DB`` or ``data/quizgen.sqlite3``), opened once per process: the schema is
    created or upgraded on first open."""
    key = _engine.resolve(url)
    store = _STORES.get(key)
    if store is not None:
        return store
    with _LOCK:
        store = _STORES.get(key)
        if store is None:
            engine = _engine.make_engine(key)
            try:
                _engine.migrate(engine, key)
            except StorageError as e:
                engine.dispose()
                if _engine.is_postgres(key) or e.code in ("newer_schema", "unavailable"):
                    raise
                raise StorageError(
                    f"Cannot open the results database {key}: {e}. Set QUIZGEN_DB to a writable file path."
                ) from None
            store = _STORES[key] = Store(key, engine)
    return store


def close_store(url: str | os.PathLike | None = None) -> None:
    """Forget the cached Store for ``url`` and close its connections (tests, shutdown)."""
    key = _engine.resolve(url)
    with _LOCK:
        store = _STORES.pop(key, None)
    if store is not None:
        store.close()


def close_all() -> None:
    with _LOCK:
        stores = list(_STORES.values())
        _STORES.clear()
    for store in stores:
        store.close()
