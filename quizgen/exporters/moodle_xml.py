"""``moodle-xml``: Moodle XML question format.

A ``<quiz>`` starting with a category question, then ``multichoice`` (single answer,
shuffled), ``shortanswer``, ``truefalse`` (answers ``true``/``false``) and, for cloze items,
``cloze`` questions with one embedded answer: ``{1:MULTICHOICE:=key~d1~d2}`` or
``{1:SHORTANSWER:=key~=variant}``. Question texts are HTML inside CDATA.
"""

from __future__ import annotations

import html
import re

from ..bank import Bank, Item
from .base import (
    ExportResult,
    Skips,
    check_xml_text,
    correct_answers,
    one_line,
    plain_text,
    split_blank,
    tf_truth,
)

_CLOZE_SPECIAL = re.compile(r"([\\}#~])")


def cdata(text: str) -> str:
    """A CDATA section holding ``text`` (a ``]]>`` inside is split across two sections)."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def para(text: str) -> str:
    """Plain text as one HTML paragraph (newlines become <br>, control characters spaces)."""
    text = plain_text(text)
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in text.split("\n")) + "</p>"


def _text_el(tag: str, text: str, fmt: str = "html") -> str:
    return f'<{tag} format="{fmt}"><text>{cdata(text)}</text></{tag}>'


def _plain(text: str) -> str:
    return html.escape(one_line(text), quote=False)


def _common(item: Item, qtext_html: str) -> list[str]:
    out = [
        f"<name><text>{_plain(item.id)}</text></name>",
        _text_el("questiontext", qtext_html),
        _text_el("generalfeedback", para(item.explanation) if item.explanation.strip() else ""),
        "<defaultgrade>1</defaultgrade>",
        "<penalty>0.3333333</penalty>",
        "<hidden>0</hidden>",
        f"<idnumber>{_plain(item.id)}</idnumber>",
    ]
    return out


def _answer(fraction: int, text_html: str, fmt: str = "html") -> str:
    return (
        f'<answer fraction="{fraction}" format="{fmt}"><text>{cdata(text_html)}</text>'
        '<feedback format="html"><text></text></feedback></answer>'
    )


def multichoice(item: Item) -> list[str]:
    body = _common(item, para(item.prompt))
    body += [
        "<single>true</single>",
        "<shuffleanswers>true</shuffleanswers>",
        "<answernumbering>abc</answernumbering>",
        "<showstandardinstruction>0</showstandardinstruction>",
    ]
    body += [_answer(100 if o == item.answer else 0, para(o)) for o in item.options]
    return body


def shortanswer(item: Item) -> list[str]:
    body = _common(item, para(item.prompt)) + ["<usecase>0</usecase>"]
    body += [_answer(100, one_line(a), "moodle_auto_format") for a in correct_answers(item)]
    return body


def truefalse(item: Item) -> list[str]:
    truth = tf_truth(item)
    body = _common(item, para(item.prompt))
    body += [
        _answer(100 if truth else 0, "true", "moodle_auto_format"),
        _answer(0 if truth else 100, "false", "moodle_auto_format"),
    ]
    return body


def cloze_escape(text: str) -> str:
    """An answer inside an embedded-answer block: HTML-escaped, then ``\\ } # ~`` escaped."""
    return _CLOZE_SPECIAL.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def _outside(text: str) -> str:
    """Text around the embedded answer: braces as entities so Moodle never reads them as a block."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;").replace("\n", "<br>")


def _distractor(text: str) -> str:
    """A wrong alternative that starts like a grade marker (``=`` or ``%50%``) gets an explicit ``%0%``."""
    return "%0%" + text if text.startswith(("=", "%")) else text


def embedded(item: Item) -> str:
    """The ``{1:TYPE:...}`` block of a cloze item."""
    if item.options:
        alts = [
            "=" + cloze_escape(o) if o == item.answer else _distractor(cloze_escape(o)) for o in item.options
        ]
        return "{1:MULTICHOICE:" + "~".join(alts) + "}"
    alts = ["=" + cloze_escape(a) for a in correct_answers(item)]
    return "{1:SHORTANSWER:" + "~".join(alts) + "}"


def cloze(item: Item) -> list[str]:
    before, after = split_blank(item.prompt)
    qtext = "<p>" + _outside(before) + embedded(item) + _outside(after) + "</p>"
    return _common(item, qtext)


BUILDERS = {
    "mcq": ("multichoice", multichoice),
    "short_answer": ("shortanswer", shortanswer),
    "true_false": ("truefalse", truefalse),
    "cloze": ("cloze", cloze),
}


def question_xml(item: Item) -> str:
    qtype, build = BUILDERS[item.kind]
    if item.kind == "mcq" and not item.options:
        qtype, build = BUILDERS["short_answer"]
    inner = "\n    ".join(build(item))
    return f'  <question type="{qtype}">\n    {inner}\n  </question>'


def export_moodle_xml(bank: Bank) -> ExportResult:
    """The bank as a Moodle XML quiz file (UTF-8)."""
    check_xml_text(bank, "Moodle XML")
    name = one_line((bank.title or bank.id).replace("/", "-"))
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<quiz>",
        f'  <question type="category">\n    <category><text>{_plain("$course$/top/quizgen/" + name)}</text></category>\n'
        f'    <info format="html"><text>{cdata(para(bank.article.get("source") or ""))}</text></info>\n  </question>',
    ]
    parts += [question_xml(it) for it in bank.items]
    parts.append("</quiz>\n")
    return Skips("moodle-xml").result("\n".join(parts).encode("utf-8"))
