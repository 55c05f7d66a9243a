"""Why-items of the relation writer: the reason the article gives, among other true
statements of the article (``quizgen/engine/write_relation.py``)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import quizgen
from quizgen.engine.builders import plain_prose
from quizgen.engine.context import Context
from quizgen.engine.select import rank_sentences
from quizgen.engine.write_relation import cause_of, write_cause
from quizgen.lang import get_pack
from quizgen.text import analyse

DATA = Path(__file__).parent / "data" / "engine"


def _ctx(path: Path, lang: str) -> Context:
    pack = get_pack(lang)
    return Context(analyse(quizgen.load_article(path), pack), pack, pack.templates)


def _text_ctx(text: str, lang: str = "id") -> Context:
    pack = get_pack(lang)
    return Context(analyse(quizgen.load_article(text.encode()), pack), pack, pack.templates)


def _drafts(ctx: Context):
    every = sorted(rank_sentences(ctx), key=lambda r: r.sentence.index)
    return write_cause(ctx, [r for r in every if r.usable], every, random.Random(0))


@pytest.mark.parametrize(
    ("name", "lang", "prompt", "key"),
    [
        (
            "id-maraton-cause.txt",
            "id",
            "Mengapa Pemerintah Kota Bandung menutup tiga jalan utama pada Sabtu pagi?",
            "Ribuan warga mengikuti lomba lari maraton tahunan",
        ),
        (
            "en-marathon-cause.txt",
            "en",
            "According to the article, what is the reason that the city council closed three main roads "
            "on Saturday morning?",
            "Thousands of residents were running in the annual marathon",
        ),
    ],
)
def test_reason_among_other_statements(name, lang, prompt, key):
    ctx = _ctx(DATA / name, lang)
    drafts = _drafts(ctx)
    assert drafts and {(d.item.prompt, d.item.answer) for d in drafts} == {(prompt, key)}
    assert len({d.item.options for d in drafts}) == len(drafts)  # versions with other wrong reasons
    item = drafts[0].item
    assert item.kind == "mcq" and item.skill == "relation"
    assert item.prompt == prompt and item.answer == key
    # the key is the article's own words, at its offsets
    start, end = item.answer_span
    assert ctx.text[start:end].lower() == key.lower()
    wrong = [o for o in item.options if o != key]
    assert len(wrong) == 3
    source = item.source.start
    for o in wrong:
        at = ctx.text.find(o[1:])  # each wrong reason is a statement the article makes ...
        assert at > 0
        # ... in a sentence at least two sentences away from the one asked about
        index = next(s.index for s in ctx.layer.sentences if s.start <= at < s.end)
        asked = next(s.index for s in ctx.layer.sentences if s.start == source)
        assert abs(index - asked) >= 2


def test_no_reason_from_a_noun_phrase_or_a_quote():
    """"karena program nuklirnya" names no clause; speech stays out: no item."""
    text = (
        "Korea Utara telah lama menjadi fokus Amerika Serikat karena program nuklirnya. "
        "“Kami pergi karena pemerintah tidak peduli kepada kami,” kata seorang warga. "
        "Presiden Kim Jong-un bertemu Presiden Rusia Vladimir Putin di Pyongyang. "
        "Kedua pemimpin menandatangani perjanjian kerja sama pertahanan. "
        "Amerika Serikat dan Korea Selatan mengecam pertemuan tersebut."
    )
    ctx = _text_ctx(text)
    every = sorted(rank_sentences(ctx), key=lambda r: r.sentence.index)
    assert all(cause_of(ctx, rs) is None for rs in every)


def test_result_connective_asks_the_effect():
    """"X sehingga Y": why Y? because X."""
    text = (
        "Hujan deras mengguyur Kota Bogor sejak pagi sehingga sejumlah jalan utama tergenang air. "
        "Wali Kota Bogor Bima Arya meninjau lokasi banjir pada siang hari. "
        "Petugas pemadam kebakaran mengevakuasi puluhan warga ke masjid terdekat. "
        "Dinas Sosial membagikan lima ratus paket makanan kepada para pengungsi. "
        "Sekolah di dua kecamatan meliburkan para siswa selama dua hari. "
        "Badan Meteorologi memperkirakan hujan lebat masih turun hingga akhir pekan."
    )
    ctx = _text_ctx(text)
    rs = next(r for r in rank_sentences(ctx) if r.sentence.index == 0)
    cause = cause_of(ctx, rs)
    assert cause is not None
    assert cause.effect == "sejumlah jalan utama tergenang air"
    assert cause.reason == "Hujan deras mengguyur Kota Bogor sejak pagi"


def test_participle_check_spares_a_time_of_day():
    """"... on Saturday morning?" is no dangling participle ("..., adding?" is)."""
    ctx = _ctx(DATA / "en-marathon-cause.txt", "en")
    assert plain_prose(ctx, "Why did the council close the roads on Saturday morning?")
    assert not plain_prose(ctx, "What did the mayor say about the race, adding?")


def test_which_party_only_for_a_named_body():
    """"Pihak mana ...?" asks for a body; a device the tagger took for one gets no question."""
    from quizgen.engine.questions import subject_question

    text = (
        "Toyota memperkenalkan robot humanoid generasi ketiga di Tokyo pada Kamis. "
        "Master Maneuvering System menyimpan 16 modul torsi di area tubuh robot. "
        "Kementerian Perindustrian mendukung pengembangan robot buatan dalam negeri. "
        "Robot itu dapat dikendalikan dari jarak jauh oleh seorang operator."
    )
    ctx = _text_ctx(text)
    asked = set()
    for rs in rank_sentences(ctx):
        for c in ctx.by_sentence.get(rs.sentence.index, ()):
            if c.type == "organisation":
                q = subject_question(ctx, rs, c)
                if q is not None:
                    asked.add(q.answer)
    assert "Master Maneuvering System" not in asked


def test_no_studio_or_song_swapped_in_for_a_person():
    """"Charles berkarier di Animal Logic": a name written after "di" (or "single", "lagu") is
    a place, a body or a work, never a person a false statement swaps in."""
    from quizgen.engine.claims import _located, _person_pool

    text = (
        "Charles Santoso adalah ilustrator asal Indonesia yang bekerja di Australia. "
        "Lulus dari universitas di Sydney, Charles berkarier di Animal Logic selama sepuluh tahun. "
        "Menurut Charles, Animal Logic memberinya banyak pengalaman. "
        "Rekannya, Griselda Sastrawinata, bekerja di studio Disney. "
        "Griselda mengatakan ilustrator Indonesia semakin dikenal dunia. "
        "Agnez Mo merilis single Coke Bottle pada 2014. "
        "Coke Bottle menjadi lagu pertama Agnez di Amerika."
    )
    ctx = _text_ctx(text)
    assert _located(ctx, "Animal Logic") and _located(ctx, "Coke Bottle")
    assert not _located(ctx, "Griselda Sastrawinata")
    charles = next(c for c in ctx.layer.candidates if c.text == "Charles" and c.type == "person")
    pool = {d.text for d in _person_pool(ctx, charles)}
    assert not pool & {"Logic", "Animal Logic", "Bottle", "Coke Bottle"}
