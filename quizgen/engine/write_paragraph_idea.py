"""Paragraph-idea items: "Which statement best sums up the fourth paragraph?"

Asks: the gist of one long paragraph past the article's opening (the article's own gist is
:mod:`.write_main_idea`'s): which of four points is what that paragraph says, a reader who
remembers the article's points but not where they stand picks a neighbour's.
From: a paragraph of three sentences or more; the key is the claim (:mod:`.claims`) of its
most central sentence (sharing most words with the paragraph's other sentences, its opening
sentence first on a tie), one that stands alone (no pointing back, no fragment, not cut
short, no quotation). Restated where a safe rewrite exists.
Distractors: the same kind of point from the nearest other paragraphs (each its paragraph's
most central claim), true of the article but not of the paragraph asked about: none shares
much with the key or with the asked paragraph, none shares much with another.
Why: a main-idea item was the one generated kind reviewers kept most (64% of 515 English,
58% of 643 Indonesian over rounds 0-86) while blanks on figures of English feature articles
were kept 12% of 229 ("verbatim number recall"); the expert items of OneStopQA ask about
every paragraph.
"""

from __future__ import annotations

from .builders import Draft, choice_draft
from .claims import Claim, claim_of, restate
from .context import Context
from .importance import importance
from .select import RankedSentence
from .write_main_idea import (
    OPENING_SENTENCES,
    _addresses_reader,
    _content,
    _continues_before,
    _no_subject,
    cut_short,
    leans_on_others,
    points_back,
)

MIN_SENTENCES = 3  # a paragraph of one or two sentences has no gist apart from them
MIN_WORDS = 45
KEY_MAX_WORDS = 36  # a paragraph's topic sentence is often long: cut shorter it reads truncated
MAX_DRAFTS = 6  # drafts per article (the portfolio takes at most two paragraphs)
VARIANTS = 2  # versions of a paragraph's item, with disjoint wrong options
KEY_OVERLAP = 0.3  # a wrong option sharing more of the key's words says much the same
PARAGRAPH_OVERLAP = 0.4  # a wrong option whose words stand this much in the asked paragraph may hold of it
# what intake may take out of a text without changing how its reader counts paragraphs (a
# dateline opening the first one: "JUARA.NET, KUALA LUMPUR - ...")
COUNTED_THE_SAME = frozenset({"dateline"})
_QUOTES = "\"“”‘’'«»"


def paragraph_ordinal(ctx: Context, paragraph: int) -> str | None:
    """The pack's ordinal word for a paragraph ("fourth", "keempat"), counted as the reader
    sees them (the title apart), or ``None`` past the pack's list."""
    words = ctx.t("ordinals", [])
    return words[paragraph] if 0 <= paragraph < len(words) else None


def _stands_alone(ctx: Context, rs: RankedSentence, c: Claim) -> bool:
    text = c.text
    return not (
        cut_short(ctx, c)
        or points_back(ctx, text)
        or leans_on_others(ctx, text)
        or _no_subject(ctx, text)
        or _continues_before(ctx, text)
        or _addresses_reader(ctx, text)
        or any(q in rs.sentence.text for q in _QUOTES)  # a quotation is a voice, not the gist
        or not 6 <= len(text.split()) <= KEY_MAX_WORDS
    )


def _claims_by_fit(ctx: Context, members: list[RankedSentence]) -> list[tuple[float, RankedSentence, Claim]]:
    """The paragraph's claims that stand alone, most central first: the share of a claim's
    words the paragraph's other sentences hold (its first sentence by a little on a tie: the
    topic sentence), with the sentence's importance."""
    out = []
    words = {rs.sentence.index: _content(ctx, rs.sentence.text) for rs in members}
    for pos, rs in enumerate(members):
        c = claim_of(ctx, rs, max_words=KEY_MAX_WORDS)
        if c is None or not _stands_alone(ctx, rs, c):
            continue
        own = _content(ctx, c.text)
        if len(own) < 3:
            continue
        rest: set[str] = set()
        for other in members:
            if other.sentence.index != rs.sentence.index:
                rest |= words[other.sentence.index]
        share = len(own & rest) / len(own)
        out.append((share + 0.1 * (pos == 0) + 0.5 * importance(ctx, rs.sentence.index), rs, c))
    out.sort(key=lambda x: (-x[0], x[1].sentence.index))
    return out


def write_paragraph_ideas(ctx: Context, ranked: list[RankedSentence]) -> list[Draft]:
    """Paragraph-idea drafts, the best paragraphs first (at most ``MAX_DRAFTS``)."""
    prompt_of = ctx.t("paragraph_idea")
    if not prompt_of or not ctx.t("ordinals"):
        return []
    if any(r.reason not in COUNTED_THE_SAME for r in ctx.layer.article.removed):
        # intake took a line out (a read-more link, a subheading, a caption): a reader of the
        # text as pasted, or of an export beside it, would count its paragraphs otherwise
        return []
    by_par: dict[int, list[RankedSentence]] = {}
    for rs in sorted(ranked, key=lambda r: r.sentence.index):
        by_par.setdefault(rs.sentence.paragraph, []).append(rs)
    sizes: dict[int, int] = {}
    for s in ctx.layer.sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + 1
    # a paragraph some of whose sentences a long text's shortlist left out is not judged
    by_par = {p: m for p, m in by_par.items() if len(m) == sizes.get(p)}
    claims = {p: _claims_by_fit(ctx, m) for p, m in by_par.items()}
    drafts: list[Draft] = []
    for p, members in by_par.items():
        text = " ".join(rs.sentence.text for rs in members)
        if p < 1 or len(members) < MIN_SENTENCES or len(text.split()) < MIN_WORDS or not claims[p]:
            continue
        ordinal = paragraph_ordinal(ctx, p)
        if ordinal is None:
            continue
        fit, rs, c = claims[p][0]
        key = restate(ctx, c)
        kw = _content(ctx, key)
        par_words = _content(ctx, text)
        # the nearest other paragraphs' most central points first, then their next ones
        pool = [
            (rank, abs(q - p), q, x) for q, xs in claims.items() if q != p for rank, x in enumerate(xs[:2])
        ]
        used: set[int] = set()
        for variant in range(VARIANTS):
            # disjoint sets of wrong options: the bank takes the one that shows no claim its
            # other sentence-option items show (portfolio._gist_shares)
            picked: list[tuple[int, str]] = []
            for _rank, _dist, _q, (_f, ors, oc) in sorted(pool, key=lambda t: t[:3]):
                if len(picked) >= 3:
                    break
                if ors.sentence.index in used or ors.sentence.index < OPENING_SENTENCES:
                    continue  # the article's opening holds the main idea's key: not a wrong option here
                ow = _content(ctx, oc.text)
                if not 0.4 * len(key) <= len(oc.text) <= 2.5 * len(key):
                    continue
                if len(ow & kw) / max(1, min(len(ow), len(kw))) > KEY_OVERLAP:
                    continue
                if len(ow & par_words) / max(1, len(ow)) > PARAGRAPH_OVERLAP:
                    continue  # much of it stands in the asked paragraph too: a second right answer
                if any(len(ow & _content(ctx, t)) / max(1, len(ow)) > 0.5 for _i, t in picked):
                    continue
                picked.append((ors.sentence.index, oc.text))
            if len(picked) < 3:
                break
            used.update(i for i, _t in picked)
            shown = {rs.sentence.index: True}
            shown.update({i: True for i, _t in picked})
            drafts.append(
                choice_draft(
                    ctx,
                    rs,
                    prompt=prompt_of.format(ordinal=ordinal),
                    answer=key,
                    distractors=[t for _i, t in picked],
                    skill="main_idea",
                    template=f"{ctx.pack.code}.paragraph_idea",
                    why="the most central claim of a long paragraph among the points of the nearest other paragraphs",
                    score=fit + 0.05 * len(members) - 0.1 * variant,
                    group=f"paragraph_idea:{p}",
                    salt=str(variant) if variant else "",
                    shown=shown,
                )
            )
    drafts.sort(key=lambda d: -d.score)
    return drafts[:MAX_DRAFTS]


def is_paragraph_idea(item) -> bool:
    """Is the item (or draft item) a paragraph's idea, not the article's?"""
    return str(getattr(item, "template", "") or "").endswith(".paragraph_idea")
