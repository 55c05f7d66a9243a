"""Values that flow through the pipeline: an article and the text layer made from it.

All of them are frozen dataclasses; every span is ``[start, end)`` in ``Article.text``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Removed:
    """A piece of the input that intake dropped because it is not the article."""

    text: str
    reason: str  # e.g. "read-more link", "advertisement", "photo credit", "byline"


@dataclass(frozen=True)
class Article:
    """An article as intake understood it.

    ``text`` is the body: every offset quizgen produces points into it. The headline and
    the dateline are kept apart in ``title`` and ``date_text`` and are not part of ``text``.
    """

    text: str
    language: str  # ISO 639-1 code of a language pack, e.g. "id" or "en"
    title: str | None = None
    date_text: str | None = None  # the date as written, e.g. "20 Jun 2024 08:19 wib"
    date: _dt.date | None = None  # parsed where possible
    source: str = "<text>"  # file name or "<text>"
    paragraphs: tuple[tuple[int, int], ...] = ()  # paragraph spans in text
    removed: tuple[Removed, ...] = ()

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "date": self.date_text,
            "date_iso": self.date.isoformat() if self.date else None,
            "language": self.language,
            "source": self.source,
            "text": self.text,
            "paragraphs": [list(p) for p in self.paragraphs],
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    upos: str | None = None  # Universal POS tag, on the tagged tokens of ``TextLayer.tagged``


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


# Candidate types. "place" covers countries, cities and regions (see ``subtype``).
CANDIDATE_TYPES = ("person", "place", "organisation", "time", "number", "term")


@dataclass(frozen=True)
class Candidate:
    """A span a question could ask for, with its type and why it was kept."""

    text: str
    type: str  # one of CANDIDATE_TYPES
    start: int
    end: int
    sentence: int  # index of the Sentence holding it
    reasons: tuple[str, ...] = ()
    subtype: str | None = None  # e.g. "country", "city", "weekday", "date", "percent", "currency"
    group: str = ""  # canonical key shared by aliases / stem variants ("AS" and "Amerika Serikat")
    score: float = 0.0  # salience, higher is more worth asking about
    stem: str | None = None  # for terms: the stem (PySastrawi for Indonesian)
    unit: str | None = None  # for numbers: the unit ("persen", "%", "million", "Rp")
    value: float | None = None  # for numbers: the numeric value
    word_class: str | None = None  # UPOS class of the span (PROPN, NOUN, VERB, NUM ...), if tagged


@dataclass(frozen=True)
class Dropped:
    """A span the text layer considered and rejected, with the reason (for ``inspect``)."""

    text: str
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class TextLayer:
    """What the text layer made of an article: sentences, tokens, candidates."""

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    candidates: tuple[Candidate, ...]
    dropped: tuple[Dropped, ...] = field(default=())
    # UD-style tokens (punctuation included) with their UPOS tag, for the whole body, and
    # for each sentence the ``[first, last)`` indexes of its tokens in ``tagged``.
    tagged: tuple[Token, ...] = field(default=())
    tagged_ranges: tuple[tuple[int, int], ...] = field(default=())
    # A very long text is read in part (quizgen.text.reading): characters read, characters
    # of the text, passages; ``None`` when it was read whole.
    read: tuple[int, int, int] | None = None

    def tokens_of(self, sentence: int | Sentence) -> tuple[Token, ...]:
        """The tagged tokens of a sentence (its index or the sentence itself)."""
        i = sentence if isinstance(sentence, int) else sentence.index
        if not 0 <= i < len(self.tagged_ranges):
            return ()
        a, b = self.tagged_ranges[i]
        return self.tagged[a:b]
