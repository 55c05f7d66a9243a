"""Main-idea items: "Which statement best sums up the article?"

Asks: the article's central claim or outcome.
From: the lead's claim (:mod:`.claims`) that shares most words with the headline, among the
first sentences of the article; restated where a safe rewrite exists.
Distractors: the lead's false twin (two actors swapped, or an actor, place, time or number
replaced by another of the article's), then claims of later paragraphs that a careless
reader might take for the main point (true but secondary, so only one option sums up the
article).
"""

from __future__ import annotations

import random

from .builders import Draft, choice_draft
from .claims import Claim, claim_of, falsify, restate
from .context import Context
from .select import RankedSentence
from .textutil import fold

LEAD_SENTENCES = 4


def _content(ctx: Context, text: str) -> set[str]:
    stop = getattr(ctx.pack, "stopwords", frozenset())
    return {w for w in fold(text).split() if w not in stop and len(w) > 2}


def main_candidates(ctx: Context, ranked: list[RankedSentence]) -> list[tuple[float, RankedSentence, Claim]]:
    """The lead's claims, best summary first (headline words shared, then position)."""
    title = ctx.layer.article.title or ""
    tw = _content(ctx, title)
    by_index = sorted(ranked, key=lambda r: r.sentence.index)
    out = []
    for pos, rs in enumerate(by_index[: LEAD_SENTENCES + 2]):
        c = claim_of(ctx, rs, max_words=30)
        if c is None:
            continue
        share = len(_content(ctx, c.text) & tw) / max(1, len(tw)) if tw else 0.0
        out.append((2.0 * share + 1.0 / (1 + pos), rs, c))
    if not out:  # no lead claim (a list, a question opening): the claim nearest the headline
        for pos, rs in enumerate(by_index):
            c = claim_of(ctx, rs)
            if c is None:
                continue
            share = len(_content(ctx, c.text) & tw) / max(1, len(tw)) if tw else 0.0
            out.append((2.0 * share + 0.5 / (1 + pos), rs, c))
    out.sort(key=lambda x: (-x[0], x[1].sentence.index))
    return out


def secondary_of(
    ctx: Context, ranked: list[RankedSentence], lead: RankedSentence, key: str, shown_false: frozenset[int]
) -> list[tuple[int, str]]:
    """Claims of other sentences, from the end of the article first, that say something
    else than the key (true but secondary: tempting, yet not what the article is about)."""
    n_par = max((r.sentence.paragraph for r in ranked), default=0)
    kw = _content(ctx, key)
    out: list[tuple[int, str]] = []
    for r in sorted(ranked, key=lambda r: (-r.sentence.paragraph, r.sentence.index)):
        if r.sentence.index == lead.sentence.index or (n_par >= 3 and r.sentence.paragraph < 1):
            continue
        if r.sentence.index in shown_false:
            continue  # the bank shows this claim's false twin elsewhere
        s = claim_of(ctx, r)
        if s is None or not 0.4 * len(key) <= len(s.text) <= 2.2 * len(key):
            continue
        sw = _content(ctx, s.text)
        if len(sw & kw) / max(1, min(len(sw), len(kw))) > 0.4:
            continue  # says much the same as the key: a second right answer
        if any(len(sw & _content(ctx, o)) / max(1, len(sw)) > 0.5 for _, o in out):
            continue
        out.append((r.sentence.index, s.text))
    return out


def write_main_idea(ctx: Context, ranked: list[RankedSentence], rng: random.Random) -> list[Draft]:
    from .write_statement import truth_plan

    leads = main_candidates(ctx, ranked)
    if not leads:
        return []
    prompt = ctx.t("main_idea", "Which statement best sums up the article?")
    shown_false = truth_plan(ctx, ranked)
    drafts: list[Draft] = []
    for rank, (fit, rs, c) in enumerate(leads[:2]):
        key = restate(ctx, c)
        secondary = secondary_of(ctx, ranked, rs, key, shown_false)
        falses = falsify(ctx, c)
        # a negated lead is too easy to rule out: swapped actors, places, times, numbers first
        twins = [f.text for f in falses if f.how != "negated"][:1]
        if len(twins) + len(secondary) < 2:
            twins = [f.text for f in falses][:1]  # a negated lead as the last resort
        picked = secondary[: 3 - len(twins)]
        options = twins + [t for _, t in picked]
        if len(options) < 2:
            continue
        if all(len(o) < len(key) for o in options):
            longer = [(i, t) for i, t in secondary if len(t) >= len(key) and (i, t) not in picked]
            if longer and picked:
                picked[-1] = longer[0]
                options = twins + [t for _, t in picked]
        drafts.append(
            choice_draft(
                ctx,
                rs,
                prompt=prompt,
                answer=key,
                distractors=options,
                skill="main_idea",
                template=f"{ctx.pack.code}.main_idea",
                why="the lead's claim (headline words shared) among its false twin and later, secondary claims",
                score=4.0 + fit - rank,
                group="main_idea",
                shown={rs.sentence.index: True, **{i: True for i, _ in picked}},
            )
        )
    return drafts
