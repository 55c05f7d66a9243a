"""The terminal quiz behind ``quizgen take``: show the article, ask each item, grade with
:mod:`quizgen.grading` (the app's rules), and review the answers.

Input and output go through two callables, so the same code runs in a terminal, in a
script (answers piped on standard input, one line per item) and in tests.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from .bank import Bank, Item
from .grading import Score, is_typed, score
from .lang.ui import table

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WIDTH = 78
_LETTER = re.compile(r"^\s*([A-Za-z])\s*[.)]?\s*$")
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
TEXT_KEYS = ("question", "answer", "typed", "choose", "invalid", "review", "yours", "key", "none", "score",
             "source", "why")  # fmt: skip


def texts(language: str) -> dict[str, str]:
    """The terminal's words in ``language`` (English for a language without a UI table), from the
    same ``quizgen/lang/<code>/ui.json`` table as the app (keys ``take_*``)."""
    ui = table(language)
    return {k: ui["take_" + k] for k in TEXT_KEYS}


@dataclass(frozen=True)
class QuizResult:
    """The score and each item's answer as the student gave it."""

    score: Score
    answers: dict[str, str | None]


def wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        textwrap.fill(p, WIDTH, initial_indent=indent, subsequent_indent=indent) if p.strip() else ""
        for p in text.split("\n")
    )


def article_text(bank: Bank) -> str:
    """The article as the terminal shows it: title, details, paragraphs wrapped."""
    title = bank.article.get("title") or bank.title
    details = " · ".join(str(bank.article[k]) for k in ("date", "source") if bank.article.get(k))
    paras = [p.strip() for p in bank.text.split("\n") if p.strip()]
    return "\n".join([title, "=" * min(len(title), WIDTH), details, ""] + [wrap(p) + "\n" for p in paras])


def show_item(n: int, total: int, item: Item, language: str) -> str:
    """The question as printed: number, prompt, lettered options."""
    t = texts(language)
    lines = [f"{t['question']} {n}/{total}", wrap(item.prompt, "  ")]
    if not is_typed(item):
        lines += [wrap(f"{LETTERS[i]}. {o}", "    ") for i, o in enumerate(item.options)]
    return "\n".join(lines)


def interpret(item: Item, response: str | None) -> tuple[str | None, bool]:
    """The answer a response stands for, and whether it was understood.

    For option items a letter (``b``, ``B.``), a number (``2``) or an option's text picks the
    option; anything else is not understood. A typed item takes the text as it is. An empty
    response is no answer.
    """
    if response is None or not response.strip():
        return None, True
    if is_typed(item):
        return response.strip(), True
    m = _LETTER.match(response)
    if m and LETTERS.index(m.group(1).upper()) < len(item.options):
        return item.options[LETTERS.index(m.group(1).upper())], True
    m = _NUMBER.match(response)
    if m and 1 <= int(m.group(1)) <= len(item.options):
        return item.options[int(m.group(1)) - 1], True
    folded = response.strip().casefold()
    for option in item.options:
        if option.strip().casefold() == folded:
            return option, True
    return response.strip(), False


def review(bank: Bank, result: QuizResult) -> str:
    """The end-of-quiz review: each item right or wrong, the key, the explanation."""
    t = texts(bank.language)
    out = [t["review"], "-" * len(t["review"])]
    for n, item in enumerate(bank.items, start=1):
        g = result.score.grades[item.id]
        mark = "✓" if g.correct else "✗"
        given = g.given if g.given.strip() else t["none"]
        how = f" ({g.how})" if g.correct and g.how != "exact" else ""
        out.append(
            textwrap.fill(f"{mark} {n}. {' '.join(item.prompt.split())}", WIDTH, subsequent_indent="     ")
        )
        out.append(f"     {t['yours']}: {given}{how}")
        if not g.correct:
            key = item.answer
            if not is_typed(item):
                key = f"{LETTERS[item.options.index(item.answer)]}. {key}"
            out.append(f"     {t['key']}: {key}")
        if item.explanation.strip():
            out.append(wrap(f"{t['why']}: {item.explanation}", "     "))
        elif not g.correct and item.source.sentence.strip():
            out.append(wrap(f"{t['source']}: {item.source.sentence}", "     "))
    s = result.score
    out.append("")
    out.append(f"{t['score']}: {s.correct}/{s.total} ({s.percent:.0f}%)")
    return "\n".join(out)


def run_quiz(
    bank: Bank,
    *,
    ask: Callable[[str], str | None],
    say: Callable[[str], None],
    retry_invalid: bool = True,
) -> QuizResult:
    """Ask every item and grade the answers.

    Args:
        bank: the bank to take.
        ask: shows a prompt and returns the next answer line (``None`` at the end of input).
        say: prints a block of text.
        retry_invalid: ask again when an option item's answer is not understood (a terminal);
            when False (a script), the answer is graded as given.
    """
    t = texts(bank.language)
    answers: dict[str, str | None] = {}
    total = len(bank.items)
    for n, item in enumerate(bank.items, start=1):
        say("\n" + show_item(n, total, item, bank.language))
        letters = f"A-{LETTERS[len(item.options) - 1]}" if item.options else ""
        hint = t["typed"] if is_typed(item) else t["choose"]
        while True:
            response = ask(f"{t['answer']} ({hint}): ")
            value, understood = interpret(item, response)
            if understood or not retry_invalid or response is None:
                break
            say(t["invalid"].format(letters=letters))
        answers[item.id] = value
    return QuizResult(score(bank, answers), answers)
