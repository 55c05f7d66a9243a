"""Grading rules shared by the app and ``quizgen take``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.bank import Bank, Item, Source
from quizgen.grading import (
    Grade,
    damerau_levenshtein,
    grade,
    normalise,
    score,
    strip_clitics,
    typo_allowance,
)

SRC = Source("Korea Utara telah lama menjadi fokus Amerika Serikat karena program nuklirnya.", 0, 10)


def typed(answer: str, accepted: tuple[str, ...] = (), kind: str = "short_answer") -> Item:
    prompt = "Apa _____ ini?" if kind == "cloze" else "Apa ini?"
    return Item("t1", kind, prompt, answer, SRC, accepted=accepted)


MCQ = Item("m1", "mcq", "Di mana?", "Pyongyang", SRC, options=("Pyongyang", "Seoul", "Moskow", "Tokyo"))
TF = Item("tf1", "true_false", "Putin tiba pada Rabu.", "Benar", SRC, options=("Benar", "Salah"))
CLOZE_OPT = Item("c1", "cloze", "Putin tiba di _____.", "Pyongyang", SRC, options=("Pyongyang", "Washington"))


def test_options_exact_match_only():
    assert grade(MCQ, "Pyongyang", language="id") == Grade(True, "Pyongyang", "Pyongyang", "exact")
    assert not grade(MCQ, "Seoul", language="id").correct
    # options are chosen, not typed: no typo tolerance on them
    assert not grade(MCQ, "Pyongyan", language="id").correct
    assert grade(TF, "Benar", language="id").correct
    assert not grade(TF, "Salah", language="id").correct
    assert grade(CLOZE_OPT, "Pyongyang", language="id").how == "exact"
    assert not grade(CLOZE_OPT, "Washington", language="id").correct


@pytest.mark.parametrize("response", [None, "", "   "])
def test_no_answer(response):
    g = grade(typed("Rusia"), response, language="id")
    assert (g.correct, g.how) == (False, "no answer")
    assert grade(MCQ, response, language="id").how == "no answer"


@pytest.mark.parametrize(
    "answer, response, how",
    [
        ("Kim Jong-un", "kim jong un", "exact"),
        ("Kim Jong-un", "  KIM   JONG-UN. ", "exact"),
        ("Asia-Pasifik", "asiapasifik", "exact"),
        ("Pyongyang", "Pyöngyang", "exact"),
        ("Amerika Serikat", "Amerika Serikat!", "exact"),
        ("nuklir", "nuklirnya", "clitic variant"),
        ("program nuklirnya", "program nuklir", "clitic variant"),
        ("Pyongyang", "Pyongyan", "typo tolerated"),  # 9 letters: 2 edits
        ("Washington", "Washingotn", "typo tolerated"),  # transposition is one edit
        ("Rusia", "Rsuia", "typo tolerated"),  # 5 letters: 1 edit
        ("Jepang", "jepnag", "typo tolerated"),
    ],
)
def test_typed_accepted(answer, response, how):
    g = grade(typed(answer), response, language="id")
    assert g.correct, g
    assert g.how == how
    assert g.expected == answer and g.given == response


@pytest.mark.parametrize(
    "answer, response",
    [
        ("2", "3"),  # numbers: no tolerance
        ("2024", "2023"),
        ("Rabu", "Rbau"),  # 4 letters: no tolerance
        ("Rusia", "Rsiua"),  # 5 letters: 2 edits is too many
        ("Jepang", "Jerman"),
        ("Korea Utara", "Korea Selatan"),
        ("Pyongyang", "Seoul"),
        ("nuklir", "nuklirnyalah dan lain"),
    ],
)
def test_typed_rejected(answer, response):
    g = grade(typed(answer), response, language="id")
    assert not g.correct
    assert g.how == "wrong"


def test_accepted_variants_and_cloze_without_options():
    it = typed("Amerika Serikat", accepted=("Amerika", "A.S."))
    assert grade(it, "amerika", language="id").how == "accepted variant"
    assert grade(it, "as", language="id").how == "accepted variant"
    cl = typed("Pyongyang", kind="cloze")
    assert grade(cl, "pyongyang", language="id").correct


def test_clitics_only_for_indonesian():
    assert grade(typed("nuklir"), "nuklirnya", language="id").correct
    assert strip_clitics("nuklirnya programlah", "id") == "nuklir program"
    assert strip_clitics("nuklirnya", "en") == "nuklirnya"
    # never strip a word down to nothing: "dia" + "nya"?
    assert strip_clitics("nya lah", "id") == "nya lah"


def test_english_typed():
    assert grade(typed("United States"), "united states", language="en").how == "exact"
    assert grade(typed("Washington"), "Washingtn", language="en").how == "typo tolerated"
    assert not grade(typed("Washington"), "Moscow", language="en").correct


def test_helpers():
    assert normalise("  Kim  Jong-Un! ") == "kim jong un"
    assert normalise("Café") == "cafe"
    assert damerau_levenshtein("abcd", "abdc") == 1
    assert damerau_levenshtein("kitten", "sitting") == 3
    assert damerau_levenshtein("", "abc") == 3
    assert typo_allowance("rabu") == 0
    assert typo_allowance("rusia") == 1
    assert typo_allowance("pyongyang") == 2
    assert typo_allowance("12345678") == 0


def test_score_counts_and_missing_answers():
    bank = Bank("b", "t", "id", {"text": "x" * 20}, items=(MCQ, TF, typed("Rusia")))
    s = score(bank, {"m1": "Pyongyang", "tf1": "Salah"})
    assert (s.correct, s.total) == (1, 3)
    assert s.percent == pytest.approx(100 / 3)
    assert s.grades["t1"].how == "no answer"
    assert s.wrong_ids == ("tf1", "t1")
    assert score(bank.with_items([]), {}).percent == 0.0


# ------------------------------------------------------------------ properties

words = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(words)
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=200, deadline=None)
@given(words.filter(lambda t: normalise(t) != ""), st.sampled_from(["id", "en"]))
def test_key_itself_is_always_right(answer, lang):
    it = typed(answer)
    assert grade(it, answer, language=lang).correct
    assert grade(it, answer.upper() + " ", language=lang).correct


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_different_numbers_are_wrong(a, b):
    g = grade(typed(str(a)), str(b), language="id")
    assert g.correct == (a == b)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_distance_is_a_symmetric_bounded_metric(a, b):
    d = damerau_levenshtein(a, b)
    assert d == damerau_levenshtein(b, a)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))
    assert (d == 0) == (a == b)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_grade_never_raises(response):
    for it in (MCQ, TF, typed("Amerika Serikat"), typed("2")):
        g = grade(it, response, language="id")
        assert isinstance(g.correct, bool)


def test_language_pack_affixes_and_aliases():
    """With the Indonesian pack: stems (affix variants) and aliases (AS = Amerika Serikat)."""
    assert grade(typed("persahabatan"), "sahabat", language="id").how == "affix variant"
    assert grade(typed("memperkuat hubungan"), "perkuat hubungan", language="id").how == "affix variant"
    assert grade(typed("Amerika Serikat"), "AS", language="id").how == "accepted variant"
    assert grade(typed("AS"), "amerika serikat", language="id").how == "accepted variant"
    assert grade(typed("Korea Utara"), "Korut", language="id").how == "accepted variant"
    assert not grade(typed("Korea Utara"), "Korsel", language="id").correct
    # English pack: no Indonesian clitics
    assert not grade(typed("nuklir"), "nuklirnya", language="en").correct


@pytest.mark.parametrize(
    "answer, response, lang",
    [
        ("12%", "dua belas persen", "id"),
        ("20 persen", "20%", "id"),
        ("3", "tiga", "id"),
        ("tiga negara", "3 negara", "id"),
        ("two", "2", "en"),
        ("45 percent", "45%", "en"),
    ],
)
def test_numbers_written_out(answer, response, lang):
    g = grade(typed(answer), response, language=lang)
    assert (g.correct, g.how) == (True, "number variant")


@pytest.mark.parametrize(
    "answer, response",
    [
        ("12%", "dua persen"),
        ("3", "empat"),
        ("tiga negara", "4 negara"),
        ("20", "dua puluh satu"),
        ("201", "dua puluh satu"),
    ],
)
def test_other_numbers_written_out_are_wrong(answer, response):
    assert not grade(typed(answer), response, language="id").correct


def test_bare_number_when_the_question_names_the_unit():
    from quizgen.bank import Item, Source
    from quizgen.grading import grade

    asked = Item(
        "n", "short_answer", "Di TMII ada berapa burung langka?", "3 burung", Source("Ada 3 burung.", 0, 13)
    )
    assert grade(asked, "3", language="id").correct
    assert grade(asked, "3", language="id").how == "number variant"
    assert not grade(asked, "4", language="id").correct
    cloze = Item("c", "cloze", "Di TMII ada _____ langka.", "3 burung", Source("Ada 3 burung.", 0, 13))
    assert not grade(cloze, "3", language="id").correct  # the unit is part of what is asked


def test_bare_decimal_when_the_question_names_the_unit():
    from quizgen.bank import Item, Source
    from quizgen.grading import grade

    it = Item("d", "short_answer", "Angka ini meningkat berapa persen?", "21,57 persen", Source("x", 0, 1))
    assert grade(it, "21,57", language="id").correct
    assert not grade(it, "21", language="id").correct
