"""UI strings in Indonesian and English: the app's view of the language packs' ``ui.json``
tables (:mod:`quizgen.lang.ui`, shared with the worksheets and ``quizgen take``).

``t("submit", "id")`` gives the Indonesian text; ``{name}`` fields are filled from keyword
arguments. Both tables have the same keys (a test checks it); an unknown key is a bug and
raises ``KeyError``.
"""

from __future__ import annotations

from quizgen.lang.ui import LANG_DIR, UI_LANGUAGES, t, table

__all__ = ["LANG_DIR", "UI_LANGUAGES", "t", "table", "ui_language"]


def ui_language(choice: str, bank_language: str | None) -> str:
    """The UI language in force: the visitor's choice, else the quiz's language, else Indonesian."""
    if choice in UI_LANGUAGES:
        return choice
    if bank_language in UI_LANGUAGES:
        return bank_language
    return "id"
