"""English questions that only move an auxiliary or a participle, so no do-support is guessed.

* ``The law was passed in 2011.`` -> ``In which year was the law passed?`` (key ``2011``):
  the subject is followed by an auxiliary (was, has, will, can ...), which moves in front.
* ``Facebook was founded by Mark Zuckerberg.`` -> ``Who founded Facebook?`` (key ``Mark
  Zuckerberg``): a passive with a regular participle (-ed), whose past form is the same word.

The templates and word lists are in the pack (``inversion``, ``auxiliaries``,
``passive_auxiliaries``); a language without them gets no such questions.
"""

from __future__ import annotations

import re

from ..article import Candidate
from .confidence import confirmed, person_confidence
from .context import Context
from .questions import Question, _clean_clause, _keep_capital, lower_first
from .select import RankedSentence
from .textutil import fold

RELATIVE = {"who", "which", "that", "whose", "whom", "where", "when"}


def _participle(ctx: Context, word: str) -> bool:
    """Does the verb phrase end here, so a following "in/on/at" phrase modifies the verb?"""
    w = word.lower().strip(",.")
    return w.endswith(("ed", "en", "wn")) or w in ctx.t("participles", []) or w in ctx.t("auxiliaries", [])


def _subject_and_aux(ctx: Context, words: list[str]) -> tuple[str, str, int] | None:
    """The subject (the words before the first auxiliary) and the auxiliary."""
    aux = set(ctx.t("auxiliaries", []))
    for i, w in enumerate(words[:11]):
        low = w.lower()
        if low in aux and i >= 1:
            subject = words[:i]
            if any(x.lower().strip(",") in RELATIVE for x in subject) or any(
                x.endswith(",") for x in subject
            ):
                return None
            if any(t in ("VERB", "AUX") for _w, t in ctx.upos(" ".join(subject))[1:]):
                return None  # "Oxfam said the world's poorest could ...": the aux is another clause's
            return " ".join(subject), low, i
        if w.endswith((",", ";", ":")) or w in ("-", "–", "—"):
            return None
    return None


def aux_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    """``When/Where/In which year AUX SUBJECT REST?`` for a time or place after a preposition."""
    inv = ctx.t("inversion") or {}
    if not inv or key.type not in ("time", "place"):
        return None
    if key.type == "place" and not confirmed(ctx, key):
        return None
    text = ctx.text
    before = text[rs.body_start : key.start]
    m = re.search(r"(?:^|\s)(on|in|at|during)\s+(?:the\s+)?$", before, re.IGNORECASE)
    if not m or (key.type == "place" and m.group(1).lower() not in ("in", "at")):
        return None
    head_words = before[: m.start()].split()
    found = _subject_and_aux(ctx, head_words)
    if not found:
        return None
    subject, aux, i = found
    end = re.search(r"[,;]|\s[-–—]\s", text[key.end : rs.sentence.end])
    tail = text[key.end : key.end + end.start()] if end else text[key.end : rs.sentence.end]
    middle_words = head_words[i + 1 :]
    middle = " ".join(middle_words)
    rest = _clean_clause(f"{middle} {tail}")
    if not middle or len(rest.split()) > 20 or re.search(r"[,;:–—]|\s-\s", middle):
        return None
    if not _participle(ctx, middle_words[-1]):
        return None  # "rallies in Turkey": the place belongs to a noun, not to the verb
    is_year = bool(re.fullmatch(r"(?:19|20)\d{2}", key.text))
    tmpl = inv.get("year" if is_year else key.type)
    if not tmpl:
        return None
    subject = lower_first(subject, _keep_capital(ctx, subject, rs.body_start))
    prompt = re.sub(r"\s+", " ", tmpl.format(aux=aux, subject=subject, rest=rest)).replace(" ?", "?")
    return Question(
        prompt,
        f"{ctx.pack.code}.inversion.{'year' if is_year else key.type}",
        key.type,
        key.text,
        (key.start, key.end),
        f"'{m.group(1)} {key.text}' tells {key.type}; '{aux}' moves in front",
    )


def passive_agent_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    """``Who founded Facebook?`` from ``Facebook was founded by Mark Zuckerberg``."""
    inv = ctx.t("inversion") or {}
    if not inv or key.type not in ("person", "organisation"):
        return None
    if (
        key.type == "person"
        and person_confidence(ctx, key) < 1
        or key.type == "organisation"
        and not confirmed(ctx, key)
    ):
        return None
    text = ctx.text
    before = text[rs.body_start : key.start]
    m = re.search(
        r"^(?P<subj>[^,;]+?)\s+(?P<aux>was|were|has been|have been|had been)\s+(?P<vbn>\w+ed)\s+by\s+(?:the\s+)?$",
        before,
        re.IGNORECASE,
    )
    if not m:
        return None
    subj_words = m.group("subj").split()
    if len(subj_words) > 10 or any(w.lower() in RELATIVE for w in subj_words):
        return None
    end = re.search(r"[,;]|\s[-–—]\s", text[key.end : rs.sentence.end])
    tail = text[key.end : key.end + end.start()] if end else text[key.end : rs.sentence.end]
    aux = m.group("aux").lower()
    verb = m.group("vbn") if aux in ("was", "were") else f"{aux.split()[0]} {m.group('vbn')}"
    subject = lower_first(m.group("subj"), _keep_capital(ctx, m.group("subj"), rs.body_start))
    tmpl = inv.get("agent_" + key.type)
    if not tmpl:
        return None
    rest = _clean_clause(f"{subject} {tail}")
    if len(rest.split()) > 22:
        return None
    prompt = tmpl.format(verb=verb, rest=rest)
    if fold(key.text) in fold(prompt):
        return None
    return Question(
        prompt,
        f"{ctx.pack.code}.passive_agent.{key.type}",
        key.type,
        key.text,
        (key.start, key.end),
        f"'{key.text}' is the agent of '{m.group('aux')} {m.group('vbn')}'",
    )
