"""``quizgen batch`` over real articles: files, folders and .jsonl, failures reported, 1 and 2 processes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.bank import read_bank
from quizgen.batch import BatchOptions, collect_jobs, run_batch
from quizgen.cli import cli
from quizgen.errors import InputError

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


@pytest.fixture
def inputs(tmp_path):
    """A folder of three Indonesian articles, the sample article, and a .jsonl with a bad line."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in sorted(CORPUS.glob("indosum-*.txt")):
        shutil.copy(p, folder / p.name)
    sample = DATA / "id-kim-putin-2024.txt"
    lines = [
        json.dumps(
            {"id": "kim-putin", "lang": "id", "title": None, "text": sample.read_text(encoding="utf-8")}
        ),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "too-short", "text": "Halo."}),
    ]
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, jsonl


def test_collect_jobs(inputs):
    folder, jsonl = inputs
    jobs = collect_jobs([folder, jsonl])
    assert len(jobs) == 3 + 4
    assert [j.name for j in jobs[-4:]] == ["kim-putin", "news-2", "empty", "too-short"]
    assert "not valid JSON" in jobs[-3].error and "no 'text'" in jobs[-2].error
    with pytest.raises(InputError, match="no file or folder"):
        collect_jobs([folder / "missing"])


def test_batch_cli_writes_banks_and_reports_failures(inputs, tmp_path):
    folder, jsonl = inputs
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["batch", str(folder), str(jsonl), "-o", str(out), "--jobs", "2", "--seed", "3"]
    )
    assert result.exit_code == 1  # some articles failed
    err = result.stderr
    assert "3 article(s) failed:" in err
    assert "news.jsonl line 2: not valid JSON" in err
    assert "news.jsonl line 3: no 'text' field" in err
    assert "news.jsonl line 4:" in err  # too short to make questions: the generator's reason
    for row in ("articles", "items", "failures", "time", "articles/s"):
        assert row in err
    banks = sorted(out.glob("*.json"))
    assert len(banks) == 4
    assert all(read_bank(b).items for b in banks)
    assert (out / "kim-putin.json").exists()


def test_one_and_two_processes_give_the_same_banks(inputs, tmp_path):
    folder, _ = inputs
    jobs = collect_jobs([folder])
    one = run_batch(jobs, tmp_path / "one", BatchOptions(seed=5, count=6), workers=1)
    two = run_batch(jobs, tmp_path / "two", BatchOptions(seed=5, count=6), workers=2)
    assert [o.ok for o in one.outcomes] == [True] * 3
    assert [(o.name, o.items) for o in one.outcomes] == [(o.name, o.items) for o in two.outcomes]
    for o in one.outcomes:
        a = read_bank(tmp_path / "one" / f"{o.name}.json")
        b = read_bank(tmp_path / "two" / f"{o.name}.json")
        assert a.items == b.items
    assert one.articles == 3 and one.items == sum(o.items for o in one.outcomes) and one.per_second > 0


@pytest.mark.slow
def test_whole_corpus_when_present(tmp_path):
    corpus = Path(__file__).parents[2] / "shared" / "corpus" / "id-news"
    if not corpus.is_dir():
        pytest.skip("the development corpus is not beside the repository")
    report = run_batch(collect_jobs([corpus]), tmp_path, BatchOptions(), workers=2)
    assert report.articles == 150 and not report.failures
