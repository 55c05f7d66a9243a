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
    # the first five letters stand for the word's family ("labor", "laborers")
    return {w[:5] for w in fold(text).split() if w not in stop and len(w) > 2}


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
        out.append((2.0 * share + 1.5 / (1 + pos), rs, c))
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
    ctx: Context,
    ranked: list[RankedSentence],
    lead: RankedSentence,
    key: str,
    shown_false: frozenset[int],
    overlap: float = 0.4,
) -> list[tuple[int, str]]:
    """Claims of other sentences, from the end of the article first, that say something
    else than the key (true but secondary: tempting, yet not what the article is about)."""
    n_par = max((r.sentence.paragraph for r in ranked), default=0)
    kw = _content(ctx, key)
    out: list[tuple[int, str]] = []
    for r in sorted(ranked, key=lambda r: (-r.sentence.paragraph, r.sentence.index)):
        if r.sentence.index == lead.sentence.index or (n_par >= 3 and r.sentence.paragraph < 1 and overlap <= 0.4):
            continue
        if r.sentence.index in shown_false:
            continue  # the bank shows this claim's false twin elsewhere
        s = claim_of(ctx, r)
        if s is None or not 0.4 * len(key) <= len(s.text) <= 2.2 * len(key):
            continue
        sw = _content(ctx, s.text)
        if len(sw & kw) / max(1, min(len(sw), len(kw))) > overlap:
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
    others = [r for r in ranked if r.sentence.index in shown_false]
    drafts = _main_drafts(ctx, ranked, leads, others, shown_false, prompt, 0.4)
    if not drafts:
        # an article that keeps to one topic (an interview, an opinion): no false twin, and
        # every other claim shares the lead's words; the points that share fewest of them
        # (only the best lead, and no distractor from its paragraph: the lead's neighbours sum
        # up too)
        lead = leads[0][1].sentence
        rest = [r for r in ranked if r.sentence.paragraph != lead.paragraph or r.sentence.index == lead.index]
        drafts = _main_drafts(ctx, rest, leads[:1], others, shown_false, prompt, 0.6)
        for d in drafts:
            d.score -= 1.0
    return drafts


def _main_drafts(ctx, ranked, leads, others, shown_false, prompt, overlap) -> list[Draft]:
    drafts: list[Draft] = []
    for rank, (fit, rs, c) in enumerate(leads[:2]):
        key = restate(ctx, c)
        # wrong summaries that are false: the lead with an actor, place, time or number
        # swapped, then false twins of other claims; a true secondary point only as a last
        # resort (reviewers judge a true point "as good a summary")
        own = [(rs.sentence.index, f.text) for f in falsify(ctx, c)]
        twins = own[:2]
        for r in others:
            oc = claim_of(ctx, r)
            fs = falsify(ctx, oc) if oc is not None and r.sentence.index != rs.sentence.index else []
            if fs and 0.4 * len(key) <= len(fs[0].text) <= 2.2 * len(key):
                twins.append((r.sentence.index, fs[0].text))
        picked = twins[:3]
        if len(picked) < 3:
            picked += secondary_of(ctx, ranked, rs, key, shown_false, overlap)[
                : 3 - len(picked) if len(picked) < 2 else 0
            ]
        variants = [picked]
        if len(own) >= 3 and own[:3] != picked:
            variants.append(own[:3])  # the lead's own twins only: shows no other sentence's claim
        for v, picked in enumerate(variants):
            if len(picked) < 2:
                continue
            options = [t for _, t in picked]
            shown = {rs.sentence.index: True}
            for i, _t in picked:
                if i != rs.sentence.index:
                    shown[i] = i not in shown_false
            drafts.append(
                choice_draft(
                    ctx,
                    rs,
                    prompt=prompt,
                    answer=key,
                    distractors=options,
                    skill="main_idea",
                    template=f"{ctx.pack.code}.main_idea",
                    why="the lead's claim (headline words shared) among false twins of it and of other claims",
                    score=4.0 + fit - rank - 0.1 * v,
                    group="main_idea",
                    shown=shown,
                )
            )
    return drafts
