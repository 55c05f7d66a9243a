"""Trained language analysis: UD tokens, part-of-speech tags (UPOS) and named entities.

Models are trained by the scripts in ``training/`` from the shared corpus and shipped in
``quizgen/analysis/models/`` (licences in ``models/LICENCE.md``). Nothing is loaded when
``quizgen`` is imported: a model is read on first use and kept for the process.

Example:
    >>> from quizgen.analysis import tag
    >>> [(t.text, t.upos) for t in tag("Putin tiba di Pyongyang.", "id")]  # doctest: +SKIP
    [('Putin', 'PROPN'), ('tiba', 'VERB'), ('di', 'ADP'), ('Pyongyang', 'PROPN'), ('.', 'PUNCT')]
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ..article import Token
from .tokenize import token_spans

__all__ = ["UPOS", "Token", "entities", "get_tagger", "has_tagger", "tag", "tag_spans"]

UPOS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()

_TAGGERS: dict[str, object] = {}
_LOCK = threading.Lock()


def has_tagger(lang: str) -> bool:
    """Whether a UPOS model ships for ``lang``."""
    from .linear import model_path

    return model_path(lang, "upos").is_file()


def get_tagger(lang: str):
    """The UPOS tagger of ``lang`` (loaded once), or ``None`` when none ships."""
    hit = _TAGGERS.get(lang)
    if hit is not None or lang in _TAGGERS:
        return hit
    with _LOCK:
        if lang not in _TAGGERS:
            from .linear import LinearTagger, model_path

            path = model_path(lang, "upos")
            _TAGGERS[lang] = LinearTagger.load(path) if path.is_file() else None
    return _TAGGERS[lang]


def tag_spans(text: str, spans: Sequence[tuple[int, int]], lang: str) -> list[list[Token]]:
    """Tokens with UPOS for each ``(start, end)`` span of ``text`` (e.g. its sentences).

    Each span is tagged as one sentence; all are tagged in one pass. Offsets point into
    ``text``. Without a model for ``lang`` the tokens come back with ``upos=None``.
    """
    pieces = [token_spans(text, lang, a, b) for a, b in spans]
    model = get_tagger(lang)
    if model is None:
        return [[Token(w, a, b) for w, a, b in p] for p in pieces]
    tags = model.tag_sentences([[w for w, _, _ in p] for p in pieces])
    return [
        [Token(w, a, b, u) for (w, a, b), u in zip(p, ts, strict=True)]
        for p, ts in zip(pieces, tags, strict=True)
    ]


def tag(text: str, lang: str) -> list[Token]:
    """Tokenise ``text`` as one sentence and tag it.

    Args:
        text: Any text; offsets of the tokens point into it.
        lang: A language code (``id``, ``en``).

    Returns:
        Tokens ``(text, start, end, upos)`` in order.
    """
    last = _LAST_TAG[0]
    if last[0] == text and last[1] == lang:
        return list(last[2])
    toks = tag_spans(text, [(0, len(text))], lang)[0]
    _LAST_TAG[0] = (text, lang, tuple(toks))  # one assignment: safe across threads
    return toks


# The last text :func:`tag` tagged and its tokens: callers often ask for the same short
# text twice in a row (its words, then their spans). Tokens are immutable; the answer a
# pure function of its input.
_LAST_TAG: list[tuple[str, str, tuple[Token, ...]]] = [("", "", ())]


def entities(text: str, lang: str) -> list:
    """Named entities of ``text`` (Indonesian: the trained entity tagger; see
    :func:`quizgen.analysis.ner.entities`). English has no entity model: names are typed
    in the text layer (``quizgen.analyse``), with the name typer as evidence."""
    from .ner import entities as _entities

    return _entities(text, lang)
