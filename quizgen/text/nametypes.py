"""One name run to typed mentions: cut at countries, acronyms and titles, gather evidence.

:func:`segment` splits ``Rusia Vladimir Putin`` (after the title ``Presiden``) into the
country and the person, ``KPK Febri Diansyah`` into the organisation and the person, and
gives each mention its evidence: gazetteer (place), an alias of a gazetteer name (``AS``),
an organisation word (``Bank``, ``rumah sakit``), a title before it (person), a speech verb
next to it (person), a place preposition before it (place), or a weak default.
"""

from __future__ import annotations

import math
import re

from ..article import Token
from .lexicon import Lexicon, norm_name
from .namewords import POSSESSIVE, Evidence, Mention, NameContext, is_acronym, next_word, prev_word


def segment(
    text: str,
    tokens: list[Token],
    i: int,
    j: int,
    a: int,
    b: int,
    si: int,
    par: int,
    title: str | None,
    ctx: NameContext,
    mentions: list[Mention],
    org_hint: bool = False,
) -> None:
    """Cut the run ``tokens[i:j]`` into mentions with their evidence, appended to ``mentions``.

    Args:
        text: The article body.
        tokens: Its tokens.
        i: First token of the run.
        j: End of the run (exclusive).
        a: First token of the sentence.
        b: End of the sentence's tokens.
        si: Sentence index.
        par: Paragraph index.
        title: The title before the run (``Presiden``), if any.
        ctx: The article's facts (also collects dropped spans).
        mentions: Where mentions go.
        org_hint: The run sits between a title and a name (``Ketua DPD KNPI Aceh Syahrul``).
    """
    lex = ctx.lex
    words = [t.text for t in tokens[i:j]]
    lows = [w.lower().rstrip(".") for w in words]
    size = gazetteer_prefix(words, lex)[0] if len(words) > 1 else 0
    if title and len(words) >= 2 and not 0 < size < len(words):
        k = _last_anchor(words, ctx)
        if k is not None:
            # "Direktur Pelaksana IMF Michel Camdessus": title words, the organisation, the person
            if is_acronym(words[k]) and k > 0:
                ctx.dropped.append((tokens[i].start, tokens[i + k - 1].end, "part of the title"))
                segment(text, tokens, i + k, i + k + 1, a, b, si, par, None, ctx, mentions)
            else:
                segment(text, tokens, i, i + k + 1, a, b, si, par, None, ctx, mentions, org_hint=True)
            segment(text, tokens, i + k + 1, j, a, b, si, par, title, ctx, mentions)
            return
    org = _org_cue(lows[size:], lex)
    if org is None and len(words) > 1:
        known = words[0] in lex.aliases or ctx.acronyms.get(words[0], 0) >= 2
        if size == 0 and is_acronym(words[0]) and not is_acronym(words[1]) and known:
            size = 1  # "KPK Febri Diansyah": the organisation, then the person
            segment(text, tokens, i, i + size, a, b, si, par, None, ctx, mentions)
            segment(text, tokens, i + size, j, a, b, si, par, title, ctx, mentions)
            return
        if 0 < size < len(words) and (title or len(words) - size >= 2):
            # "Presiden Rusia Vladimir Putin": the country, then the person
            segment(text, tokens, i, i + size, a, b, si, par, None, ctx, mentions)
            segment(text, tokens, i + size, j, a, b, si, par, title, ctx, mentions)
            return
    if org is None and size == len(words):
        org = _org_cue(lows, lex)
    start, end = tokens[i].start, tokens[j - 1].end
    last = words[-1]
    if len(last) > 3 and last[-2:] in POSSESSIVE:
        end -= 2  # "Taliban's" is the Taliban
        words[-1] = last[:-2]
    surface = text[start:end]
    acronym = j - i == 1 and is_acronym(words[0])
    ev: list[Evidence] = []
    key = norm_name(surface)
    if key in lex.gazetteer:
        sub = lex.gazetteer[key][1]
        ev.append(Evidence("place", 5, f"in the gazetteer as a {sub}", sub))
    initials = acronym and _AGE_AFTER.match(text, end) is not None
    if initials:
        # "AS (37)": a suspect's initials and age, not Amerika Serikat
        ev.append(Evidence("person", 4.5, "initials with an age in brackets after them"))
    elif surface in lex.aliases:
        long = lex.aliases[surface]
        lkey = norm_name(long)
        if lkey in lex.gazetteer:
            sub = lex.gazetteer[lkey][1]
            ev.append(Evidence("place", 5, f"short form of '{long}', a {sub} in the gazetteer", sub))
        elif any(w.lower() in lex.org_cues for w in long.split()) or acronym:
            ev.append(Evidence("organisation", 4, f"short form of '{long}'"))
    if org is not None and not ev:  # "Amerika Serikat" is a country though "serikat" is an org word
        ev.append(Evidence("organisation", 4, f"organisation word '{org}'"))
    # Cues around an acronym are weak: "kata KPK", "Ketua DPR", "di DPR".
    weak = 0.5 if acronym else 1.0
    if title and not acronym:
        ev.append(Evidence("person", 4, f"title '{title}' before it"))
    after = next_word(text, tokens, j, b)
    if after in lex.person_verbs:
        ev.append(Evidence("person", 3 * weak, f"'{after}' after it"))
    before = prev_word(text, tokens, i, a)
    if before in lex.person_verbs:
        ev.append(Evidence("person", 3 * weak, f"after '{before}'"))
    elif before in lex.place_cues:
        ev.append(Evidence("place", 2 * weak, f"'{before}' before it"))
    elif before in lex.org_cues:  # "klub Juventus", "perusahaan Samsung", "partai Golkar"
        ev.append(Evidence("organisation", 3, f"'{before}' before it"))
    if org is None and len(words) > 1 and lows[0] in lex.place_cues:
        # "Pulau Seribu", "Kabupaten Bogor", "Semenanjung Korea": a place word heads the name
        ev.append(Evidence("place", 3, f"place word '{words[0]}' heads the name"))
    if not ev and len(words) > 1 and norm_name(words[-1]) in lex.gazetteer:
        # "Persija Jakarta", "Olimpiade Athena": named after a place, not a person
        ev.append(Evidence("organisation", 1.5, f"ends with the place name '{words[-1]}'"))
    if org_hint and not any(e.strength >= 2 for e in ev):
        ev.append(Evidence("organisation", 2, "between a title and a name (the body the person belongs to)"))
    if not ev and not acronym and j - i == 1 and surface.lower() in ctx.lower_vocab:
        ctx.dropped.append(
            (start, end, "common word with a capital (also written in lowercase in the article)")
        )
        return
    model = model_evidence(ctx.entities, start, end)
    if model is not None and not any(e.strength >= 4 for e in ev):
        ev.append(model)
    if not ev and not acronym and ctx.word_classes is not None:
        classes = ctx.word_classes.common_words(words) or ctx.word_classes.classes(start, end)
        if (
            classes
            and all(c in _COMMON_CLASSES for c in classes)
            and (ctx.entities is not None or len(classes) > 1)
        ):
            # "Kesehatan Hewan", "Sertifikat Veteriner": common words with capitals
            tags = "/".join(dict.fromkeys(classes))
            ev.append(Evidence("term", 1.5, f"common words with capitals ({tags}), no entity found", "name"))
    if acronym and not any(e.strength >= 2 for e in ev):
        ev.append(Evidence("organisation", 2, "acronym; assumed an organisation"))
    elif not ev:
        if j - i == 1 and surface.lower() in ctx.lower_vocab:
            ctx.dropped.append(
                (start, end, "common word with a capital (also written in lowercase in the article)")
            )
            return
        strength = 1.0 if j - i > 1 else 0.5
        ev.append(Evidence("person", strength, "no place or organisation cue; assumed a person"))
    mentions.append(Mention(surface, start, end, si, par, tuple(words), acronym, tuple(ev)))


_AGE_AFTER = re.compile(r"\s*\(\s*\d{1,3}\s*(?:th|tahun|thn)?\s*\)")
_MODEL_TYPES = ("person", "place", "organisation")
_COMMON_CLASSES = frozenset({"NOUN", "ADJ", "VERB", "ADV", "ADP", "CCONJ", "DET"})


def model_evidence(entities, start: int, end: int) -> Evidence | None:
    """The entity tagger's word on the name ``[start, end)``, as evidence, if it marked one.

    Its strength (1 to 3 with the model's confidence) sits below a title, an organisation
    word or the gazetteer (4-5) and above the weak cues, so the article's own cues win where
    they exist and the model decides where they do not. An event or a food (``Misa Natal``,
    ``rendang``) is typed a term: not a person, place or organisation.
    """
    if entities is None:
        return None
    e = entities.lookup(start, end)
    if e is None:
        return None
    strength = round(1 + 2 * e.confidence, 2)
    if e.type in _MODEL_TYPES:
        return Evidence(e.type, strength, f"{e.source}: {e.type} ({e.confidence:.2f})")
    return Evidence("term", strength, f"{e.source}: {e.type} ({e.confidence:.2f})", e.type)


def gazetteer_prefix(words: list[str], lex: Lexicon) -> tuple[int, str | None, str | None]:
    """Longest leading slice of ``words`` that is a gazetteer name or a known alias."""
    if words[0] not in lex.aliases and norm_name(words[0]).split(" ")[0] not in lex.gazetteer_firsts:
        return 0, None, None
    for size in range(min(max(lex.max_gazetteer, 1), len(words)), 0, -1):
        piece = " ".join(words[:size])
        key = norm_name(piece)
        if key in lex.gazetteer:
            return size, "gazetteer", lex.gazetteer[key][1]
        if size == 1 and piece in lex.aliases:
            long_key = norm_name(lex.aliases[piece])
            if long_key in lex.gazetteer:
                return size, "alias", lex.gazetteer[long_key][1]
    return 0, None, None


def _last_anchor(words: list[str], ctx: NameContext) -> int | None:
    """Index of the last acronym or gazetteer word followed by a 1-4 word name, if any."""
    lex = ctx.lex
    for k in range(len(words) - 2, -1, -1):
        w = words[k]
        if is_acronym(w) or norm_name(w) in lex.gazetteer:
            rest = words[k + 1 :]
            if 1 <= len(rest) <= 4 and not any(is_acronym(r) or norm_name(r) in lex.gazetteer for r in rest):
                return k
            return None
    return None


def _org_cue(lows: list[str], lex: Lexicon) -> str | None:
    """The first organisation word or phrase (``bank``, ``rumah sakit``) among ``lows``."""
    for n in range(len(lows)):
        for size in (1, 2, 3):
            if n + size <= len(lows):
                phrase = " ".join(lows[n : n + size])
                if phrase in lex.org_cues:
                    return phrase
    return None


def name_score(count: int, paragraphs: int, strength: float) -> float:
    """Salience of a name: mentions (log), spread over paragraphs, and type confidence."""
    return round(2.0 + math.log2(1 + count) + 0.5 * min(paragraphs, 4) + (0.5 if strength >= 3 else -1.0), 3)
