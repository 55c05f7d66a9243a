"""The vocabulary people read, one table per language: ``quizgen/lang/<code>/ui.json``.

The app's pages, the printable worksheets and the terminal quiz (``quizgen take``) all take
their words from this one table, so a language's wording is fixed in one file. ``t("submit",
"id")`` gives the Indonesian text; ``{name}`` fields are filled from keyword arguments. The
tables have the same keys (a test checks it); an unknown key is a bug and raises ``KeyError``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from types import MappingProxyType

UI_LANGUAGES = ("id", "en")
LANG_DIR = Path(__file__).resolve().parent


@cache
def table(lang: str) -> MappingProxyType:
    """The read-only string table of one language (English for a language without one)."""
    if lang not in UI_LANGUAGES:
        lang = "en"
    with open(LANG_DIR / lang / "ui.json", encoding="utf-8") as f:
        return MappingProxyType(json.load(f))


def t(key: str, lang: str, **fields) -> str:
    """The string ``key`` in ``lang`` (``id`` or ``en``; others get English)."""
    text = table(lang)[key]
    return text.format(**fields) if fields else text
