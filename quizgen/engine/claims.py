"""Claims: what a sentence states, as a short statement a reader can check, and its false twins.

A claim is the main clause of a self-contained sentence of the article (no quote, no
pronoun that needs the previous sentence, no first person), cut at its first subordinate
boundary and stripped of a trailing attribution (``, kata X`` / ``, X said``). The main-idea
and statement writers build their options from claims:

* :func:`restate` gives a true claim in other words where it can (a leading time or place
  phrase moved to the end, a trailing one to the front, a clause cut), so a true option is
  not the article's sentence copied word for word;
* :func:`falsify` changes its meaning plausibly: two actors of the article swap roles, or a
  name, place, time or number is replaced by another one of the same type from the article.

Example::

    >>> claim = claim_of(ctx, ranked_sentence)          # doctest: +SKIP
    >>> claim.text
    'TH tewas bunuh diri usai menganiaya istrinya NL karena cemburu.'
    >>> [f.text for f in falsify(ctx, claim)][:1]
    ['NL tewas bunuh diri usai menganiaya istrinya TH karena cemburu.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Candidate
from .confidence import confirmed, inside_longer_name, modifier_use, person_confidence
from .context import Context
from .questions import _cut, _is_verbish
from .select import RankedSentence
from .textutil import capitalise_first, contains_phrase, fold

QUOTES = "“”\"‘’«»"
SWAP_TYPES = ("person", "organisation", "place", "time", "number")


@dataclass(frozen=True)
class Claim:
    sentence: int  # index of the source sentence
    paragraph: int
    text: str  # the statement as shown, capitalised, ending with a period
    entities: tuple[Candidate, ...]  # candidates of SWAP_TYPES standing in the text
    verbatim: bool  # the text is the whole sentence as the article writes it


@dataclass(frozen=True)
class FalseClaim:
    claim: Claim
    text: str
    changed: str  # what was changed, for the item's reason
    how: str  # "roles" (two actors swapped) or "other" (one fact replaced)


def _attribution_re(ctx: Context) -> re.Pattern:
    verbs = sorted(set(ctx.t("reporting_words", [])) | set(getattr(ctx.pack, "person_verbs", ())), key=len)
    alt = "|".join(re.escape(v) for v in reversed(verbs) if v)
    return re.compile(r",\s*(?:(?:" + alt + r")\b[^,.;]{0,60}|[^,.;]{0,40}\b(?:" + alt + r"))\s*[.!]?$", re.I)


def _strip_opener(ctx: Context, text: str) -> str:
    low = fold(text[:60])
    for p in sorted(ctx.t("strippable_openers", []), key=len, reverse=True):
        fp = fold(p)
        if low.startswith(fp + " "):
            m = re.match(r"\W*" + r"\W+".join(re.escape(w) for w in p.split()) + r"\b[\s,]*", text, re.I)
            if m:
                return text[m.end() :]
    return text


def claim_of(ctx: Context, rs: RankedSentence, max_words: int = 28) -> Claim | None:
    """The sentence's main statement, or ``None`` when it has none a reader can check alone."""
    memo = ctx.cache.setdefault("claims", {})
    if rs.sentence.index in memo:
        return memo[rs.sentence.index]
    memo[rs.sentence.index] = claim = _claim_of(ctx, rs, max_words)
    return claim


def _claim_of(ctx: Context, rs: RankedSentence, max_words: int) -> Claim | None:
    if not rs.usable:
        return None
    s = rs.sentence
    body = ctx.text[rs.body_start : s.end].strip()
    if "?" in body or "\n" in body or " -- " in body or re.search(r"[“\"‘][^”\"’]*\s[^”\"’]*\s[^”\"’]*\s", body):
        return None  # quotes belong to who-said-what items; questions and lists state nothing
    body = _strip_opener(ctx, body)
    body = re.sub(r"\s*\([^()]{0,60}\)", "", body)  # "TH (66)", "(ICANN)": asides
    body = re.sub(r"\s+[–—]\s+[^–—]{3,90}?\s+[–—]\s+", " ", body)  # "ICANN – a non-profit – has"
    body = re.sub(r"\s+", " ", body).strip()
    body = _attribution_re(ctx).sub("", body.rstrip(" .!")).strip()
    verbs = "|".join(re.escape(v) for v in ctx.t("inline_attribution", []))
    if verbs:  # "Istri korban, kata Bayu, belum bisa ...": the attribution inside the clause
        body = re.sub(r",\s*(?:" + verbs + r")\s+(?:[A-Z][\w.]*\s*){1,3},?\s*(?=[a-z])", " ", body)
    body = re.sub(r"^(?:[A-Z]\w*\s)?[A-Za-z]\w+ly,\s+", "", body)  # "Less convincingly, ..."
    body = body[:1].upper() + body[1:]
    if len(body.split()) > max_words:  # a long sentence: its main clause only
        cut = _cut(body.rstrip(".!"), ctx, min_words=7, max_words=max_words)
        if cut is None or len(cut.split()) > max_words:
            return None
        body = cut
    body = body.strip(" ,;:-–—").rstrip(".!")
    if body.count("(") != body.count(")"):
        return None
    first = fold(body).split()[:1]
    if first and first[0] in ctx.t("subordinators", []):
        m = re.match(r"^([^,]{8,120}),\s+(\S.*)$", body)
        if not m or len(m.group(2).split()) < 5 or not any(_is_verbish(ctx, w) for w in m.group(1).split()[1:]):
            return None
        # "Ketika balap dihentikan, Lorenzo melorot ..." -> "Lorenzo melorot ... ketika balap dihentikan"
        main = m.group(2)
        if not _keeps_capital(ctx, main):
            main = main[:1].upper() + main[1:]
        body = f"{main} {body[:1].lower() + body[1:m.end(1)]}"
        first = fold(body).split()[:1]
    if first and first[0] in set(ctx.t("subordinators", [])) | set(ctx.t("pronoun_openers", [])):
        return None
    n = len(body.split())
    verbs = set(ctx.t("verb_words", [])) | set(ctx.t("negations", []))
    if n < 6 or not any(_is_verbish(ctx, w) or fold(w) in verbs for w in body.split()[1:]):
        if n < 8:
            return None  # a fragment with no verb (a caption, a headline) is not a statement
    low = f" {fold(body)} "
    if any(f" {w} " in low for w in ctx.t("first_person", []) + ctx.t("hedge_words", [])):
        return None  # an opinion or a guess is not a statement a reader can check
    dangling = set(ctx.t("list_joins", [])) | set(ctx.t("embed_words", [])) | set(ctx.t("dangling_words", []))
    if fold(body).split()[-1] in dangling or re.search(r",\s*$", body):
        return None  # cut short ("... Qatar 2017 dan")
    if re.search(r"[#@]\w|https?:|www\.", body):
        return None
    text = capitalise_first(body) + "."
    ents = tuple(
        c
        for c in ctx.by_sentence.get(s.index, ())
        if c.type in SWAP_TYPES and c.start >= rs.body_start and contains_phrase(body, c.text)
    )
    verbatim = fold(text) == fold(s.text)
    return Claim(s.index, s.paragraph, text, ents, verbatim)


def _replace(text: str, old: str, new: str) -> str | None:
    m = re.search(r"(?<!\w)" + re.escape(old) + r"(?!\w)", text)
    if not m:
        return None
    return text[: m.start()] + new + text[m.end() :]


def restate(ctx: Context, claim: Claim) -> str:
    """The claim in other words where a safe rewrite exists: a leading adverbial phrase
    (``Pada Rabu, ...`` / ``On Monday, ...``) moved to the end. Otherwise the claim itself,
    which is already shorter than its sentence when a clause or an attribution was cut."""
    text = claim.text.rstrip(".")
    m = re.match(r"^([^,]{3,45}),\s+(\S.*)$", text)
    if m:
        head, rest = m.group(1), m.group(2)
        lead = fold(head).split()[:1]
        is_adverbial = bool(lead) and (
            lead[0] in ctx.t("time_lead_words", [])
            or any(c.type == "time" and contains_phrase(head, c.text) for c in claim.entities)
        )
        if is_adverbial and len(head.split()) >= 2 and len(rest.split()) >= 5 and _is_verbish_any(ctx, rest):
            keep = head[:1].isupper() and _keeps_capital(ctx, head)
            head_lower = head if keep else head[:1].lower() + head[1:]
            first = rest.split()[0]
            rest = rest if _keeps_capital(ctx, first) else rest[:1].lower() + rest[1:]
            return capitalise_first(f"{rest} {head_lower}") + "."
    return claim.text


def _is_verbish_any(ctx: Context, text: str) -> bool:
    return any(_is_verbish(ctx, w) for w in text.split())


def _keeps_capital(ctx: Context, phrase: str) -> bool:
    """Is the phrase's first word a name (capitalised inside sentences of the article too)?"""
    first = phrase.split()[0].strip("(,") if phrase.split() else ""
    if not first or (first.isupper() and len(first) > 1):
        return bool(first)
    return bool(re.search(r"[a-z,;]\s+" + re.escape(first) + r"\b", ctx.text))


def _swappable(ctx: Context, c: Candidate) -> bool:
    if c.type == "number":  # a count or amount with its unit, or a year; not "RT 03"
        return bool(re.search(r"\d", c.text)) and (bool(c.unit) or bool(re.fullmatch(r"(?:1[89]|20)\d\d", c.text)))
    if c.type == "person" and person_confidence(ctx, c) < 2:
        return False  # "sirkuit Losail" is no person to swap with Lorenzo
    return confirmed(ctx, c) and not inside_longer_name(ctx, c) and not modifier_use(ctx, c)


def falsify(ctx: Context, claim: Claim) -> list[FalseClaim]:
    """False twins of a claim, best first: two actors of the claim swapped (who did what to
    whom), then one name, place, time or number replaced by another of the article's."""
    from .distractors import distractor_pool

    out: list[FalseClaim] = []
    text = claim.text
    ents = [c for c in claim.entities if _swappable(ctx, c)]
    seen: set[str] = set()
    # roles: two different actors of the same kind in one claim change places
    for i, a in enumerate(ents):
        for b in ents[i + 1 :]:
            if a.type != b.type or a.type not in ("person", "organisation", "place"):
                continue
            if ctx.group_of(a) == ctx.group_of(b) or fold(a.text) in fold(b.text) or fold(b.text) in fold(a.text):
                continue
            swapped = _replace(text, a.text, "\x00")
            swapped = swapped and _replace(swapped, b.text, a.text)
            swapped = swapped and swapped.replace("\x00", b.text)
            if swapped and fold(swapped) != fold(text) and swapped not in seen:
                seen.add(swapped)
                out.append(FalseClaim(claim, swapped, f"'{a.text}' and '{b.text}' swapped", "roles"))
    # one fact replaced by another of the article of the same type
    for c in sorted(ents, key=lambda c: (c.type not in ("number", "person"), -c.score)):
        if c.type == "organisation":
            continue  # a body for another may be its parent or its part: not surely false
        pool = [d for d in distractor_pool(ctx, c) if d.origin in ("article", "rule")]
        if c.type != "number":
            pool = [d for d in pool if d.origin == "article"]
        by_text = ctx.by_text()
        for d in pool[:4]:
            if contains_phrase(text, d.text) or _still_true(ctx, claim, c, d.text):
                continue
            other = by_text.get(d.text)
            if other is not None and (
                other.type != c.type or (other.type == "person" and person_confidence(ctx, other) < 2)
            ):
                continue
            swapped = _replace(text, c.text, d.text)
            if swapped and fold(swapped) != fold(text) and swapped not in seen:
                seen.add(swapped)
                out.append(FalseClaim(claim, swapped, f"'{c.text}' replaced by '{d.text}'", "other"))
                break
    neg = negate(ctx, claim)
    if neg and neg not in seen:
        out.append(FalseClaim(claim, neg, "the main verb negated", "negated"))
    return out


def negate(ctx: Context, claim: Claim) -> str | None:
    """The claim with its first finite verb negated (``tidak`` / ``not`` after an auxiliary),
    or a negation removed; ``None`` when the clause has no clear first verb."""
    words = claim.text.split()
    negs = set(ctx.t("negations", []))
    auxes = set(ctx.t("negatable_auxiliaries", []))
    word = ctx.t("negation_word")
    if not word:
        return None
    relative = set(ctx.t("embed_words", []))
    limiters = set(ctx.t("negation_blockers", []))
    for i, w in enumerate(words[1:], start=1):
        low = w.lower().strip(",.")
        if low in relative or words[i - 1].lower() in limiters:
            return None  # the verb of a relative clause, or "hanya mampu": no clean negation
        if low in negs:
            if i + 1 < len(words) and words[i + 1].lower() not in negs:
                return " ".join(words[:i] + words[i + 1 :])  # "tidak mampu" -> "mampu"
            return None
        if w[:1].isupper() or not w[:1].isalpha():
            continue
        if low in auxes:
            nxt = words[i + 1].lower().strip(",.") if i + 1 < len(words) else ""
            if nxt in negs or nxt in ctx.t("negation_blockers", []):
                return None  # "have not also been": no clean negation
            swap = (ctx.t("negated_forms") or {}).get(low)
            if swap:  # "sudah" -> "belum"
                return " ".join(words[:i] + [swap] + words[i + 1 :])
            at = i + 1 if ctx.pack.code == "en" else i
            return " ".join(words[:at] + [word] + words[at:])
        if ctx.pack.code != "en" and _is_verbish(ctx, w) and low not in ctx.t("verb_words", []):
            return " ".join(words[:i] + [word] + words[i:])
        if "," in w:
            return None
    return None


def _still_true(ctx: Context, claim: Claim, key: Candidate, other: str) -> bool:
    """Does another sentence say much the same with ``other`` in it (so the swap is true too)?"""
    stop = getattr(ctx.pack, "stopwords", frozenset())
    own = {w for w in fold(claim.text).split() if w not in stop} - set(fold(key.text).split())
    first = fold(other).split()[:1]
    for i in ctx.sentences_with(first[0]) if first else ():
        if i == claim.sentence or not contains_phrase(ctx.sentence(i).text, other):
            continue
        if own and len(own & ctx.sentence_words[i]) / len(own) >= 0.5:
            return True
    return False
