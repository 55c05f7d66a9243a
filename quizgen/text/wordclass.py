"""Word classes for the text layer: UD tokens with UPOS tags, and what they tell.

:func:`tag_sentences` tags every sentence of an article in one pass (the trained tagger
of :mod:`quizgen.analysis`); the helpers answer the questions the question writer asks
of a sentence or a span: does the sentence have a finite verb and a subject, what is the
word class of a key.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..article import Sentence, Token

CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
FUNCTION = frozenset({"ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ", "PUNCT", "SYM", "INTJ"})
_SUBJECT = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# The entity tagger reads the sentences in the first this many characters (about 9,000
# words: any news article). Beyond, names take their type from earlier mentions and the
# article's cues: the CRF's Python features cost about 15 ms per 1,000 words, which would
# triple the time of a 1 MB text.
NER_MAX_CHARS = 60_000


def tag_sentences(
    text: str, sentences: Sequence[Sentence], lang: str
) -> tuple[tuple[Token, ...], tuple[tuple[int, int], ...]]:
    """All tagged tokens of ``sentences`` and each sentence's ``[first, last)`` range."""
    from ..analysis import tag_spans

    per = tag_spans(text, [(s.start, s.end) for s in sentences], lang)
    flat: list[Token] = []
    ranges: list[tuple[int, int]] = []
    for toks in per:
        ranges.append((len(flat), len(flat) + len(toks)))
        flat.extend(toks)
    return tuple(flat), tuple(ranges)


class TagIndex:
    """Word classes of character spans, from an article's tagged tokens."""

    def __init__(self, tagged: Sequence[Token], lexicon: dict[str, str] | None = None) -> None:
        self.tokens = tagged
        self.starts = [t.start for t in tagged]
        self.lexicon = lexicon  # lowercase word -> "NOUN|VERB" (the tagger's word list), if any
        self._common: dict[str, str | None] = {}  # lowercase word -> its first common-word tag

    def common_words(self, words: Sequence[str]) -> tuple[str, ...] | None:
        """The word-list tags of ``words`` when every one is also used as a common word
        (not only in names), else ``None``: ``Kesehatan Hewan`` -> ``("NOUN", "NOUN")``."""
        if not self.lexicon:
            return None
        out = []
        memo = self._common
        for w in words:
            low = w.lower()
            first = memo.get(low, "")
            if first == "":
                tags = self.lexicon.get(low)
                common = [t for t in (tags or "").split("|") if t and t != "PROPN"]
                first = memo[low] = common[0] if common else None
            if first is None:
                return None
            out.append(first)
        return tuple(out)

    def classes(self, start: int, end: int) -> tuple[str, ...]:
        """The UPOS tags of the tokens inside ``[start, end)`` (punctuation left out)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            u = self.tokens[i].upos
            if u and u != "PUNCT":
                out.append(u)
            i += 1
        return tuple(out)


def entity_index(
    text: str,
    sentences: Sequence[Sentence],
    lang: str,
    tagged: Sequence[Token] = (),
    ranges: Sequence[tuple[int, int]] = (),
):
    """What the trained models say of names, as an index with ``lookup(start, end)``:
    the entity tagger's spans (Indonesian), else the name typer (English), else ``None``."""
    from ..analysis.ner import LazyEntityIndex, has_ner

    if has_ner(lang):
        # tagged on first lookup, sentence by sentence, from the tokens already made
        keep = [n for n, s in enumerate(sentences) if s.end <= NER_MAX_CHARS]
        spans = [(sentences[n].start, sentences[n].end) for n in keep]
        words = None
        if len(ranges) == len(sentences):
            words = [[(t.text, t.start, t.end) for t in tagged[a:b]] for a, b in (ranges[n] for n in keep)]
        try:
            return LazyEntityIndex(text, spans, lang, words)
        except ImportError:  # python-crfsuite missing: names are typed by the cues alone
            return None
    from ..analysis.entity_types import TyperIndex, name_typer

    typer = name_typer(lang)
    if typer is None or not tagged:
        return None
    return TyperIndex(typer, text, tagged, ranges)


def has_verb(tokens: Sequence[Token]) -> bool:
    """Whether a verb (or, for copular sentences, an auxiliary) is among the tokens."""
    return any(t.upos in ("VERB", "AUX") for t in tokens)


def is_clause(tokens: Sequence[Token]) -> bool:
    """A usable sentence: a verb (finite or copular) with a nominal before it (a subject).

    Fragments cut from lists, legal citations or headings lack one or the other.
    Example: ``Presiden Putin tiba di Pyongyang.`` is a clause; ``Pasal 5 ayat (2) UU
    No. 31 Tahun 1999`` is not.
    """
    seen_nominal = False
    for t in tokens:
        if t.upos in _SUBJECT:
            seen_nominal = True
        elif t.upos in ("VERB", "AUX") and seen_nominal:
            return True
    # verb-initial clauses with a subject after the verb ("Kata dia", "Said the minister")
    verbs = [k for k, t in enumerate(tokens) if t.upos in ("VERB", "AUX")]
    return bool(verbs) and any(t.upos in ("PRON", "PROPN", "NOUN") for t in tokens[verbs[0] + 1 :])


def span_upos(
    tokens: Sequence[Token], start: int, end: int, starts: Sequence[int] | None = None
) -> tuple[str, ...]:
    """The tags of the tokens inside ``[start, end)`` (``starts``: the tokens' start
    offsets, to find them by bisection in a long token list)."""
    i = bisect.bisect_left(starts, start) if starts is not None else 0
    out = []
    while i < len(tokens) and tokens[i].start < end:
        t = tokens[i]
        if t.start >= start and t.end <= end:
            out.append(t.upos or "X")
        i += 1
    return tuple(out)


def head_class(
    tokens: Sequence[Token], start: int, end: int, starts: Sequence[int] | None = None
) -> str | None:
    """The word class of a span: PROPN for a name, NOUN for a noun phrase, VERB, ...

    The last content tag inside the span wins (the head of an Indonesian noun phrase is
    first, of an English one last; for classification either content tag is informative,
    and names and numbers are uniform), falling back to the first tag.
    """
    tags = span_upos(tokens, start, end, starts)
    if not tags:
        return None
    content = [u for u in tags if u in CONTENT]
    if not content:
        return tags[0]
    for pref in ("PROPN", "NUM", "VERB", "NOUN", "ADJ", "ADV"):
        if pref in content:
            return pref
    return content[0]
