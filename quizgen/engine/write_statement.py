"""Statement items: "Which of these statements is true (or not true) according to the article?"

Asks: "which of these statements is NOT true?": whether the reader understood who did what
and where, across paragraphs.
From: the claims of self-contained sentences (:mod:`.claims`): the key is a claim's false
twin that changes its meaning (two actors swap roles, a person or place replaced by another
the article names at least twice); a figure or date swapped is not used ("number
spotting" to reviewers).
Distractors: three other claims that hold, alike in length, from different sentences.
"Which is true" items (three false twins beside one true claim) were retired after blind
review (none of 22 kept: one absurd twin gives the key away). Single true/false items
(``--kinds true_false``) use the same twins.
"""

from __future__ import annotations

import random
import re

from ..bank import Item
from .builders import Draft, _reason, _source, choice_draft
from .claims import Claim, FalseClaim, claim_of, falsify, restate
from .context import Context
from .ids import item_id
from .select import RankedSentence
from .textutil import fold

MAX_OPTION_WORDS = 28
VARIANTS = 3


def _claims(ctx: Context, ranked: list[RankedSentence]) -> list[tuple[RankedSentence, Claim]]:
    from .write_main_idea import cut_short, points_back

    memo = ctx.cache.setdefault("statement_claims", {})
    at = tuple(rs.sentence.index for rs in ranked)
    if at in memo:
        return list(memo[at])
    out = []
    for rs in ranked:
        c = claim_of(ctx, rs)
        if c is not None and points_back(ctx, _without_place_phrases(ctx, c.text)):
            continue  # "Kariernya di FIFA pun berakhir pada 2013": whose career? (round 51);
            # "... terhadap semua rumor tersebut": which rumours? (rounds 97, 103: "dangling")
        if c is not None and len(c.text.split()) <= MAX_OPTION_WORDS and not cut_short(ctx, c):
            # a claim cut inside a phrase reads truncated, as a key or beside it ("... di
            # Istanbul dalam upaya.", "halted just moments."; rounds 23-34, ten times)
            out.append((rs, c))
    out.sort(key=lambda x: x[1].sentence)
    memo[at] = tuple(out)
    return out


def _without_place_phrases(ctx: Context, text: str) -> str:
    """The claim without its phrases of place ("di kawasan tersebut": the pack's place
    prepositions, a noun and a pointing word). Where something happened is the article's
    setting, plain in any of its statements; what a claim is about ("semua rumor tersebut")
    is not."""
    preps = (ctx.t("adverbial_preps") or {}).get("place", [])
    pointers = ctx.t("pointing_determiners", [])
    if not preps or not pointers:
        return text
    pattern = (
        r"\b(?:" + "|".join(map(re.escape, preps)) + r")\s+\w+\s+(?:" + "|".join(map(re.escape, pointers)) + r")\b"
    )
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


def _pick_alike(
    key: str, pool: list[tuple[int, str]], used: set[int], n: int = 3, variant: int = 0
) -> list[tuple[int, str]]:
    """``n`` options alike in length to the key (one of them at least as long), each from a
    different sentence."""
    kl = len(key)
    cands = [(s, t) for s, t in pool if s not in used and 0.45 * kl <= len(t) <= 2.0 * kl]
    # alike in length first (three bands), then a spread that differs from key to key, so
    # the bank's statement items do not all show the same few claims
    salt = len(key) + sum(map(ord, key[:12])) + 37 * variant
    cands.sort(key=lambda x: (min(2, int(3 * abs(len(x[1]) - kl) / kl)), (x[0] * 7919 + salt) % 101))
    chosen: list[tuple[int, str]] = []
    seen = set(used)
    for s, t in cands:
        if s in seen or any(_overlap(t, c) > 0.6 for _, c in chosen) or _overlap(t, key) > 0.6:
            continue
        chosen.append((s, t))
        seen.add(s)
        if len(chosen) == n:
            break
    if len(chosen) < 2:
        return []  # three options at least
    if all(len(t) < kl for _, t in chosen):
        longer = [(s, t) for s, t in cands if len(t) >= kl and s not in seen and _overlap(t, key) <= 0.6]
        if longer:
            chosen[-1] = longer[0]
    return chosen


def _overlap(a: str, b: str) -> float:
    wa, wb = set(fold(a).split()), set(fold(b).split())
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def prompt_variants(ctx: Context, name: str) -> list[str]:
    """The pack's wordings of a statement question (a bank asks each wording once)."""
    v = ctx.t(name, [])
    if isinstance(v, str):
        v = [v]
    default = {
        "statement_true": "Which of these statements is true according to the article?",
        "statement_false": "Which of these statements is NOT true according to the article?",
    }
    return list(v) or [default[name]]


def truth_plan(ctx: Context, ranked: list[RankedSentence]) -> frozenset[int]:
    """The sentences whose claim the bank shows as its false twin. Each claim is shown in one
    version in the whole bank (a reader who saw both versions in two items would need no
    article): every other claim that has a twin, never the first (the lead stays true)."""
    if "truth_plan" in ctx.cache:
        return ctx.cache["truth_plan"]
    out: set[int] = set()
    flip = True  # the first claim with a twin after the lead is shown false: at least half are
    for n, (_, c) in enumerate(_claims(ctx, ranked)):
        if n > 0 and falsify(ctx, c) and not _only_rare_twins(ctx, c):
            if flip:
                out.add(c.sentence)
            flip = not flip
    ctx.cache["truth_plan"] = plan = frozenset(out)
    return plan


def write_statements(ctx: Context, ranked: list[RankedSentence], rng: random.Random) -> list[Draft]:
    claims = _claims(ctx, ranked)
    if len(claims) < 4:
        return []
    shown_false = truth_plan(ctx, ranked)
    # the claims the bank shows false are asked ("which is NOT true"), the others are options
    twins: dict[int, list[FalseClaim]] = {
        c.sentence: twins_by_meaning(ctx, c) for _, c in claims if c.sentence in shown_false
    }
    trues = {c.sentence: restate(ctx, c) for _, c in claims}
    true_pool = [(s, t) for s, t in trues.items() if s not in shown_false]
    q_false = prompt_variants(ctx, "statement_false")[0]
    drafts: list[Draft] = []
    for rs, c in claims:
        if c.sentence not in shown_false:
            continue  # "which is true" (three false twins): reviewers kept none of 22
        worth = rs.score + 0.4 * len(c.entities)
        seen_picks: set[tuple[int, ...]] = set()
        f = twins[c.sentence][0]
        for variant in range(VARIANTS):  # other option sets (one id: what is asked is the same)
            picked = _pick_alike(f.text, true_pool, {c.sentence}, variant=variant)
            sig = tuple(sorted(x for x, _ in picked))
            if not picked or sig in seen_picks:
                continue
            seen_picks.add(sig)
            d = _short_relaxed(
                choice_draft(
                    ctx,
                    rs,
                    prompt=q_false,
                    answer=f.text,
                    distractors=[t for _, t in picked],
                    skill="statement",
                    template=f"{ctx.pack.code}.statement.false",
                    why=f"the false twin of this sentence ({f.changed}) among true claims",
                    score=1.6 + 0.3 * worth + {"roles": 0.4, "negated": -0.5}.get(f.how, 0.0) - 0.1 * variant,
                    group=f"statement:{c.sentence}",
                    salt=f.text,
                    shown={c.sentence: False, **{x: True for x, _ in picked}},
                )
            )
            if f.how not in SWAPS_KEPT:
                d.relaxed = True  # a swapped figure or date: only to reach a bank's minimum
            drafts.append(d)
    return drafts


SWAPS_KEPT = ("roles", "person", "place")


def _only_rare_twins(ctx: Context, c: Claim) -> bool:
    """Are the claim's false twins all of a kind reviewers kept under the category floor in
    the language (English date swaps: "from late November to mid-March")? Planned false, such
    a claim gives the bank an item it never takes, and its sentence is blocked for the others."""
    from .portfolio import CATEGORY_FLOOR
    from .rank import category_keep

    prompt = prompt_variants(ctx, "statement_false")[0]
    for f in falsify(ctx, c):
        rate = category_keep({"kind": "mcq", "prompt": prompt, "answer": f.text, "options": []}, ctx.pack.code, ctx.text)
        if rate is None or rate >= CATEGORY_FLOOR:
            return False
    return True


def twins_by_meaning(ctx: Context, c: Claim) -> list[FalseClaim]:
    """False twins, those that change who did what or where first (two actors' roles swapped,
    a person or a place replaced by another of the article's); a figure or a date swapped is
    "number spotting" to reviewers (and breaks tenses: "In 2050 ... there were"), so an item
    built on one only fills a bank to its minimum."""
    return sorted(falsify(ctx, c), key=lambda f: f.how not in SWAPS_KEPT)


def _short_relaxed(d: Draft) -> Draft:
    """A statement item with three options (two distractors) is used only to reach a bank's
    minimum: reviewers want four ("only two distractors")."""
    if len(d.item.options) < 4:
        d.relaxed = True
        d.score -= 0.5
    return d


def write_true_false(ctx: Context, ranked: list[RankedSentence]) -> list[Draft]:
    """Single statements to mark true or false: the false twin of a claim, as the bank's
    truth plan shows that claim (else marked relaxed: only to reach a bank's minimum, never
    beside an item that shows the claim the other way). A true single statement is not
    written: restated or not, reviewers kept none of 24 ("verbatim true statement, Benar by
    recognition only"); a true claim is asked among false ones in a statement item."""
    true_word, false_word = ctx.pack.true_false
    tmpl = f"{ctx.pack.code}.true_false"
    shown_false = truth_plan(ctx, ranked)
    drafts: list[Draft] = []
    for rs, c in _claims(ctx, ranked):
        base = 1.0 + 0.3 * rs.score
        planned_false = c.sentence in shown_false
        twins = twins_by_meaning(ctx, c)
        if twins:
            f = twins[0]
            d = _tf(
                ctx,
                rs,
                f.text,
                false_word,
                (true_word, false_word),
                tmpl + ".false",
                f.text,
                base,
                False,
                f.changed,
            )
            d.relaxed = not planned_false or f.how not in SWAPS_KEPT
            drafts.append(d)
    return drafts


def _tf(ctx, rs, prompt, answer, options, template, salt, score, truth, changed="") -> Draft:
    if truth:
        expl = ctx.t("tf_true_explanation", "{sentence}")
    else:
        # a false twin may change two words or a role, not one key for another: the pack's
        # plain wording ("Salah. Artikel menyebutkan: ..."), never "menyebut , bukan :"
        expl = ctx.t("tf_false_explanation_plain", "{sentence}")
    item = Item(
        id=item_id("true_false", (rs.sentence.start, rs.sentence.end), None, template, salt),
        kind="true_false",
        prompt=prompt,
        answer=answer,
        source=_source(ctx, rs),
        options=options,
        skill="statement",
        explanation=expl.format(sentence=rs.sentence.text.strip(), key="", wrong=""),
        reason=_reason(rs, None, "restated claim" if truth else f"false twin: {changed}"),
        template=template,
    )
    return Draft(
        item,
        rs.sentence.paragraph,
        rs.sentence.index,
        f"statement:{rs.sentence.index}",
        score,
        "statement",
        truth=truth,
        shown={rs.sentence.index: truth},
    )
