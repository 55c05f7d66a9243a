"""Features of a draft item that predict whether a strict reviewer keeps it.

Used by :mod:`quizgen.engine.rank` at generation time and by ``training/train_ranker.py`` on
blind-review labels, so both see exactly the same numbers. Every feature reads only what a
bank item carries (kind, prompt, options, answer, accepted, skill) plus the article text and
its language pack; none reads the item's ``features`` or ``reason``.

Per-article work (word tokens, the article's word trigrams, the lead) is done once and kept in
a small cache keyed by the text, so scoring many drafts of one article stays cheap.

Example:
    >>> idx = article_index("Putin tiba di Pyongyang pada Rabu pagi.\\n\\nIa disambut Kim.")
    >>> sorted(idx.lead)[:3]
    ['di', 'pada', 'pagi']
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from .textutil import fold

# name -> (expected sign of its weight, what it measures). The sign is the direction a strict
# reviewer is expected to push (+1 keeps, -1 rejects, 0 no prior); training drops a feature
# whose fitted weight contradicts its sign, so every kept weight reads the way it is named.
FEATURES: dict[str, tuple[int, str]] = {
    "choice": (0, "multiple choice (mcq, or cloze with options)"),
    "true_false": (0, "a single true/false statement"),
    "skill_main_idea": (0, "skill main_idea"),
    "skill_relation": (0, "skill relation (why, who said what, what followed)"),
    "skill_statement": (0, "skill statement (which statement is true/false)"),
    "skill_vocabulary": (0, "skill vocabulary"),
    "copy_ratio": (-1, "longest run of the prompt copied from the article / prompt length"),
    "true_copied": (-1, "a true statement (or the key statement) copied word for word"),
    "key_common": (-1, "the key is a common lower-case word (Zipf above 3.5)"),
    "key_number": (0, "the key is a number, date or amount"),
    "negation_inserted": (-1, "a statement or option holds a negation the article does not have there"),
    "key_stopword": (-1, "the key is only stopwords"),
    "key_words": (0, "log(1 + words in the key)"),
    "name_fragment": (-1, "the blank cuts a name (next to a capitalised word, or a particle)"),
    "speaker_blank": (-1, "the blank is who said/did it, next to a person verb"),
    "key_in_lead": (-1, "the key stands in the title or first sentence"),
    "key_repeated": (-1, "log(1 + times the key's rarest word occurs in the article): a topic word"),
    "distractors_in_article": (1, "share of short wrong options (names, facts) taken from the article"),
    "options_copied": (-1, "share of sentence-long options copied word for word (found by matching)"),
    "shape_mismatch": (-1, "share of wrong options of another shape than the key (number, name, word)"),
    "option_length_spread": (-1, "log(longest / shortest option length)"),
    "key_longest": (-1, "the key is clearly the longest option"),
    "key_prompt_overlap": (-1, "the key shares more words with the prompt than any wrong option"),
    "near_duplicate_options": (-1, "two options are near copies (spelling variant, inflection)"),
    "prompt_words": (0, "log(words in the prompt)"),
    "quote": (-1, "the prompt holds a quotation"),
    "points_back": (-1, "the prompt starts with a pronoun or connective pointing back"),
    "digit_share": (-1, "share of the prompt's words with digits (tables, scores, dates)"),
    "glitch": (-1, "surface defects: lower-case start, unbalanced brackets, doubled word"),
    "typed_long_key": (-1, "a typed answer of three or more words"),
    "typed_variants": (1, "a typed answer with accepted variants"),
    "swaps_out_topic": (-1, "log(1 + mentions of the name a false statement swaps out): the article's own subject"),
    "blank_off_topic": (-1, "a blank whose filled sentence holds under a fifth of the article's ten topic words"),
}
NAMES: tuple[str, ...] = tuple(FEATURES)

_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_BLANK_RE = re.compile(r"_{3,}")
_BLANK = "<blank>"
_QUOTES = ('"', "“", "”", "«", "»")
_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))
_PRONOUNS = {
    "id": ("ia", "dia", "mereka", "beliau", "itu", "ini", "hal", "tersebut", "namun", "tetapi"),
    "en": (
        "he",
        "she",
        "it",
        "they",
        "this",
        "that",
        "these",
        "those",
        "but",
        "however",
        "his",
        "her",
        "its",
        "their",
    ),
}
_NEGATIONS = {
    "id": frozenset({"tidak", "bukan", "tak", "belum", "tiada"}),
    "en": frozenset({"not", "never", "no", "cannot"}),
}
_SKILLS = {
    "main_idea": "main_idea",
    "relation": "relation",
    "statement": "statement",
    "vocabulary": "vocabulary",
}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; a blank (``_____``) becomes the token ``<blank>``."""
    parts = _BLANK_RE.split(_norm(text))
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append(_BLANK)
        out.extend(_TOKEN_RE.findall(part))
    return out


def _cased_tokens(text: str) -> list[str]:
    parts = _BLANK_RE.split(unicodedata.normalize("NFKC", text))
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out.append(_BLANK)
        out.extend(_TOKEN_RE.findall(part))
    return out


@dataclass(frozen=True)
class ArticleIndex:
    """What the features need of one article, computed once."""

    unigrams: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    trigrams: frozenset[tuple[str, str, str]]
    lead: frozenset[str]
    lowercase_words: frozenset[str]  # words written in lower case somewhere in the article
    counts: dict[str, int]  # word -> occurrences


def _lead(text: str) -> str:
    """The title line (a short first paragraph without a final full stop) and first sentence."""
    body = text.strip()
    first, _, rest = body.partition("\n")
    lead = ""
    if rest.strip() and len(first.split()) <= 25 and not first.rstrip().endswith((".", "!", "?")):
        lead, body = first, rest.strip()
    m = re.search(r"[.!?](?:[\"”’)]*)\s", body[:2000])
    sentence = body[: m.end()] if m else body[:400]
    return f"{lead}\n{sentence}"


def _build_index(text: str) -> ArticleIndex:
    cased = _TOKEN_RE.findall(unicodedata.normalize("NFKC", text))
    toks = " ".join(cased).casefold().split(" ") if cased else []
    return ArticleIndex(
        unigrams=frozenset(toks),
        bigrams=frozenset(zip(toks, toks[1:], strict=False)),
        trigrams=frozenset(zip(toks, toks[1:], toks[2:], strict=False)),
        lead=frozenset(tokens(_lead(text))),
        lowercase_words=frozenset(w.casefold() for w in set(cased) if w[:1].islower()),
        counts=dict(Counter(toks)),
    )


_CACHE: dict[tuple[int, int], tuple[str, ArticleIndex]] = {}
_CACHE_SIZE = 8
_LOCK = threading.Lock()


def article_index(text: str) -> ArticleIndex:
    """The (cached) :class:`ArticleIndex` of ``text``; the last few articles are kept."""
    key = (len(text), hash(text))
    hit = _CACHE.get(key)
    if hit is not None and (hit[0] is text or hit[0] == text):
        return hit[1]
    index = _build_index(text)
    with _LOCK:
        while len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = (text, index)
    return index


def copied_run(toks: list[str], index: ArticleIndex) -> int:
    """Length in words of the longest run of ``toks`` whose every word trigram is in the
    article (a copied stretch); runs shorter than three words count by their unigrams."""
    best = 1 if any(t in index.unigrams for t in toks) else 0
    run = 0
    for i in range(len(toks) - 2):
        if (toks[i], toks[i + 1], toks[i + 2]) in index.trigrams:
            run = run + 1 if run else 3
            best = max(best, run)
        else:
            run = 0
    return best


def in_article(toks: list[str], index: ArticleIndex) -> bool:
    """Whether the words ``toks`` stand in the article in this order (up to trigram chains)."""
    if not toks:
        return False
    if len(toks) == 1:
        return toks[0] in index.unigrams
    if len(toks) == 2:
        return (toks[0], toks[1]) in index.bigrams
    return copied_run(toks, index) == len(toks)


@dataclass(frozen=True)
class Draft:
    """The fields of an item the ranker reads (a bank :class:`~quizgen.bank.Item` or a dict)."""

    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    accepted: tuple[str, ...]
    skill: str

    @classmethod
    def of(cls, item: Any) -> Draft:
        get = item.get if isinstance(item, Mapping) else lambda k, d=None: getattr(item, k, d)
        return cls(
            kind=str(get("kind", "") or ""),
            prompt=str(get("prompt", "") or ""),
            options=tuple(str(o) for o in (get("options", ()) or ())),
            answer=str(get("answer", "") or ""),
            accepted=tuple(str(a) for a in (get("accepted", ()) or ())),
            skill=str(get("skill", "") or ""),
        )


def _initials(toks: list[str]) -> str:
    return "".join(t[0] for t in toks if t)


def _same_referent(a: str, b: str, aliases: Mapping[str, str]) -> bool:
    """An alias of the pack (AS / Amerika Serikat), an acronym (PLN / Perusahaan Listrik
    Negara) or a contraction (Jokowi / Joko Widodo) of the other option."""
    if aliases.get(a.strip(), "").casefold() == b.strip().casefold():
        return True
    ta, tb = _TOKEN_RE.findall(_norm(a)), _TOKEN_RE.findall(_norm(b))
    if len(ta) != 1 or len(tb) < 2:
        return False
    one = ta[0]
    if len(one) >= 2 and one == _initials(tb):
        return True
    head = tb[0]
    return (
        len(head) >= 3
        and one.startswith(head)
        and len(one) > len(head)
        and tb[1].startswith(one[len(head) :])
    )


def _similar(a: str, b: str, aliases: Mapping[str, str] | None = None) -> bool:
    if aliases is not None and (_same_referent(a, b, aliases) or _same_referent(b, a, aliases)):
        return True
    a, b = _norm(a).strip(), _norm(b).strip()
    if not a or not b:
        return False
    if a == b:
        return True
    ta, tb = _TOKEN_RE.findall(a), _TOKEN_RE.findall(b)
    short = min(len(ta), len(tb))
    if short <= 2 and ta and tb and (set(ta) <= set(tb) or set(tb) <= set(ta)):
        return True  # "bikes" / "e-bikes" style, or a name inside a longer one
    if short <= 3:
        m = SequenceMatcher(None, a, b, autojunk=False)
        return m.quick_ratio() >= 0.8 and m.ratio() >= 0.8
    return False


def _negation_inserted(toks: list[str], index: ArticleIndex, negations: frozenset[str]) -> bool:
    """A negation word whose neighbours never stand next to it in the article."""
    for i, t in enumerate(toks):
        if t in negations or t.endswith("n't"):
            left = i > 0 and (toks[i - 1], t) in index.bigrams
            right = i + 1 < len(toks) and (t, toks[i + 1]) in index.bigrams
            if not left and not right:
                return True
    return False


def _shape(option: str) -> str:
    o = option.strip()
    if _DIGIT_RE.search(o) and sum(c.isdigit() for c in o) * 3 >= len(o.replace(" ", "")):
        return "number"
    first = next((c for c in o if c.isalpha()), "")
    return "capital" if first.isupper() else "lower"


def _content(toks: list[str], stop: frozenset[str]) -> set[str]:
    return {t for t in toks if t not in stop and t != _BLANK and len(t) > 1}


def _zipf(pack: Any, word: str) -> float:
    try:
        return float(pack.zipf(word))
    except Exception:  # noqa: BLE001 - an unusual pack must not stop the ranking
        return 0.0


_DIGIT_RE = re.compile(r"\d")


def _is_number(tok: str) -> bool:
    return _DIGIT_RE.search(tok) is not None


_YEAR_RE = re.compile(r"^(1[5-9]|20)\d\d$")


@lru_cache(maxsize=16)
def _calendar_words(pack: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The pack's month and weekday names, folded (once per pack: every draft asks)."""
    fold_all = lambda names: frozenset(n.casefold() for n in (names or {}))  # noqa: E731
    return fold_all(getattr(pack, "months", {})), fold_all(getattr(pack, "weekdays", {}))


_WORDS_RE = re.compile(r"\w+")
_SPLIT_RE = re.compile(r"(?<=[.!?])\s+|\n+")


@lru_cache(maxsize=2)
def _sentence_index(text: str) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
    """The article's sentences (their spans) and, for each folded word, the sentences holding
    it: made once an article, kept small (no word set per sentence: a 1 MB article has ten
    thousand sentences)."""
    spans: list[tuple[int, int]] = []
    where: dict[str, list[int]] = {}
    at = 0
    for m in [*_SPLIT_RE.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[at:end].strip():
            i = len(spans)
            spans.append((at, end))
            for w in set(_WORDS_RE.findall(fold(text[at:end]))):
                where.setdefault(w, []).append(i)
        if m:
            at = m.end()
    return spans, where


@lru_cache(maxsize=512)
def _beside_nearest(statement: str, article_text: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """The (folded) words of a statement, and those of the article sentence nearest to it
    (most words in common, the first of equals; ``None`` when none shares a word)."""
    words = frozenset(_WORDS_RE.findall(fold(statement)))
    best = _nearest_sentence(set(words), article_text)
    if best is None:
        return words, None
    a, b = _sentence_index(article_text)[0][best]
    return words, frozenset(_WORDS_RE.findall(fold(article_text[a:b])))


def swapped_words(statement: str, article_text: str) -> frozenset[str]:
    """The words of a false statement that the article sentence nearest to it (most words in
    common, the first of equals) lacks: what its false twin put in (a date, a name, a figure);
    none when it only moved the sentence's own words (two actors' roles swapped)."""
    words, sentence = _beside_nearest(statement, article_text)
    return words if sentence is None else words - sentence


def swapped_out_mentions(statement: str, article_text: str) -> float:
    """For a false statement that swaps a name (at most three words of its nearest article
    sentence missing, one of them written with a capital in the article): log(1 + mentions
    in the article of the most mentioned such word), else 0. Swapping out the article's own
    subject ("licensed in Russia" in an article about Bolivia, "koki makanan India" in one
    about a Turkish restaurant) contradicts everything around it: over rounds 30-72
    reviewers kept such a false statement 37% (English) and 28% (Indonesian) of the time
    when the name had five mentions or more, 47% and 57% when it had two or fewer."""
    words, sentence = _beside_nearest(statement, article_text)
    removed = (sentence or frozenset()) - words
    if not removed or len(removed) > 3:
        return 0.0
    capitals = _capitalised(article_text)
    names = [w for w in removed if w in capitals and not w.isdigit() and len(w) > 2]
    if not names:
        return 0.0
    where = _sentence_index(article_text)[1]
    return math.log1p(max(len(where.get(w, ())) for w in names))


@lru_cache(maxsize=2)
def _capitalised(article_text: str) -> frozenset[str]:
    """The (folded) words the article writes with a capital somewhere."""
    return frozenset(fold(w) for w in re.findall(r"\b[A-Z][^\W\d_]+", article_text))


def _nearest_sentence(words: set[str], article_text: str) -> int | None:
    """The index of the article sentence holding most of the (folded) words, the first of
    equals; ``None`` when none holds any."""
    where = _sentence_index(article_text)[1]
    hits: Counter = Counter()
    for w in words:
        hits.update(where.get(w, ()))
    if not hits:
        return None
    return max(hits, key=lambda i: (hits[i], -i))


#: A blank on a figure from beyond the article's first quarter (its sentences) is counted
#: apart: reviewers kept 49% of the figure blanks of the first quarter over rounds 30-60 and
#: 27% of the later ones ("the wallet's contents", "a meal's price": incidental), in both
#: languages alike.
LATE_SHARE = 0.25
_FIGURE_RE = re.compile(r"\d[\d.,]*")


def sentence_share(prompt: str, article_text: str) -> float | None:
    """Where the sentence nearest the prompt (most words in common, the first of equals)
    stands in the article: 0 for its first sentence, towards 1 for its last; ``None`` when no
    sentence shares a word with it."""
    best = _nearest_sentence(set(_WORDS_RE.findall(fold(_BLANK_RE.sub(" ", prompt)))), article_text)
    return None if best is None else best / max(1, len(_sentence_index(article_text)[0]))


TOPIC_WORDS = 10
TOPIC_ASIDE = 0.2
_TOPIC_CACHE: dict[tuple, frozenset[str]] = {}


def _topic_words(article_text: str, pack: Any) -> frozenset[str]:
    """The article's ten content words held by the most sentences (by their first five letters,
    as :func:`quizgen.engine.write_main_idea.topic_words`, from the sentences of
    :func:`_sentence_index`)."""
    key = (len(article_text), hash(article_text), str(getattr(pack, "code", "")))
    top = _TOPIC_CACHE.get(key)
    if top is None:
        stop = getattr(pack, "stopwords", frozenset())
        held: dict[str, set[int]] = {}
        for w, where in _sentence_index(article_text)[1].items():
            if len(w) > 2 and w not in stop:
                held.setdefault(w[:5], set()).update(where)
        top = frozenset(sorted(held, key=lambda w: (-len(held[w]), w))[:TOPIC_WORDS])
        with _LOCK:
            if len(_TOPIC_CACHE) >= _CACHE_SIZE:
                _TOPIC_CACHE.clear()
            _TOPIC_CACHE[key] = top
    return top


def topic_share(text: str, article_text: str, pack: Any) -> float:
    """Share of the article's topic words (:func:`_topic_words`) the text holds."""
    top = _topic_words(article_text, pack)
    stop = getattr(pack, "stopwords", frozenset())
    words = {w[:5] for w in _WORDS_RE.findall(fold(text)) if len(w) > 2 and w not in stop}
    return len(words & top) / max(1, len(top))


def _statement_kind(answer: str, article_text: str, pack: Any) -> str:
    """``statement_false_roles`` (the twin only moves the sentence's words), ``_time`` (it
    changes a date, month, weekday or year only) or plain ``statement_false``. English reviewers
    kept time swaps 13 of 103 times in rounds 5-28 ("only a month is swapped"), other swaps 60
    of 154 and role swaps 11 of 12."""
    new = swapped_words(answer, article_text)
    if not new:
        return "statement_false_roles"
    months, days = _calendar_words(pack)
    if all(w in months or w in days or _YEAR_RE.match(w) for w in new):
        return "statement_false_time"
    return "statement_false"


def item_category(item: Any, pack: Any, article_text: str | None = None) -> str:
    """The kind of item a keep rate is counted for (``main_idea``, ``statement_false``,
    ``question``, ``blank_number``, ``typed_blank_word`` ...). Read from what a bank item shows
    (kind, prompt, options, answer) and the pack's templates, months and weekdays, so rated
    packet items (which carry no skill) and drafts fall in the same categories; with the
    article's text, a false statement also by what its twin changed (:func:`_statement_kind`)."""
    d = Draft.of(item)
    templates = getattr(pack, "templates", {}) or {}
    if d.kind == "true_false":
        labels = tuple(getattr(pack, "true_false", ()) or ())
        if article_text and len(labels) == 2 and d.answer == labels[1]:
            # a false statement shown alone: counted apart when it only changes a date
            # ("... by 2017" for 2020: "date recall only", rounds 40-41)
            if _statement_kind(d.prompt, article_text, pack) == "statement_false_time":
                return "true_false_time"
        return "true_false"
    if d.prompt == templates.get("main_idea"):
        return "main_idea"
    if article_text and d.prompt in templates.get("statement_false", ()):
        return _statement_kind(d.answer, article_text, pack)
    for name in ("statement_false", "statement_true"):
        if d.prompt in templates.get(name, ()):
            return name
    choice = len([o for o in d.options if o.strip()]) >= 3
    answer = d.answer.strip()
    words = {w.strip(",.").casefold() for w in answer.split()}
    months, days = _calendar_words(pack)
    numbers = getattr(pack, "number_words", {}) or {}
    first = answer.split()[0].casefold() if answer else ""
    if d.kind != "cloze":
        if not choice:
            return "question_typed"
        # "When was the mission given the go-ahead ...?" -> Sunday morning: English reviewers
        # kept 5 of 29 such questions on a day or a month (rounds 5-68, "trivia"), Indonesian
        # ones 7 of 7 ("Kapan ...?"): counted apart, each language its own rate
        if words & (months | days):
            return "question_date"
        # "How many months did Duran spend in prison ...?" -> two months: English reviewers kept
        # 16 of 92 questions answered by a count or an amount (rounds 5-80, "verbatim number
        # recall"), Indonesian ones 81 of 189 ("Berapa ...?"): counted apart (a year stays a
        # question: 45 of 115 kept in English)
        years = any(_YEAR_RE.match(w.strip(",.")) for w in answer.split())  # "tahun 2000"
        if not years and (_is_number(answer) or first in numbers):
            return "question_number"
        return "question"
    if _YEAR_RE.match(answer):
        shape = "year"
    elif words & months:
        shape = "date"  # "12 March", "November 2015", "Juli"
    elif words & days:
        shape = "weekday"  # "Tuesday", "Rabu pagi"
    elif _is_number(answer) or first in numbers:
        shape = "number"
    elif answer[:1].isupper():
        shape = "name"
    else:
        shape = "word"
    if shape == "number" and choice and article_text:
        share = sentence_share(d.prompt, article_text)
        if share is not None and share >= LATE_SHARE:
            shape = "number_late"
    if shape.startswith("number") and choice:
        # beside other figures (a comparison, "from 16.4 million in 1970 to _____"; a table row
        # in a match report) or the sentence's one figure: reviewers judged them apart, and
        # each language its own way (English 53% against 28% kept over rounds 5-60,
        # Indonesian 28% against 42%)
        others = len(_FIGURE_RE.findall(_BLANK_RE.sub(" ", d.prompt)))
        shape += "_figures" if others >= 2 else "_lone"
        if others < 2 and article_text:
            # the one figure of a sentence that holds hardly any of the article's topic words
            # ("The researchers interviewed some of the people about a computer game called
            # Never End that they played for _____": English reviewers kept 18% of 120 such
            # blanks beyond the first quarter, 26% of 410 others; rounds 5-80)
            filled = _BLANK_RE.sub(lambda _m: d.answer, d.prompt)
            if topic_share(filled, article_text, pack) < TOPIC_ASIDE:
                shape += "_aside"
    return ("blank_" if choice else "typed_blank_") + shape


def item_features(
    item: Any, article_text: str, pack: Any, needed: frozenset[str] | None = None
) -> dict[str, float]:
    """All :data:`FEATURES` of one draft, as floats (most in [0, 1]).

    Args:
        item: a :class:`quizgen.bank.Item` or a dict with the same field names.
        article_text: the text the item was written from.
        pack: the article's :class:`~quizgen.lang.pack.LanguagePack` (any object with
            ``stopwords``, ``name_particles``, ``honorifics``, ``person_verbs``,
            ``dependent_starts`` and ``zipf``).
        needed: the features the caller uses (the ranker: those with a weight); the costly
            pairwise and n-gram ones not in it are left at 0. ``None``: all (training).
    """
    d = Draft.of(item)
    index = article_index(article_text)
    stop = getattr(pack, "stopwords", frozenset())
    lang = str(getattr(pack, "code", ""))
    f = dict.fromkeys(NAMES, 0.0)

    opts = [o for o in d.options if o.strip()]
    is_tf = d.kind == "true_false"
    is_choice = not is_tf and len(opts) >= 3
    typed = not is_tf and not opts
    f["choice"] = float(is_choice)
    f["true_false"] = float(is_tf)
    skill = _SKILLS.get(d.skill, "")
    if skill:
        f["skill_" + skill] = 1.0

    ptoks = tokens(d.prompt)
    words = [t for t in ptoks if t != _BLANK]
    f["prompt_words"] = math.log1p(len(words))
    if len(words) >= 4:
        f["copy_ratio"] = copied_run(ptoks, index) / len(words)

    ktoks = tokens(d.answer)
    # a true statement copied: the true/false prompt keyed true, or a statement-long key
    if is_tf:
        truth = {_norm(pack.true_false[0])} if hasattr(pack, "true_false") else set()
        if _norm(d.answer) in truth | {"true", "benar"}:
            f["true_copied"] = f["copy_ratio"]
    elif len(ktoks) >= 5:
        f["true_copied"] = copied_run(ktoks, index) / len(ktoks)

    if not is_tf and ktoks:
        f["key_words"] = math.log1p(len(ktoks))
        f["key_number"] = float(_shape(d.answer) == "number")
        content = [t for t in ktoks if t not in stop and not _is_number(t)]
        f["key_stopword"] = float(not content and not any(_is_number(t) for t in ktoks))
        if len(ktoks) <= 3 and content and all(t in index.lowercase_words for t in content):
            rarest = min(_zipf(pack, t) for t in content)
            f["key_common"] = max(0.0, rarest - 3.5)
        if content and len(ktoks) <= 4:
            rarest_word = min(content, key=lambda t: (index.counts.get(t, 0), t))
            f["key_repeated"] = math.log1p(index.counts.get(rarest_word, 0))
        if len(ktoks) <= 4 and all(t in index.lead for t in ktoks):
            f["key_in_lead"] = 1.0
            if is_choice:
                wrong = [o for o in opts if _norm(o) != _norm(d.answer)]
                if any(all(t in index.lead for t in tokens(o)) for o in wrong):
                    f["key_in_lead"] = 0.5  # the lead names a wrong option too

    if _BLANK in ptoks and ktoks:
        particles = getattr(pack, "name_particles", frozenset())
        honorifics = getattr(pack, "honorifics", frozenset())
        cased = _cased_tokens(d.prompt)
        b = cased.index(_BLANK)
        after = cased[b + 1] if b + 1 < len(cased) else ""
        before = cased[b - 1] if b > 0 else ""
        key_cap = d.answer.strip()[:1].isupper()
        frag = any(t in particles for t in ktoks) and len(ktoks) <= 2
        frag |= key_cap and after[:1].isupper()
        frag |= key_cap and b > 1 and before[:1].isupper() and before.casefold() not in honorifics
        f["name_fragment"] = float(frag)
        verbs = getattr(pack, "person_verbs", frozenset())
        near = {t.casefold() for t in cased[max(0, b - 1) : b + 2] if t != _BLANK}
        f["speaker_blank"] = float(key_cap and bool(near & verbs))

    if is_choice:
        wrong = [o for o in opts if _norm(o).strip() != _norm(d.answer).strip()]
        if wrong:
            otoks = [tokens(o) for o in opts]
            if sorted(len(t) for t in otoks)[len(otoks) // 2] >= 6:  # sentence-long options
                copied = sum(copied_run(t, index) >= 0.9 * len(t) for t in otoks if t)
                f["options_copied"] = copied / len(opts)
            else:
                if needed is None or "distractors_in_article" in needed:
                    f["distractors_in_article"] = sum(in_article(tokens(o), index) for o in wrong) / len(wrong)
            kshape = _shape(d.answer)
            f["shape_mismatch"] = sum(_shape(o) != kshape for o in wrong) / len(wrong)
            lens = [max(1, len(o.strip())) for o in opts]
            f["option_length_spread"] = math.log(max(lens) / min(lens))
            klen = len(d.answer.strip())
            f["key_longest"] = float(klen > 1.2 * max(len(o.strip()) for o in wrong))
            pc = _content(ptoks, stop)
            kov = len(_content(ktoks, stop) & pc)
            wov = max(len(_content(tokens(o), stop) & pc) for o in wrong)
            f["key_prompt_overlap"] = float(kov > wov)
        dup = False
        aliases = getattr(pack, "aliases", {}) or {}
        pairs = needed is None or "near_duplicate_options" in needed
        for i in range(len(opts) if pairs else 0):
            for j in range(i + 1, len(opts)):
                if _similar(opts[i], opts[j], aliases):
                    dup = True
                    break
            if dup:
                break
        f["near_duplicate_options"] = float(dup)

    negations = _NEGATIONS.get(lang, frozenset())
    statements = [ptoks] if is_tf else [tokens(o) for o in opts if len(tokens(o)) >= 6]
    f["negation_inserted"] = float(any(_negation_inserted(t, index, negations) for t in statements))
    if words:
        f["digit_share"] = sum(_is_number(t) for t in words) / len(words)
    raw = d.prompt.strip()
    f["quote"] = float(any(q in raw for q in _QUOTES) or raw.count("'") >= 2)
    starts = tuple(getattr(pack, "dependent_starts", ())) + _PRONOUNS.get(lang, ())
    low = " ".join(words[:4])
    f["points_back"] = float(any(low == s or low.startswith(s + " ") for s in starts))
    glitch = bool(raw) and raw[0].isalpha() and raw[0].islower()
    glitch |= any(raw.count(a) != raw.count(b) for a, b in _PAIRS)
    glitch |= any(a == b and not _is_number(a) for a, b in zip(words, words[1:], strict=False))
    glitch |= bool(re.search(r"\s[)\].,;:?!]", raw))
    f["glitch"] = float(glitch)

    false_statement = None
    if is_tf and hasattr(pack, "true_false") and len(pack.true_false) == 2:
        if _norm(d.answer) == _norm(pack.true_false[1]):
            false_statement = d.prompt
    elif is_choice and len(ktoks) >= 6 and d.prompt != (getattr(pack, "templates", {}) or {}).get("main_idea"):
        false_statement = d.answer  # the key of "which is NOT true": the false twin
    if false_statement and (needed is None or "swaps_out_topic" in needed):
        f["swaps_out_topic"] = swapped_out_mentions(false_statement, article_text)

    if _BLANK in ptoks and ktoks and (needed is None or "blank_off_topic" in needed):
        # rounds 80-112: reviewers kept 8 of 60 English and 14 of 51 Indonesian blanks whose
        # filled sentence holds under a fifth of the topic words, 119 of 282 and 77 of 151 others
        filled = _BLANK_RE.sub(lambda _m: d.answer, d.prompt)
        f["blank_off_topic"] = float(topic_share(filled, article_text, pack) < TOPIC_ASIDE)

    if typed and ktoks:
        f["typed_long_key"] = float(len(ktoks) >= 3)
        others = {_norm(a).strip() for a in d.accepted} - {_norm(d.answer).strip(), ""}
        f["typed_variants"] = min(len(others), 2) / 2
    return f
