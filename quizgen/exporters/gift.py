"""``gift``: Moodle's GIFT text format.

One ``$CATEGORY:`` line for the bank, then one question per item with the item id as its
``::title::``: multiple choice ``{=key ~d1 ~d2}``, short answer ``{=a =b}``, true/false
``{T}``/``{F}``, and cloze items as "missing word" questions (text before and after the
answer block). The characters ``~ = # { } :`` and ``\\`` are escaped in every text, as
Moodle's own exporter does; a newline inside a text is written ``\\n`` so that no question
holds a blank line, and other control characters become spaces (in the header comment and
category line too: a bank id cannot add a line). Moodle reads GIFT texts as HTML, so a
question whose text holds ``<``, ``>`` or ``&`` is written in ``[html]`` format with those
characters as entities, and so is such an answer: Moodle shows them as typed. The item's
explanation becomes the general feedback (``####``).
"""

from __future__ import annotations

import html
import re

from ..bank import Bank, Item
from .base import ExportResult, Skips, correct_answers, one_line, plain_text, split_blank, tf_truth

_SPECIAL = re.compile(r"([~=#{}:\\])")
_FORMAT_MARK = re.compile(r"^\s*\[(?:html|moodle|plain|markdown)\]", re.I)
_HTML_CHARS = re.compile("[<>&]")


def needs_html(text: str) -> bool:
    """Whether Moodle would read ``text`` as HTML (it holds ``<``, ``>`` or ``&``)."""
    return bool(_HTML_CHARS.search(text))


def escape(text: str, *, answer: bool = False, as_html: bool = False) -> str:
    """Escape one GIFT text: special characters, newlines, control characters, runs of spaces.

    With ``as_html`` the text is for an ``[html]`` question: ``< > &`` become entities and a
    newline ``<br>``. An answer holding those, one that starts with ``%`` (read as a weight,
    ``~%50%text``) or one holding ``->`` (a matching pair) is written in ``[html]`` format
    (``&lt;``, ``&#37;``, ``-&gt;``): GIFT has no escape for them.
    """
    text = plain_text(text)
    if answer and (text.lstrip().startswith("%") or "->" in text or needs_html(text)):
        text = html.escape(text.strip(), quote=False).replace("%", "&#37;", 1)
        return "[html]" + escape(text.replace("\n", "<br>"))
    if as_html:
        text = html.escape(text, quote=False).replace("\n", "<br>")
    text = _SPECIAL.sub(r"\\\1", text)
    text = "\\n".join(" ".join(line.split()) for line in text.split("\n"))
    if _FORMAT_MARK.match(text):  # a text that starts like a format marker keeps its bracket
        text = "[moodle]" + text
    return text


def _feedback(item: Item, as_html: bool) -> str:
    return f" ####{escape(item.explanation, as_html=as_html)}" if item.explanation.strip() else ""


def _choices(item: Item, as_html: bool) -> str:
    parts = [("=" if o == item.answer else "~") + escape(o, answer=True) for o in item.options]
    return "{" + " ".join(parts) + _feedback(item, as_html) + "}"


def _typed(item: Item, as_html: bool) -> str:
    answers = " ".join("=" + escape(a, answer=True) for a in correct_answers(item))
    return "{" + answers + _feedback(item, as_html) + "}"


def question(item: Item) -> str:
    """The GIFT text of one item (one or more lines, no blank line)."""
    as_html = needs_html(item.prompt) or needs_html(item.explanation)
    head = f"::{escape(item.id)}::" + ("[html]" if as_html else "")
    if item.kind == "true_false":
        truth = "T" if tf_truth(item) else "F"
        return f"{head}{escape(item.prompt, as_html=as_html)} {{{truth}{_feedback(item, as_html)}}}"
    block = _choices(item, as_html) if item.options else _typed(item, as_html)
    if item.kind == "cloze":
        before, after = (escape(s, as_html=as_html) for s in split_blank(item.prompt))
        if as_html and not before.strip():
            # a blank that opens the text: GIFT parsers want the html stem to start with text
            before = "<span></span>"
        if after.strip():
            return f"{head}{before.rstrip()} {block} {after.lstrip()}"
        # nothing after the blank: keep the blank in the text, answers at the end
        return f"{head}{before.rstrip()} _____ {block}"
    return f"{head}{escape(item.prompt, as_html=as_html)} {block}"


def category(bank: Bank) -> str:
    name = one_line((bank.title or bank.id).replace("/", "-"))
    return f"$CATEGORY: $course$/top/quizgen/{name}"


def export_gift(bank: Bank) -> ExportResult:
    """The bank as GIFT text (UTF-8)."""
    skips = Skips("gift")
    parts = [f"// quizgen bank {one_line(bank.id)} ({one_line(bank.language)})", category(bank), ""]
    for item in bank.items:
        parts.append(question(item))
        parts.append("")
    if any(re.search(r"[ \t]{2,}|^\s|\s$", t) for it in bank.items for t in (it.prompt, *it.options)):
        skips.note("gift: runs of spaces, and spaces at the ends of a text, are not kept.")
    return skips.result("\n".join(parts).encode("utf-8"))
