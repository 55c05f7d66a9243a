"""The generation pipeline: article -> ranked sentences -> drafts -> checks -> selection -> bank.

Steps of :func:`generate`:

1. Intake: take an :class:`~quizgen.article.Article` (or load raw text/bytes/a path).
2. Text layer: sentences, tokens and typed candidates with offsets (:func:`quizgen.text.analyse`).
3. Rank sentences: informative, self-contained, sensible length (:mod:`.select`).
4. Overgenerate drafts: cloze, mcq (subject/time/place/cause templates), true/false and
   short-answer items for the best candidates of each usable sentence (:mod:`.builders`),
   with typed distractors (:mod:`.distractors`).
5. Check every draft against the item-writing rules and drop what fails (:mod:`.checks`).
6. Measure difficulty features and set a level (:mod:`.difficulty`).
7. Select ``count`` items: kinds in proportion, spread over paragraphs, one fact once, no
   item giving another's key away, true/false balanced; seeded noise gives parallel forms.
8. Balance key positions, order items as the article reads, and wrap them in a :class:`Bank`.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import random
import re

from .. import __version__
from ..article import Article
from ..bank import KINDS, Bank, Item
from ..errors import GenerationError
from .builders import Draft
from .checks import ArticleIndex, check_item
from .context import Context
from .options import make_options
from .portfolio import make_drafts, select, shortlist, with_level

__all__ = ["check_drafts", "default_count", "generate", "make_drafts", "shortlist"]

KIND_ORDER = {"cloze": 0, "mcq": 1, "short_answer": 2, "true_false": 3}


MIN_ITEMS, MIN_ITEMS_WORDS = 6, 250


def _paragraphs(article: Article) -> int:
    return sum(len(article.text[s:e].split()) >= 8 for s, e in article.paragraphs)


def default_count(article: Article) -> int:
    """About one item per 40 words, enough to reach two in three paragraphs, at least six
    and at most fifteen: eight good items beat twenty mixed ones."""
    n_words = len(article.text.split())
    return max(MIN_ITEMS, min(15, max(round(n_words / 40), -(-2 * _paragraphs(article) // 3))))


def minimum_count(article: Article, want: int) -> int:
    """Items a bank needs even when the ranker doubts them: six from a 250-word article, and
    from a shorter one enough to reach most paragraphs, three to six. Never more than six:
    beyond that only drafts above the ranker's threshold (a long article filled to two items
    in three paragraphs got blanks on every song title and player of a line-up in round 10;
    eight good items beat twenty mixed ones)."""
    n_words = len(article.text.split())
    base = MIN_ITEMS if n_words >= MIN_ITEMS_WORDS else 3
    return min(want, max(base, min(MIN_ITEMS, -(-2 * _paragraphs(article) // 3))))


def _as_article(source, language: str) -> Article:
    if isinstance(source, Article):
        return source
    from ..intake import load_article

    return load_article(source, language=language)


def usable_key(ctx: Context, c) -> bool:
    """A key must be a whole word of running text: not part of a web address or a handle."""
    text = ctx.text
    after = text[c.end : c.end + 2]
    before = text[max(0, c.start - 1) : c.start]
    if (
        (after[:1] == "." and after[1:2].isalnum())
        or before in ("@", "#", "/", ".")
        or after[:1] in ("@", "/")
    ):
        return False
    return True


def key_worth(ctx: Context, c) -> float:
    """The text layer's salience, lowered for keys that make weaker questions: verbs and
    function-like words as terms, names only assumed to be people."""
    from .confidence import person_confidence
    from .questions import _is_verbish

    worth = c.score
    if c.type in ("person", "place", "organisation", "time", "number"):
        worth *= 1.3  # facts a reader should retain: who, where, when, how many
    if c.type == "term" and _is_verbish(ctx, c.text.split()[0]):
        worth *= 0.5
    elif c.type == "person" and person_confidence(ctx, c) == 0:
        worth *= 0.7
    return worth


def check_drafts(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    kept = []
    by_span = {(c.start, c.end): c for c in ctx.layer.candidates}
    for d in drafts:
        key = by_span.get(d.item.answer_span) if d.item.answer_span else None
        aliases = ctx.aliases(key) if key is not None else ()
        problems = [p for p in check_item(d.item, ctx.text, None, aliases) if p.severity == "error"]
        if not problems:
            kept.append(d)
    return kept


def place_keys(items: list[Item], rng: random.Random, index: ArticleIndex | None = None) -> list[Item]:
    """Put each choice item's key in a balanced position: for each number of options, the
    positions are dealt in seeded rounds (every position once per round), so no position
    holds the key much more often than another."""
    from dataclasses import replace

    out = list(items)
    rounds: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        n = len(it.options)
        if it.kind not in ("mcq", "cloze") or n < 3:
            continue
        if not rounds.get(n):
            deal = list(range(n))
            rng.shuffle(deal)
            rounds[n] = deal
        pos = rounds[n].pop()
        others = [o for o in it.options if o != it.answer]
        rng.shuffle(others)
        others.insert(pos, it.answer)
        out[i] = replace(it, options=tuple(others))
    return out


def _untitled(text: str) -> str:
    """A title for an article without one: its first words, cut at a word boundary."""
    first = text.strip().split("\n", 1)[0]
    if len(first) <= 70:
        return first
    return first[:70].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def bank_id(article: Article) -> str:
    base = article.title or os.path.splitext(os.path.basename(article.source or ""))[0] or "article"
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")[:40].strip("-") or "article"
    digest = hashlib.sha1(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"{slug}-{article.language}-{digest}"


def _main_idea_past_the_opening(ctx: Context, opts, want: int, minimum: int) -> tuple[list, list]:
    """An article that gives no item at all: its main idea with a key past the opening (kept
    by reviewers 9-29% of the time where other items exist, "the best available summary" of a
    short feature that gives nothing else) rather than no quiz. Its own random stream: the
    banks of every other article stay as they are."""
    from .select import rank_sentences
    from .write_main_idea import write_main_idea

    rng = random.Random(opts.seed)
    every = sorted(rank_sentences(ctx), key=lambda r: r.sentence.index)
    drafts = with_level(ctx, check_drafts(ctx, write_main_idea(ctx, every, rng, opening=False)))
    return select(ctx, drafts, opts, want, minimum, rng) if drafts else ([], [])


def _generator_info(opts, read: tuple[int, int, int] | None) -> dict:
    """The bank's ``generator`` object; ``read`` when a very long text was read in part."""
    info = {"name": "quizgen", "version": __version__, "seed": opts.seed, "options": opts.to_dict()}
    if read is not None:
        info["read"] = {"chars": read[0], "of": read[1], "passages": read[2]}
    return info


def generate(
    article_or_text,
    *,
    language: str = "auto",
    count: int | None = None,
    kinds=None,
    difficulty: str = "mixed",
    seed: int = 0,
    **more,
) -> Bank:
    """Generate a question bank from an article (an Article, a path, raw text or bytes).

    Same article, options and seed: the same items, byte for byte, with the same ids.
    Raises :class:`~quizgen.errors.GenerationError` when no item can be made.
    """

    from ..lang import get_pack
    from ..text import GC_PAUSE_CHARS, analyse, gc_paused

    opts = make_options(language=language, count=count, kinds=kinds, difficulty=difficulty, seed=seed, **more)
    article = _as_article(article_or_text, opts.language)
    pack = get_pack(article.language)
    with gc_paused(len(article.text) > GC_PAUSE_CHARS):  # a long article: see quizgen.text
        ctx = Context(analyse(article, pack), pack, getattr(pack, "templates", {}) or {}, seed=opts.seed)
        rng = random.Random(opts.seed)
        want = opts.count or default_count(article)
        drafts = with_level(ctx, check_drafts(ctx, make_drafts(ctx, opts, rng, want)))
        minimum = want if opts.count else minimum_count(article, want)  # a count asked for is given
        chosen, alternates = select(ctx, drafts, opts, want, minimum, rng)
        if not chosen and "mcq" in opts.kinds:
            chosen, alternates = _main_idea_past_the_opening(ctx, opts, want, minimum)
    if not chosen:
        if set(opts.kinds) != set(KINDS):
            raise GenerationError(
                f"No {', '.join(opts.kinds)} items could be made from this text. Allow other kinds "
                "(cloze and true/false fit most texts) or try a longer article."
            )
        raise GenerationError(
            "No questions could be made from this text: it has too few complete sentences with names, "
            "dates, numbers or key terms. Try a longer article."
        )
    items = sorted((d.item for d in chosen), key=lambda it: (it.source.start, KIND_ORDER[it.kind], it.id))
    items = place_keys(items, rng, ctx.index)
    alt_items = place_keys([d.item for d in alternates], rng, ctx.index)
    created = os.environ.get("SOURCE_DATE_EPOCH")
    created_at = (
        (
            _dt.datetime.fromtimestamp(int(created), _dt.UTC)
            if created and created.isdigit()
            else _dt.datetime.now(_dt.UTC)
        )
        .replace(microsecond=0)
        .isoformat()
        .replace("+00:00", "Z")
    )
    return Bank(
        id=bank_id(article),
        title=article.title or _untitled(article.text),
        language=article.language,
        article={
            "title": article.title,
            "date": article.date_text,
            "source": article.source,
            "text": article.text,
        },
        items=tuple(items),
        created=created_at,
        generator=_generator_info(opts, ctx.layer.read),
        alternates=tuple(alt_items),
    )
