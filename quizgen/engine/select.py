"""Sentence selection: how worth asking each sentence is, and where its statement starts.

A sentence is worth asking about when it holds informative candidates, stands on its own
(no opening pronoun that needs the previous sentence), is not a quote fragment or a
question, and has a sensible length. A discourse connective at its start (``Namun,``,
``Oleh karena itu,``, ``However,``) is skipped over: the rest is a self-contained statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..article import Sentence
from .context import Context
from .textutil import fold

OPEN_QUOTES = '“"‘«'


@dataclass(frozen=True)
class RankedSentence:
    sentence: Sentence
    score: float
    body_start: int  # where the self-contained statement starts (after a skipped connective)
    reasons: tuple[str, ...]
    usable: bool


@lru_cache(maxsize=64)
def _longest_first(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The phrases (as written, folded), longest first, by their first folded word: a text
    can open only with the phrases that share its first word."""
    out: dict[str, list[tuple[str, str]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        fp = fold(p)
        out.setdefault(fp.split(" ", 1)[0], []).append((p, fp))
    return {k: tuple(v) for k, v in out.items()}


def _opener(text: str, phrases) -> str | None:
    low = fold(text[:60])
    for p, fp in _longest_first(tuple(phrases)).get(low.split(" ", 1)[0], ()):
        if low == fp or low.startswith(fp + " "):
            return p
    return None


def existential(ctx: Context, text: str) -> bool:
    """Does the text open with an existential "there" ("There are about 50,000 ...", "There
    comes a time ..."), which points at nothing before it (the pack's ``existential_openers``)?"""
    return _opener(text, ctx.t("existential_openers", [])) is not None


def _mask_abbreviations(ctx: Context, text: str) -> str:
    """Hide the periods of abbreviations ("Mr. Smith", "U.S. Army") from the sentence-break test."""
    abbr = getattr(ctx.pack, "abbreviations", frozenset())

    def hide(m: re.Match) -> str:
        word = m.group(1)
        return word + ("_" if word.lower().rstrip(".") in abbr or len(word) == 1 else ".")

    return re.sub(r"\b([\w.]+)\.(?=\s)", hide, text)


def _adverbial(ctx: Context, words: list[str]) -> bool:
    """A short opener that names no one: a time ("Enam bulan lalu", "Last year", "In 2016")
    set off before the clause whose subject follows."""
    if any(w[:1].isupper() for w in words[1:]):
        return False  # a name the pronoun may point to
    if len(words) <= 2 and not _opens_with_name(ctx, words):
        return True  # "Terakhir, ia konser di Nashville": a word or two that names no one
    tagged = ctx.upos(" ".join(words))
    if not tagged or tagged[0][1] in ("ADP", "ADV", "NUM", "SCONJ"):
        return bool(tagged)
    times = set(ctx.t("time_nouns", []))
    return any(fold(w) in times for w in words)


def _opens_with_name(ctx: Context, words: list[str]) -> bool:
    """Does the clause open with a name, the one its pronoun points to ("Brazil experienced
    one of its biggest nights")? A capital there only says the sentence starts."""
    if not words or not words[0][:1].isupper():
        return False
    tags = ctx.upos(" ".join(words[:3]))
    return bool(tags) and tags[0][1] == "PROPN"


def rank_sentence(ctx: Context, s: Sentence) -> RankedSentence:
    reasons: list[str] = []
    usable = True
    score = 0.0
    text = s.text
    body_start = s.start
    n_words = len(text.split())
    strip = _opener(text, ctx.t("strippable_openers", []))
    if strip:
        # only a connective set off by a comma ("Namun, ..."): "Selain fakta ..." or
        # "Instead of ..." would lose a preposition
        m = re.match(r"\s*" + r"\s+".join(map(re.escape, strip.split())) + r"\s*,\s*", text, re.IGNORECASE)
        if m and m.end() < len(text):
            body_start = s.start + m.end()
            reasons.append(f"connective '{strip}' skipped")
    if body_start == s.start:
        bare = _opener(text, ctx.t("bare_connectives", []))
        m = re.match(r"\s*" + re.escape(bare) + r"\s+(?=\w)", text, re.IGNORECASE) if bare else None
        if m:
            # "But the team has already achieved more than 80%": a conjunction that takes no
            # comma; what follows stands alone unless it points back (checked below)
            body_start = s.start + m.end()
            reasons.append(f"connective '{bare}' skipped")
            head = fold(ctx.text[body_start : s.end]).split()[:12]
            back = next((w for w in head if w in set(ctx.t("anaphors", []))), None)
            if back:  # "But at some point in the last eight years, it would seem, he ceased to ..."
                usable = False
                reasons.append(f"'{back}' after '{bare}' points back to an earlier sentence")
    dep = _opener(
        ctx.text[body_start : s.end],
        getattr(ctx.pack, "dependent_starts", ()) + tuple(ctx.t("pronoun_openers", [])),
    )
    if dep and existential(ctx, ctx.text[body_start : s.end]):
        dep = None  # "There are about 50,000 mystery shopping trips ...": "there" points nowhere
    if dep:
        usable = False
        reasons.append(f"starts with '{dep}', needs the previous sentence")
    else:
        clauses = re.split(r"[,;:]", ctx.text[body_start : s.end], maxsplit=2)
        first_clause = clauses[0].split()[:8]
        if existential(ctx, clauses[0]):
            first_clause = first_clause[1:]  # "There are ...": no pointer back
        anaphors = set(ctx.t("anaphors", []))
        if (
            len(first_clause) <= 8  # "At some point in the last eight years, it would seem, he ..."
            and len(clauses) > 1
            and {fold(w) for w in clauses[1].split()[:3]} & anaphors
            and _adverbial(ctx, first_clause)
        ):
            # "Enam bulan lalu, dia menempati ...": past a short opener, the subject's pronoun
            first_clause = first_clause + clauses[1].split()[:3]
        opener = f" {fold(' '.join(first_clause))} "
        phrase = next((p for p in ctx.t("pointing_phrases", []) if f" {p} " in opener), None)
        if phrase:  # "Until that time, the solar energy will be used ...": which time? (round 52)
            usable = False
            reasons.append(f"'{phrase}' in its first clause points back to an earlier sentence")
            first_clause = []  # the anaphors below would only say it again
        for i, w in enumerate(first_clause):
            if fold(w) in anaphors and not (
                any(x[:1].isupper() for x in first_clause[1:i]) or (i > 0 and _opens_with_name(ctx, first_clause))
            ):
                usable = False
                reasons.append(f"'{w}' in its first clause points back to an earlier sentence")
                break
    quotes = text.count("“") != text.count("”") or text.count('"') % 2 or text.lstrip()[:1] in "”’"
    if quotes or re.search(
        r"[.!?…][\"”’']?\s+[\"“‘']?[A-Z]", _mask_abbreviations(ctx, text.rstrip(' .!?"”’'))
    ):
        usable = False
        reasons.append("part of a quotation or several sentences in one")
    if n_words > 45:
        usable = False
        reasons.append(f"too long to ask about ({n_words} words)")
    if text.rstrip().endswith(("?", ":")):
        usable = False
        reasons.append("a question or a lead-in, not a statement")
    if text.lstrip()[:1] in OPEN_QUOTES or sum(text.count(q) for q in '“”"') % 2:
        score -= 1.0
        reasons.append("quotation")
    if n_words < 6:
        usable = False
        reasons.append(f"too short ({n_words} words)")
    elif n_words > 55:
        score -= 1.0
        reasons.append(f"long ({n_words} words)")
    else:
        score += 0.5
    cands = [c for c in ctx.by_sentence.get(s.index, ()) if c.start >= body_start]
    if not cands:
        usable = False
        reasons.append("no answer candidates")
    else:
        top = sorted((c.score for c in cands), reverse=True)[:3]
        score += sum(top) / (1 + len(top)) + 0.2 * len({c.type for c in cands})
        reasons.append(f"{len(cands)} candidates")
    return RankedSentence(s, round(score, 4), body_start, tuple(reasons), usable)


LOWER_WORD = re.compile(r"(?<![\w-])[a-z\u00e0-\u00ff]{3,}")


def rank_sentences(ctx: Context) -> list[RankedSentence]:
    out, seen = [], set()
    for s in ctx.layer.sentences:
        rs = rank_sentence(ctx, s)
        key = fold(s.text)
        if key in seen:
            rs = RankedSentence(
                s, rs.score, rs.body_start, rs.reasons + ("repeats an earlier sentence",), False
            )
        elif len(LOWER_WORD.findall(s.text)) < 3:
            rs = RankedSentence(
                s, rs.score - 1.0, rs.body_start, rs.reasons + ("a list line or table row",), rs.usable
            )
        seen.add(key)
        out.append(rs)
    return out
