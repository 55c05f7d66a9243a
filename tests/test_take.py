"""``quizgen take`` scripted through standard input: answers read, graded by quizgen.grading."""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_export_support import FIXTURE, fixture_bank

from quizgen.cli import cli
from quizgen.grading import score
from quizgen.take import interpret, run_quiz

# fixture order: c-5f1d2a c-8b3e10 c-2a9c47 c-71d0e5 m-0c44f2 m-93ab1e m-5e2d88 t-1f6a3c t-c0e914 t-44b7d0 s-6d21b9 s-b83f07
SCRIPT = [
    "a",  # Pyongyang: right (letter)
    "B.",  # bersejarah: right (letter with a dot)
    "nuklir",  # typed cloze: right (accepted variant)
    "1",  # Bantuan pangan: wrong (number)
    "di alun-alun utama pyongyang",  # right (option text, any case)
    "d",  # Amerika Serikat: wrong
    "",  # skipped
    "benar",  # right (the word)
    "Benar",  # wrong
    "b",  # Salah: right
    "semenanjung korea",  # right (exact after normalising)
    "Vladimir Putn",  # right (typo tolerated)
]


def test_scripted_take_scores_with_grading_rules():
    result = CliRunner().invoke(cli, ["take", str(FIXTURE), "--json"], input="\n".join(SCRIPT) + "\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert (data["correct"], data["total"]) == (8, 12)
    items = data["items"]
    assert items["c-2a9c47"]["how"] == "accepted variant"
    assert items["s-b83f07"]["how"] == "typo tolerated"
    assert items["m-5e2d88"]["how"] == "no answer"
    assert items["c-71d0e5"] == {"given": "Bantuan pangan", "correct": False, "how": "wrong"}
    # the article is shown first, then the questions, then the review with the score
    out = result.stdout
    assert out.index("Presiden Rusia Vladimir Putin") < out.index("Soal 1/12") < out.index("Pembahasan")
    assert "Nilai: 8/12 (67%)" in out
    assert "kunci: A. Bantuan pangan" not in out and "kunci: B. Sanksi ekonomi" in out


def test_same_score_as_grading_module():
    bank = fixture_bank()
    lines = iter(SCRIPT)
    result = run_quiz(bank, ask=lambda _p: next(lines, None), say=lambda _t: None, retry_invalid=False)
    assert result.score == score(bank, result.answers)


def test_input_ends_early_counts_the_rest_unanswered():
    result = CliRunner().invoke(cli, ["take", str(FIXTURE), "--no-article", "--json"], input="a\nb\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["correct"] == 2
    assert sum(v["how"] == "no answer" for v in data["items"].values()) == 10
    assert "Presiden Rusia" not in result.stdout.split("Soal 1/12")[0]


def test_interpret_letters_numbers_and_text():
    bank = fixture_bank()
    mcq = bank.item("m-93ab1e")
    assert interpret(mcq, "c") == ("Rusia", True)
    assert interpret(mcq, " C) ") == ("Rusia", True)
    assert interpret(mcq, "3") == ("Rusia", True)
    assert interpret(mcq, "rusia") == ("Rusia", True)
    assert interpret(mcq, "e") == ("e", False)  # only A-D exist
    assert interpret(mcq, "") == (None, True)
    typed = bank.item("s-b83f07")
    assert interpret(typed, "a") == ("a", True)  # a typed answer is never read as a letter


def test_interactive_retry_on_invalid_answer():
    bank = fixture_bank().with_items([fixture_bank().item("m-93ab1e")])
    lines = iter(["z", "c"])
    said = []
    result = run_quiz(bank, ask=lambda _p: next(lines, None), say=said.append, retry_invalid=True)
    assert result.score.correct == 1
    assert any("A-D" in s for s in said)


def test_take_missing_bank_is_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["take", str(tmp_path / "none.json")])
    assert result.exit_code == 1 and "There is no bank file" in result.stderr
