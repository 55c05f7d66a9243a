"""Article intake: a file, pasted text or uploaded bytes to an :class:`~quizgen.article.Article`.

:func:`load_article` runs these steps, each in its own module:

1. read the source and check its size (:mod:`.limits`);
2. sniff the format by content and extract text: plain text, Markdown, HTML, .docx, PDF
   (:mod:`.sniff`, :mod:`.formats`, :mod:`.markdown`, :mod:`.html_page`, :mod:`.documents`);
3. decode bytes (BOM, UTF-16, UTF-8, cp1252) and normalise the text (:mod:`.decode`);
4. tell headline, dateline and body apart and cut paragraphs (:mod:`.layout`, :mod:`.dates`);
5. remove boilerplate, recording each removal with its reason (:mod:`.clean`);
6. join the paragraphs into the body text, once: every offset points into it;
7. detect or check the language (:mod:`quizgen.lang`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..article import Article
from ..errors import InputError, UnsupportedLanguageError
from .dates import parse_date
from .formats import Extracted, extract_bytes, extract_text
from .layout import lay_out
from .limits import MAX_INPUT_BYTES, check_size, check_text_size

__all__ = ["MAX_INPUT_BYTES", "PARAGRAPH_SEPARATOR", "load_article"]

#: Paragraphs are joined with a blank line in ``Article.text``.
PARAGRAPH_SEPARATOR = "\n\n"
_PATH_SUFFIXES = {
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".docx",
    ".pdf",
    ".doc",
    ".rtf",
    ".odt",
}
_FEW_WORDS = 25  # below this, "unknown" language means "too short to tell"
_LANGUAGE_SAMPLE = 50_000  # characters given to language detection
_URL = re.compile(r"^(?:https?|ftp)://\S+$", re.I)
_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*(?:\s|$)")


def load_article(
    source: str | os.PathLike | bytes, *, language: str = "auto", name: str | None = None
) -> Article:
    """Read an article from a file path, pasted text, or file bytes.

    Args:
        source: a path (``str`` or ``Path``) of an existing file; any other ``str`` is the
            article's text itself; ``bytes`` are a file's content (e.g. an upload).
        language: "auto" to detect, or a language code such as "id" or "en".
        name: the source's name to record (defaults to the file name, "<text>" or
            "<bytes>"); its suffix helps tell Markdown from plain text for bytes.

    Returns:
        The article: body text, title, date, language, paragraphs and what was removed.

    Raises:
        InputError: the input is missing, empty, binary, too large, a scanned or encrypted
            PDF, or has no body text.
        UnsupportedLanguageError: the language is not one quizgen has a pack for.
    """
    extracted, source_name = _extract(source, name)
    layout = lay_out(
        _printable(extracted.text),
        _printable(extracted.title) if extracted.title else extracted.title,
        _printable(extracted.date_text) if extracted.date_text else extracted.date_text,
    )
    if not layout.paragraphs:
        raise _no_body_error(layout.title or extracted.text.strip())
    paragraphs: list[tuple[int, int]] = []
    pos = 0
    for p in layout.paragraphs:
        paragraphs.append((pos, pos + len(p)))
        pos += len(p) + len(PARAGRAPH_SEPARATOR)
    body = PARAGRAPH_SEPARATOR.join(layout.paragraphs)
    if not _has_sentences(layout.paragraphs):
        raise _no_body_error(body)
    code = _language(body, language)
    return Article(
        text=body,
        language=code,
        title=layout.title,
        date_text=layout.date_text,
        date=parse_date(layout.date_text) if layout.date_text else None,
        source=source_name,
        paragraphs=tuple(paragraphs),
        removed=tuple(extracted.removed) + layout.removed,
    )


def _extract(source: str | os.PathLike | bytes, name: str | None) -> tuple[Extracted, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        check_size(len(data), f"The uploaded file{_quoted(name)}")
        _check_not_empty(data, name)
        return extract_bytes(data, Path(name).suffix.lower() if name else ""), name or "<bytes>"
    if isinstance(source, os.PathLike):
        return _extract_file(Path(source), name)
    if not isinstance(source, str):
        raise InputError(
            f"quizgen cannot read an article from a {type(source).__name__}; give a file path, text or bytes."
        )
    if _is_existing_file(source):
        return _extract_file(Path(source), name)
    if _URL.match(source.strip()) and "\n" not in source.strip():
        raise InputError(
            "quizgen does not download web pages: open the page in a browser and save it "
            "(.html), or copy the article's text and paste it."
        )
    if _looks_like_path(source):
        path = Path(source)
        if path.is_dir():
            raise InputError(f"'{source}' is a folder, not a file; give the article's file.")
        raise InputError(
            f"File not found: '{source}'. Check the name and folder, or paste the article's text."
        )
    check_text_size(source)
    if not source.strip():
        raise InputError("The text is empty: paste an article or give a file.")
    return extract_text(source), name or "<text>"


def _extract_file(path: Path, name: str | None) -> tuple[Extracted, str]:
    display = name or path.name
    try:
        if path.is_dir():
            raise InputError(f"'{path}' is a folder, not a file; give the article's file.")
        size = path.stat().st_size
        check_size(size, f"The file '{display}'")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"File not found: '{path}'. Check the name and folder.") from None
    except PermissionError:
        raise InputError(
            f"quizgen may not read '{path}' (permission denied); copy it somewhere you can read."
        ) from None
    except OSError as exc:
        raise InputError(f"The file '{path}' could not be read: {exc.strerror or exc}.") from None
    check_size(len(data), f"The file '{display}'")
    _check_not_empty(data, display)
    return extract_bytes(data, Path(display).suffix.lower() or path.suffix.lower()), display


_STRAY = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]|[\ud800-\udfff]")


def _printable(text: str) -> str:
    """Stray control characters (a few pass the binary check) become spaces and lone
    surrogates (from pasted text) are dropped: no file quizgen writes could hold them."""
    return _STRAY.sub(lambda m: "" if m.group() >= "\ud800" else " ", text)


def _check_not_empty(data: bytes, name: str | None) -> None:
    if not data:
        raise InputError(f"The file{_quoted(name)} is empty: there is no article in it.")
    if len(data) < 4096 and not data.strip(b" \t\r\n\x0b\x0c\xef\xbb\xbf\xff\xfe\x00"):
        raise InputError(f"The file{_quoted(name)} holds only blank space: there is no article in it.")


def _quoted(name: str | None) -> str:
    return f" '{name}'" if name else ""


def _is_existing_file(text: str) -> bool:
    if not text or "\n" in text or len(text) > 4096 or "\x00" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _looks_like_path(text: str) -> bool:
    """A one-line string naming a file that does not exist, rather than article text."""
    s = text.strip()
    if not s or "\n" in s or len(s) > 1024:
        return False
    if Path(s).suffix.lower() in _PATH_SUFFIXES:
        # "artikel.txt", "C:\\Users\\Budi Santoso\\a.txt"; not a sentence ending in "file.txt"
        return " " not in s or "/" in s or "\\" in s
    return (
        s.startswith(("/", "./", "../", "~")) or re.match(r"^[A-Za-z]:\\", s) is not None
    ) and " " not in s


def _has_sentences(paragraphs: tuple[str, ...]) -> bool:
    """Body text, not just a heading: a sentence of a few words, or enough words anyway."""
    words = sum(len(p.split()) for p in paragraphs)
    if words >= 30:
        return True
    return any(len(p.split()) >= 3 and _SENTENCE_END.search(p) for p in paragraphs)


def _no_body_error(seen: str) -> InputError:
    shown = " ".join(seen[:80].split()) + ("…" if len(seen) > 80 else "")  # one line
    if not seen:
        return InputError("There is no article text in this input; it is empty once blank lines are removed.")
    return InputError(
        f"This input has only a title or heading (“{shown}”) and no article body: give the whole "
        "article, with its paragraphs, not just the headline."
    )


def _language(body: str, requested: str) -> str:
    from ..lang import available_languages, detect_language

    supported = sorted(available_languages())
    wanted = (requested or "auto").strip().lower()
    if wanted != "auto":
        if wanted not in supported:
            raise UnsupportedLanguageError(
                f"Unknown language '{requested}': quizgen supports {', '.join(supported)} (or 'auto' to detect)."
            )
        return wanted
    detected = detect_language(body[:_LANGUAGE_SAMPLE])
    code = getattr(detected, "code", detected)
    if code not in supported and len(body.split()) < _FEW_WORDS:
        raise UnsupportedLanguageError(
            f"quizgen could not tell the language of this short text ({len(body.split())} words); "
            f"choose the language explicitly ({', '.join(supported)}) or give a longer article."
        )
    if code not in supported:
        raise UnsupportedLanguageError(
            "This article is not in a language quizgen supports (detected: "
            f"{code}); quizgen supports {', '.join(supported)}. If it is one of them, choose the "
            "language explicitly."
        )
    return code
