"""The bank folder: list the quizzes, read one, save one (names checked against traversal).

The folder is ``$QUIZGEN_BANKS`` or ``question_banks/`` relative to the working directory.
A bank is named by its file name only (``kim-putin-2024-id.json``): no folders, no ``..``.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..bank import Bank, read_bank, write_bank
from ..errors import BankError, QuizgenError

DEFAULT_BANKS = Path("question_banks")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.json$")
WORDS_PER_MINUTE = 150  # reading speed for the estimate
MINUTES_PER_ITEM = {"mcq": 0.75, "true_false": 0.5, "cloze": 0.75, "short_answer": 1.0}


@dataclass(frozen=True)
class BankInfo:
    """What the quiz picker shows about one bank file."""

    name: str
    id: str
    title: str
    language: str
    n_items: int
    minutes: int
    closed_book: bool


def banks_dir() -> Path:
    """The bank folder (``$QUIZGEN_BANKS`` or ``question_banks/``)."""
    env = os.environ.get("QUIZGEN_BANKS", "").strip()
    return Path(env) if env else DEFAULT_BANKS


def safe_path(name: str) -> Path:
    """The path of bank ``name`` in the bank folder; refuses anything but a plain file name."""
    name = str(name or "")
    if not _NAME.fullmatch(name) or ".." in name:
        raise BankError(
            "A bank name is a plain file name ending in .json, made of letters, digits, '.', '-' "
            f"and '_' (for example kim-putin-2024-id.json); {name[:60]!r} is not."
        )
    folder = banks_dir().resolve()
    path = (folder / name).resolve()
    if path.parent != folder:
        raise BankError(f"The bank name {name[:60]!r} points outside the bank folder.")
    return path


def plain_name(name: str) -> bool:
    """Whether ``name`` is a plain bank file name (``kim-putin-2024.json``: no folders, no ``..``)."""
    return bool(_NAME.fullmatch(str(name or ""))) and ".." not in str(name)


def file_name_for(text: str) -> str:
    """A safe file name made from a bank id or title (``"Kim & Putin!"`` -> ``kim-putin.json``)."""
    stem = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "bank"
    return stem + ".json"


def estimate_minutes(bank: Bank) -> int:
    """Reading the article plus answering the items, rounded up to whole minutes."""
    reading = len(bank.text.split()) / WORDS_PER_MINUTE
    answering = sum(MINUTES_PER_ITEM.get(it.kind, 1.0) for it in bank.items)
    return max(1, math.ceil(reading + answering))


@lru_cache(maxsize=256)
def _info(path: str, mtime_ns: int, size: int) -> BankInfo:
    bank = read_bank(path)
    return BankInfo(
        name=Path(path).name, id=bank.id, title=bank.title, language=bank.language,
        n_items=len(bank.items), minutes=estimate_minutes(bank),
        closed_book=bool(bank.settings.get("closed_book")),
    )  # fmt: skip


def list_banks() -> tuple[list[BankInfo], list[str]]:
    """The valid banks in the folder (sorted by title) and a message for each unreadable file."""
    folder = banks_dir()
    infos, problems = [], []
    if not folder.is_dir():
        return [], [f"The bank folder {folder} does not exist; set QUIZGEN_BANKS to a folder of bank files."]
    try:
        paths = sorted(folder.glob("*.json"))
    except OSError as e:
        return [], [f"Cannot read the bank folder {folder}: {e.strerror}."]
    for p in paths:
        if not _NAME.fullmatch(p.name):
            continue
        try:
            st_ = p.stat()
            infos.append(_info(str(p.resolve()), st_.st_mtime_ns, st_.st_size))
        except QuizgenError as e:
            problems.append(str(e))
        except OSError as e:
            problems.append(f"Cannot read {p.name}: {e.strerror}.")
    return sorted(infos, key=lambda i: (i.title.casefold(), i.name)), problems


def load(name: str) -> Bank:
    """Read bank ``name`` from the bank folder (validated)."""
    return read_bank(safe_path(name))


def find_by_id(bank_id: str) -> Bank | None:
    """The bank in the folder whose ``id`` is ``bank_id``, or None."""
    for info in list_banks()[0]:
        if info.id == bank_id:
            return load(info.name)
    return None


def save(bank: Bank, name: str, *, overwrite: bool = False) -> Path:
    """Write ``bank`` as ``name`` in the bank folder; an existing file only with ``overwrite``."""
    path = safe_path(name)
    taken = BankError(f"A bank called {name} already exists; choose another name or confirm overwriting it.")
    if overwrite:
        write_bank(bank, path)
        return path
    if path.exists():
        raise taken
    # Two teachers saving the same new name at once: write beside it, then hard-link into place,
    # which fails if the other save got there first (a plain write would silently replace it).
    tmp = path.with_name(f".{path.name}.{os.urandom(6).hex()}.new")
    write_bank(bank, tmp)
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise taken from None
    except OSError:  # a drive without hard links: reserve the name exclusively, then fill it
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            raise taken from None
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
