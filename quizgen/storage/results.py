"""Results: attempts and answers as pandas frames, records for export, deletion with audit."""

from __future__ import annotations

import json

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from . import schema as s
from .attempts import AttemptStore
from .core import class_key, row_id
from .errors import NotFound

ATTEMPT_COLUMNS = (
    "attempt_id", "submitted_at", "student", "class_code", "bank_id", "bank_title", "language",
    "correct", "total", "percent", "quiz", "version", "assignment_id", "started_at", "late",
)  # fmt: skip
ANSWER_COLUMNS = (
    "attempt_id", "student", "class_code", "bank_id", "position", "item_id", "kind", "response",
    "correct", "how", "quiz", "version", "assignment_id", "submitted_at",
)  # fmt: skip


def _frame(rows, columns):
    import pandas as pd

    return pd.DataFrame([tuple(r) for r in rows], columns=list(columns))


class ResultStore(AttemptStore):
    """Frames and records of stored attempts (see :class:`quizgen.storage.Store`)."""

    def _filters(self, a, *, quiz, version, class_code, bank_id, assignment_id) -> list:
        where = []
        if quiz is not None:
            where.append(a.c.quiz == quiz)
        if version is not None:
            where.append(a.c.version == version)
        if class_code is not None:
            where.append(func.upper(a.c.class_code) == class_key(class_code))
        if bank_id is not None:
            where.append(a.c.bank_id == bank_id)
        if assignment_id is not None:
            where.append(a.c.assignment_id == row_id(assignment_id))
        return where

    def attempts_frame(self, *, quiz=None, version=None, class_code=None, bank_id=None, assignment_id=None):
        """Stored attempts (newest first) as a DataFrame with :data:`ATTEMPT_COLUMNS`, filtered by
        quiz (bank name), version, class code, bank id or assignment (any combination)."""
        a = s.attempts
        q = (
            select(a.c.id, a.c.submitted_at, a.c.student, a.c.class_code, a.c.bank_id, a.c.bank_title,
                   a.c.language, a.c.correct, a.c.total, a.c.percent, a.c.quiz, a.c.version,
                   a.c.assignment_id, a.c.started_at, a.c.late)
            .where(*self._filters(a, quiz=quiz, version=version, class_code=class_code, bank_id=bank_id,
                                  assignment_id=assignment_id))
            .order_by(a.c.submitted_at.desc(), a.c.id.desc())
        )  # fmt: skip
        return _frame(self._read(lambda c: c.execute(q).all()), ATTEMPT_COLUMNS)

    def answers_frame(self, *, quiz=None, version=None, class_code=None, bank_id=None, assignment_id=None):
        """One row per stored answer with its attempt's student, class, quiz and version
        (:data:`ANSWER_COLUMNS`), by attempt then question position."""
        a, n = s.attempts, s.answers
        q = (
            select(a.c.id, a.c.student, a.c.class_code, a.c.bank_id, n.c.position, n.c.item_id, n.c.kind,
                   n.c.response, n.c.correct, n.c.how, a.c.quiz, a.c.version, a.c.assignment_id,
                   a.c.submitted_at)
            .join(a, a.c.id == n.c.attempt_id)
            .where(*self._filters(a, quiz=quiz, version=version, class_code=class_code, bank_id=bank_id,
                                  assignment_id=assignment_id))
            .order_by(a.c.id, n.c.position)
        )  # fmt: skip
        return _frame(self._read(lambda c: c.execute(q).all()), ANSWER_COLUMNS)

    def open_attempts_frame(self, *, quiz=None, class_code=None, assignment_id=None):
        """Started, not submitted, not practice: who to follow up (token, student, class_code,
        quiz, version, assignment_id, started_at, updated_at, answered)."""
        d = s.drafts
        q = select(d.c.token, d.c.student, d.c.class_code, d.c.quiz, d.c.version, d.c.assignment_id,
                   d.c.started_at, d.c.updated_at, d.c.answers).where(d.c.status == "open", d.c.practice == 0)  # fmt: skip
        if quiz is not None:
            q = q.where(d.c.quiz == quiz)
        if class_code is not None:
            q = q.where(d.c.class_code == class_key(class_code))
        if assignment_id is not None:
            q = q.where(d.c.assignment_id == row_id(assignment_id))
        rows = [(*r[:-1], len(json.loads(r[-1] or "{}"))) for r in self._read(lambda c: c.execute(q).all())]
        cols = ("token", "student", "class_code", "quiz", "version", "assignment_id", "started_at",
                "updated_at", "answered")  # fmt: skip
        return _frame(rows, cols)

    def results_records(self, *, quiz=None, class_code=None, version=None) -> list[dict]:
        """Attempts as plain records (oldest first) for ``quizgen results``: ``{student,
        class_code, quiz, version, submitted_at, correct, total, percent, answers: [{item_id,
        kind, response, correct, how}]}``."""
        att = self.attempts_frame(quiz=quiz, class_code=class_code, version=version)
        ans = self.answers_frame(quiz=quiz, class_code=class_code, version=version)
        by_attempt: dict[int, list[dict]] = {}
        for r in ans.itertuples(index=False):
            by_attempt.setdefault(int(r.attempt_id), []).append(
                {"item_id": r.item_id, "kind": r.kind, "response": r.response, "correct": bool(r.correct),
                 "how": r.how}
            )  # fmt: skip
        out = []
        for r in reversed(list(att.itertuples(index=False))):
            out.append(
                {"attempt_id": int(r.attempt_id), "student": r.student, "class_code": r.class_code,
                 "quiz": r.quiz, "version": r.version, "submitted_at": r.submitted_at,
                 "correct": int(r.correct), "total": int(r.total), "percent": float(r.percent),
                 "answers": by_attempt.get(int(r.attempt_id), [])}
            )  # fmt: skip
        return out

    def attempt_answers(self, attempt_id: int) -> dict[str, str]:
        """item id -> response as stored for one attempt (in quiz order)."""
        rows = self._read(
            lambda c: c.execute(
                select(s.answers.c.item_id, s.answers.c.response)
                .where(s.answers.c.attempt_id == row_id(attempt_id, "attempt"))
                .order_by(s.answers.c.position)
            ).all()
        )
        return {iid: resp for iid, resp in rows}

    def count_attempts(self) -> int:
        """Number of stored attempts."""
        return int(self._read(lambda c: c.execute(select(func.count()).select_from(s.attempts)).scalar_one()))

    def delete_attempt(self, attempt_id: int, *, by: str) -> None:
        """Delete one stored attempt and its answers; the deletion (who, when, what was
        deleted) goes to the audit log. The student may then start again."""

        def tx(conn: Connection) -> None:
            row = conn.execute(
                select(s.attempts).where(s.attempts.c.id == row_id(attempt_id, "attempt"))
            ).first()
            if row is None:
                raise NotFound(f"There is no attempt {attempt_id}.")
            snapshot = {k: v for k, v in row._mapping.items() if k != "token"}
            snapshot["answers"] = self.__answers_in(conn, row_id(attempt_id, "attempt"))
            conn.execute(delete(s.answers).where(s.answers.c.attempt_id == row_id(attempt_id, "attempt")))
            conn.execute(delete(s.attempts).where(s.attempts.c.id == row_id(attempt_id, "attempt")))
            self._audit(conn, by, "delete_attempt", f"attempt {attempt_id}", snapshot)

        self._write(tx, failed=f"The attempt {attempt_id} could not be deleted")

    @staticmethod
    def __answers_in(conn: Connection, attempt_id: int) -> dict[str, str]:
        rows = conn.execute(
            select(s.answers.c.item_id, s.answers.c.response).where(s.answers.c.attempt_id == attempt_id)
        ).all()
        return {iid: resp for iid, resp in rows}

    def audit_frame(self):
        """The audit log, newest first (at, actor, action, subject, detail as JSON text)."""
        t = s.audit_log
        rows = self._read(
            lambda c: c.execute(
                select(t.c.at, t.c.actor, t.c.action, t.c.subject, t.c.detail).order_by(t.c.id.desc())
            ).all()
        )
        return _frame(rows, ("at", "actor", "action", "subject", "detail"))
