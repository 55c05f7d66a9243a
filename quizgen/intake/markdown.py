"""Markdown to plain text: headings become the title candidate, markup goes, link text stays."""

from __future__ import annotations

import re

from ..article import Removed
from .formats import Extracted

_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:[-*_]\s*){3,}$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)|!\[([^\]]*)\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_QUOTE = re.compile(r"^ {0,3}> ?")
_BULLET = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])\s+")


def strip_inline(line: str) -> str:
    """Remove inline markup from one line, keeping link and emphasis text."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(lambda m: m.group(1) or m.group(2), line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _STRIKE.sub(r"\1", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDER.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    return line


def extract_markdown(text: str) -> Extracted:
    """Turn Markdown into paragraphs; the first heading before any body text is the title."""
    removed: list[Removed] = []
    out: list[str] = []
    title: str | None = None
    seen_body = False
    in_fence = False
    lines = text.split("\n")
    for i, raw in enumerate(lines):
        if _FENCE.match(raw):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence:
            out.append(raw)
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        heading = None
        m = _ATX.match(raw)
        if m:
            heading = m.group(2)
        elif raw.strip() and not _RULE.match(raw) and _SETEXT.match(nxt) and (not out or not out[-1].strip()):
            heading = raw.strip()
            lines[i + 1] = ""  # the underline
        if heading is not None:
            heading = strip_inline(heading).strip()
            if heading and title is None and not seen_body:
                title = heading
            elif heading:
                removed.append(Removed(heading, "subheading"))
            out.append("")
            continue
        if _RULE.match(raw) or _REF_DEF.match(raw):
            out.append("")
            continue
        for img in _IMAGE.finditer(raw):
            removed.append(Removed(img.group(0), "image"))
        line = _QUOTE.sub("", raw)
        bullet = _BULLET.match(line)
        if bullet:
            line = line[bullet.end() :]
            if out and out[-1].strip():
                out.append("")  # a list item is a paragraph of its own
        line = strip_inline(line)
        if line.strip():
            seen_body = True
        out.append(line.rstrip())
        if bullet:
            out.append("")
    return Extracted(text="\n".join(out), kind="markdown", title=title, removed=tuple(removed))
