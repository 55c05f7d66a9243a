"""``quizgen batch --cluster``: a real Dask LocalCluster gives the same items as one machine;
Parquet in and out; failures listed; a scheduler that cannot be reached is one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from quizgen.batch import BatchOptions, collect_jobs, run_batch
from quizgen.cli import cli
from quizgen.cluster import run_on_cluster

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


def _items(folder: Path) -> dict[str, list[dict]]:
    out = {}
    for p in sorted(folder.glob("*.json")):
        bank = json.loads(p.read_text(encoding="utf-8"))
        out[p.stem] = bank["items"]
    return out


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for p in sorted(CORPUS.glob("indosum-*.txt"))[:3]:
        shutil.copy(p, folder / p.name)
    shutil.copy(DATA / "id-kim-putin-2024.txt", folder / "kim-putin.txt")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster_run(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask-banks")
    seen = []
    report = run_on_cluster(
        collect_jobs([articles]), out, BatchOptions(seed=3), cluster="local", workers=2, progress=seen.append
    )
    return report, out, seen


def test_local_cluster_gives_the_same_items_as_one_machine(articles, cluster_run, tmp_path):
    report, out, seen = cluster_run
    single = run_batch(collect_jobs([articles]), tmp_path, BatchOptions(seed=3), workers=1)
    assert [o.name for o in report.outcomes] == [o.name for o in single.outcomes]
    assert [o.ok for o in report.outcomes] == [o.ok for o in single.outcomes]
    assert _items(out) == _items(tmp_path)
    assert len(_items(out)) == 4 and report.items == single.items > 0
    assert len(seen) == 5  # progress for every article, failures included


def test_cluster_failures_are_listed_with_their_reason(cluster_run):
    report, _, _ = cluster_run
    (failed,) = report.failures
    assert failed.name == "empty" and "empty" in failed.error.lower()


def test_parquet_in_and_parquet_out(articles, tmp_path):
    rows = [
        {"id": "kim", "title": "Kim dan Putin", "text": (DATA / "id-kim-putin-2024.txt").read_text("utf-8")},
        {"id": "bad", "title": None, "text": ""},
    ]
    table = tmp_path / "archive.parquet"
    pd.DataFrame(rows).to_parquet(table, index=False)
    jobs = collect_jobs([table])
    assert [j.name for j in jobs] == ["kim", "bad"] and "no 'text'" in jobs[1].error
    out = tmp_path / "items.parquet"
    result = CliRunner().invoke(cli, ["batch", str(table), "-o", str(out), "--no-progress", "--jobs", "1"])
    assert result.exit_code == 1  # one row failed, and is listed
    assert "archive.parquet row 2" in result.output
    frame = pd.read_parquet(out)
    assert set(frame["article"]) == {"kim"} and len(frame) > 3
    assert {"bank_id", "language", "id", "kind", "prompt", "answer", "source_start"} <= set(frame.columns)


def test_cli_cluster_local_writes_banks(articles, tmp_path):
    result = CliRunner().invoke(
        cli,
        ["batch", str(articles / "kim-putin.txt"), "-o", str(tmp_path), "--cluster", "local", "--jobs", "1"],
    )
    assert result.exit_code == 0, result.output
    assert "Dask cluster local" in result.output
    assert (tmp_path / "kim-putin.json").is_file()


def test_unreachable_scheduler_is_one_line(articles, tmp_path):
    result = CliRunner().invoke(
        cli,
        ["batch", str(articles), "-o", str(tmp_path), "--cluster", "tcp://127.0.0.1:9", "--no-progress"],
    )
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "Dask scheduler" in result.output


def test_bad_cluster_word_is_explained(articles, tmp_path):
    result = CliRunner().invoke(
        cli, ["batch", str(articles), "-o", str(tmp_path), "--cluster", "nowhere", "--no-progress"]
    )
    assert result.exit_code != 0 and "--cluster takes 'local'" in result.output
