"""Bytes to clean text: encoding detection, binary refusal, and Unicode normalisation.

Order of attempts: a byte-order mark (UTF-8, UTF-16 LE/BE), UTF-16 without a BOM recognised
by its NUL pattern, strict UTF-8, then the Windows single-byte code page cp1252 (what
Windows Notepad and Word save Indonesian and English text as), then Latin-1.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

_SAMPLE = 8192
_CONTROL_OK = frozenset("\n\r\t\f\v")

# Spaces that should be plain spaces, and invisible characters that only get in the way.
_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_TRANSLATE = {
    **_SPACES,
    **_INVISIBLE,
    ord("\f"): "\n",
    ord("\v"): "\n",
    ord("\u2028"): "\n",
    ord("\u2029"): "\n\n",
}
_REPLACEMENTS = {chr(k): ("" if v is None else v) for k, v in _TRANSLATE.items()}
_SPECIAL = re.compile("[" + "".join(re.escape(ch) for ch in _REPLACEMENTS) + "]")
_NEWLINES = re.compile(r"\r\n?")


def _utf16_without_bom(sample: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when NULs sit on one side of most byte pairs."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd > 0.3 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.3 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    """Name the encoding of ``data`` (a Python codec name).

    Raises:
        InputError: when the bytes are not text (NUL bytes that are not UTF-16).
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        guess = _utf16_without_bom(sample)
        if guess:
            return guess
        raise InputError(
            "This file is not text (it contains binary data): open the article in its program "
            "and save or copy it as plain text (.txt), .docx, .html or a PDF with text."
        )
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def decode_bytes(data: bytes) -> str:
    """Decode text bytes with the detected encoding and normalise the result.

    Raises:
        InputError: for binary data or undecodable bytes.
    """
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"This file could not be read as {encoding} text ({exc.reason} at byte {exc.start}); "
            "save it again as UTF-8 text."
        ) from None
    text = normalise_text(text)
    check_not_binary(text)
    return text


def check_not_binary(text: str) -> None:
    """Refuse decoded text that is mostly control characters (a binary file read as text)."""
    sample = text[: _SAMPLE * 4]
    if not sample:
        return
    controls = sum(1 for ch in sample if (ch < " " and ch not in _CONTROL_OK) or "\x7f" <= ch <= "\x9f")
    if controls > max(3, 0.01 * len(sample)):
        raise InputError(
            "This file does not look like text (too many control characters); it may be an image, "
            "an archive or a program. Save the article as plain text, .docx, .html or PDF."
        )


def normalise_text(text: str) -> str:
    """Line endings to ``\\n``, NFC, odd spaces to spaces, invisible characters removed.

    Curly quotes, dashes and ellipses are kept as written.
    """
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if _SPECIAL.search(text):  # a regex scan: much faster than str.translate on big clean text
        text = _SPECIAL.sub(lambda m: _REPLACEMENTS[m.group()], text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
