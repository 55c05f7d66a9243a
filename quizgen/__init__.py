"""quizgen: reading-comprehension quizzes from articles, traceable and deterministic.

The pipeline, in order (each stage a function from values to values):

1. ``load_article`` (``quizgen.intake``): bytes or a file to an :class:`Article` (decode,
   extract, tell title/dateline/body apart, drop boilerplate).
2. ``detect_language`` and language packs (``quizgen.lang``).
3. ``analyse`` (``quizgen.text``): sentences, tokens and typed answer candidates with offsets.
4. ``generate`` (``quizgen.engine``): select sentences, build items from templates, pick
   distractors, check, rank, assign difficulty -> :class:`Bank`.
5. ``write_bank`` / ``read_bank`` (``quizgen.bank``), exporters, the app and the CLI.

Heavy modules are imported on first use, so ``import quizgen`` stays fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_LAZY = {
    "load_article": "quizgen.intake",
    "detect_language": "quizgen.lang",
    "get_pack": "quizgen.lang",
    "analyse": "quizgen.text",
    "generate": "quizgen.engine",
    "lint_bank": "quizgen.engine.checks",
    "read_bank": "quizgen.bank",
    "write_bank": "quizgen.bank",
    "Bank": "quizgen.bank",
    "Item": "quizgen.bank",
    "Article": "quizgen.article",
    "QuizgenError": "quizgen.errors",
}

__all__ = [
    "Article",
    "Bank",
    "Item",
    "QuizgenError",
    "__version__",
    "analyse",
    "detect_language",
    "generate",
    "get_pack",
    "lint_bank",
    "load_article",
    "read_bank",
    "write_bank",
]

if TYPE_CHECKING:  # pragma: no cover
    from .article import Article
    from .bank import Bank, Item, read_bank, write_bank
    from .engine import generate
    from .errors import QuizgenError
    from .intake import load_article
    from .lang import detect_language, get_pack
    from .text import analyse


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
