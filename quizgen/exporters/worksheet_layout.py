"""What the two worksheet formats (HTML and PDF) share: labels in the bank's language (from the
language pack's ``ui.json``) and the order of the sections (choice items, true/false, typed
answers), numbered throughout."""

from __future__ import annotations

from dataclasses import dataclass

from ..bank import Bank, Item
from ..lang.ui import table
from .base import LETTERS, is_choice, key_index, tf_truth

#: The words a worksheet prints, each under the key ``sheet_<word>`` of the language's ``ui.json``.
WORDS = ("name", "class", "date", "score", "read", "questions", "key", "choice", "or", "true_false",
         "typed", "accepted", "true", "false")  # fmt: skip


def labels(language: str) -> dict[str, str]:
    """The worksheet's words in ``language``, from the language pack's ``ui.json`` (the app's
    and ``quizgen take``'s table; English for a language without one)."""
    ui = table(language)
    return {w: ui["sheet_" + w] for w in WORDS}


@dataclass(frozen=True)
class Numbered:
    number: int
    item: Item


@dataclass(frozen=True)
class Section:
    key: str  # "choice", "true_false" or "typed"
    instruction: str
    entries: tuple[Numbered, ...]


def sections(bank: Bank) -> list[Section]:
    """The bank's items in worksheet order: choice items, then true/false, then typed answers."""
    lab = labels(bank.language)
    groups: dict[str, list[Item]] = {"choice": [], "true_false": [], "typed": []}
    for it in bank.items:
        key = "true_false" if it.kind == "true_false" else "choice" if is_choice(it) else "typed"
        groups[key].append(it)
    out, n = [], 1
    for key, items in groups.items():
        if not items:
            continue
        entries = []
        for it in items:
            entries.append(Numbered(n, it))
            n += 1
        instruction = lab[key]
        if key == "choice":
            letters = list(LETTERS[: max(len(it.options) for it in items)])
            comma = "," if bank.language == "id" and len(letters) > 2 else ""
            instruction = instruction.format(
                letters=f"{', '.join(letters[:-1])}{comma} {lab['or']} {letters[-1]}"
            )
        out.append(Section(key, instruction, tuple(entries)))
    return out


def key_text(item: Item, language: str) -> str:
    """The answer as the key page shows it: ``B. Pyongyang``, ``Benar``, or the typed answer."""
    lab = labels(language)
    if item.kind == "true_false":
        return item.answer if item.answer else lab["true" if tf_truth(item) else "false"]
    if is_choice(item):
        return f"{LETTERS[key_index(item)]}. {item.answer}"
    others = [a for a in item.accepted if a.strip() and a != item.answer]
    return item.answer + (f" ({lab['accepted']}: {'; '.join(others)})" if others else "")


def paragraphs(text: str) -> list[str]:
    """The article's paragraphs (blank-line or line separated)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
