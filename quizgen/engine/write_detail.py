"""Detail items: key facts of the article as who / what / when / where / how many questions.

Asks: a template question where the sentence allows one without reordering
(:mod:`.questions`, :mod:`.inversion`), else the sentence with a blank over the fact and
options.
From: usable sentences; keys are the people, organisations, places, times and numbers the
article names (never a name fragment, a speaker's name, a name the headline gives away).
Distractors: the article's other facts of the same type first (:mod:`.distractors`).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from .builders import (
    Draft,
    _speaker,
    build_cloze,
    build_short_answer,
    plain_prose,
    questions_for,
    skilled_mcq,
)
from .claims import quotes_speech
from .confidence import confirmed, inside_longer_name, modifier_use
from .context import Context
from .distractors import YEAR_RE
from .select import RankedSentence
from .textutil import contains_phrase, fold, has_any_word

# places are the setting (the dateline's city, the country of the headline) or world
# knowledge (Ducati -> Italia): reviewers find them guessable, so they are not asked
FACT_TYPES = ("person", "organisation", "place", "time", "number")


def fact_key_ok(ctx: Context, rs: RankedSentence, c, relaxed: bool = False) -> bool:
    """A fact worth a blank or a question. ``relaxed`` (used only to reach a bank's minimum)
    also allows countries, places the analysis only assumes and names the headline holds
    (never a capital or the article's protagonist: reviewers find those guessable)."""
    if c.type not in FACT_TYPES or c.start < rs.body_start:
        return False
    if c.type == "place" and (
        c.subtype == "capital" or (not relaxed and (c.subtype == "country" or not confirmed(ctx, c)))
    ):
        return False  # a capital is the story's setting; a country world knowledge (an actor: relaxed)
    if c.type == "number" and not (c.unit or re.fullmatch(r"(?:1[89]|20)\d\d", c.text)):
        return False  # a bare figure ("RT 03") means nothing without its unit
    if c.type == "number" and c.value == 1 and fold(c.unit or "") in ctx.t("counter_words", []):
        return False  # "untuk _____ peragaan busana" -> satu kali, "_____ LED Flash" -> satu buah:
        # "once", "a single one" reads from the sentence (reviewers kept none of 6)
    if c.type == "number" and fold(c.text) in _common_figures(ctx):
        return False  # "tiga poin" (a win), "360 derajat" (a full turn): world knowledge gives it
    if c.type == "number" and unit_is_verb(ctx, c):
        return False  # "under the age of 21 record": the blank would swallow the verb
    if c.type == "number" and (converted(ctx, c) or ranged(ctx, c)):
        return False  # "USD 12 ribu (Rp 160 juta)", "_____ sampai 4%": the other figure gives it
    if c.type == "number":
        before = fold(ctx.text[max(0, c.start - 25) : c.start]).split()[-2:]
        if any(" ".join(before[i:]) in ctx.t("approximators", []) for i in range(len(before))):
            return False  # "lebih dari _____", "hingga _____": a smaller or larger option holds too
    if c.type == "number" and re.match(r"\d{1,2}[.:]\d{2}\b", c.text):
        before = fold(ctx.text[max(0, c.start - 12) : c.start]).split()[-1:]
        if before and before[0] in ctx.t("clock_words", []):
            return False  # "pukul 16.50 waktu Korea": a clock time, not a figure ("2480,0 waktu")
    if c.type == "number":
        after_key = fold(ctx.text[c.end : c.end + 20]).split()[:1]
        if after_key and after_key[0] in ctx.t("interval_after", []):
            return False  # "_____ kemudian, Rabu (7/2) mereka sudah di Jakarta": after what? (round 50)
        before_key = fold(ctx.text[max(0, c.start - 20) : c.start]).split()[-1:]
        if (before_key and before_key[0] in ctx.t("denomination_before", [])) or (
            after_key and after_key[0] in ctx.t("denomination_after", [])
        ):
            return False  # "pecahan Rp 50 ribuan", "£20 notes": a banknote; only real ones fit (round 55)
    if c.type == "number":
        after3 = fold(ctx.text[c.end : c.end + 40]).split()[:3]
        before1 = fold(ctx.text[max(0, c.start - 12) : c.start]).split()[-1:]
        pointers = set(ctx.t("demonstratives_after", []))
        if set(after3[1:]) & pointers or (before1 and before1[0] in ctx.t("demonstratives_before", [])):
            return False  # "bagi _____ motor sport itu", "these _____ bikes": the count of things
            # named before, which that naming gives away (round 61)
    if c.type == "number" and _attribute(ctx, c):
        return False  # "negara berpenduduk _____", "penyanyi berusia _____": a description, no fact
    if c.type != "number" and (not confirmed(ctx, c) or inside_longer_name(ctx, c) or modifier_use(ctx, c)):
        return False
    if c.type in ("person", "organisation", "place") and splits_name(ctx, c):
        return False
    if c.type == "person":
        from .distractors import common_head

        if common_head(ctx, c.text):
            return False  # "Sosok Abimanyu", "Kota Darfur": a common noun heads it, no person's name
    if c.type in ("person", "organisation"):
        from .distractors import news_source

        if news_source(ctx, c.text) and not relaxed:
            return False  # the outlet that reports the news: no fact of the story (only for
            # an article that gives nothing else: portfolio.select takes it last of all)
    if c.type == "time" and "(" in c.text:
        return False  # "Minggu (26/3)": the date in brackets gives the weekday away
    if c.type == "time" and len(re.findall(r"(?:1[89]|20)\d\d", ctx.sentence(c.sentence).text)) > 1:
        return False  # "pada ___ dan 2018": the year beside it forces the answer
    if c.type in ("person", "organisation", "place") and ctx.group_of(c) == _protagonist(ctx, c.type):
        return False  # the one the article is about is the obvious answer to anything
    if ctx.text[:60].find(c.text) >= 0 and c.start > 60:
        return False  # the dateline names it
    after = ctx.text[c.end : c.end + 6].split()[:1]
    if c.type == "number" and after and fold(after[0]) in ctx.t("list_joins", []):
        return False  # "180 students and employees": the key would be cut from its phrase
    before = fold(ctx.text[max(0, c.start - 20) : c.start]).split()
    if any(" ".join(before[-n:]) in ctx.t("besides_words", []) for n in (1, 2, 3) if len(before) >= n):
        return False  # "Selain _____, ada seorang pejabat lain yang dieksekusi": any other one fits (round 65)
    if _speaker(ctx, c.start, c.end):
        return False  # "kata _____": who speaks tells nothing (reviewers: trivial)
    title = ctx.layer.article.title or ""
    if not relaxed and title and contains_phrase(title, c.text):
        return False  # the headline gives it away
    return not looks_misspelt(ctx, c.text)


NAME_TYPES = ("person", "organisation", "place")


def _common_figures(ctx: Context) -> set[str]:
    """The pack's ``common_figures`` folded, once an article."""
    if "common_figures" not in ctx.cache:
        ctx.cache["common_figures"] = {fold(f) for f in ctx.t("common_figures", [])}
    return ctx.cache["common_figures"]


def cloze_options_ok(ctx: Context, key, d: Draft) -> str:
    """How far a blank's options can be kept (the lessons of the blind reviews): "ok", "fill"
    (only to reach a bank's minimum) or "no".

    - never a blank in a list, on an abbreviation in brackets, before a bracket that glosses
      it or on the second of a pair ("11 dan _____"): another answer is as right, or none is
      needed (a figure the sentence works out or counts out is never asked at all:
      :func:`write_detail`);
    - a name among names the article gives to the same kind of thing (a person among the
      article's people, a company among companies); names it never mentions, or a company
      among ministries, are ruled out without reading; even then a blanked name is mostly
      judged trivial, so it only fills;
    - a figure among other figures of the article with its unit; four invented neighbours
      ("£5 | £6 | £7 | £9") or a bare year ("By the summer of _____") only fill.
    """
    if in_list(ctx, key) or in_brackets(ctx, key) or glossed(ctx, key):
        return "no"
    if paired(ctx, key):
        return "no"
    if YEAR_RE.fullmatch(key.text.strip()):
        return "fill"
    if key.type == "number":
        return "ok" if d.origin in ("article", "mixed") else "fill"
    if key.type == "time" and d.origin != "article":
        return "fill"  # "November 2015 | October 2015 | December 2015": months next to the key
    if key.type in NAME_TYPES:
        if d.origin != "article" or not names_of_one_kind(ctx, key, d.item.options, d.item.answer):
            return "no"
        return "fill"
    if key.type == "term":
        from .write_vocabulary import _same_class

        if not _same_class(ctx, d.item.answer, d.item.options):
            return "no"  # "undermines" among nouns: the slot's grammar gives it away
        return "fill"  # a word blank: kept 4 times in 45 (rounds 5-9), answered by its collocation
    return "ok"


def names_of_one_kind(ctx: Context, key, options, answer: str, kind: bool = True) -> bool:
    """Are the wrong options names the article gives of the key's own type (people sure to be
    people; "Pihak mana yang memprediksi ...?" -> BMKG beside a village, round 64) and, with
    ``kind``, for a body, of its kind ("milik _____": a company among ministries; "Korban
    dievakuasi ke _____": a clinic among agencies, round 64)? A question names what it asks
    for ("Pihak mana", "Which company"); a blank leaves it to the options."""
    by_text = ctx.by_text()
    for o in options:
        if o == answer:
            continue
        c = by_text.get(o)
        if c is None or c.type != key.type or (key.type == "person" and not confirmed(ctx, c)):
            return False
    return not kind or key.type != "organisation" or len({org_class(ctx, o) for o in options}) == 1


def org_class(ctx: Context, name: str) -> str:
    """The kind of body a name says it is (the pack's ``org_classes``: government, company,
    school, club, outlet, charity), or "" when its words do not say."""
    words = [w.strip(".,()") for w in fold(name).split()]
    for kind, cues in (ctx.t("org_classes") or {}).items():
        cueset = set(cues)
        if any(w in cueset for w in words) or fold(name) in cueset:
            return kind
    return ""


def _attribute(ctx: Context, c) -> bool:
    """Is the figure an attribute inside a noun phrase (the pack's ``attribute_words`` after a
    noun: "negara berpenduduk 30 juta orang", "aktor berusia 30 tahun", "Leap of Faith
    sepanjang 27,5 meter")? Reviewers kept 1 of 13 such blanks and questions in rounds 0-38
    ("the actor's age is irrelevant"); "Kasparov kini berusia 54 tahun" says it of its subject."""
    words = ctx.t("attribute_words", [])
    if not words:
        return False
    sent = ctx.sentence(c.sentence)
    before = ctx.text[sent.start : c.start].rstrip()
    tagged = ctx.upos(before)
    if len(tagged) < 2 or fold(tagged[-1][0]) not in words:
        return False
    # "Kasparov ..., kini berusia 54 tahun": an adverb the tagger may call a noun
    return tagged[-2][1] in ("NOUN", "PROPN") and fold(tagged[-2][0]) not in ctx.t("clause_adverbs", [])


def unit_is_verb(ctx: Context, c) -> bool:
    """Is the last word of a figure's phrase the sentence's verb ("21 record") or an adjective
    of the noun after it ("Two young mothers wheel ...": the key "Two young"), or, where noun
    phrases end with their head, a noun before the head ("two sex workers": "two sex")?"""
    if len(c.text.split()) < 2:
        return False
    sent = ctx.sentence(c.sentence)
    last_start = c.start + c.text.rfind(" ") + 1 - sent.start
    tagged, spans = ctx.upos(sent.text), ctx.upos_spans(sent.text)
    for i, ((_w, t), (a, _b)) in enumerate(zip(tagged, spans, strict=False)):
        if a != last_start:
            continue
        after = tagged[i + 1][1] if i + 1 < len(tagged) else None
        if t == "NOUN" and after == "NOUN" and not ctx.t("head_first", False):
            return True  # a modifier of the noun after it: "two sex workers", "three world records"
        return t in ("VERB", "AUX") or (t == "ADJ" and after in ("NOUN", "ADJ"))
    return False


def in_list(ctx: Context, c) -> bool:
    """Is the key one item of a list ("Stallone, Stewart, _____, Affleck", "Film Terburuk,
    Sutradara Terburuk, _____, ...")? Any other item of the list is as right."""
    aside = r"\s*\([^()]{0,30}\)"  # "Brandon Boyd (vokal), _____ (gitar), ...": a gloss per item
    before = re.sub(aside + r"\s*([,;])?\s*$", r"\1", ctx.text[max(0, c.start - 40) : c.start])
    after = re.sub(r"^" + aside, "", ctx.text[c.end : c.end + 80])
    joins = {"dan", "and", "atau", "or", "hingga", "serta"}
    after_word = fold(after).split()[:1]
    if before.rstrip().endswith((",", ";")) and (
        after.lstrip().startswith((",", ";")) or (bool(after_word) and after_word[0] in joins)
    ):
        return True
    # the first item of a list of names: "_____; Otavio, Saputra, ...", "seperti _____, Nice
    # To Know You dan Trust Fall"
    return bool(
        re.match(
            r"\s*[,;]\s*[A-Z0-9][^,;.]{0,40}?(?:[,;]|\s(?:" + "|".join(joins) + r")\s+[A-Z0-9])",
            after,
        )
    )


def in_brackets(ctx: Context, c) -> bool:
    """Is the key an abbreviation in brackets after its long form ("gross domestic product
    (_____)", "organisasi non-pemerintah (_____)")? The long form gives it away."""
    return ctx.text[max(0, c.start - 2) : c.start].rstrip().endswith("(") and ctx.text[
        c.end : c.end + 2
    ].lstrip().startswith(")")


def glossed(ctx: Context, c) -> bool:
    """Is the key followed by a bracket ("membentuk _____ (gugus tugas)", "Left without a _____
    (none are made in France)", "dibayar _____ (Rp 200 juta)")? The bracket translates,
    converts or explains what the blank hides: reviewers kept 1 of 22 such blanks."""
    return ctx.text[c.end : c.end + 3].lstrip(" ").startswith("(")


def worked_out(ctx: Context, key) -> bool:
    """Can the figure be worked out from the others of its sentence ("_____ yang terdiri
    atas 24 orang ... dan 40 orang" -> 64; "double from _____ to 14%" -> 7%; "menang sekali
    dalam 15 pertandingan ... enam kali imbang" -> delapan kali kalah; "berusia 31 tahun ...
    kontrak lima tahun" -> 36 tahun; "a drop of nearly 60%, from _____ to 6.8 million" ->
    16.4 million; "meningkat 13,9 persen menjadi _____ dari Rp 1,33 triliun" -> Rp 1,52
    triliun)? Reviewers rejected each such blank as "computable from the prompt"."""
    k = key.value
    if k is None:
        return False
    numbers = [
        o
        for o in ctx.by_sentence.get(key.sentence, ())
        if o.type == "number" and o.start != key.start and o.value is not None
    ]
    others = [o.value for o in numbers]
    if any(abs(a + b - k) < 1e-9 for i, a in enumerate(others) for b in others[i + 1 :]):
        return True
    small = k == int(k) and 0 < k <= 100
    if small and any(
        abs(abs(a - b) - k) < 1e-9 for i, a in enumerate(others) for b in others[i + 1 :] if a != k and b != k
    ):
        return True  # "berusia 31 tahun ... hingga usia 36 tahun" -> lima tahun
    if small and len(others) <= 4:
        # "menang sekali dalam 15 pertandingan ... enam hasil imbang": "sekali" (once, the
        # pack's ``once_words``) is a count of one the number finder leaves out (round 97)
        sentence_words = fold(ctx.sentence(key.sentence).text).split()
        ones = [1.0] if set(sentence_words) & set(ctx.t("once_words", [])) else []
        terms = others + ones
        for i, a in enumerate(terms):
            rest = terms[:i] + terms[i + 1 :]
            if any(
                abs(a - b - c - k) < 1e-9 or abs(a + b + c - k) < 1e-9
                for j, b in enumerate(rest)
                for c in rest[j + 1 :]
            ):
                return True  # a part the whole and the other parts give, or the whole
    if _percent_change(key, numbers):
        return True
    words = set(fold(ctx.sentence(key.sentence).text).split())
    halves = words & {
        "double",
        "doubled",
        "doubling",
        "twice",
        "half",
        "halved",
        "lipat",
        "separuh",
        "setengah",
    }
    return bool(halves) and any(abs(2 * k - v) < 1e-9 or abs(k - 2 * v) < 1e-9 for v in others)


PERCENT_SLACK = 0.05  # "nearly 60%", "13,9 persen": a rounded rate gives the figure this near


def _percent_change(key, numbers: list) -> bool:
    """Is the figure another figure of its sentence changed by a rate the sentence gives, or
    that rate itself (from Rp 1,33 triliun to Rp 1,52 triliun: 13,9 persen)?"""

    def near(a: float, b: float) -> bool:
        return b != 0 and abs(a - b) <= PERCENT_SLACK * abs(b)

    rates = [o.value for o in numbers if o.subtype == "percent" and 0 < o.value < 1000]
    k = key.value
    if key.subtype == "percent":  # two amounts of one unit give the rate between them
        amounts = [(o.value, o.unit) for o in numbers if o.subtype != "percent" and o.value]
        # amounts are rounded ("Rp 1,2 triliun" from "Rp 1,09 triliun": 10.1 for 11 persen)
        return any(
            abs(abs(a - b) / b * 100 - k) <= max(PERCENT_SLACK * k, 1.0)
            for a, ua in amounts
            for b, ub in amounts
            if ua == ub and a != b
        )
    amounts = [o.value for o in numbers if o.subtype != "percent" and o.value and (o.unit == key.unit or not o.unit)]
    for p in rates:
        for b in amounts:
            for f in (1 + p / 100, 1 - p / 100):
                if f > 0 and (near(b * f, k) or near(b / f, k)):
                    return True
    return False


def counted_out(ctx: Context, key) -> bool:
    """Does the sentence count out its own number: the things listed after a dash, a colon or
    a word that opens a list ("three products - a mug, gift tag and card", "empat lagu, yaitu
    A, B, C, dan D": the pack's ``enumerators``), or "both" for two? A reader counts."""
    k = key.value
    if k is None or k != int(k) or not 2 <= k <= 12:
        return False
    sent = ctx.sentence(key.sentence)
    if k == 2 and set(fold(sent.text).split()) & set(ctx.t("pair_words", [])):
        return True
    if _names_counted(ctx, key, int(k)):
        return True
    after = ctx.text[key.end : sent.end]
    words = "|".join(re.escape(w) for w in ctx.t("enumerators", []))  # ", yaitu A, B, C, dan D"
    m = re.search(r"\s[–—-]\s|:\s" + (r"|,?\s(?:" + words + r")\s" if words else ""), after, re.I)
    if not m:
        return False
    rest = re.sub(r"\s*\([^()]{0,60}\)", "", after[m.end() :])  # "40 soal Tes ... (TKP), 30 soal ..."
    listed = re.split(r"\s[–—-]\s|[.;()]", rest)[0]
    joiners = "|".join(re.escape(j) for j in ctx.t("list_joiners", []))
    parts = (
        re.split(r",\s*(?:(?:" + joiners + r")\s+)?|\s(?:" + joiners + r")\s", listed)
        if joiners
        else listed.split(",")
    )
    return len([p for p in parts if p.strip()]) == int(k)


_MONEY = r"(?:Rp\.?|IDR|USD|US\$|S\$|RM|\$|€|£|¥|EUR|GBP)"


def converted(ctx: Context, c) -> bool:
    """Is the figure an amount beside its conversion into another currency: a bracket right
    after it ("USD 12 ribu (Rp 160 juta)") or the bracket it stands in after another amount?
    Round 30: four blanks on such pairs in one article, all "pure number matching"."""
    after = ctx.text[c.end : c.end + 30]
    if re.match(r"\s*\(\s*(?:\w+\s+)?" + _MONEY + r"\s?\d", after):
        return True
    before = ctx.text[max(0, c.start - 80) : c.start]
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:] or not re.match(r"[^()]{0,40}\)", ctx.text[c.end : c.end + 42]):
        return False  # not inside a bracket
    return bool(re.search(r"\d[\w.,]*(?:\s+[\w.]+){0,2}\s*$", before[:opened]))  # "USD 12 ribu (_____)"


def ranged(ctx: Context, c) -> bool:
    """Is the figure the first of a range whose end follows ("_____ sampai 4%", "from _____ to
    14%")? Only a smaller option fits (round 29: "only 2% is below 4%")."""
    after = ctx.text[c.end : c.end + 24]
    return bool(re.match(r"\s*(?:sampai|hingga|to|-|–)\s*(?:" + _MONEY + r"\s?)?\d", after, re.IGNORECASE))


def _names_counted(ctx: Context, key, k: int) -> bool:
    """Does the sentence (or, when it names nobody, the one before) name exactly ``k`` people
    or ``k`` places ("Amerika Serikat bersama Suriah dan Nikaragua ... tiga negara"; "Lee Kwang
    Soo dan Jun So Min ... Dua bintang")? A reader counts the names (rounds 29-30)."""
    for i in (key.sentence, key.sentence - 1):
        if i < 0:
            break
        for kind in ("person", "place"):
            groups = {
                ctx.group_of(o)
                for o in ctx.by_sentence.get(i, ())
                if o.type == kind and not (key.start <= o.start < key.end)
            }
            if len(groups) == k:
                return True
        if any(o.type in ("person", "place") for o in ctx.by_sentence.get(key.sentence, ()) if o is not key):
            break  # the sentence names its own: the one before is another matter
    return False


def paired(ctx: Context, c) -> bool:
    """Is the figure the second of a pair that gives it away ("Singapura (11 dan _____
    November)" -> 12) or the "satu" of the idiom "salah satu" ("Salah _____ tewas")?"""
    before = ctx.text[max(0, c.start - 24) : c.start]
    if c.type in ("number", "time") and re.search(
        r"\d+\s*(?:dan|and|-|–|hingga|sampai|to|or|atau)\s*$", before
    ):
        return True
    idioms = ctx.t("number_idioms", [])
    return any(fold(f"{before.split()[-1] if before.split() else ''} {c.text}").startswith(i) for i in idioms)


def splits_name(ctx: Context, c) -> bool:
    """Does a blank over the key split a longer name: a model number or a capitalised word
    that no other name of the article starts with, right after it ("_____ 8" for "Galaxy
    Note 8")?"""
    if _title_before(ctx, c):
        return True
    m = re.match(r"[ \t]+([^\s,.;:()\"”]+)", ctx.text[c.end : c.end + 30])
    if not m:
        return False
    word = m.group(1)
    if word[:1].isdigit():
        return True
    if not word[:1].isupper() or fold(word) in getattr(ctx.pack, "stopwords", ()):
        return False
    start = c.end + m.start(1)
    return not any(o.start == start for o in ctx.by_sentence.get(c.sentence, ()))


def _title_before(ctx: Context, c) -> bool:
    """Is the key the end of a title ("Descendants of _____", "Can't Stop the _____")? A
    capitalised word, then a small word, right before it, inside the sentence."""
    before = ctx.text[max(ctx.sentence(c.sentence).start, c.start - 40) : c.start].split()
    if len(before) < 3:
        return False  # at the sentence's start, a capital means nothing
    small, cap = before[-1], before[-2]
    stop = getattr(ctx.pack, "stopwords", ())
    joins = list(ctx.t("title_joins", ["of", "the", "for"]))
    if c.type == "organisation":
        joins += ["and", "dan", "&"]  # "The Medicines and _____": one body's name, split
    return (
        (small.islower() or small == "&")
        and fold(small) in joins
        and cap[:1].isupper()
        and fold(cap) not in stop
        and not cap.endswith((",", ".", ":", ";"))
    )


def looks_misspelt(ctx: Context, text: str) -> bool:
    """A key the article spells once while a word one letter away (or with two letters
    swapped) recurs ("Madiro" beside "Maduro", "wisataa" beside "wisata", "Yursi" beside
    "Yusri"), or a word off the language's word list (:func:`copies_typo`): a typo the item
    must not spread."""
    from .textutil import _transposed, edit_distance

    counts = ctx.cache.get("word_counts")
    if counts is None:
        import collections

        counts = ctx.cache["word_counts"] = collections.Counter(fold(ctx.read_text).split())
        by_start = ctx.cache["recurring_by_start"] = collections.defaultdict(list)
        for o, n in counts.items():
            if n >= 2:
                by_start[(o[:1], len(o))].append(o)  # the words a typo could be of, by shape
    by_start = ctx.cache["recurring_by_start"]
    memo = ctx.cache.setdefault("misspelt", {})
    for w in fold(text).split():
        if len(w) < 4 or counts[w] > 1:
            continue
        if w not in memo:
            try:
                common = ctx.pack.zipf(w) >= 2.5  # a word of the language
            except Exception:
                common = False
            endings = tuple(ctx.t("inflection_endings", []))  # "polygraphs" beside "polygraph"
            memo[w] = not common and any(
                o != w
                and (edit_distance(o, w, 2) == 1 or _transposed(o, w))
                and not any(w == o + e or o == w + e for e in endings)
                for size in (len(w) - 1, len(w), len(w) + 1)
                for o in by_start.get((w[:1], size), ())
            )
        if memo[w]:
            return True
    return copies_typo(ctx, text)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
TYPO_MIN_ZIPF = 3.5  # the word a typo is of: a common word of the language


def _off_the_word_list(ctx: Context, w: str) -> bool:
    """A lower-case word the language's word list does not know, one letter away from a
    common word it does ("brada" for "berada", "bernafs" for "bernafsu": rounds 21-22) and
    written once: the article's typo. Names (capitalised), words the article repeats and
    derived words of a known root ("digaungkan" from "gaung") are left alone."""
    memo = ctx.cache.setdefault("off_word_list", {})
    if w not in memo:
        memo[w] = False
        freq = getattr(ctx.pack, "frequency", None)
        if freq is not None and len(w) >= 5 and w.isalpha() and w.isascii():
            written = [ctx.text[p : p + len(w)] for p in ctx.mentions(w)]
            if written == [w] and freq.zipf(w) == 0 and not _tagger_knows(ctx, w):  # once, lower case, unknown
                stem = ctx.pack.stem(w) if hasattr(ctx.pack, "stem") else w
                # no known root ("digaungkan" from "gaung"); a root of three letters vouches for
                # nothing ("sejun" is no "se-" + "jun", round 102: "copies the typo")
                if stem == w or len(stem) < 4 or freq.zipf(stem) == 0:
                    common = freq.common_words(TYPO_MIN_ZIPF)
                    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
                    near = (
                        [a + b[1:] for a, b in splits if b]
                        + [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
                        + [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
                        + [a + c + b for a, b in splits for c in _LETTERS]
                    )
                    memo[w] = any(n != w and n in common for n in near)
    return memo[w]


def _tagger_knows(ctx: Context, w: str) -> bool:
    """Is the word in the lexicon of the trained word-class tagger (the words of its treebank
    and tagged corpus: "diplomatis", "tukasnya")?"""
    from ..analysis import get_tagger

    tagger = get_tagger(ctx.pack.code)
    return tagger is not None and tagger.knows(w)


def _protagonist(ctx: Context, type_: str) -> str | None:
    """The group of the person (or organisation) the article names most often."""
    memo = ctx.cache.setdefault("protagonist", {})
    if type_ not in memo:
        counts: dict[str, int] = {}
        for c in ctx.layer.candidates:
            if c.type == type_:
                counts[ctx.group_of(c)] = counts.get(ctx.group_of(c), 0) + 1
        best = max(sorted(counts), key=lambda g: counts[g], default=None)
        memo[type_] = best if best is not None and counts[best] >= 3 else None
    return memo[type_]


def sentence_ok(ctx: Context, rs: RankedSentence) -> bool:
    """A sentence to ask about: not a quotation, not first person, and a clause with a verb
    (not a line-up, a results line or a caption: "Persipura Jayapura: Yoo Jae Hoon, ...,
    _____.", "4. Milwaukee Bucks 94-87 _____", "Pasangannya sekaligus rekan sesama artis di
    Game of Thrones, _____.": rounds 40-41)."""
    body = ctx.text[rs.body_start : rs.sentence.end]
    if quotes_speech(body):
        return False
    from .claims import _has_verb, owner_points_back

    if not _has_verb(ctx, body):  # "MU tetap di peringkat lima klasemen dengan 65 poin." stays
        last = body.rstrip(" .").rsplit(",", 1)[-1].split() if "," in body else []
        first = fold(body).split()[:1]
        if (
            ":" in body
            or len(body.split()) < 8  # "Menurut situs Bild, hanya tujuh sejak _____.": seven what? (round 59)
            or (first and first[0] in ctx.t("list_openers", []))  # "Berikut hasil lengkap ...": a list's heading
            or re.match(r"^\s*\d{1,2}[.)]\s", body)
            or body.count(",") >= 3
            or (last and len(last) <= 4 and all(w[:1].isupper() for w in last))
        ):
            return False
    if owner_points_back(ctx, body):
        return False  # "Targetnya adalah mengumpulkan informasi dari _____": whose target? (round 46)
    return not has_any_word(body, ctx.t("first_person", []))  # "in the US": no "us"


def holds_fact(ctx: Context, rs: RankedSentence) -> bool:
    """Would :func:`write_detail` ask about the sentence: one it takes, holding a key fit for a
    blank or a question (a figure, a date, a name)? Found once a sentence."""
    memo = ctx.cache.setdefault("holds_fact", {})
    i = rs.sentence.index
    if i not in memo:
        from .portfolio import _keys

        memo[i] = rs.usable and sentence_ok(ctx, rs) and any(fact_key_ok(ctx, rs, k) for k in _keys(ctx, rs))
    return memo[i]


def asked_elsewhere(ctx: Context, key, prompt: str) -> bool:
    """Does another sentence hold every content word of the prompt and another figure of the
    key's unit ("Thunder mencetak berapa poin?" beside "... Thunder mencetak 31 poin di
    kuarter ketiga")? Then the prompt fits two figures: several right answers."""
    from .textutil import BLANK_RE

    stop = getattr(ctx.pack, "stopwords", frozenset())
    unit = fold(key.unit or "")
    if not unit:
        return False
    words = {
        w
        for w in re.findall(r"\w+", fold(BLANK_RE.sub(" ", prompt)))
        if w not in stop and len(w) > 2 and not w.isdigit() and w != unit
    } - set(re.findall(r"\w+", fold(key.text)))
    if not words:
        return False
    for i, ws in enumerate(ctx.sentence_words):
        if i == key.sentence or not words <= ws:
            continue
        for c in ctx.by_sentence.get(i, ()):
            if c.type == "number" and fold(c.unit or "") == unit and fold(c.text) != fold(key.text):
                return True
    return False


def copies_typo(ctx: Context, text: str) -> bool:
    """Does the text (an item's prompt) hold a word off the language's word list, one letter
    from a common one ("Kemudian _____ brada di podium ketiga", round 22)? The item would copy
    the article's typo."""
    return any(_off_the_word_list(ctx, w) for w in fold(text).split())


def write_detail(
    ctx: Context,
    rs: RankedSentence,
    keys: list,
    kinds: set[str],
    cloze_choices: bool | None,
    rng: random.Random,
) -> list[Draft]:
    drafts: list[Draft] = []
    if not sentence_ok(ctx, rs):
        return drafts
    for key in keys:
        if key.type == "number" and (worked_out(ctx, key) or counted_out(ctx, key)):
            continue  # the sentence gives the figure away, asked as a blank or a question
        relaxed = not fact_key_ok(ctx, rs, key)
        if relaxed and not fact_key_ok(ctx, rs, key, relaxed=True):
            continue
        asked = False
        if "mcq" in kinds or "short_answer" in kinds:
            for q in questions_for(ctx, rs, key):
                if key.type == "number" and asked_elsewhere(ctx, key, q.prompt):
                    continue  # "Thunder mencetak berapa poin?": 31 in the third quarter too (round 50)
                if "mcq" in kinds:
                    d = skilled_mcq(ctx, rs, key, q, rng, "detail", 1.0 - (3.0 if relaxed else 0.0))
                    if d and key.type in NAME_TYPES and not names_of_one_kind(ctx, key, d.item.options, d.item.answer, kind=False):
                        d = None  # "Pihak mana yang memprediksi ...?" -> BMKG among a clinic and a village
                    if d:
                        d.relaxed = relaxed
                        drafts.append(d)
                        asked = True
                if "short_answer" in kinds:
                    d = build_short_answer(ctx, rs, key, q)
                    if d:
                        d.item = replace(d.item, skill="detail")
                        d.score -= 1.0 + (3.0 if relaxed else 0.0)
                        d.relaxed = True  # typed: reviewers keep none; only to reach a minimum
                        drafts.append(d)
        if "cloze" in kinds:
            d = None
            if cloze_choices is not False:
                d = build_cloze(ctx, rs, key, rng, True)
            fill = False
            if d is not None and d.item.options:
                verdict = cloze_options_ok(ctx, key, d)
                if verdict == "no":
                    d = None
                fill = verdict == "fill"
            if (
                d is None
                and cloze_choices is not True
                and len(key.text.split()) == 1
                and key.type != "number"
            ):
                # typed: one short name, variants accepted; by default only to reach a
                # minimum (reviewers found another answer as right in most typed blanks)
                d = build_cloze(ctx, rs, key, rng, False)
                if d is not None:
                    d.score -= 1.0
                    fill = cloze_choices is None
            if d is not None and key.type == "number" and asked_elsewhere(ctx, key, d.item.prompt):
                d = None
            if d is not None:
                d.item = replace(d.item, skill="detail")
                d.score -= (0.3 if asked else 0.0) + (3.0 if relaxed else 0.0)
                d.relaxed = relaxed or fill
                drafts.append(d)
    return drafts


def write_named_detail(ctx: Context, rs: RankedSentence, keys: list, rng: random.Random) -> list[Draft]:
    """Detail questions on a sentence that opens with a personal pronoun, asked with the name
    of the one person the sentence before names (:func:`~quizgen.engine.do_support.do_question`)."""
    from .claims import subject_name
    from .do_support import do_question

    drafts: list[Draft] = []
    if not sentence_ok(ctx, rs):
        return drafts
    if subject_name(ctx, rs, ctx.text[rs.body_start : rs.sentence.end].strip()) is None:
        return drafts  # "This arrangement came to an end in 1989": no person to name (round 35)
    for key in keys:
        if not fact_key_ok(ctx, rs, key) or (key.type == "number" and counted_out(ctx, key)):
            continue
        q = do_question(ctx, rs, key)
        if q is None or not plain_prose(ctx, q.prompt):
            continue
        d = skilled_mcq(ctx, rs, key, q, rng, "detail", 0.5)
        if d is not None:
            drafts.append(d)
    return drafts
