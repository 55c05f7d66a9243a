"""Numbers (value, unit, separators per language) and times (weekdays, dates, years)."""

from __future__ import annotations

import pytest

from quizgen.article import Article
from quizgen.text import analyse
from quizgen.text.numbers import parse_number


def candidates(text: str, lang: str, type_: str):
    layer = analyse(Article(text=text, language=lang))
    for c in layer.candidates:
        assert text[c.start : c.end] == c.text
    return [c for c in layer.candidates if c.type == type_]


@pytest.mark.parametrize(
    "s, decimal_comma, value",
    [
        ("2,5", True, 2.5),
        ("1.000", True, 1000.0),
        ("1.000.000", True, 1_000_000.0),
        ("3.5", True, 3.5),  # one digit after the dot: a decimal in any language
        ("2,500", True, 2.5),
        ("1.234,56", True, 1234.56),
        ("3.5", False, 3.5),
        ("1,000", False, 1000.0),
        ("1,234.56", False, 1234.56),
        ("1,000,000", False, 1_000_000.0),
        ("0,750", False, 0.75),
        ("48", False, 48.0),
    ],
)
def test_parse_number(s, decimal_comma, value):
    assert parse_number(s, decimal_comma) == pytest.approx(value)


def test_parse_number_rejects_non_numbers():
    with pytest.raises(ValueError):
        parse_number("2,5a", True)


@pytest.mark.parametrize(
    "lang, text, span, value, unit, subtype",
    [
        ("id", "Ekonomi tumbuh 2 persen tahun lalu.", "2 persen", 2, "persen", "percent"),
        ("id", "Inflasi naik 2,5 persen bulan ini.", "2,5 persen", 2.5, "persen", "percent"),
        ("id", "Pemerintah menyiapkan Rp 5 triliun untuk bantuan.", "Rp 5 triliun", 5e12, "Rp", "currency"),
        ("id", "Tiket dijual Rp850 ribu per lembar.", "Rp850 ribu", 850_000, "Rp", "currency"),
        ("id", "Polisi menyita 18 kotak berisi dokumen.", "18 kotak", 18, "kotak", None),
        (
            "id",
            "Investasi itu bernilai 48 miliar dollar AS menurut laporan.",
            "48 miliar dollar AS",
            48e9,
            None,
            "currency",
        ),
        ("id", "Sebanyak dua orang ditangkap polisi.", "dua orang", 2, "orang", None),
        ("id", "Jumlah penduduk 1.500.000 jiwa pada sensus.", "1.500.000 jiwa", 1_500_000, None, None),
        ("en", "Sales rose 3.5 million last year.", "3.5 million", 3.5e6, "million", None),
        ("en", "About 50% of voters agreed.", "50%", 50, "%", "percent"),
        ("en", "The prize was $250,000 this time.", "$250,000", 250_000, "$", "currency"),
        ("en", "The team scored 1,000 points in total.", "1,000 points", 1000, "points", None),
    ],
)
def test_numbers(lang, text, span, value, unit, subtype):
    found = [c for c in candidates(text, lang, "number") if c.text == span]
    assert found, candidates(text, lang, "number")
    c = found[0]
    assert c.value == pytest.approx(value)
    if unit is not None:
        assert c.unit == unit
    if subtype is not None:
        assert c.subtype == subtype
    assert c.reasons and c.group.startswith("number:")


def test_salah_satu_is_not_a_quantity():
    assert not candidates("Ia adalah salah satu pejabat senior.", "id", "number")


def test_a_number_after_a_rank_word_is_a_place_not_a_count():
    """Round 21: "MU tetap di peringkat _____" keyed "lima klasemen" among "tujuh klasemen"."""
    texts = [
        c.text for c in candidates("MU tetap di peringkat lima klasemen dengan 65 poin.", "id", "number")
    ]
    assert "lima klasemen" not in texts and "65 poin" in texts
    assert "Dua pemain" in [c.text for c in candidates("Dua pemain MU mengalami cedera.", "id", "number")]


@pytest.mark.parametrize(
    "lang, text, span, subtype",
    [
        ("id", "Putin tiba di Pyongyang pada hari Rabu sebelum rapat.", "Rabu", "weekday"),
        ("id", "Putin tiba di Pyongyang pada Rabu pagi, lalu berpidato.", "Rabu pagi", "weekday"),
        ("id", "Pertemuan itu digelar pada 20 Juni 2024 di Pyongyang.", "20 Juni 2024", "date"),
        ("id", "Sidang digelar Selasa (21/10/2025) di Jakarta.", "Selasa (21/10/2025)", "date"),
        ("id", "Gedung itu dibangun pada tahun 2017 oleh pemerintah.", "2017", "year"),
        ("id", "Harga naik sejak Juli lalu menurut data.", "Juli lalu", "month"),
        ("en", "The law changed in March 2021 after a vote.", "March 2021", "month"),
        ("en", "She was shot on 9 October 2012 in the valley.", "9 October 2012", "date"),
        ("en", "The vote was held on June 20, 2024 in the city.", "June 20, 2024", "date"),
        ("en", "They met on Wednesday morning in Paris.", "Wednesday morning", "weekday"),
        ("id", "Penelitian berlangsung April-September 2005 di Jakarta.", "April", "month"),
    ],
)
def test_times(lang, text, span, subtype):
    times = candidates(text, lang, "time")
    match = [c for c in times if c.text == span]
    assert match, [c.text for c in times]
    assert match[0].subtype == subtype
    assert not [
        c for c in candidates(text, lang, "number") if c.start < match[0].end and match[0].start < c.end
    ]


def test_short_weekday_names_need_a_date():
    times = [c.text for c in candidates("Rapat pada Sab (21/10) dan Jumat pagi. Kam datang.", "id", "time")]
    assert times == ["Sab (21/10)", "Jumat pagi"]
    assert [c.text for c in candidates("The Sun reported it on Mon 5 June.", "en", "time")] == ["Mon 5 June"]


def test_the_verb_may_is_not_a_month():
    assert not candidates("They may come later, she said.", "en", "time")


def test_a_year_followed_by_a_unit_is_a_quantity():
    nums = candidates("Sebanyak 2000 orang hadir di sana.", "id", "number")
    assert [(c.text, c.value) for c in nums] == [("2000 orang", 2000)]
    assert not candidates("Sebanyak 2000 orang hadir di sana.", "id", "time")


def test_weekdays_and_months_are_not_names():
    layer = analyse(
        Article(text="Pada Senin, Menteri Budi Santoso tiba di Bandung bulan Juni.", language="id")
    )
    names = {c.text for c in layer.candidates if c.type in ("person", "place", "organisation")}
    assert "Senin" not in names and "Juni" not in names
    assert {"Budi Santoso", "Bandung"} <= names


def test_windows_cut_at_whitespace_and_merge():
    from quizgen.text.windows import windows

    text = "aaa bbb 12 ccc ddd eee fff 34 ggg"
    spans = [(8, 10), (27, 29)]
    assert windows(text, spans, 2, 2) == [(4, 14), (23, 33)]
    assert windows(text, spans, 20, 20) == [(0, 33)]
    assert windows(text, [], 2, 2) == []


def test_detectors_find_the_same_with_or_without_tokens():
    from quizgen.lang import get_pack
    from quizgen.text.lexicon import lexicon_for
    from quizgen.text.numbers import find_numbers
    from quizgen.text.times import find_times
    from quizgen.text.tokens import tokenize

    lex = lexicon_for(get_pack("id"))
    text = (
        "Selasa (21/10/2025) harga naik 2,5 persen menjadi Rp 5 triliun; dua orang hadir pada 20 Juni 2024."
    )
    assert find_times(text, lex) == find_times(text, lex, tokenize(text))
    assert find_numbers(text, lex) == find_numbers(text, lex, tokenize(text))
    assert [text[f.start : f.end] for f in find_times(text, lex)] == ["Selasa (21/10/2025)", "20 Juni 2024"]
