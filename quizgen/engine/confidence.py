"""How sure the engine is of a candidate's type, from the reasons the text layer gave.

Questions that name the type (Who, Which country, Siapa, Kota mana), distractors that must
be of the key's kind, and true/false swaps all need a *confirmed* type: a cue (a title, an
organisation word, a speech verb) or the gazetteer, not a capitalised word assumed to be a
person.
"""

from __future__ import annotations

import re

from ..article import Candidate
from .context import Context
from .textutil import fold

CAPITAL_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’-]*")


def person_confidence(ctx: Context, c: Candidate) -> int:
    """2: a cue says person (a title, a speech verb); 1: a full name later shortened (the way
    news names people); 0: only assumed from capitals."""
    memo = ctx.cache.setdefault("person_confidence", {})
    g = ctx.group_of(c)
    if g not in memo:
        members = ctx.groups.get(g, [c])
        forms = {m.text for m in members}
        if any(not any("assumed" in r for r in m.reasons) for m in members):
            memo[g] = 2
        elif _shortened_to_surname(forms):
            memo[g] = 1
        else:
            memo[g] = 0
    return memo[g]


def _shortened_to_surname(forms: set[str]) -> bool:
    """A full name later written as its last word, as news names people ("Mark Zuckerberg",
    then "Zuckerberg"), unlike a brand and its product ("Facebook", "Facebook Home")."""
    longs = [f.split() for f in forms if len(f.split()) >= 2]
    shorts = {f for f in forms if len(f.split()) == 1}
    return any(words[-1] in shorts and words[0] not in shorts for words in longs)


def sure_texts(ctx: Context, type_: str) -> frozenset[str]:
    """Surface forms of candidates of this type whose type is confirmed (computed once)."""
    cache = ctx.cache.setdefault("sure_texts", {})
    if type_ not in cache:
        cache[type_] = frozenset(
            c.text for c in ctx.layer.candidates if c.type == type_ and confirmed(ctx, c)
        )
    return cache[type_]


def confirmed(ctx: Context, c: Candidate) -> bool:
    """Is the candidate's type backed by evidence rather than assumed?"""
    if c.type == "person":
        return person_confidence(ctx, c) >= 1
    if c.type == "place":
        gaz = getattr(ctx.pack, "gazetteer", {}) or {}
        return c.text in gaz
    if c.type == "organisation":
        return not any("assumed" in r for r in c.reasons)
    return True


def inside_longer_name(ctx: Context, c: Candidate) -> bool:
    """Does the span sit inside a longer capitalised name, before an acronym in brackets, or
    before a name particle ("Manchester United", "Google Glass", "Bashar al-Assad",
    "Kementerian Perhubungan (Kemenhub)")? Swapping it would make a name no one has."""
    text = ctx.text
    sentence = ctx.sentence(c.sentence)
    before_tokens = text[sentence.start : c.start].split()
    after = text[c.end : sentence.end]
    if before_tokens:
        prev = before_tokens[-1].strip('“"(‘')
        if CAPITAL_WORD.fullmatch(prev):
            opener = len(before_tokens) == 1  # capitalised only because it opens the sentence?
            honorifics = getattr(ctx.pack, "honorifics", frozenset())
            common = prev.lower() in getattr(ctx.pack, "stopwords", frozenset()) or _common(ctx, prev)
            if not (prev.lower() in honorifics or (opener and common)):
                return True
    nxt = after.lstrip()
    if after[:1] == " " and CAPITAL_WORD.match(nxt) and not nxt.startswith(("I ", "A ")):
        return True
    particles = getattr(ctx.pack, "name_particles", frozenset())
    first = nxt.split()[0].lower() if nxt.split() else ""
    if after[:1] in (" ", "-") and (first in particles or first.split("-")[0] in particles):
        return True
    if re.match(r"\s*\([A-Z]", after):
        return True  # "Korea Utara (Korut)": the bracket would name the key
    if re.match(r"\s+(?:dan|and|&|of|de|van)\s+[A-Z]", after):
        return True  # "Kementerian PANRB dan Reformasi Birokrasi"
    return False


def _common(ctx: Context, word: str) -> bool:
    try:
        return ctx.pack.zipf(word.lower()) >= 4.5
    except Exception:
        return False


def modifier_use(ctx: Context, c: Candidate) -> bool:
    """Is the name used as a modifier of the next word ("Friday prayers", "the US outdoor
    retailer") or, for a time, of the word before ("Tragedi Jumat")? Swapping it changes a
    label, not a fact."""
    text = ctx.text
    sentence = ctx.sentence(c.sentence)
    nxt = text[c.end : sentence.end].split()[:1]
    stop = getattr(ctx.pack, "stopwords", frozenset())
    if ctx.pack.code == "en" and nxt and nxt[0][:1].islower() and nxt[0].strip(",.;:") not in stop:
        return True
    before = text[sentence.start : c.start].split()[-1:]
    if before and fold(before[0]) in ctx.t("modifier_heads", []):
        return True  # "bahasa Indonesia", "Piala Eropa", "the Philippines": part of a fixed phrase
    if re.match(r"\s*-\s", text[c.end : c.end + 3]) or text[max(0, c.start - 3) : c.start].endswith(
        ("- ", "-")
    ):
        return True  # "Deddy - Dedi": one half of a pair name
    if c.type == "place" and (getattr(ctx.pack, "gazetteer", {}) or {}).get(c.text) in (
        "region",
        "continent",
    ):
        return True  # a region may contain the place swapped in: not clearly false
    if c.type == "time":
        prev = text[sentence.start : c.start].split()[-1:]
        cues = set(ctx.t("time_lead_words", []))
        if prev and prev[0].lower().strip(",(") not in cues and not prev[0].endswith(","):
            return True
    return False
