"""Key terms: content words and two-word phrases that matter to this article.

Steps:

1. Content tokens: lowercase words (or a sentence-initial capital on a common word) that
   are not stopwords, month/weekday/number words or units, of at least three letters,
   outside any name, time or number span.
2. Group them by stem (``pack.stem``): ``nuklir`` and ``nuklirnya`` are one term.
3. Salience, tf-idf-like: ``rarity * (1 + ln count) * spread`` where rarity is how much
   rarer the term is in the language than an everyday word (``6.5 - zipf``), count is
   its occurrences in the article and spread rewards terms in several paragraphs.
4. Two-word phrases (``hubungan internasional``) whose words are content words, adjacent
   and repeated at least twice, score as their mean rarity with a bonus.
5. The best groups are kept (more for longer articles); each keeps one occurrence per
   sentence, phrases before the words inside them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from ..article import Sentence, Token
from .found import Found
from .lexicon import Lexicon

_MIN_LEN = 3
_PHRASE_BONUS = 1.3
_DROPPED_MAX = 200
_STEM_MAX = 2000  # forms stemmed at most (the most salient ones)


def _rarity(z: float) -> float:
    """How much rarer than an everyday word (0 for "the"/"yang", 5 for a rare word).

    A word the frequency list does not know (zipf 0: a typo, a rare loan or a name
    written in lowercase) counts as merely rare, not as the rarest of all.
    """
    if z <= 0:
        z = 3.0
    return 6.5 - min(max(z, 1.5), 6.5)


class _Words:
    """Per-call caches of stems and frequencies."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.stems: dict[str, str] = {}
        self.zipfs: dict[str, float] = {}

    def stem(self, low: str) -> str:
        s = self.stems.get(low)
        if s is None:
            s = self.stems[low] = self.lex.pack.stem(low) or low
        return s

    def zipf(self, low: str) -> float:
        z = self.zipfs.get(low)
        if z is None:
            z = self.zipfs[low] = float(self.lex.pack.zipf(low))
        return z


@dataclass(frozen=True)
class _Group:
    """A term group: a stem (``kind`` "word") or two stems (``kind`` "phrase")."""

    score: float
    key: str
    kind: str
    idxs: list[int]  # token index of each occurrence (first token of a phrase)
    zipf: float
    paragraphs: int
    forms: frozenset[str]  # lowercase forms of a word group

    @property
    def width(self) -> int:
        return 2 if self.kind == "phrase" else 1

    def reasons(self, form: str) -> tuple[str, ...]:
        """Why the group was kept, for its occurrence written ``form``."""
        times = _times(len(self.idxs), self.paragraphs)
        if self.kind == "phrase":
            return (f"phrase of two content words, stems '{self.key}'", times)
        out = [f"content word, stem '{self.key}'", f"zipf {self.zipf:.1f} in the language"]
        others = sorted(self.forms - {form})
        if others:
            more = f" and {len(others) - 1} other forms" if len(others) > 1 else ""
            out.append(f"same stem as '{others[0]}'{more}")
        return (*out, times)


def find_terms(
    text: str,
    tokens: list[Token],
    sentences: tuple[Sentence, ...],
    ranges: list[tuple[int, int]],
    covered: list[bool],
    initial: list[bool],
    lex: Lexicon,
) -> tuple[list[Found], list[tuple[int, int, str]]]:
    """Find key terms.

    Args:
        text: The article body.
        tokens: Its tokens.
        sentences: Its sentences.
        ranges: Token index range of each sentence.
        covered: Per token, whether a name, time or number candidate holds it.
        initial: Per token, whether it starts its sentence or a quotation.
        lex: The language's lexicon.

    Returns:
        Term spans, and ``(start, end, reason)`` for term groups below the cut.
    """
    words = _Words(lex)
    by_form, pairs = _content_tokens(text, tokens, ranges, covered, initial, lex.not_terms)
    sentence_of = _sentence_index(tokens, ranges)
    groups = _score(tokens, sentences, sentence_of, by_form, pairs, words)
    keep = max(20, min(100, 10 + 2 * len(sentences)))
    found = _place(tokens, sentence_of, groups[:keep])
    dropped = []
    for g in groups[keep : keep + _DROPPED_MAX]:
        k = g.idxs[0]
        why = f"key term below the cut ('{g.key}', score {g.score:.2f})"
        dropped.append((tokens[k].start, tokens[k + g.width - 1].end, why))
    return found, dropped


def _content_tokens(
    text: str,
    tokens: list[Token],
    ranges: list[tuple[int, int]],
    covered: list[bool],
    initial: list[bool],
    excluded: frozenset[str],
) -> tuple[dict[str, list[int]], list[int]]:
    """Content tokens by lowercase form, and the first token of each adjacent pair of them."""
    by_form: dict[str, list[int]] = defaultdict(list)
    pairs: list[int] = []
    for a, b in ranges:
        prev = -1
        for k in range(a, b):
            w = tokens[k].text
            c = w[0]
            if covered[k] or not (c.islower() or (initial[k] and c.isupper() and not w.isupper())):
                prev = -1
                continue
            low = w.lower()
            if len(low) < _MIN_LEN or low in excluded or not low.replace("-", "").isalpha():
                prev = -1
                continue
            by_form[low].append(k)
            if prev == k - 1 and text[tokens[prev].end : tokens[k].start] == " ":
                pairs.append(prev)
            prev = k
    return by_form, pairs


def _score(
    tokens: list[Token],
    sentences: tuple[Sentence, ...],
    sentence_of: list[int],
    by_form: dict[str, list[int]],
    pairs: list[int],
    words: _Words,
) -> list[_Group]:
    """Group the forms by stem, add repeated phrases, and score them; best first."""
    # Stemming is the slow part: on a long text only the forms that could make the cut.
    forms = list(by_form)
    if len(forms) > _STEM_MAX:
        forms.sort(key=lambda f: -_rarity(words.zipf(f)) * (1 + math.log(len(by_form[f]))))
    stem_of = {f: (words.stem(f) if i < _STEM_MAX else f) for i, f in enumerate(forms)}
    occ: dict[str, list[int]] = defaultdict(list)  # stem -> token indexes
    for f, idxs in by_form.items():
        occ[stem_of[f]].extend(idxs)
    tok_stem = {k: stem_of[f] for f, idxs in by_form.items() for k in idxs}
    phrase_occ: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k in pairs:
        phrase_occ[(tok_stem[k], tok_stem[k + 1])].append(k)
    paragraph_of = [s.paragraph for s in sentences]

    def spread(idxs: list[int]) -> int:
        return len({paragraph_of[sentence_of[k]] for k in idxs})

    groups: list[_Group] = []
    for stem, idxs in occ.items():
        idxs.sort()
        counts: dict[str, int] = defaultdict(int)
        for k in idxs:
            counts[tokens[k].text.lower()] += 1
        main = max(counts, key=lambda f: (counts[f], -len(f)))
        z = max(words.zipf(main), words.zipf(stem))
        p = spread(idxs)
        score = _rarity(z) * (1 + math.log(len(idxs))) * (1 + 0.1 * (p - 1))
        groups.append(_Group(round(score, 3), stem, "word", idxs, z, p, frozenset(counts)))
    for (s1, s2), idxs in phrase_occ.items():
        if len(idxs) < 2 or s1 == s2:
            continue
        f1, f2 = tokens[idxs[0]].text.lower(), tokens[idxs[0] + 1].text.lower()
        z = (max(words.zipf(f1), words.zipf(s1)) + max(words.zipf(f2), words.zipf(s2))) / 2
        p = spread(idxs)
        score = _PHRASE_BONUS * _rarity(z) * (1 + math.log(len(idxs))) * (1 + 0.1 * (p - 1))
        groups.append(_Group(round(score, 3), f"{s1} {s2}", "phrase", idxs, z, p, frozenset()))
    groups.sort(key=lambda g: (-g.score, g.key))
    return groups


def _place(tokens: list[Token], sentence_of: list[int], chosen: list[_Group]) -> list[Found]:
    """One occurrence per group and sentence; phrases first, so that their words do not
    also become candidates in the same place."""
    found: list[Found] = []
    used: set[int] = set()
    for g in sorted(chosen, key=lambda g: g.kind != "phrase"):
        seen_sentences: set[int] = set()
        for k in g.idxs:
            s = sentence_of[k]
            span = range(k, k + g.width)
            if s in seen_sentences or any(x in used for x in span):
                continue
            seen_sentences.add(s)
            used.update(span)
            found.append(
                Found(
                    tokens[k].start,
                    tokens[k + g.width - 1].end,
                    "term",
                    g.kind,
                    g.reasons(tokens[k].text.lower()),
                    group="term:" + g.key,
                    score=g.score,
                    stem=g.key,
                )
            )
    found.sort(key=lambda f: f.start)
    return found


def _times(count: int, paragraphs: int) -> str:
    if count == 1:
        return "appears once"
    return f"appears {count} times in {paragraphs} paragraph{'s' if paragraphs != 1 else ''}"


def _sentence_index(tokens: list[Token], ranges: list[tuple[int, int]]) -> list[int]:
    out = [0] * len(tokens)
    for si, (a, b) in enumerate(ranges):
        for k in range(a, b):
            out[k] = si
    return out
