"""Main-idea items: "Which statement best sums up the article?"

Asks: the article's central claim or outcome.
From: a claim (:mod:`.claims`) of the first sentences of the article: the most important one
(:mod:`.importance`, trained on IndoSum's reference summaries), sharing words with the
headline and naming one of the article's actors; an opening hook with no name ("Patung
biasanya terbuat dari kayu") or a background sentence is not a summary.
Restated where a safe rewrite exists.
Distractors: true points of later paragraphs that a careless reader might take for the
main one, each clearly less important than the key and saying something else (rival summaries that
are narrower); false twins of the key (an actor, place or number swapped) only to fill.
Four review rounds agree: false details as wrong summaries make the item a fact check
("distractors are false details, not rival summaries"); true narrower points tempt.
"""

from __future__ import annotations

import random
import re

from .builders import Draft, choice_draft
from .claims import Claim, claim_of, falsify, owner_points_back, restate
from .context import Context
from .importance import importance
from .rank_features import TOPIC_WORDS
from .select import RankedSentence
from .textutil import fold

LEAD_SENTENCES = 4
# a news lead states the story in one long sentence ("Sir Alex Ferguson will retire as
# Manchester United manager at the end of the season in the 27th year of a tenure that has
# made him ...", 33 words): cut to 30 words it had no claim, and a side point of the fourth
# paragraph became the key (rounds 23-28: English news keys judged "a detail" 25 times of 46);
# the pack's ``lead_max_words``, for the first sentence only (a long second sentence is more
# often a scene: "He has been able to cope with the stigma ..."; Indonesian leads keep 30)
LEAD_MAX_WORDS = 30


def _content(ctx: Context, text: str) -> set[str]:
    stop = getattr(ctx.pack, "stopwords", frozenset())
    # the first five letters stand for the word's family ("labor", "laborers")
    return {w[:5] for w in fold(text).split() if w not in stop and len(w) > 2}


def cut_short(ctx: Context, c: Claim) -> bool:
    """Was the claim cut before its sentence's end (an adjunct dropped), not only trimmed at
    its start (a dateline, an opening phrase)?"""
    if c.verbatim:
        return False
    memo = ctx.cache.setdefault("cut_short", {})
    at = (c.sentence, c.text)
    if at not in memo:
        memo[at] = _cut_short(ctx, c)
    return memo[at]


def _cut_short(ctx: Context, c: Claim) -> bool:

    def words(text: str) -> list[str]:
        return [w for w in (re.sub(r"\W", "", x) for x in fold(text).split()) if w]

    sentence = re.sub(r"\s*\([^()]{0,60}\)", "", ctx.sentence(c.sentence).text)  # asides the claim drops
    own, full = words(c.text), words(sentence)
    if own[-3:] == full[-3:]:
        return False
    # where the claim stops in the sentence: a cut at a comma drops a set-off adjunct
    # ("..., Rabu (05/10) malam."); a cut inside a phrase leaves it dangling
    last = c.text.rstrip(" .!?").split()[-1] if c.text.split() else ""
    at = sentence.find(last)
    while at >= 0:
        after = sentence[at + len(last) : at + len(last) + 2]
        if after.startswith(","):
            return False
        at = sentence.find(last, at + 1)
    return True


def leans_on_others(ctx: Context, text: str) -> bool:
    """Does the claim add to something said elsewhere ("Kit Kat Jepang juga menyiapkan ...",
    "also") or end on a word pointing back ("... menjadi penyebabnya", "tersebut.")? Such a
    sentence is a side point, never what the article is about (the pack's
    ``additive_markers``; one ending in "." counts only at the claim's end)."""
    low = f" {fold(text)} "  # fold drops punctuation: "What is more, ..." -> " what is more "
    for m in ctx.t("additive_markers", []):
        if m.endswith("."):
            if low.rstrip().endswith(m) or low.rstrip().endswith(m[:-1]):
                return True
        elif f" {m} " in low:
            return True
    return False


def points_back(ctx: Context, text: str) -> bool:
    """A claim naming its subject by a word that points back ("school pupils born in those
    months", "Rumah tersebut"): out of its paragraph a reader cannot tell what is meant
    (round 25: "'those months' with no referent"; the pack's ``pointing_determiners``)."""
    if owner_points_back(ctx, text):
        return True
    words = set(ctx.t("pointing_determiners", []))
    if not set(re.findall(r"\w+", fold(text))) & words:
        return False
    # "those months" points back; "than those born in other months" is a pronoun of its own
    tagged = ctx.upos(text)
    nominal = ("NOUN", "PROPN", "ADJ", "NUM", None)
    for i, (w, tag) in enumerate(tagged):
        if fold(w) not in words or tag not in ("DET", None):
            continue
        after = tagged[i + 1][1] if i + 1 < len(tagged) else "PUNCT"
        nxt = fold(tagged[i + 1][0]) if i + 1 < len(tagged) else ""
        endings = tuple(ctx.t("participle_endings", []))
        participle = nxt in ctx.t("participles", []) or (bool(endings) and nxt.endswith(endings))
        if participle or (
            after == "ADJ" and not (i + 2 < len(tagged) and tagged[i + 2][1] in ("NOUN", "PROPN"))
        ):
            after = "PUNCT"  # "than those born in the other ten months": a pronoun of its own
        before = tagged[i - 1][1] if i else "PUNCT"
        if after in nominal or before in nominal:  # "those months", "rumah tersebut"
            return True
    return False


def _continues_before(ctx: Context, text: str) -> bool:
    """Does the claim's second word join it to the sentence before ("Repot karena setiap kali
    ...", round 44: "a fragment"; the pack's ``fragment_second_words``)?"""
    tagged = ctx.upos(text)
    return len(tagged) > 1 and fold(tagged[1][0]) in ctx.t("fragment_second_words", [])


def _no_subject(ctx: Context, text: str) -> bool:
    """Does the claim open with a preposition not set off by a comma ("Bagi warga yang berada
    di sekitar lereng bukit untuk mewaspadai potensi longsor."), or continue the sentence
    before (:func:`_continues_before`): a phrase with no subject?"""
    if _continues_before(ctx, text):
        return True
    tagged = ctx.upos(text)
    if not tagged or tagged[0][1] != "ADP":
        return False
    head = re.split(r"[,;:]", text, maxsplit=1)
    return len(head) == 1 or len(head[0].split()) > 8


def _negated(ctx: Context, text: str) -> bool:
    """A claim of what did not (yet) happen ("Agus masih belum menyampaikan ...") is a side
    remark in a news story, not what it reports."""
    low = fold(text).replace("n't", " n't")
    return bool(set(low.split()) & set(ctx.t("negations", [])))


def _addresses_reader(ctx: Context, text: str) -> bool:
    """A hook spoken to the reader ("... under a rock near you", "bisa kamu temukan")."""
    return bool(set(re.findall(r"\w+", fold(text))) & set(ctx.t("reader_words", [])))


def _names_actor(ctx: Context, c: Claim) -> bool:
    """Does the claim name who or what acts: a person, body or place, or a subject holding one
    of the article's topic words ("Coal is likely to rival oil ...": the article is about coal)?"""
    if any(e.type in ("person", "organisation", "place") for e in c.entities):
        return True
    subject = []
    agents = set(ctx.t("passive_agent_words", []))
    tagged = ctx.upos(c.text)
    for k, (w, t) in enumerate(tagged):
        after = tagged[k + 1][0].lower() if k + 1 < len(tagged) else ""
        if t == "AUX" or (t == "VERB" and after not in agents):  # "fortunes made by ...": no verb yet
            break
        subject.append(w)
    return bool(subject) and bool(_content(ctx, " ".join(subject)) & topic_words(ctx))


MIN_LEAD_TOPIC = 0.2  # a lead claim holding fewer of the topic words is an opening scene
# Over rounds 90-112 reviewers kept English main ideas whose key holds under 0.2 of the topic
# words 0 of 15 times, 0.2-0.3 17 of 50 (a scene, a hook: "Galina Zaglumyonova was woken in
# her flat ...", "Swedish prisons have long had a reputation ..."), 0.3 or more 186 of 227;
# Indonesian ones 16 of 36 under 0.3, 99 of 128 above: a key of 0.3 or more wherever the
# opening has one
GOOD_LEAD_TOPIC = 0.3


def topic_coverage(ctx: Context, text: str) -> float:
    """Share of the article's ten most repeated content words (by their first five letters)
    the text holds. Over 122 main-idea items of review rounds 5-10 it told the keys reviewers
    kept from those they rejected better than sentence importance (AUC 0.81 against 0.61 in
    English, 0.70 against 0.67 in Indonesian): a hook or a background sentence shares few of the
    words the article keeps coming back to."""
    memo = ctx.cache.setdefault("topic_coverage", {})
    if text in memo:
        return memo[text]  # the selection asks again for every sentence at every step
    top = topic_words(ctx)
    memo[text] = value = len(_content(ctx, text) & top) / max(1, len(top))
    return value


def topic_words(ctx: Context) -> frozenset[str]:
    """The article's ten most repeated content words (their first five letters), found once."""
    top = ctx.cache.get("topic_words")
    if top is None:
        counts: dict[str, int] = {}
        for s in ctx.layer.sentences:
            for w in _content(ctx, s.text):
                counts[w] = counts.get(w, 0) + 1
        top = ctx.cache["topic_words"] = frozenset(
            sorted(counts, key=lambda w: (-counts[w], w))[:TOPIC_WORDS]
        )
    return top


def _background(ctx: Context, text: str) -> bool:
    """Does the claim tell the story's background rather than its news: a state that has long
    held (the pack's ``background_markers``: "Swedish prisons have long had a reputation ...")
    or a year well before the article's own ("... has claimed up to 70,000 lives in 2002")?
    Over the English main-idea items of rounds 5-52 reviewers kept 6 of 33 keys naming such a
    year and none of 6 with such a marker (43% of all)."""
    if _holds(ctx, text, "background_markers"):
        return True
    from .distractors import reference_year

    now = reference_year(ctx)
    years = [int(y) for y in re.findall(r"\b(?:1[89]|20)\d\d\b", text)]
    return bool(now and years and max(years) < now - 1)


def _past_or_state(ctx: Context, text: str) -> bool:
    """Does the claim say what has already happened or what someone is (the pack's
    ``background_aspect``: "Polisi telah menyita sedikitnya 14 ribu paspor ...", "Oesman
    sendiri merupakan wakil ketua MPR ...")? Reviewers kept Indonesian keys holding "telah",
    "sudah" or "merupakan" 18 of 68 times over rounds 30-87 ("key is background; the article
    is about returning passports"), 59% of all."""
    return _holds(ctx, text, "background_aspect")


def _holds(ctx: Context, text: str, pack_key: str) -> bool:
    """Does the text hold one of the pack's ``pack_key`` phrases, as whole words?"""
    low = f" {fold(text)} "
    return any(f" {m} " in low for m in ctx.t(pack_key, []))


PASSING_MENTIONS = 3


def _passing_person(ctx: Context, c: Claim) -> bool:
    """Does the claim name a person the article mentions at most ``PASSING_MENTIONS`` times
    (their last name counted): an anecdote's figure, not who the story is about ("Galina
    Zaglumyonova was woken in her flat ...", "Serial dater Limal was tired of ...")? English
    news keys naming one were kept 7 of 59 times over rounds 40-92, others 59%; English dev
    keys never name one, Indonesian ones were kept more often (68%): the pack's
    ``main_idea_passing_person`` weighs it (English 2.0, Indonesian none)."""
    names = [e.text for e in c.entities if e.type == "person"]
    return any(ctx.index.count(n.split()[-1]) <= PASSING_MENTIONS for n in names if n.split())


def _length_fit(text: str) -> float:
    """Reviewers kept short keys rarely: over the main-idea items of rounds 5-18, keys under
    12 words 13% (English) and 38% (Indonesian), keys of 18 words or more 46% and 64%
    ("The small space is set up to look like a classroom.", "Junior Smart knows a lot about
    gangs.": an opening line, not the gist)."""
    n = len(text.split())
    return -2.0 if n < 12 else (1.0 if n >= 18 else 0.0)


OPENING_SENTENCES = 3
OPENING_PARAGRAPHS = 2


def in_opening(rs: RankedSentence) -> bool:
    """Is the sentence in the article's opening: its first three sentences or its first two
    paragraphs (where news states its gist, and a feature article its nut graf)?"""
    return rs.sentence.index < OPENING_SENTENCES or rs.sentence.paragraph < OPENING_PARAGRAPHS


def main_candidates(
    ctx: Context, ranked: list[RankedSentence], opening: bool = True
) -> list[tuple[float, RankedSentence, Claim]]:
    """The lead's claims, best summary first (importance, the article's topic words held,
    headline words shared, position). ``opening`` false: claims past the article's opening
    too (an article that gives no other item: such a main idea over none)."""
    inside = in_opening if opening else (lambda _rs: True)
    title = ctx.layer.article.title or ""
    tw = _content(ctx, title)
    by_index = sorted(ranked, key=lambda r: r.sentence.index)

    def fit(pos: int, rs: RankedSentence, c: Claim, lead_weight: float) -> float:
        share = len(_content(ctx, c.text) & tw) / max(1, len(tw)) if tw else 0.0
        return (
            4.0 * importance(ctx, rs.sentence.index)  # where it stands, how central, ...
            + 6.0 * topic_coverage(ctx, c.text)
            + 1.0 * share
            + 0.2 * lead_weight / (1 + pos)
            - (2.5 if not _names_actor(ctx, c) else 0.0)
            - (1.0 if _negated(ctx, c.text) else 0.0)
            - (1.5 if _addresses_reader(ctx, c.text) else 0.0)
            - (0.8 if cut_short(ctx, c) else 0.0)  # a cut sentence reads truncated ("halted just moments.")
            - (1.2 if leans_on_others(ctx, c.text) else 0.0)
            - (1.5 if points_back(ctx, c.text) else 0.0)
            - (1.5 if _continues_before(ctx, c.text) else 0.0)  # "Repot karena ...": a fragment (round 44)
            - (1.5 if _background(ctx, c.text) else 0.0)
            - (1.0 if _past_or_state(ctx, c.text) else 0.0)
            - ctx.t("main_idea_passing_person", 0.0) * _passing_person(ctx, c)
            + _length_fit(c.text)
        )

    # The key is a claim of the article's opening (its first three sentences, its first two
    # paragraphs): a key past it is a detail, not the gist. Over rounds 30-72 reviewers
    # kept 9% of 91 English such keys ("the control group's routine", "a minor detail about
    # timing") and 29% of 45 Indonesian ones ("Canggu berada di antara Seminyak dan Tanah
    # Lot"), against 64-69% of keys from the first three sentences: a bank without a main
    # idea beats one with a wrong key.
    out = []
    for pos, rs in enumerate(by_index[: LEAD_SENTENCES + 2]):
        c = claim_of(
            ctx, rs, max_words=ctx.t("lead_max_words", LEAD_MAX_WORDS) if pos == 0 else 30, hedged=True
        )
        if c is None:
            continue
        out.append((fit(pos, rs, c, 1.0), rs, c))
    best = max(out, key=lambda x: (x[0], -x[1].sentence.index), default=None)
    out = [x for x in out if inside(x[1])]
    wanting = (
        not out
        or max(topic_coverage(ctx, c.text) for _f, _rs, c in out) < MIN_LEAD_TOPIC
        # "A study has found that school pupils born in those months are fitter": a lead claim
        # that names its subject by pointing back to a question the article opens with
        # (or, as the one before it, addresses the reader: "Well, try to ensure that your ...")
        or all(points_back(ctx, c.text) or _addresses_reader(ctx, c.text) for _f, _rs, c in out)
    )
    if wanting:
        # no lead claim (a list, a question opening), or only a scene-setting one that holds
        # hardly any of the article's topic words ("Moses King, 48, has had one major
        # problem."): the opening's other claims, nearest the headline and its topic first
        seen = {x[1].sentence.index for x in out}
        for pos, rs in enumerate(by_index):
            if not inside(rs):
                continue
            c = (
                claim_of(ctx, rs, max_words=ctx.t("lead_max_words", LEAD_MAX_WORDS))
                if rs.sentence.index not in seen
                else None
            )
            if c is None:
                continue
            out.append((fit(pos, rs, c, 0.3), rs, c))
        topical = [x for x in out if topic_coverage(ctx, x[2].text) >= MIN_LEAD_TOPIC]
        # else, where the pack says its news opens on the news (``main_idea_plain_lead``:
        # Indonesian, whose reviewers kept 7 of 11 such keys), the first sentence's claim
        # ("Samsung selangkah lagi bakal meresmikan phablet terbarunya."); never a hook or a
        # later scene ("Not nearly enough exercise classes have a tea break halfway
        # through.", "Carefree tourists line up in the same streets for ...")
        plain = ctx.t("main_idea_plain_lead", False)
        out = topical or [x for x in out if (plain and x[1].sentence.index == 0) or not opening]
    if wanting or (best is not None and best not in out):
        # the lead's claims were found wanting, or a later one fitted better: only claims
        # that stand alone
        out = [
            x
            for x in out
            if not (
                points_back(ctx, x[2].text)
                or leans_on_others(ctx, x[2].text)
                or _addresses_reader(ctx, x[2].text)
            )
        ]
    whole = [x for x in out if not cut_short(ctx, x[2])]
    if any(not (points_back(ctx, c.text) or _addresses_reader(ctx, c.text)) for _f, _rs, c in whole):
        # a claim cut short at its end reads truncated ("... dalam upaya.", "halted just
        # moments."): a claim that keeps its sentence's end is the key wherever there is one
        # that neither points back nor addresses the reader
        out = whole
    alone = [x for x in out if not (points_back(ctx, x[2].text) or _continues_before(ctx, x[2].text))]
    if alone:
        # a fragment ("Repot karena setiap kali pengguna ...") or a claim whose subject points
        # back ("Tampilannya kini telah dirombak habis ...") is never the key where a claim
        # of the opening stands alone (rounds 44, 60, 76, 78: "fragment", "no referent")
        out = alone
    strong = [x for x in out if topic_coverage(ctx, x[2].text) >= GOOD_LEAD_TOPIC]
    if strong:
        out = strong
    # a pack may ask for no main idea rather than a key below its floor (English: 0.2)
    floor = ctx.t("main_idea_min_topic", 0.0)
    out = [x for x in out if topic_coverage(ctx, x[2].text) >= floor]
    out.sort(key=lambda x: (-x[0], x[1].sentence.index))
    return out


def secondary_of(
    ctx: Context,
    ranked: list[RankedSentence],
    lead: RankedSentence,
    key: str,
    shown_false: frozenset[int],
    overlap: float = 0.4,
    use_false: bool = False,
    strict: bool = True,
    tidy: bool = True,
    dangling: bool = False,
) -> list[tuple[int, str]]:
    """Claims of other sentences, from the end of the article first, that say something
    else than the key (true but secondary: tempting, yet not what the article is about)."""
    n_par = max((r.sentence.paragraph for r in ranked), default=0)
    kw = _content(ctx, key)
    out: list[tuple[int, str]] = []
    for r in sorted(ranked, key=lambda r: (-r.sentence.paragraph, r.sentence.index)):
        if r.sentence.index == lead.sentence.index or (
            n_par >= 3 and r.sentence.paragraph < 1 and overlap <= 0.4
        ):
            continue
        if r.sentence.index in shown_false and not use_false:
            continue  # the bank shows this claim's false twin elsewhere
        s = claim_of(ctx, r)
        if s is None or not 0.4 * len(key) <= len(s.text) <= 2.2 * len(key):
            continue
        if strict and cut_short(ctx, s):
            continue  # a sentence cut short reads as a fragment beside the key
        if not dangling and (owner_points_back(ctx, s.text) or _continues_before(ctx, s.text)):
            continue  # "Hasilnya membuktikan ...", "Repot karena ...": dangling, unless nothing else
        if tidy and (points_back(ctx, s.text) or leans_on_others(ctx, s.text) or _no_subject(ctx, s.text)):
            continue  # "... dua kejadian tersebut.", "Bagi warga ... untuk mewaspadai ...": no
            # statement a reader can weigh as a summary (round 31: "fragments", "no main clause")
        lead_weight = importance(ctx, lead.sentence.index)
        if strict and lead_weight >= 0.3 and importance(ctx, r.sentence.index) > lead_weight - 0.15:
            continue  # nearly as important as the key: a second summary, not a narrower point
            # (a key chosen for its topic words deep in a feature article compares with none)
        if topic_coverage(ctx, s.text) > topic_coverage(ctx, key):
            continue  # holds more of the article's topic words than the key: a rival summary
            # (rounds 90-112: English main ideas with such an option kept 12 of 50 times, the
            # others 191 of 242; Indonesian 33 of 55 and 82 of 109)
        sw = _content(ctx, s.text)
        if len(sw & kw) / max(1, min(len(sw), len(kw))) > overlap:
            continue  # says much the same as the key: a second right answer
        if any(len(sw & _content(ctx, o)) / max(1, len(sw)) > 0.5 for _, o in out):
            continue
        out.append((r.sentence.index, s.text))
    return out


def write_main_idea(
    ctx: Context, ranked: list[RankedSentence], rng: random.Random, opening: bool = True
) -> list[Draft]:
    """Main-idea drafts (the best keys first). ``opening`` false: a key past the article's
    opening too, for an article that gives no other item (``generate`` asks again so)."""
    from .write_statement import truth_plan

    leads = main_candidates(ctx, ranked, opening=opening)
    if not leads:
        return []
    prompt = ctx.t("main_idea", "Which statement best sums up the article?")
    shown_false = truth_plan(ctx, ranked)
    drafts = _main_drafts(ctx, ranked, leads, shown_false, prompt, 0.4)
    best = leads[0][1].sentence
    if not any(d.sentence == best.index for d in drafts):
        # an article that keeps to one topic (an interview, an opinion): no false twin, and
        # every other claim shares the best lead's words; the points that share fewest of
        # them (no distractor from its paragraph: the lead's neighbours sum up too). Asked
        # before a lesser key, which would show the best lead as a wrong option ("The posters
        # on the walls ..." over "For 14 years, SOHAY has worked ...": rounds 98, 100, 105)
        rest = [r for r in ranked if r.sentence.paragraph != best.paragraph or r.sentence.index == best.index]
        first = _main_drafts(ctx, rest, leads[:1], shown_false, prompt, 0.6)
        for d in first:
            d.score -= 1.0
        drafts = first + drafts
    return drafts


def spare_facts_first(
    ctx: Context, ranked: list[RankedSentence], points: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The points (sentence index, claim) in the order to offer them as wrong summaries: those
    of sentences no blank or question asks about first, then those without a figure, each in
    the order given. An option showing a sentence gives away every blank and question on it
    (portfolio.draft_conflicts): the bank would lose the fact; a figure reads as the narrow
    detail it is."""
    from .write_detail import holds_fact

    by_index = {r.sentence.index: r for r in ranked}

    def spare(point: tuple[int, str]) -> tuple[bool, bool]:
        rs = by_index.get(point[0])
        return (rs is not None and holds_fact(ctx, rs), bool(re.search(r"\d", point[1])))

    return sorted(points, key=spare)


def _main_drafts(ctx, ranked, leads, shown_false, prompt, overlap) -> list[Draft]:

    drafts: list[Draft] = []
    others = [r for r in ranked if r.sentence.index in shown_false]
    for rank, (fit, rs, c) in enumerate(leads[:2]):
        key = restate(ctx, c)
        # wrong summaries: true narrower points of later paragraphs first; false twins of the
        # key (an actor, place, time or number swapped) only when too few of those exist
        own = [(rs.sentence.index, f.text) for f in falsify(ctx, c)]
        # points of sentences no other item asks about first, then those without a figure: an
        # option showing a sentence gives away every blank and question on it (portfolio.
        # draft_conflicts), and a figure reads as the narrow detail it is
        picked = spare_facts_first(ctx, ranked, secondary_of(ctx, ranked, rs, key, shown_false, overlap))[:3]
        penalty = 0.0
        twins_of_others: set[int] = set()
        if len(picked) < 3:
            # points the bank's plan shows false elsewhere (those items then give way: the
            # main idea is asked first); never a fragment or a claim pointing back ("Bagi warga
            # ... untuk mewaspadai ...", "... dua kejadian tersebut.": "bad options" in rounds
            # 89-90): three options are as good as four (rounds 50-90: Indonesian main ideas with
            # three kept 59% of 63 times, with four 60% of 242; English 78% and 77%)
            more = secondary_of(ctx, ranked, rs, key, shown_false, overlap, use_false=True, strict=overlap <= 0.4)
            picked += [p for p in more if p not in picked][: 3 - len(picked)]
        if len(picked) < 2:
            # last resort, so that every bank asks its main idea: false twins of other claims
            # (reviewers find them a fact check rather than rival summaries: three options
            # are better than one of them)
            penalty = 1.0
            for r in others:
                oc = claim_of(ctx, r)
                fs = falsify(ctx, oc) if oc is not None and r.sentence.index != rs.sentence.index else []
                if r.sentence.index in {i for i, _ in picked}:
                    continue  # one sentence's claim once among the options
                if fs and cut_short(ctx, oc):
                    continue  # "... di Istanbul dalam upaya.": a twin of a cut claim reads truncated
                if fs and 0.4 * len(key) <= len(fs[0].text) <= 2.2 * len(key) and len(picked) < 3:
                    picked.append((r.sentence.index, fs[0].text))
                    twins_of_others.add(r.sentence.index)
        if len(picked) < 2:
            # rather a dangling point ("Di bawahnya menanti ...") than no main idea in the bank
            more = secondary_of(
                ctx,
                ranked,
                rs,
                key,
                shown_false,
                overlap,
                use_false=True,
                strict=overlap <= 0.4,
                tidy=False,
                dangling=True,
            )
            taken = {i for i, _ in picked}
            # a side point ("Masyarakat pun diminta waspada ...") before one pointing back
            # ("... dua kejadian tersebut."); never a phrase without a subject ("Bagi warga
            # ... untuk mewaspadai ...": "an ungrammatical fragment", round 90)
            more = sorted(
                (p for p in more if p[0] not in taken and not _no_subject(ctx, p[1])),
                key=lambda p: points_back(ctx, p[1]) or _continues_before(ctx, p[1]),
            )
            picked += more[: 3 - len(picked)]
        if len(picked) < 2:
            # the very last resort: the key's own false twin, a near copy of the key that
            # cues it ("... by 2050" beside "... by 2008": reviewers kept 4 of 23 such main
            # ideas over rounds 30-68, against 62% of the others)
            picked += own[: 2 - len(picked)]
        if len(picked) < 2:
            continue
        options = [t for _, t in picked]
        shown = {rs.sentence.index: True}
        for i, _t in picked:
            if i != rs.sentence.index:
                shown[i] = i not in twins_of_others
        drafts.append(
            choice_draft(
                ctx,
                rs,
                prompt=prompt,
                answer=key,
                distractors=options,
                skill="main_idea",
                template=f"{ctx.pack.code}.main_idea",
                why="the lead's most central claim (headline words shared) among narrower true points of later paragraphs",
                score=4.0 + fit - rank - penalty,
                group="main_idea",
                shown=shown,
            )
        )
    return drafts
