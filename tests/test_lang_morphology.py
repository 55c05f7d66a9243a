"""Stems, affixes and word frequencies of the language packs (offline, no NLTK data)."""

from __future__ import annotations

import pytest

from quizgen.lang import get_pack


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("persahabatan", ("per", "sahabat", "an")),
        ("memperkuat", ("memper", "kuat", "")),
        ("nuklirnya", ("", "nuklir", "nya")),
        ("perdamaian", ("per", "damai", "an")),
        ("persatuan", ("per", "satu", "an")),
        ("memperluas", ("memper", "luas", "")),
        ("Nuklirnya", ("", "nuklir", "nya")),
        ("dipertanyakan", ("diper", "tanya", "kan")),
        ("keberangkatan", ("ke", "berangkat", "an")),
        ("bertemu", ("ber", "temu", "")),
        ("nuklir", ("", "nuklir", "")),
        ("2024", ("", "2024", "")),
        ("Jong-un", ("", "jong-un", "")),
    ],
)
def test_indonesian_affixes_reconstruct_the_word(word, parts):
    pack = get_pack("id")
    assert pack.affixes(word) == parts
    assert "".join(parts) == word.lower()


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("memukul", ("mem", "pukul", "")),
        ("penulis", ("pen", "tulis", "")),
        ("mengatakan", ("meng", "kata", "kan")),
        ("menyampaikan", ("meny", "sampai", "kan")),
        ("pembangunan", ("pem", "bangun", "an")),
    ],
)
def test_indonesian_affixes_with_nasal_substitution(word, parts):
    assert get_pack("id").affixes(word) == parts


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("persahabatan", "sahabat"),
        ("nuklirnya", "nuklir"),
        ("nuklir", "nuklir"),
        ("kunjungannya", "kunjung"),
        ("anak-anak", "anak"),
        ("Pertemuan", "temu"),
        ("", ""),
    ],
)
def test_indonesian_stems(word, stem):
    assert get_pack("id").stem(word) == stem


def test_nuklir_and_nuklirnya_group_together():
    pack = get_pack("id")
    assert pack.stem("nuklir") == pack.stem("nuklirnya")


@pytest.mark.parametrize(
    ("word", "stem", "parts"),
    [
        ("talks", "talk", ("", "talk", "s")),
        ("negotiations", "negoti", ("", "negoti", "ations")),
        ("running", "run", ("", "run", "ning")),
        ("Putin's", "putin", ("", "putin", "'s")),
        ("players'", "player", ("", "player", "s'")),
        ("nuclear", "nuclear", ("", "nuclear", "")),
        ("U.S.", "u.s.", ("", "u.s.", "")),
    ],
)
def test_english_stems_and_affixes(word, stem, parts):
    pack = get_pack("en")
    assert pack.stem(word) == stem
    assert pack.affixes(word) == parts
    assert "".join(pack.affixes(word)) == word.lower()


def test_zipf_frequencies_are_plausible():
    idp, enp = get_pack("id"), get_pack("en")
    assert idp.zipf("yang") > 7.0
    assert enp.zipf("the") > 7.0
    assert 3.0 < idp.zipf("nuklir") < 6.0
    assert idp.zipf("Yang") == idp.zipf("yang")
    assert idp.zipf("qzxqzxq") == 0.0
    assert idp.zipf("") == 0.0
    # a common word is more frequent than a rare one, in each language
    assert idp.zipf("presiden") > idp.zipf("rudal") > idp.zipf("hipersonik")
    assert enp.zipf("president") > enp.zipf("missile") > enp.zipf("hypersonic")
    # each pack uses its own language's frequencies
    assert idp.zipf("dengan") > enp.zipf("dengan") + 2
