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
4. Evidence for a type, each with a strength and a reason: gazetteer (place), alias of a
   gazetteer name (``AS``), organisation word (``Bank``), title before it (person), a
   speech verb next to it (person), a place preposition before it (place).

Typing across mentions (``Putin`` is ``Vladimir Putin``) happens in :mod:`.aliases`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..article import Sentence, Token
from .lexicon import Lexicon, norm_name

_LETTERS = re.compile(r"[^\W\d_]")
_POSSESSIVE = ("'s", "’s")
# Lowercase words that continue an organisation's name ("Bank of England", "Ministry for ...").
_ORG_CONNECTORS = frozenset({"of", "for", "de", "du", "des", "der", "van", "von"})


@dataclass(frozen=True)
class Evidence:
    type: str
    strength: float
    reason: str
    subtype: str | None = None


@dataclass(frozen=True)
class Mention:
    """One name mention with the evidence found around it."""

    text: str
    start: int
    end: int
    sentence: int
    paragraph: int
    words: tuple[str, ...]  # the tokens as written
    acronym: bool
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> str:
        return norm_name(self.text)


@dataclass
class _Ctx:
    """Per-article facts the common-word test needs."""

    lex: Lexicon
    lower_vocab: set[str]
    cap_mid: set[str]
    zipf: dict[str, float]
    derived: dict[str, bool]
    dropped: list[tuple[int, int, str]]
    acronyms: dict[str, int]  # how often each acronym occurs in the article
    acronyms: dict[str, int]  # how often each acronym occurs in the article


def _is_acronym(word: str) -> bool:
    """``AS``, ``PBB``, ``DPR-RI``, ``KTP-e``, ``U.S.``: a short word whose head is in capitals."""
    letters = _LETTERS.findall(word)
    head = word.split("-")[0]
    return 2 <= len(letters) <= 8 and len(_LETTERS.findall(head)) >= 2 and head.isupper()


def _zipf(ctx: _Ctx, low: str) -> float:
    z = ctx.zipf.get(low)
    if z is None:
        z = ctx.zipf[low] = float(ctx.lex.pack.zipf(low))
    return z


def _is_derived(ctx: _Ctx, low: str) -> bool:
    """Whether ``low`` is an affixed form of a frequent word (``ketegangan``, ``lansiran``)."""
    d = ctx.derived.get(low)
    if d is None:
        affixes = getattr(ctx.lex.pack, "affixes", None)
        d = False
        if affixes is not None:
            prefix, stem, suffix = affixes(low)
            d = bool((prefix or suffix) and len(stem) >= 3 and stem != low and _zipf(ctx, stem) >= 3.0)
        ctx.derived[low] = d
    return d


def common_word_reason(ctx: _Ctx, word: str, run_len: int) -> str | None:
    """Why a capitalised sentence-initial ``word`` is a common word, or None if it may be a name."""
    low = word.lower()
    if low.endswith(_POSSESSIVE):
        low = low[:-2]
    lex = ctx.lex
    if low in lex.stopwords:
        return "sentence-initial stopword"
    if low in lex.gazetteer or word in lex.aliases or low in ctx.cap_mid:
        return None
    if run_len > 1 and (low in lex.org_cues or (low,) in lex.honorifics):
        return None  # "Perserikatan Bangsa-Bangsa", "Presiden Joko Widodo" at the start
    if low in ctx.lower_vocab:
        return "sentence-initial common word (also written in lowercase in the article)"
    if _is_derived(ctx, low):
        return "sentence-initial common word (affixed form of a common word)"
    if run_len == 1 and _zipf(ctx, low) >= 4.0:
        return f"sentence-initial common word (frequent in the language, zipf {_zipf(ctx, low):.1f})"
    return None


def _context(text: str, tokens: list[Token], initial: list[bool], lex: Lexicon) -> _Ctx:
    lower_vocab: set[str] = set()
    cap_mid: set[str] = set()
    acronyms: dict[str, int] = {}
    for tok, init in zip(tokens, initial, strict=True):
        w = tok.text
        c = w[0]
        if c.islower():
            lower_vocab.add(w)
        elif c.isupper():
            if not init:
                cap_mid.add(w.lower())
            if w.isupper():
                acronyms[w] = acronyms.get(w, 0) + 1
    return _Ctx(lex, lower_vocab, cap_mid, {}, {}, [], acronyms)


def initial_flags(text: str, tokens: list[Token], ranges: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts its sentence or a quotation."""
    flags = [False] * len(tokens)
    for a, b in ranges:
        if a < b:
            flags[a] = True
        for i in range(a + 1, b):
            gap = text[tokens[i - 1].end : tokens[i].start]
            if gap and gap[-1] in '“"‘:' or gap.endswith(": "):
                flags[i] = True
    return flags


def find_mentions(
    text: str,
    tokens: list[Token],
    sentences: tuple[Sentence, ...],
    ranges: list[tuple[int, int]],
    blocked: list[bool],
    initial: list[bool],
    lex: Lexicon,
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

    Returns:
        Mentions in text order, and ``(start, end, reason)`` of capitalised spans rejected.
    """
    ctx = _context(text, tokens, initial, lex)
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
    return _split_known_heads(text, mentions), dropped + ctx.dropped


def _split_known_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """Split ``Persegres Hari Yudo`` when ``Persegres`` stands alone elsewhere in the article.

    A long run whose first word is, elsewhere, a name of its own is that name followed by
    another one (a club or country before a player or official).
    """
    singles = {m.key for m in mentions if len(m.words) == 1}
    # a head that is a person on its own ("ujar Umar") is a first name: "Umar A Jenie"
    persons = {
        m.key
        for m in mentions
        if len(m.words) == 1 and any(e.type == "person" and e.strength >= 3 for e in m.evidence)
    }
    out: list[Mention] = []
    for m in mentions:
        if len(m.words) >= 3 and norm_name(m.words[0]) in singles - persons:
            head_end = m.start + len(m.words[0])
            rest = text.find(m.words[1], head_end)
            default = Evidence("person", 0.5, "no place or organisation cue; assumed a person")
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


def _edge_reason(word: str, lex: Lexicon) -> str | None:
    """Why a capitalised word at the edge of a run is not part of a name, or None."""
    if _is_acronym(word):
        return None
    if word.lower() in lex.stopwords:
        return "capitalised stopword"
    if word in lex.demonyms:
        return f"demonym (of {lex.demonyms[word]}), not a name"
    head, _, tail = word.rpartition("-")
    if head and _is_acronym(head) and len(tail) >= 3 and tail.islower():
        return "compound of an acronym and a common word"
    return None


def _prev_word(text: str, tokens: list[Token], i: int, a: int) -> str | None:
    """The lowercase token before ``tokens[i]`` if only a space separates them."""
    if i <= a:
        return None
    gap = text[tokens[i - 1].end : tokens[i].start]
    if gap.isspace() and "\n" not in gap:
        return tokens[i - 1].text.lower()
    return None


def _honorific_before(text: str, tokens: list[Token], i: int, a: int, lex: Lexicon) -> str | None:
    """A lowercase title right before the run (``pemimpin Korea Utara``, ``kata menteri X``)."""
    if i <= a or tokens[i - 1].text.lower() not in lex.honorific_lasts:
        return None
    words: list[str] = []
    k = i
    while k > a and len(words) < lex.max_honorific:
        w = _prev_word(text, tokens, k, a)
        if w is None:
            break
        words.insert(0, w)
        k -= 1
        if tuple(words) in lex.honorifics:
            return text[tokens[k].start : tokens[i - 1].end]
    return None


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


def _gazetteer_prefix(words: list[str], lex: Lexicon) -> tuple[int, str | None, str | None]:
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


def _analyse_run(text, tokens, i, j, a, b, si, par, initial, ctx: _Ctx, mentions, dropped) -> None:
    lex = ctx.lex
    # 2. a common word at the start of a sentence or quotation
    while i < j and initial[i] and not _is_acronym(tokens[i].text):
        why = common_word_reason(ctx, tokens[i].text, j - i)
        if why is None:
            break
        dropped.append((tokens[i].start, tokens[i].end, why))
        i += 1
    # stopwords, demonyms and the like at the edges ("The United States", "Pakistani Taliban")
    while i < j and (why := _edge_reason(tokens[i].text, lex)):
        dropped.append((tokens[i].start, tokens[i].end, why))
        i += 1
    while j > i and (why := _edge_reason(tokens[j - 1].text, lex)):
        dropped.append((tokens[j - 1].start, tokens[j - 1].end, why))
        j -= 1
    if i >= j:
        return
    # 3. titles, also inside a run ("Pemerintahan Presiden Susilo Bambang Yudhoyono")
    words = [t.text for t in tokens[i:j]]
    for k in range(1, len(words) - 2):
        n = _strip_honorific(words[k:], lex)
        if n and len(words) - k - n >= 2 and all(_zipf(ctx, w.lower()) < 4.5 for w in words[k + n :]):
            _segment(text, tokens, i, i + k, a, b, si, par, None, ctx, mentions)
            i += k
            words = words[k:]
            break
    title = _honorific_before(text, tokens, i, a, lex)
    n = _strip_honorific(words, lex)
    if n == len(words) and n > 1 and _is_acronym(words[-1]):
        n -= 1  # "Ketua DPR" is a title, but DPR is still named
    if n:
        title = text[tokens[i].start : tokens[i + n - 1].end]
        if n == len(words):
            dropped.append((tokens[i].start, tokens[j - 1].end, "title without a name"))
            return
        i += n
        words = words[n:]
    _segment(text, tokens, i, j, a, b, si, par, title, ctx, mentions)


def _segment(text, tokens, i, j, a, b, si, par, title, ctx: _Ctx, mentions, org_hint: bool = False) -> None:
    lex = ctx.lex
    words = [t.text for t in tokens[i:j]]
    lows = [w.lower().rstrip(".") for w in words]
    if title and len(words) >= 2:
        k = _last_anchor(words, ctx)
        if k is not None:
            # "Direktur Pelaksana IMF Michel Camdessus": title words, the organisation, the person
            if _is_acronym(words[k]) and k > 0:
                ctx.dropped.append((tokens[i].start, tokens[i + k - 1].end, "part of the title"))
                _segment(text, tokens, i + k, i + k + 1, a, b, si, par, None, ctx, mentions)
            else:
                _segment(text, tokens, i, i + k + 1, a, b, si, par, None, ctx, mentions, org_hint=True)
            _segment(text, tokens, i + k + 1, j, a, b, si, par, title, ctx, mentions)
            return
    size = _gazetteer_prefix(words, lex)[0] if len(words) > 1 else 0
    org = _org_cue(lows[size:], lex)
    if org is None and len(words) > 1:
        known = words[0] in lex.aliases or ctx.acronyms.get(words[0], 0) >= 2
        if size == 0 and _is_acronym(words[0]) and not _is_acronym(words[1]) and known:
            size = 1  # "KPK Febri Diansyah": the organisation, then the person
            _segment(text, tokens, i, i + size, a, b, si, par, None, ctx, mentions)
            _segment(text, tokens, i + size, j, a, b, si, par, title, ctx, mentions)
            return
        if 0 < size < len(words) and (title or len(words) - size >= 2):
            # "Presiden Rusia Vladimir Putin": the country, then the person
            _segment(text, tokens, i, i + size, a, b, si, par, None, ctx, mentions)
            _segment(text, tokens, i + size, j, a, b, si, par, title, ctx, mentions)
            return
    if org is None and size == len(words):
        org = _org_cue(lows, lex)
    start, end = tokens[i].start, tokens[j - 1].end
    last = words[-1]
    if len(last) > 3 and last[-2:] in _POSSESSIVE:
        end -= 2  # "Taliban's" is the Taliban
        words[-1] = last[:-2]
    surface = text[start:end]
    acronym = j - i == 1 and _is_acronym(words[0])
    ev: list[Evidence] = []
    key = norm_name(surface)
    if key in lex.gazetteer:
        sub = lex.gazetteer[key][1]
        ev.append(Evidence("place", 5, f"in the gazetteer as a {sub}", sub))
    if surface in lex.aliases:
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
    after = _next_word(text, tokens, j, b)
    if after in lex.person_verbs:
        ev.append(Evidence("person", 3 * weak, f"'{after}' after it"))
    before = _prev_word(text, tokens, i, a)
    if before in lex.person_verbs:
        ev.append(Evidence("person", 3 * weak, f"after '{before}'"))
    elif before in lex.place_cues:
        ev.append(Evidence("place", 2 * weak, f"'{before}' before it"))
    if org_hint and not any(e.strength >= 2 for e in ev):
        ev.append(Evidence("organisation", 2, "between a title and a name (the body the person belongs to)"))
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


def _last_anchor(words: list[str], ctx: _Ctx) -> int | None:
    """Index of the last acronym or gazetteer word followed by a 1-4 word name, if any."""
    lex = ctx.lex
    for k in range(len(words) - 2, -1, -1):
        w = words[k]
        if _is_acronym(w) or norm_name(w) in lex.gazetteer:
            rest = words[k + 1 :]
            if 1 <= len(rest) <= 4 and not any(_is_acronym(r) or norm_name(r) in lex.gazetteer for r in rest):
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


def _next_word(text: str, tokens: list[Token], j: int, b: int) -> str | None:
    """The lowercase token after a run, across at most a comma (``Putin, menegaskan``)."""
    if j >= b:
        return None
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap.strip() in ("", ","):
        return tokens[j].text.lower()
    return None


def name_score(count: int, paragraphs: int, strength: float) -> float:
    """Salience of a name: mentions (log), spread over paragraphs, and type confidence."""
    return round(2.0 + math.log2(1 + count) + 0.5 * min(paragraphs, 4) + (0.5 if strength >= 3 else -1.0), 3)
