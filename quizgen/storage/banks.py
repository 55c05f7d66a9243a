"""Banks by name, and their immutable versions (a version is the hash of the bank's JSON)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Connection

from ..bank import Bank, loads_bank, read_bank
from ..errors import BankError
from . import schema as s
from .core import StoreBase
from .errors import NameTaken, NotFound, StorageError
from .models import BankSummary, BankVersion, from_iso, to_iso, utcnow

MAX_BANK_NAME = 120


def bank_version(bank: Bank) -> str:
    """The content hash of a bank: 16 hex digits of SHA-256 over its canonical JSON.

    Example:
        >>> from quizgen.bank import Bank
        >>> bank_version(Bank("b", "T", "en", {"text": "x"})) == bank_version(Bank("b", "T", "en", {"text": "x"}))
        True
    """
    canonical = json.dumps(bank.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def check_bank_name(name: str) -> str:
    text = " ".join(str(name or "").split())
    if not text or len(text) > MAX_BANK_NAME or not text.isprintable():
        raise StorageError(
            f"A quiz name is 1 to {MAX_BANK_NAME} printable characters; {str(name)[:60]!r} is not.",
            code="bad_bank_name",
        )
    return text


class BankStore(StoreBase):
    """Banks and versions (see :class:`quizgen.storage.Store`)."""

    def _put_version(self, conn: Connection, bank: Bank, version: str, now: str) -> None:
        self._insert_ignore(
            conn,
            s.bank_versions,
            {
                "version": version,
                "bank_id": bank.id,
                "title": bank.title,
                "language": bank.language,
                "n_items": len(bank.items),
                "content": bank.to_json(),
                "created_at": now,
            },
        )

    def save_bank(
        self,
        bank: Bank,
        name: str,
        *,
        replace: bool = False,
        exclusive: bool = False,
        _read_only: bool = False,
    ) -> BankVersion:
        """Save ``bank`` under ``name`` as a new version (the same content: the same version).

        A name already holding another bank (another ``bank.id``) is refused unless
        ``replace``; with ``exclusive`` any existing name is refused (a "save as new" that two
        teachers race for: one wins). Read-only (bundled) names are never overwritten.
        """
        name = check_bank_name(name)
        version = bank_version(bank)

        def tx(conn: Connection) -> BankVersion:
            now = to_iso(utcnow())
            row = conn.execute(select(s.banks).where(s.banks.c.name == name).with_for_update()).first()
            if row is not None:
                if row.read_only and not _read_only:
                    raise NameTaken(
                        f"{name} is a bundled quiz and cannot be changed; save it under another name."
                    )
                if exclusive:
                    raise NameTaken(f"A quiz named {name} already exists; choose another name.")
                if row.bank_id != bank.id and not replace:
                    raise NameTaken(
                        f"A quiz named {name} already exists (another bank); choose another name or replace it."
                    )
            self._put_version(conn, bank, version, now)
            if row is None:
                inserted = self._insert_ignore(
                    conn,
                    s.banks,
                    {"name": name, "bank_id": bank.id, "version": version, "read_only": int(_read_only),
                     "created_at": now, "updated_at": now},
                )  # fmt: skip
                if not inserted:  # another writer claimed the name in between (PostgreSQL)
                    raise NameTaken(f"A quiz named {name} already exists; choose another name.")
            elif row.version != version or row.read_only != int(_read_only):
                conn.execute(
                    update(s.banks)
                    .where(s.banks.c.name == name)
                    .values(bank_id=bank.id, version=version, updated_at=now, read_only=int(_read_only))
                )
            if row is None or row.version != version:
                conn.execute(s.bank_history.insert().values(name=name, version=version, saved_at=now))
            return BankVersion(
                name, version, bank.id, bank.title, bank.language, len(bank.items), from_iso(now), _read_only
            )

        return self._write(tx, failed=f"The quiz {name} could not be saved")

    def bank_versions(self, name: str) -> list[BankVersion]:
        """Every version saved under ``name``, newest first (empty if there is no such name)."""
        h, v, b = s.bank_history, s.bank_versions, s.banks
        q = (
            select(h.c.name, h.c.version, v.c.bank_id, v.c.title, v.c.language, v.c.n_items, h.c.saved_at,
                   func.coalesce(b.c.read_only, 0).label("read_only"))
            .join(v, v.c.version == h.c.version)
            .outerjoin(b, b.c.name == h.c.name)
            .where(h.c.name == name)
            .order_by(h.c.id.desc())
        )  # fmt: skip
        rows = self._read(lambda c: c.execute(q).all())
        return [
            BankVersion(r.name, r.version, r.bank_id, r.title, r.language, r.n_items, from_iso(r.saved_at),
                        bool(r.read_only))
            for r in rows
        ]  # fmt: skip

    def load_version(self, version: str) -> Bank:
        """The bank exactly as saved in ``version`` (cached: versions never change)."""
        bank = self._versions.get(version)
        if bank is None:
            content = self._read(
                lambda c: c.execute(
                    select(s.bank_versions.c.content).where(s.bank_versions.c.version == version)
                ).scalar()
            )
            if content is None:
                raise NotFound(f"There is no saved quiz version {str(version)[:40]!r}.")
            bank = loads_bank(content, f"quiz version {version}")
            self._versions[version] = bank
        return bank  # type: ignore[return-value]

    def current_version(self, name: str) -> str:
        """The version a name points at now."""
        version = self._read(
            lambda c: c.execute(select(s.banks.c.version).where(s.banks.c.name == name)).scalar()
        )
        if version is None:
            raise NotFound(f"There is no quiz named {str(name)[:80]!r}.")
        return version

    def load_bank(self, name: str) -> Bank:
        """The current version of the bank named ``name``."""
        return self.load_version(self.current_version(name))

    def list_banks(self) -> list[BankSummary]:
        """Every named bank with its current version, bundled ones included, by name."""
        b, v, h = s.banks, s.bank_versions, s.bank_history
        n = select(func.count()).where(h.c.name == b.c.name).scalar_subquery()
        q = (
            select(b.c.name, b.c.version, b.c.bank_id, v.c.title, v.c.language, v.c.n_items, b.c.read_only,
                   b.c.updated_at, n.label("n_versions"))
            .join(v, v.c.version == b.c.version)
            .order_by(b.c.name)
        )  # fmt: skip
        rows = self._read(lambda c: c.execute(q).all())
        return [
            BankSummary(r.name, r.version, r.bank_id, r.title, r.language, r.n_items, bool(r.read_only),
                        from_iso(r.updated_at), int(r.n_versions))
            for r in rows
        ]  # fmt: skip

    def delete_bank(self, name: str, *, by: str = "teacher") -> bool:
        """Remove a name (its versions stay: stored attempts and assignments still use them).
        Bundled names are refused. Returns whether the name existed."""

        def tx(conn: Connection) -> bool:
            row = conn.execute(select(s.banks).where(s.banks.c.name == name)).first()
            if row is None:
                return False
            if row.read_only:
                raise NameTaken(f"{name} is a bundled quiz and cannot be deleted.", code="read_only")
            conn.execute(delete(s.bank_history).where(s.bank_history.c.name == name))
            conn.execute(delete(s.banks).where(s.banks.c.name == name))
            self._audit(conn, by, "delete_bank", name, {"version": row.version})
            return True

        return self._write(tx, failed=f"The quiz {name} could not be deleted")

    def import_bundled(self, folder: str | os.PathLike) -> list[BankVersion]:
        """Import every ``*.json`` bank of ``folder`` as read-only content named by file name.

        Idempotent: an unchanged file adds nothing; a changed file (a quizgen update) becomes
        a new version of the same name. A file that is not a valid bank is skipped.
        """
        saved = []
        for path in sorted(Path(folder).glob("*.json")):
            try:
                bank = read_bank(path)
            except BankError:
                continue
            saved.append(self.save_bank(bank, path.name, replace=True, _read_only=True))
        return saved

    def _audit(self, conn: Connection, actor: str, action: str, subject: str, detail: dict) -> None:
        conn.execute(
            s.audit_log.insert().values(
                at=to_iso(utcnow()), actor=str(actor)[:200], action=action, subject=str(subject),
                detail=json.dumps(detail, ensure_ascii=False, default=str),
            )
        )  # fmt: skip
