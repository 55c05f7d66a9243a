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
    out.sort(key=lambda x: (-x[0], x[1].sentence.index))
    return out


def write_main_idea(ctx: Context, ranked: list[RankedSentence], rng: random.Random) -> list[Draft]:
    leads = main_candidates(ctx, ranked)
    if not leads:
        return []
    prompt = ctx.t("main_idea", "Which statement best sums up the article?")
    from .write_statement import truth_plan

    n_par = max((r.sentence.paragraph for r in ranked), default=0)
    shown_false = truth_plan(ctx, ranked)
    drafts: list[Draft] = []
    for rank, (fit, rs, c) in enumerate(leads[:2]):
        key = restate(ctx, c)
        kw = _content(ctx, key)
        twins = [f.text for f in falsify(ctx, c)][:1]
        secondary = []
        shown: dict[str, int] = {}
        for r in sorted(ranked, key=lambda r: (-r.sentence.paragraph, r.sentence.index)):
            if r.sentence.paragraph <= rs.sentence.paragraph or (n_par >= 2 and r.sentence.paragraph < 2):
                continue
            s = claim_of(ctx, r)
            if r.sentence.index in shown_false:
                continue  # the bank shows this claim's false twin elsewhere
            if s is None or not 0.5 * len(key) <= len(s.text) <= 1.7 * len(key):
                continue
            sw = _content(ctx, s.text)
            if len(sw & kw) / max(1, min(len(sw), len(kw))) > 0.4:
                continue  # says much the same as the key: a second right answer
            if any(len(sw & _content(ctx, o)) / max(1, len(sw)) > 0.5 for o in secondary):
                continue
            secondary.append(s.text)
            shown[s.text] = r.sentence.index
        options = (twins + secondary)[:3]
        if len(options) < 3:
            options = (twins + secondary)[:3]
        if len(options) < 2:
            continue
        if all(len(o) < len(key) for o in options) and len(secondary) > len(options) - len(twins):
            longer = [s for s in secondary if len(s) >= len(key) and s not in options]
            if longer:
                options[-1] = longer[0]
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
                shown={rs.sentence.index: True, **{shown[o]: True for o in options if o in shown}},
            )
        )
    return drafts
