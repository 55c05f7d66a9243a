"""The generation engine on real text: golden items, determinism, ids, options, checks."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import quizgen
from quizgen.bank import bank_from_dict
from quizgen.engine.builders import build_cloze, build_mcq
from quizgen.engine.checks import check_bank_items, lint_bank
from quizgen.engine.context import Context
from quizgen.engine.generate import check_drafts, make_drafts
from quizgen.engine.options import make_options
from quizgen.engine.questions import subject_question, time_question
from quizgen.engine.select import rank_sentences
from quizgen.engine.textutil import BLANK_RE, contains_phrase, shape
from quizgen.errors import GenerationError, OptionsError
from quizgen.lang import get_pack
from quizgen.text import analyse

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
ARTICLES = [SAMPLE, DATA / "engine" / "en-amazon.txt", DATA / "engine" / "id-kim-rapat.txt"]


@pytest.fixture(scope="module")
def sample_ctx():
    article = quizgen.load_article(SAMPLE)
    pack = get_pack("id")
    return Context(analyse(article, pack), pack, pack.templates)


@pytest.fixture(scope="module")
def sample_bank():
    return quizgen.generate(SAMPLE, seed=7)


def _sentence(ctx, starts):
    return next(r for r in rank_sentences(ctx) if r.sentence.text.startswith(starts))


def test_kapan_question_on_sample(sample_ctx):
    rs = _sentence(sample_ctx, "Putin tiba di Pyongyang")
    key = next(c for c in sample_ctx.by_sentence[rs.sentence.index] if c.text == "Rabu pagi")
    q = time_question(sample_ctx, rs, key)
    assert q.prompt == "Kapan Putin tiba di Pyongyang?"
    assert q.answer == "Rabu pagi"
    draft = build_mcq(sample_ctx, rs, key, q, random.Random(0))
    assert draft is not None
    opts = draft.item.options
    assert "Rabu pagi" in opts and len(opts) == 4
    assert all(o.endswith(" pagi") and o != "Rabu pagi" for o in opts if o != "Rabu pagi")


def test_no_why_item_from_a_noun_phrase_reason(sample_ctx):
    """ "... karena program nuklirnya" gives a noun phrase, not a reason a student can weigh
    against other statements: no why-item (see tests/test_cause_items.py)."""
    from quizgen.engine.write_relation import cause_of

    rs = _sentence(sample_ctx, "Korea Utara telah lama")
    assert cause_of(sample_ctx, rs) is None


def test_siapa_subject_question_on_sample(sample_ctx):
    rs = _sentence(sample_ctx, "Presiden Rusia Vladimir Putin menerima")
    key = next(c for c in sample_ctx.by_sentence[rs.sentence.index] if c.text == "Vladimir Putin")
    q = subject_question(sample_ctx, rs, key)
    assert q.prompt.startswith("Siapa yang menerima upacara penyambutan resmi di alun-alun utama Pyongyang")
    assert q.prompt.endswith("?") and "sebelum" not in q.prompt


def test_cloze_keeps_clitic(sample_ctx):
    key = next(c for c in sample_ctx.layer.candidates if c.text == "nuklirnya")
    rs = next(r for r in rank_sentences(sample_ctx) if r.sentence.index == key.sentence)
    d = build_cloze(sample_ctx, rs, key, random.Random(0), False)
    assert d is not None, "expected a cloze over 'nuklirnya'"
    it = d.item
    assert "program _____nya" in it.prompt
    assert sample_ctx.text[it.answer_span[0] : it.answer_span[1]] == "nuklir"


def test_sample_bank_meets_done_when(sample_bank):
    """Issue 10: a portfolio of choice items with a main-idea item (the old bank of 15+
    mixed items, most of them typed or true/false, is retired)."""
    items = sample_bank.items
    assert len(items) >= 6
    assert sum(len(it.options) >= 3 for it in items) / len(items) >= 0.6
    assert any(it.skill == "main_idea" and it.kind == "mcq" for it in items)
    assert {it.skill for it in items} <= {"main_idea", "detail", "relation", "vocabulary", "statement"}
    assert len({it.skill for it in items}) >= 3
    assert sample_bank.language == "id"
    assert not [p for p in lint_bank(sample_bank) if p.severity == "error"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_items_traceable_and_well_formed(path):
    bank = quizgen.generate(path, seed=3)
    text = bank.text
    # six from an article of 250 words (issue 10); a shorter one needs two paragraphs in three;
    # the Amazon article's sixth draft is a word blank, a category reviewers hardly keep, its
    # fifth a blank on "April" beside the false twin that says "July" of the same sentence
    # (one cues the other, rounds 29-30), and since round 34 its blanks on names ("China")
    # and a year, categories kept under 18% in English, fill no bank (since round 39 its main
    # idea's options show the April sentence, so one item); the Kim article's fourth was "Penyebab eksekusi mati
    # Kim Jong Un ..." (a leader swapped into an official's execution: absurd, round 24) and
    # its third a false statement twisting a claim the main idea now shows true among its
    # options (those that were fragments or pointed back give way since round 31)
    short = {"en-amazon.txt": 1, "id-kim-rapat.txt": 2}
    floor = short.get(path.name, 4 if len(text.split()) < 250 else 6)
    assert len(bank.items) >= floor
    for it in bank.items:
        assert text[it.source.start : it.source.end] == it.source.sentence
        if it.answer_span:
            assert text[it.answer_span[0] : it.answer_span[1]] == it.answer
        assert it.reason and it.explanation
        assert it.difficulty in ("easy", "medium", "hard")
        if it.kind == "cloze":
            assert len(BLANK_RE.findall(it.prompt)) == 1
            assert contains_phrase(text, BLANK_RE.sub(it.answer, it.prompt))
        if it.kind in ("mcq", "short_answer"):
            assert it.prompt.endswith("?")
            assert not contains_phrase(it.prompt, it.answer)
        if it.options and it.kind != "true_false":
            assert it.options.count(it.answer) == 1
            assert len({shape(o) for o in it.options}) == 1
        if it.kind == "true_false":
            assert it.options == get_pack(bank.language).true_false
    assert not [p for p in check_bank_items(list(bank.items)) if p.check == "duplicate"]
    # the bank is a valid bank file
    assert bank_from_dict(json.loads(bank.to_json())).items == bank.items


def test_deterministic_and_ids_stable():
    a = quizgen.generate(SAMPLE, seed=7)
    b = quizgen.generate(SAMPLE, seed=7)
    assert json.dumps(a.to_dict()["items"]) == json.dumps(b.to_dict()["items"])
    c = quizgen.generate(SAMPLE, seed=8)
    assert [it.to_dict() for it in a.items] != [it.to_dict() for it in c.items]

    # an item that appears in both forms keeps its id: ids depend on what is asked only
    def what(it):  # what an item asks: a false statement is its own item
        return (
            it.kind,
            it.source.start,
            it.answer_span,
            it.template,
            it.prompt if it.kind == "true_false" else "",
        )

    by_prompt_a = {what(it): it.id for it in a.items}
    for it in c.items:
        k = what(it)
        if k in by_prompt_a:
            assert by_prompt_a[k] == it.id
    fewer = quizgen.generate(SAMPLE, seed=7, count=6)
    assert len(fewer.items) == 6
    assert len({it.id for it in a.items}) == len(a.items)


def test_true_false_balanced(sample_bank):
    tf = [it for it in sample_bank.items if it.kind == "true_false"]
    trues = sum(it.answer == "Benar" for it in tf)
    assert abs(trues - (len(tf) - trues)) <= 1


def test_false_statement_is_really_false(sample_ctx):
    drafts = check_drafts(
        sample_ctx, make_drafts(sample_ctx, make_options(kinds="true_false"), random.Random(0))
    )
    falses = [d.item for d in drafts if d.truth is False]
    assert falses
    for it in falses:
        assert not contains_phrase(sample_ctx.text, it.prompt.rstrip("."))


def test_kinds_difficulty_and_count_options():
    # issue 10: fewer, better items; a cloze-only request gets the cloze items that can be
    # written well (options of the same kind from the article), up to the count asked
    bank = quizgen.generate(SAMPLE, kinds=["cloze"], count=5, seed=1)
    assert 1 <= len(bank.items) <= 5 and {it.kind for it in bank.items} == {"cloze"}
    assert len(quizgen.generate(SAMPLE, count=4, seed=1).items) == 4
    # the difficulty asked for steers the choice among the drafts that pass the item rules: on
    # a long article, asking for fewer items than it has sound drafts (six since rounds 29-30:
    # a bank of six takes them all, whatever the difficulty; four since the ranker's retraining
    # on rounds 0-111, so three are asked for)
    long_article = Path(__file__).parent / "data" / "engine" / "en-norwegian-sun.txt"
    easy = quizgen.generate(long_article, difficulty="easy", seed=1, count=3)
    hard = quizgen.generate(long_article, difficulty="hard", seed=1, count=3)
    share = lambda b, lvl: sum(it.difficulty == lvl for it in b.items) / len(b.items)  # noqa: E731
    assert share(easy, "easy") > share(hard, "easy")
    assert share(hard, "hard") > share(easy, "hard")
    choices = quizgen.generate(SAMPLE, kinds="cloze", cloze_choices=True, seed=1)
    assert all(len(it.options) == 4 for it in choices.items)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"kinds": ["essay"]}, "Unknown item kind"),
        ({"difficulty": "extreme"}, "Unknown difficulty"),
        ({"count": 0}, "number of items"),
        ({"colour": "red"}, "Unknown option colour"),
    ],
)
def test_bad_options_are_refused(kwargs, message):
    with pytest.raises(OptionsError, match=message):
        quizgen.generate(SAMPLE, **kwargs)


def test_text_without_questions_is_a_clear_error():
    with pytest.raises(GenerationError, match="No questions could be made"):
        quizgen.generate(
            "Ini hanya satu kalimat pendek yang tidak berisi apa-apa untuk ditanyakan kepada siswa."
        )


def test_cli_generate_and_lint(tmp_path):
    from click.testing import CliRunner

    from quizgen.cli import cli

    out = tmp_path / "bank.json"
    r = CliRunner().invoke(cli, ["generate", str(SAMPLE), "--seed", "7", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "items" in r.stderr
    r = CliRunner().invoke(cli, ["lint", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    data["items"][0]["prompt"] = data["items"][0]["prompt"] + " " + data["items"][0]["answer"]
    data["items"][0]["kind"] = "short_answer"
    data["items"][0]["options"] = []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    r = CliRunner().invoke(cli, ["lint", str(bad)])
    assert r.exit_code == 1
    assert "no_leak" in r.output
    r = CliRunner().invoke(cli, ["generate", str(tmp_path / "missing.txt")])
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_same_bank_in_another_process_with_another_hash_seed():
    """Set and dict orders must not leak into items: two fresh processes with different
    PYTHONHASHSEED values give byte-identical items."""
    import os
    import subprocess
    import sys

    code = (
        f"import json, quizgen; b = quizgen.generate(r'{SAMPLE}', seed=5); "
        "print(json.dumps([i.to_dict() for i in b.items], ensure_ascii=False))"
    )
    outs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert res.returncode == 0, res.stderr
        outs.append(res.stdout)
    assert outs[0] == outs[1] and outs[0].startswith("[{")
