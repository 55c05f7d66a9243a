"""Tell what kind of file some bytes are by their content (magic numbers), not their name.

A PDF renamed ``.txt`` is still a PDF; a ``.docx`` is a zip holding ``word/document.xml``.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)

# (magic bytes, what it is, what to do); checked in order at the start of the data.
_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _binary_error(what: str) -> InputError:
    return InputError(
        f"This file is {what}, not an article; quizgen reads text (.txt, .md), web pages (.html), "
        "Word documents (.docx) and PDFs with a text layer."
    )


def sniff(data: bytes, suffix: str = "") -> str:
    """Return the kind of ``data``: "pdf", "docx", "html", "markdown" or "text".

    Args:
        data: the raw bytes.
        suffix: the file name's suffix (lower case, with the dot) when known; used only to
            choose between text kinds (markdown or plain), never to trust a binary format.

    Raises:
        InputError: for a format quizgen cannot read (images, archives, programs, .doc, .rtf).
    """
    head = data[:16]
    if data[:1024].lstrip().startswith(b"%PDF-") or head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data)
    if head.startswith(_OLD_OFFICE):
        raise InputError(
            "This is an old Word (.doc) or Office file; open it in Word or LibreOffice and save it "
            "as .docx or plain text (.txt)."
        )
    if data[:5].lower() == b"{\\rtf":
        raise InputError(
            "This is an RTF file; open it in a word processor and save it as .docx or plain text (.txt)."
        )
    for magic, what in _REFUSED_MAGIC:
        if head.startswith(magic):
            if magic == b"BM" and not _looks_like_bmp(data):
                continue
            if magic == b"MZ" and b"This program" not in data[:512] and b"PE\x00\x00" not in data[:1024]:
                continue
            raise _binary_error(what)
    if head[:12].startswith(b"RIFF"):
        raise _binary_error("an audio, video or image file")
    probe = data[:2048]
    if probe.startswith(b"\xef\xbb\xbf"):
        probe = probe[3:]
    if _HTML_START.match(probe) or suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def _looks_like_bmp(data: bytes) -> bool:
    return len(data) > 26 and int.from_bytes(data[2:6], "little") == len(data)


def _sniff_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _binary_error("a damaged zip archive") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        raise InputError(
            "This is an OpenDocument file (.odt); save it as .docx or plain text (.txt) in LibreOffice."
        )
    if any(n.startswith("xl/") for n in names) or any(n.startswith("ppt/") for n in names):
        raise InputError(
            "This is an Excel or PowerPoint file; copy the article's text into a .txt or .docx file."
        )
    raise _binary_error("a zip archive")
