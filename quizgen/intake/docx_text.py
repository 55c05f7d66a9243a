"""Word (.docx) paragraphs read as a stream, with limits checked while reading.

A .docx is a zip of XML parts; a few hundred kilobytes of it can inflate to gigabytes of
XML (a "zip bomb") or to hundreds of thousands of paragraphs. So the main document part is
decompressed piece by piece and parsed with ``lxml.etree.iterparse``: each paragraph is
turned into text and dropped as soon as it ends, and reading stops at the first limit passed
(:mod:`.limits`): part size, compression ratio, paragraph count, text size. Entities and
network access are off in the XML parser.

What is read matches python-docx's ``Document.iter_inner_content()``: body paragraphs and
the paragraphs of top-level table cells, in reading order; a paragraph's text is that of its
runs (also inside hyperlinks): text, tabs, line breaks, non-breaking hyphens.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from .limits import (
    MAX_MEMBER_BYTES,
    MAX_PARAGRAPHS,
    MAX_RATIO,
    MAX_TEXT_CHARS,
    RATIO_FLOOR_BYTES,
    megabytes,
    over_limit,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOC = "/officeDocument"
_STYLES = "/styles"
_WHAT = "This Word file"


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph: its text and its style's name ("" when it has none)."""

    text: str
    style: str


class _Bounded:
    """A zip member as a file object that stops at the size and ratio limits while read."""

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        self.name = info.filename
        self.packed = max(info.compress_size, 1)
        _check_declared(info)
        self.raw = archive.open(info)
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        chunk = self.raw.read(65536 if n is None or n < 0 else min(n, 65536))
        self.count += len(chunk)
        if self.count > MAX_MEMBER_BYTES:
            raise over_limit(
                _WHAT, "MAX_MEMBER_BYTES", f"{megabytes(MAX_MEMBER_BYTES)} in its part {self.name}"
            )
        if self.count > RATIO_FLOOR_BYTES and self.count / self.packed > MAX_RATIO:
            raise over_limit(_WHAT, "MAX_RATIO", f"a {MAX_RATIO}:1 compression ratio in its part {self.name}")
        return chunk

    def close(self) -> None:
        self.raw.close()


def _check_declared(info: zipfile.ZipInfo) -> None:
    """Refuse a part whose declared size already passes a limit (before inflating anything)."""
    if info.file_size > MAX_MEMBER_BYTES:
        raise over_limit(
            _WHAT, "MAX_MEMBER_BYTES", f"{megabytes(MAX_MEMBER_BYTES)} in its part {info.filename}"
        )
    if info.file_size > RATIO_FLOOR_BYTES and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
        raise over_limit(_WHAT, "MAX_RATIO", f"a {MAX_RATIO}:1 compression ratio in its part {info.filename}")


def _parse(source, **kw):
    from lxml import etree

    return etree.iterparse(
        source, resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True, **kw
    )


def _rels(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Relationship type suffix -> target part name, from the ``.rels`` part ``name``."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return {}
    base = posixpath.dirname(posixpath.dirname(name))  # "word/_rels/x.rels" -> "word"
    out: dict[str, str] = {}
    for _, el in _parse(_Bounded(archive, info), events=("end",), tag=_R):
        kind, target = el.get("Type", ""), el.get("Target", "")
        if target and el.get("TargetMode") != "External":
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
            out.setdefault("/" + kind.rsplit("/", 1)[-1], posixpath.normpath(path))
    return out


def _style_names(archive: zipfile.ZipFile, name: str) -> tuple[dict[str, str], str]:
    """Paragraph style id -> name, and the default paragraph style's name."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return {}, ""
    names: dict[str, str] = {}
    default = ""
    for _, el in _parse(_Bounded(archive, info), events=("end",), tag=W + "style"):
        if el.get(W + "type", "paragraph") == "paragraph":
            label = el.find(W + "name")
            shown = label.get(W + "val", "") if label is not None else ""
            names[el.get(W + "styleId", "")] = shown
            if el.get(W + "default") in ("1", "true", "on"):
                default = shown
        el.clear()
    return names, default


def _run_text(run) -> str:
    out = []
    for child in run:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag == W + "cr":
            out.append("\n")
        elif tag == W + "br":
            if child.get(W + "type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _paragraph_text(p) -> str:
    out = []
    for child in p:
        if child.tag == W + "r":
            out.append(_run_text(child))
        elif child.tag == W + "hyperlink":
            out.extend(_run_text(r) for r in child if r.tag == W + "r")
    return "".join(out)


def _style_id(p) -> str:
    ppr = p.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    return style.get(W + "val", "") if style is not None else ""


_BODY = (W + "document", W + "body")
_CELL = (W + "document", W + "body", W + "tbl", W + "tr", W + "tc")


def docx_paragraphs(archive: zipfile.ZipFile) -> Iterator[DocxParagraph]:
    """The paragraphs of an open .docx archive, in reading order, within the limits.

    Raises:
        KeyError: the archive has no main document part.
        LimitError: a part, the paragraph count or the text passes a limit.
    """
    main = _rels(archive, "_rels/.rels").get(_OFFICE_DOC, "word/document.xml")
    info = archive.getinfo(main)  # KeyError: not a Word document
    doc_rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    styles_part = _rels(archive, doc_rels).get(_STYLES, posixpath.join(posixpath.dirname(main), "styles.xml"))
    names, default = _style_names(archive, styles_part)
    stack: list[str] = []
    count = chars = 0
    for event, el in _parse(_Bounded(archive, info), events=("start", "end")):
        if event == "start":
            stack.append(el.tag)
            continue
        stack.pop()
        if el.tag != W + "p":
            if el.tag == W + "tbl" and tuple(stack) == _BODY:
                _drop(el)
            continue
        count += 1
        if count > MAX_PARAGRAPHS:
            raise over_limit(_WHAT, "MAX_PARAGRAPHS", f"{MAX_PARAGRAPHS:,} paragraphs")
        where = tuple(stack)
        if where == _BODY or where == _CELL:
            text = _paragraph_text(el)
            chars += len(text)
            if chars > MAX_TEXT_CHARS:
                raise over_limit(_WHAT, "MAX_TEXT_CHARS", f"{MAX_TEXT_CHARS:,} characters of text")
            sid = _style_id(el)
            yield DocxParagraph(text, names.get(sid, default) if sid else default)
        if where == _BODY:
            _drop(el)
        else:
            el.clear()


def _drop(el) -> None:
    """Free a finished top-level element and what came before it (keeps memory flat)."""
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
