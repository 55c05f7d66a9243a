"""Sentence splitting and tokens: abbreviations, decimals, dates, quotes, ellipses, initials."""

from __future__ import annotations

import pytest

from quizgen.article import Article
from quizgen.lang import get_pack
from quizgen.text import analyse
from quizgen.text.lexicon import lexicon_for
from quizgen.text.sentences import paragraph_spans, split_sentences
from quizgen.text.tokens import tokenize


def sentences(text: str, lang: str) -> list[str]:
    out = split_sentences(text, lexicon_for(get_pack(lang)))
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        # abbreviations
        ("id", "Pasien dirawat dr. Budi di rumah sakit. Ia pulang kemarin.", 2),
        ("id", "Prof. Sri Mulyani hadir. Rapat dimulai pukul 10.", 2),
        ("id", "Kantornya di Jl. Sudirman No. 5, Jakarta. Gedung itu baru.", 2),
        ("id", "Ia membeli beras, gula, dll. untuk keluarganya. Harganya naik.", 2),
        ("en", "He moved to the U.S. in 2010. Mr. Smith said so.", 2),
        ("en", "Dr. Jones met Prof. Brown on Monday. They talked.", 2),
        ("id", "Harga naik menjadi Rp. 5.000 per kilo. Warga mengeluh.", 2),
        ("id", "Rapat pada 5 Agu. 2024 lalu. Ia hadir.", 2),
        ("en", "The U.K. government said no. Ministers agreed.", 2),
        ("en", "He lives at No. 5 Downing Street. It is old.", 2),
        ("en", "She met Gen. Smith on Jan. 5. They talked.", 2),
        ("en", "He arrived at 5 p.m. on Monday. We left.", 2),
        # decimals, percentages and dates
        ("id", "Ekonomi tumbuh 2,5 persen tahun ini. Inflasi 3.5% saja.", 2),
        ("en", "Growth was 3.5% last year. It was 2.7% before.", 2),
        ("id", "Rapat digelar Selasa (21/10/2025) di Jakarta. Semua hadir.", 2),
        ("en", "The deadline is 21/10/2025 for everyone. Nobody objected.", 2),
        # quotes
        ("id", "“Kami siap. Kami datang,” kata dia. Lalu ia pergi.", 2),
        ("en", "“We are ready. We will come,” she said. Then she left.", 2),
        ("id", 'Ia berkata "Saya setuju. Itu benar." Lalu pulang.', 2),
        # ellipses
        ("id", "Dia berkata… lalu pergi begitu saja. Kami menunggu.", 2),
        ("en", "He paused... and then he left the room. We waited.", 2),
        ("en", "Wait... We are not done yet. Then we left.", 2),
        # initials
        ("en", "The book by J. K. Rowling sold well. Fans loved it.", 2),
        ("id", "Novel karya J. K. Rowling laris. Penggemarnya senang.", 2),
        ("en", "George W. Bush spoke on Tuesday. The crowd cheered.", 2),
    ],
)
def test_sentence_cases(lang, text, expected):
    got = sentences(text, lang)
    assert len(got) == expected, got


def test_abbreviation_then_sentence_starter_splits():
    got = sentences("Ia membeli beras, gula, dll. Namun harganya naik.", "id")
    assert got == ["Ia membeli beras, gula, dll.", "Namun harganya naik."]


def test_dotted_short_name_stays_whole():
    # round 101: "Sebanyak _____ dihadirkan oleh Si." cut the brand Si. Se. Sa at its first dot
    got = sentences(
        "Sebanyak 28 look dihadirkan oleh Si. Se. Sa dengan motif bunga. Gaya khas Si. Se. Sa. "
        "Selain itu, ada Swarovski. Gaya khas Si. Se. Sa. Ia senang.",
        "id",
    )
    assert got == [
        "Sebanyak 28 look dihadirkan oleh Si. Se. Sa dengan motif bunga.",
        "Gaya khas Si. Se. Sa.",
        "Selain itu, ada Swarovski.",
        "Gaya khas Si. Se. Sa.",
        "Ia senang.",
    ]


def test_quote_stays_with_its_attribution():
    got = sentences("“Kami siap. Kami datang,” kata dia. Lalu ia pergi.", "id")
    assert got[0] == "“Kami siap. Kami datang,” kata dia."


def test_list_markers_and_closing_quotes_stay_with_their_sentence():
    got = sentences("Daftarnya:\n1. Pemain A mencetak gol. 2. Pemain B kartu merah.", "id")
    assert got == ["Daftarnya:", "1. Pemain A mencetak gol.", "2. Pemain B kartu merah."]
    got = sentences("Ia berkata, “Kami siap.” Lalu pergi.", "id")
    assert got == ["Ia berkata, “Kami siap.”", "Lalu pergi."]


def test_a_long_quotation_may_be_split():
    quote = " ".join(f"Kalimat nomor {i} dalam kutipan ini cukup panjang." for i in range(12))
    got = sentences(f"Ia berkata: “{quote}” Lalu pergi.", "id")
    assert len(got) > 5


def test_sentences_never_cross_paragraphs():
    text = "Judul tanpa titik\n\nParagraf satu tanpa titik\n\nParagraf dua. Kalimat lain."
    got = sentences(text, "id")
    assert got == ["Judul tanpa titik", "Paragraf satu tanpa titik", "Paragraf dua.", "Kalimat lain."]


def test_line_per_paragraph_and_wrapped_lines():
    text = "Baris pertama selesai.\nBaris kedua selesai.\nIni baris yang terpotong karena\nlebar kolom di berkas teks."
    got = sentences(text, "id")
    assert got[:2] == ["Baris pertama selesai.", "Baris kedua selesai."]
    assert got[2] == "Ini baris yang terpotong karena\nlebar kolom di berkas teks."


def test_paragraph_indexes_follow_article_paragraphs():
    text = "Satu. Dua.\n\nTiga."
    art = Article(text=text, language="id", paragraphs=((0, 10), (12, 17)))
    layer = analyse(art)
    assert [(s.text, s.paragraph) for s in layer.sentences] == [("Satu.", 0), ("Dua.", 0), ("Tiga.", 1)]


def test_paragraph_spans_trim_blank_blocks():
    assert paragraph_spans("  a b \n\n\n  c  \n") == [(2, 5), (11, 12)]


def test_empty_text_has_no_sentences():
    assert sentences("", "id") == []
    assert sentences("   \n\n  ", "en") == []


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Kim Jong-un bertemu Putin.", ["Kim", "Jong-un", "bertemu", "Putin"]),
        ("negara-negara di Asia-Pasifik", ["negara-negara", "di", "Asia-Pasifik"]),
        ("naik 2,5 persen dari 1.000.000", ["naik", "2,5", "persen", "dari", "1.000.000"]),
        ("on 21/10/2025 the U.S. said", ["on", "21/10/2025", "the", "U.S.", "said"]),
        ("Kim’s plan, don't stop", ["Kim’s", "plan", "don't", "stop"]),
        ("COVID-19 (3.5%)", ["COVID-19", "3.5"]),
    ],
)
def test_tokens(text, tokens):
    got = tokenize(text)
    assert [t.text for t in got] == tokens
    assert all(text[t.start : t.end] == t.text for t in got)
