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

from ..article import Sentence, Token
from .found import Found
from .lexicon import Lexicon

_MIN_LEN = 3
_PHRASE_BONUS = 1.3
_DROPPED_MAX = 200
_STEM_MAX = 4000  # forms stemmed at most (the most salient ones)


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


def _excluded(lex: Lexicon) -> frozenset[str]:
    return (
        lex.stopwords
        | frozenset(lex.months)
        | frozenset(lex.weekdays)
        | frozenset(lex.number_words)
        | lex.units
        | lex.currency_words
        | lex.day_parts
    )


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
    excluded = _excluded(lex)
    by_form: dict[str, list[int]] = defaultdict(list)  # lowercase form -> token indexes
    pairs: list[int] = []  # first token of two adjacent content words
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
    # Stemming is the slow part: on a long text only the forms that could make the cut.
    forms = list(by_form)
    if len(forms) > _STEM_MAX:
        forms.sort(key=lambda f: -_rarity(words.zipf(f)) * (1 + math.log(len(by_form[f]))))
    stem_of = {f: (words.stem(f) if i < _STEM_MAX else f) for i, f in enumerate(forms)}
    occ: dict[str, list[int]] = defaultdict(list)  # stem -> token indexes
    for f, idxs in by_form.items():
        occ[stem_of[f]].extend(idxs)
    tok_stem = {k: stem_of[f] for f, idxs in by_form.items() for k in idxs}
    phrase_occ: dict[tuple[str, str], list[int]] = defaultdict(list)  # -> first token indexes
    for k in pairs:
        phrase_occ[(tok_stem[k], tok_stem[k + 1])].append(k)
    for idxs in occ.values():
        idxs.sort()
    paragraph_of = [s.paragraph for s in sentences]
    sentence_of = _sentence_index(tokens, ranges)

    def spread(idxs: list[int]) -> int:
        return len({paragraph_of[sentence_of[k]] for k in idxs})

    scored: list[tuple[float, str, object, list[int], list[str]]] = []
    for stem, idxs in occ.items():
        forms = defaultdict(int)
        for k in idxs:
            forms[tokens[k].text.lower()] += 1
        main = max(forms, key=lambda f: (forms[f], -len(f)))
        z = max(words.zipf(main), words.zipf(stem))
        p = spread(idxs)
        score = _rarity(z) * (1 + math.log(len(idxs))) * (1 + 0.1 * (p - 1))
        reasons = [f"content word, stem '{stem}'", f"zipf {z:.1f} in the language", _times(len(idxs), p)]
        scored.append((round(score, 3), stem, "word", idxs, reasons, frozenset(forms)))
    for (s1, s2), idxs in phrase_occ.items():
        if len(idxs) < 2 or s1 == s2:
            continue
        f1, f2 = tokens[idxs[0]].text.lower(), tokens[idxs[0] + 1].text.lower()
        z = (max(words.zipf(f1), words.zipf(s1)) + max(words.zipf(f2), words.zipf(s2))) / 2
        p = spread(idxs)
        score = _PHRASE_BONUS * _rarity(z) * (1 + math.log(len(idxs))) * (1 + 0.1 * (p - 1))
        reasons = [f"phrase of two content words, stems '{s1} {s2}'", _times(len(idxs), p)]
        scored.append((round(score, 3), f"{s1} {s2}", "phrase", idxs, reasons, frozenset()))
    scored.sort(key=lambda x: (-x[0], x[1]))
    keep = max(20, min(100, 10 + 2 * len(sentences)))
    found: list[Found] = []
    used: set[int] = set()
    dropped: list[tuple[int, int, str]] = []
    # phrases first so that their words do not also become candidates in the same place
    chosen = scored[:keep]
    for score, key, kind, idxs, reasons, forms in sorted(chosen, key=lambda x: x[2] != "phrase"):
        width = 2 if kind == "phrase" else 1
        seen_sentences: set[int] = set()
        for k in idxs:
            s = sentence_of[k]
            span = range(k, k + width)
            if s in seen_sentences or any(x in used for x in span):
                continue
            seen_sentences.add(s)
            used.update(span)
            found.append(
                Found(
                    tokens[k].start,
                    tokens[k + width - 1].end,
                    "term",
                    kind,
                    _with_forms(reasons, forms - {tokens[k].text.lower()}),
                    group="term:" + key,
                    score=score,
                    stem=key,
                )
            )
    for score, key, _kind, idxs, _r, _f in scored[keep : keep + _DROPPED_MAX]:
        k = idxs[0]
        dropped.append(
            (tokens[k].start, tokens[k].end, f"key term below the cut ('{key}', score {score:.2f})")
        )
    found.sort(key=lambda f: f.start)
    return found, dropped


def _with_forms(reasons: list[str], others: frozenset[str]) -> tuple[str, ...]:
    """The group's reasons plus the other forms sharing this occurrence's stem."""
    if not others:
        return tuple(reasons)
    o = sorted(others)
    same = f"same stem as '{o[0]}'" if len(o) == 1 else f"same stem as '{o[0]}' and {len(o) - 1} other forms"
    return (*reasons[:2], same, *reasons[2:])


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
