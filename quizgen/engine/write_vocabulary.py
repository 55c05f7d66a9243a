"""Vocabulary items: a key term the article defines or repeats, as a blank with options.

Asks: which term completes the article's sentence.
From: usable sentences holding a term the article repeats (or a rare one), a noun, not
the sentence's first word.
Distractors: the article's other key terms of the same word class (:mod:`.distractors`);
typed only when no options are safe and the term is one short noun. Used only to reach a
bank's minimum: reviewers keep few blanks on words (the collocation answers them).
"""

from __future__ import annotations

import random
from dataclasses import replace

from .builders import Draft, build_cloze, typed_key_ok
from .context import Context
from .questions import _is_verbish
from .select import RankedSentence
from .textutil import contains_phrase, fold


def term_ok(ctx: Context, rs: RankedSentence, c) -> bool:
    if c.type != "term" or c.start <= rs.body_start or _is_verbish(ctx, c.text.split()[0]):
        return False
    title = ctx.layer.article.title or ""
    if title and contains_phrase(title, c.text):
        return False
    words = fold(c.text).split()
    if not words or words[-1] in ctx.t("vague_terms", []):
        return False
    from .write_detail import looks_misspelt

    if looks_misspelt(ctx, c.text):
        return False
    try:
        common = min(ctx.pack.zipf(w) for w in words) >= 4.0
    except Exception:
        common = False
    repeated = len(ctx.groups.get(ctx.group_of(c), ())) >= 2
    return not common and (repeated or len(words) >= 2) and len(c.text) >= 5


def _class_in_context(ctx: Context, text: str) -> str | None:
    """The word class (UPOS) of the last word of ``text`` where the article first uses it,
    tagged within its sentence (a word alone is often mis-tagged)."""
    c = ctx.by_text().get(text)
    if c is None:
        return None
    s = ctx.sentence(c.sentence)
    offset = c.end - s.start
    for (_w, t), (a, b) in zip(ctx.upos(s.text), ctx.upos_spans(s.text), strict=False):
        if a < offset <= b:
            return t
    return None


def _same_class(ctx: Context, answer: str, options: tuple[str, ...]) -> bool:
    """Is the key a noun, and is every option a noun where the article uses it? ("penyaluran"
    among verbs, a verb among nouns: the slot's grammar gives the key away)."""
    if not all(_class_in_context(ctx, o) == "NOUN" for o in options):
        return False
    # the tagger takes "undermines" for a plural noun; the pack's verb forms (UD EWT) know it
    # as a verb: a key that can be a verb among options that cannot (or the reverse) stands out
    from .do_support import verb_forms

    forms = verb_forms(str(getattr(ctx.pack, "folder", "")))
    if forms:
        verbal = {_verbal(ctx, forms, fold(o.split()[-1])) for o in options}
        if len(verbal) > 1:
            return False
    return True


def _verbal(ctx: Context, forms: dict, word: str) -> bool:
    """Can the word be a verb: an irregular form the pack lists, or a word whose "-ed" or
    "-ing" form the article uses ("undermines" beside "undermined")?"""
    if word in forms:
        return True
    seen = ctx.cache.get("article_words")
    if seen is None:
        seen = ctx.cache["article_words"] = set(fold(ctx.text).split())
    base = word[:-1] if word.endswith("s") else word
    stems = {base, base[:-1] if base.endswith("e") else base}
    return any(x + end in seen for x in stems for end in ("d", "ed", "ing"))


def write_vocabulary(
    ctx: Context, rs: RankedSentence, keys: list, cloze_choices: bool | None, rng: random.Random
) -> list[Draft]:
    from .write_detail import in_list, sentence_ok

    drafts = []
    if not sentence_ok(ctx, rs):
        return drafts
    for key in keys:
        if not term_ok(ctx, rs, key):
            continue
        d = None
        if cloze_choices is not False:
            d = build_cloze(ctx, rs, key, rng, True)
        if d is None and cloze_choices is not True and typed_key_ok(ctx, rs, key, key.text):
            # typed: by default only to reach a minimum (most typed blanks had an equally
            # right answer the grader refused: "lie detector" for "polygraph")
            d = build_cloze(ctx, rs, key, rng, False)
            if d is not None:
                d.score -= 1.0
        if d is not None and not (_class_in_context(ctx, key.text) == "NOUN" or d.item.options):
            continue  # a typed blank only over a noun
        if d is not None and d.item.options and not _same_class(ctx, d.item.answer, d.item.options):
            continue  # "penyaluran" among verbs: options of another word class give it away
        if d is not None and in_list(ctx, key):
            continue
        if d is not None:
            d.item = replace(d.item, skill="vocabulary")
            if d.item.options:
                # a blank on a common word is mostly answered by its collocation ("HIV
                # _____" -> sufferers, "es krim _____" -> matcha): only to reach a minimum
                d.relaxed = True
                d.score -= 0.5
            drafts.append(d)
    return drafts
