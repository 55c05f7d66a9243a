"""The question-bank file (``quizgen.bank`` version 1): model, validation, reading, writing.

The contract is ``shared/design/bank-format.md``. A :class:`Bank` holds the article it was
made from and its :class:`Item` s; ``Bank.to_dict()`` gives exactly the file's JSON object
and :func:`bank_from_dict` validates one, naming the field and the item of every problem.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import BankError

FORMAT = "quizgen.bank"
VERSION = 1
KINDS = ("cloze", "mcq", "true_false", "short_answer")
DIFFICULTIES = ("easy", "medium", "hard")
BLANK_RE = re.compile(r"_{3,}")
BLANK = "_____"
MAX_BANK_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Item:
    """One question. Fields beyond the format's (``reason``, ``template``, ``features``) are
    extras the format allows; readers of other tools ignore them."""

    id: str
    kind: str
    prompt: str
    answer: str
    source: Source
    options: tuple[str, ...] = ()
    accepted: tuple[str, ...] = ()
    answer_span: tuple[int, int] | None = None
    difficulty: str = "medium"
    skill: str = "detail"
    explanation: str = ""
    reason: str = ""  # why the item was made (traceability)
    template: str = ""  # which template or builder made it
    features: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "options": list(self.options),
            "answer": self.answer,
            "accepted": list(self.accepted),
            "source": asdict(self.source),
            "answer_span": list(self.answer_span) if self.answer_span else None,
            "difficulty": self.difficulty,
            "skill": self.skill,
            "explanation": self.explanation,
        }
        if self.reason:
            d["reason"] = self.reason
        if self.template:
            d["template"] = self.template
        if self.features:
            d["features"] = dict(self.features)
        return d


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    language: str
    article: dict[str, Any]  # {"title", "date", "source", "text"} (+ extras)
    items: tuple[Item, ...] = ()
    created: str = ""
    generator: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    settings: dict[str, Any] = field(
        default_factory=dict, compare=False, hash=False
    )  # e.g. {"closed_book": true}
    # optional: further items, best first, a teacher can swap in for any item (not asked)
    alternates: tuple[Item, ...] = field(default=(), compare=False, hash=False)

    @property
    def text(self) -> str:
        return self.article.get("text", "")

    def with_items(self, items) -> Bank:
        """The bank with these items; an alternate now among them leaves the alternates."""
        items = tuple(items)
        ids = {it.id for it in items}
        return replace(self, items=items, alternates=tuple(a for a in self.alternates if a.id not in ids))

    def item(self, item_id: str) -> Item:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def to_dict(self) -> dict:
        d = {
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "created": self.created,
            "generator": dict(self.generator),
            "article": dict(self.article),
            "items": [it.to_dict() for it in self.items],
        }
        if self.settings:
            d["settings"] = dict(self.settings)
        if self.alternates:
            d["alternates"] = [it.to_dict() for it in self.alternates]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    def to_frame(self):
        """One row per item (pandas is imported here, not at import time)."""
        import pandas as pd

        rows = []
        for it in self.items:
            rows.append(
                {
                    "id": it.id,
                    "kind": it.kind,
                    "prompt": it.prompt,
                    "options": list(it.options),
                    "answer": it.answer,
                    "accepted": list(it.accepted),
                    "difficulty": it.difficulty,
                    "skill": it.skill,
                    "explanation": it.explanation,
                    "source_sentence": it.source.sentence,
                    "source_start": it.source.start,
                    "source_end": it.source.end,
                    "reason": it.reason,
                }
            )
        columns = [
            "id",
            "kind",
            "prompt",
            "options",
            "answer",
            "accepted",
            "difficulty",
            "skill",
            "explanation",
            "source_sentence",
            "source_start",
            "source_end",
            "reason",
        ]
        return pd.DataFrame(rows, columns=columns)


# ---------------------------------------------------------------- validation


def _fail(where: str, what: str) -> BankError:
    return BankError(f"This bank file is not valid: {where}: {what}.")


def _req(obj: dict, key: str, typ, where: str, *, allow_none: bool = False):
    if key not in obj:
        raise _fail(where, f"the field '{key}' is missing")
    val = obj[key]
    if val is None and allow_none:
        return None
    if not isinstance(val, typ) or (typ is int and isinstance(val, bool)):
        tname = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise _fail(where, f"the field '{key}' should be {tname}, not {type(val).__name__}")
    return val


def _str_list(obj: dict, key: str, where: str) -> tuple[str, ...]:
    val = obj.get(key)
    if val is None:
        return ()
    if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
        raise _fail(where, f"the field '{key}' should be a list of texts")
    return tuple(val)


def item_from_dict(d: Any, n: int, text: str | None = None) -> Item:
    """Validate one item object; ``n`` is its position (0-based) for messages."""
    where = f"item {n + 1}"
    if not isinstance(d, dict):
        raise _fail(where, "an item should be an object")
    iid = _req(d, "id", str, where)
    if not iid.strip():
        raise _fail(where, "the field 'id' is empty")
    where = f"item {n + 1} (id {iid})"
    kind = _req(d, "kind", str, where)
    if kind not in KINDS:
        raise _fail(where, f"the field 'kind' is {kind!r}; it should be one of {', '.join(KINDS)}")
    prompt = _req(d, "prompt", str, where)
    if not prompt.strip():
        raise _fail(where, "the field 'prompt' is empty")
    answer = _req(d, "answer", str, where)
    if not answer.strip():
        raise _fail(where, "the field 'answer' is empty")
    options = _str_list(d, "options", where)
    accepted = _str_list(d, "accepted", where)
    if kind in ("mcq", "true_false") and len(options) < 2:
        raise _fail(where, f"the field 'options' needs at least two choices for a {kind} item")
    if options and options.count(answer) != 1:
        raise _fail(where, "the field 'answer' must be exactly one of the 'options'")
    if kind == "cloze" and len(BLANK_RE.findall(prompt)) != 1:
        raise _fail(where, "the field 'prompt' of a cloze item must hold exactly one blank (_____)")
    src = _req(d, "source", dict, where)
    sentence = _req(src, "sentence", str, where + " source")
    start = _req(src, "start", int, where + " source")
    end = _req(src, "end", int, where + " source")
    if not 0 <= start <= end:
        raise _fail(where, "the field 'source' has start/end offsets out of order")
    if text is not None and end > len(text):
        raise _fail(where, "the field 'source' points past the end of the article text")
    span = d.get("answer_span")
    answer_span = None
    if span is not None:
        if (
            not isinstance(span, list)
            or len(span) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in span)
            or not 0 <= span[0] <= span[1]
        ):
            raise _fail(where, "the field 'answer_span' should be [start, end] or null")
        answer_span = (span[0], span[1])
    difficulty = d.get("difficulty") or "medium"
    if difficulty not in DIFFICULTIES:
        raise _fail(where, f"the field 'difficulty' is {difficulty!r}; use easy, medium or hard")
    features = d.get("features") or {}
    if not isinstance(features, dict):
        raise _fail(where, "the field 'features' should be an object")
    for key in ("skill", "explanation", "reason", "template"):
        if d.get(key) is not None and not isinstance(d.get(key), str):
            raise _fail(where, f"the field '{key}' should be a text")
    return Item(
        id=iid,
        kind=kind,
        prompt=prompt,
        answer=answer,
        source=Source(sentence, start, end),
        options=options,
        accepted=accepted,
        answer_span=answer_span,
        difficulty=difficulty,
        skill=d.get("skill") or "detail",
        explanation=d.get("explanation") or "",
        reason=d.get("reason") or "",
        template=d.get("template") or "",
        features=features,
    )


_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _check_characters(d: dict) -> None:
    """Refuse control characters and lone surrogates (``\\ud800`` escapes) in any text of the
    bank, naming the field: no file format quizgen writes can hold them."""
    stack: list[tuple[tuple, Any]] = [((), d)]
    while stack:
        path, val = stack.pop()
        if isinstance(val, dict):
            stack += [((*path, str(k)), v) for k, v in val.items()]
            bad = next((k for k in val if _BAD_CHAR.search(str(k))), None)
            if bad is not None:
                stack.append(((*path, "(a field name)"), str(bad)))
        elif isinstance(val, list):
            stack += [((*path, i), v) for i, v in enumerate(val)]
        elif isinstance(val, str) and (m := _BAD_CHAR.search(val)):
            where = "top level"
            if len(path) >= 2 and path[0] == "items" and isinstance(path[1], int):
                item = d["items"][path[1]]
                iid = item.get("id") if isinstance(item, dict) else None
                where = f"item {path[1] + 1}" + (f" (id {iid})" if isinstance(iid, str) else "")
                path = path[2:]
            field = ".".join(str(p) for p in path if not isinstance(p, int)) or "items"
            raise _fail(where, f"the field '{field}' holds an invalid character (U+{ord(m.group()):04X})")


def bank_from_dict(d: Any) -> Bank:
    """Validate a bank object (as parsed from JSON) and build a :class:`Bank`."""
    if not isinstance(d, dict):
        raise BankError("This is not a quizgen bank: the file should hold one JSON object.")
    _check_characters(d)
    if d.get("format") != FORMAT:
        raise _fail("top level", f"the field 'format' should be \"{FORMAT}\"")
    version = d.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _fail("top level", "the field 'version' should be a whole number")
    if version > VERSION:
        raise BankError(
            f"This bank was written by a newer quizgen (bank version {version}); this quizgen reads "
            f"version {VERSION}. Update quizgen to open it."
        )
    if version < 1:
        raise _fail("top level", f"the field 'version' is {version}; it should be {VERSION}")
    bid = _req(d, "id", str, "top level")
    title = _req(d, "title", str, "top level")
    language = _req(d, "language", str, "top level")
    article = _req(d, "article", dict, "top level")
    text = _req(article, "text", str, "article")
    for key in ("title", "date", "source"):  # optional, but every exporter writes them as text
        if article.get(key) is not None and not isinstance(article[key], str):
            raise _fail("article", f"the field '{key}' should be a text, not {type(article[key]).__name__}")
    items_raw = _req(d, "items", list, "top level")
    items = [item_from_dict(x, n, text) for n, x in enumerate(items_raw)]
    seen: dict[str, int] = {}
    for n, it in enumerate(items):
        if it.id in seen:
            raise _fail(f"item {n + 1}", f"the id {it.id!r} is used twice (also by item {seen[it.id] + 1})")
        seen[it.id] = n
    alternates_raw = d.get("alternates") or []
    if not isinstance(alternates_raw, list):
        raise _fail("top level", "the field 'alternates' should be a list of items")
    alternates = [item_from_dict(x, n, text) for n, x in enumerate(alternates_raw)]
    for n, it in enumerate(alternates):
        if it.id in seen:
            raise _fail(f"alternate {n + 1}", f"the id {it.id!r} is already used by another item")
        seen[it.id] = n
    generator = d.get("generator") or {}
    settings = d.get("settings") or {}
    if not isinstance(generator, dict) or not isinstance(settings, dict):
        raise _fail("top level", "the fields 'generator' and 'settings' should be objects")
    return Bank(
        id=bid,
        title=title,
        language=language,
        article=dict(article),
        items=tuple(items),
        created=str(d.get("created") or ""),
        generator=generator,
        settings=settings,
        alternates=tuple(alternates),
    )


def loads_bank(data: str | bytes, name: str = "the bank") -> Bank:
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BankError(f"{name} is not a quizgen bank: it is not UTF-8 text.") from None
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as e:
        raise BankError(
            f"{name} is not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); "
            "it may be truncated or edited by hand."
        ) from None
    except (RecursionError, ValueError):  # nesting too deep, a number of thousands of digits
        raise BankError(
            f"{name} is not a quizgen bank: its JSON is nested too deeply or holds a huge number."
        ) from None
    return bank_from_dict(obj)


def read_bank(path: str | os.PathLike) -> Bank:
    """Read and validate a bank file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BANK_BYTES:
            raise BankError(f"{p.name} is {size // 1_000_000} MB; a bank file is at most 20 MB.")
        data = p.read_bytes()
    except FileNotFoundError:
        raise BankError(f"There is no bank file at {p}.") from None
    except IsADirectoryError:
        raise BankError(f"{p} is a folder, not a bank file.") from None
    except OSError as e:
        raise BankError(f"Cannot read {p}: {e.strerror}.") from None
    return loads_bank(data, p.name)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Write a file in one step: a temporary file beside it, then a rename (no half files)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        try:  # mkstemp makes the file private (0600); keep the old file's mode, else 0644
            mode = os.stat(p).st_mode & 0o777
        except OSError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_bank(bank: Bank, path: str | os.PathLike) -> None:
    """Validate and write a bank file (UTF-8 JSON, atomically)."""
    bank_from_dict(json.loads(bank.to_json()))  # never write a bank we could not read back
    atomic_write(path, bank.to_json().encode("utf-8"))
