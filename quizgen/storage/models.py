"""The values the store returns: frozen dataclasses, times as aware UTC datetimes."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

SHOW_KEYS = ("after_close", "at_once", "never")


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0)


def to_iso(value: _dt.datetime | None) -> str | None:
    """Stored form of a time: ISO 8601 in UTC, seconds (naive datetimes are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    return value.astimezone(_dt.UTC).isoformat(timespec="seconds")


def from_iso(text: str | None) -> _dt.datetime | None:
    if not text:
        return None
    value = _dt.datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=_dt.UTC)


@dataclass(frozen=True)
class Saved:
    """What a submission did: the attempt's row id and whether this call stored it.

    ``practice`` submissions are not stored as results: their ``attempt_id`` is 0.
    """

    attempt_id: int
    created: bool
    practice: bool = False


@dataclass(frozen=True)
class BankVersion:
    """One saved version of a named bank (``version`` is the content hash)."""

    name: str
    version: str
    bank_id: str
    title: str
    language: str
    n_items: int
    saved_at: _dt.datetime | None
    read_only: bool = False


@dataclass(frozen=True)
class BankSummary:
    """A named bank as the quiz picker lists it: its current version and how many it had."""

    name: str
    version: str
    bank_id: str
    title: str
    language: str
    n_items: int
    read_only: bool
    updated_at: _dt.datetime | None
    n_versions: int


@dataclass(frozen=True)
class ClassInfo:
    code: str
    open_names: bool
    created_at: _dt.datetime | None
    n_students: int = 0


@dataclass(frozen=True)
class Student:
    name: str
    personal_code: str


@dataclass(frozen=True)
class Assignment:
    """A bank version published to a class, with its rules."""

    id: int
    version: str
    quiz: str
    class_code: str
    title: str
    opens_at: _dt.datetime | None
    closes_at: _dt.datetime | None
    time_limit_min: int | None
    attempts_allowed: int
    shuffle_questions: bool
    shuffle_options: bool
    show_keys: str
    created_at: _dt.datetime | None
    active: bool = True

    def state(self, now: _dt.datetime | None = None) -> str:
        """``"upcoming"``, ``"open"`` or ``"closed"`` (unpublished counts as closed)."""
        now = now or utcnow()
        if not self.active:
            return "closed"
        if self.opens_at and now < self.opens_at:
            return "upcoming"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    def keys_visible(self, now: _dt.datetime | None = None) -> bool:
        """Whether the review may show the keys (teacher's ``show_keys`` rule)."""
        if self.show_keys == "at_once":
            return True
        if self.show_keys == "never":
            return False
        return self.closes_at is not None and (now or utcnow()) >= self.closes_at


@dataclass(frozen=True)
class Attempt:
    """An attempt as started or resumed: the token the client keeps, the saved draft answers.

    ``deadline`` is the earliest of start + time limit and the assignment's close time (None
    when neither). ``status`` is ``"open"`` or ``"submitted"`` (then ``attempt_id`` is the
    stored result's id, 0 for practice). ``shuffle_seed`` is the same for a student and an
    assignment on every device, so shuffled orders are reproducible.
    """

    token: str
    student: str
    class_code: str
    quiz: str
    version: str
    assignment_id: int | None
    practice: bool
    started_at: _dt.datetime
    answers: dict[str, str] = field(default_factory=dict, compare=False)
    resumed: bool = False
    deadline: _dt.datetime | None = None
    status: str = "open"
    attempt_id: int | None = None
    shuffle_seed: int = 0
