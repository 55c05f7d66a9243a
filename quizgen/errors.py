"""The project's exceptions: one base class, specific subclasses, messages a teacher can act on.

Every error that reaches a user (CLI, app, terminal quiz) is a :class:`QuizgenError`; its
``str()`` is a complete sentence that says what went wrong and what to do about it.
"""

from __future__ import annotations


class QuizgenError(Exception):
    """Base class of every error quizgen raises on purpose."""


class InputError(QuizgenError):
    """An article could not be read: empty, binary, scanned PDF, too large, wrong format."""


class UnsupportedLanguageError(QuizgenError):
    """The text is in a language quizgen has no language pack for, or the code is unknown."""


class BankError(QuizgenError):
    """A bank file is malformed, of a newer version, or does not follow the bank format."""


class GenerationError(QuizgenError):
    """No usable items could be generated from an article with the given options."""


class ExportError(QuizgenError):
    """A bank could not be exported or imported in the requested format."""


class OptionsError(QuizgenError):
    """An option has an unknown name or an invalid value."""
