"""Read Moodle GIFT files for the question kinds quizgen has.

Multiple choice (one ``=`` key) becomes ``mcq``; a question with only ``=`` answers
``short_answer``; ``{T}``/``{F}`` ``true_false`` (with the language's true/false words);
a "missing word" question (text after the answer block) or a text holding ``_____`` becomes
``cloze``. The ``::title::`` is the item id. Other GIFT kinds (matching, numerical, essay,
description, several right options with weights) are skipped with a warning. GIFT holds no
article, so the bank's article text is empty.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from ..bank import BLANK, BLANK_RE, bank_from_dict
from ..errors import BankError, ExportError
from ..exporters.base import tf_words
from . import ImportResult

_ESC = {"\\": "\\", ":": ":", "#": "#", "=": "=", "{": "{", "}": "}", "~": "~", "n": "\n"}
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.I)
_TAG = re.compile(r"<[^>]+>")


class _Q:
    def __init__(self, line: int, text: str) -> None:
        self.line = line
        self.text = text


def split_questions(data: str) -> tuple[list[_Q], str]:
    """Questions (with their first line number) and the last category name."""
    questions: list[_Q] = []
    category = ""
    buf: list[str] = []
    start = 0
    for n, line in enumerate(data.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            continue
        if stripped.startswith("$CATEGORY:"):
            category = stripped[len("$CATEGORY:") :].strip()
            continue
        if not stripped:
            if buf:
                questions.append(_Q(start, "\n".join(buf)))
                buf = []
            continue
        if not buf:
            start = n
        buf.append(line)
    if buf:
        questions.append(_Q(start, "\n".join(buf)))
    return questions, category


def _find_unescaped(s: str, chars: str, start: int = 0) -> int:
    i = start
    while i < len(s):
        if s[i] == "\\":
            i += 2
            continue
        if s[i] in chars:
            return i
        i += 1
    return -1


def _split_unescaped(s: str, chars: str) -> list[tuple[str, str]]:
    """Split ``s`` before every unescaped char of ``chars``: [(marker, text), ...]."""
    parts, marker, cur, i = [], "", [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            cur.append(s[i : i + 2])
            i += 2
            continue
        if c in chars:
            parts.append((marker, "".join(cur)))
            marker, cur = c, []
        else:
            cur.append(c)
        i += 1
    parts.append((marker, "".join(cur)))
    return parts


def unescape(text: str, fmt: str = "moodle") -> str:
    """GIFT text to plain text: escapes decoded, whitespace tidied, HTML tags dropped for [html]."""
    text = " ".join(text.replace("\n", " ").split()) if fmt != "markdown" else text.strip()
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESC:
            out.append(_ESC[text[i + 1]])
            i += 2
        else:
            out.append(text[i])
            i += 1
    s = "".join(out)
    if fmt == "html":
        s = html.unescape(_TAG.sub("", s.replace("<br>", "\n")))
    return s.strip()


def _fmt(text: str) -> tuple[str, str]:
    m = _FORMAT.match(text)
    return (m.group(1).lower(), text[m.end() :]) if m else ("moodle", text)


def _join_blank(before: str, after: str) -> str:
    """Text before and after a missing-word block, with the blank between (no space before
    punctuation, none after an opening bracket or quote)."""
    left = before if not before or before[-1] in "([{“‘\"'" else before + " "
    right = after if not after or after[0] in ".,;:!?)]}”’\"'…" else " " + after
    return (left + BLANK + right).strip()


def parse_question(q: _Q, language: str) -> tuple[dict | None, str | None]:
    """One GIFT question as an item dict, or the reason it was skipped."""
    s = q.text
    title = ""
    if s.lstrip().startswith("::"):
        body = s.lstrip()[2:]
        end = body.find("::")
        while end > 0 and body[end - 1] == "\\":
            end = body.find("::", end + 1)
        if end < 0:
            raise ExportError(f"line {q.line}: the title (::title::) is not closed.")
        title, s = unescape(body[:end]), body[end + 2 :]
    open_ = _find_unescaped(s, "{")
    if open_ < 0:
        return None, "a description (no answer block)"
    close = _find_unescaped(s, "}", open_ + 1)
    if close < 0:
        raise ExportError(f"line {q.line}: the answer block '{{' is not closed with '}}'.")
    fmt, before = _fmt(s[:open_])
    block, after = s[open_ + 1 : close].strip(), s[close + 1 :]
    before_t, after_t = unescape(before, fmt), unescape(after, fmt)
    feedback = ""
    fb_at = block.find("####")
    if fb_at >= 0:
        feedback, block = unescape(block[fb_at + 4 :], fmt), block[:fb_at].strip()
    if block.startswith("#"):
        return None, "a numerical question"
    if not block:
        return None, "an essay question"
    kind, options, answer, accepted = "", [], "", []
    if re.fullmatch(r"(?:T|F|TRUE|FALSE)(?:\s*#.*)?", block, re.S):
        truth = block.split("#")[0].strip() in ("T", "TRUE")
        words = list(tf_words(language))
        kind, options, answer = "true_false", words, words[0] if truth else words[1]
    else:
        parts = [(m, t) for m, t in _split_unescaped(block, "=~") if m]
        if not parts:  # "{answer}" alone: a single short answer
            parts = [("=", block)]
        if any("->" in t for _, t in parts):
            return None, "a matching question"
        choices = []  # (marker as written, right with full credit, text)
        partial = 0  # answers with partial credit
        for marker, t in parts:
            t = _split_unescaped(t, "#")[0][1]  # drop per-answer feedback
            weight = re.match(r"\s*%(-?[\d.]+)%", t)
            full = marker == "=" and not weight
            if weight:
                t = t[weight.end() :]
                full = float(weight.group(1)) >= 100
                partial += 0 < float(weight.group(1)) < 100
            afmt, t = _fmt(t) if _FORMAT.match(t) else (fmt, t)
            choices.append((marker, full, unescape(t, afmt)))
        rights = [t for _, full, t in choices if full]
        if not rights and partial > 1:
            return None, "a multiple-answer question (several right options)"
        if not rights:
            return None, "a question without a fully right answer"
        if all(m == "=" for m, _, _ in choices):  # short answer; partial-credit variants are left out
            kind, answer, accepted = "short_answer", rights[0], rights
        elif len(rights) == 1:
            kind, options, answer = "mcq", [t for _, _, t in choices], rights[0]
        else:
            return None, "a multiple-answer question (several right options)"
    embedded = bool(after_t.strip())
    if kind in ("mcq", "short_answer") and (embedded or BLANK_RE.search(before_t)):
        prompt = _join_blank(before_t, after_t) if embedded else before_t
        if len(BLANK_RE.findall(prompt)) == 1:
            kind = "cloze"
        else:
            prompt = prompt if embedded else before_t
    else:
        prompt = f"{before_t} {after_t}".strip() if embedded else before_t
    if kind == "true_false":
        prompt = f"{before_t} {after_t}".strip()
    if not prompt.strip():
        return None, "no question text"
    iid = title.strip() or f"g-{hashlib.sha1(prompt.encode()).hexdigest()[:6]}"
    item = {
        "id": iid,
        "kind": kind,
        "prompt": prompt,
        "options": options,
        "answer": answer,
        "accepted": accepted if kind in ("short_answer", "cloze") and not options else [],
        "source": {"sentence": "", "start": 0, "end": 0},
        "answer_span": None,
        "explanation": feedback,
        "reason": f"imported from GIFT (line {q.line})",
    }
    return item, None


def read_gift(path: Path, *, language: str = "en") -> ImportResult:
    """Read a GIFT file into a bank (no article: GIFT does not hold one)."""
    raw = path.read_bytes()
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError(f"{path.name} is not UTF-8 text; save it as UTF-8 and try again.") from None
    questions, category = split_questions(data)
    items, warnings, seen = [], [], set()
    for q in questions:
        try:
            item, why = parse_question(q, language)
        except ExportError as e:
            raise ExportError(f"{path.name}, {e}") from None
        if item is None:
            warnings.append(f"{path.name}, line {q.line}: skipped {why}.")
            continue
        if item["id"] in seen:
            item["id"] = f"{item['id']}-{q.line}"
        seen.add(item["id"])
        items.append(item)
    if not items:
        raise ExportError(
            f"{path.name} holds no question quizgen can use (multiple choice, short answer, "
            "true/false or missing word)."
        )
    title = category.rsplit("/", 1)[-1].strip() or path.stem
    stem = path.name.split(".")[0]
    obj = {
        "format": "quizgen.bank",
        "version": 1,
        "id": stem,
        "title": title,
        "language": language,
        "created": "",
        "generator": {"name": "quizgen import", "from": "gift"},
        "article": {"title": title, "source": path.name, "text": ""},
        "items": items,
    }
    try:
        bank = bank_from_dict(obj)
    except BankError as e:
        raise ExportError(f"{path.name}: {e}") from None
    return ImportResult(bank, tuple(warnings))
