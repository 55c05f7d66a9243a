"""Answer candidates: every detector's spans, placed in sentences, without overlaps.

Order of precedence (an earlier kind wins a contested span): times and dates, numbers
and quantities, names (people, places, organisations), key terms.
"""

from __future__ import annotations

import bisect

from ..article import Candidate, Dropped, Sentence, Token
from .aliases import group_mentions
from .found import Found, pick_non_overlapping
from .keyterms import find_terms
from .lexicon import Lexicon
from .names import find_mentions
from .namewords import initial_flags
from .numbers import find_numbers
from .times import find_times
from .tokens import sentence_token_ranges
from .wordclass import TagIndex, head_class


def _overlaps(kept: list[Found], starts: list[int], f: Found) -> bool:
    i = bisect.bisect_right(starts, f.start)
    if i > 0 and kept[i - 1].end > f.start:
        return True
    return i < len(kept) and kept[i].start < f.end


def _token_flags(tokens: list[Token], spans: list[Found]) -> list[bool]:
    """Per token, whether it overlaps one of ``spans`` (sorted, non-overlapping)."""
    flags = [False] * len(tokens)
    if all(a.start <= b.start for a, b in zip(spans, spans[1:], strict=False)):
        # tokens come in order without overlaps: each span marks the run of tokens it
        # touches, found by bisection instead of a walk over every token
        starts = [t.start for t in tokens]
        ends = [t.end for t in tokens]
        for f in spans:
            lo = bisect.bisect_right(ends, f.start)
            hi = bisect.bisect_left(starts, f.end, lo)
            flags[lo:hi] = [True] * (hi - lo)
        return flags
    j = 0
    for k, t in enumerate(tokens):
        while j < len(spans) and spans[j].end <= t.start:
            j += 1
        if j < len(spans) and spans[j].start < t.end:
            flags[k] = True
    return flags


def _tag_index(tagged: tuple[Token, ...], lex: Lexicon) -> TagIndex | None:
    if not tagged:
        return None
    from ..analysis import get_tagger

    model = get_tagger(lex.pack.code)
    return TagIndex(tagged, model.passes[0].lexicon if model is not None else None)


def find_candidates(
    text: str,
    sentences: tuple[Sentence, ...],
    tokens: list[Token],
    lex: Lexicon,
    entities: object | None = None,
    tagged: tuple[Token, ...] = (),
) -> tuple[tuple[Candidate, ...], tuple[Dropped, ...]]:
    """Find the answer candidates of an article body.

    Args:
        text: The article body.
        sentences: Its sentences.
        tokens: Its tokens.
        lex: The language's lexicon.
        entities: The entity tagger's spans (:class:`quizgen.analysis.ner.EntityIndex`), if any.
        tagged: The article's tokens with word classes (``TextLayer.tagged``), if any.

    Returns:
        Candidates in text order, and the spans considered and rejected, with reasons.
    """
    ranges = sentence_token_ranges(tokens, sentences)
    rejected: list[tuple[int, int, str]] = []
    times = find_times(text, lex, tokens)
    numbers, why = find_numbers(text, lex, tokens)
    rejected += why
    starts = [f.start for f in times]
    numbers = pick_non_overlapping([n for n in numbers if not _overlaps(times, starts, n)])
    fixed = sorted(times + numbers, key=lambda f: f.start)
    blocked = _token_flags(tokens, fixed)
    initial = initial_flags(text, tokens, ranges)
    mentions, why = find_mentions(
        text, tokens, sentences, ranges, blocked, initial, lex, entities, _tag_index(tagged, lex)
    )
    rejected += why
    names = group_mentions(mentions, lex)
    covered = _token_flags(tokens, sorted(fixed + names, key=lambda f: f.start))
    terms, why = find_terms(text, tokens, sentences, ranges, covered, initial, lex)
    rejected += why

    sent_starts = [s.start for s in sentences]
    tag_starts = [t.start for t in tagged]
    out: list[Candidate] = []
    for f in sorted(fixed + names + terms, key=lambda f: (f.start, f.end)):
        si = bisect.bisect_right(sent_starts, f.start) - 1
        if si < 0 or f.end > sentences[si].end:
            rejected.append((f.start, f.end, "crosses a sentence boundary"))
            continue
        out.append(
            Candidate(
                text=text[f.start : f.end],
                type=f.type,
                start=f.start,
                end=f.end,
                sentence=si,
                reasons=f.reasons,
                subtype=f.subtype,
                group=f.group,
                score=f.score,
                stem=f.stem,
                unit=f.unit,
                value=f.value,
                word_class=head_class(tagged, f.start, f.end, tag_starts) if tagged else None,
            )
        )
    dropped = tuple(Dropped(text[a:b], a, b, r) for a, b, r in sorted(rejected))
    return tuple(out), dropped
