"""Relation items: who did what, and why something happened.

Asks: which actor of the article did what (:func:`write_actions`); "Why ...?" for a clause
joined to its cause by a causal connective (:func:`write_cause`, only to reach a minimum).
From: claims split at their first verb; sentences with ``karena`` / ``because`` (see
:func:`~quizgen.engine.questions.cause_question`).
Distractors: the article's other actors; for causes, noun phrases of other sentences
(:func:`~quizgen.engine.distractors.cause_pool`), which reviewers found junk ("penurunan
aliran wisman berasal", "keterangan tertulis": none of the last rounds' why-items kept), so
they only fill a bank to its minimum until causes can be offered as clauses.

"Who said ...?" items (a quote, or a reported claim, and the person who said it) were
retired after four blind-review rounds: reviewers kept none of 17 ("quote attribution by
matching", "speaker name tells nothing").
"""

from __future__ import annotations

import random
import re

from .builders import Draft, _speaker, choice_draft, skilled_mcq
from .confidence import person_confidence
from .context import Context
from .questions import cause_question
from .select import RankedSentence
from .textutil import fold


def _full_name(ctx: Context, c) -> str:
    """The longest form the article gives the person (``Ross Anderson`` for ``Anderson``)."""
    memo = ctx.cache.setdefault("full_name", {})
    k = (ctx.group_of(c), c.text)
    if k not in memo:
        memo[k] = _longest_name(ctx, c)
    return memo[k]


def _longest_name(ctx: Context, c) -> str:
    forms = [x.text for x in ctx.groups.get(ctx.group_of(c), ()) if x.type == "person"]
    forms = [f for f in forms if set(fold(c.text).split()) <= set(fold(f).split())] or [c.text]
    name = max(forms, key=lambda f: (len(f.split()) <= 4, len(f)))
    words = name.split()
    while len(words) > 2 and _title_word(ctx, words[0]):
        words = words[1:]  # "Sambas Atbah Romin Suhaili" from "Bupati Sambas ...": a title's tail
    return " ".join(words)


def _title_word(ctx: Context, word: str) -> bool:
    """A word that is not part of a person's name: written lower-case in the article, or a
    place the article names on its own."""
    memo = ctx.cache.setdefault("title_word", {})
    if word not in memo:
        lower = ctx.cache.get("lower_words")
        if lower is None:  # the words the article writes in lower case inside a sentence
            lower = ctx.cache["lower_words"] = {
                m.group(1) for m in re.finditer(r"(?<![.!?])\s+([a-z][\w]*)\b", ctx.text)
            }
        names = ctx.cache.get("place_org_names")
        if names is None:  # folded names of places and bodies, and the places' texts
            names = ctx.cache["place_org_names"] = (
                {fold(c.text) for c in ctx.layer.candidates if c.type in ("place", "organisation")},
                {fold(c.text) for c in ctx.layer.candidates if c.type == "place"},
            )
        low = word.lower()
        fw = fold(word)
        memo[word] = low in lower or (
            fw in names[0] or ctx.index.count(f"{word} ") > 0 and any(p.startswith(fw) for p in names[1])
        )
    return memo[word]


def _people(ctx: Context) -> list[tuple[str, bool, str]]:
    """(full name, quoted?, group) of every person the article names, most quoted first."""
    memo = ctx.cache.get("people")
    if memo is not None:
        return memo
    out: dict[str, list] = {}
    for c in ctx.layer.candidates:
        if c.type != "person" or person_confidence(ctx, c) < 1:
            continue
        g = ctx.group_of(c)
        entry = out.setdefault(g, [_full_name(ctx, c), False, g, 0])
        entry[1] = entry[1] or _speaker(ctx, c.start, c.end)
        entry[3] += 1
    people = sorted(out.values(), key=lambda e: (not e[1], -e[3], e[0]))
    ctx.cache["people"] = memo = [(e[0], e[1], e[2]) for e in people]
    return memo


def _keeps_name_capital(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return len(first) > 1 and (first.isupper() or first[1:].islower() is False or first[:1].isupper())


def _key_in_text(ctx: Context, key: str) -> bool:
    return ctx.index.count(key) > 0


def write_cause(ctx: Context, ranked: list[RankedSentence], rng: random.Random) -> list[Draft]:
    drafts = []
    for rs in ranked:
        if not rs.usable:
            continue
        q = cause_question(ctx, rs)
        if q is None:
            continue
        d = skilled_mcq(ctx, rs, None, q, rng, "relation", 1.0)
        if d is not None:
            drafts.append(d)
    return drafts


def _actions(ctx: Context, ranked: list[RankedSentence]) -> list[dict]:
    """What each actor of the article does or is: claims split at their first verb into a
    subject (a name, or a noun phrase: "The polygraph", "Kompetisi Liga 1") and what the
    article says of it ("was created in 1921 ...", "tetap dijadwalkan berakhir ...")."""
    from .claims import claim_of
    from .confidence import confirmed

    memo = ctx.cache.get("actions")
    if memo is not None:
        return memo
    out = []
    seen = set()
    stop = set(ctx.t("pronoun_openers", [])) | set(ctx.t("anaphors", [])) | set(ctx.t("subordinators", []))
    for rs in ranked:
        c = claim_of(ctx, rs)
        if c is None or c.sentence in seen:
            continue
        tagged = list(zip(ctx.upos(c.text), ctx.upos_spans(c.text), strict=False))
        if not tagged or any(t is None for (_w, t), _sp in tagged):
            continue  # no tagger: no subject to find
        cut = next(
            (i for i, ((_w, t), _sp) in enumerate(tagged) if t not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")),
            None,
        )
        if not cut or cut > 6 or tagged[cut][0][1] not in ("VERB", "AUX"):
            continue  # the predicate opens with its verb ("juga gagal ...", "also failed": another did it too)
        subj_tags = [t for (_w, t), _sp in tagged[:cut]]
        if not set(subj_tags) <= {"DET", "ADJ", "NOUN", "PROPN", "NUM"} or subj_tags[-1] not in (
            "NOUN",
            "PROPN",
        ):
            continue  # "The decision to", "Ahli dari mereka": no plain noun phrase before the verb
        if subj_tags[0] == "NUM" or "DET" in subj_tags[1:]:
            continue
        verb = tagged[cut][0][0]
        if ctx.pack.code == "en" and verb.lower().endswith("ing"):
            continue  # "A lonely old man living on the moon is ...": no finite verb there
        subj = c.text[: tagged[cut][1][0]].strip()
        pred = c.text[tagged[cut][1][0] :].strip().rstrip(".")
        if "," in subj or fold(subj).split()[0] in stop:
            continue
        words = pred.split()
        if not 4 <= len(words) <= 20 or not words[0][:1].islower():
            continue
        content = {w for w in fold(subj).split() if len(w) > 3}
        if not content:
            continue
        ents = [
            e
            for e in c.entities
            if e.type in ("person", "organisation") and subj.endswith(e.text) and confirmed(ctx, e)
        ]
        if not ents or len(subj.split()) - len(ents[0].text.split()) > 4:
            continue  # an actor the article names (with its title or head noun: "Pelatih Persipura Wanderley Jr")
        kind = ents[0].type
        seen.add(c.sentence)
        out.append(
            {
                "rs": rs,
                "subj": subj,
                "content": content,
                "type": kind,
                "proper": subj_tags[0] == "PROPN",
                "pred": pred,
                "plural": _plural(ctx, tagged[:cut]),
                "words": set(fold(c.text).split()),
            }
        )
    ctx.cache["actions"] = out
    return out


def _plural(ctx: Context, subject) -> bool | None:
    if ctx.pack.code != "en":
        return None  # no agreement to keep
    heads = [w for (w, t), _sp in subject if t in ("NOUN", "PROPN")]
    return bool(heads) and heads[-1].endswith("s") and not heads[-1].endswith("ss")


def write_actions(ctx: Context, ranked: list[RankedSentence], rng: random.Random) -> list[Draft]:
    """ "Apa yang disebutkan berita ini tentang X?" / "Which of these does the article say
    about X?": the key is what the article says X did or is; the options are what it says of
    its other actors and things (a careless reader mixes up who did what)."""
    acts = _actions(ctx, ranked)
    if len(acts) < 4:
        return []
    tmpl = ctx.t("actor_did", "Which of these does the article say about {who}?")
    drafts = []
    for a in acts:
        kn = len(a["pred"].split())
        others = []
        pool = sorted(acts, key=lambda b: abs(len(b["pred"].split()) - kn))
        for b in pool:
            if b is a or b["content"] & a["content"]:
                continue  # the same actor (or one that shares a name word with it)
            if b["content"] & a["words"] or a["content"] & b["words"]:
                continue  # each sentence names the other actor: what one did may hold for both
            if b["plural"] != a["plural"] or b["type"] != a["type"]:
                continue
            if not 0.5 <= len(b["pred"].split()) / kn <= 2:
                continue
            if _near(b["pred"], a["pred"]) or any(
                _near(b["pred"], o["pred"]) or b["content"] & o["content"] for o in others
            ):
                continue  # never one fact twice, one actor once
            others.append(b)
            if len(others) == 3:
                break
        if len(others) < 3:
            continue
        who = a["subj"]
        if ctx.pack.code == "en" and not a["proper"]:
            who = who[:1].lower() + who[1:]
        rs = a["rs"]
        drafts.append(
            choice_draft(
                ctx,
                rs,
                prompt=tmpl.format(who=who),
                answer=a["pred"],
                distractors=[b["pred"] for b in others],
                skill="relation",
                template=f"{ctx.pack.code}.actor_did",
                why=f"the article says this of {a['subj']}; the options are what it says of other actors",
                score=2.2 + 0.3 * rs.score,
                group="act",  # one per bank: its options tell what the others would ask
                shown={x["rs"].sentence.index: True for x in [a, *others]},
            )
        )
    return drafts


def _near(a: str, b: str) -> bool:
    from .textutil import near_duplicate

    wa, wb = set(fold(a).split()), set(fold(b).split())
    return near_duplicate(a, b) or len(wa & wb) > 0.6 * min(len(wa), len(wb))
