"""Link name mentions that refer to the same thing, then type each group as a whole.

Links, in order:

1. Same normalised form: ``Kim Jong-un`` = ``Kim Jong Un`` (case, hyphens, spaces).
2. The pack's aliases: ``AS`` = ``Amerika Serikat``, ``Korut`` = ``Korea Utara``.
3. Acronym initials: ``PBB`` = ``Perserikatan Bangsa-Bangsa`` when exactly one name
   in the article has those initials.
4. One-word mentions of a person's first or last name: ``Putin`` = ``Vladimir Putin``,
   ``Kim`` = ``Kim Jong-un``, when exactly one person in the article fits; likewise
   ``Juventus`` = ``Klub Juventus``.
5. A shorter form of a longer person name: ``Yong Jin`` = ``Ri Yong Jin``.

A group takes the type of its strongest evidence (gazetteer > organisation word or title
> speech verb > place preposition > default), so a bare ``Putin`` at the start of a
sentence is a person because ``Presiden Rusia Vladimir Putin`` is.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .found import Found
from .lexicon import Lexicon, norm_name
from .nametypes import name_score
from .namewords import SHORT_FORM, Evidence, Mention


def _initials(name: str, lex: Lexicon) -> set[str]:
    words = [w for w in norm_name(name).split() if w]
    full = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w not in lex.particles and w not in lex.stopwords).upper()
    return {full, content}


_STRONG = 4  # gazetteer, alias, organisation word, title: decisive on their own


def _best(evidence: list[Evidence] | tuple[Evidence, ...]) -> Evidence:
    """The deciding evidence of a group.

    Strong evidence (a gazetteer entry, a title, an organisation word) decides on its own,
    the strongest first. Otherwise weak cues are added up per type, so one ``dari Kim``
    (a place preposition) does not outvote eight plain mentions of a person's name.
    """
    if len(evidence) == 1:
        return evidence[0]
    totals: dict[str, float] = defaultdict(float)
    strong = False
    for e in evidence:
        totals[e.type] += e.strength
        strong = strong or e.strength >= _STRONG
    if strong:
        return max(evidence, key=lambda e: (e.strength, totals[e.type]))
    return max(evidence, key=lambda e: (totals[e.type], e.strength))


def _person_initials(m: Mention) -> bool:
    """An acronym typed a person by strong evidence (``AS (37)``): initials, not an alias."""
    return any(e.type == "person" and e.strength >= _STRONG for e in m.evidence)


def _pieces(names: list[str]) -> dict[str, list[str]]:
    """For each ``name``, every leading and trailing part of it cut at a space: the names
    that start with ``piece + " "`` or end with ``" " + piece``, each once, in order."""
    out: dict[str, list[str]] = defaultdict(list)
    for k in names:
        seen: set[str] = set()
        for i, c in enumerate(k):
            if c == " ":
                for piece in (k[:i], k[i + 1 :]):
                    if piece not in seen:
                        seen.add(piece)
                        out[piece].append(k)
    return out


def group_mentions(mentions: list[Mention], lex: Lexicon) -> list[Found]:
    """Group and type name mentions; return one Found per mention.

    Args:
        mentions: Mentions from :func:`quizgen.text.names.find_mentions`, in text order.
        lex: The language's lexicon.

    Returns:
        A Found per mention, typed by its group, with ``group`` ``"name:<normalised name>"``.
    """
    if not mentions:
        return []
    # 1-2: a key per mention
    keys: list[str] = []
    # an acronym that is a person's initials once ("AS (37)") is that person throughout
    initials = {m.text for m in mentions if m.acronym and _person_initials(m)}
    if initials:
        mentions = [
            replace(m, evidence=tuple(e for e in m.evidence if not e.reason.startswith("short form of")))
            if m.acronym and m.text in initials
            else m
            for m in mentions
        ]
    for m in mentions:
        key = m.key
        if m.acronym and m.text in initials:
            pass  # "AS (37)" names a person: never linked to Amerika Serikat
        elif m.text in lex.aliases:
            key = norm_name(lex.aliases[m.text])
        elif key in lex.alias_norm and not m.acronym:
            key = norm_name(lex.alias_norm[key])
        keys.append(key)
    members: dict[str, list[int]] = defaultdict(list)
    for idx, key in enumerate(keys):
        members[key].append(idx)

    def group_type(key: str) -> Evidence:
        return _best([e for i in members[key] for e in mentions[i].evidence])

    link_reason: dict[str, str] = {}
    # 3: acronyms by initials (an index from initials to the names that have them)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key in members:
        if len(key.split()) > 1:
            for ini in _initials(mentions[members[key][0]].text, lex):
                by_initials[ini].add(key)
    for key in list(members):
        m0 = mentions[members[key][0]]
        if not m0.acronym or key != m0.key or m0.text in initials:
            continue  # not an acronym, already resolved by the pack's aliases, or a person's initials
        letters = "".join(c for c in m0.text if c.isalpha()).upper()
        fits = [k for k in by_initials.get(letters, ()) if k in members]
        if len(fits) == 1:
            link_reason[key] = f"initials of '{mentions[members[fits[0]][0]].text}'"
            _merge(members, keys, key, fits[0])
    # 4: first or last name of exactly one person
    by_part: dict[str, list[str]] = defaultdict(list)
    short_forms = {m.key for m in mentions if any(e.reason.startswith(SHORT_FORM) for e in m.evidence)}
    for key in members:
        parts = key.split()
        kind = group_type(key).type if len(parts) > 1 else None
        if kind == "person":
            for part in {parts[0], parts[-1]}:
                by_part[part].append(key)
        elif kind == "organisation":
            rest = [p for p in parts if p not in lex.org_cues]
            if len(rest) == 2 and sum(p in lex.gazetteer for p in rest) == 1:
                # "Persela Lamongan", "Persipura Jayapura": a club named with its town is, in
                # short, its other word ("pemain Persela" is no person, round 98)
                rest = [p for p in rest if p not in lex.gazetteer]
            elif len(rest) == 2 and rest[0] in short_forms:
                rest = rest[:1]  # "Persela Lamongan": its first word stands for it (names.SHORT_FORM)
            if len(rest) == 1:  # "Klub Juventus" is Juventus
                by_part[rest[0]].append(key)
    for key in list(members):
        if len(key.split()) != 1 or mentions[members[key][0]].acronym:
            continue
        fits = by_part.get(key, [])
        if len(fits) == 1 and group_type(key).strength < 5:
            link_reason[key] = f"same as '{mentions[members[fits[0]][0]].text}'"
            _merge(members, keys, key, fits[0])
    # 5: a shorter multi-word form of exactly one person ("Yong Jin" = "Ri Yong Jin")
    persons = [k for k in members if len(k.split()) > 2 and group_type(k).type == "person"]
    by_piece = _pieces(persons)  # what each person's name starts or ends with, at a space
    for key in list(members):
        n = len(key.split())
        if n < 2 or mentions[members[key][0]].acronym:
            continue
        fits = [k for k in by_piece.get(key, ()) if k != key]
        if len(fits) == 1 and group_type(key).strength < 5 and key in members:
            link_reason[key] = f"same person as '{mentions[members[fits[0]][0]].text}'"
            _merge(members, keys, key, fits[0])
    # type each group and build the candidates
    out: list[Found] = []
    for key, idxs in members.items():
        evidence = [e for i in idxs for e in mentions[i].evidence]
        best = _best(evidence)
        subtype = best.subtype if best.type in ("place", "term") else None
        if best.type == "place" and subtype is None:
            subtype = next((e.subtype for e in evidence if e.subtype), None)
        paragraphs = {mentions[i].paragraph for i in idxs}
        sentences = {mentions[i].sentence for i in idxs}
        source = next(mentions[i].text for i in idxs if best in mentions[i].evidence)
        score = name_score(len(idxs), len(paragraphs), best.strength)
        spread = f"appears {len(idxs)} time{'s' if len(idxs) != 1 else ''} in {len(paragraphs)} paragraph{'s' if len(paragraphs) != 1 else ''}"
        for i in idxs:
            m = mentions[i]
            n = len(m.words)
            reasons = ["acronym" if m.acronym else f"capitalised name of {n} word{'s' if n != 1 else ''}"]
            own = _best(m.evidence) if m.evidence else best  # a mention typed only by its group
            borrowed = own.type != best.type or (own.strength < 2 <= best.strength)
            reasons += [
                e.reason for e in m.evidence if (e.strength >= 1 or e is own) and not (borrowed and e is own)
            ]
            if borrowed:
                reasons.append(f"{best.type}: as '{source}' ({best.reason})")
            if m.key in link_reason:
                reasons.append(link_reason[m.key])
            reasons.append(spread if len(sentences) > 1 else "appears once")
            out.append(
                Found(
                    m.start,
                    m.end,
                    best.type,
                    subtype,
                    tuple(dict.fromkeys(reasons)),
                    group="name:" + key,
                    score=score,
                )
            )
    out.sort(key=lambda f: f.start)
    return out


def _merge(members: dict[str, list[int]], keys: list[str], src: str, dst: str) -> None:
    for i in members.pop(src):
        keys[i] = dst
        members[dst].append(i)
    members[dst].sort()
