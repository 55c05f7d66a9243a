"""The text layer: sentences, tokens and typed answer candidates with exact offsets.

:func:`analyse` runs the stages in order, each a small module:

1. :mod:`.sentences` - paragraphs, then NLTK Punkt with the pack's abbreviations, then
   post-fixes (quotes, ellipses, lowercase continuations).
   A very long text (over 60,000 characters) is read in part: its opening and passages
   spread over the rest, and only the paragraphs around them are split (:mod:`.reading`).
2. :mod:`.tokens` - word tokens (hyphenated words and numbers stay whole); and
   :mod:`.wordclass` - UD-style tokens with part-of-speech tags from the trained tagger
   (:mod:`quizgen.analysis`), kept in ``TextLayer.tagged`` (``layer.tokens_of(i)``).
3. :mod:`.times` - weekdays, dates, months, years, clock times.
4. :mod:`.numbers` - numbers and quantities with value and unit.
5. :mod:`.names` - capitalised names and acronyms, split at titles and countries
   (:mod:`.namewords`, :mod:`.nametypes`), with the evidence for their type; :mod:`.aliases` links ``AS`` = ``Amerika Serikat`` and
   ``Putin`` = ``Vladimir Putin`` and types each group. The trained entity tagger
   (:mod:`quizgen.analysis.ner`, Indonesian) adds its type as evidence of a strength
   below the article's own cues (titles, organisation words, gazetteer, ``AS (37)``).
6. :mod:`.keyterms` - salient content words and phrases, grouped by stem.
7. :mod:`.candidates` - places everything in its sentence without overlaps and keeps
   what was rejected, with the reason, for ``quizgen inspect``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..article import Article, TextLayer
from .candidates import find_candidates
from .lexicon import lexicon_for
from .reading import READ_CHARS, paragraphs_to_split, read_sentences, read_share
from .sentences import paragraph_spans, split_sentences
from .tokens import tokenize
from .wordclass import entity_index, tag_sentences

__all__ = ["GC_PAUSE_CHARS", "analyse", "gc_paused"]

# Above this many characters the cyclic garbage collector is paused while analysing (and
# while the engine writes items over the analysis): the pass allocates hundreds of thousands
# of small objects (tokens, spans) that would each trigger full collections over everything
# alive, about a quarter of the time on 1 MB. Nesting is safe: only the outermost pause
# turns the collector back on.
GC_PAUSE_CHARS = 200_000


@contextmanager
def gc_paused(pause: bool) -> Iterator[None]:
    was_enabled = gc.isenabled()
    if pause and was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if pause and was_enabled:
            gc.enable()


def analyse(article: Article, pack: Any = None) -> TextLayer:
    """Analyse an article: sentences, tokens and answer candidates.

    Args:
        article: The article (its ``text`` is what every offset points into).
        pack: A language pack; by default ``get_pack(article.language)``.

    Returns:
        The :class:`~quizgen.article.TextLayer`.

    Raises:
        UnsupportedLanguageError: If there is no pack for the article's language.
    """
    if pack is None:
        from ..lang import get_pack

        pack = get_pack(article.language)
    lex = lexicon_for(pack)
    text = article.text
    with gc_paused(len(text) > GC_PAUSE_CHARS):
        every = _sentences(text, lex, article.paragraphs)
        sentences = read_sentences(every)
        read = read_share(text, sentences, every)
        tokens = tokenize(text) if read is None else _tokens_in(text, sentences)
        tagged, ranges = tag_sentences(text, sentences, pack.code)
        entities = entity_index(text, sentences, pack.code, tagged, ranges)
        candidates, dropped = find_candidates(text, sentences, tokens, lex, entities, tagged)
        return TextLayer(article, sentences, tuple(tokens), candidates, dropped, tagged, ranges, read)


def _sentences(text: str, lex, paragraphs: tuple[tuple[int, int], ...]) -> tuple:
    """The sentences of the text; of a very long one, only those of the paragraphs around the
    places :func:`~.reading.read_sentences` reads (numbered as in the whole text)."""
    if len(text) <= READ_CHARS:
        return split_sentences(text, lex, paragraphs)  # read whole: every paragraph is split
    chosen = paragraphs_to_split(text, paragraph_spans(text, paragraphs))
    return split_sentences(text, lex, paragraphs, None if chosen is None else frozenset(chosen))


def _tokens_in(text: str, sentences: tuple) -> list:
    """The word tokens of the sentences read, in order (a long text read in part)."""
    out: list = []
    for s in sentences:
        out += tokenize(text, s.start, s.end)
    return out
