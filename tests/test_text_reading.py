"""A very long text is read in part: its opening and passages spread over the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import quizgen
from quizgen.article import Sentence
from quizgen.bank import loads_bank
from quizgen.cli import cli as cli_main
from quizgen.lang import get_pack
from quizgen.text import analyse
from quizgen.text.lexicon import lexicon_for
from quizgen.text.reading import LEAD_SHARE, PASSAGES, READ_CHARS, read_sentences
from quizgen.text.sentences import split_sentences

DATA = Path(__file__).parent / "data"


def long_text(chars: int) -> str:
    """Real Indonesian articles, each numbered so no two paragraphs are the same, joined
    until ``chars`` characters."""
    sources = [DATA / "id-kim-putin-2024.txt", *sorted((DATA / "engine").glob("id-*.txt"))]
    parts, n, k = [], 0, 0
    while n < chars:
        body = sources[k % len(sources)].read_text(encoding="utf-8").strip()
        part = f"Bagian {k + 1}.\n\n{body}"
        parts.append(part)
        n += len(part) + 2
        k += 1
    return "\n\n".join(parts)


def sentences_of(text: str) -> tuple[Sentence, ...]:
    return split_sentences(text, lexicon_for(get_pack("id")))


def test_a_news_article_is_read_whole():
    text = (DATA / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
    every = sentences_of(text)
    assert read_sentences(every) == every
    article = quizgen.load_article(str(DATA / "id-kim-putin-2024.txt"))
    layer = analyse(article)
    assert layer.read is None
    assert "read" not in quizgen.generate(article, seed=0).generator


def test_a_long_text_reads_its_opening_and_passages_spread_over_it():
    text = long_text(400_000)
    every = sentences_of(text)
    read = read_sentences(every)
    chars = sum(s.end - s.start for s in read)
    longest = max(s.end - s.start for s in every)
    assert READ_CHARS * 0.8 <= chars <= READ_CHARS + PASSAGES * longest
    assert [s.index for s in read] == list(range(len(read)))  # renumbered in order
    assert all(text[s.start : s.end] == s.text for s in read)  # offsets into the whole text
    assert read[0].start == every[0].start  # the opening
    # a passage in every twelfth of the rest, the last one near the end
    lead = READ_CHARS * LEAD_SHARE
    step = (every[-1].end - lead) / PASSAGES
    for p in range(PASSAGES):
        lo = lead + step * p
        assert any(lo - 5_000 <= s.start < lo + step for s in read), p
    assert read[-1].end > every[-1].end - step
    assert read_sentences(every) == read  # deterministic
    # passages start at a paragraph's first sentence
    firsts = {s.start for n, s in enumerate(every) if n == 0 or every[n - 1].paragraph != s.paragraph}
    where = {s.start: n for n, s in enumerate(every)}
    starts = [s for n, s in enumerate(read) if n and where[s.start] != where[read[n - 1].start] + 1]
    assert starts and all(s.start in firsts for s in starts)


def test_one_very_long_paragraph_is_read_in_passages_too():
    one = " ".join(long_text(200_000).split())  # no paragraph breaks at all
    every = sentences_of(one)
    read = read_sentences(every)
    assert len({s.paragraph for s in every}) == 1
    assert sum(s.end - s.start for s in read) < READ_CHARS * 1.2
    assert read[-1].start > len(one) * 0.85  # the passages reach the end


def test_a_long_text_makes_a_sound_bank_from_all_over_it(tmp_path):
    text = long_text(300_000)
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    bank = quizgen.generate(quizgen.load_article(str(path)), language="id", seed=3)
    read = bank.generator["read"]
    assert read["of"] == len(bank.article["text"]) and read["chars"] < read["of"] / 3
    assert read["passages"] >= PASSAGES
    assert len(bank.items) >= 4  # the text repeats five articles: many drafts are the same fact
    for it in bank.items + bank.alternates:
        assert bank.article["text"][it.source.start : it.source.end] == it.source.sentence
    assert max(it.source.start for it in bank.items + bank.alternates) > len(text) / 3
    again = loads_bank(bank.to_json())  # the record survives the bank file
    assert again.generator["read"] == read
    same = quizgen.generate(quizgen.load_article(str(path)), language="id", seed=3)
    assert (same.items, same.alternates) == (bank.items, bank.alternates)


def test_the_cli_says_a_long_text_was_read_in_part(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(long_text(150_000), encoding="utf-8")
    out = tmp_path / "bank.json"
    res = CliRunner().invoke(cli_main, ["generate", str(path), "-o", str(out), "--lang", "id"])
    assert res.exit_code == 0, res.output
    assert "A long text: items come from" in res.output
    assert "passages spread over the rest" in res.output


@pytest.mark.parametrize("chars", [65_000, 150_000, 800_000])
def test_only_the_paragraphs_around_the_passages_are_split_and_the_reading_is_the_same(chars):
    """Splitting a megabyte into sentences costs half a second: a long text is split only in
    the paragraphs around its opening and its passages' places, the others only counted; the
    sentences read, their offsets and paragraph numbers are those of the whole text split."""
    from quizgen.text import _sentences
    from quizgen.text.reading import paragraphs_to_split
    from quizgen.text.sentences import paragraph_spans

    lex = lexicon_for(get_pack("id"))
    text = long_text(chars)
    whole = read_sentences(split_sentences(text, lex))
    part = read_sentences(_sentences(text, lex, ()))
    assert [(s.start, s.end, s.paragraph, s.index) for s in part] == [
        (s.start, s.end, s.paragraph, s.index) for s in whole
    ]
    chosen = paragraphs_to_split(text, paragraph_spans(text))
    assert chosen is not None
    if chars >= 800_000:
        assert len(chosen) < len(paragraph_spans(text)) / 2
    assert paragraphs_to_split("kata " * 1000, paragraph_spans("kata " * 1000)) is None
