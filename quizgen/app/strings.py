"""UI strings in Indonesian and English, read from ``quizgen/lang/<code>/ui.json``.

``t("submit", "id")`` gives the Indonesian text; ``{name}`` fields are filled from keyword
arguments. Both tables have the same keys (a test checks it); an unknown key is a bug and
raises ``KeyError``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import MappingProxyType

UI_LANGUAGES = ("id", "en")
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@cache
def table(lang: str) -> MappingProxyType:
    """The read-only string table of one UI language."""
    if lang not in UI_LANGUAGES:
        lang = "en"
    with open(LANG_DIR / lang / "ui.json", encoding="utf-8") as f:
        return MappingProxyType(json.load(f))


def t(key: str, lang: str, **fields) -> str:
    """The UI string ``key`` in ``lang`` (``id`` or ``en``; others get English)."""
    text = table(lang)[key]
    return text.format(**fields) if fields else text


def ui_language(choice: str, bank_language: str | None) -> str:
    """The UI language in force: the visitor's choice, else the quiz's language, else Indonesian."""
    if choice in UI_LANGUAGES:
        return choice
    if bank_language in UI_LANGUAGES:
        return bank_language
    return "id"
