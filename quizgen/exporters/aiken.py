"""``aiken``: Moodle's Aiken text format, for choice items only.

Each question is one line, its options ``A. ...`` one a line, then ``ANSWER: X``. Items with
options (mcq, true/false, cloze with options) are written; typed items are skipped, and so
are items with more than 26 options or whose texts would break the format.
"""

from __future__ import annotations

import re

from ..bank import Bank
from ..errors import ExportError
from .base import LETTERS, ExportResult, Skips, is_choice, key_index, one_line

# A question that starts like "B. " or "ANSWER:" would be read as an option or the key.
_CONFUSING = re.compile(r"^(?:[A-Z][.)]\s|ANSWER:)")


def export_aiken(bank: Bank) -> ExportResult:
    """The choice items of the bank as Aiken text (UTF-8)."""
    skips = Skips("aiken")
    blocks = []
    for item in bank.items:
        if not is_choice(item):
            skips.skip(item, "typed answers: Aiken holds multiple choice only")
            continue
        if len(item.options) > len(LETTERS):
            skips.skip(item, "more than 26 options")
            continue
        prompt = one_line(item.prompt)
        options = [one_line(o) for o in item.options]
        if _CONFUSING.match(prompt):
            skips.skip(item, "a text that Aiken would read as an option or a key")
            continue
        lines = [prompt]
        lines += [f"{LETTERS[n]}. {o}" for n, o in enumerate(options)]
        lines.append(f"ANSWER: {LETTERS[key_index(item)]}")
        blocks.append("\n".join(lines))
    if not blocks:  # an empty file would only make Moodle's import fail later
        raise ExportError(
            "No item of this bank fits Aiken (multiple choice, true/false or cloze with options); "
            "nothing was written. Use gift or moodle-xml for typed answers."
        )
    if any("\n" in it.prompt for it in bank.items):
        skips.note("aiken: line breaks inside a question are written as spaces.")
    return skips.result(("\n\n".join(blocks) + "\n").encode("utf-8"))
