"""Storage errors: one base (:class:`StorageError`), and the cases a caller handles apart.

Each error has a ``code`` (a short fixed word) so the app can show the message in the user's
language; ``str()`` is a complete English sentence for the CLI and logs.
"""

from __future__ import annotations

from ..errors import QuizgenError


class StorageError(QuizgenError):
    """The database cannot be opened or written, or a request makes no sense for what it holds."""

    code = "storage"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class StorageUnavailable(StorageError):
    """The database did not answer (restart, network, busy) even after retrying: try again.

    Nothing half-written is left behind; what the caller was saving can be sent again as is
    (every write is one transaction, and submissions are idempotent by token).
    """

    code = "unavailable"


class AttemptRefused(StorageError):
    """A student cannot start (or resume) this attempt: ``code`` says why.

    Codes: ``attempts_used_up``, ``not_open_yet``, ``closed``, ``unpublished``, ``wrong_class``.
    """


class NameTaken(StorageError):
    """A bank name is held by another bank (or is read-only bundled content)."""

    code = "name_taken"


class NotFound(StorageError):
    """No bank, version, class, assignment or attempt by that name, id or token."""

    code = "not_found"
