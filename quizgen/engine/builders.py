"""Item builders: one function per kind, each from a ranked sentence and a key to drafts.

A draft is an :class:`~quizgen.bank.Item` plus what selection needs (paragraph, group,
score). Builders never check quality themselves beyond what they need to build: every draft
then goes through :mod:`quizgen.engine.checks`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace

from ..article import Candidate
from ..bank import BLANK, Item, Source
from .confidence import confirmed, inside_longer_name, modifier_use
from .context import Context
from .distractors import Distractor, choose_options, distractor_pool, guess_risk
from .do_support import do_question
from .ids import item_id
from .inversion import aux_question, passive_agent_question
from .questions import (
    Question,
    joined_with_peer,
    number_question,
    place_question,
    subject_question,
    time_question,
)
from .select import RankedSentence
from .textutil import capitalise_first, contains_phrase, fold, has_any_word

TYPED_KEY_TYPES = ("person", "place", "organisation", "time", "number", "term")


@dataclass
class Draft:
    item: Item
    paragraph: int
    sentence: int
    group: str
    score: float
    key_type: str
    origin: str = "article"  # where the distractors came from
    truth: bool | None = None  # for true/false drafts
    features: dict = field(default_factory=dict)
    shown: dict = field(default_factory=dict)  # sentence index -> is its claim shown true?
    relaxed: bool = False  # made under relaxed rules: used only to reach a bank's minimum


def _source(ctx: Context, rs: RankedSentence) -> Source:
    s = rs.sentence
    return Source(s.text, s.start, s.end)


def _explain(ctx: Context, key: str, rs: RankedSentence) -> str:
    return ctx.t("explanation", "{sentence}").format(sentence=rs.sentence.text.strip(), key=key)


def _reason(rs: RankedSentence, key: Candidate | None, extra: str) -> str:
    parts = [
        f"sentence {rs.sentence.index + 1} (paragraph {rs.sentence.paragraph + 1}): " + "; ".join(rs.reasons)
    ]
    if key is not None:
        parts.append(f"key '{key.text}' is a {key.subtype or key.type}: " + "; ".join(key.reasons[:3]))
    parts.append(extra)
    return " | ".join(p for p in parts if p)


def _accepted(ctx: Context, key: Candidate, answer: str) -> tuple[str, ...]:
    forms = [answer]
    if key.type == "term":
        return tuple(forms)  # stem groups join different words (governance/governments): not variants
    kt = set(fold(answer).split())
    for a in ctx.aliases(key):
        at = set(fold(a).split())
        if key.type == "person" and not (at <= kt or kt <= at):
            continue  # "Ava Baumgartner" is not another name of Felix Baumgartner
        if fold(a) != fold(answer) and a not in forms:
            forms.append(a)
    if key.type == "number" and key.unit in ("persen", "percent", "per cent") and key.value is not None:
        v = key.value
        num = answer.split()[0]
        forms.append(f"{num}%")
        _ = v
    return tuple(forms)


def _clitic_split(ctx: Context, key: Candidate) -> tuple[str, str]:
    """``nuklirnya`` -> (``nuklir``, ``nya``) so the blank keeps the clitic outside it."""
    if key.type != "term":
        return key.text, ""
    low = key.text.lower()
    for cl in getattr(ctx.pack, "clitics", ()):
        if cl.startswith("'") or not low.endswith(cl) or len(low) - len(cl) < 4:
            continue
        base = key.text[: -len(cl)]
        try:
            if ctx.pack.stem(low) != ctx.pack.stem(base.lower()) and ctx.pack.stem(low) != base.lower():
                continue
        except Exception:
            pass
        return base, key.text[-len(cl) :]
    return key.text, ""


def typed_key_ok(ctx: Context, rs: RankedSentence, key: Candidate, answer: str) -> bool:
    """A typed blank must have one answer a reader can recall: names of at most four words,
    and terms that are not verbs, not the sentence's first word, and rare in the language or
    repeated in the article (so "penggemar _____ Kit Kat" is not asked)."""
    from .questions import _is_verbish

    if len(answer.split()) > 4:
        return False
    if re.match(r"\s*\([A-Z]", ctx.text[key.end : key.end + 4]):
        return False  # "_____ (NASA)": the bracket spells the key
    if key.type != "term":
        return True
    if key.start <= rs.body_start or _is_verbish(ctx, answer.split()[0]):
        return False
    last = fold(answer).split()[-1]
    if last in ctx.t("vague_terms", []) or any(last.endswith(e) for e in ctx.t("adverb_endings", [])):
        return False  # "tim _____ Essien" (asuhan), "a _____ chosen place" (suitably)
    try:
        rare = min(ctx.pack.zipf(w) for w in fold(answer).split()) < 3.0
    except Exception:
        rare = True
    # a common word once is a guess among synonyms; a term the article repeats is one to recall
    return rare or len(ctx.groups.get(ctx.group_of(key), ())) >= 2 or bool(_clitic_split(ctx, key)[1])


def build_cloze(
    ctx: Context, rs: RankedSentence, key: Candidate, rng: random.Random, choices: bool
) -> Draft | None:
    text = ctx.text
    if text[key.start - 1 : key.start] in ("-", "–") or text[key.end : key.end + 1] in ("-", "–"):
        return None  # "the 100-_____ waterfall": a blank inside a hyphenated word
    answer, clitic = _clitic_split(ctx, key)
    a_start, a_end = key.start, key.start + len(answer)
    prompt = capitalise_first((text[rs.body_start : a_start] + BLANK + text[a_end : rs.sentence.end]).strip())
    prompt = re.sub(r"\s+", " ", prompt)
    options: tuple[str, ...] = ()
    origin = "typed"
    if not choices and not typed_key_ok(ctx, rs, key, answer):
        return None
    if choices:
        if clitic:
            return None
        pool = distractor_pool(ctx, key, rng)
        picked = choose_options(ctx, answer, pool, prompt)
        if picked is None:
            return None
        options = tuple(picked) + (answer,)
        origin = _origin(pool, picked)
        risk = guess_risk(ctx, prompt, answer, picked)
    else:
        risk = {}
    template = f"{ctx.pack.code}.cloze" + (".choices" if choices else "")
    item = Item(
        id=item_id("cloze", (rs.sentence.start, rs.sentence.end), (a_start, a_end), template, ""),
        kind="cloze",
        prompt=prompt,
        answer=answer,
        source=_source(ctx, rs),
        options=options,
        accepted=() if choices else _accepted(ctx, key, answer),
        answer_span=(a_start, a_end),
        skill=key.type,
        explanation=_explain(ctx, answer, rs),
        reason=_reason(
            rs, key, f"blank over the {key.type}" + (f", clitic '-{clitic}' kept" if clitic else "")
        ),
        template=template,
    )
    return Draft(
        item,
        rs.sentence.paragraph,
        rs.sentence.index,
        ctx.group_of(key),
        rs.score + key.score,
        key.type,
        origin,
        features=risk,
    )


def _origin(pool: list[Distractor], picked: list[str]) -> str:
    origins = {d.origin for d in pool if d.text in picked}
    return "article" if origins == {"article"} else ("mixed" if "article" in origins else "outside")


def plain_prose(ctx: Context, text: str) -> bool:
    """Text fit to stand alone as a question or statement: one sentence, no hashtags or
    handles, no first-person speaker (whose "I" the reader cannot resolve)."""
    if re.search(r"[.!?][”\"’]?\s+[“\"]?[A-Z]", text.rstrip('.!?”" ')) or re.search(r"[#@]\w", text):
        return False
    if re.search(
        r"(?:^|\s)-\w|\byang adalah\b|\b(?:kapan|di mana|siapa|berapa)\s+(?:sejak|di|sebagaimana|menyusul)\b",
        text,
        re.I,
    ):
        return False  # a rewrite left a fragment ("meningkat -an", "Kapan sejak ...", "Siapa yang adalah")
    if ctx.pack.code == "en" and re.search(r"(?:,|\band)\s+\w+ing\?$", text):
        return False  # "..., adding?": a dangling participle (not "... on Saturday morning?")
    return not has_any_word(text, ctx.t("first_person", []))


def questions_for(ctx: Context, rs: RankedSentence, key: Candidate) -> list[Question]:
    if joined_with_peer(ctx, key):
        return []  # "Korea Selatan dan Jepang": asking for one leaves the other defensible
    if (
        key.type == "number"
        and key.value is not None
        and key.value == 100
        and (key.unit or "") in ("persen", "percent", "%")
    ):
        return []  # a total is guessable without the article
    out = []
    for fn in (
        subject_question,
        time_question,
        place_question,
        number_question,
        aux_question,
        passive_agent_question,
        do_question,
    ):
        q = fn(ctx, rs, key)
        if (
            q is not None
            and plain_prose(ctx, q.prompt)
            and not _leans_elsewhere(ctx, q.prompt, fn is subject_question)
        ):
            out.append(q)
    return out


def _leans_elsewhere(ctx: Context, prompt: str, who: bool) -> bool:
    """Does a question point back ("... dalam kasus tersebut?": which case?) or, asking who,
    ask who "also" did something (the pack's ``additive_markers``: "Siapa yang juga mengatakan
    ...?" fits everyone who said it)? Out of its paragraph, neither has one answer."""
    from .write_main_idea import points_back

    if who:
        words = set(re.findall(r"\w+", fold(prompt)))
        if words & {fold(w) for w in ctx.t("additive_markers", []) if " " not in w and not w.endswith(".")}:
            return True
    return points_back(ctx, prompt)


def _question_item(
    ctx: Context, rs: RankedSentence, key: Candidate | None, q: Question, kind: str, why: str, **fields
) -> Item:
    """An item asking a template question (mcq or short answer); ``fields`` adds options or
    accepted answers."""
    return Item(
        id=item_id(kind, (rs.sentence.start, rs.sentence.end), q.answer_span, q.template, ""),
        kind=kind,
        prompt=q.prompt,
        answer=q.answer,
        source=_source(ctx, rs),
        answer_span=q.answer_span,
        skill=q.skill,
        explanation=_explain(ctx, q.answer, rs),
        reason=_reason(rs, key, why),
        template=q.template,
        **fields,
    )


def skilled_mcq(
    ctx: Context,
    rs: RankedSentence,
    key: Candidate,
    q: Question,
    rng: random.Random,
    skill: str,
    bonus: float,
) -> Draft | None:
    """:func:`build_mcq` for a writer: the item named for its ``skill``, its score raised by
    ``bonus``."""
    d = build_mcq(ctx, rs, key, q, rng)
    if d is not None:
        d.item = replace(d.item, skill=skill)
        d.score += bonus
    return d


def build_mcq(
    ctx: Context, rs: RankedSentence, key: Candidate, q: Question, rng: random.Random
) -> Draft | None:
    if not plain_prose(ctx, q.prompt):
        return None
    if q.answer != key.text:  # "Coal" opening the sentence is asked as "coal"
        key = replace(key, text=q.answer)
    pool = distractor_pool(ctx, key, rng)
    picked = choose_options(ctx, q.answer, pool, q.prompt)
    if picked is None:
        return None
    item = _question_item(
        ctx, rs, key, q, "mcq", f"template {q.template}: {q.why}", options=tuple(picked) + (q.answer,)
    )
    return Draft(
        item,
        rs.sentence.paragraph,
        rs.sentence.index,
        ctx.group_of(key),
        rs.score + 0.3 + key.score,
        key.type,
        _origin(pool, picked),
        features=guess_risk(ctx, q.prompt, q.answer, picked),
    )


def build_short_answer(ctx: Context, rs: RankedSentence, key: Candidate, q: Question) -> Draft | None:
    if len(q.answer.split()) > 4:
        return None
    item = _question_item(
        ctx,
        rs,
        key,
        q,
        "short_answer",
        f"template {q.template}, typed answer: {q.why}",
        accepted=_accepted(ctx, key, q.answer),
    )
    return Draft(
        item,
        rs.sentence.paragraph,
        rs.sentence.index,
        ctx.group_of(key),
        rs.score + key.score,
        key.type,
        "typed",
    )


def _still_true(ctx: Context, rs: RankedSentence, key: Candidate, distractor: str) -> bool:
    """Would the swapped statement also hold in the article? (the distractor stands in another
    sentence that shares most of this sentence's content words)"""
    own = ctx.sentence_words[rs.sentence.index] - set(fold(key.text).split())
    stop = getattr(ctx.pack, "stopwords", frozenset())
    own = {w for w in own if w not in stop}
    first = fold(distractor).split()[:1]
    for i in ctx.sentences_with(first[0]) if first else ():
        s = ctx.sentence(i)
        if s.index == rs.sentence.index or not contains_phrase(s.text, distractor):
            continue
        if own and len(own & ctx.sentence_words[s.index]) / len(own) >= 0.5:
            return True
    return False


def _speaker(ctx: Context, start: int, end: int) -> bool:
    """Is the span the one who speaks ("Eyde says", "kata Putin")?"""
    verbs = getattr(ctx.pack, "person_verbs", frozenset())
    after = re.findall(r"[\w']+", ctx.text[end : end + 30])[:1]
    before = re.findall(r"[\w']+", ctx.text[max(0, start - 30) : start])[-1:]
    return bool((after and after[0].lower() in verbs) or (before and before[0].lower() in verbs))


def _quoted_elsewhere(ctx: Context, name: str) -> bool:
    """Does the article quote this person too (so swapping speakers is a fair distractor)?"""
    for m in re.finditer(re.escape(name), ctx.text):
        if _speaker(ctx, m.start(), m.end()):
            return True
    return False


def build_true_false(ctx: Context, rs: RankedSentence, key: Candidate, rng: random.Random) -> list[Draft]:
    """A statement from the text (true) or with the key swapped for a distractor of the same,
    confirmed kind (false). Quotes, first-person opinions and very long sentences are not
    statements a reader can check."""
    text = ctx.text
    body = text[rs.body_start : rs.sentence.end].strip()
    if body[:1] in '“"‘' or len(body.split()) > 40 or not plain_prose(ctx, body):
        return []
    low = f" {fold(body)} "
    if any(f" {fold(w)} " in low for w in ctx.t("hedge_words", [])):
        return []  # an opinion or a guess ("sepertinya", "remarkable") is not checkable
    true_word, false_word = ctx.pack.true_false
    statement = capitalise_first(re.sub(r"\s+", " ", text[rs.body_start : rs.sentence.end].strip()))
    drafts = []
    src = _source(ctx, rs)
    base = rs.score + key.score
    tmpl = f"{ctx.pack.code}.true_false"
    true_item = Item(
        id=item_id("true_false", (rs.sentence.start, rs.sentence.end), None, tmpl + ".true", ""),
        kind="true_false",
        prompt=statement,
        answer=true_word,
        source=src,
        options=(true_word, false_word),
        skill="statement",
        explanation=ctx.t("tf_true_explanation", "{sentence}").format(sentence=rs.sentence.text.strip()),
        reason=_reason(rs, None, "the sentence as the article states it"),
        template=tmpl + ".true",
    )
    drafts.append(
        Draft(
            true_item, rs.sentence.paragraph, rs.sentence.index, ctx.group_of(key), base, key.type, truth=True
        )
    )
    swappable = (
        key.type in ("person", "place", "organisation", "time", "number")  # never a word: "high rescue"
        and (key.type == "number" or confirmed(ctx, key))
        and not inside_longer_name(ctx, key)
        and not modifier_use(ctx, key)
    )
    if swappable:
        by_text = ctx.by_text()
        d = next(
            (
                d
                for d in distractor_pool(ctx, key)
                if not _still_true(ctx, rs, key, d.text)
                and d.origin != "gazetteer"  # a false statement swaps in what the article names
                and (not _speaker(ctx, key.start, key.end) or _quoted_elsewhere(ctx, d.text))
                and (d.text not in by_text or confirmed(ctx, by_text[d.text]))
            ),
            None,
        )
        if d is not None:
            offs = key.start - rs.body_start
            body = text[rs.body_start : rs.sentence.end]
            swapped = body[:offs] + d.text + body[offs + len(key.text) :]
            swapped = capitalise_first(re.sub(r"\s+", " ", swapped.strip()))
            false_item = Item(
                id=item_id(
                    "true_false",
                    (rs.sentence.start, rs.sentence.end),
                    (key.start, key.end),
                    tmpl + ".false",
                    d.text,
                ),
                kind="true_false",
                prompt=swapped,
                answer=false_word,
                source=src,
                options=(true_word, false_word),
                answer_span=None,
                skill="statement",
                explanation=ctx.t("tf_false_explanation", "{sentence}").format(
                    sentence=rs.sentence.text.strip(), key=key.text, wrong=d.text
                ),
                reason=_reason(rs, key, f"'{key.text}' swapped for '{d.text}' ({d.origin})"),
                template=tmpl + ".false",
            )
            drafts.append(
                Draft(
                    false_item,
                    rs.sentence.paragraph,
                    rs.sentence.index,
                    ctx.group_of(key),
                    base,
                    key.type,
                    d.origin,
                    truth=False,
                )
            )
    return drafts


def choice_draft(
    ctx: Context,
    rs: RankedSentence,
    *,
    prompt: str,
    answer: str,
    distractors: list[str],
    skill: str,
    template: str,
    why: str,
    score: float,
    group: str,
    salt: str = "",
    answer_span: tuple[int, int] | None = None,
    origin: str = "article",
    shown: dict | None = None,
) -> Draft:
    """A multiple-choice draft whose options a writer chose itself (statements, main idea,
    who said it): the key last, :func:`~quizgen.engine.generate.place_keys` places it later."""
    item = Item(
        id=item_id("mcq", (rs.sentence.start, rs.sentence.end), answer_span, template, salt),
        kind="mcq",
        prompt=prompt,
        answer=answer,
        source=_source(ctx, rs),
        options=tuple(distractors) + (answer,),
        answer_span=answer_span,
        skill=skill,
        explanation=_explain(ctx, answer, rs),
        reason=_reason(rs, None, why),
        template=template,
    )
    return Draft(
        item,
        rs.sentence.paragraph,
        rs.sentence.index,
        group,
        score,
        skill,
        origin,
        features=guess_risk(ctx, prompt, answer, list(distractors)),
        shown=dict(shown or {}),
    )
