"""Detail items: "Who is Danny Kushlick?" / "Siapakah Hwang Min?": the role the article
gives a person.

Asks: who one of the article's people is. OneStopQA's experts ask it in most articles with
several voices ("Who is Gavin Sandercock?" -> "A researcher who conducted the study"): a
reader who skimmed mixes up who is who.
From: the role set off after a person's name ("Danny Kushlick, head of external affairs at
the Transform Drug Policy Foundation, said ..."; "Hwang Min, mantan menteri pertanian,"; a
relative "who is" / "yang merupakan" dropped): a noun phrase with no verb of its own outside
a relative clause, pointing back to nothing ("his lawyer", "the dealer behind that auction"
need another sentence).
Distractors: the roles the article gives its other people, never one of the same kind as the
key's (two students: both could be right), never a person sharing a name word with the key's
(two forms of one name); a national office ("the Minister for Women") is world knowledge, not
asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .builders import Draft, choice_draft
from .confidence import confirmed
from .context import Context
from .select import RankedSentence, rank_sentence
from .textutil import capitalise_first, fold, near_duplicate

# ", ROLE," or ", ROLE." right after a name (no quote, bracket or clause break inside)
_APPOSITION = re.compile(r",\s+([^,;:()“”\"‘’–—]{3,140}?)(?=,\s|\.\s|\.$)")
_NOMINAL = ("NOUN", "PROPN", "ADJ", "NUM", "DET", "PUNCT", "CCONJ", "ADP")
MIN_WORDS, MAX_WORDS = 2, 16


@dataclass(frozen=True)
class Role:
    group: str
    name: str
    role: str
    head: str  # the role's head noun before a preposition or relative word ("lecturer", "kepala")
    sentence: int
    start: int
    end: int


def _relatives(ctx: Context) -> set[str]:
    return set(ctx.t("relative_words", []))


def _clean(ctx: Context, role: str) -> str:
    role = role.strip()
    for opener in sorted(ctx.t("role_openers", []), key=len, reverse=True):
        if fold(role).startswith(opener + " "):
            return role[len(opener) + 1 :].strip()
    return role


def person_noun(ctx: Context, word: str) -> bool:
    """Does the word name a person by what they are or do ("lecturer", "activist", "peneliti",
    "wartawan"): the pack's ``person_nouns``, honorifics and role nouns, or a lower-case word
    with one of its ``person_noun_endings`` ("-ist", "-wan"; not one of its
    ``person_noun_not_endings``)?"""
    w = fold(word).strip("'’")
    if w in set(ctx.t("not_roles", [])):
        return False
    if len(w) < 2:
        return False
    if w in _person_words(ctx):
        return True
    if any(w.endswith(e) for e in ctx.t("person_noun_not_endings", [])):
        return False
    if word[:1].isupper():
        return False  # "Rochester", "Baxter": a name, unless the lists know the word ("Director")
    return any(w.endswith(e) and len(w) > len(e) + 2 for e in ctx.t("person_noun_endings", []))


def _person_words(ctx: Context) -> set[str]:
    memo = ctx.cache.get("person_words")
    if memo is None:
        words = set(ctx.t("person_nouns", [])) | set(ctx.t("role_nouns", []))
        for h in getattr(ctx.pack, "honorifics", ()) or ():
            words.update(fold(h).split())
        memo = ctx.cache["person_words"] = {fold(w) for w in words}
    return memo


def role_head(ctx: Context, role: str, min_words: int = MIN_WORDS) -> str | None:
    """The role's head noun ("lecturer" in "a psychology lecturer at the Federal University"),
    or ``None`` when the phrase is no role: a clause, a place, a list of names, a pointer
    back, a thing ("the expansion into Europe")."""
    words = role.split()
    if not min_words <= len(words) <= MAX_WORDS or not re.search(r"[^\W\d_]", role):
        return None
    tagged = ctx.upos(role)
    if not tagged or any(t is None for _w, t in tagged):
        return None  # no tagger: no way to tell a role from a clause
    if tagged[0][1] not in ("DET", "NOUN", "ADJ", "PROPN"):
        return None  # "said ...", "di Jakarta", "who in 1576 sailed ...", "kemudian ..."
    relatives = _relatives(ctx)
    pointing = set(ctx.t("anaphors", [])) | set(ctx.t("pointing_determiners", []))
    demonstratives = set(ctx.t("demonstratives_before", []))
    head, in_phrase = None, True
    head_first = bool(ctx.t("head_first", False))  # the pack's noun phrases open with their head
    for w, t in tagged:
        f = fold(w)
        if t == "DET" and f in demonstratives:
            return None  # "the dealer behind that auction" (round 41): "that" points back here
        if f in relatives:
            break  # "a financial analyst who worked with ...": the relative clause may hold verbs
        if f in pointing or t == "PRON":
            return None  # "his lawyer"
        if t not in _NOMINAL:
            return None  # a verb of its own: a clause, not a role
        if t == "ADP":
            in_phrase = False  # "head of policy at ...": the head stands before the first preposition
        if in_phrase and t in ("NOUN", "PROPN") and not (head_first and head):
            head = f  # English "a psychology lecturer", Indonesian "Kepala Pusat Data BNPB"
    return head if head and person_noun(ctx, head) else None


def _office(ctx: Context, role: str) -> bool:
    low = f" {fold(role)} "
    return any(f" {fold(o)} " in low for o in ctx.t("office_titles", []))


def _role_before(ctx: Context, c) -> tuple[str, int] | None:
    """Role words right before the name ("psychologist William Marston", "first-team coach
    René Meulensteen", "pengamat politik Ray Rangkuti"): lower-case words, the nearest a person
    noun, back to a function word; or a sentence that opens "ROLE, NAME" ("Kepala Pusat Data
    BNPB, Sutopo menjelaskan")."""
    text = ctx.text
    s = ctx.sentence(c.sentence)
    before = text[s.start : c.start]
    m = re.match(r"^([^,;:()“”\"]{3,120}),\s*$", before)
    if m and len(m.group(1).split()) <= 12 and person_noun(ctx, m.group(1).split()[0]):
        return m.group(1), s.start
    words = list(re.finditer(r"[\w’'-]+", before))
    if not words or before[words[-1].end() :].strip():
        return None  # a comma or a bracket between: no title of this name
    stop = set(getattr(ctx.pack, "stopwords", frozenset()))
    picked: list = []
    for w in reversed(words[-4:]):
        word = w.group()
        first_of_sentence = w.start() == 0
        if picked and before[w.end() : picked[0].start()].strip():
            break  # "building, biologist Aitor Galán": a comma ends the title
        if (
            fold(word) in stop
            or (word[:1].isupper() and not first_of_sentence)
            or any(ch.isdigit() for ch in word)
        ):
            break
        picked.insert(0, w)
    if len(picked) < 2 or not person_noun(ctx, picked[-1].group()):
        return None  # one word before a name is a title ("Sir", "Prince", "wife"), not a role
    ahead = before[: picked[0].start()].split()
    if ahead and fold(ahead[-1]) in set(ctx.t("anaphors", [])):
        return None  # "his wife Laurel Clark": whose?
    return before[picked[0].start() : picked[-1].end()], s.start + picked[0].start()


def person_roles(ctx: Context) -> list[Role]:
    """One role for each person the article gives one, in the article's order."""
    memo = ctx.cache.get("person_roles")
    if memo is not None:
        return memo
    from .write_relation import _full_name

    out: dict[str, Role] = {}
    text = ctx.text
    for c in sorted(ctx.layer.candidates, key=lambda c: c.start):
        if c.type != "person" or ctx.group_of(c) in out or not confirmed(ctx, c):
            continue
        found = []
        m = _APPOSITION.match(text, c.end)
        if m:
            found.append((_clean(ctx, m.group(1)), m.start(1), MIN_WORDS))
        b = _role_before(ctx, c)
        if b:
            found.append((b[0], b[1], 1))
        for role, at, least in found:
            head = role_head(ctx, role, least)
            if head is None or _office(ctx, role):
                continue
            if any(
                o.type == "person" and at <= o.start < at + len(role)
                for o in ctx.by_sentence.get(c.sentence, ())
            ):
                continue  # "Bupati Sambas Atbah Romin Suhaili": another person's title, not this one's
            name = _full_name(ctx, c)
            if set(fold(name).split()) & set(fold(role).split()):
                continue  # "Pullman, writer of the Pullman trilogy": the name gives it away
            if role[:1].isupper() and at == ctx.sentence(c.sentence).start and ctx.pack.code == "en":
                role = role[:1].lower() + role[1:]  # "First-team coach René ...": the sentence's capital
            out[ctx.group_of(c)] = Role(ctx.group_of(c), name, role, head, c.sentence, at, at + len(role))
            break
    ctx.cache["person_roles"] = value = list(out.values())
    return value


def _content_words(ctx: Context, text: str) -> set[str]:
    stop = set(getattr(ctx.pack, "stopwords", frozenset()))
    return {w for w in re.findall(r"\w+", fold(text)) if w not in stop}


def write_roles(ctx: Context, ranked: list[RankedSentence]) -> list[Draft]:
    """ "Who is X?" with the roles of the article's other people as distractors."""
    roles = person_roles(ctx)
    if len(roles) < 3:
        return []
    by_index = {rs.sentence.index: rs for rs in ranked}
    tmpl = ctx.t("who_is", "Who is {who}?")
    drafts = []
    for r in roles:
        own_words = set(fold(r.name).split())
        rw = _content_words(ctx, r.role)
        n = len(r.role.split())
        others: list[Role] = []
        for o in sorted(roles, key=lambda o: abs(len(o.role.split()) - n)):
            if o is r or set(fold(o.name).split()) & own_words:
                continue  # the same person under another form of the name
            ow = _content_words(ctx, o.role)
            if ow <= rw or rw <= ow or (o.head == r.head and min(len(ow), len(rw)) < 3):
                continue  # "a student" beside "a psychology student": either could be right
            if not 0.4 <= len(o.role.split()) / n <= 2.5:
                continue  # a much longer or shorter option stands out
            if any(near_duplicate(o.role, x.role) for x in others):
                continue  # never one role twice
            others.append(o)
            if len(others) == 3:
                break
        if len(others) < 2:
            continue
        rs = by_index.get(r.sentence) or rank_sentence(ctx, ctx.sentence(r.sentence))
        drafts.append(
            choice_draft(
                ctx,
                rs,
                prompt=tmpl.format(who=r.name),
                answer=capitalise_first(r.role),
                distractors=[capitalise_first(o.role) for o in others],
                skill="detail",
                template=f"{ctx.pack.code}.who_is",
                why=f"the role the article gives {r.name}; the options are the roles of its other people",
                score=2.2 + 0.2 * len(others),
                group="who_is",  # one per bank: its options tell who the others are
                answer_span=(r.start, r.end),
                shown={r.sentence: True, **{o.sentence: True for o in others}},
            )
        )
    return drafts
