"""Name mentions: runs of capitalised words and acronyms, cut at titles and countries.

Steps, per sentence:

1. Runs: capitalised tokens (and acronyms) separated by one space, with name particles
   (``bin``, ``van``) and initials (``J. K.``) inside; never across a comma, a quote, a
   line break, or a time or number span (``Rabu``, ``Juni 2024``).
2. A sentence-initial (or quote-initial) capital on a common word is not a name: a
   stopword (``Dalam``, ``However``), a word also written in lowercase in the article
   (``Sanksi``), a derived word (``Ketegangan`` = ke-tegang-an) or a frequent one.
3. Titles are not part of the name: ``Presiden Rusia Vladimir Putin`` gives the title
   ``Presiden``, the country ``Rusia`` (gazetteer prefix) and the person
   ``Vladimir Putin``.
4. Each run is cut into mentions and given evidence for its type (:mod:`.nametypes`);
   the word tests live in :mod:`.namewords`.

Typing across mentions (``Putin`` is ``Vladimir Putin``) happens in :mod:`.aliases`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..article import Sentence, Token
from .lexicon import Lexicon, norm_name
from .nametypes import model_evidence, segment
from .namewords import (
    SHORT_FORM,
    Evidence,
    Mention,
    NameContext,
    common_word_reason,
    edge_reason,
    is_acronym,
    name_context,
    prev_word,
    zipf_of,
)

_MAX_RUN = 12  # longer runs of capitalised words are headings in title case, not names
# Lowercase words that continue an organisation's name ("Bank of England", "Ministry for ...").
_ORG_CONNECTORS = frozenset({"of", "for", "de", "du", "des", "der", "van", "von"})


def find_mentions(
    text: str,
    tokens: list[Token],
    sentences: tuple[Sentence, ...],
    ranges: list[tuple[int, int]],
    blocked: list[bool],
    initial: list[bool],
    lex: Lexicon,
    entities: object | None = None,
    word_classes: object | None = None,
) -> tuple[list[Mention], list[tuple[int, int, str]]]:
    """Find name mentions.

    Args:
        text: The article body.
        tokens: Its tokens.
        sentences: Its sentences.
        ranges: Token index range of each sentence.
        blocked: Per token, whether it is inside a time or number span.
        initial: Per token, whether it starts its sentence or a quotation (:func:`initial_flags`).
        lex: The language's lexicon.
        entities: The entity tagger's spans (:class:`quizgen.analysis.ner.EntityIndex`), if any.
        word_classes: The tagged tokens (:class:`quizgen.text.wordclass.TagIndex`), if any.

    Returns:
        Mentions in text order, and ``(start, end, reason)`` of capitalised spans rejected.
    """
    ctx = name_context(text, tokens, initial, lex)
    ctx.entities = entities
    ctx.word_classes = word_classes
    mentions: list[Mention] = []
    dropped: list[tuple[int, int, str]] = []
    abbreviations = {a.lower().rstrip(".") for a in lex.pack.abbreviations}
    for si, (a, b) in enumerate(ranges):
        sent = sentences[si]
        i = a
        while i < b:
            tok = tokens[i]
            if blocked[i] or not tok.text[0].isupper():
                i += 1
                continue
            j = i + 1
            has_org = tok.text.lower() in lex.org_cues
            while j < b:
                gap = text[tokens[j - 1].end : tokens[j].start]
                prev = tokens[j - 1].text
                joinable = gap == " " or (gap.isspace() and "\n" not in gap)
                if not joinable and gap in (". ", "."):
                    joinable = (len(prev) == 1 and prev.isupper()) or prev.lower() in abbreviations
                if not joinable or blocked[j]:
                    break
                w = tokens[j].text
                if w[0].isupper():
                    has_org = has_org or w.lower() in lex.org_cues
                    j += 1
                elif (
                    (w in lex.particles or (has_org and w in _ORG_CONNECTORS))
                    and j + 1 < b
                    and tokens[j + 1].text[0].isupper()
                    and not blocked[j + 1]
                    and text[tokens[j].end : tokens[j + 1].start] == " "
                ):
                    j += 1  # "Abu Bakar bin Ahmad", "Bank of England"
                else:
                    break
            _analyse_run(text, tokens, i, j, a, b, si, sent.paragraph, initial, ctx, mentions, dropped)
            i = j
    mentions = _split_known_heads(text, mentions, ctx.entities)
    return _club_short_forms(text, mentions, lex), dropped + ctx.dropped


_TAGGER = ("entity tagger:", "name typer:")  # the Indonesian and English models
SURE_ORGANISATION = 2.8  # evidence this strong (the tagger at 0.9, a cue word) tells a body


def _club_short_forms(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """``Persela`` of ``Persela Lamongan``: the first word of a two-word organisation that
    stands alone elsewhere is that organisation, whatever title comes before it ("pemain
    Persela" are the club's players, not a person called Persela); and a two-word run that
    opens with it and is written once, ``Persela Ferdiansyah`` ("penjaga gawang Persela
    Ferdiansyah"), is the club, then a person (rounds 98 and 110: "Persela Ferdiansyah" among
    the options of the goalkeeper, beside "Persela Lamongan"). Only where the organisation is
    told as one (a cue word, or the entity tagger sure of it) and the tagger reads the short
    form as a person no more often than as a body: "Agnez" is the singer, though the tagger
    reads "Agnez Mo" as a body."""

    def org_strength(m: Mention) -> float:
        return max((e.strength for e in m.evidence if e.type == "organisation"), default=0.0)

    def kind(m: Mention) -> str | None:
        return max(m.evidence, key=lambda e: e.strength).type if m.evidence else None

    singles = {m.key for m in mentions if len(m.words) == 1 and not m.acronym}
    counts: dict[str, int] = {}
    votes: dict[str, int] = {}  # the entity tagger's word on each single name: person +1, body -1
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
        if len(m.words) == 1:
            for e in m.evidence:
                if e.reason.startswith(_TAGGER) and e.type in ("person", "organisation"):
                    votes[m.key] = votes.get(m.key, 0) + (1 if e.type == "person" else -1)
    personal = {k for k, v in votes.items() if v > 0}
    orgs: dict[str, str] = {}
    for m in mentions:
        if len(m.words) != 2 or kind(m) != "organisation" or org_strength(m) < SURE_ORGANISATION:
            continue
        head, tail = (norm_name(w) for w in m.words)
        if (
            head in singles - personal
            and head not in lex.gazetteer
            and tail not in lex.org_cues
            and head not in lex.org_cues
        ):
            orgs.setdefault(head, m.text)
    if not orgs:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        head = norm_name(m.words[0])
        if len(m.words) == 1 and m.key in orgs:
            ev = tuple(e for e in m.evidence if not e.reason.startswith("title ")) + (
                Evidence("organisation", 4, f"{SHORT_FORM} '{orgs[m.key]}'"),
            )
            out.append(replace(m, evidence=ev))
        elif (
            len(m.words) >= 2
            and head in orgs
            and counts[m.key] == 1
            and m.text != orgs[head]
            and (len(m.words) > 2 or norm_name(m.words[1]) in singles)
        ):
            # "Persela Ferdiansyah", "pelatih Arema Aji Santoso": the club, then the person
            # (written alone elsewhere, when one word)
            rest = text.find(m.words[1], m.start + len(m.words[0]))
            club = Evidence("organisation", 4, f"{SHORT_FORM} '{orgs[head]}'")
            person = tuple(e for e in m.evidence if e.type != "organisation")
            out.append(
                replace(
                    m, text=m.words[0], end=m.start + len(m.words[0]), words=m.words[:1], evidence=(club,)
                )
            )
            out.append(replace(m, text=text[rest : m.end], start=rest, words=m.words[1:], evidence=person))
        elif (
            len(m.words) == 2
            and norm_name(m.words[1]) in orgs
            and counts[m.key] == 1
            and head in singles
            and head not in orgs
        ):
            # "menurut Aji Arema juga memastikan ...": the person written alone elsewhere, then
            # the club
            tail = text.find(m.words[1], m.start + len(m.words[0]))
            club = Evidence("organisation", 4, f"{SHORT_FORM} '{orgs[norm_name(m.words[1])]}'")
            person = tuple(e for e in m.evidence if e.type != "organisation")
            out.append(
                replace(m, text=m.words[0], end=m.start + len(m.words[0]), words=m.words[:1], evidence=person)
            )
            out.append(replace(m, text=m.words[1], start=tail, words=m.words[1:], evidence=(club,)))
        else:
            out.append(m)
    return out


def _split_known_heads(text: str, mentions: list[Mention], entities: object | None = None) -> list[Mention]:
    """Split ``Persegres Hari Yudo`` when ``Persegres`` stands alone elsewhere in the article.

    A long run whose first word is, elsewhere, a name of its own is that name followed by
    another one (a club or country before a player or official).
    """
    singles = {m.key for m in mentions if len(m.words) == 1}
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
    # a head that is a person on its own ("ujar Umar") is a first name: "Umar A Jenie"
    persons = {
        m.key
        for m in mentions
        if len(m.words) == 1 and any(e.type == "person" and e.strength >= 3 for e in m.evidence)
    }
    out: list[Mention] = []
    for m in mentions:
        # a name written the same way elsewhere is a name of its own ("Kim Jong Un")
        if (
            len(m.words) >= 3
            and counts[m.key] == 1
            and m.words[1][0].isupper()
            and norm_name(m.words[0]) in singles - persons
        ):
            head_end = m.start + len(m.words[0])
            rest = text.find(m.words[1], head_end)
            default = model_evidence(entities, m.start, head_end) or Evidence(
                "person", 0.5, "no place or organisation cue; assumed a person"
            )
            why = Evidence("person", 0.5, f"'{m.words[0]}' stands alone elsewhere in the article")
            out.append(
                Mention(
                    m.words[0], m.start, head_end, m.sentence, m.paragraph, m.words[:1], False, (default,)
                )
            )
            out.append(
                Mention(
                    text[rest : m.end],
                    rest,
                    m.end,
                    m.sentence,
                    m.paragraph,
                    m.words[1:],
                    False,
                    (*m.evidence, why),
                )
            )
        else:
            out.append(m)
    return out


def _compound_reason(word: str) -> str | None:
    """``Republican-led``, ``Jakarta-based`` before a name: an adjective, not part of it."""
    head, _, tail = word.rpartition("-")
    if head and head[0].isupper() and len(tail) >= 3 and tail.islower():
        return "compound adjective before a name"
    return None


def _honorific_before(text: str, tokens: list[Token], i: int, a: int, lex: Lexicon) -> str | None:
    """A lowercase title right before the run (``pemimpin Korea Utara``, ``kata menteri X``)."""
    if i <= a or tokens[i - 1].text.lower() not in lex.honorific_lasts:
        return None
    words: list[str] = []
    k = i
    while k > a and len(words) < lex.max_honorific:
        w = prev_word(text, tokens, k, a)
        if w is None:
            break
        words.insert(0, w)
        k -= 1
        if tuple(words) in lex.honorifics:
            return text[tokens[k].start : tokens[i - 1].end]
    return None


def _named_after_org_cue(
    text: str, tokens: list[Token], i: int, j: int, a: int, lex: Lexicon, ctx: NameContext
) -> bool:
    """Is the run (title words and all) a body's name: right after an organisation word
    ("sekolah Putri Moi Nairobi"), here or, for its first two words, anywhere in the article
    ("Pemerintah meminta Putri Moi ditutup")?"""
    if prev_word(text, tokens, i, a) in lex.org_cues:
        return True
    if j - i < 2:
        return False
    if ctx.org_heads is None:  # one pass over the text, not one per run (a 1 MB text)
        ctx.org_heads = {
            f"{m.group(2)} {m.group(3)}"
            for m in _ORG_HEAD.finditer(text)
            if m.group(1).lower() in lex.org_cues
        }
    return f"{tokens[i].text} {tokens[i + 1].text}" in ctx.org_heads


_ORG_HEAD = re.compile(r"(\w+)\s+(?=([A-Z][\w'’-]*)\s+([A-Z][\w'’-]*))")  # overlapping


def _strip_honorific(words: list[str], lex: Lexicon) -> int:
    """Number of leading tokens of ``words`` that are titles (longest match, repeated)."""
    n = 0
    while n < len(words) and words[n].lower().rstrip(".") in lex.honorific_firsts:
        for size in range(min(lex.max_honorific, len(words) - n), 0, -1):
            if tuple(w.lower().rstrip(".") for w in words[n : n + size]) in lex.honorifics:
                n += size
                break
        else:
            break
    return n


def _analyse_run(text, tokens, i, j, a, b, si, par, initial, ctx: NameContext, mentions, dropped) -> None:
    lex = ctx.lex
    if j - i > _MAX_RUN:
        dropped.append(
            (
                tokens[i].start,
                tokens[j - 1].end,
                f"{j - i} capitalised words in a row: title case, not a name",
            )
        )
        return
    # 2. a common word at the start of a sentence or quotation
    while i < j and initial[i] and not is_acronym(tokens[i].text):
        comma = i + 1 < len(tokens) and text.startswith(",", tokens[i].end)
        why = common_word_reason(ctx, tokens[i].text, j - i, comma)
        if why is None:
            break
        dropped.append((tokens[i].start, tokens[i].end, why))
        i += 1
    # stopwords, demonyms and the like at the edges ("The United States", "Pakistani Taliban")
    while i < j and (why := edge_reason(tokens[i].text, lex) or _compound_reason(tokens[i].text)):
        dropped.append((tokens[i].start, tokens[i].end, why))
        i += 1
    while j > i and (why := edge_reason(tokens[j - 1].text, lex)):
        dropped.append((tokens[j - 1].start, tokens[j - 1].end, why))
        j -= 1
    if i >= j:
        return
    # 3. titles, also inside a run ("Pemerintahan Presiden Susilo Bambang Yudhoyono")
    words = [t.text for t in tokens[i:j]]
    for k in range(1, len(words) - 2):
        n = _strip_honorific(words[k:], lex)
        if n and len(words) - k - n >= 2 and all(zipf_of(ctx, w.lower()) < 4.5 for w in words[k + n :]):
            segment(text, tokens, i, i + k, a, b, si, par, None, ctx, mentions)
            i += k
            words = words[k:]
            break
    title = _honorific_before(text, tokens, i, a, lex)
    n = _strip_honorific(words, lex)
    if n and _named_after_org_cue(text, tokens, i, j, a, lex, ctx):
        n = 0  # "asrama sekolah Putri Moi": the body's name, not a princess called Moi (round 110)
    if n == len(words) and n > 1 and is_acronym(words[-1]):
        n -= 1  # "Ketua DPR" is a title, but DPR is still named
    if n:
        title = text[tokens[i].start : tokens[i + n - 1].end]
        if n == len(words):
            dropped.append((tokens[i].start, tokens[j - 1].end, "title without a name"))
            return
        i += n
        words = words[n:]
    segment(text, tokens, i, j, a, b, si, par, title, ctx, mentions)
