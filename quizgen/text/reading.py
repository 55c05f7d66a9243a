"""How much of a very long text is read: its opening and passages spread over the rest.

A news article, a chapter or a report is read whole. Past :data:`READ_CHARS` characters
(about 9,000 words, longer than any news article) the text layer reads the opening, where a
text says what it is about, and :data:`PASSAGES` passages spread evenly over the rest, each
from the start of its paragraph, up to :data:`READ_CHARS` in all; only the paragraphs
around those places are split into sentences (:func:`paragraphs_to_split`). A 1 MB text is
then analysed in about the time of a 60 KB one, and its items come from all over it rather
than from its first pages; offsets still point into the whole text, and the bank says how
much was read (``generator.read``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from ..article import Sentence

READ_CHARS = 60_000
LEAD_SHARE = 0.25  # of the budget, for the opening
PASSAGES = 12


def read_sentences(sentences: Sequence[Sentence], budget: int = READ_CHARS) -> tuple[Sentence, ...]:
    """The sentences read: all of them when they span at most ``budget`` characters, else
    the opening and :data:`PASSAGES` passages spread over the rest, renumbered in order
    (``index``), each keeping its paragraph number and its offsets.

    Deterministic: the same sentences give the same selection.
    """
    sentences = tuple(sentences)
    if not sentences or sentences[-1].end - sentences[0].start <= budget:
        return sentences
    first = sentences[0].start
    keep: set[int] = set()
    lead = int(budget * LEAD_SHARE)
    i = 0
    while i < len(sentences) and sentences[i].end - first <= lead:
        keep.add(i)
        i += 1
    if not keep:  # one very long first sentence: read it all the same
        keep.add(0)
        i = 1
    rest = sentences[i:]
    if not rest:
        return _renumber(sentences, keep)
    used = sum(sentences[k].end - sentences[k].start for k in keep)
    share = max(1, (budget - used) // PASSAGES)
    starts = [s.start for s in sentences]
    lo, hi = rest[0].start, rest[-1].end
    step = (hi - lo) / PASSAGES
    for p in range(PASSAGES):
        at = max(i, bisect.bisect_right(starts, lo + int(step * p)) - 1)
        # back to the start of its paragraph, unless that is far (one very long paragraph)
        top = at
        while top > i and sentences[top - 1].paragraph == sentences[at].paragraph:
            top -= 1
        if sentences[at].start - sentences[top].start < share:
            at = top
        taken = 0
        while at < len(sentences) and taken < share:
            if at not in keep:
                keep.add(at)
                taken += sentences[at].end - sentences[at].start
            at += 1
    return _renumber(sentences, keep)


def _renumber(sentences: Sequence[Sentence], keep: set[int]) -> tuple[Sentence, ...]:
    return tuple(replace(sentences[k], index=n) for n, k in enumerate(sorted(keep)))


def read_share(
    text: str, read: Sequence[Sentence], split: Sequence[Sentence], budget: int = READ_CHARS
) -> tuple[int, int, int] | None:
    """``(characters read, characters of the text, passages)`` for a text longer than
    ``budget`` (read in part), else ``None``. A passage is a run of sentences read one after
    the other among those split (``split``), in the same or the next paragraph."""
    if len(text) <= budget:
        return None
    where = {s.start: n for n, s in enumerate(split)}
    runs = sum(
        1
        for n, s in enumerate(read)
        if n == 0
        or where[s.start] != where[read[n - 1].start] + 1
        or s.paragraph > read[n - 1].paragraph + 1
    )
    return sum(s.end - s.start for s in read), len(text), runs


def paragraphs_to_split(
    text: str, spans: Sequence[tuple[int, int]], budget: int = READ_CHARS
) -> list[int] | None:
    """The paragraphs (indexes into ``spans``) worth splitting into sentences before
    :func:`read_sentences` chooses among them: ``None`` (all) for a text of at most
    ``budget`` characters; else those around the opening and around each passage's place,
    with room to spare (splitting a megabyte into sentences costs half a second). A paragraph
    longer than that room is taken whole (one very long paragraph is split all the same)."""
    if len(text) <= budget or not spans:
        return None
    lead = int(budget * LEAD_SHARE)
    share = max(1, (budget - lead) // PASSAGES)
    lo, hi = spans[0][0] + lead, spans[-1][1]
    step = (hi - lo) / PASSAGES
    windows = [(spans[0][0], spans[0][0] + 2 * lead)]
    windows += [(int(lo + step * p) - 2 * share, int(lo + step * p) + 2 * share) for p in range(PASSAGES)]
    starts = [a for a, _b in spans]
    keep: set[int] = set()
    for a, b in windows:
        i = max(0, bisect.bisect_right(starts, a) - 1)
        while i < len(spans) and spans[i][0] < b:
            keep.add(i)
            i += 1
    keep.add(len(spans) - 1)  # the text's end: the passages are placed over the same stretch
    return sorted(keep)
