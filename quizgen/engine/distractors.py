"""Typed distractors: wrong answers of the same kind and shape as the key.

Article first (a careless reader recognises them), then the language pack's gazetteers and
number/time rules. A distractor is never an alias of the key, never in the key's own
sentence, never a near duplicate of the key or of another distractor.
"""

from __future__ import annotations

import calendar
import collections
import random
import re
from dataclasses import dataclass
from functools import lru_cache

from ..article import Candidate
from .context import Context
from .textutil import BLANK_RE, contains_phrase, fold, near_duplicate, shape, whole_finds, words

NUM_RE = re.compile(r"^(?P<pre>\D*?)(?P<num>\d[\d.,]*\d|\d)(?P<post>.*)$", re.S)


@dataclass(frozen=True)
class Distractor:
    text: str
    origin: str  # "article", "gazetteer", "rule"


def _same_shape(a: str, b: str) -> bool:
    return shape(a) == shape(b)


def _title_like(key: str, other: str) -> str:
    if key.isupper() or not key[:1].isalpha():
        return other
    if key[:1].isupper():
        return other[:1].upper() + other[1:]
    return (
        other[:1].lower() + other[1:]
        if not other[:1].isupper() or other.split()[0].lower() == other.split()[0].lower()
        else other
    )


def _type_groups(ctx: Context, types: tuple[str, ...]) -> list[list[Candidate]]:
    """The article's groups of these types, most mentioned first (at most 200: a distractor
    a careless reader recognises is one the article repeats)."""
    cache = ctx.cache.setdefault("type_groups", {})
    if types not in cache:
        groups = []
        for members in ctx.groups.values():
            m = [c for c in members if c.type in types]
            if m:
                groups.append(m)
        groups.sort(key=lambda m: (-len(m), m[0].start))
        cache[types] = groups[:200]
    return cache[types]


def _article_pool(
    ctx: Context, key: Candidate, types: tuple[str, ...], subtype_first: bool = True
) -> list[Distractor]:
    kg = ctx.group_of(key)
    kw = len(key.text.split())
    cands = []
    for m in _type_groups(ctx, types):
        if ctx.group_of(m[0]) == kg:
            continue
        # the surface form closest in word count to the key
        cands.append(min(m, key=lambda c: (abs(len(c.text.split()) - kw), -len(c.text), c.start)))
    if subtype_first and key.subtype:
        cands.sort(key=lambda c: (c.subtype != key.subtype, -ctx.index.count(c.text), c.start))
    else:
        cands.sort(key=lambda c: (-ctx.index.count(c.text), c.start))
    return [Distractor(c.text, "article") for c in cands]


@lru_cache(maxsize=64)
def _famous_names(pack, subtype: str) -> tuple[str, ...]:
    """Gazetteer names of one subtype, best known first (by the word frequency of their words)."""
    gaz = getattr(pack, "gazetteer", {}) or {}

    def fame(n: str) -> float:
        try:
            return min(pack.zipf(w) for w in n.split())
        except Exception:
            return 0.0

    names = sorted(n for n, s in gaz.items() if s == subtype and "," not in n)
    return tuple(sorted(names, key=lambda n: (-round(fame(n)), n)))


def _gazetteer_pool(ctx: Context, key: Candidate, rng: random.Random) -> list[Distractor]:
    gaz = getattr(ctx.pack, "gazetteer", {}) or {}
    sub = key.subtype or gaz.get(key.text)
    if not sub:
        return []
    kl = len(key.text)
    # well-known names (a distractor nobody has heard of is no distractor), alike in length
    head = sorted(_famous_names(ctx.pack, sub)[:40], key=lambda n: abs(len(n) - kl) // 4)[:12]
    rng.shuffle(head)
    return [Distractor(n, "gazetteer") for n in head]


def _format_number(value: float, template: str, decimal_comma: bool, group: bool = False) -> str:
    """``value`` written as the key ``template`` writes its number (its words before and
    after, decimals, thousands separators); ``group``: thousands separated even where the key,
    under a thousand, shows none ("1,111 children" beside "635 children", as the article
    writes "1,540 children")."""
    m = NUM_RE.match(template)
    num = m.group("num")
    has_dec = bool(re.search(r"[.,]\d{1,2}$", num)) and not re.search(r"[.,]\d{3}$", num)
    if has_dec or value != int(value):
        s = f"{value:.1f}"
        s = s.replace(".", ",") if decimal_comma else s
    else:
        v = int(value)
        if re.search(r"\d[.,]\d{3}", num) or (group and v >= 1000):
            s = f"{v:,}"
            s = s.replace(",", ".") if decimal_comma else s
        else:
            s = str(v)
    return m.group("pre") + s + m.group("post")


def _groups_thousands(ctx: Context) -> bool:
    """Does the article write a figure with a thousands separator ("1,540", "12.000")?
    Looked up once an article: every figure key asks, and a long article may hold none."""
    if "groups_thousands" not in ctx.cache:
        ctx.cache["groups_thousands"] = bool(re.search(r"\d[.,]\d{3}(?!\d)", ctx.text))
    return ctx.cache["groups_thousands"]


NUMBER_NAMES = {
    "id": "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split(),
    "en": "one two three four five six seven eight nine ten".split(),
}


def _word_number_pool(ctx: Context, key: Candidate, rng: random.Random) -> list[Distractor]:
    """ "dua tahun": the article's other counts of the same thing written in words, then the
    neighbouring numbers (words for words: an option in digits would stand out)."""
    names = NUMBER_NAMES.get(ctx.pack.code, [])
    first, _, tail = key.text.partition(" ")
    if first.lower() not in names or not tail:
        return []
    v = names.index(first.lower()) + 1
    cap = first[:1].isupper()
    out = [
        Distractor(c.text, "article")
        for c in ctx.layer.candidates
        if c.type == "number"
        and c.sentence != key.sentence
        and c.text.partition(" ")[2] == tail
        and c.text.partition(" ")[0].lower() in names
        and fold(c.text) != fold(key.text)
    ]
    vals = [x for x in (v + 1, v + 2, v - 1, v + 3, v * 2, v - 2) if 1 <= x <= len(names) and x != v]
    if _plural_unit(ctx, tail):
        vals = [] if v == 1 else [x for x in vals if x != 1]  # "one products", "two year"
    rng.shuffle(vals)
    for x in dict.fromkeys(vals):
        word = names[x - 1]
        out.append(Distractor(f"{word.capitalize() if cap else word} {tail}", "rule"))
    return out


def _plural_unit(ctx: Context, unit: str) -> bool:
    """Does the language mark the plural on the unit after a number ("three years", not
    "tiga tahun")? Then "one" fits the singular only."""
    return bool(ctx.t("plural_after_numbers", False)) and bool(re.match(r"\s*[^\W\d_]", unit or ""))


# invented figures stay within 0.6 and 1.5 times the key: over rounds 40-80 a choice of
# figures with an option 1.7 times the key or more was judged bad or guessable in 34% of 44
# Indonesian items against 14% of 43 ("390 negara" for 195 countries, "86 tahun" for an age of
# 43; kept 39% against 47%; English 30% against 37%)
FIGURE_FACTORS = (1.5, 0.6, 1.25, 0.8, 1.4, 0.7)


def _number_pool(ctx: Context, key: Candidate, rng: random.Random) -> list[Distractor]:
    m = NUM_RE.match(key.text)
    if not m:
        return _word_number_pool(ctx, key, rng)
    decimal_comma = getattr(ctx.pack, "decimal_separator", "," if ctx.pack.code == "id" else ".") == ","
    raw = m.group("num")
    try:  # the number as written (not the scaled value: "10 juta" is 10 here, its unit "juta")
        value = float(raw.replace(".", "").replace(",", ".") if decimal_comma else raw.replace(",", ""))
    except ValueError:
        return []
    out: list[Distractor] = []
    # the same unit elsewhere in the article, written with digits as the key is
    year = bool(re.fullmatch(r"(?:1[89]|20)\d{2}", key.text.strip()))
    for c in ctx.layer.candidates:
        if year and not re.fullmatch(r"(?:1[89]|20)\d{2}", c.text.strip()):
            continue  # a year for a year
        if (
            c.type == "number"
            and c.unit == key.unit
            and c.sentence != key.sentence
            and c.text[:1].isdigit() == key.text[:1].isdigit()
            and fold(c.text) != fold(key.text)
            and NUM_RE.match(c.text)
            and NUM_RE.match(c.text).group("post").strip() == m.group("post").strip()
        ):
            out.append(Distractor(c.text, "article"))
    bare = not m.group("pre").strip() and not m.group("post").strip()
    if value == int(value) and len(raw) == 4 and (1900 <= value <= 2100 or (bare and 1000 <= value <= 2100)):
        # a year ("since 1894"): its neighbours, never 1894 x 1.5 = "2841"
        steps = [1, -1, 2, -2, 3, -3]
        vals = [value + s for s in steps]
    elif value == int(value):
        v = int(value)
        if v <= 10:
            vals = [v + 1, v + 2, v - 1, v + 3, v * 2, v + 4]
        else:
            vals = [round(v * f) for f in FIGURE_FACTORS]
    else:
        # never half and double of the key together: "10,6 | 21,2 | 42,4 juta euro" leaves the
        # key in the middle (round 68: "half/double of 21,2, cueing the key")
        vals = [round(value * f, 1) for f in FIGURE_FACTORS]
    if value == int(value) and value >= 100:
        # a round figure stays round: 500 -> 900, not 875 (one zero fewer where rounding
        # leaves fewer than three: 100 -> 150, 80, 120, never only 200)
        zeros = len(str(int(value))) - len(str(int(value)).rstrip("0"))
        for z in (zeros, zeros - 1):
            rounded = [round(x, -z) if z > 0 else x for x in vals]
            if len({x for x in rounded if x != value}) >= 3:
                break
        vals = rounded
    vals = [x for x in dict.fromkeys(vals) if x > 0 and x != value]
    if _plural_unit(ctx, m.group("post")):
        if value == 1:
            vals = []  # "1 year" -> "2 year": a unit in the singular fits no other number
        vals = [x for x in vals if x != 1]  # "1 years" gives itself away
    if (key.unit or "").lower() in ("persen", "percent", "per cent", "%") or m.group(
        "post"
    ).strip().startswith("%"):
        vals = [x for x in vals if x <= 100]  # a share above 100 percent gives itself away
    if m.group("post").strip().lower() in ("tahun", "years", "year", "years old") and value <= 100:
        vals = [x for x in vals if x <= 100]  # nobody is 129 years old
    unit_words = fold(m.group("post")).split()
    scale = (getattr(ctx.pack, "number_words", {}) or {}).get(unit_words[0] if unit_words else "", 0)
    if scale >= 1000:
        vals = [x for x in vals if x < 1000]  # "Rp 655 ribu" -> "Rp 1310 ribu": nobody writes that
    grouped = not year and _groups_thousands(ctx)
    rng.shuffle(vals)
    out.extend(Distractor(_format_number(x, key.text, decimal_comma, grouped), "rule") for x in vals)
    return out


def _swap_calendar_word(key: Candidate, table: dict[str, int], near, rng: random.Random) -> list[Distractor]:
    """Swap the weekday or month name in a time for others of the table (``near(k, n)`` says
    which numbers are plausible): "Rabu pagi" -> "Kamis pagi", "Juni 2024" -> "Juli 2024"."""
    full: dict[int, str] = {}
    for name, n in table.items():  # each number's longest name: "Mei", "May" are names of their own
        if len(name) > len(full.get(n, "")):
            full[n] = name
    toks = key.text.split()
    for i, t in enumerate(toks):
        low = t.lower().strip("(),.")
        if low in table and (len(low) > 3 or full.get(table[low]) == low):
            others = [full[k] for k in sorted(full) if near(k, table[low])]
            day = next((int(x) for x in toks[:i] if x.isdigit()), None)
            if day is not None and max(table.values(), default=0) == 12:  # a month table
                # "31 April", "31 Februari": no such date (round 56: spotted without reading);
                # a leap year's month lengths, so "29 Februari" stays
                others = [o for o in others if day <= calendar.monthrange(2000, table[o.lower()])[1]]
            rng.shuffle(others)
            return [
                Distractor(
                    " ".join(toks[:i] + [o.capitalize() if t[:1].isupper() else o] + toks[i + 1 :]), "rule"
                )
                for o in others
            ]
    return []


CLOCK_RE = re.compile(r"(?P<h>\d{1,2})(?P<m>[.:]\d{2})?(?P<rest>\s*[^\d\s]*)$")


def _clock_pool(ctx: Context, key: Candidate) -> list[Distractor]:
    """A clock time among the article's other clock times, then the same minutes an hour or
    two away ("8.30pm" -> "7.30pm"): never a year nor "16.6pm"."""
    out = [
        Distractor(c.text, "article")
        for c in ctx.layer.candidates
        if c.type == "time" and c.subtype == "clock" and fold(c.text) != fold(key.text)
    ]
    m = CLOCK_RE.search(key.text)
    if not m:
        return out
    h = int(m.group("h"))
    twelve = bool(re.search(r"[ap]\.?m", m.group("rest"), re.I))
    top = 12 if twelve else 23
    pre = key.text[: m.start()]
    for step in (-1, 2, 1, -2, 3):
        x = h + step
        if (1 if twelve else 0) <= x <= top:
            out.append(Distractor(f"{pre}{x}{m.group('m') or ''}{m.group('rest')}", "rule"))
    return out


def _time_pool(ctx: Context, key: Candidate, rng: random.Random) -> list[Distractor]:
    if key.subtype == "clock":
        return _clock_pool(ctx, key)
    from .claims import _time_shape

    shape = _time_shape(ctx, key.text)
    out = [
        d
        for d in _article_pool(ctx, key, ("time",))
        if _same_shape(d.text, key.text) and _time_shape(ctx, d.text) == shape
    ]  # "22 Oktober" among dates, never beside "Senin (12/6)"
    if re.fullmatch(r"\d{4}", key.text):
        out = [d for d in out if re.fullmatch(r"\d{4}", d.text)]  # a year for a year, not "50"
    swapped = _swap_calendar_word(key, getattr(ctx.pack, "weekdays", {}) or {}, lambda k, n: k != n, rng)
    if not swapped:
        months = getattr(ctx.pack, "months", {}) or {}
        swapped = _swap_calendar_word(key, months, lambda k, n: abs(k - n) in (1, 2, 3), rng)
    if swapped:
        return out + swapped
    calendar_words = {**(getattr(ctx.pack, "weekdays", {}) or {}), **(getattr(ctx.pack, "months", {}) or {})}
    if any(t.lower().strip("(),.") in calendar_words for t in key.text.split()[1:]):
        return out  # "27 Mei 2015" is no number: never "34 Mei 2015" (round 115)
    if NUM_RE.match(key.text):
        return out + _number_pool(ctx, key, rng)
    return out


def _word_class(ctx: Context, text: str) -> str:
    """A rough word class from the last word's ending (the pack's ``word_class_endings``:
    plural, past participle, gerund, adverb ...), so a distractor has the key's form."""
    last = text.split()[-1].lower()
    for ending, name in ctx.t("word_class_endings", []):
        if last.endswith(ending) and len(last) > len(ending) + 2:
            return name
    return "base"


def _term_pool(ctx: Context, key: Candidate) -> list[Distractor]:
    pack = ctx.pack
    try:
        kp, _, ks = pack.affixes(key.text.lower())
    except Exception:  # a pack without morphology
        kp, ks = "", ""
    kstem = key.stem or key.text.lower()
    kw = len(key.text.split())
    scored = []
    for members in _type_groups(ctx, ("term",)):
        c = members[0]
        if ctx.group_of(c) == ctx.group_of(key) or (c.stem or c.text.lower()) == kstem:
            continue
        if len(c.text.split()) != kw:
            continue
        try:
            p, _, s = pack.affixes(c.text.lower())
        except Exception:
            p, s = "", ""
        affix_match = (p == kp) + (s == ks)
        if _word_class(ctx, c.text) != _word_class(ctx, key.text):
            continue  # a noun for a noun: "villagers" not "increased"
        scored.append((-affix_match, -c.score, c.start, c.text))
    scored.sort()
    return [Distractor(t, "article") for *_, t in scored]


def distractor_pool(ctx: Context, key: Candidate, rng: random.Random | None = None) -> list[Distractor]:
    """All plausible distractors for ``key``, best first, before the option-set choice.

    Computed once per key and generation (builders of every kind share it); its random
    choices come from the generation's seed and the key's place, not from call order.
    """
    cache = ctx.cache.setdefault("pools", {})
    k = (key.start, key.end, key.type, key.text)
    if k not in cache:
        cache[k] = _distractor_pool(ctx, key, random.Random(f"{ctx.seed}:{key.start}:{key.end}"))
    return list(cache[k])


def _distractor_pool(ctx: Context, key: Candidate, rng: random.Random) -> list[Distractor]:
    t = key.type
    if t == "person":
        from .confidence import sure_texts

        sure = sure_texts(ctx, "person")
        pool = [d for d in _article_pool(ctx, key, ("person",)) if d.text in sure]
        # not a part of a longer name that holds the key ("Nelson" for "Mandela", "Nelson Mandela")
        kw = set(fold(key.text).split())
        fuller = [set(fold(t).split()) for t in ctx.texts_of_type("person") if kw <= set(fold(t).split())]
        pool = [d for d in pool if not any(set(fold(d.text).split()) <= f for f in fuller)]
        from .claims import _located

        # no place, body or work among people: "di Seminyak", "single Coke Bottle" (rounds 20-22)
        pool = [d for d in pool if not _located(ctx, d.text)]
        # a coach (or a team) asked among players: "skuat asuhan _____" with the only coach
        # among the options is guessed (rounds 88, 95); a player asked takes other players
        # first, a coach only to fill ("fair distractors except Mourinho", round 81)
        side = person_side(ctx, key.text)
        if side:
            pool = [d for d in pool if person_side(ctx, d.text) == side]
        else:
            pool.sort(key=lambda d: person_side(ctx, d.text) is not None)
    elif t == "place":
        gaz = getattr(ctx.pack, "gazetteer", {}) or {}
        sub = key.subtype or gaz.get(key.text)
        pool = _article_pool(ctx, key, ("place",)) + _gazetteer_pool(ctx, key, rng)
        # the same kind of place only: a country for a country, a city for a city
        pool = [d for d in pool if gaz.get(d.text) == sub] if sub else []
    elif t == "organisation":
        from .confidence import sure_texts

        sure = sure_texts(ctx, "organisation")
        pool = [d for d in _article_pool(ctx, key, ("organisation",)) if d.text in sure]
    elif t == "time":
        pool = _time_pool(ctx, key, rng)
    elif t == "number":
        pool = _number_pool(ctx, key, rng)
    else:
        pool = _term_pool(ctx, key)
    return filter_pool(ctx, key, pool)


def person_side(ctx: Context, name: str) -> str | None:
    """Which side of a match a name stands on, by the word the article puts before it (the
    pack's ``person_sides``): "skuat asuhan Jose Mourinho", "Pelatih Persipura Jayapura
    Wanderley Jr" -> coach; "Tim berjulukan Mutiara Hitam" -> team; "pemeran Arya Stark",
    "berperan sebagai Alex Russo" -> character (a role in a story, not a person of the news);
    ``None`` for a player or anyone else. Capitalised words between cue and name (a club's
    name, a title) and the pack's ``person_side_links`` ("sebagai") are passed over; the first
    other lower-case word ends the search."""
    sides = ctx.t("person_sides", {})
    if not sides or not name.strip():
        return None
    memo = ctx.cache.setdefault("person_side", {})
    if name in memo:
        return memo[name]
    cue_side = {fold(w): side for side, cues in sides.items() for w in cues}
    links = {fold(w) for w in ctx.t("person_side_links", [])}  # "berperan sebagai Alex Russo"
    forms = {name}
    last = name.split()[-1]
    if len(last) >= 4 and last[:1].isupper():
        forms.add(last)
    found: set[str] = set()
    read = ctx.read_text  # what was read of a long text
    if "person_side_cues" not in ctx.cache:  # where a cue stands: a name is looked for only after one
        alt = "|".join(re.escape(w) for w in sorted(cue_side, key=len, reverse=True))
        ctx.cache["person_side_cues"] = [
            m.start() for m in re.finditer(r"(?<![\w-])(?:" + alt + r")(?![\w-])", read, re.IGNORECASE)
        ]
    starts: set[int] = set()
    for form in forms:
        for p in ctx.cache["person_side_cues"]:  # a whole name starting within 90 characters
            starts.update(whole_finds(read, form, p + 1, p + 91 + len(form), joiners="_-"))
    for start in sorted(starts):
        before = read[max(0, start - 80) : start].rsplit("\n", 1)[-1]  # a line of a list
        for w in reversed(before.split()[-5:]):
            f = fold(w.strip(",.:;“”\"'()"))
            if f in cue_side:
                found.add(cue_side[f])
                break
            if f in links:
                continue
            if not w[:1].isupper() or w.endswith((".", ";", ":")):
                break  # "Pelatih: Hanafi" keeps its cue (checked first); a sentence before does not
    side = next((s for s in sides if s in found), None)  # the pack's order: coach before team
    memo[name] = side
    return side


def same_referent(ctx: Context, a: str, b: str) -> bool:
    """Could two names be the same thing: one a prefix of the other ("Sandi", "Sandiaga"), or
    written side by side in the article as one name ("Felix Baumgartner")?"""
    fa, fb = fold(a), fold(b)
    if min(len(fa), len(fb)) >= 4 and (fa.startswith(fb) or fb.startswith(fa)):
        return True
    ta, tb = set(fa.split()), set(fb.split())
    if ta and tb and (ta <= tb or tb <= ta):
        return True  # "Gereja Katedral" inside "Perayaan Natal Gereja Katedral"
    if not (a[:1].isupper() and b[:1].isupper()):
        return False
    return ctx.index.count(f"{a} {b}") > 0 or ctx.index.count(f"{b} {a}") > 0


def _shares_name_word(a: str, b: str) -> bool:
    wa = {w for w in a.split() if w[:1].isupper() and len(w) > 3}
    return bool(wa & {w for w in b.split() if w[:1].isupper() and len(w) > 3})


SOURCE_CUES = (
    "dilansir",
    "melansir",
    "dikutip",
    "mengutip",
    "diterima",
    "dihubungi",
    "diulas",
    "diberitakan",
    "laporan",
    "lansiran",
    "memberitakan",
    "kantor berita",  # "Kantor berita ISNA menulis ...", "dikabarkan laman Cosmopolitan" (round 41)
    "dikabarkan laman",
    "dilansir laman",
    "dari laman",
    "reported",
    "told",
    "according",
)
# cues that also name people ("Menurut Budi Santoso"): an outlet only if it reads as one
CITING_CUES = ("menurut", "according to")


def _domain_dots(ctx: Context) -> list[int]:
    """Where a web domain's dot stands (".com", ".co", ".id", ".net", ".org"), found once: a
    name right before one is a web address."""
    if "domain_dots" not in ctx.cache:
        ctx.cache["domain_dots"] = sorted(
            {m.start() for tld in ("com", "co", "id", "net", "org") for m in re.finditer(re.escape("." + tld), ctx.text)}
        )
    return ctx.cache["domain_dots"]


def _cues_in_article(ctx: Context) -> tuple[list[str], list[str]]:
    """The source cues (with "dari": "dilansir dari") and citing cues the article uses at all:
    only they can stand before a name."""
    if "cues_in_article" not in ctx.cache:
        source = [f"{cue} {link}".strip() for cue in SOURCE_CUES for link in ("", "dari ")]
        ctx.cache["cues_in_article"] = (
            [c for c in source if ctx.index.count(c) > 0],
            [c for c in CITING_CUES if ctx.index.count(c) > 0],
        )
    return ctx.cache["cues_in_article"]


def news_source(ctx: Context, name: str) -> bool:
    """Is the name a news outlet: a web address ("CNNIndonesia.com"), or named only right
    after a reporting cue ("dilansir Dailymail", "diberitakan Sport English")?"""
    memo = ctx.cache.setdefault("news_source", {})
    if name not in memo:
        web = any(ctx.text[max(0, q - len(name)) : q] == name for q in _domain_dots(ctx))
        n = ctx.index.count(name)
        source_cues, citing_cues = _cues_in_article(ctx)
        cued = n > 0 and (
            sum(ctx.index.count(f"{cue} {name}") for cue in source_cues)
            + (0 if _reads_as_person(name) else sum(ctx.index.count(f"{cue} {name}") for cue in citing_cues))
            + _after_outlet_noun(ctx, name)
            >= n
        )
        memo[name] = web or cued
    return memo[name]


def _after_outlet_noun(ctx: Context, name: str) -> int:
    """How often the name follows a noun of the pack's ``outlet_nouns``, at most one word
    between ("Situs berita Jerman, Kicker, mengklaim ...", "the German magazine Kicker"): an
    outlet named as one, never a distractor among people (round 81: "'Kicker' (a website) is
    an absurd option")."""
    nouns = [fold(x) for x in ctx.t("outlet_nouns", []) if x]
    if not nouns:
        return 0
    if "folded_text" not in ctx.cache:
        # what was read, as ctx.index counts the name's mentions: a 1 MB text read in part was
        # searched whole for every name (5 s of a 6 s run, bench/run.py growth, session 15)
        ctx.cache["folded_text"] = f" {fold(ctx.read_text)} "
    pattern = r"\b(?:" + "|".join(re.escape(x) for x in nouns) + r") (?:\w+ )?" + re.escape(fold(name)) + r"\b"
    return len(re.findall(pattern, ctx.cache["folded_text"]))


def _reads_as_person(name: str) -> bool:
    """ "Menurut Budi Santoso" cites a person, "Menurut Oddity Central" an outlet: a name of
    two or three capitalised words with no word of an outlet's name reads as a person."""
    words = name.split()
    outlet = {
        "news",
        "times",
        "post",
        "daily",
        "central",
        "media",
        "tv",
        "online",
        "magazine",
        "journal",
        "com",
    }
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not ({w.lower().strip(".") for w in words} & outlet)
    )


YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")


def _future(ctx: Context, index: int) -> bool:
    words = f" {fold(ctx.sentence(index).text)} "
    return any(f" {m} " in words for m in ctx.t("future_markers", []))


def reference_year(ctx: Context) -> int | None:
    """The article's "now": the latest year it names in a sentence that does not speak of
    the future (``future_markers`` of the pack: "akan", "will", "expected" ...)."""
    if "reference_year" not in ctx.cache:
        years = [
            int(m.group())
            for s in ctx.layer.sentences
            if not _future(ctx, s.index)
            for m in YEAR_RE.finditer(s.text)
        ]
        ctx.cache["reference_year"] = max(years) if years else None
    return ctx.cache["reference_year"]


def same_time_side(ctx: Context, key: Candidate, other: str) -> bool:
    """A year for a year on the same side of the article's "now": a past event never gets a
    future year ("In 2050 ... there were"), a plan never a past one ("by 1865 ... is
    expected"): reviewers spot those without reading."""
    k, o = YEAR_RE.search(key.text), YEAR_RE.search(other)
    now = reference_year(ctx)
    if not k or not o or now is None:
        return True
    return (int(k.group()) <= now) == (int(o.group()) <= now)


def numbered_word(ctx: Context, text: str) -> bool:
    """Is the name one word that the article only writes before a number ("Grup 3", "Liga
    2")? It is half of a name, no actor of its own."""
    if len(text.split()) != 1:
        return False
    ends = [start + len(text) for start in ctx.mentions(text)]
    # "Grup 3, 4", "Liga 1": a short ordinal, not a figure ("Singapura 142,93 ribu", "Jepang 38,5")
    return bool(ends) and all(re.match(r"\s+\d{1,2}(?![\d.,]*\d)", ctx.text[e : e + 12]) for e in ends)


def part_of_a_name(ctx: Context, key_type: str, text: str) -> bool:
    """Is the option no actor of its own but part of a longer name: a word the article only
    writes before a small number ("Grup" of "Grup 3, 4"), a name only ever written inside a
    longer one ("Serikat", "Hukum Kemnaker" of "Biro Hukum Kemnaker") or after one and the
    same capitalised word (a body or place), or, beside a person, a name a common noun heads
    ("Kota Darfur")? Rounds 47-52."""
    memo = ctx.cache.setdefault("part_of_a_name", {})  # asked of every option of every key
    at = (key_type == "person", text)
    if at not in memo:
        memo[at] = _part_of_a_name(ctx, key_type, text)
    return memo[at]


def _part_of_a_name(ctx: Context, key_type: str, text: str) -> bool:
    if numbered_word(ctx, text) or name_fragment(ctx, text):
        return True
    if key_type == "person":
        return common_head(ctx, text)
    return len(text.split()) == 1 and _one_neighbour(ctx, text)


def common_head(ctx: Context, name: str) -> bool:
    """Does a name of two words or more open with a common noun of the treebank ("Perang
    Pandawa", "Kota Darfur", "Sosok Abimanyu")? It is no person's name."""
    words = name.split()
    return len(words) > 1 and common_noun(ctx, words[0])


def common_noun(ctx: Context, word: str) -> bool:
    """Is the word, in lower case, a common noun (and only that) in the tagger's treebank
    lexicon ("biro", "perang", "kota")? False where the language's tagger has no lexicon."""
    from ..analysis import get_tagger

    tagger = get_tagger(ctx.pack.code)
    passes = getattr(tagger, "passes", None)
    lexicon = passes[0].lexicon if passes else None
    low = fold(word)
    # four letters at least: the treebank tags short name words as nouns too ("kim", "min")
    return bool(lexicon) and len(low) >= 4 and lexicon.get(low) == "NOUN"


def name_fragment(ctx: Context, text: str) -> bool:
    """Is the name only ever written inside a longer one ("Serikat" of "Amerika Serikat",
    "Eksekutif Federasi ..." of "Komite Eksekutif Federasi ..."), or one word the tagger's
    treebank knows as a common noun ("Biro", "Grup")?"""
    from .claims import _always_inside_a_longer_name

    memo = ctx.cache.setdefault("name_fragment", {})
    if text not in memo:
        common = len(text.split()) == 1 and common_noun(ctx, text)
        memo[text] = common or _always_inside_a_longer_name(ctx, text)
    return memo[text]


def _one_neighbour(ctx: Context, text: str) -> bool:
    """Is the name always written after one and the same capitalised word ("Amerika
    Serikat", at a sentence's start too)? Asked of one-word bodies and places only: a surname
    the article always writes with its first name is still the person."""
    before = set()
    for start in ctx.mentions(text):
        prev = ctx.text[max(0, start - 30) : start].split()[-1:]
        if not prev or not prev[0][:1].isupper() or not ctx.text[start - 1 : start].isspace():
            return False
        if fold(prev[0]) in getattr(ctx.pack, "stopwords", frozenset()):
            return False  # "In Italy, ...": a sentence's first word
        before.add(prev[0])
    return len(before) == 1


def filter_pool(ctx: Context, key: Candidate, pool: list[Distractor]) -> list[Distractor]:
    sentence = ctx.sentence(key.sentence).text
    aliases = {fold(a) for a in ctx.aliases(key)} | {fold(key.text)}
    out: list[Distractor] = []
    for d in pool[:40]:
        f = fold(d.text)
        if len(f) < 2 or f in aliases or not _same_shape(d.text, key.text):
            continue
        if re.search(r"-(?:yang|nya|lah|kah)$", d.text):
            continue  # "Robert De Niro-yang": a clitic glued to the name
        if news_source(ctx, d.text):
            continue  # "CNNIndonesia", "Sport English": who reports the news is no actor in it
        if not same_time_side(ctx, key, d.text):
            continue
        if key.type in ("person", "organisation", "place") and part_of_a_name(ctx, key.type, d.text):
            continue  # "Grup" of "Grup 3, 4, 5", "Serikat", "Hukum Kemnaker", "Kota Darfur"
        if same_referent(ctx, key.text, d.text):
            continue  # "Sandi" for "Sandiaga", "Felix" for "Baumgartner": the same person
        if contains_phrase(sentence, d.text) or near_duplicate(d.text, key.text):
            continue
        if any(near_duplicate(d.text, o.text) or _shares_name_word(d.text, o.text) for o in out):
            continue  # "Prabowo" and "Gerindra Prabowo Subianto": one person twice
        if any(f in fold(a).split() or fold(a) in f.split() for a in aliases if len(fold(a)) > 2):
            continue  # "Korea" vs "Korea Utara": part of the key's name
        out.append(d)
        if len(out) >= 12:
            break
    return out


def choose_options(
    ctx: Context, key_text: str, pool: list[Distractor], prompt: str, n: int = 3
) -> list[str] | None:
    """Pick ``n`` distractors: alike in length, not all shorter than the key, and such that a
    reader who checks the article finds the key while a test-wise reader (longest option,
    most frequent option) does not."""
    # an option the question itself names (or whose surname it names) is no distractor
    in_prompt = set(words(BLANK_RE.sub(" ", prompt))) - set(words(key_text))  # "berapa persen": units stay
    pool = [d for d in pool if not any(w in in_prompt and len(w) > 3 for w in words(d.text))]
    if len(pool) < n:
        return None
    head = pool[: max(n + 7, 10)]
    kl = len(key_text)
    kc = ctx.index.count(key_text)
    # prefer distractors the article mentions as often as the key (a test-wise reader cannot
    # pick the most frequent name), then lengths close to the key's; make sure one
    # distractor is at least as long as the key
    head.sort(key=lambda d: (ctx.index.count(d.text) < kc, abs(len(d.text) - kl) // 3))
    chosen = head[:n]
    if all(len(d.text) < kl for d in chosen):
        longer = [d for d in head[n:] if len(d.text) >= kl] + [
            d for d in pool[len(head) :] if len(d.text) >= kl
        ]
        if longer:
            chosen = chosen[: n - 1] + [longer[0]]
    options = [d.text for d in chosen] + [key_text]
    if not _key_wins(ctx, prompt, options):
        # try sets without the distractor that beats the key in the article
        alt = [d for d in head if d not in chosen]
        for i in range(n):
            for a in alt:
                trial = chosen[:i] + [a] + chosen[i + 1 :]
                opts = [d.text for d in trial] + [key_text]
                if _key_wins(ctx, prompt, opts):
                    return [d.text for d in trial]
        return None
    return [d.text for d in chosen]


def _key_wins(ctx: Context, prompt: str, options: list[str]) -> bool:
    """The key (last option) is the strict best match of the prompt in the article."""
    return ctx.index.sliding_window_pick(prompt, options) == len(options) - 1 and (
        ctx.index.sliding_window_pick(prompt, options[-1:] + options[:-1]) == 0
    )


def guess_risk(ctx: Context, prompt: str, key_text: str, distractors: list[str]) -> dict:
    """How likely test-wise readers get the item right without reading: 1 wins, 0.5 ties, 0 loses."""
    from .textutil import BLANK_RE, words

    kc = ctx.index.count(key_text)
    best = max((ctx.index.count(d) for d in distractors), default=0)
    freq = 1.0 if kc > best else 0.0  # ties are broken by placing the key after a tied option
    q = collections.Counter(words(BLANK_RE.sub(" ", prompt)))
    ks = sum(q[w] for w in words(key_text))
    ds = [sum(q[w] for w in words(d)) for d in distractors]
    # the key wins, or ties on shared words and length (then its position decides): a risk
    kd = [(d_s, len(d)) for d_s, d in zip(ds, distractors, strict=True)]
    prompt_risk = 1.0 if (ks, len(key_text)) > max(kd, default=(0, 0)) else 0.0  # a tie is placed away
    longest = 1.0 if len(key_text) > max((len(d) for d in distractors), default=0) else 0.0
    return {"freq_guess": freq, "prompt_guess": prompt_risk, "key_longest": longest}
