"""Word (.docx) and PDF documents to plain text: .docx through a streaming reader
(:mod:`.docx_text`), PDF through pypdf; both within the extraction limits of :mod:`.limits`.

A PDF's text layer comes as wrapped lines; :func:`reflow_pdf_text` joins them back into
paragraphs, re-joins words hyphenated at a line end, and drops page numbers.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from ..article import Removed
from ..errors import InputError
from .decode import normalise_text
from .formats import Extracted

_TITLE_STYLES = ("title", "heading 1", "judul", "heading1")
_SUBHEAD_STYLE = re.compile(r"^(?:heading|judul)\s*[2-9]$|^subtitle$", re.I)


def extract_docx(data: bytes) -> Extracted:
    """Paragraphs of a Word document; a "Title"/"Heading 1" paragraph first is the title.

    Read as a stream within the extraction limits (:mod:`.docx_text`): a file that inflates
    past them is refused with a one-line :class:`~.limits.LimitError` naming the limit.
    """
    from .docx_text import docx_paragraphs
    from .limits import LimitError

    title = None
    removed: list[Removed] = []
    paragraphs: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for para in docx_paragraphs(archive):
                text = normalise_text(para.text).strip()
                if not text:
                    continue
                style = para.style.strip().lower()
                if style in _TITLE_STYLES and title is None and not paragraphs:
                    title = text
                elif _SUBHEAD_STYLE.match(style) or style in _TITLE_STYLES:
                    removed.append(Removed(text, "subheading"))
                else:
                    paragraphs.append(" ".join(text.split("\n")))
    except LimitError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise InputError(
            f"This Word file could not be opened ({type(exc).__name__}); open it in Word or "
            "LibreOffice, save it again as .docx, or paste its text."
        ) from None
    except Exception as exc:  # a damaged package raises lxml and zlib errors of many kinds
        raise InputError(
            f"This Word file is damaged ({type(exc).__name__}); save it again as .docx or paste its text."
        ) from None
    return Extracted(text="\n\n".join(paragraphs), kind="docx", title=title, removed=tuple(removed))


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
        pages = _page_texts(reader)
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


def _page_texts(reader) -> list[str]:
    """The text of every page, within the limits on pages, page content and text.

    Every page's content streams are measured (decompressed once each, counted for every page
    that uses them) before any text is extracted, so a file over the limits is refused at once.
    """
    from .limits import (
        MAX_PAGES,
        MAX_PDF_CONTENT_BYTES,
        MAX_RATIO,
        MAX_TEXT_CHARS,
        RATIO_FLOOR_BYTES,
        megabytes,
        over_limit,
    )

    what = "This PDF"
    n_pages = len(reader.pages)
    if n_pages > MAX_PAGES:
        raise over_limit(what, "MAX_PAGES", f"{MAX_PAGES:,} pages")
    sizes: dict[int, int] = {}
    total = 0
    for page in reader.pages:
        for stream in _content_streams(page):
            key = id(stream)
            if key not in sizes:
                decoded = len(stream.get_data())
                packed = len(getattr(stream, "_data", b"") or b"") or 1
                if decoded > RATIO_FLOOR_BYTES and decoded / packed > MAX_RATIO:
                    raise over_limit(
                        what, "MAX_RATIO", f"a {MAX_RATIO}:1 compression ratio in a page's content"
                    )
                sizes[key] = decoded
            total += sizes[key]
            if total > MAX_PDF_CONTENT_BYTES:
                raise over_limit(
                    what, "MAX_PDF_CONTENT_BYTES", f"{megabytes(MAX_PDF_CONTENT_BYTES)} of page content"
                )
    texts, chars = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        chars += len(text)
        if chars > MAX_TEXT_CHARS:
            raise over_limit(what, "MAX_TEXT_CHARS", f"{MAX_TEXT_CHARS:,} characters of text")
        texts.append(text)
    return texts


def _content_streams(page) -> list:
    """The page's content stream objects (one, several, or none)."""
    from pypdf.generic import ArrayObject

    contents = page.get("/Contents")
    if contents is None:
        return []
    contents = contents.get_object()
    items = contents if isinstance(contents, ArrayObject) else [contents]
    out = []
    for item in items:
        obj = item.get_object()
        if hasattr(obj, "get_data"):
            out.append(obj)
    return out


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
