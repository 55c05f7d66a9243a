"""How sure the engine is of a candidate's type, from the reasons the text layer gave.

Questions that name the type (Who, Which country, Siapa, Kota mana), distractors that must
be of the key's kind, and true/false swaps all need a *confirmed* type: a cue (a title, an
organisation word, a speech verb) or the gazetteer, not a capitalised word assumed to be a
person.
"""

from __future__ import annotations

import re

from ..article import Candidate
from .context import Context
from .textutil import fold

CAPITAL_WORD = re.compile(r"[A-Z\u00c0-\u00de][\w'’-]*")


def person_confidence(ctx: Context, c: Candidate) -> int:
    """2: a cue says person (a title, a verb of saying, the entity tagger sure of it); 1: a
    full name later shortened (the way news names people), or a name of two to four proper
    nouns the tagger takes for a person; 0: only assumed, or a name no person has (an
    acronym word: "PS TNI", "Marc VDS"; a one-word name on a weak guess: "Allah")."""
    memo = ctx.cache.setdefault("person_confidence", {})
    g = ctx.group_of(c)
    if g not in memo:
        members = ctx.groups.get(g, [c])
        forms = {m.text for m in members}
        if any(_not_a_name(ctx, f) for f in forms) or _place_name(ctx, forms):
            memo[g] = 0
        elif any(_strong_cue(ctx, r, len(m.text.split())) for m in members for r in m.reasons):
            memo[g] = 2
        elif _shortened_to_surname(forms):
            memo[g] = 1
        elif any(
            _weak_cue(r) and 2 <= len(m.text.split()) <= 4 and _proper_nouns(ctx, m)
            for m in members
            for r in m.reasons
        ):
            memo[g] = 1
        else:
            memo[g] = 0
    return memo[g]


# what follows a name in any language the packs cover, never a name on its own
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# words of team and company names in any language the packs cover
TEAM_WORDS = frozenset({"racing", "team", "motors", "motorsport", "united", "fc", "club", "group", "corp"})
_TAGGER_RE = re.compile(r"(?:entity tagger|name typer): person \((\d(?:\.\d+)?)\)")
_CUE_WORD_RE = re.compile(r"(?:after '([^']+)'|'([^']+)' after it)")


def _strong_cue(ctx: Context, reason: str, n_words: int) -> bool:
    """A title before the name, a verb of saying beside it, or (for a name of two words or
    more: "Google", "Apple" are no people) the tagger at least 0.9 sure."""
    if "title '" in reason:
        return True
    m = _TAGGER_RE.search(reason)
    if m and float(m.group(1)) >= 0.9 and n_words >= 2:
        return True
    speech = ctx.cache.get("speech_words")
    if speech is None:
        speech = ctx.cache["speech_words"] = {
            fold(w) for w in set(getattr(ctx.pack, "person_verbs", ())) | set(ctx.t("speech_verbs", []) or [])
        }
    return any(fold(w) in speech for pair in _CUE_WORD_RE.findall(reason) for w in pair if w)


def _weak_cue(reason: str) -> bool:
    return "assumed" not in reason and bool(_TAGGER_RE.search(reason) or _CUE_WORD_RE.search(reason))


def _not_a_name(ctx: Context, form: str) -> bool:
    """A word no person's name holds: an acronym ("TNI", "VDS") or a word of a team or body
    ("Racing", "Team", "FC": the pack's organisation cues)."""
    cues = set(getattr(ctx.pack, "org_cues", frozenset())) | TEAM_WORDS
    if form.strip(".").lower() in NAME_SUFFIXES:
        return True  # "Jr" alone ("Boaz Solossa Jr" cut short): the end of a name, no name
    if re.search(r"[A-Za-z]\d|\d[A-Za-z]", form):
        return True  # "Grow2Feed Liberia Fish Farm": a digit inside a word is a brand's
    for w in form.split():
        bare = w.strip(".,'’")
        if len(bare) >= 2 and bare.isupper() and bare.isalpha() and not re.fullmatch(r"[IVX]+", bare):
            return True
        if bare.lower() in cues:
            return True
    # a title with its year in brackets is a work: "Saving Christmas (2015)", "Movie 43 (2014)"
    return any(_WORK_YEAR.match(ctx.text, p + len(form)) for p in ctx.mentions(form))


_WORK_YEAR = re.compile(r"\s*\((?:1[89]|20)\d\d\)")


COMPASS = frozenset(
    "north south east west northern southern eastern western utara selatan timur barat".split()
)


def _place_name(ctx: Context, forms: set[str]) -> bool:
    """A name that reads as a place or a team from a place ("North East England", "Persib
    Bandung"): a compass word, or a last word the gazetteer knows as a place that the article
    never uses alone for the person ("Michael Jordan" ... "Jordan" is a person)."""
    gaz = getattr(ctx.pack, "gazetteer", {}) or {}
    singles = {f for f in forms if len(f.split()) == 1}
    for f in forms:
        ws = f.split()
        if len(ws) < 2:
            continue
        if any(w.lower() in COMPASS for w in ws):
            return True
        if gaz.get(ws[-1]) and ws[-1] not in singles and ctx.index.count(ws[-1]) <= ctx.index.count(f):
            return True  # the last word never stands alone, as a surname would
    return False


def _proper_nouns(ctx: Context, c: Candidate) -> bool:
    """Does the tagger read every word of the name, in its sentence, as a proper noun?"""
    s = ctx.sentence(c.sentence)
    off = c.start - s.start
    tags = [
        t
        for (_w, t), (a, b) in zip(ctx.upos(s.text), ctx.upos_spans(s.text), strict=False)
        if a >= off and b <= off + len(c.text)
    ]
    return bool(tags) and all(t in ("PROPN", None) for t in tags)


def _shortened_to_surname(forms: set[str]) -> bool:
    """A full name later written as its last word, as news names people ("Mark Zuckerberg",
    then "Zuckerberg"), unlike a brand and its product ("Facebook", "Facebook Home")."""
    longs = [f.split() for f in forms if len(f.split()) >= 2]
    shorts = {f for f in forms if len(f.split()) == 1}
    return any(words[-1] in shorts and words[0] not in shorts for words in longs)


def sure_texts(ctx: Context, type_: str) -> frozenset[str]:
    """Surface forms of candidates of this type whose type is confirmed (computed once)."""
    cache = ctx.cache.setdefault("sure_texts", {})
    if type_ not in cache:
        cache[type_] = frozenset(
            c.text for c in ctx.layer.candidates if c.type == type_ and confirmed(ctx, c)
        )
    return cache[type_]


def confirmed(ctx: Context, c: Candidate) -> bool:
    """Is the candidate's type backed by evidence rather than assumed?"""
    if c.type == "person":
        return person_confidence(ctx, c) >= 1
    if c.type == "place":
        gaz = getattr(ctx.pack, "gazetteer", {}) or {}
        return c.text in gaz
    if c.type == "organisation":
        return not any("assumed" in r for r in c.reasons)
    return True


def inside_longer_name(ctx: Context, c: Candidate) -> bool:
    """Does the span sit inside a longer capitalised name, before an acronym in brackets, or
    before a name particle ("Manchester United", "Google Glass", "Bashar al-Assad",
    "Kementerian Perhubungan (Kemenhub)")? Swapping it would make a name no one has."""
    text = ctx.text
    sentence = ctx.sentence(c.sentence)
    before_tokens = text[sentence.start : c.start].split()
    after = text[c.end : sentence.end]
    if before_tokens:
        prev = before_tokens[-1].strip('“"(‘')
        if CAPITAL_WORD.fullmatch(prev):
            opener = len(before_tokens) == 1  # capitalised only because it opens the sentence?
            honorifics = getattr(ctx.pack, "honorifics", frozenset())
            common = prev.lower() in getattr(ctx.pack, "stopwords", frozenset()) or _common(ctx, prev)
            if not (prev.lower() in honorifics or (opener and common)):
                return True
    nxt = after.lstrip()
    if after[:1] == " " and CAPITAL_WORD.match(nxt) and not nxt.startswith(("I ", "A ")):
        return True
    particles = getattr(ctx.pack, "name_particles", frozenset())
    first = nxt.split()[0].lower() if nxt.split() else ""
    if after[:1] in (" ", "-") and (first in particles or first.split("-")[0] in particles):
        return True
    if re.match(r"\s*\([A-Z]", after):
        return True  # "Korea Utara (Korut)": the bracket would name the key
    if re.match(r"\s+(?:dan|and|&|of|de|van)\s+[A-Z]", after):
        return True  # "Kementerian PANRB dan Reformasi Birokrasi"
    return False


def _common(ctx: Context, word: str) -> bool:
    try:
        return ctx.pack.zipf(word.lower()) >= 4.5
    except Exception:
        return False


def modifier_use(ctx: Context, c: Candidate) -> bool:
    """Is the name used as a modifier of the next word ("Friday prayers", "the US outdoor
    retailer") or, for a time, of the word before ("Tragedi Jumat")? Swapping it changes a
    label, not a fact."""
    text = ctx.text
    sentence = ctx.sentence(c.sentence)
    nxt = text[c.end : sentence.end].split()[:1]
    stop = getattr(ctx.pack, "stopwords", frozenset())
    if ctx.pack.code == "en" and nxt and nxt[0][:1].islower() and nxt[0].strip(",.;:") not in stop:
        return True
    before = text[sentence.start : c.start].split()[-1:]
    if before and fold(before[0]) in ctx.t("modifier_heads", []):
        return True  # "bahasa Indonesia", "Piala Eropa", "the Philippines": part of a fixed phrase
    if re.match(r"\s*-\s", text[c.end : c.end + 3]) or text[max(0, c.start - 3) : c.start].endswith(
        ("- ", "-")
    ):
        return True  # "Deddy - Dedi": one half of a pair name
    if c.type == "place" and (getattr(ctx.pack, "gazetteer", {}) or {}).get(c.text) in (
        "region",
        "continent",
    ):
        return True  # a region may contain the place swapped in: not clearly false
    if c.type == "time":
        prev = text[sentence.start : c.start].split()[-1:]
        cues = set(ctx.t("time_lead_words", []))
        if prev and prev[0].lower().strip(",(") not in cues and not prev[0].endswith(","):
            return True
    return False
