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
        elif len(forms) >= 2 and max(len(f.split()) for f in forms) >= 2:
            memo[g] = 1
        else:
            memo[g] = 0
    return memo[g]


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
    """Does the span sit inside a longer capitalised name or before an acronym in brackets
    ("Manchester United", "Kementerian Perhubungan (Kemenhub)", "the US outdoor retailer")?"""
    text = ctx.text
    sentence = ctx.sentence(c.sentence)
    before = text[sentence.start : c.start].rstrip()
    after = text[c.end : sentence.end]
    prev = before.split()[-1] if before.split() else ""
    if (
        prev
        and CAPITAL_WORD.fullmatch(prev.strip('“"('))
        and before != text[sentence.start : c.start].strip()
    ):
        return True
    nxt = after.lstrip()
    if after[:1] == " " and CAPITAL_WORD.match(nxt) and not nxt.startswith(("I ", "A ")):
        return True
    if re.match(r"\s*\([A-Z]{2,}", after):
        return True
    return False
