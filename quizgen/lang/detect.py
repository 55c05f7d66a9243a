"""Tell which language pack a text is written in, from function-word ratios.

Two word lists of every pack are used:

* ``stopwords``: the broad list; in running text of the language they make up 20-50 % of
  the words, in a text of another language usually under 10 %;
* ``detect_words``: very frequent function words of the language that are rare in the
  other languages quizgen is likely to meet (German, Dutch, French, Spanish, Italian...),
  so that a Romance text sharing "di", "a", "la" with a stopword list is not taken for it.

A text belongs to the pack whose words make up a clear share of its tokens, clearly more
than any other pack's. Anything else (too short, numbers only, a language without a pack,
an even mix) is ``"unknown"``. Malay shares most Indonesian function words and is usually
reported as ``"id"``. About 0.3 ms for a 5 KB text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: at most this many characters are looked at: a long text is sampled at its start,
#: middle and end
MAX_CHARS = 20_000
#: fewer word tokens than this is too short to tell
MIN_WORDS = 3
#: the winner's stopwords must make up at least this share of the words ...
MIN_STOPWORD_RATIO = 0.15
#: ... its distinctive words at least this many and this share ...
MIN_MARKERS = 2
MIN_MARKER_RATIO = 0.04
#: ... and its score (both shares added) must be this many times the runner-up's.
MARGIN = 1.4


@dataclass(frozen=True)
class LanguageScore:
    """How much a text looks like one pack's language.

    Attributes:
        code: the pack's code.
        words: number of word tokens counted (capitalised words that are no pack's
            function word, mostly names, are left out).
        stopwords: how many of them are the pack's stopwords.
        markers: how many are its distinctive ``detect_words``.
    """

    code: str
    words: int
    stopwords: int
    markers: int

    @property
    def score(self) -> float:
        """Stopword share plus distinctive-word share (0 for no words)."""
        if not self.words:
            return 0.0
        return (self.stopwords + self.markers) / self.words


def _sample(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    part = MAX_CHARS // 3
    middle = (len(text) - part) // 2
    return " ".join((text[:part], text[middle : middle + part], text[-part:]))


def language_scores(text: str) -> list[LanguageScore]:
    """Score ``text`` against every available pack, best first.

    Args:
        text: any text; a text longer than :data:`MAX_CHARS` is sampled at its start,
            middle and end.
    """
    from . import available_languages, get_pack

    packs = [get_pack(code) for code in available_languages()]
    known: set[str] = set()
    for pack in packs:
        known |= pack.stopwords | pack.detect_words
    words = []
    for raw in _WORD.findall(_sample(text)):
        word = raw.lower().replace("’", "'")
        # capitalised words that are no pack's function word are mostly names, which
        # say nothing about the language: leave them out of the count
        if raw[0].isupper() and word not in known:
            continue
        words.append(word)
    scores = []
    for pack in packs:
        stop = sum(1 for w in words if w in pack.stopwords)
        markers = sum(1 for w in words if w in pack.detect_words)
        scores.append(LanguageScore(pack.code, len(words), stop, markers))
    return sorted(scores, key=lambda s: s.score, reverse=True)


def detect_language(text: str) -> str:
    """Return the code of the pack ``text`` is written in, or ``"unknown"``.

    Args:
        text: a paragraph or more; a single short sentence is usually enough, a few
            words often are not.

    Returns:
        A pack code such as ``"id"`` or ``"en"``, or ``"unknown"``.
    """
    if not text or not text.strip():
        return "unknown"
    ranked = language_scores(text)
    if not ranked:
        return "unknown"
    best = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if (
        best.words < MIN_WORDS
        or best.stopwords / best.words < MIN_STOPWORD_RATIO
        or best.markers < MIN_MARKERS
        or best.markers / best.words < MIN_MARKER_RATIO
        or best.score < MARGIN * runner_up
    ):
        return "unknown"
    return best.code
