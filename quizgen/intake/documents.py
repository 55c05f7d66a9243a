"""Word (.docx) and PDF documents to plain text, through python-docx and pypdf.

A PDF's text layer comes as wrapped lines; :func:`reflow_pdf_text` joins them back into
paragraphs, re-joins words hyphenated at a line end, and drops page numbers.
"""

from __future__ import annotations

import io
import logging
import re

from ..article import Removed
from ..errors import InputError
from .decode import normalise_text
from .formats import Extracted

_TITLE_STYLES = ("title", "heading 1", "judul", "heading1")
_SUBHEAD_STYLE = re.compile(r"^(?:heading|judul)\s*[2-9]$|^subtitle$", re.I)


def extract_docx(data: bytes) -> Extracted:
    """Paragraphs of a Word document; a "Title"/"Heading 1" paragraph first is the title."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"This Word file could not be opened ({type(exc).__name__}); open it in Word or "
            "LibreOffice, save it again as .docx, or paste its text."
        ) from None
    except Exception as exc:  # a damaged package raises lxml and zip errors of many kinds
        raise InputError(
            f"This Word file is damaged ({type(exc).__name__}); save it again as .docx or paste its text."
        ) from None
    title = None
    removed: list[Removed] = []
    paragraphs: list[str] = []
    for para in _docx_paragraphs(document):
        text = normalise_text(para.text).strip()
        if not text:
            continue
        style = (para.style.name if para.style is not None else "").strip().lower()
        if style in _TITLE_STYLES and title is None and not paragraphs:
            title = text
        elif _SUBHEAD_STYLE.match(style) or style in _TITLE_STYLES:
            removed.append(Removed(text, "subheading"))
        else:
            paragraphs.append(" ".join(text.split("\n")))
    return Extracted(text="\n\n".join(paragraphs), kind="docx", title=title, removed=tuple(removed))


def _docx_paragraphs(document):
    """Body paragraphs in reading order, including those inside table cells (once per cell)."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            yield block
            continue
        seen: set[int] = set()
        for row in block.rows:
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell is returned for every grid column it spans
                    continue
                seen.add(id(cell._tc))
                yield from cell.paragraphs


def extract_pdf(data: bytes) -> Extracted:
    """The text layer of a PDF.

    Raises:
        InputError: for an encrypted PDF, a damaged one, or one with no text layer.
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not for teachers
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                "This PDF is encrypted (password-protected); open it, remove the protection or "
                "copy the article's text into a .txt file."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        message = str(exc).lower()
        if "decrypt" in message or "encrypt" in message or "password" in message:
            raise InputError(
                "This PDF is encrypted (password-protected); open it, remove the protection or "
                "copy the article's text into a .txt file."
            ) from None
        raise InputError(
            f"This PDF could not be read ({type(exc).__name__}); it may be damaged. Save it again "
            "or paste the article's text."
        ) from None
    except Exception as exc:  # pypdf raises assorted errors on broken files and missing crypto backends
        raise InputError(
            f"This PDF could not be read ({type(exc).__name__}: {exc}); save it again or paste the article's text."
        ) from None
    text = normalise_text("\n\n".join(pages))
    if sum(1 for ch in text if ch.isalpha()) < 20:
        raise InputError(
            "This PDF has no text layer (it is probably scanned); run OCR on it or paste the text."
        )
    body, removed = reflow_pdf_text(text)
    title = None
    info = reader.metadata
    if info is not None:
        try:
            meta_title = (info.title or "").strip()
        except Exception:  # malformed metadata is not worth failing for
            meta_title = ""
        if meta_title and body.startswith(meta_title):
            title = meta_title
            body = body[len(meta_title) :].lstrip()
    return Extracted(text=body, kind="pdf", title=title, removed=tuple(removed))


_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page|halaman|hal\.?)\s*)?\d{1,4}(?:\s*(?:of|dari|/)\s*\d{1,4})?\s*$", re.I
)
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")", "»")


def reflow_pdf_text(text: str) -> tuple[str, list[Removed]]:
    """Join wrapped PDF lines into paragraphs separated by blank lines.

    A line ends its paragraph when it is followed by a blank line, or when it ends a sentence
    and is clearly shorter than the text width.
    """
    removed: list[Removed] = []
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if line.strip() and _PAGE_NUMBER.match(line):
            removed.append(Removed(line.strip(), "page number"))
            continue
        kept.append(line.strip())
    width = max((len(line) for line in kept), default=0)
    paragraphs: list[str] = []
    parts: list[str] = []  # lines of the paragraph being built (joined once: linear time)
    for line in kept:
        if not line:
            if parts:
                paragraphs.append("".join(parts))
                parts = []
            continue
        _append_line(parts, line)
        if line.endswith(_SENTENCE_END) and len(line) < 0.8 * width:
            paragraphs.append("".join(parts))
            parts = []
    if parts:
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs), removed


def _append_line(parts: list[str], line: str) -> None:
    """Add a wrapped line to a paragraph, re-joining a word hyphenated at the line end."""
    if not parts:
        parts.append(line)
        return
    last = parts[-1]
    if last.endswith("-") and len(last) > 1 and last[-2].isalpha() and line[:1].islower():
        before = re.search(r"(\w+)-$", last)
        after = re.match(r"\w+", line)
        if not (before and after and before.group(1).lower() == after.group(0).lower()):
            parts[-1] = last[:-1]  # a word hyphenated at the line end; "negara-negara" keeps it
        parts.append(line)
        return
    if not (last.endswith("-") and len(last) > 1 and last[-2].isalpha() and line[:1].isupper()):
        parts.append(" ")  # (a compound split at its hyphen, "Asia-\nPasifik", gets no space)
    parts.append(line)
