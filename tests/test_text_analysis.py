"""The text layer with trained analysis: tagged tokens per sentence, model-typed names,
initials that are not aliases."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.article import Article
from quizgen.text.wordclass import head_class, is_clause

SAMPLE = Path(__file__).parent / "data" / "id-kim-putin-2024.txt"


def layer_of(text: str, lang: str):
    return quizgen.analyse(quizgen.load_article(text, language=lang))


def test_sample_article_every_token_tagged_and_names_typed() -> None:
    layer = quizgen.analyse(quizgen.load_article(SAMPLE))
    text = layer.article.text
    assert layer.tagged
    for s in layer.sentences:
        toks = layer.tokens_of(s.index)
        assert toks, s.text
        for t in toks:
            assert t.upos
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
    kinds = {(c.text, c.type) for c in layer.candidates}
    for name in ("Vladimir Putin", "Kim Jong-un"):
        assert (name, "person") in kinds
    for name in ("Pyongyang", "Korea Utara", "Amerika Serikat"):
        assert (name, "place") in kinds
    assert not [c for c in layer.candidates if any("assumed" in r for r in c.reasons)]


def test_initials_with_an_age_are_a_person_not_amerika_serikat() -> None:
    layer = layer_of(
        "Polisi menangkap AS (37) di rumahnya di Bekasi. Tersangka AS mengaku mencuri motor itu. "
        "Warga Amerika Serikat juga tinggal di sana.",
        "id",
    )
    as_cands = [c for c in layer.candidates if c.text == "AS"]
    assert as_cands
    assert all(c.type == "person" for c in as_cands)
    assert all("amerika" not in c.group for c in as_cands)


def test_model_types_a_name_without_cues() -> None:
    layer = layer_of(
        "Pertandingan itu berakhir imbang. Gol tunggal dicetak Lionel Messi pada menit ke-70. "
        "Lionel Messi kini mencetak 20 gol musim ini.",
        "id",
    )
    messi = [c for c in layer.candidates if c.text == "Lionel Messi"]
    assert messi and all(c.type == "person" for c in messi)
    assert all(not any("assumed" in r for r in c.reasons) for c in messi)


def test_clause_check_and_key_word_class() -> None:
    layer = layer_of(
        "Presiden Putin tiba di Pyongyang pada Rabu pagi. Pasal 5 ayat 2 Undang-Undang Nomor 31.", "id"
    )
    first, second = (layer.tokens_of(i) for i in range(2))
    assert is_clause(first)
    assert not is_clause(second)
    s = layer.sentences[0]
    k = s.text.index("Pyongyang") + s.start
    assert head_class(first, k, k + len("Pyongyang")) == "PROPN"


def test_english_layer_is_tagged_too() -> None:
    layer = layer_of("The minister arrived in London on Monday. She didn't speak to reporters.", "en")
    words = [(t.text, t.upos) for t in layer.tokens_of(1)]
    assert ("did", "AUX") in words and ("n't", "PART") in words


def test_inspect_json_gives_tokens_clause_and_word_class() -> None:
    from quizgen.cli.inspect_cmd import layer_to_dict

    d = layer_to_dict(quizgen.analyse(quizgen.load_article(SAMPLE)))
    text = d["text"]
    for s in d["sentences"]:
        assert s["tokens"] and isinstance(s["clause"], bool)
        for t in s["tokens"]:
            assert set(t) == {"text", "start", "end", "upos"}
            assert text[t["start"] : t["end"]] == t["text"] and t["upos"]
    assert d["sentences"][0]["clause"]
    kinds = {c["text"]: c["word_class"] for c in d["candidates"]}
    assert kinds["Vladimir Putin"] == "PROPN"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Putin",
                "tiba",
                "di",
                "Pyongyang",
                ",",
                ".",
                "AS",
                "(37)",
                "Rp9.000",
                "don't",
                "—",
                "\n\n",
                " ",
                "“Kami",
                "siap.”",
                "négara-négara",
                "x",
            ]
        ),
        max_size=40,
    ),
    st.sampled_from(["id", "en"]),
)
def test_tagged_tokens_are_exact_and_inside_their_sentences(words: list[str], lang: str) -> None:
    from quizgen.article import Article

    text = " ".join(words)
    layer = quizgen.analyse(Article(text=text, language=lang))
    assert len(layer.tagged_ranges) == len(layer.sentences)
    for s in layer.sentences:
        for t in layer.tokens_of(s.index):
            assert text[t.start : t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert t.upos


def test_initials_used_twice_with_and_without_an_age_are_one_typed_group():
    """Found by the property test: ``AS (37)`` typed the group a person, the bare ``AS`` had
    no evidence of its own, and typing its mention crashed."""
    text = "AS tiba AS (37)"
    layer = quizgen.analyse(Article(text=text, language="id"))
    assert all(text[c.start : c.end] == c.text for c in layer.candidates)
