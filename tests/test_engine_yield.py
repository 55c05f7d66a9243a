"""Yield of default generation (issue 10): enough items, mostly choice items, a main idea.

Measured over the whole dev corpora by ``bench/yield.py``; pinned here on real articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import quizgen
from quizgen.engine.claims import quotes_speech
from quizgen.engine.portfolio import is_choice

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
ENGINE = DATA / "engine"


@pytest.mark.parametrize(
    "path",
    [SAMPLE, ENGINE / "id-kim-rapat.txt", ENGINE / "en-amazon.txt", ENGINE / "id-samsung-note.txt"],
    ids=lambda p: p.name,
)
def test_default_bank_is_mostly_choice_items_with_a_main_idea(path):
    bank = quizgen.generate(path, seed=0)
    assert sum(map(is_choice, bank.items)) >= 0.6 * len(bank.items)
    assert any(it.skill == "main_idea" for it in bank.items)


def test_six_items_from_a_news_article():
    assert len(quizgen.generate(SAMPLE, seed=0).items) >= 6


def test_no_draft_reviewers_would_almost_surely_reject_fills_a_bank():
    """Short of its minimum, a bank takes drafts under the ranker's threshold only from
    ``FILL_FLOOR`` up: over rounds 81-87 (rated after the ranker was trained) reviewers kept
    none of 17 English items and 3 of 19 Indonesian ones predicted under it. English packs
    raise it (``fill_floor`` 0.3): held out over rounds 60-96, reviewers beside expert items
    kept none of 48 English drafts predicted 0.2-0.3 (Indonesian ones 42% of 159). The
    Rjukan article gave six items up to round 87; its sixth, "By _____, the sun completely
    disappears from Rjukan's market square." (28 September), is predicted under 0.2 and its
    fifth, "the town, _____ north-west of Oslo" (three hours; round 96: "tells nothing about
    the article's meaning"), under 0.3: four now. Since session 19 the date blank scores 0.36
    (category rates no longer push the probability) and stays out by its category, English
    date blanks, kept under ``CATEGORY_FLOOR``."""
    from quizgen.engine import rank
    from quizgen.engine.portfolio import CATEGORY_FLOOR, FILL_FLOOR
    from quizgen.lang import get_pack

    floor = get_pack("en").templates["fill_floor"]
    assert floor > FILL_FLOOR and "fill_floor" not in get_pack("id").templates
    path = ENGINE / "en-norwegian-sun.txt"
    bank = quizgen.generate(path, seed=0)
    text = quizgen.load_article(path).text
    assert len(bank.items) == 4
    assert all(it.skill == "main_idea" or rank.keep_probability(it, text, "en") >= floor for it in bank.items)
    for answer in ("28 September", "three hours"):
        alt = [it for it in bank.alternates if it.answer == answer]
        assert alt
        assert (
            rank.keep_probability(alt[0], text, "en") < floor
            or rank.category_keep(alt[0], "en", text) < CATEGORY_FLOOR
        )


def test_a_category_reviewers_hardly_keep_never_fills_a_bank():
    """English word blanks were kept 10 times in 146 (none of 41 in rounds 16-20: "the only
    option that fits the slot"): the Amazon article's sixth draft was one ("ICANN ... the
    _____" with domains, dozens, regions), so its bank stays short: two items since round 34
    (its blank on "April" and the false twin saying "July" cue each other; its blanks on a
    name and on a year are categories English reviewers kept under 18%: 3 of 35 and 5 of 25
    in rounds 29-34), one since round 39: its main idea is now the lead ("Brazil and Peru have
    lodged objections ... “.amazon”", a hook question before it) and one of its options shows
    "At a conference in April in Beijing ...", which gives the April blank away."""
    from quizgen.engine.portfolio import CATEGORY_FLOOR
    from quizgen.engine.rank import category_keep

    word_blank = {
        "kind": "cloze",
        "prompt": "Protests over the _____.",
        "answer": "domains",
        "options": ["regions", "dozens", "gTLDs", "domains"],
    }
    assert category_keep(word_blank, "en") < CATEGORY_FLOOR
    bank = quizgen.generate(ENGINE / "en-amazon.txt", seed=0)
    assert len(bank.items) >= 1 and any(it.skill == "main_idea" for it in bank.items)
    assert "gTLDs" not in [it.answer for it in bank.items]
    assert all((category_keep(it, "en") or 1.0) >= CATEGORY_FLOOR for it in bank.items)


def test_a_short_article_gets_what_its_paragraphs_need():
    """244 words (under the 250 of the six-item floor): one item for two paragraphs in three,
    from the drafts that hold up: two here, since the false statement that had Kim Jong Un
    executed for sleeping (round 24: absurd on its face) is no longer written and the one
    left twists a claim the main idea shows true among its options (since round 31 the
    options that were fragments or pointed back give way to it)."""
    bank = quizgen.generate(ENGINE / "id-kim-rapat.txt", seed=0)
    assert len(bank.items) >= 2
    assert not any(
        "eksekusi mati Kim Jong Un" in it.answer or "eksekusi mati Kim Jong Un" in it.prompt
        for it in bank.items
    )


def test_an_article_with_one_voice_and_no_figures_still_gets_a_main_idea():
    """One speaker, no number, no second person: no false twin exists, yet the bank is made
    (before: "No questions could be made") and its main idea's options come from outside
    the lead paragraph (the lead's neighbours would be second right answers)."""
    bank = quizgen.generate(ENGINE / "id-one-voice.txt", seed=0)
    main = [it for it in bank.items if it.skill == "main_idea"]
    assert main and len(main[0].options) >= 3
    lead_paragraph = bank.text.split("\n\n")[0]
    for o in main[0].options:
        if o != main[0].answer:
            assert o.rstrip(".") not in lead_paragraph


def test_a_blank_never_splits_a_product_name():
    """'Galaxy Note 8': no '_____ 8' (r2 review: the blank split the name)."""
    bank = quizgen.generate(ENGINE / "id-samsung-note.txt", seed=0, kinds=["cloze"], count=12)
    assert bank.items
    for it in bank.items:
        assert not any(ch.isdigit() for ch in it.prompt.split("_____", 1)[-1][:3]), it.prompt


def test_a_short_quote_closed_after_a_comma_is_speech():
    assert quotes_speech("“Sebentar, jangan buru-buru,” kilah Heryawan, saat ditanya.")
    assert not quotes_speech("Program “BBM Satu Harga” berjalan di Papua.")


def test_numbers_are_asked_with_what_they_count():
    """'berapa tahun', 'berapa rupiah': a count in words or a sum of money is asked in place,
    and its options are written as the key is (words for words)."""
    import random

    from quizgen.article import Article
    from quizgen.engine.builders import build_mcq
    from quizgen.engine.context import Context
    from quizgen.engine.questions import number_question
    from quizgen.engine.select import rank_sentences
    from quizgen.lang import get_pack
    from quizgen.text import analyse

    text = (
        "Arema FC resmi mengontrak pemain muda Hanif Sjahbandi pada Selasa. "
        "Hanif mendapatkan kontrak dua tahun di Arema dan mengaku senang. "
        "Klub itu juga membayar biaya transfer senilai Rp 200 juta kepada klub lamanya. "
        "Sebelumnya, Dwi Andika mendapat kontrak lima tahun dari klub yang sama."
    )
    article = Article(text=text, language="id", paragraphs=((0, len(text)),))
    pack = get_pack("id")
    ctx = Context(analyse(article, pack), pack, pack.templates)
    ranked = {r.sentence.index: r for r in rank_sentences(ctx)}
    key = next(c for c in ctx.by_sentence[1] if c.type == "number")
    q = number_question(ctx, ranked[1], key)
    assert q is not None and "berapa tahun" in q.prompt and q.prompt.endswith("?")
    d = build_mcq(ctx, ranked[1], key, q, random.Random(0))
    assert d is not None and all(not o[:1].isdigit() for o in d.item.options)
    money = next(c for c in ctx.by_sentence[2] if c.type == "number")
    q = number_question(ctx, ranked[2], money)
    assert q is not None and "berapa rupiah" in q.prompt


def test_news_outlets_are_neither_keys_nor_options():
    """r2 review: 'CNNIndonesia' offered beside football clubs. A web address, or a name the
    article gives only after a reporting cue ('dilansir', 'diberitakan'), is the outlet."""
    from quizgen.article import Article
    from quizgen.engine.context import Context
    from quizgen.engine.distractors import news_source
    from quizgen.lang import get_pack
    from quizgen.text import analyse

    text = (
        "PT LIB memutuskan memperpanjang jeda kompetisi Liga 1, seperti diberitakan Sport English. "
        "Borneo FC akan menghadapi Madura United pada 3 Juli, kata Risha kepada CNNIndonesia.com. "
        "Madura United meminta jadwal diubah karena para pemainnya merayakan Idul Fitri."
    )
    article = Article(text=text, language="id", paragraphs=((0, len(text)),))
    pack = get_pack("id")
    ctx = Context(analyse(article, pack), pack, pack.templates)
    assert news_source(ctx, "CNNIndonesia")
    assert news_source(ctx, "Sport English")
    assert not news_source(ctx, "Madura United") and not news_source(ctx, "PT LIB")


def _ctx(text: str, lang: str = "id"):
    from quizgen.article import Article
    from quizgen.engine.context import Context
    from quizgen.lang import get_pack
    from quizgen.text import analyse

    article = Article(text=text, language=lang, paragraphs=((0, len(text)),))
    pack = get_pack(lang)
    return Context(analyse(article, pack), pack, pack.templates)


def test_a_time_is_swapped_for_one_written_the_same_way():
    from quizgen.engine.claims import _time_shape

    ctx = _ctx("Putin tiba pada Rabu pagi. Kasparov pensiun pada Maret 2005.")
    assert _time_shape(ctx, "Maret 2005") == _time_shape(ctx, "Juni 2017")
    assert _time_shape(ctx, "Maret 2005") != _time_shape(ctx, "Senin")
    assert _time_shape(ctx, "Rabu pagi") == _time_shape(ctx, "Kamis pagi")


def test_no_number_key_after_more_than_or_up_to():
    """'lebih dari _____' with 30 / 50 / 80: a smaller option would hold too."""
    from quizgen.engine.select import rank_sentences
    from quizgen.engine.write_detail import fact_key_ok

    ctx = _ctx(
        "Polisi menyita lebih dari 300 paspor calon jemaah di Depok pada Selasa. "
        "Petugas juga memeriksa 45 orang saksi dalam kasus penipuan umrah tersebut."
    )
    ranked = {r.sentence.index: r for r in rank_sentences(ctx)}
    first = next(c for c in ctx.by_sentence[0] if c.type == "number")
    second = next(c for c in ctx.by_sentence[1] if c.type == "number")
    assert not fact_key_ok(ctx, ranked[0], first, relaxed=True)
    assert fact_key_ok(ctx, ranked[1], second)


def test_no_blank_on_the_end_of_a_title_and_no_claim_opening_with_yaitu():
    from quizgen.engine.claims import claim_of
    from quizgen.engine.select import rank_sentences
    from quizgen.engine.write_detail import fact_key_ok

    ctx = _ctx(
        "Song Joong Ki dan Song Hye Kyo membintangi drama Descendants of The Sun pada 2016 lalu. "
        "Yaitu petugas keamanan untuk menjaga rumah dan petugas keamanan untuk menjaga kantor milik AGIT."
    )
    ranked = {r.sentence.index: r for r in rank_sentences(ctx)}
    for c in ctx.by_sentence[0]:
        if c.text in ("The Sun", "Sun"):
            assert not fact_key_ok(ctx, ranked[0], c, relaxed=True)
    assert claim_of(ctx, ranked[1]) is None


def test_multiple_choice_only_still_gives_six_items_from_the_sample():
    bank = quizgen.generate(SAMPLE, kinds=["mcq"], seed=0)
    assert len(bank.items) >= 6 and {it.kind for it in bank.items} == {"mcq"}


def test_two_countries_acting_on_each_other_change_roles_in_a_false_twin():
    """'Ancaman Amerika Serikat terhadap Korea Utara' -> 'Ancaman Korea Utara terhadap Amerika
    Serikat'; a list ('Korea Selatan dan Jepang') or one name written twice is never swapped."""
    from quizgen.engine.claims import claim_of, falsify
    from quizgen.engine.select import rank_sentences

    ctx = _ctx(
        "Korea Utara telah lama menjadi fokus Amerika Serikat karena program nuklirnya. "
        "Pasukan Korea Selatan dan Jepang berlatih bersama di laut setiap tahun sejak 2010."
    )
    ranked = {r.sentence.index: r for r in rank_sentences(ctx)}
    twins = [f.text for f in falsify(ctx, claim_of(ctx, ranked[0]))]
    assert "Amerika Serikat telah lama menjadi fokus Korea Utara karena program nuklirnya." in twins
    second = claim_of(ctx, ranked[1])
    if second is not None:
        assert not any("Jepang dan Korea Selatan" in f.text for f in falsify(ctx, second))


def test_typed_items_only_when_asked_for():
    """Reviewers kept 3 of 56 typed items in rounds 14-17: a default bank is choices (and
    true/false); typed blanks and short answers come when the teacher asks for them."""
    from quizgen.engine.options import make_options
    from quizgen.engine.portfolio import typed_asked

    long_article = Path(__file__).parent / "data" / "engine" / "en-norwegian-sun.txt"
    for path in (SAMPLE, long_article):
        bank = quizgen.generate(path, seed=3)
        assert bank.items and not [
            it for it in bank.items if it.kind == "short_answer" or (it.kind == "cloze" and not it.options)
        ]
    typed = quizgen.generate(long_article, cloze_choices=False, kinds=["cloze"], seed=3)
    assert typed.items and all(not it.options for it in typed.items)
    assert typed_asked(make_options(kinds=["short_answer"]))
    assert typed_asked(make_options(kinds="cloze,short_answer"))
    assert not typed_asked(make_options())
    assert not typed_asked(make_options(kinds=["cloze"]))


def test_a_bank_short_of_its_minimum_asks_statements_alone_rather_than_lose_an_item():
    """A "NOT true" question showing three of the Rjukan article's sentences blocked the one
    question left on one of them (the artist who moved to Rjukan): a quiz of four asked for
    had three. Short of its minimum, the selection is made again without such questions; their
    statements stand alone and the question is asked."""
    path = ENGINE / "en-norwegian-sun.txt"
    for count in (None, 4):
        bank = quizgen.generate(path, seed=0, count=count)
        assert len(bank.items) == 4
        assert "Martin Andersen" in [it.answer for it in bank.items]
        assert not any(it.skill == "statement" and len(it.options) == 4 for it in bank.items)
