"""The trained UPOS taggers: golden tags, exact offsets, lazy loading, shipped = trained."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.analysis import tag, tag_spans
from quizgen.analysis.tokenize import token_spans

ROOT = Path(__file__).resolve().parents[1]


def tags(text: str, lang: str) -> list[tuple[str, str]]:
    return [(t.text, t.upos) for t in tag(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Presiden Rusia Vladimir Putin tiba di Pyongyang pada hari Rabu.",
            "NOUN PROPN PROPN PROPN VERB ADP PROPN ADP NOUN PROPN PUNCT",
        ),
        ("Polisi menangkap dua tersangka di Jakarta.", "NOUN VERB NUM NOUN ADP PROPN PUNCT"),
        ("Mereka tidak akan datang ke rapat itu.", "PRON PART AUX VERB ADP NOUN DET PUNCT"),
    ],
)
def test_golden_indonesian(text: str, expected: str) -> None:
    assert [u for _, u in tags(text, "id")] == expected.split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president arrived in Pyongyang on Wednesday.", "DET NOUN VERB ADP PROPN ADP PROPN PUNCT"),
        ("I don't think she will come.", "PRON AUX PART VERB PRON AUX VERB PUNCT"),
        ("They sold three old houses in London.", "PRON VERB NUM ADJ NOUN ADP PROPN PUNCT"),
    ],
)
def test_golden_english(text: str, expected: str) -> None:
    assert [u for _, u in tags(text, "en")] == expected.split()


def test_english_clitics_split_as_ud_does() -> None:
    assert [w for w, _, _ in token_spans("We can't go to Kim's house, it's long-term.", "en")] == [
        "We", "ca", "n't", "go", "to", "Kim", "'s", "house", ",", "it", "'s", "long", "-", "term", ".",
    ]  # fmt: skip


def test_indonesian_keeps_hyphenated_words_and_numbers() -> None:
    words = [w for w, _, _ in token_spans("Negara-negara itu membayar Rp 1.000.000 (2,5%).", "id")]
    assert words == ["Negara-negara", "itu", "membayar", "Rp", "1.000.000", "(", "2,5", "%", ")", "."]


def test_spans_tag_each_sentence_with_offsets_into_the_text() -> None:
    text = "Kim Jong-un tiba. Putin menyambutnya."
    per = tag_spans(text, [(0, 17), (18, len(text))], "id")
    assert [t.text for t in per[0]] == ["Kim", "Jong-un", "tiba", "."]
    assert all(text[t.start : t.end] == t.text and t.upos for s in per for t in s)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["id", "en", "xx"]))
def test_offsets_are_exact_on_arbitrary_text(text: str, lang: str) -> None:
    toks = tag(text, lang)
    last = 0
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.start >= last and t.end > t.start
        assert not t.text.isspace()
        last = t.end
    # every non-space character is inside a token
    covered = {i for t in toks for i in range(t.start, t.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_help_does_not_load_the_models() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from quizgen.cli import cli; "
        "r = CliRunner().invoke(cli, ['--help']); assert r.exit_code == 0, r.output; "
        "bad = [m for m in sys.modules if m.startswith('quizgen.analysis') or m == 'numpy']; "
        "print(bad); assert not [m for m in bad if m.startswith('quizgen.analysis')]"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr + out.stdout
