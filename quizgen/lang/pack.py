"""The :class:`LanguagePack` value: everything quizgen knows about one language.

A pack is plain data (word sets, small dictionaries, gazetteers) plus three behaviours
that need code: :meth:`LanguagePack.stem`, :meth:`LanguagePack.affixes` and
:meth:`LanguagePack.zipf`. Those delegate to a :class:`Morphology` and a
:class:`Frequency` object that do their expensive set-up (a stemmer, a frequency table)
lazily, on first use, and cache results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


def _identity_stem(word: str) -> str:
    return word.lower()


class Morphology:
    """Stemming and affix splitting for one pack, built lazily and cached.

    Args:
        stem: function word -> stem (lowercase). Defaults to lowercasing.
        affixes: function word -> (prefix, stem, suffix). Defaults to splitting a trailing
            clitic from ``clitics`` off the lowercased word.
        clitics: suffix clitics of the language (``("nya", "lah")``, ``("'s",)``).
    """

    def __init__(
        self,
        stem: Callable[[str], str] | None = None,
        affixes: Callable[[str], tuple[str, str, str]] | None = None,
        clitics: tuple[str, ...] = (),
    ) -> None:
        self._clitics = tuple(sorted(clitics, key=len, reverse=True))
        self.stem = lru_cache(maxsize=65536)(stem or _identity_stem)
        self.affixes = lru_cache(maxsize=65536)(affixes or self._clitic_affixes)

    def _clitic_affixes(self, word: str) -> tuple[str, str, str]:
        low = word.lower()
        for clitic in self._clitics:
            if low.endswith(clitic) and len(low) - len(clitic) >= 3:
                return "", low[: -len(clitic)], clitic
        return "", low, ""


class Frequency:
    """Zipf-scale word frequency, from the ``wordfreq`` library or a shipped list.

    Args:
        wordfreq_lang: language code for ``wordfreq.zipf_frequency`` (imported on first
            call only), or ``None``.
        table: loader that returns ``{word: zipf}`` from a file in the pack, used when
            ``wordfreq_lang`` is ``None`` or wordfreq is not installed.
    """

    def __init__(
        self,
        wordfreq_lang: str | None = None,
        table: Callable[[], dict[str, float]] | None = None,
    ) -> None:
        self._lang = wordfreq_lang
        self._table_loader = table
        self._lookup: Callable[[str], float] | None = None
        self.zipf = lru_cache(maxsize=65536)(self._zipf)

    def _resolve(self) -> Callable[[str], float]:
        if self._lang is not None:
            try:
                import wordfreq  # imported here: ~0.1 s, only when a frequency is needed
            except ImportError:  # pragma: no cover - wordfreq is a declared dependency
                pass
            else:
                lang = self._lang

                def lookup(word: str) -> float:
                    return float(wordfreq.zipf_frequency(word, lang))

                return lookup
        table = self._table_loader() if self._table_loader else {}
        return lambda word: table.get(word, 0.0)

    def common_words(self, min_zipf: float) -> frozenset[str]:
        """The words of the list at or above ``min_zipf`` (built once per threshold): a fast
        membership test where many candidate spellings are tried."""
        cache = self.__dict__.setdefault("_common", {})
        if min_zipf not in cache:
            words: frozenset[str] = frozenset()
            if self._lang is not None:
                try:
                    import wordfreq
                except ImportError:  # pragma: no cover - wordfreq is a declared dependency
                    pass
                else:
                    floor = 10 ** (min_zipf - 0.005 - 9)  # zipf_frequency rounds to 0.01
                    words = frozenset(w for w, f in wordfreq.get_frequency_dict(self._lang).items() if f >= floor)
            if not words and self._table_loader:
                words = frozenset(w for w, z in self._table_loader().items() if z >= min_zipf)
            cache[min_zipf] = words
        return cache[min_zipf]

    def _zipf(self, word: str) -> float:
        word = word.strip().lower()
        if not word:
            return 0.0
        if self._lookup is None:
            self._lookup = self._resolve()
        return self._lookup(word)


@dataclass(frozen=True)
class LanguagePack:
    """One language's data for intake, the text layer and the question engine.

    All word sets are lowercase unless stated (``currencies`` and ``gazetteer`` keep the
    case they are written in). See ``.helpers/LANGPACK.md`` for the meaning of each field.
    Beyond that interface: ``decimal_separator`` / ``thousands_separator`` ("," / "." for
    Indonesian), ``demonyms`` (capitalised words for peoples that are not person names:
    "Japanese" -> "Japan", "Tionghoa" -> "Tiongkok") and ``detect_words`` (distinctive
    frequent words used by :func:`quizgen.lang.detect_language`).
    """

    code: str
    name: str
    stopwords: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    dependent_starts: tuple[str, ...] = ()
    causal_connectives: tuple[str, ...] = ()
    question_words: dict[str, str] = field(default_factory=dict)
    true_false: tuple[str, str] = ("True", "False")
    decimal_separator: str = "."
    thousands_separator: str = ","
    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    day_parts: frozenset[str] = frozenset()
    number_words: dict[str, float] = field(default_factory=dict)
    units: frozenset[str] = frozenset()
    currencies: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    person_verbs: frozenset[str] = frozenset()
    place_cues: frozenset[str] = frozenset()
    org_cues: frozenset[str] = frozenset()
    gazetteer: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    name_particles: frozenset[str] = frozenset()
    clitics: tuple[str, ...] = ()
    detect_words: frozenset[str] = frozenset()
    templates: dict[str, Any] = field(default_factory=dict)
    ui: dict[str, Any] = field(default_factory=dict)
    morphology: Morphology = field(default_factory=Morphology, repr=False, compare=False)
    frequency: Frequency = field(default_factory=Frequency, repr=False, compare=False)
    folder: str = field(default="", repr=False, compare=False)

    def __hash__(self) -> int:
        return hash(self.code)

    def __reduce__(self) -> tuple[Any, tuple[str, str]]:
        # pickled as a reference: unpickling loads (or reuses) the pack from its folder
        return _restore_pack, (self.code, self.folder)

    def stem(self, word: str) -> str:
        """Return the stem of ``word`` (lowercase): ``"persahabatan"`` -> ``"sahabat"``."""
        return self.morphology.stem(word)

    def affixes(self, word: str) -> tuple[str, str, str]:
        """Split ``word`` into ``(prefix, stem, suffix)``.

        ``prefix + stem + suffix`` equals the lowercased word whenever the stem appears
        unchanged inside it (``"memperkuat"`` -> ``("memper", "kuat", "")``). When a prefix
        changed the stem's first sound (``"memukul"`` -> ``("mem", "pukul", "")``) the stem is
        the dictionary form and the prefix is as written.
        """
        return self.morphology.affixes(word)

    def zipf(self, word: str) -> float:
        """Frequency of ``word`` in the language on the Zipf scale (0 = unknown, ~7.5 = "the")."""
        return self.frequency.zipf(word)

    def is_stopword(self, word: str) -> bool:
        """Whether ``word`` (any case) is a stopword of the language."""
        return word.lower() in self.stopwords


def _restore_pack(code: str, folder: str) -> LanguagePack:
    from pathlib import Path

    from . import get_pack, pack_folders
    from .loader import load_pack

    known = pack_folders().get(code)
    if not folder or (known is not None and Path(folder).resolve() == known.resolve()):
        return get_pack(code)
    return load_pack(folder)
