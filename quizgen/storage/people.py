"""Classes, rosters with personal codes, server secrets and login-failure counts (issue 13)."""

from __future__ import annotations

import datetime as _dt
import hmac
import secrets
from collections.abc import Iterable

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from . import schema as s
from .core import StoreBase, class_key, clean_name, name_key
from .errors import NotFound, StorageError
from .models import ClassInfo, Student, aware, from_iso, to_iso, utcnow

# no 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud or copied from paper without doubt
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


def personal_code() -> str:
    """A fresh personal code, e.g. ``"K7RX3M"`` (25^6 = 244 million possibilities)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    """A typed personal code as stored: upper case, spaces and dashes dropped."""
    return "".join(ch for ch in str(code or "").upper() if ch.isalnum())


class PeopleStore(StoreBase):
    """Classes, rosters, secrets, lockout counters (see :class:`quizgen.storage.Store`)."""

    # -- classes ------------------------------------------------------------------------
    def create_class(self, code: str, *, open_names: bool = False) -> ClassInfo:
        """Create a class (idempotent: an existing class is returned unchanged).

        ``open_names``: students type any name (no personal codes checked)."""
        code = class_key(code)

        def tx(conn: Connection) -> None:
            self._insert_ignore(
                conn, s.classes, {"code": code, "open_names": int(open_names), "created_at": to_iso(utcnow())}
            )

        self._write(tx, failed=f"The class {code} could not be created")
        info = self.get_class(code)
        assert info is not None
        return info

    def set_open_names(self, code: str, open_names: bool) -> None:
        code = class_key(code)
        n = self._write(
            lambda c: (
                c.execute(
                    update(s.classes).where(s.classes.c.code == code).values(open_names=int(open_names))
                ).rowcount
            )
        )
        if not n:
            raise NotFound(f"There is no class {code}.")

    def get_class(self, code: str) -> ClassInfo | None:
        """The class, or None if no class has that code."""
        code = class_key(code)
        n = select(func.count()).where(s.students.c.class_code == s.classes.c.code).scalar_subquery()
        row = self._read(
            lambda c: c.execute(select(s.classes, n.label("n")).where(s.classes.c.code == code)).first()
        )
        if row is None:
            return None
        return ClassInfo(row.code, bool(row.open_names), from_iso(row.created_at), int(row.n))

    def list_classes(self) -> list[ClassInfo]:
        n = select(func.count()).where(s.students.c.class_code == s.classes.c.code).scalar_subquery()
        rows = self._read(
            lambda c: c.execute(select(s.classes, n.label("n")).order_by(s.classes.c.code)).all()
        )
        return [ClassInfo(r.code, bool(r.open_names), from_iso(r.created_at), int(r.n)) for r in rows]

    def add_students(self, code: str, names: Iterable[str]) -> list[tuple[str, str]]:
        """Add names to a class roster; returns ``(name, personal_code)`` for each name given,
        in order. A name already on the roster keeps its code (case and spacing ignored)."""
        code = class_key(code)
        cleaned = [clean_name(n) for n in names if str(n or "").strip()]

        def tx(conn: Connection) -> list[tuple[str, str]]:
            if conn.execute(select(s.classes.c.code).where(s.classes.c.code == code)).first() is None:
                raise NotFound(f"There is no class {code}; create it first.")
            out = []
            for name in cleaned:
                key = name.casefold()
                self._insert_ignore(
                    conn,
                    s.students,
                    {"class_code": code, "name": name, "name_key": key, "personal_code": personal_code(),
                     "created_at": to_iso(utcnow())},
                )  # fmt: skip
                row = conn.execute(
                    select(s.students.c.name, s.students.c.personal_code).where(
                        s.students.c.class_code == code, s.students.c.name_key == key
                    )
                ).one()
                out.append((row.name, row.personal_code))
            return out

        return self._write(tx, failed=f"The students could not be added to {code}")

    def remove_student(self, code: str, name: str) -> bool:
        code, key = class_key(code), name_key(name)
        return bool(
            self._write(
                lambda c: (
                    c.execute(
                        delete(s.students).where(
                            s.students.c.class_code == code, s.students.c.name_key == key
                        )
                    ).rowcount
                )
            )
        )

    def roster(self, code: str) -> list[Student]:
        """The class's students with their personal codes, by name (a printable list)."""
        code = class_key(code)
        rows = self._read(
            lambda c: c.execute(
                select(s.students.c.name, s.students.c.personal_code)
                .where(s.students.c.class_code == code)
                .order_by(s.students.c.name_key)
            ).all()
        )
        return [Student(r.name, r.personal_code) for r in rows]

    def roster_name(self, code: str, name: str) -> str | None:
        """The roster's spelling of ``name`` in class ``code``, or None if it is not on it."""
        code, key = class_key(code), name_key(name)
        return self._read(
            lambda c: c.execute(
                select(s.students.c.name).where(s.students.c.class_code == code, s.students.c.name_key == key)
            ).scalar()
        )

    def verify_student(self, code: str, name: str, personal_code: str = "") -> bool:
        """Whether ``name`` may take quizzes in class ``code``: on the roster with this personal
        code, or any non-empty name when the class has open names. Unknown class: False."""
        try:
            code, key = class_key(code), name_key(name)
        except StorageError:
            return False
        info = self.get_class(code)
        if info is None:
            return False
        if info.open_names:
            return True
        stored = self._read(
            lambda c: c.execute(
                select(s.students.c.personal_code).where(
                    s.students.c.class_code == code, s.students.c.name_key == key
                )
            ).scalar()
        )
        return stored is not None and hmac.compare_digest(stored, normalise_code(personal_code))

    # -- teacher auth support -------------------------------------------------------------
    def server_secret(self, name: str) -> str:
        """A random secret generated once and kept in the database (every replica and restart
        gets the same one; no client message can change it). 43 url-safe characters."""

        def tx(conn: Connection) -> str:
            self._insert_ignore(
                conn,
                s.server_secrets,
                {"name": name, "value": secrets.token_urlsafe(32), "created_at": to_iso(utcnow())},
            )
            return conn.execute(
                select(s.server_secrets.c.value).where(s.server_secrets.c.name == name)
            ).scalar()

        return self._write(tx, failed="The server secret could not be stored")

    def login_failures(self, key: str, *, window_s: int = 900, now: _dt.datetime | None = None) -> int:
        """Failed logins for ``key`` (a session or an address) in the ``window_s`` seconds
        before the last one, if that was less than ``window_s`` ago (0 otherwise)."""
        row = self._read(
            lambda c: c.execute(select(s.login_failures).where(s.login_failures.c.key == key)).first()
        )
        if row is None or from_iso(row.last_at) <= aware(now) - _dt.timedelta(seconds=window_s):
            return 0
        return int(row.count)

    def record_login_failure(self, key: str, *, window_s: int = 900, now: _dt.datetime | None = None) -> int:
        """Count one more failed login for ``key``; returns the count in the window (a failure
        after a quiet ``window_s`` starts again at 1)."""
        now = aware(now)

        def tx(conn: Connection) -> int:
            t = s.login_failures
            row = conn.execute(select(t).where(t.c.key == key).with_for_update()).first()
            if row is None:
                if self._insert_ignore(
                    conn, t, {"key": key, "count": 1, "first_at": to_iso(now), "last_at": to_iso(now)}
                ):
                    return 1
                row = conn.execute(select(t).where(t.c.key == key).with_for_update()).one()
            fresh = from_iso(row.last_at) <= now - _dt.timedelta(seconds=window_s)
            count = 1 if fresh else int(row.count) + 1
            conn.execute(
                update(t)
                .where(t.c.key == key)
                .values(count=count, last_at=to_iso(now), first_at=to_iso(now) if fresh else row.first_at)
            )
            return count

        return self._write(tx, failed="The login attempt could not be counted")

    def last_login_failure(self, key: str) -> _dt.datetime | None:
        """When the last failed login for ``key`` was counted (None: never, or cleared)."""
        row = self._read(
            lambda c: c.execute(
                select(s.login_failures.c.last_at).where(s.login_failures.c.key == key)
            ).first()
        )
        return None if row is None else from_iso(row.last_at)

    def clear_login_failures(self, key: str) -> None:
        self._write(lambda c: c.execute(delete(s.login_failures).where(s.login_failures.c.key == key)))
