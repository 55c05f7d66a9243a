"""Question stems from templates: subject, time, place and cause questions.

Templates live in the language pack (``templates.json``); this module only finds where a
key stands in its sentence and fills the matching template. A template is used only where
the result is grammatical without reordering the sentence: subject questions replace the
subject; time and place questions remove an adverbial phrase (Indonesian keeps word order). Why
questions are the relation writer's (:mod:`.write_relation`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import Candidate
from .confidence import confirmed, person_confidence
from .context import Context
from .select import RankedSentence
from .textutil import fold, lower_first

TOKEN_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Question:
    prompt: str
    template: str
    skill: str
    answer: str
    answer_span: tuple[int, int] | None
    why: str


def _clean_clause(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    for a, b in (("(", ")"), ("“", "”")):
        if text.count(a) > text.count(b):
            text = text[: text.rindex(a)]  # cut before a parenthesis or quote left open by a cut
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = text.strip(" ,;:-–—")
    while text and text[-1] in '.!”"’':
        text = text[:-1].rstrip()
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = text.replace("“", "").replace("”", "").replace('"', "")
    return text


def _cut(rest: str, ctx: Context, min_words: int = 5, max_words: int = 28) -> str | None:
    """Shorten a clause at its first subordinate boundary (a clause-cut word, or a comma
    before one), keeping at least ``min_words``; ``None`` when no cut leaves a short enough,
    complete clause."""
    words = rest.split()
    cuts = set(ctx.t("clause_cuts", []))
    for i, w in enumerate(words):
        if i < min_words:
            continue
        bare = w.lower().strip(",;")
        nxt = words[i + 1].lower().strip(',;“"') if i + 1 < len(words) else ""
        if w.endswith(";") or (w.endswith(",") and (nxt in cuts or not nxt[:1].isalpha())):
            return " ".join(words[: i + 1]).rstrip(",;")
        if bare in cuts:
            return " ".join(words[:i])
    if len(words) > max_words:
        return None
    return rest


def _without_opener(ctx: Context, head: str) -> str:
    """The clause before the key without a connective that opens it (the pack's
    ``strippable_openers``: "Artinya, ...", "Sayangnya, ..."), which reads wrong in a question."""
    from .claims import _strip_opener

    return _strip_opener(ctx, head.lstrip())


def _opens_clause(ctx: Context, head: str) -> bool:
    """Does the clause open with a subordinator or a clause opener of the pack ("Sementara
    gelar ...", "Dengan populasi ...")? Moved into a question, it reads as no sentence."""
    first = fold(head.split()[0].strip(",;:")) if head.split() else ""
    return first in set(ctx.t("subordinators", [])) | set(ctx.t("clause_openers", []))


def unpaired(ctx: Context, text: str) -> bool:
    """Does ``text`` hold a word that needs a partner after it (the pack's ``paired_words``:
    "antara ... dan", "between ... and") without that partner? A clause cut at a comma may
    lose it ("Kapan perjanjian damai diteken antara Presiden Sudan?", round 103: "truncated");
    callers compare with the whole sentence ("antara lain" has no partner anywhere)."""
    pairs = ctx.t("paired_words", {})
    if not pairs:
        return False
    words = re.findall(r"\w+", fold(text))
    for i, w in enumerate(words):
        partners = pairs.get(w)
        if partners and not set(words[i + 1 :]) & set(partners):
            return True
    return False


def _keep_capital(ctx: Context, text: str, start: int) -> bool:
    """Does the clause start with a proper noun (or acronym) that keeps its capital?"""
    first = text.split()[0] if text.split() else ""
    if first.isupper() and len(first) > 1:
        return True
    bare = first.strip('“"‘(,')
    stop = getattr(ctx.pack, "stopwords", frozenset())
    if bare and bare.lower() not in stop and re.search(r"[a-z,;]\s+" + re.escape(bare) + r"\b", ctx.text):
        return True  # written with a capital inside sentences too ("Chinese", "Google")
    return any(
        c.start == start and c.type in ("person", "place", "organisation") for c in ctx.layer.candidates
    )


def _is_verbish(ctx: Context, word: str) -> bool:
    w = word.lower().strip(",.")
    if not w or not w[:1].isalpha() or word[:1].isupper():
        return False
    if w in ctx.t("verb_words", []):
        return True
    if w in getattr(ctx.pack, "stopwords", ()):
        return False
    prefixes = ctx.t("verb_prefixes", [])
    suffixes = ctx.t("verb_suffixes", [])
    if any(w.startswith(p) and len(w) > len(p) + 3 for p in prefixes):
        try:  # a verbal prefix on a known root ("diberlakukan"), not a look-alike ("digital")
            return bool(ctx.pack.affixes(w)[0])
        except Exception:
            return True
    return any(w.endswith(s) and len(w) > len(s) + 2 for s in suffixes)


def _has_cue(ctx: Context, rs: RankedSentence, name: str) -> bool:
    low = f" {fold(rs.sentence.text)} "
    return any(f" {fold(w)} " in low for w in ctx.t(name, []))


def joined_with_peer(ctx: Context, key: Candidate) -> bool:
    """Is the key one of a pair or list of the same kind ("Korea Selatan dan Jepang", "India,
    China")? A question about one of them has two defensible answers."""
    text = ctx.text
    joins = ctx.t("list_joins", [])
    for c in ctx.by_sentence.get(key.sentence, ()):
        if c is key or c.type != key.type:
            continue
        gap = text[key.end : c.start] if c.start >= key.end else text[c.end : key.start]
        if len(gap) <= 8 and (gap.strip() in (",", "") or fold(gap) in joins):
            return True
    return False


def _role_head(ctx: Context, head: str) -> bool:
    """Does the phrase open with a title or a role ("Pelatih fisik timnas Portugal", "Mantan
    pemain Liverpool")? Then it is an appositive of the name after it, not an adverbial."""
    first = fold(head).split()[:1]
    if not first:
        return False
    titles = {h.split()[0] for h in getattr(ctx.pack, "honorifics", ()) if h}
    return first[0] in titles or first[0] in set(ctx.t("role_nouns", []))


def _named_body(ctx: Context, key: Candidate) -> bool:
    """A body the question can call a party: its name holds a word of the pack's
    ``org_classes`` or organisation cues ("Kementerian", "PT", "FC"), or is an acronym
    ("KPK", "ICANN")."""
    words = {w.strip(".,()").lower() for w in key.text.split()}
    classes = {w for ws in (ctx.t("org_classes", {}) or {}).values() for w in ws}
    cues = set(getattr(ctx.pack, "org_cues", frozenset()))
    return bool(words & (classes | cues)) or bool(re.fullmatch(r"[A-Z]{2,}[a-z]?", key.text.strip()))


def _predicate_names_a_person(ctx: Context, rest: str) -> bool:
    """After a copula ("is a", "adalah"), does the noun the subject is said to be name a person
    ("a 40-year-old artist", "seorang pelatih")? "Islam is a religion of peace ..." (the name
    typer took Islam for a person) asks "Who is a religion ...?": ungrammatical and guessable,
    rejected in rounds 88 and 94. Any other verb: true (nothing to check)."""
    from .write_roles import person_noun

    tagged = ctx.upos(rest[:120])
    if not tagged or fold(tagged[0][0]) not in set(ctx.t("copulas", [])):
        return True
    nouns = []
    for w, t in tagged[1:10]:
        if t == "NOUN":
            nouns.append(w)
        elif not (t in ("DET", "NUM", "ADJ") or w == "-"):
            break  # the noun phrase ends ("who moved ...", "of peace", a verb, a name)
    if not nouns:
        return True  # "is expected to ...", "is Vladimir's ...": no predicate noun to check
    # its head: the first noun where phrases open with their head ("pelatih fisik timnas"),
    # else the last ("a 40-year-old artist")
    return person_noun(ctx, nouns[0] if ctx.t("head_first", False) else nouns[-1])


def subject_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    """``Siapa yang menerima ...?`` / ``Who lodged objections ...?``: the key is the subject."""
    text = ctx.text
    head = text[rs.body_start : key.start]
    allowed = set(ctx.t("subject_lead_words", []))
    honorifics = getattr(ctx.pack, "honorifics", frozenset())
    names = [
        (c.start, c.end)
        for c in ctx.by_sentence.get(key.sentence, ())
        if c.type in ("person", "place", "organisation")
    ]
    if (
        re.fullmatch(r"[A-Z][^,;:“”\"()]{2,60},\s*", head)
        and not any(_is_verbish(ctx, w) for w in head.split())
        and key.type == "person"
        and _role_head(ctx, head)
    ):
        head = ""  # "Pelatih fisik timnas Portugal, Joao Aroso yakin ...": a role set off by a comma
    for m in TOKEN_RE.finditer(head):
        w, at = m.group(), rs.body_start + m.start()
        in_name = any(s <= at < e for s, e in names)
        if not (
            in_name
            or w.lower() in allowed
            or w.lower() in honorifics
            or w.lower().rstrip(".") + "." in honorifics
        ):
            return None  # the subject holds more than titles and names: not a clean subject question
    if key.type == "person" and person_confidence(ctx, key) < 1:
        return None  # not sure it is a person: no "Who/Siapa" question
    if key.type in ("place", "organisation") and not confirmed(ctx, key):
        return None
    if key.type == "organisation" and not _named_body(ctx, key):
        return None  # "Pihak mana yang menyimpan ...? -> Master Maneuvering System": a device, no body
    if key.type == "place" and _has_cue(ctx, rs, "club_cues"):
        return None  # "Barcelona menang 3-0": the club, not the city
    rest_full = text[key.end : rs.sentence.end]
    for particle in ctx.t("subject_particles", []):
        m = re.match(r"\s*" + re.escape(particle) + r"\s+", rest_full, re.IGNORECASE)
        if m:
            rest_full = " " + rest_full[m.end() :]
    m = TOKEN_RE.search(rest_full)
    if not m or not _is_verbish(ctx, m.group()) or m.group().endswith((",", ":")):
        return None  # no verb after the subject, or reported speech after a comma
    if key.type == "person" and not _predicate_names_a_person(ctx, rest_full[m.start() :]):
        return None  # "Islam is a religion of peace ..." -> "Who is a religion ...?" (rounds 88, 94)
    kind = key.subtype if key.type == "place" and key.subtype in ("country", "city", "capital") else key.type
    tmpl = (ctx.t("subject") or {}).get(kind) or (ctx.t("subject") or {}).get(key.type)
    if not tmpl:
        return None
    answer = key.text
    if key.type == "term":
        if head.strip() or len(key.text.split()) > 2:
            return None  # only a bare noun as the whole subject: "Coal is likely to ..."
        finite = ctx.t("finite_verbs", {})
        verb = m.group().lower()
        if verb not in finite:
            return None  # "Photos uploaded to ...": the subject goes on; only a finite verb ends it
        if re.search(
            r"(?<![.!?]\s)(?<!^)\b" + re.escape(key.text) + r"\b", text[: key.start] + " " + text[key.end :]
        ):
            return None  # written with a capital inside sentences too: a name, not a common noun
        answer = key.text[:1].lower() + key.text[1:]  # capital only because it opens the sentence
        rest_full = (
            rest_full[: m.start()] + finite[verb] + rest_full[m.end() :]
        )  # "What is ...", not "What are ..."
    elif key.type == "number":
        m_unit = re.match(r"^\d[\d.,]*\s+(\S+(?:\s\S+)?)$", key.text)
        if head.strip() or not m_unit:
            return None
        tmpl = tmpl.replace("{unit}", m_unit.group(1))
    cut = _cut(rest_full, ctx, min_words=6)
    if cut is None:
        return None
    rest = _clean_clause(cut)
    joins = "|".join(re.escape(j) for j in ctx.t("list_joins", []))
    if joins and re.search(r",\s+(?:" + joins + r")\s+[A-Z]", rest):
        return None  # "China is the biggest importer, and Indonesia the biggest exporter": a second
        # subject with its verb left out; "Which country is ..., and Indonesia ...?" (round 58)
    words = rest.split()
    complementiser = ctx.t("complementiser")
    if (
        complementiser
        and len(words) > 2
        and fold(words[0]) in ctx.t("speech_verbs", [])
        and fold(words[1]) != complementiser
    ):
        rest = " ".join([words[0], complementiser, *words[1:]])  # "Siapa yang menjelaskan bahwa ..."
    if len(rest.split()) < 3:
        return None
    prompt = tmpl.format(rest=rest)
    return Question(
        prompt,
        f"{ctx.pack.code}.subject.{kind}",
        key.type,
        answer,
        (key.start, key.end),
        f"'{key.text}' is the subject of the sentence",
    )


def _adverbial(ctx: Context, rs: RankedSentence, key: Candidate, kind: str) -> Question | None:
    """Remove the key's adverbial phrase (with its preposition) from the main clause."""
    text = ctx.text
    preps = (ctx.t("adverbial_preps") or {}).get(kind, [])
    before = text[rs.body_start : key.start]
    prep = None
    for p in sorted(preps, key=len, reverse=True):
        if re.search(r"(?:^|\s)" + re.escape(p) + r"\s+$", before, re.IGNORECASE):
            prep = p
            break
    if prep is None:
        return None
    prev = re.findall(
        r"\S+", before[: -len(re.search(re.escape(prep) + r"\s+$", before, re.IGNORECASE).group())]
    )
    if prev and fold(prev[-1]) in ctx.t("reporting_words", []):
        return None  # "dilaporkan Reuters pada Senin": the time of the report, not of the event
    if kind == "place":
        if not prev or not _is_verbish(ctx, prev[-1]):
            return None  # "konflik di Semenanjung Korea": the place belongs to a noun, not to the verb
        motion = (ctx.t("place_verbs") or {}).get(prep.lower())
        if motion is not None and fold(prev[-1]) not in motion:
            return None  # "kalah dari Bali United" is no place to come from
        if not confirmed(ctx, key):
            return None
    phrase_start = key.start - len(re.search(re.escape(prep) + r"\s+$", before, re.IGNORECASE).group())
    clause_end = rs.sentence.end
    m = re.search(r"[,;]", text[key.end : rs.sentence.end])
    if m:
        clause_end = key.end + m.start()
    head = _without_opener(ctx, text[rs.body_start : phrase_start])
    if re.search(r"[,;]", head) or len(head.split()) < 2:
        return None  # the phrase is not in the main clause, or the clause has no subject left
    if _opens_clause(ctx, head):
        return None  # "Pada tahun berapa sementara gelar ...": a connective left inside (round 108)
    if any(f" {w} " in f" {fold(head)} " for w in ctx.t("embed_words", [])):
        return None  # "... yang dibentuk pada 2017": the time or place of an embedded clause
    after_key = text[key.end : rs.sentence.end].split()[:1]
    if after_key and fold(after_key[0]) in ("itu", "ini", "tersebut"):
        return None  # "pada tahun itu": a noun phrase, not the anchor
    if re.search(r"\b(?:ter\w+|\w+est|most)\s*$", head.strip(), re.IGNORECASE):
        return None  # "terbesar di Asia": a superlative's range, not where something happened
    tail = text[key.end : clause_end]
    for word in ctx.t("time_tails", []) if kind == "time" else ():
        tail = re.sub(r"^\s*" + re.escape(word) + r"\b", "", tail, flags=re.IGNORECASE)
    clause = _clean_clause(head + " " + tail)
    if len(clause.split()) < 3 or not any(_is_verbish(ctx, w) for w in clause.split()):
        return None  # "Kapan menurut laporan media lokal?": no verb, no event to ask the time of
    if unpaired(ctx, clause) and not unpaired(ctx, text[rs.body_start : rs.sentence.end]):
        return None  # "... diteken antara Presiden Sudan?": the comma cut off "dan Riek Machar"
    tmpl = (ctx.t("adverbial") or {}).get(prep.lower()) or (ctx.t("adverbial") or {}).get(kind)
    if not tmpl:
        return None
    clause = lower_first(clause, _keep_capital(ctx, clause, rs.body_start))
    return Question(
        tmpl.format(clause=clause),
        f"{ctx.pack.code}.{kind}.{fold(prep).replace(' ', '_')}",
        kind,
        key.text,
        (key.start, key.end),
        f"'{prep} {key.text}' tells {kind}",
    )


def time_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    return _adverbial(ctx, rs, key, "time") if key.type == "time" else None


def place_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    return _adverbial(ctx, rs, key, "place") if key.type == "place" else None


NUMBER_WORDS = frozenset(
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas seratus seribu "
    "belas puluh ratus setengah".split()
)
CURRENCY_WORDS = {"rp": "rupiah", "rp.": "rupiah", "usd": "dolar AS", "us$": "dolar AS"}


def _asked_unit(key: Candidate) -> str | None:
    """``berapa`` + what the key counts: "10 juta euro" -> "juta euro", "tiga video" ->
    "video", "Rp 200 ribu" -> "rupiah"; ``None`` for a bare figure."""
    tokens = key.text.split()
    if not tokens:
        return None
    first = tokens[0].lower()
    if first in CURRENCY_WORDS:
        return CURRENCY_WORDS[first]
    k = 0
    while k < len(tokens) and (re.fullmatch(r"\d[\d.,]*", tokens[k]) or tokens[k].lower() in NUMBER_WORDS):
        k += 1
    if k == 0 or k == len(tokens):
        return None
    return " ".join(tokens[k:])


def number_question(ctx: Context, rs: RankedSentence, key: Candidate) -> Question | None:
    """``Harga naik berapa persen?``: the number asked in place (Indonesian allows it), with
    what it counts ("berapa video", "berapa juta euro", "berapa rupiah"). The clause before
    it stays as the article writes it; the question ends where the key's clause ends."""
    word = ctx.t("number_in_situ")
    if key.type != "number" or not word:
        return None
    unit = _asked_unit(key)
    if not unit:
        return None  # a bare number: no natural "berapa" question
    text = ctx.text
    head = _without_opener(ctx, text[rs.body_start : key.start])  # "Artinya, ..." (round 109)
    if re.search(r"[;:(“”\"]", head) or len(head.split()) < 2:
        return None
    if _opens_clause(ctx, head):
        return None  # "Dengan populasi berapa juta?": no subject and verb left
    if set(fold(head).split()) & set(ctx.t("number_in_situ_not_after", [])):
        return None  # "... menemukan fakta bahwa berapa persen ...": asked inside a clause it hangs on (round 96)
    speech = {fold(w) for w in ctx.t("speech_verbs", [])} | {fold(w) for w in getattr(ctx.pack, "person_verbs", ())}
    if any(fold(w.strip(",")) in speech for w in re.findall(r"(\S+),", head)):
        return None  # "Eko memaparkan, dari berapa calon ...?": the report, not a question
    before = fold(head).split()[-2:]
    if any(" ".join(before[i:]) in ctx.t("approximators", []) for i in range(len(before))):
        return None  # "sekitar berapa peserta": the article gives no exact figure
    if re.search(r",\s*$", head) or re.search(r"\d", head.split()[-1]) or re.search(r"\d\S*\s+\S+\s*$", head):
        return None  # the key opens a list item or goes on a figure ("1 menit 47 detik")
    if re.match(r"\s*\d", text[key.end : key.end + 3]) or re.match(r"\s*\(?\d{1,2}[.)]\s", head):
        return None  # another figure right after it; a numbered list item
    if fold(head.split()[-1]) in ctx.t("number_phrase_heads", ["salah"]):
        return None  # "salah satu negara": one of, not a count
    end = re.search(r"[,;](?!\d)|\s[-–—(]", text[key.end : rs.sentence.end])
    tail = text[key.end : key.end + end.start()] if end else text[key.end : rs.sentence.end]
    tail = re.split(r"\s(?:yaitu|yakni|antara lain|namely|including)\s", tail)[0]  # the list would tell
    if re.match(r"\s*(?:dan|atau|hingga|sampai)\s", tail):
        return None  # "Rp 700 ribu hingga Rp 1 juta": one end of a range
    clause = _clean_clause(head + word + " " + unit + tail)
    if len(clause.split()) < 4 or len(clause.split()) > 30:
        return None
    from .claims import _is_clause

    if not _is_clause(ctx, clause):
        return None  # a subject and a finite verb, or no question
    prompt = clause[:1].upper() + clause[1:] + "?"
    return Question(
        prompt,
        f"{ctx.pack.code}.number.in_situ",
        "number",
        key.text,
        (key.start, key.end),
        f"'{key.text}' is a quantity",
    )
