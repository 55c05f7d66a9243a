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

import collections
import datetime as _dt
import hashlib
import os
import random
import re
from functools import lru_cache

from .. import __version__
from ..article import Article
from ..bank import Bank, Item
from ..errors import GenerationError
from .builders import Draft, build_cloze, build_mcq, build_short_answer, build_true_false, questions_for
from .checks import ArticleIndex, check_item
from .context import Context
from .difficulty import features, level
from .options import GenerateOptions, make_options
from .questions import cause_question
from .select import rank_sentences
from .textutil import BLANK_RE, contains_phrase, words

KIND_WEIGHTS = {"mcq": 0.35, "cloze": 0.30, "true_false": 0.20, "short_answer": 0.15}
# Largest share of choice items that a reader who ignores the article may get right: by the
# most frequent option, by the option sharing most words with the prompt, by the longest.
GUESS_GOALS = {"freq_guess": 0.4, "prompt_guess": 0.34, "key_longest": 0.3}
# an easy quiz leans on recognition (true/false, choices), a hard one on recall (typed answers)
KIND_WEIGHTS_BY_LEVEL = {
    "easy": {"mcq": 0.35, "cloze": 0.20, "true_false": 0.35, "short_answer": 0.10},
    "hard": {"mcq": 0.25, "cloze": 0.35, "true_false": 0.10, "short_answer": 0.30},
}
KIND_ORDER = {"cloze": 0, "mcq": 1, "short_answer": 2, "true_false": 3}


def default_count(article: Article) -> int:
    """About one item per 30 words, and enough to reach seven in ten paragraphs."""
    n_words = len(article.text.split())
    paragraphs = sum(len(article.text[s:e].split()) >= 8 for s, e in article.paragraphs)
    return max(6, min(25, max(round(n_words / 30), -(-7 * paragraphs // 10))))


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


def shortlist(ranked: list, want: int) -> list:
    """At most ``max(60, 6 * want)`` sentences to build drafts from, spread over the whole
    article: it is cut into that many runs of sentences and the best of each run is kept.
    This bounds the work on a long article (a book chapter) without favouring its lead."""
    limit = max(60, 6 * want)
    if len(ranked) <= limit:
        return ranked
    step = len(ranked) / limit
    return [
        max(ranked[int(i * step) : int((i + 1) * step)], key=lambda r: (r.score, -r.sentence.index))
        for i in range(limit)
    ]


def make_drafts(
    ctx: Context, opts: GenerateOptions, rng: random.Random, want: int | None = None
) -> list[Draft]:
    ranked_sentences = rank_sentences(ctx)
    # a paragraph whose every sentence leans on the one before still gets cloze items from
    # its best statement (shown whole, so a reader can find it), at a lower rank
    covered = {rs.sentence.paragraph for rs in ranked_sentences if rs.usable}
    fallback = {
        rs.sentence.index
        for rs in ranked_sentences
        if not rs.usable
        and rs.sentence.paragraph not in covered
        and any("needs the previous" in r or "points back" in r for r in rs.reasons)
    }
    drafts: list[Draft] = []
    candidates = [rs for rs in ranked_sentences if rs.usable or rs.sentence.index in fallback]
    for rs in shortlist(candidates, want or default_count(ctx.layer.article)):
        kinds = set(opts.kinds) if rs.usable else {"cloze"} & set(opts.kinds)
        first_of_sentence = len(drafts)
        ranked = sorted(
            (
                c
                for c in ctx.by_sentence.get(rs.sentence.index, ())
                if c.start >= rs.body_start and usable_key(ctx, c) and (rs.usable or c.type != "term")
            ),
            key=lambda c: (-key_worth(ctx, c), c.start),
        )
        # the best key of each type first (a time or a number is worth a question even when
        # names score higher), then the next best, up to six keys a sentence
        keys: list = []
        for c in ranked:
            if all(k.type != c.type for k in keys):
                keys.append(c)
        keys += [c for c in ranked if c not in keys][: max(0, 6 - len(keys))]
        if "mcq" in kinds or "short_answer" in kinds:
            q = cause_question(ctx, rs)
            if q is not None and "mcq" in kinds:
                d = build_mcq(ctx, rs, None, q, rng)
                if d:
                    drafts.append(d)
        for n_key, key in enumerate(keys):
            first = len(drafts)
            self_worth = key_worth(ctx, key) - key.score
            if "cloze" in kinds:
                d = build_cloze(ctx, rs, key, rng, opts.cloze_choices)
                if d:
                    drafts.append(d)
            if "mcq" in kinds or "short_answer" in kinds:
                for q in questions_for(ctx, rs, key):
                    if "mcq" in kinds:
                        d = build_mcq(ctx, rs, key, q, rng)
                        if d:
                            drafts.append(d)
                    if "short_answer" in kinds:
                        d = build_short_answer(ctx, rs, key, q)
                        if d:
                            drafts.append(d)
            if "true_false" in kinds and n_key < 3:  # one statement a sentence is kept: three tries do
                drafts.extend(build_true_false(ctx, rs, key, rng))
            for d in drafts[first:]:
                d.score += self_worth
        if not rs.usable:
            for d in drafts[first_of_sentence:]:
                d.score -= 1.5
    return drafts


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


def _conflicts(a: Item, b: Item) -> bool:
    """Would one item give the other's key away? In the same sentence: its key visible in the
    other's prompt (or a true/false statement of the sentence). Anywhere: the key stands in the
    other's prompt with the words that surround it in its own sentence ("Brazil and _____" and
    "_____ and Peru")."""
    if a.source.start == b.source.start:
        for x, y in ((a, b), (b, a)):
            if x.kind == "true_false" or y.kind == "true_false":
                return True
            if contains_phrase(BLANK_RE.sub(" ", y.prompt), x.answer):
                return True
        return False
    for x, y in ((a, b), (b, a)):
        if x.kind == "true_false" or not x.answer_span:
            continue
        context = _key_context(x.source.sentence, x.source.start, x.answer_span)
        if context and contains_phrase(y.prompt, context):
            return True
    return False


@lru_cache(maxsize=4096)
def _key_context(sentence: str, sentence_start: int, span: tuple[int, int]) -> str:
    """The key with a word on each side, as its source sentence writes it."""
    start, end = span[0] - sentence_start, span[1] - sentence_start
    if not (0 <= start <= end <= len(sentence)):
        return ""
    before = sentence[:start].split()[-1:]
    after = sentence[end:].split()[:1]
    return " ".join(before + [sentence[start:end]] + after)


def guess_shares(chosen: list[Draft]) -> dict[str, float]:
    choice = [d for d in chosen if d.features]
    return {
        f: (sum(d.features.get(f, 0) for d in choice) / len(choice) if choice else 0.0) for f in GUESS_GOALS
    }


def select(drafts: list[Draft], opts: GenerateOptions, count: int, rng: random.Random) -> list[Draft]:
    """Pick items; first planning on the number of choice items the kind mix asks for, and if
    the bank then lets test-wise readers guess too often, again with every step held to it."""
    state = rng.getstate()
    chosen = _select(drafts, opts, count, rng, strict=False)
    if all(v <= GUESS_GOALS[f] for f, v in guess_shares(chosen).items()):
        return chosen
    rng.setstate(state)
    return _select(drafts, opts, count, rng, strict=True)


def _select(
    drafts: list[Draft], opts: GenerateOptions, count: int, rng: random.Random, strict: bool
) -> list[Draft]:
    weights = {k: KIND_WEIGHTS_BY_LEVEL.get(opts.difficulty, KIND_WEIGHTS)[k] for k in opts.kinds}
    total = sum(weights.values())
    weights = {k: v / total for k, v in weights.items()}
    noise = {id(d): rng.uniform(0.0, 0.8) for d in drafts}
    blocked: set[int] = set()
    by_kind: dict[str, list[Draft]] = {k: [] for k in weights}
    for d in drafts:
        if d.item.kind in by_kind:
            by_kind[d.item.kind].append(d)
    chosen: list[Draft] = []
    used_facts: set[tuple[str, int]] = set()
    used_prompts: set[str] = set()
    para_count: dict[int, int] = {}
    group_count: dict[str, int] = {}
    sent_count: dict[int, int] = {}
    kind_count = {k: 0 for k in weights}
    level_count = {"easy": 0, "medium": 0, "hard": 0}
    truth_count = {True: 0, False: 0}
    start_truth = rng.random() < 0.5
    choice_count = [0]
    planned_choice = round(
        count * sum(w for k, w in weights.items() if k == "mcq" or (k == "cloze" and opts.cloze_choices))
    )
    guess_count = {"freq_guess": 0.0, "prompt_guess": 0.0, "key_longest": 0.0}

    def guessable_ok(d: Draft) -> bool:
        """Keep the share of choice items a test-wise reader gets right under the goals."""
        if not d.features:
            return True
        n = choice_count[0] + 1 if strict else max(choice_count[0] + 1, planned_choice)
        return all((guess_count[f] + d.features.get(f, 0)) / n <= goal for f, goal in GUESS_GOALS.items())

    def value(d: Draft) -> float:
        v = d.score + noise[id(d)]
        v += 2.0 if para_count.get(d.paragraph, 0) == 0 else -0.5 * para_count[d.paragraph]
        v -= 3.5 * group_count.get(d.group, 0)  # the same answer again bores and cues
        v -= 1.5 * sent_count.get(d.sentence, 0)
        if d.features:
            v -= 0.6 * sum(d.features.get(flag, 0) for flag in GUESS_GOALS)
        lvl = d.item.difficulty
        if opts.difficulty == "mixed":
            n = len(chosen) + 1
            v += 0.6 * (n / 3 - level_count[lvl])
        elif lvl == opts.difficulty:
            v += 2.0
        if d.truth is not None:
            want_true = truth_count[True] < truth_count[False] or (
                truth_count[True] == truth_count[False] and start_truth
            )
            v += 0.8 if d.truth == want_true else -0.8
        return v

    while len(chosen) < count:
        n = len(chosen) + 1
        best: list[tuple[float, str, Draft]] = []
        for kind in weights:
            deficit = weights[kind] * n - kind_count[kind]  # kinds in proportion, as a strong preference
            pool = [
                d
                for d in by_kind[kind]
                if (d.group, d.sentence) not in used_facts
                and group_count.get(d.group, 0) < 2  # no answer more than twice in a bank
                and d.item.prompt not in used_prompts
                and sent_count.get(d.sentence, 0) < 2
                and id(d) not in blocked
                and guessable_ok(d)
                and (
                    d.truth is None or truth_count[d.truth] <= truth_count[not d.truth]
                )  # true/false balanced
            ]
            if pool:
                d = max(pool, key=lambda d: (value(d), d.item.id))
                best.append((value(d) + 2.5 * deficit, d.item.id, d))
        picked = max(best, key=lambda x: (x[0], x[1]))[2] if best else None
        if picked is None:
            break
        chosen.append(picked)
        # drafts this pick would give away (or that would give it away) are out from now on
        blocked.update(id(d) for d in drafts if id(d) not in blocked and _conflicts(d.item, picked.item))
        used_facts.add((picked.group, picked.sentence))
        used_prompts.add(picked.item.prompt)
        para_count[picked.paragraph] = para_count.get(picked.paragraph, 0) + 1
        group_count[picked.group] = group_count.get(picked.group, 0) + 1
        sent_count[picked.sentence] = sent_count.get(picked.sentence, 0) + 1
        kind_count[picked.item.kind] += 1
        level_count[picked.item.difficulty] += 1
        if picked.truth is not None:
            truth_count[picked.truth] += 1
        if picked.features:
            choice_count[0] += 1
            for flag in guess_count:
                guess_count[flag] += picked.features.get(flag, 0)
    return chosen


def _tied(it: Item, others: list[str], index: ArticleIndex) -> list[str]:
    """Distractors that a test-wise reader would rank level with the key: as frequent in the
    article when the key is the most frequent, or sharing as many prompt words and as long
    when the key would win on those. Placed before the key, they take the reader's pick."""
    tied: list[str] = []
    kc = index.count(it.answer)
    if kc >= max(index.count(o) for o in others):
        tied += [o for o in others if index.count(o) == kc][:1]
    q = collections.Counter(words(BLANK_RE.sub(" ", it.prompt)))

    def rank(o: str) -> tuple[int, int]:
        return sum(q[w] for w in words(o)), len(o)

    if rank(it.answer) >= max(rank(o) for o in others):
        tied += [o for o in others if rank(o) == rank(it.answer) and o not in tied][:1]
    return tied


def place_keys(items: list[Item], rng: random.Random, index: ArticleIndex) -> list[Item]:
    """Put each choice item's key in a balanced position (a seeded round-robin). Where a
    distractor ties with the key for a test-wise reader (see :func:`_tied`), it goes before
    the key, so picking the first most frequent or most prompt-like option is not rewarded."""
    from dataclasses import replace

    choice = [i for i, it in enumerate(items) if it.kind in ("mcq", "cloze") and len(it.options) >= 3]
    out = list(items)
    slots: list[int] = []
    for i in choice:
        it = items[i]
        n = len(it.options)
        if not slots:
            slots = list(range(n))
            rng.shuffle(slots)
        others = [o for o in it.options if o != it.answer]
        rng.shuffle(others)
        tied = _tied(it, others, index)
        pos = slots.pop() % n
        if pos < len(tied):
            j = next((k for k, p in enumerate(slots) if p % n >= len(tied)), None)
            if j is not None:
                pos, slots[j] = slots[j] % n, pos
            else:
                pos = len(tied) + rng.randrange(n - len(tied))
        for o in reversed(tied):
            others.remove(o)
            others.insert(0, o)
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
    from dataclasses import replace

    from ..lang import get_pack
    from ..text import analyse

    opts = make_options(language=language, count=count, kinds=kinds, difficulty=difficulty, seed=seed, **more)
    article = _as_article(article_or_text, opts.language)
    pack = get_pack(article.language)
    ctx = Context(analyse(article, pack), pack, getattr(pack, "templates", {}) or {}, seed=opts.seed)
    rng = random.Random(opts.seed)
    want = opts.count or default_count(article)
    drafts = check_drafts(ctx, make_drafts(ctx, opts, rng, want))
    for d in drafts:
        f = features(ctx, d)
        name, points = level(f)
        f["points"] = points
        d.item = replace(d.item, difficulty=name, features=f)
    chosen = select(drafts, opts, want, rng)
    if not chosen:
        if set(opts.kinds) != set(KIND_WEIGHTS):
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
        generator={"name": "quizgen", "version": __version__, "seed": opts.seed, "options": opts.to_dict()},
    )
