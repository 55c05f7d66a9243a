"""Attempts: start or resume (server-side drafts with their tokens), autosave, submit once."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import secrets
from collections.abc import Mapping

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from ..bank import Bank, loads_bank
from ..grading import Score
from ..grading import score as grade_all
from . import schema as s
from .assignments import AssignmentStore, _assignment
from .banks import bank_version
from .core import class_key, clean_name, row_id
from .errors import AttemptRefused, NotFound, StorageError
from .models import Attempt, Saved, from_iso, to_iso, utcnow

GRACE = _dt.timedelta(minutes=2)  # a submission this late after the deadline is not marked late
MAX_ANSWER = 2000  # characters kept of one answer
MAX_ANSWERS = 500  # answers kept per attempt (a bank has at most a few dozen items)
SAVE_FAILED = "Your answers could not be saved; please submit again"


def new_token() -> str:
    """A fresh random attempt token."""
    return secrets.token_urlsafe(16)


def _seed(*parts: object) -> int:
    return (
        int.from_bytes(hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()[:4], "big") & 0x7FFFFFFF
    )


def _clean_answers(answers: Mapping[str, object] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in (answers or {}).items():
        if len(out) >= MAX_ANSWERS:
            break
        if v is None:
            continue
        out[str(k)[:200]] = str(v)[:MAX_ANSWER]
    return out


def _attempt(r, *, resumed: bool) -> Attempt:
    return Attempt(
        token=r.token, student=r.student, class_code=r.class_code, quiz=r.quiz, version=r.version,
        assignment_id=r.assignment_id, practice=bool(r.practice), started_at=from_iso(r.started_at),
        answers=json.loads(r.answers or "{}"), resumed=resumed, deadline=from_iso(r.deadline),
        status=r.status, attempt_id=r.attempt_id, shuffle_seed=int(r.seed),
    )  # fmt: skip


class AttemptStore(AssignmentStore):
    """Start, autosave, submit (see :class:`quizgen.storage.Store`)."""

    def _bank_in(self, conn: Connection, version: str) -> Bank:
        bank = self._versions.get(version)
        if bank is None:
            content = conn.execute(
                select(s.bank_versions.c.content).where(s.bank_versions.c.version == version)
            ).scalar()
            if content is None:
                raise NotFound(f"There is no saved quiz version {str(version)[:40]!r}.")
            bank = self._versions[version] = loads_bank(content, f"quiz version {version}")
        return bank  # type: ignore[return-value]

    def start_attempt(
        self,
        *,
        student: str,
        class_code: str = "",
        version: str | None = None,
        assignment_id: int | None = None,
        practice: bool = False,
        now: _dt.datetime | None = None,
    ) -> Attempt:
        """Start an attempt, or resume the open one of the same student, class and assignment
        (or version, without an assignment) on any device: same token, start time, answers.

        Refused (:class:`AttemptRefused`, ``code``) when the assignment is unpublished,
        ``not_open_yet``, ``closed``, for ``wrong_class``, or ``attempts_used_up`` (stored
        attempts, practice not counted). It does not check the student's personal code: call
        :meth:`verify_student` first.
        """
        name = clean_name(student)
        aid = row_id(assignment_id) if assignment_id is not None else None
        code = class_key(class_code) if aid is not None or str(class_code or "").strip() else ""
        now = now or utcnow()

        def tx(conn: Connection) -> Attempt:
            ver, quiz, deadline, allowed = version, None, None, None
            if aid is not None:
                row = conn.execute(select(s.assignments).where(s.assignments.c.id == aid)).first()
                if row is None:
                    raise NotFound(f"There is no assignment {assignment_id}.")
                a = _assignment(row)
                if not a.active:
                    raise AttemptRefused("This quiz is no longer assigned.", code="unpublished")
                if a.class_code != code:
                    raise AttemptRefused(f"This quiz is not assigned to class {code}.", code="wrong_class")
                state = a.state(now)
                if state == "upcoming":
                    raise AttemptRefused("This quiz is not open yet.", code="not_open_yet")
                if state == "closed":
                    raise AttemptRefused("This quiz is closed.", code="closed")
                ver, quiz, allowed = a.version, a.quiz, a.attempts_allowed
                ends = [t for t in (a.closes_at,) if t]
                if a.time_limit_min:
                    ends.append(now + _dt.timedelta(minutes=a.time_limit_min))
                deadline = min(ends) if ends else None
            elif not ver:
                raise StorageError("start_attempt needs a version or an assignment_id.")
            bank = self._bank_in(conn, ver)
            if quiz is None:
                quiz = conn.execute(
                    select(s.bank_history.c.name).where(s.bank_history.c.version == ver)
                    .order_by(s.bank_history.c.id.desc()).limit(1)
                ).scalar() or bank.id  # fmt: skip
            shown = name
            if code:
                shown = (
                    conn.execute(
                        select(s.students.c.name).where(
                            s.students.c.class_code == code, s.students.c.name_key == name.casefold()
                        )
                    ).scalar()
                    or name
                )
            key = shown.casefold()
            target = f"a{aid}" if aid is not None else f"v{ver}"
            resume_key = "\x1f".join((code, key, target, "p" if practice else "s"))
            open_q = select(s.drafts).where(s.drafts.c.resume_key == resume_key, s.drafts.c.status == "open")
            row = conn.execute(open_q.with_for_update()).first()
            if row is not None:
                return _attempt(row, resumed=True)
            if allowed is not None and not practice:
                used = conn.execute(
                    select(func.count())
                    .select_from(s.attempts)
                    .where(
                        s.attempts.c.assignment_id == aid,
                        s.attempts.c.class_code == code,
                        s.attempts.c.student_key == key,
                    )
                ).scalar_one()
                if used >= allowed:
                    raise AttemptRefused(
                        f"{shown} has used all {allowed} attempt(s) allowed for this quiz.",
                        code="attempts_used_up",
                    )
            stamp = to_iso(now)
            values = {
                "token": new_token(), "resume_key": resume_key, "student": shown, "student_key": key,
                "class_code": code, "quiz": quiz, "version": ver, "assignment_id": aid,
                "practice": int(practice), "started_at": stamp, "updated_at": stamp, "answers": "{}",
                "status": "open", "attempt_id": None, "deadline": to_iso(deadline),
                "seed": _seed(target, code, key),
            }  # fmt: skip
            created = self._insert_ignore(conn, s.drafts, values)
            row = conn.execute(open_q).first()  # ours, or one a concurrent start made first
            return _attempt(row, resumed=not created)

        return self._write(tx, failed="The quiz could not be started; please try again")

    def get_attempt(self, token: str) -> Attempt | None:
        """The attempt (open or submitted) with this token, or None."""
        row = self._read(lambda c: c.execute(select(s.drafts).where(s.drafts.c.token == str(token))).first())
        return _attempt(row, resumed=True) if row is not None else None

    def save_draft(self, token: str, answers: Mapping[str, str | None]) -> bool:
        """Autosave: the attempt's answers so far replace the saved ones (one UPDATE).

        Returns False when the attempt is already submitted (nothing changes); raises
        :class:`NotFound` for an unknown token."""
        data = json.dumps(_clean_answers(answers), ensure_ascii=False, sort_keys=True)

        def tx(conn: Connection) -> bool:
            n = conn.execute(
                update(s.drafts)
                .where(s.drafts.c.token == str(token), s.drafts.c.status == "open")
                .values(answers=data, updated_at=to_iso(utcnow()))
            ).rowcount
            if n:
                return True
            if conn.execute(select(s.drafts.c.status).where(s.drafts.c.token == str(token))).first() is None:
                raise NotFound(
                    "This attempt is unknown to the server; reload the quiz.", code="unknown_token"
                )
            return False

        return self._write(tx, failed="Your answers could not be saved just now")

    def submit(
        self,
        token: str,
        score: Score | None = None,
        answers: Mapping[str, str | None] | None = None,
    ) -> Saved:
        """Store the attempt's result once (idempotent by token), in one transaction.

        Graded against the version the attempt started on: a ``score`` whose items are not
        that version's (or None) is recomputed from ``answers`` (None: the saved draft).
        A repeated call, even after a crash between commit and reply, returns the stored
        attempt with ``created=False``. Practice attempts are closed but not stored as results.
        """

        def tx(conn: Connection) -> Saved:
            d = conn.execute(select(s.drafts).where(s.drafts.c.token == str(token)).with_for_update()).first()
            if d is None:
                old = conn.execute(select(s.attempts.c.id).where(s.attempts.c.token == str(token))).scalar()
                if old is not None:
                    return Saved(int(old), False)
                raise NotFound(
                    "This attempt is unknown to the server; reload the quiz.", code="unknown_token"
                )
            if d.status != "open":
                return Saved(int(d.attempt_id or 0), False, bool(d.practice))
            given = _clean_answers(answers if answers is not None else json.loads(d.answers or "{}"))
            bank = self._bank_in(conn, d.version)
            graded = score
            if graded is None or set(graded.grades) != {it.id for it in bank.items}:
                graded = grade_all(bank, given)
            now = utcnow()
            deadline = from_iso(d.deadline)
            attempt_id = 0
            if not d.practice:
                attempt_id = self._insert_attempt(
                    conn, bank, graded, given, token=d.token, student=d.student, class_code=d.class_code,
                    quiz=d.quiz, version=d.version, assignment_id=d.assignment_id, started_at=d.started_at,
                    late=bool(deadline and now > deadline + GRACE), now=now,
                )  # fmt: skip
            conn.execute(
                update(s.drafts)
                .where(s.drafts.c.token == d.token)
                .values(status="submitted", attempt_id=attempt_id, updated_at=to_iso(now),
                        answers=json.dumps(given, ensure_ascii=False, sort_keys=True))
            )  # fmt: skip
            return Saved(abs(attempt_id), attempt_id > 0 or bool(d.practice), bool(d.practice))

        return self._write(tx, failed=SAVE_FAILED)

    def _insert_attempt(
        self, conn: Connection, bank: Bank, graded: Score, answers: Mapping, *, token: str, student: str,
        class_code: str, quiz: str, version: str, assignment_id, started_at, late: bool, now,
    ) -> int:  # fmt: skip
        """Insert attempt + answers; the new id, or minus the id already stored for ``token``."""
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        stmt = (
            dialect.insert(s.attempts)
            .values(
                token=token, bank_id=bank.id, bank_title=bank.title, language=bank.language, student=student,
                class_code=class_code, submitted_at=to_iso(now), correct=graded.correct, total=graded.total,
                percent=round(graded.percent, 2), quiz=quiz, version=version, assignment_id=assignment_id,
                started_at=started_at, student_key=student.casefold(), late=int(late),
            )
            .on_conflict_do_nothing()
            .returning(s.attempts.c.id)
        )  # fmt: skip
        new_id = conn.execute(stmt).scalar()
        if new_id is None:
            return -int(conn.execute(select(s.attempts.c.id).where(s.attempts.c.token == token)).scalar_one())
        kinds = {it.id: it.kind for it in bank.items}
        rows = [
            {"attempt_id": new_id, "position": pos, "item_id": iid, "kind": kinds.get(iid, ""),
             "response": str(answers.get(iid) or ""), "correct": int(g.correct), "how": g.how}
            for pos, (iid, g) in enumerate(graded.grades.items())
        ]  # fmt: skip
        if rows:
            conn.execute(s.answers.insert(), rows)
        return int(new_id)

    def record_attempt(
        self,
        bank: Bank,
        score: Score,
        answers: Mapping[str, str | None],
        *,
        student: str,
        token: str,
        class_code: str = "",
    ) -> Saved:
        """Store a finished attempt without a draft (quizgen 0.1's ``save_attempt``): the bank's
        version is saved (content hash) and recorded; once per token."""
        student = clean_name(student)
        class_code = clean_name(class_code, what="class code")
        if not token or len(token) > 200:
            raise StorageError("This submission has no valid attempt token; reload the quiz page.")
        version = bank_version(bank)

        def tx(conn: Connection) -> Saved:
            now = utcnow()
            self._put_version(conn, bank, version, to_iso(now))
            new = self._insert_attempt(
                conn, bank, score, answers, token=token, student=student, class_code=class_code,
                quiz=bank.id, version=version, assignment_id=None, started_at=None, late=False, now=now,
            )  # fmt: skip
            return Saved(abs(new), new > 0)

        return self._write(tx, failed=SAVE_FAILED)
