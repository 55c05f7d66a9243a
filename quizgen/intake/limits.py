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
