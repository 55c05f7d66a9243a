"""``gift``: Moodle's GIFT text format.

One ``$CATEGORY:`` line for the bank, then one question per item with the item id as its
``::title::``: multiple choice ``{=key ~d1 ~d2}``, short answer ``{=a =b}``, true/false
``{T}``/``{F}``, and cloze items as "missing word" questions (text before and after the
answer block). The characters ``~ = # { } :`` and ``\\`` are escaped in every text, as
Moodle's own exporter does; a newline inside a text is written ``\\n`` so that no question
holds a blank line. The item's explanation becomes the general feedback (``####``).
"""

from __future__ import annotations

import html
import re

from ..bank import Bank, Item
from .base import ExportResult, Skips, correct_answers, split_blank, tf_truth

_SPECIAL = re.compile(r"([~=#{}:\\])")
_FORMAT_MARK = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.I)


def escape(text: str, *, answer: bool = False) -> str:
    """Escape one GIFT text: special characters, newlines, runs of spaces.

    An answer that starts with ``%`` would be read as a weight (``~%50%text``) and one holding
    ``->`` as a matching pair; GIFT has no escape for either, so such an answer is written in
    ``[html]`` format (``&#37;``, ``-&gt;``).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if answer and (text.lstrip().startswith("%") or "->" in text):
        return "[html]" + escape(html.escape(text.strip(), quote=False).replace("%", "&#37;", 1))
    text = _SPECIAL.sub(r"\\\1", text)
    text = "\\n".join(" ".join(line.split()) for line in text.split("\n"))
    if _FORMAT_MARK.match(text):  # a text that starts like a format marker keeps its bracket
        text = "[moodle]" + text
    return text


def _feedback(item: Item) -> str:
    return f" ####{escape(item.explanation)}" if item.explanation.strip() else ""


def _choices(item: Item) -> str:
    parts = [("=" if o == item.answer else "~") + escape(o, answer=True) for o in item.options]
    return "{" + " ".join(parts) + _feedback(item) + "}"


def _typed(item: Item) -> str:
    return "{" + " ".join("=" + escape(a, answer=True) for a in correct_answers(item)) + _feedback(item) + "}"


def question(item: Item) -> str:
    """The GIFT text of one item (one or more lines, no blank line)."""
    head = f"::{escape(item.id)}::"
    if item.kind == "true_false":
        return f"{head}{escape(item.prompt)} {{{'T' if tf_truth(item) else 'F'}{_feedback(item)}}}"
    block = _choices(item) if item.options else _typed(item)
    if item.kind == "cloze":
        before, after = (escape(s) for s in split_blank(item.prompt))
        if after.strip():
            return f"{head}{before.rstrip()} {block} {after.lstrip()}"
        # nothing after the blank: keep the blank in the text, answers at the end
        return f"{head}{before.rstrip()} _____ {block}"
    return f"{head}{escape(item.prompt)} {block}"


def category(bank: Bank) -> str:
    name = " ".join((bank.title or bank.id).replace("/", "-").split())
    return f"$CATEGORY: $course$/top/quizgen/{name}"


def export_gift(bank: Bank) -> ExportResult:
    """The bank as GIFT text (UTF-8)."""
    skips = Skips("gift")
    parts = [f"// quizgen bank {bank.id} ({bank.language})", category(bank), ""]
    for item in bank.items:
        parts.append(question(item))
        parts.append("")
    if any(re.search(r"[ \t]{2,}|^\s|\s$", t) for it in bank.items for t in (it.prompt, *it.options)):
        skips.note("gift: runs of spaces, and spaces at the ends of a text, are not kept.")
    return skips.result("\n".join(parts).encode("utf-8"))
