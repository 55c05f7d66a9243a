"""Golden expectations for the text layer on the user's sample article, and offsets on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

import quizgen
from quizgen.text import analyse

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
ARTICLES = sorted(
    [SAMPLE]
    + list((DATA / "text").glob("*.txt"))
    + list((DATA / "corpus").glob("*.txt"))
    + list((DATA / "lang").glob("*.txt"))
)


@pytest.fixture(scope="module")
def sample():
    return analyse(quizgen.load_article(SAMPLE))


def _find(layer, text, type_=None):
    return [c for c in layer.candidates if c.text == text and (type_ is None or c.type == type_)]


def test_sample_sentences(sample):
    sents = sample.sentences
    assert 20 <= len(sents) <= 30
    assert sents[0].text.startswith("Presiden Rusia Vladimir Putin menerima")
    assert sents[0].text.endswith("Kim Jong Un.")
    # the quotation stays inside its sentence
    assert "“tak terkalahkan dan tahan lama” persahabatan" in sents[1].text
    assert sents[-1].text.startswith("Kerjasama antara Korea Utara dan Rusia")
    # paragraphs are kept: 8 or 9 of them, non-decreasing
    paragraphs = [s.paragraph for s in sents]
    assert paragraphs == sorted(paragraphs) and len(set(paragraphs)) >= 8
    assert [s.index for s in sents] == list(range(len(sents)))


def test_sample_golden_candidates(sample):
    assert _find(sample, "Vladimir Putin", "person")
    assert _find(sample, "Pyongyang", "place")
    assert _find(sample, "Korea Utara", "place")
    assert _find(sample, "Amerika Serikat", "place")
    assert _find(sample, "Rabu", "time")
    assert _find(sample, "Rabu pagi", "time")
    assert _find(sample, "Kim Jong-un", "person")
    assert _find(sample, "Kim Jong Un", "person")
    assert _find(sample, "Asia-Pasifik", "place")
    assert _find(sample, "Semenanjung Korea", "place")
    # the title is not part of the name; the country after it is a place
    first = [c for c in sample.candidates if c.sentence == 0]
    assert not any(c.text.startswith("Presiden") for c in first if c.type != "term")
    assert any(c.text == "Rusia" and c.type == "place" and c.subtype == "country" for c in first)
    putin = _find(sample, "Vladimir Putin")[0]
    assert any("Presiden" in r for r in putin.reasons)
    assert _find(sample, "Pyongyang")[0].subtype == "capital"


def test_sample_alias_groups(sample):
    group = {c.text: c.group for c in sample.candidates if c.type in ("person", "place")}
    assert group["AS"] == group["Amerika Serikat"]
    assert group["Kim Jong Un"] == group["Kim Jong-un"]
    assert group["Putin"] == group["Vladimir Putin"]
    assert group["Korea Utara"] != group["Amerika Serikat"]
    assert all(c.type == "place" for c in _find(sample, "AS"))
    assert all(c.type == "person" for c in _find(sample, "Putin"))


def test_sample_terms_grouped_by_stem(sample):
    nuklir = [c for c in sample.candidates if c.type == "term" and c.stem == "nuklir"]
    assert nuklir and nuklir[0].text == "nuklirnya" and nuklir[0].group == "term:nuklir"
    terms = [c for c in sample.candidates if c.type == "term"]
    stopwords = quizgen.get_pack("id").stopwords
    assert not any(c.text.lower() in stopwords for c in terms)
    # one occurrence per group and sentence
    keys = [(c.group, c.sentence) for c in terms]
    assert len(keys) == len(set(keys))


def test_sample_common_words_are_not_names(sample):
    names = {c.text for c in sample.candidates if c.type in ("person", "place", "organisation")}
    for word in ("Media", "Ketegangan", "Sanksi", "Kehadiran", "Pertemuan", "Dalam", "Hal", "Kerjasama"):
        assert word not in names
    dropped = {d.text: d.reason for d in sample.dropped}
    assert "sentence-initial" in dropped["Media"]
    assert "sentence-initial" in dropped["Ketegangan"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_offsets_exact_on_real_articles(path):
    art = quizgen.load_article(path)
    layer = analyse(art)
    text = art.text
    assert layer.sentences, path
    prev_end = 0
    for s in layer.sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.start >= prev_end
        prev_end = s.end
    for t in layer.tokens:
        assert text[t.start : t.end] == t.text
    last = (-1, -1)
    for c in layer.candidates:
        assert text[c.start : c.end] == c.text
        s = layer.sentences[c.sentence]
        assert s.start <= c.start < c.end <= s.end
        assert c.type in ("person", "place", "organisation", "time", "number", "term")
        assert c.reasons and c.group
        assert (c.start, c.end) >= last
        last = (c.start, c.end)
    for d in layer.dropped:
        assert text[d.start : d.end] == d.text and d.reason
    # candidates do not overlap one another
    spans = sorted((c.start, c.end) for c in layer.candidates)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    # sentences never cross a paragraph
    if art.paragraphs:
        for s in layer.sentences:
            assert any(a <= s.start and s.end <= b for a, b in art.paragraphs)


def test_analyse_takes_the_pack_from_the_article_language():
    from quizgen.article import Article
    from quizgen.errors import UnsupportedLanguageError

    layer = analyse(Article(text="Presiden Joko Widodo tiba di Bandung pada hari Rabu.", language="id"))
    assert {c.text for c in layer.candidates} >= {"Joko Widodo", "Bandung", "Rabu"}
    with pytest.raises(UnsupportedLanguageError):
        analyse(Article(text="Hola mundo.", language="xx"))


def test_analyse_is_deterministic(sample):
    again = analyse(quizgen.load_article(SAMPLE))
    assert again == sample
