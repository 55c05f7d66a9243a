"""Questions on what follows the verb, with do-support: "How many loans did Duran take out?"

* ``Duran took out 68 loans from 39 banks.`` -> ``How many loans did Duran take out from 39
  banks?`` (key ``68 loans``)
* ``Anderson tested the suit at Lancaster University.`` -> ``Where did Anderson test the
  suit?`` (key ``Lancaster University``)
* ``The mayor met Martin Andersen in 2013.`` -> ``In which year did the mayor meet Martin
  Andersen?`` (key ``2013``)

Only a plain clause is turned: a subject of names, nouns and their words (no pronoun, no
comma, no relative clause), then one finite lexical verb (tagged VERB by the trained tagger,
no auxiliary before it), then the key inside the verb's phrase. The verb's form says which
"do" to use (``did`` for a past form, ``does`` for a third person singular, ``do`` for the
rest) and its lemma comes from the pack's ``verb_forms.tsv`` (made from UD English-EWT) or,
for a regular verb, from the rule whose result the pack's frequency list knows. A pack
without a ``do_support`` template (Indonesian asks in place) gets no such questions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..article import Candidate
from .confidence import confirmed, person_confidence
from .context import Context
from .questions import Question, _clean_clause, _keep_capital
from .select import RankedSentence
from .textutil import fold

SUBJECT_TAGS = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}


@lru_cache(maxsize=4)
def verb_forms(folder: str) -> dict[str, tuple[str, str]]:
    """form -> (lemma, "past" | "3sg") from the pack's ``verb_forms.tsv``."""
    path = Path(folder) / "verb_forms.tsv"
    out: dict[str, tuple[str, str]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            form, lemma, kind = line.split("\t")
            out.setdefault(form, (lemma, kind))
    return out


def lemma_of(ctx: Context, verb: str) -> tuple[str, str] | None:
    """(lemma, "past" | "3sg" | "base") of a finite verb, or ``None`` when unsure."""
    low = verb.lower()
    table = verb_forms(str(getattr(ctx.pack, "folder", "")))
    if low in table:
        return table[low]

    def known(w: str) -> bool:
        try:
            return ctx.pack.zipf(w) >= 2.5
        except Exception:
            return False

    if low.endswith("ed") and len(low) > 4:
        cands = [low[:-2], low[:-1]]  # walked -> walk, used -> use
        if len(low) > 5 and low[-3] == low[-4]:
            cands.insert(0, low[:-3])  # stopped -> stop
        if low.endswith("ied"):
            cands.insert(0, low[:-3] + "y")  # carried -> carry
        best = max((c for c in cands if known(c)), key=lambda c: ctx.pack.zipf(c), default=None)
        return (best, "past") if best else None
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        cands = [low[:-1]]
        if low.endswith("ies"):
            cands.insert(0, low[:-3] + "y")  # carries -> carry
        if low.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
            cands.insert(0, low[:-2])  # watches -> watch, goes -> go
        best = max((c for c in cands if known(c)), key=lambda c: ctx.pack.zipf(c), default=None)
        return (best, "3sg") if best else None
    if low.endswith("ed") and not low.endswith("eed"):
        return None  # "led", "fed", "bred": a past form the table lacks, never a base ("did ... led")
    return (low, "base") if known(low) else None


def do_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    tmpl = ctx.t("do_support") or {}
    if not tmpl or key.type not in ("person", "organisation", "place", "time", "number"):
        return None
    text = ctx.text
    start = rs.body_start
    if re.match(r"\s*(?:'s|’s)\b", text[key.end : key.end + 3]):
        return None  # "Carle’s home": the key is a possessor inside a phrase
    # a fronted adverbial ("From 2006 to 2008, Duran took out ...") goes to the end
    fronted = ""
    m = re.match(r"((?:[A-Z]\w*|In|On|At|From|After|Before|During|Since|Last|This|By)\b[^,;:“”\"]{2,60}),\s+", text[start : rs.sentence.end])
    if m and not (m.start(1) + start <= key.start < m.end(1) + start):
        head_tags = ctx.upos(m.group(1))
        if head_tags and head_tags[0][1] in ("ADP", "ADV", "DET", "ADJ") and not any(t in ("VERB", "AUX") for _w, t in head_tags):
            fronted = m.group(1)
            start += m.end()
    clause = text[start : rs.sentence.end]
    tagged = ctx.upos(clause)
    spans = ctx.upos_spans(clause)
    if not tagged or any(t is None for _w, t in tagged):
        return None
    # the subject: the words before the first verb, all of them nominal; a personal pronoun
    # only where the sentence before names the one person it stands for
    v = next((i for i, (_w, t) in enumerate(tagged) if t in ("VERB", "AUX")), None)
    if v is None or v == 0 or v > 8:
        return None  # no verb, no subject or a long subject
    aux = None
    if tagged[v][1] == "AUX":
        # "Researchers have studied 17 youths": the auxiliary moves in front, the verb stays
        if fold(tagged[v][0]) not in ctx.t("auxiliaries", []):
            return None
        nxt = v + 1
        while nxt < len(tagged) and tagged[nxt][1] == "ADV" and nxt - v <= 2:
            nxt += 1
        if nxt >= len(tagged) or tagged[nxt][1] != "VERB" or fold(tagged[nxt][0]) == "been":
            return None  # a copula ("is widely used" is fine, "is a" not) or a longer chain
        aux = fold(tagged[v][0])
    subject_tags = [t for _w, t in tagged[:v]]
    named = None
    if v == 1 and subject_tags == ["PRON"] and not fronted:
        from .claims import subject_name

        named = subject_name(ctx, rs, clause)
        if named is None:
            return None
        subject_tags = ["PROPN"]
    if not set(subject_tags) <= SUBJECT_TAGS or subject_tags[-1] not in ("NOUN", "PROPN"):
        return None
    verb_start, verb_end = start + spans[v][0], start + spans[v][1]
    if key.start <= verb_end or "," in text[start:verb_start]:
        return None  # the key is in the subject, or the subject is set off by a comma
    if any(w[:1] in "“\"'(" for w, _t in tagged[:v]):
        return None
    if aux is not None:
        do = aux
        lemma = ctx.text[verb_end : start + spans[nxt][1]].strip()  # "already made"
        verb = tagged[nxt][0]
        verb_end = start + spans[nxt][1]
        if key.start <= verb_end:
            return None
    else:
        verb = tagged[v][0]
        form = lemma_of(ctx, verb)
        if form is None:
            return None
        lemma, kind = form
        if kind == "base" and not (subject_tags[-1] == "NOUN" and fold(tagged[v - 1][0]).endswith("s")):
            kind = "past"  # "Carle set three rules": no singular subject takes a bare present
        do = (tmpl.get("do") or {}).get(kind)
        if not do:
            return None
    # the predicate from the verb to the end of the key's clause, the key (and its preposition) out
    between = text[verb_end : key.start]
    if not between.strip() and fold(verb) in ctx.t("naming_verbs", []):
        return None  # "a woman called Cynthia" names her: no "Who did a woman call?"
    if re.search(r"[,;:()“”\"]|\s[-–—]\s", between) or len(between.split()) > 10:
        return None  # the key is in another clause, a list or an aside
    if any(t in ("VERB", "AUX") for _w, t in ctx.upos(between)) if between.strip() else False:
        return None  # another verb before the key: a reduced relative ("fortunes made by ... are")
    if re.search(r"\b(?:that|which|who|whom|whose|because|when|if|while|and|or|but)\b", between, re.IGNORECASE):
        return None  # a clause or a list begins before the key: the question would mix them
    # a comma between digits is a thousands separator ("bailed for €50,000"), no clause break
    end = re.search(
        r"(?<!\d),|,(?!\d)|[;:(]|\s[-–—]\s|\s(?:and|but|while|because|which|who)\s", text[key.end : rs.sentence.end]
    )
    tail = text[key.end : key.end + end.start()] if end else text[key.end : rs.sentence.end]
    tail = tail.rstrip(" .!?")
    if key.type == "number" and re.match(r"\s*(?:after|before|later|earlier|ago|old|long|away)\b", tail):
        return None  # "45 minutes after ...": an interval, not a count
    first_after = ctx.upos(tail)[:1] if tail.strip() else []
    if first_after and first_after[0][1] == "VERB":
        return None  # "450,000 documents generated by the police": the key's own modifier would
        # be left behind ("How many documents had the panel inspected generated by ...?", round 49)
    wh, before = _wh(ctx, tmpl, key, between)
    if wh is None:
        return None
    subject = named or text[start:verb_start].strip()
    if not named and not _keep_capital(ctx, subject, start):
        subject = subject[:1].lower() + subject[1:]
    if fronted and not _keep_capital(ctx, fronted, rs.body_start):
        fronted = fronted[:1].lower() + fronted[1:]
    rest = _clean_clause(f"{before} {tail} {fronted}")
    prompt = " ".join(p for p in (wh, do, subject, lemma, rest) if p).strip()
    prompt = re.sub(r"\s+", " ", prompt)
    if len(prompt.split()) < 5 or len(prompt.split()) > 26:
        return None
    return Question(
        prompt + "?",
        f"{ctx.pack.code}.do.{key.type}",
        key.type,
        key.text,
        (key.start, key.end),
        f"'{key.text}' follows the verb '{verb}' of the sentence's main clause",
    )


def _wh(ctx: Context, tmpl: dict, key: Candidate, between: str) -> tuple[str | None, str]:
    """The question word for the key and what stays of the words between verb and key."""
    wh = tmpl.get("wh") or {}
    words = between.split()
    prep = fold(words[-1]) if words else ""
    if key.type in ("time", "place"):
        if prep not in (tmpl.get("preps") or {}).get(key.type, []):
            return None, ""
        if key.type == "place" and not confirmed(ctx, key):
            return None, ""
        year = bool(re.fullmatch(r"(?:1[89]|20)\d\d", key.text.strip()))
        name = "year" if year else key.type
        return wh.get(name), " ".join(words[:-1])
    if key.type == "number":
        m = re.match(r"^(\d[\d.,]*|\w+)\s+([a-z][\w-]*(?:\s[a-z][\w-]*)?)$", key.text)
        if not m or words and fold(words[-1]) in ("of", "than", "about", "around", "nearly", "almost", "over"):
            return None, ""  # "more than 80 ...", "one of": the exact figure is not what is asked
        if not re.search(r"\d", m.group(1)) and fold(m.group(1)) not in getattr(ctx.pack, "number_words", {}):
            return None, ""
        unit = m.group(2)
        if not unit.endswith("s") or fold(unit) in ("years", "per cent", "percent"):
            return None, ""  # "How many years" reads as a duration; a share is no count
        t = wh.get("count")
        return (t.format(unit=unit) if t else None), " ".join(words)
    if words:
        return None, ""  # a person or body right after the verb: its object
    if key.type == "person" and person_confidence(ctx, key) < 1:
        return None, ""
    if key.type == "organisation" and not confirmed(ctx, key):
        return None, ""
    return wh.get(key.type), ""
