"""Read a language-pack folder into a :class:`~quizgen.lang.pack.LanguagePack`.

A pack folder holds ``pack.json`` and optional data files, one item per line, ``#``
starting a comment::

    pack.json            code, name, true_false, question_words, frequency, small lists
    <field>.txt          a word list (stopwords.txt, abbreviations.txt, honorifics.txt, ...)
    <field>.tsv          a mapping, ``key<TAB>value`` (gazetteer.tsv, aliases.tsv, months.tsv)
    templates.json       question templates (owned by the engine), optional
    ui.json              UI strings (owned by the app), optional
    morphology.py        optional ``stem(word)`` and ``affixes(word)`` functions

A field may be given in ``pack.json`` and in its file; the two are merged. Nothing here
knows a particular language: adding a language is adding a folder.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from quizgen.errors import UnsupportedLanguageError

from .pack import Frequency, LanguagePack, Morphology

# field name -> kind of value. "set" lowercase, "cased" keep case, "seq" ordered tuple.
_SETS = (
    "stopwords",
    "abbreviations",
    "day_parts",
    "units",
    "honorifics",
    "person_verbs",
    "place_cues",
    "org_cues",
    "name_particles",
    "detect_words",
)
_CASED_SETS = ("currencies",)
_SEQS = ("dependent_starts", "causal_connectives", "clitics")
_INT_MAPS = ("months", "weekdays")
_FLOAT_MAPS = ("number_words",)
_STR_MAPS = ("gazetteer", "aliases", "demonyms")
_LOWER_KEY_MAPS = ("months", "weekdays", "number_words")


def _with_apostrophes(words: Iterable[str]) -> frozenset[str]:
    """The words, plus a typographic-apostrophe form of each word with ``'`` (it's, it’s)."""
    out = set()
    for word in words:
        out.add(word)
        if "'" in word:
            out.add(word.replace("'", "’"))
    return frozenset(out)


def read_lines(path: Path) -> list[str]:
    """Return the non-empty, non-comment lines of a UTF-8 text file, stripped.

    Args:
        path: the file; a missing file gives ``[]``.
    """
    if not path.is_file():
        return []
    lines = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = re.split(r"\s#\s", line, maxsplit=1)[0].strip()  # "word  # comment"
        if line:
            lines.append(line)
    return lines


def read_tsv(path: Path) -> dict[str, str]:
    """Return ``{key: value}`` from a ``key<TAB>value`` file (later lines win)."""
    out: dict[str, str] = {}
    for line in read_lines(path):
        key, sep, value = line.partition("\t")
        if not sep:
            raise UnsupportedLanguageError(
                f"language pack file {path} has a line without a tab: {line!r}; write it as name<TAB>value"
            )
        out[key.strip()] = value.strip()
    return out


def _read_json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UnsupportedLanguageError(
            f"language pack file {path} is not valid JSON ({exc.msg}, line {exc.lineno}); fix or remove it"
        ) from exc
    if not isinstance(data, dict):
        raise UnsupportedLanguageError(f"language pack file {path} must hold a JSON object")
    return data


def _load_module(folder: Path, code: str) -> ModuleType | None:
    path = folder / "morphology.py"
    if not path.is_file():
        return None
    builtin = Path(__file__).resolve().parent / code
    if folder.resolve() == builtin and (builtin / "__init__.py").is_file():
        return importlib.import_module(f"quizgen.lang.{code}.morphology")
    spec = importlib.util.spec_from_file_location(f"quizgen_langpack_{code}_morphology", path)
    if spec is None or spec.loader is None:  # pragma: no cover - defensive
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _frequency(folder: Path, meta: dict[str, Any]) -> Frequency:
    spec = meta.get("frequency") or {}
    table_file = folder / str(spec.get("file", "frequencies.tsv"))

    def table() -> dict[str, float]:
        return {k.lower(): float(v) for k, v in read_tsv(table_file).items()}

    return Frequency(wordfreq_lang=spec.get("wordfreq"), table=table)


def load_pack(folder: str | Path) -> LanguagePack:
    """Load the language pack stored in ``folder``.

    Args:
        folder: a directory holding at least ``pack.json`` with ``code`` and ``name``.

    Returns:
        The pack. Morphology and frequencies are set up lazily on first use.

    Raises:
        UnsupportedLanguageError: the folder is not a language pack or a file is malformed.
    """
    folder = Path(folder)
    meta = _read_json(folder / "pack.json")
    if not meta.get("code") or not meta.get("name"):
        raise UnsupportedLanguageError(
            f"{folder} is not a language pack: it needs a pack.json with 'code' and 'name'"
        )
    code = str(meta["code"])
    values: dict[str, Any] = {"code": code, "name": str(meta["name"])}

    def merged_list(name: str) -> list[str]:
        items = list(meta.get(name, []))
        items += read_lines(folder / f"{name}.txt")
        return [str(i) for i in items]

    def merged_map(name: str, cast: Callable[[str], Any]) -> dict[str, Any]:
        out = {str(k): cast(v) for k, v in dict(meta.get(name, {})).items()}
        out.update({k: cast(v) for k, v in read_tsv(folder / f"{name}.tsv").items()})
        if name in _LOWER_KEY_MAPS:
            out = {k.lower(): v for k, v in out.items()}
        return out

    for name in _SETS:
        values[name] = _with_apostrophes(i.lower() for i in merged_list(name))
    for name in _CASED_SETS:
        values[name] = frozenset(merged_list(name))
    for name in _SEQS:
        values[name] = tuple(dict.fromkeys(i.lower() for i in merged_list(name)))
    for name in _INT_MAPS:
        values[name] = merged_map(name, int)
    for name in _FLOAT_MAPS:
        values[name] = merged_map(name, float)
    for name in _STR_MAPS:
        values[name] = merged_map(name, str)
    values["question_words"] = {str(k): str(v) for k, v in dict(meta.get("question_words", {})).items()}
    tf = meta.get("true_false", ["True", "False"])
    values["true_false"] = (str(tf[0]), str(tf[1]))
    values["decimal_separator"] = str(meta.get("decimal_separator", "."))
    values["thousands_separator"] = str(
        meta.get("thousands_separator", "," if values["decimal_separator"] == "." else ".")
    )
    values["templates"] = _read_json(folder / "templates.json")
    values["ui"] = _read_json(folder / "ui.json")

    module = _load_module(folder, code)
    values["morphology"] = Morphology(
        stem=getattr(module, "stem", None),
        affixes=getattr(module, "affixes", None),
        clitics=values["clitics"],
    )
    values["frequency"] = _frequency(folder, meta)
    values["folder"] = str(folder.resolve())
    return LanguagePack(**values)
