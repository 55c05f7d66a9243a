"""Show bank text, article text and names literally: never as Markdown or HTML.

Long text goes through ``st.text`` (no parsing at all). Where Streamlit only offers Markdown
(headings, radio options), :func:`md_escape` backslash-escapes every ASCII punctuation mark, so
``<img src=x onerror=alert(1)>`` and ``[link](javascript:...)`` show as those characters.

Streamlit's Markdown also turns bare ``https://...``, ``www....`` and e-mail addresses into
links after the escapes are read, so :func:`no_autolink` puts an invisible word joiner
(U+2060) inside ``://``, ``www.`` and ``@``: the text looks the same and is no link. Bidi
controls (right-to-left overrides and isolates, which can make "evil" display as "live") are
removed from every untrusted text by :func:`neutral`; :func:`plain` is the one-line form for
select boxes and table cells, which Streamlit shows as text.
"""

from __future__ import annotations

import re
import string

import streamlit as st

_PUNCT = re.compile("([" + re.escape(string.punctuation) + "])")
_SHORTCODE = re.compile(r":(?=[\w+\-/]+:)")  # ":smile:" / ":material/x:" would become icons
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)")
JOINER = "\u2060"


def neutral(text: str) -> str:
    """``text`` without bidi controls (U+202A-E, U+2066-9, LRM, RLM, ALM) and with other
    control characters (not tab or newline) made spaces."""
    return _CONTROL.sub(" ", _BIDI.sub("", str(text)))


def plain(text: str) -> str:
    """Untrusted text for a select box option or a table cell: one line, :func:`neutral`."""
    return " ".join(neutral(text).split())


def no_autolink(text: str) -> str:
    """``text`` with a word joiner inside every ``://``, ``www.`` and ``@``, so that Markdown
    makes no link of a bare address (the text looks unchanged).

    Example:
        >>> no_autolink("see https://x.example") == "see https:\u2060//x.example"
        True
    """
    return _AUTOLINK.sub(JOINER, text)


def md_escape(text: str) -> str:
    """Text made safe for Streamlit Markdown: one line, no bidi controls, no autolinks,
    shortcodes broken, punctuation escaped."""
    text = no_autolink(plain(text))
    text = _SHORTCODE.sub(":\u200b", text)
    return _PUNCT.sub(r"\\\1", text)


def plain_frame(frame):
    """A copy of a pandas DataFrame whose text cells went through :func:`plain`."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    out = frame.copy()
    for col in out.columns:
        if is_object_dtype(out[col]) or is_string_dtype(out[col]):
            out[col] = out[col].map(lambda v: plain(v) if isinstance(v, str) else v)
    return out


def guarded(frame):
    """A copy whose text cells cannot run as spreadsheet formulas (``'`` before = + - @ tab CR LF)."""
    import pandas as pd

    from ..exporters.base import guard_formula

    out = frame.copy()
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]):
            out[col] = out[col].map(lambda v: guard_formula(v) if isinstance(v, str) else v)
    return out


def export_off() -> bool:
    """Whether Streamlit's own table download (``client.disableDataExport``) is off."""
    try:
        return bool(st.get_option("client.disableDataExport"))
    except Exception:  # an older Streamlit without the option
        return False


def no_table_export() -> bool:
    """Turn Streamlit's own "Download as CSV" on tables off for every session, whether or not
    ``.streamlit/config.toml`` was read (an app started from another folder does not read it).

    Returns True when the option was on: the browser learns the setting at the start of a run,
    so the caller reruns before showing anything.
    """
    if export_off():
        return False
    st.set_option("client.disableDataExport", True)
    return True


def shown(frame):
    """``frame`` as a read-only table shows it: text made :func:`plain`, and guarded too when
    Streamlit's own table download is on anyway, so its CSV cannot carry a formula either."""
    frame = plain_frame(frame)  # bidi controls and autolinks neutralised in names and answers
    return frame if export_off() else guarded(frame)


def literal(text: str, **kwargs) -> None:
    """Plain text, shown as given (bidi controls removed: :func:`neutral`)."""
    st.text(neutral(text), **kwargs)


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
        st.text(neutral(text[a:b]))


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
        st.text(neutral(_clip(before, 300, tail=True)))
    st.info(f"**{md_escape(label)}:** {md_escape(text[start:end])}", icon=":material/format_quote:")
    if after:
        st.text(neutral(_clip(after, 300, tail=False)))


def error(message: str) -> None:
    """An error box whose message may quote user or bank text (escaped)."""
    st.error(md_escape(message))


def success(message: str) -> None:
    """A success box whose message may quote user or bank text (escaped)."""
    st.success(md_escape(message))
