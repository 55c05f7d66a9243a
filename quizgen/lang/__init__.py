"""Language packs: per-language data and morphology, and language detection.

Each language is a folder ``quizgen/lang/<code>/`` holding ``pack.json`` and data files
(see :mod:`quizgen.lang.loader`); adding a language is adding a folder. Extra pack folders
can be put on the ``QUIZGEN_LANG_PATH`` environment variable (``os.pathsep``-separated
directories that contain pack folders). Nothing is loaded at import time.

Example:
    >>> from quizgen.lang import get_pack, detect_language
    >>> get_pack("id").affixes("persahabatan")
    ('per', 'sahabat', 'an')
    >>> detect_language("The minister said the talks would resume on Monday in Geneva.")
    'en'
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from quizgen.errors import UnsupportedLanguageError

from .detect import detect_language
from .pack import LanguagePack

__all__ = ["LanguagePack", "available_languages", "detect_language", "get_pack", "pack_folders"]

_BUILTIN = Path(__file__).resolve().parent


def pack_folders() -> dict[str, Path]:
    """Return ``{code: folder}`` for every language pack found.

    Built-in packs come first; folders on ``QUIZGEN_LANG_PATH`` may add languages (they do
    not replace a built-in code).
    """
    roots = [_BUILTIN]
    extra = os.environ.get("QUIZGEN_LANG_PATH", "")
    roots += [Path(p) for p in extra.split(os.pathsep) if p.strip()]
    found: dict[str, Path] = {}
    for root in roots:
        if not root.is_dir():
            continue
        for child in sorted(root.iterdir()):
            if child.name not in found and (child / "pack.json").is_file():
                found[child.name] = child
    return found


def available_languages() -> list[str]:
    """Return the sorted codes of all language packs (folders holding ``pack.json``)."""
    return sorted(pack_folders())


@lru_cache(maxsize=32)
def get_pack(code: str) -> LanguagePack:
    """Return the language pack for ``code`` (loaded once, then cached).

    Args:
        code: a language code such as ``"id"`` or ``"en"`` (case-insensitive).

    Raises:
        UnsupportedLanguageError: no pack exists for ``code``.
    """
    from .loader import load_pack

    key = str(code).strip().lower()
    folders = pack_folders()
    if key not in folders:
        raise UnsupportedLanguageError(
            f"quizgen has no language pack for {code!r}; available: {', '.join(sorted(folders))}"
        )
    return load_pack(folders[key])
