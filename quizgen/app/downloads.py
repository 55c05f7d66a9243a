"""Exports on the create page: one format at a time, built only when the teacher picks it.

The file is named by the quiz's title and the format (``kim-jong-un-dan-vladimir-putin.kahoot.xlsx``);
what the format leaves out, what it changes and why it cannot be made are said in the UI language
by question number (never an item id, never the exporter's English), and before the download the
page says how many of the quiz's questions the file carries.

Example:
    >>> from quizgen.exporters import EXPORTERS
    >>> download_name("Kim Jong-un dan Vladimir Putin", EXPORTERS["kahoot"])
    'kim-jong-un-dan-vladimir-putin.kahoot.xlsx'
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

from ..bank import Bank
from ..errors import QuizgenError
from .strings import t

MAX_STEM = 60

# What an exporter's English reason says -> the UI key that says it in the UI language.
_REASONS = (
    (re.compile(r"typed answers"), "skip_typed"),
    (re.compile(r"more than (\d+) (?:answers|options)"), "skip_many_options"),
    (re.compile(r"question longer than (\d+)"), "skip_long_question"),
    (re.compile(r"answer longer than (\d+)"), "skip_long_answer"),
    (re.compile(r"Aiken would read"), "skip_aiken_text"),
)
_NOTES = (
    (re.compile(r"^gift: runs of spaces"), "note_gift_spaces"),
    (re.compile(r"^aiken: line breaks"), "note_aiken_breaks"),
    (re.compile(r"^quizizz: item (\S+) has more than (\d+) accepted"), "note_quizizz_accepted"),
    (re.compile(r"^worksheet-pdf: the font has no glyph for (\d+)"), "note_pdf_glyphs"),
    (
        re.compile(r"^worksheet-pdf: (\d+) text\(s\) too long for the page were shortened"),
        "note_pdf_shortened",
    ),
)
# Why an exporter refused (its English ExportError) -> the UI key. Named groups: ``item`` (an
# item id, shown as its question number), ``fmt`` (a format name), ``n``, ``s``, ``error``.
_PROBLEMS = (
    (re.compile(r"^Item (?P<item>.+?)(?:, column \S+)? holds a control character that (?P<fmt>.+?) files"),
     "problem_control_item"),
    (re.compile(r"holds a control character that (?P<fmt>.+?) files"), "problem_control_quiz"),
    (re.compile(r"^Item (?P<item>.+?)(?:, column \S+)? is (?P<n>\d+) characters; an Excel cell"), "problem_cell_item"),
    (re.compile(r" is (?P<n>\d+) characters; an Excel cell"), "problem_cell_quiz"),
    (re.compile(r"^No item of this bank fits"), "problem_nothing_fits"),
    (re.compile(r"^Item (?P<item>.+?): a true/false item needs two options"), "problem_true_false"),
    (re.compile(r"took longer than (?P<s>[\d.]+) s and was stopped"), "problem_too_slow"),
    (re.compile(r"its process ended with status"), "problem_crashed"),
    (re.compile(r"needs more memory than quizgen allows"), "problem_memory"),
    (re.compile(r"export failed \((?P<error>\w+):"), "export_failed"),
)  # fmt: skip


@dataclass(frozen=True)
class Built:
    """One format built for one bank: the bytes, how many questions it carries, what to tell."""

    data: bytes
    carried: int
    total: int
    warnings: tuple[str, ...]
    problem: str = ""


def slug(title: str) -> str:
    """A file-name stem from a title: ASCII letters and digits joined by ``-``, at most 60 characters
    cut at a word boundary (``"Kim Jong-un & Putin!"`` -> ``kim-jong-un-putin``)."""
    ascii_ = unicodedata.normalize("NFKD", str(title)).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    if len(stem) > MAX_STEM:
        stem = stem[: MAX_STEM + 1].rsplit("-", 1)[0] if "-" in stem[:MAX_STEM] else stem[:MAX_STEM]
    return stem or "quiz"


def download_name(title: str, exporter) -> str:
    """The download's file name: title slug, the format's short name, its suffix."""
    tag = exporter.name.split("-")[0]
    suffix = exporter.suffix
    if suffix.startswith("." + tag):
        return slug(title) + suffix
    return f"{slug(title)}.{tag}{suffix}"


def _numbers(ids, positions: dict[str, int]) -> str:
    return ", ".join(str(n) for n in sorted(positions.get(i, 0) for i in ids))


def problem_text(bank: Bank, fmt: str, message: str, lang: str) -> str:
    """Why ``fmt`` could not be made, from the exporter's English ``message``, said in ``lang``
    with question numbers; a message not known here gets the general sentence (and is logged)."""
    positions = {it.id: n for n, it in enumerate(bank.items, 1)}
    for pattern, ui_key in _PROBLEMS:
        m = pattern.search(message)
        if m:
            found = m.groupdict()
            fields = {"fmt": found.get("fmt") or fmt}
            if "item" in found:
                fields["numbers"] = str(positions.get(found["item"], "?"))
            fields.update({k: found[k] for k in ("n", "s", "error") if k in found})
            return t(ui_key, lang, **fields)
    logging.getLogger("quizgen.app").warning("export %s: no UI message for %r", fmt, message)
    return t("err_class_ExportError", lang)


def explain(bank: Bank, skipped, notes, lang: str, fmt: str = "") -> list[str]:
    """The exporter's skipped items and notes as sentences in ``lang``, naming question numbers."""
    positions = {it.id: n for n, it in enumerate(bank.items, 1)}
    groups: dict[tuple[str, tuple], list[str]] = {}
    for iid, reason in skipped:
        key, args = "skip_other", ()
        for pattern, ui_key in _REASONS:
            m = pattern.search(reason)
            if m:
                key, args = ui_key, m.groups()
                break
        groups.setdefault((key, args), []).append(iid)
    out = []
    for (key, args), ids in groups.items():
        fields = {"n": args[0]} if args else {}
        out.append(t("skipped_questions", lang, numbers=_numbers(ids, positions), why=t(key, lang, **fields)))
    for note in notes:
        for pattern, ui_key in _NOTES:
            m = pattern.search(note)
            if m:
                if ui_key == "note_quizizz_accepted":
                    out.append(t(ui_key, lang, number=positions.get(m.group(1), "?"), n=m.group(2)))
                else:
                    out.append(t(ui_key, lang, **({"n": m.group(1)} if m.groups() else {})))
                break
        else:  # a note not known here: say that the file changes something, never in English
            logging.getLogger("quizgen.app").warning("export %s: no UI message for note %r", fmt, note)
            out.append(t("note_other", lang, fmt=fmt or "?"))
    return out


HEAVY = frozenset({"worksheet-pdf"})  # run in a child process with a time budget, off the server


def _run(bank: Bank, fmt: str):
    from ..exporters import EXPORTERS

    if fmt in HEAVY:
        try:
            from ..exporters.budget import build_export
        except ImportError:  # an older quizgen without the budgeted runner
            return EXPORTERS[fmt](bank)
        return build_export(bank, fmt)
    return EXPORTERS[fmt](bank)


def build(bank: Bank, fmt: str, lang: str) -> Built:
    """Run one exporter on ``bank``; its problems become a :class:`Built` with ``problem`` set."""
    total = len(bank.items)
    try:
        result = _run(bank, fmt)
    except QuizgenError as e:
        return Built(b"", 0, total, (), problem_text(bank, fmt, str(e), lang))
    except Exception as e:  # a bug in one exporter must not take the page down
        logging.getLogger("quizgen.app").exception("export %s failed", fmt)
        return Built(b"", 0, total, (), t("export_failed", lang, error=type(e).__name__))
    skipped = tuple(result.skipped)
    notes = [w for w in result.warnings if not re.match(r"^\S+: skipped \d+ item", w)]
    carried = total - len({i for i, _ in skipped})
    return Built(result.data, carried, total, tuple(explain(bank, skipped, notes, lang, fmt)))
