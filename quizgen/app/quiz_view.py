"""How one attempt's quiz is shown: its order (shuffled per student, reproducibly), the widget
values for saved answers, and the answers as text from the widgets.

Answers are kept as text (the option's text, or what was typed), never as a position, so a
shuffled order or another device shows the same choice.

Example:
    >>> order = question_order(bank, seed=42, shuffle=True)  # doctest: +SKIP
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from ..bank import Bank, Item
from ..grading import is_typed


@dataclass(frozen=True)
class Shown:
    """An item as this student sees it: its number, the item, its options in shown order."""

    number: int
    item: Item
    options: tuple[str, ...]


def question_order(bank: Bank, *, seed: int, shuffle_questions: bool, shuffle_options: bool) -> list[Shown]:
    """The bank's items in this attempt's order (same seed, same order on every device)."""
    items = list(bank.items)
    if shuffle_questions:
        random.Random(seed).shuffle(items)
    out = []
    for n, it in enumerate(items, 1):
        options = list(it.options)
        if shuffle_options and it.kind != "true_false" and len(options) > 1:
            random.Random(seed ^ zlib.crc32(it.id.encode("utf-8"))).shuffle(options)
        out.append(Shown(n, it, tuple(options)))
    return out


def widget_value(shown: Shown, answer: str | None):
    """The widget value that shows a saved answer: the text, or the option's index."""
    if answer is None or answer == "":
        return "" if is_typed(shown.item) else None
    if is_typed(shown.item):
        return str(answer)
    return shown.options.index(answer) if answer in shown.options else None


def answer_of(shown: Shown, value) -> str | None:
    """The answer text a widget value stands for (None: not answered)."""
    if value is None:
        return None
    if is_typed(shown.item):
        text = str(value)
        return text if text.strip() else None
    if isinstance(value, int) and 0 <= value < len(shown.options):
        return shown.options[value]
    return None


def unanswered(order: list[Shown], answers: dict[str, str | None]) -> list[int]:
    """Numbers of the questions without an answer."""
    return [s.number for s in order if not (answers.get(s.item.id) or "").strip()]
