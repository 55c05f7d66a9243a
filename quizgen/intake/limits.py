"""Size limits for article input, checked before any expensive work.

A news article is a few kilobytes; a long report is a few hundred. The limit only exists so
that a wrong file (a video, a database dump) is refused at once with a clear message instead
of making the app hang.
"""

from __future__ import annotations

from ..errors import InputError

#: Largest input accepted, in bytes, for a file and for pasted text (UTF-8 encoded): 10 MB.
MAX_INPUT_BYTES = 10 * 1024 * 1024


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def check_size(n_bytes: int, what: str = "The input") -> None:
    """Refuse an input larger than :data:`MAX_INPUT_BYTES`.

    Args:
        n_bytes: size of the input in bytes.
        what: how to name the input in the message ("The file 'a.txt'", "The text").

    Raises:
        InputError: when ``n_bytes`` is over the limit.
    """
    if n_bytes > MAX_INPUT_BYTES:
        raise InputError(
            f"{what} is {_megabytes(n_bytes)}, over quizgen's limit of {_megabytes(MAX_INPUT_BYTES)}; "
            "split it into smaller articles or paste only the article you want."
        )


def check_text_size(text: str, what: str = "The text") -> None:
    """Refuse a string whose UTF-8 encoding is over :data:`MAX_INPUT_BYTES`."""
    if len(text) * 4 <= MAX_INPUT_BYTES:  # cannot be over: skip encoding a copy
        return
    check_size(len(text.encode("utf-8", "surrogatepass")), what)


# --- limits on what is extracted (a small .docx or PDF can expand into huge text) -----------

#: Most characters of text extracted from one document (the same figure as the input limit).
MAX_TEXT_CHARS = MAX_INPUT_BYTES
#: Most paragraphs (``w:p`` elements, empty ones included) read from one Word document.
MAX_PARAGRAPHS = 100_000
#: Largest uncompressed part (``word/document.xml``, ``word/styles.xml``) read from a .docx.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Highest compression ratio of a part over :data:`RATIO_FLOOR_BYTES`, in a .docx or a PDF stream.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 256 * 1024
#: Most pages read from one PDF.
MAX_PAGES = 1000
#: Most bytes of page content (drawing instructions, after decompression) in one PDF, counting a
#: stream again for every page that uses it. Reading 1 MB of it takes pypdf about a second.
MAX_PDF_CONTENT_BYTES = 8 * 1024 * 1024


class LimitError(InputError):
    """A document expands past one of the extraction limits; ``limit`` names it."""

    def __init__(self, message: str, limit: str) -> None:
        super().__init__(message)
        self.limit = limit


def over_limit(what: str, limit: str, amount: str) -> LimitError:
    """The one-line error for a document over an extraction limit.

    Example:
        >>> str(over_limit("This Word file", "MAX_PARAGRAPHS", "100,000 paragraphs"))[:60]
        'This Word file has more than 100,000 paragraphs (quizgen's l'
    """
    return LimitError(
        f"{what} has more than {amount} (quizgen's limit {limit}); it looks like a damaged "
        "or crafted file: save the article alone as a new file, or paste its text.",
        limit,
    )


def megabytes(n: int) -> str:
    return _megabytes(n)


def check_archive(archive, what: str) -> None:
    """Refuse a zip (a .docx, an .xlsx) whose members declare sizes past the limits:
    :data:`MAX_MEMBER_BYTES` each and in all, or :data:`MAX_RATIO` for a member over
    :data:`RATIO_FLOOR_BYTES`. Python's zipfile never inflates a member past its declared
    size, so this bounds what reading can cost before anything is inflated."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_MEMBER_BYTES:
            raise over_limit(what, "MAX_MEMBER_BYTES", f"{_megabytes(MAX_MEMBER_BYTES)} uncompressed")
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
            raise over_limit(
                what, "MAX_RATIO", f"a {MAX_RATIO}:1 compression ratio in its part {info.filename}"
            )
