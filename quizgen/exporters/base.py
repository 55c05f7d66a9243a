"""What every exporter shares: the :class:`Exporter` record, its :class:`ExportResult`, and the
small text helpers several formats need (true/false words, option letters, formula guard)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..bank import BLANK_RE, Bank, Item
from ..errors import ExportError

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

# Words that mean "true" in the languages quizgen writes true/false items in (folded to lower case).
TRUE_WORDS = frozenset({"true", "benar", "betul", "ya", "yes", "t"})
FALSE_WORDS = frozenset({"false", "salah", "tidak", "no", "f"})
TF_WORDS = {"id": ("Benar", "Salah"), "en": ("True", "False")}


@dataclass(frozen=True)
class ExportResult:
    """The bytes of one exported file and what the format could not carry.

    Attributes:
        data: the file's content.
        skipped: ids of items left out, each with the reason.
        warnings: sentences a teacher should read (one per skipped group or loss).
    """

    data: bytes
    skipped: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def skipped_ids(self) -> tuple[str, ...]:
        return tuple(i for i, _ in self.skipped)


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, file suffix, whether it is binary, and its function."""

    name: str
    suffix: str
    binary: bool
    description: str
    func: Callable[[Bank], ExportResult] = field(repr=False)

    def __call__(self, bank: Bank) -> ExportResult:
        return self.func(bank)


class Skips:
    """Collects skipped items and turns them into an :class:`ExportResult`'s fields."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.items: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def skip(self, item: Item, reason: str) -> None:
        self.items.append((item.id, reason))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def result(self, data: bytes) -> ExportResult:
        warnings = list(self.notes)
        by_reason: dict[str, list[str]] = {}
        for iid, reason in self.items:
            by_reason.setdefault(reason, []).append(iid)
        for reason, ids in by_reason.items():
            warnings.append(f"{self.fmt}: skipped {len(ids)} item(s) ({reason}): {', '.join(ids)}")
        return ExportResult(data=data, skipped=tuple(self.items), warnings=tuple(warnings))


def tf_truth(item: Item) -> bool:
    """Whether a true/false item's key means "true".

    The options are the two words of the article's language, the "true" word first; a bank
    that lists them the other way round is recognised by the words themselves.
    """
    if len(item.options) != 2 or item.answer not in item.options:
        raise ExportError(f"Item {item.id}: a true/false item needs two options, the answer among them.")
    first, second = (o.strip().casefold() for o in item.options)
    true_index = 1 if (second in TRUE_WORDS and first not in TRUE_WORDS) or first in FALSE_WORDS else 0
    return item.options.index(item.answer) == true_index


def tf_words(language: str) -> tuple[str, str]:
    """The true/false words used for a language (English when quizgen has none for it)."""
    return TF_WORDS.get(language, TF_WORDS["en"])


def is_choice(item: Item) -> bool:
    """Items answered by picking an option: mcq, true/false, and cloze items with options."""
    return bool(item.options) and item.kind in ("mcq", "cloze", "true_false")


def key_index(item: Item) -> int:
    return item.options.index(item.answer)


def split_blank(prompt: str) -> tuple[str, str]:
    """The text before and after a cloze prompt's blank."""
    m = BLANK_RE.search(prompt)
    if not m:
        return prompt, ""
    return prompt[: m.start()], prompt[m.end() :]


def correct_answers(item: Item) -> list[str]:
    """The key then every accepted variant, without repeats (typed items)."""
    out: list[str] = []
    for a in (item.answer, *item.accepted):
        if a.strip() and a not in out:
            out.append(a)
    return out


_DANGEROUS = re.compile(r"^'*[=+\-@\t\r\n]")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)*$")
_GUARDED = re.compile(r"^'+[=+\-@\t\r\n]")


def guard_formula(value: str) -> str:
    """Prefix ``'`` to a CSV value a spreadsheet would run as a formula (OWASP CSV injection).

    Plain numbers such as ``-12`` stay readable. A value that already starts with quotes before
    a dangerous character gets one more, so :func:`unguard_formula` gives the original back.
    """
    if _DANGEROUS.match(value) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """Undo :func:`guard_formula`."""
    return value[1:] if _GUARDED.match(value) else value


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_NEWLINES = re.compile("\r\n|[\r\x85\u2028\u2029]")
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")


def no_controls(text: str) -> str:
    """``text`` with NEL and U+2028/2029 written ``\\n`` and control characters other than tab,
    CR and LF made spaces (for CSV, whose quoting protects CR and LF only)."""
    return _CONTROL.sub(" ", _ODD_BREAKS.sub("\n", str(text)))


def plain_text(text: str) -> str:
    """``text`` with every line break written ``\\n`` (CR, CRLF, NEL, U+2028/2029) and every
    other control character made a space: what every exporter writes, so that no field can
    start a new line or hide a character in a file another program reads line by line."""
    return _CONTROL.sub(" ", _NEWLINES.sub("\n", str(text)))


def one_line(text: str) -> str:
    """Whitespace (newlines included) and control characters collapsed to single spaces."""
    return " ".join(plain_text(text).split())


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def check_xml_text(bank: Bank, fmt: str) -> None:
    """Refuse texts XML cannot hold (control characters), naming the item or the field."""
    for name, text in [
        ("title", bank.title),
        ("id", bank.id),
        ("article source", bank.article.get("source")),
    ]:
        if isinstance(text, str) and _XML_ILLEGAL.search(text):
            raise ExportError(
                f"The bank's {name} holds a control character that {fmt} files cannot store; remove it."
            )
    for it in bank.items:
        for text in (it.prompt, it.answer, it.explanation, *it.options, *it.accepted):
            if _XML_ILLEGAL.search(text):
                raise ExportError(
                    f"Item {it.id} holds a control character that {fmt} files cannot store; remove it."
                )
