"""Format dispatch: turn the bytes or text of any supported format into plain text.

Each extractor returns an :class:`Extracted`: plain text (paragraphs separated by blank
lines), plus a title and date when the format says so (an HTML ``<h1>``, a Word "Title"
style, a Markdown heading), and what it dropped. Extractor libraries are imported only when
a file of their kind arrives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Removed
from .decode import check_not_binary, decode_bytes, normalise_text
from .sniff import _HTML_START, sniff


@dataclass(frozen=True)
class Extracted:
    """Plain text pulled out of a document, before layout and cleaning."""

    text: str
    kind: str  # "text", "markdown", "html", "docx", "pdf"
    title: str | None = None
    date_text: str | None = None
    removed: tuple[Removed, ...] = ()


def looks_like_html(text: str) -> bool:
    """True when pasted text is HTML: a whole page, or a fragment of block elements."""
    head = text[:2048]
    return bool(_HTML_START.match(head.encode("utf-8", "replace")) or _HTML_FRAGMENT.match(head))


_HTML_FRAGMENT = re.compile(
    r"\A\s*<(?:p|div|article|section|main|h[1-6]|ul|ol|blockquote|figure|table)\b[^>]*>", re.I
)


def extract_bytes(data: bytes, suffix: str = "") -> Extracted:
    """Sniff ``data`` and extract its text.

    Args:
        data: file content.
        suffix: the file name's suffix in lower case (".md"), or "" when unknown.

    Raises:
        InputError: for unreadable, binary, encrypted or scanned input.
    """
    kind = sniff(data, suffix)
    if kind == "pdf":
        from .documents import extract_pdf

        return extract_pdf(data)
    if kind == "docx":
        from .documents import extract_docx

        return extract_docx(data)
    return extract_text(decode_bytes(data), kind)


def extract_text(text: str, kind: str = "text") -> Extracted:
    """Extract from already decoded text of kind "text", "markdown" or "html"."""
    text = normalise_text(text)
    check_not_binary(text)
    if kind == "html" or (kind == "text" and looks_like_html(text)):
        from .html_page import extract_html

        return extract_html(text)
    if kind == "markdown" or (kind == "text" and _MD_HEADING_FIRST.match(text)):
        from .markdown import extract_markdown

        return extract_markdown(text)
    return Extracted(text=text, kind="text")


_MD_HEADING_FIRST = re.compile(r"\A\s*#{1,6} \S")
