"""Assignments: a bank version published to a class with its rules (issue 11)."""

from __future__ import annotations

import datetime as _dt

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from . import schema as s
from .banks import BankStore
from .core import class_key, row_id
from .errors import NotFound, StorageError
from .models import SHOW_KEYS, Assignment, from_iso, to_iso, utcnow

MAX_TITLE = 200


def _assignment(r) -> Assignment:
    return Assignment(
        id=int(r.id), version=r.version, quiz=r.quiz, class_code=r.class_code, title=r.title,
        opens_at=from_iso(r.opens_at), closes_at=from_iso(r.closes_at), time_limit_min=r.time_limit_min,
        attempts_allowed=int(r.attempts_allowed), shuffle_questions=bool(r.shuffle_questions),
        shuffle_options=bool(r.shuffle_options), show_keys=r.show_keys, created_at=from_iso(r.created_at),
        active=bool(r.active),
    )  # fmt: skip


class AssignmentStore(BankStore):
    """Publish, list, unpublish (see :class:`quizgen.storage.Store`)."""

    def publish(
        self,
        version: str,
        class_code: str,
        *,
        title: str,
        quiz: str | None = None,
        opens_at: _dt.datetime | None = None,
        closes_at: _dt.datetime | None = None,
        time_limit_min: int | None = None,
        attempts_allowed: int = 1,
        shuffle_questions: bool = False,
        shuffle_options: bool = False,
        show_keys: str = "after_close",
        by: str = "teacher",
    ) -> Assignment:
        """Publish a saved bank version to a class (the class is created if new, open names
        off). ``quiz`` (the bank name results are filed under) defaults to the newest name that
        saved this version. Times are aware datetimes (naive ones are taken as UTC)."""
        code = class_key(class_code)
        title = " ".join(str(title or "").split())[:MAX_TITLE]
        if show_keys not in SHOW_KEYS:
            raise StorageError(f"show_keys is one of {', '.join(SHOW_KEYS)}, not {show_keys!r}.")
        if attempts_allowed < 1:
            raise StorageError("attempts_allowed is at least 1.")
        if time_limit_min is not None and not 1 <= time_limit_min <= 24 * 60:
            raise StorageError("The time limit is 1 to 1440 minutes.")
        if opens_at and closes_at and to_iso(closes_at) <= to_iso(opens_at):
            raise StorageError("The close time must be after the open time.", code="bad_times")
        bank = self.load_version(version)  # NotFound for an unknown version
        title = title or bank.title

        def tx(conn: Connection) -> int:
            name = quiz
            if name is None:
                name = (
                    conn.execute(
                        select(s.bank_history.c.name)
                        .where(s.bank_history.c.version == version)
                        .order_by(s.bank_history.c.id.desc())
                        .limit(1)
                    ).scalar()
                    or bank.id
                )
            now = to_iso(utcnow())
            self._insert_ignore(conn, s.classes, {"code": code, "open_names": 0, "created_at": now})
            new_id = conn.execute(
                s.assignments.insert()
                .values(
                    version=version, quiz=name, class_code=code, title=title, opens_at=to_iso(opens_at),
                    closes_at=to_iso(closes_at), time_limit_min=time_limit_min,
                    attempts_allowed=int(attempts_allowed), shuffle_questions=int(shuffle_questions),
                    shuffle_options=int(shuffle_options), show_keys=show_keys, created_at=now, active=1,
                )
                .returning(s.assignments.c.id)
            ).scalar_one()  # fmt: skip
            self._audit(conn, by, "publish", f"assignment {new_id}", {"version": version, "class": code})
            return int(new_id)

        return self.get_assignment(self._write(tx, failed="The quiz could not be published"))

    def get_assignment(self, assignment_id: int) -> Assignment:
        row = self._read(
            lambda c: c.execute(
                select(s.assignments).where(s.assignments.c.id == row_id(assignment_id))
            ).first()
        )
        if row is None:
            raise NotFound(f"There is no assignment {assignment_id}.")
        return _assignment(row)

    def assignments_for(
        self, class_code: str, now: _dt.datetime | None = None, *, include_closed: bool = True
    ) -> list[Assignment]:
        """The published (not unpublished) assignments of a class, by open time then id;
        with ``include_closed=False`` only those open or upcoming at ``now``."""
        code = class_key(class_code)
        rows = self._read(
            lambda c: c.execute(
                select(s.assignments)
                .where(s.assignments.c.class_code == code, s.assignments.c.active == 1)
                .order_by(s.assignments.c.id)
            ).all()
        )
        out = [_assignment(r) for r in rows]
        if not include_closed:
            out = [a for a in out if a.state(now) != "closed"]
        return sorted(out, key=lambda a: (a.opens_at or a.created_at or utcnow(), a.id))

    def list_assignments(self, *, quiz: str | None = None) -> list[Assignment]:
        """Every assignment (unpublished ones too), newest first; for the teacher."""
        q = select(s.assignments).order_by(s.assignments.c.id.desc())
        if quiz is not None:
            q = q.where(s.assignments.c.quiz == quiz)
        return [_assignment(r) for r in self._read(lambda c: c.execute(q).all())]

    def unpublish(self, assignment_id: int, *, by: str = "teacher") -> None:
        """Hide an assignment from students (its attempts stay in the results)."""

        def tx(conn: Connection) -> int:
            n = conn.execute(
                update(s.assignments).where(s.assignments.c.id == row_id(assignment_id)).values(active=0)
            ).rowcount
            if n:
                self._audit(conn, by, "unpublish", f"assignment {assignment_id}", {})
            return n

        if not self._write(tx, failed="The quiz could not be unpublished"):
            raise NotFound(f"There is no assignment {assignment_id}.")
