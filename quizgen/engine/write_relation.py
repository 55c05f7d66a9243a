"""Relation items: who did what, and why something happened.

Asks: which actor of the article did what (:func:`write_actions`); the reason the article
gives for something (:func:`write_cause`: "According to the article, what is the reason that
...?", "Mengapa ...?").
From: claims split at their first verb; sentences whose two clauses a causal connective joins
("X because Y", "Because Y, X", "Y sehingga X": the pack's ``reason_connectives``,
``result_connectives``), and a sentence opening with a result ("Oleh karena itu, X", "As a
result, X": ``result_openers``) with the sentence before it as the reason.
Distractors: the article's other actors; for a reason, other statements of the article, true
but not the reason (OneStopQA's "refers to a distractor span"): a reader who only matches
words finds them all in the article, one who read the sentence knows which explains what.
The noun-phrase reasons of earlier rounds ("penurunan aliran wisman berasal", "keterangan
tertulis": none of those why-items kept) are retired.

"Who said ...?" items (a quote, or a reported claim, and the person who said it) were
retired after four blind-review rounds: reviewers kept none of 17 ("quote attribution by
matching", "speaker name tells nothing").
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass

from .builders import Draft, _speaker, choice_draft, plain_prose
from .confidence import person_confidence
from .context import Context
from .questions import _clean_clause, _is_verbish, _keep_capital
from .select import RankedSentence
from .textutil import capitalise_first, fold, lower_first, near_duplicate
from .write_main_idea import _content


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


@dataclass(frozen=True)
class Cause:
    """A sentence's effect and the reason it gives for it."""

    effect: str  # the clause explained, as the question asks it
    reason: str  # the reason, as the key shows it
    span: tuple[int, int]  # the reason's offsets in the article
    connective: str
    reason_sentence: int  # the sentence the reason stands in (the one before, for "Therefore, ...")


_QUOTE_RE = re.compile(r"[“”\"]")


def _clause_ok(ctx: Context, text: str, lo: int, hi: int, pronoun_ok: bool = False) -> bool:
    """A full clause of ``lo``-``hi`` words that does not lean on another sentence (no
    pronoun, subordinator or connective first) and has no bracket or quotation left open.
    ``pronoun_ok``: a reason may open with the subject pronoun standing for the effect's
    subject ("... because it has oil").
    """
    words = text.split()
    if not lo <= len(words) <= hi:
        return False
    first = fold(words[0]).strip(",")
    banned = ctx.cache.get("clause_openers_banned")
    if banned is None:
        banned = ctx.cache["clause_openers_banned"] = frozenset(
            w
            for key in ("pronoun_openers", "anaphors", "subordinators", "clause_cuts", "strippable_openers")
            for w in ctx.t(key, [])
        )
    if pronoun_ok:
        banned = banned - set(ctx.t("subject_pronouns", []))
    if first in banned or " ".join(fold(w) for w in words[:2]) in banned:
        return False
    if words[0].endswith(",") or _is_verbish(ctx, words[0].lower()):
        return False  # "Karenanya, ...", "Pastikan membawa ...": an adverb or a verb first, no subject
    if text.count("(") != text.count(")") or _QUOTE_RE.search(text):
        return False
    return _finite_clause(ctx, text)


def _finite_clause(ctx: Context, text: str) -> bool:
    """:func:`~quizgen.engine.claims._is_clause`, or, right after a noun or pronoun, a verb
    the tagger took for a noun: a finite form of the pack's verb table ("the policy echoes
    proposals") or a word with a verbal prefix on a known root ("jalan utama tergenang")."""
    from .claims import _is_clause
    from .do_support import verb_forms

    tagged = ctx.upos(text)
    if tagged and tagged[0][1] in ("ADP", "SCONJ", "CCONJ"):
        return False  # "Dalam tiga partai ...": a phrase, no subject
    if _is_clause(ctx, text):
        return True
    table = verb_forms(str(getattr(ctx.pack, "folder", "")))
    relative = set(ctx.t("relative_words", []))
    for k, (w, _t) in enumerate(tagged):
        if fold(w) in relative:
            return False  # "pertandingan yang sempat tertunda": a noun and its relative clause
        if k and (fold(w) in table or _is_verbish(ctx, w)) and tagged[k - 1][1] in ("NOUN", "PROPN", "PRON", "ADJ"):
            return True
    return False


def _reason_end(tail: str) -> int:
    """Where the reason after a connective ends: the sentence's end, a semicolon or dash, or
    a comma before another clause ("..., but ...", "..., he said")."""
    stop = re.search(r"[;:–—]|\s-\s|,\s|[.!?](?:\s|$)", tail)
    return stop.start() if stop else len(tail.rstrip())


def cause_of(ctx: Context, rs: RankedSentence) -> Cause | None:
    """The effect and the reason of a sentence joined by a causal connective, or ``None``."""
    memo = ctx.cache.setdefault("causes", {})
    if rs.sentence.index not in memo:
        memo[rs.sentence.index] = _cause_of(ctx, rs)
    return memo[rs.sentence.index]


def _cause_of(ctx: Context, rs: RankedSentence) -> Cause | None:
    text = ctx.text
    body = text[rs.body_start : rs.sentence.end].rstrip()
    if _QUOTE_RE.search(body) or len(body.split()) > 45:
        return None  # a speaker's words, or a sentence too long to ask about in one line
    opener = fold(text[rs.sentence.start : rs.body_start]).strip(" ,")
    if opener and opener in {fold(o) for o in ctx.t("result_openers", [])}:
        return _result_of_previous(ctx, rs, body, opener)
    not_after = {"of", "itu", "ini", "tersebut", "to"}  # "because of", "oleh karena itu", "due to"
    for conn in sorted(ctx.t("reason_connectives", []), key=len, reverse=True):
        # "Because Y, X."
        m0 = re.match(re.escape(conn) + r"\s+", body, re.IGNORECASE)
        if m0:
            rest = body[m0.end() :]
            comma = rest.find(", ")
            if comma > 0:
                reason, effect = rest[:comma], rest[comma + 2 :]
                r_start = rs.body_start + m0.end()
                found = _make_cause(ctx, rs, effect, reason, r_start, conn)
                if found:
                    return found
        for m in re.finditer(r"\s" + re.escape(conn) + r"\s", body, re.IGNORECASE):
            tail = body[m.end() :]
            if fold(tail.split()[0]).strip(",") in not_after if tail.split() else True:
                continue
            head = body[: m.start()].rstrip(" ,")
            reason = tail[: _reason_end(tail)]
            found = _make_cause(ctx, rs, head, reason, rs.body_start + m.end(), conn)
            if found:
                return found
    for conn in ctx.t("result_connectives", []):
        # "Y sehingga X": X is explained by Y
        m = re.search(r"\s" + re.escape(conn) + r"\s", body, re.IGNORECASE)
        if not m:
            continue
        reason = body[: m.start()].rstrip(" ,")
        tail = body[m.end() :]
        effect = tail[: _reason_end(tail)]
        found = _make_cause(ctx, rs, effect, reason, rs.body_start, conn)
        if found:
            return found
    return None


def _result_of_previous(ctx: Context, rs: RankedSentence, body: str, opener: str) -> Cause | None:
    """"Y. Oleh karena itu, X." / "Y. As a result, X.": X is explained by the sentence before,
    in the same paragraph, when that sentence stands on its own."""
    index = rs.sentence.index
    if index == 0:
        return None
    prev = ctx.layer.sentences[index - 1]
    if prev.paragraph != rs.sentence.paragraph:
        return None
    from .select import rank_sentence

    before = rank_sentence(ctx, prev)
    if not before.usable or before.body_start != prev.start:
        return None  # the reason leans on yet another sentence ("Hal ini ...", "However, ...")
    reason = ctx.text[prev.start : prev.end].rstrip()
    if _QUOTE_RE.search(reason):
        return None
    effect = body[: _reason_end(body)]
    return _make_cause(ctx, rs, effect, reason, prev.start, opener, max_reason=24, reason_sentence=index - 1)


def _imperative(ctx: Context, text: str) -> bool:
    """Does the clause open with a command ("Pastikan membawa ...", "Make sure you ...")? It
    has no subject to ask about: an Indonesian verb root with a command suffix (-kan, -lah,
    -i) and no prefix; an English base-form verb."""
    words = text.split()
    if not words:
        return False
    first = fold(words[0])
    if ctx.pack.code == "en":
        tags = ctx.upos(text)
        return bool(tags) and tags[0][1] == "VERB" and not first.endswith(("ing", "ed"))
    try:
        prefix, root, suffix = ctx.pack.affixes(first)
    except Exception:
        return False
    return not prefix and suffix in ("kan", "lah", "i") and ctx.pack.zipf(root) >= 3.0


def _make_cause(
    ctx: Context,
    rs: RankedSentence,
    effect: str,
    reason: str,
    r_start: int,
    conn: str,
    max_reason: int = 20,
    reason_sentence: int | None = None,
) -> Cause | None:
    """The cause, when the effect and the reason are both full clauses and the reason reads in
    the article at ``r_start`` (its sentence: ``reason_sentence``, else the asked one)."""
    effect = _clean_clause(effect)
    lead = len(reason) - len(reason.lstrip())
    reason = _clean_clause(reason)
    if any(f" {fold(w)} " in f" {fold(effect)} " for w in ctx.t("purpose_words", [])):
        return None  # a purpose clause stands between: the reason may belong to it
    if not _clause_ok(ctx, effect, 4, 24) or not _clause_ok(ctx, reason, 3, max_reason, pronoun_ok=True):
        return None
    if _imperative(ctx, effect):
        return None  # "Pastikan membawa syal ... karena ...": "Mengapa pastikan membawa ...?" (round 50)
    r_start += lead
    if ctx.text[r_start : r_start + len(reason)] != reason:
        return None  # the reason is shown as the article writes it, or not at all
    at = rs.sentence.index if reason_sentence is None else reason_sentence
    return Cause(effect, reason, (r_start, r_start + len(reason)), conn, at)


def _other_statements(ctx: Context, every: list[RankedSentence]) -> list[tuple[int, str]]:
    """(sentence index, statement) of the article's plain statements that could stand as a
    wrong reason: its causes' reasons first, then its sentences' claims."""
    from .claims import claim_of

    memo = ctx.cache.get("reason_pool")
    if memo is not None:
        return memo
    out: list[tuple[int, str]] = []
    for rs in every:
        c = cause_of(ctx, rs)
        if c is not None:
            out.append((c.reason_sentence, c.reason))
    for rs in every:
        claim = claim_of(ctx, rs)
        if claim is None:
            continue
        text = claim.text.rstrip(". ")
        if _clause_ok(ctx, text, 4, 22):
            out.append((rs.sentence.index, text))
    ctx.cache["reason_pool"] = out
    return out


def _stems(ctx: Context, text: str) -> set[str]:
    """The content words' stems (the pack's stemmer: "hubungannya" -> "hubung")."""
    stop = getattr(ctx.pack, "stopwords", frozenset())
    return {ctx.pack.stem(w) for w in re.findall(r"\w+", fold(text)) if w not in stop and len(w) > 2}


def _pick_wrong(scored: list, reason: str, skip: set[int]) -> tuple[list[str], list[int]]:
    """Three wrong reasons from ``scored`` (best first), one a sentence, none near another
    option, none from the sentences in ``skip``."""
    wrong: list[str] = []
    used: list[int] = []
    for _t, _d, si, text in scored:
        if si in skip or si in used or near_duplicate(text, reason):
            continue
        if any(_near(text, o) for o in [*wrong, reason]):
            continue
        wrong.append(text)
        used.append(si)
        if len(wrong) == 3:
            break
    return wrong, used


def write_cause(
    ctx: Context, ranked: list[RankedSentence], every: list[RankedSentence], rng: random.Random
) -> list[Draft]:
    """The reason the article gives for something; the wrong options are other statements of
    the article (true, but not why it happened), alike in length, sharing a word with the
    effect where they can (a careless reader links them)."""
    tmpl = ctx.t("cause")
    if not tmpl:
        return []
    pool = _other_statements(ctx, every)
    drafts = []
    for rs in ranked:
        if not rs.usable:
            continue
        c = cause_of(ctx, rs)
        if c is None:
            continue
        here = rs.sentence.index
        own = _content(ctx, ctx.sentence(here).text)
        effect_words = _content(ctx, c.effect)
        # what the effect says happened ("mencari alternatif"): a statement sharing it may
        # tell the same event another way (a second reason); its names may be shared
        said = _stems(ctx, " ".join(w for w in c.effect.split()[1:] if w[:1].islower()))
        n = len(c.reason.split())
        scored = []
        for si, text in pool:
            if abs(si - here) < 2 or abs(si - c.reason_sentence) < 2:
                continue  # the sentences around it may explain it too
            words = _content(ctx, text)
            if not words or len(words & own) > 0.5 * len(words) or _stems(ctx, text) & said:
                continue  # much of it in the asked sentence, or the same event: it may be a reason too
            k = len(text.split())
            if not 0.5 <= k / n <= 2.0 and abs(k - n) > 4:
                continue
            tempting = bool(words & effect_words)
            scored.append((not tempting, abs(math.log(k / n)), si, text))
        scored.sort(key=lambda x: (x[0], x[1], x[2]))
        effect = lower_first(c.effect, _keep_capital(ctx, c.effect, ctx.text.find(c.effect, rs.sentence.start)))
        last = fold(effect).split()[-1:]
        if last and last[0] in ctx.t("anaphors", []):
            continue  # "Mengapa Lorenzo menyatakan dirinya memilih itu?": chose what? (round 60)
        prompt = tmpl.format(clause=effect)
        if not plain_prose(ctx, prompt):
            continue
        # up to four versions with other wrong reasons: where statements are scarce the
        # selection takes the one that leaves the bank's other items their claims
        seen: set[tuple[str, ...]] = set()
        first, used0 = _pick_wrong(scored, c.reason, set())
        versions = [(first, used0)] + [_pick_wrong(scored, c.reason, {si}) for si in used0]
        for version, (wrong, used) in enumerate(versions):  # the next ones each without one of the first's
            if len(wrong) < 3 or tuple(sorted(wrong)) in seen:
                continue
            seen.add(tuple(sorted(wrong)))
            drafts.append(
                choice_draft(
                    ctx,
                    rs,
                    prompt=prompt,
                    answer=capitalise_first(c.reason),
                    distractors=[capitalise_first(w) for w in wrong],
                    skill="relation",
                    template=f"{ctx.pack.code}.cause",
                    why=f"'{c.connective}' gives the reason; the wrong options are other statements of the article",
                    score=2.0 + 0.3 * rs.score - 0.2 * version,
                    group=f"cause:{here}",  # one version a bank (they share the item's id)
                    answer_span=c.span,
                    shown={**dict.fromkeys(used, True), here: True, c.reason_sentence: True},
                )
            )
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
