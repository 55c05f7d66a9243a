"""The app's way into :mod:`quizgen.storage`: the Store, the bundled quizzes, school times, and
storage errors in the UI language.

The Store holds banks (each saved version immutable, by content hash), classes and rosters,
assignments, attempts with their server-side drafts, and results. The bank folder
(``$QUIZGEN_BANKS``, default ``question_banks/``) holds the bundled demo quizzes: they are
imported into the Store (read-only) once per process and offered to students who give no
class code.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import storage
from .banks import banks_dir
from .strings import t

DEFAULT_TZ = "Asia/Jakarta"
_IMPORTED: set[tuple[str, str]] = set()
_LOCK = threading.Lock()


def store() -> storage.Store:
    """The process's Store for ``$QUIZGEN_DB``, with the bundled quizzes imported once."""
    st_ = storage.open_store()
    folder = banks_dir()
    key = (st_.key, str(folder.resolve()))
    if key not in _IMPORTED:
        with _LOCK:
            if key not in _IMPORTED:
                if folder.is_dir():
                    st_.import_bundled(folder)
                _IMPORTED.add(key)
    return st_


def school_tz() -> ZoneInfo:
    """The school's time zone: ``$QUIZGEN_TIMEZONE`` (an IANA name), default Asia/Jakarta."""
    name = os.environ.get("QUIZGEN_TIMEZONE", "").strip() or DEFAULT_TZ
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TZ)


def local(value: _dt.datetime | str | None) -> _dt.datetime | None:
    """A stored (UTC) time in the school's time zone."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = _dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    return value.astimezone(school_tz())


def show_time(value: _dt.datetime | str | None, lang: str) -> str:
    """A time as the school reads it: ``01-12-2026 10:00 WIB`` (empty for none)."""
    when = local(value)
    if when is None:
        return ""
    return when.strftime("%d-%m-%Y %H:%M ") + (when.tzname() or "")


def to_utc(day: _dt.date, clock: _dt.time) -> _dt.datetime:
    """A date and clock time the teacher typed (school time) as an aware UTC datetime."""
    return _dt.datetime.combine(day, clock, tzinfo=school_tz()).astimezone(_dt.UTC)


def message(e: Exception, lang: str) -> str:
    """A storage error in the UI language (by its ``code``); other errors as their message."""
    code = getattr(e, "code", "")
    key = "err_" + str(code)
    try:
        return t(key, lang)
    except KeyError:
        return str(e)
