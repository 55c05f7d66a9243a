"""Show bank text, article text and names literally: never as Markdown or HTML.

Long text goes through ``st.text`` (no parsing at all). Where Streamlit only offers Markdown
(headings, radio options), :func:`md_escape` backslash-escapes every ASCII punctuation mark, so
``<img src=x onerror=alert(1)>`` and ``[link](javascript:...)`` show as those characters.
"""

from __future__ import annotations

import re
import string

import streamlit as st

_PUNCT = re.compile("([" + re.escape(string.punctuation) + "])")
_SHORTCODE = re.compile(r":(?=[\w+\-/]+:)")  # ":smile:" / ":material/x:" would become icons


def md_escape(text: str) -> str:
    """Text made safe for Streamlit Markdown: punctuation escaped, shortcodes broken, one line."""
    text = " ".join(str(text).split())
    text = _SHORTCODE.sub(":\u200b", text)
    return _PUNCT.sub(r"\\\1", text)


def literal(text: str, **kwargs) -> None:
    """Plain text, shown exactly as given."""
    st.text(str(text), **kwargs)


def heading(text: str, level: int = 3) -> None:
    """A heading whose text is bank or user text (escaped)."""
    st.markdown("#" * level + " " + md_escape(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the non-empty lines (paragraphs) of an article text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def article(text: str) -> None:
    """The article, paragraph by paragraph, as plain text."""
    for a, b in paragraphs(text):
        st.text(text[a:b])


def _clip(text: str, limit: int, *, tail: bool) -> str:
    """At most ``limit`` characters of ``text`` (its end when ``tail``), cut at a space."""
    if len(text) <= limit:
        return text
    if tail:
        cut = text[-limit:]
        return "… " + cut[cut.find(" ") + 1 :]
    cut = text[:limit]
    return cut[: cut.rfind(" ")] + " …"


def source_in_context(text: str, start: int, end: int, label: str) -> None:
    """The paragraph holding ``text[start:end]``, with that sentence highlighted (escaped)."""
    para = next(((a, b) for a, b in paragraphs(text) if a <= start < b), (start, end))
    before, after = text[para[0] : start].strip(), text[end : max(para[1], end)].strip()
    if before:
        st.text(_clip(before, 300, tail=True))
    st.info(f"**{md_escape(label)}:** {md_escape(text[start:end])}", icon=":material/format_quote:")
    if after:
        st.text(_clip(after, 300, tail=False))


def error(message: str) -> None:
    """An error box whose message may quote user or bank text (escaped)."""
    st.error(md_escape(message))


def success(message: str) -> None:
    """A success box whose message may quote user or bank text (escaped)."""
    st.success(md_escape(message))
