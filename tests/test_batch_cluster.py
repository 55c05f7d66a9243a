"""``quizgen batch --cluster``: a real Dask LocalCluster gives the same items as one machine;
Parquet in and out (also through a scheduler); a worker SIGKILLed mid-batch loses no article;
failures listed; a scheduler that cannot be reached is one clear line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import time
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


# --- faults and Parquet on a cluster the test owns (so it can kill a worker) ---------------------


@pytest.fixture(scope="module")
def own_cluster():
    """A real LocalCluster (two worker processes under nannies) and a client to watch it."""
    from dask.distributed import Client, LocalCluster

    lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=40)  # fmt: skip
    client = Client(lc)
    yield lc.scheduler_address, client
    client.close()
    lc.close()


@pytest.fixture(scope="module")
def long_articles(tmp_path_factory) -> Path:
    """Four articles of a few seconds' work each, so a worker can be killed while it works."""
    folder = tmp_path_factory.mktemp("long")
    for lang, pattern in (("en", "onestopenglish-*.txt"), ("id", "indosum-*.txt")):
        texts = [p.read_text(encoding="utf-8") for p in sorted(DATA.rglob(pattern))]
        for turn in range(2):  # two orders of the same articles: two different long texts
            body = "\n\n".join(texts[turn:] + texts[:turn])
            (folder / f"{lang}-{turn}.txt").write_text(body, encoding="utf-8")
    return folder


def _kill_a_busy_worker(client, killed: list[int], stop: threading.Event) -> None:
    """Wait until a worker is running a quizgen task, let it work a moment, then SIGKILL it."""
    while not stop.is_set():
        busy = client.run(lambda dask_worker: [str(ts.key) for ts in dask_worker.state.executing])
        for addr, keys in busy.items():
            if any(k.startswith("quizgen-") for k in keys):
                time.sleep(0.3)
                pid = client.run(os.getpid, workers=[addr])[addr]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
        time.sleep(0.05)


def test_a_worker_killed_mid_batch_leaves_the_batch_complete_with_the_same_items(
    own_cluster, long_articles, tmp_path
):
    """A worker process dies (SIGKILL) while it generates: the scheduler hands its task to
    another worker and every article still gets the same bank as on one machine."""
    address, client = own_cluster
    suspicious_before = client.run_on_scheduler(_suspicious)
    killed: list[int] = []
    stop = threading.Event()
    killer = threading.Thread(target=_kill_a_busy_worker, args=(client, killed, stop), daemon=True)
    killer.start()
    try:
        report = run_on_cluster(collect_jobs([long_articles]), tmp_path / "dask", BatchOptions(seed=3),
                                cluster=address)  # fmt: skip
    finally:
        stop.set()
        killer.join(30)
    assert len(killed) == 1, "no worker was killed while it worked"
    assert client.run_on_scheduler(_suspicious) > suspicious_before  # a task lost its worker
    assert killed[0] not in client.run(os.getpid).values()  # the nanny started a new process
    assert all(o.ok for o in report.outcomes), [o.error for o in report.outcomes]
    single = run_batch(collect_jobs([long_articles]), tmp_path / "one", BatchOptions(seed=3), workers=2)
    assert [o.name for o in report.outcomes] == [o.name for o in single.outcomes]
    assert _items(tmp_path / "dask") == _items(tmp_path / "one")
    assert len(_items(tmp_path / "dask")) == 4


def _suspicious(dask_scheduler) -> int:
    """How many times a quizgen task was running on a worker that died (the scheduler's count)."""
    prefix = dask_scheduler.task_prefixes.get("quizgen")
    return prefix.suspicious if prefix is not None else 0


def test_parquet_in_and_out_on_the_cluster_path(own_cluster, tmp_path):
    """A Parquet table of articles in, one Parquet table of items out, through a Dask
    scheduler: the same rows as the single-machine path."""
    address, _ = own_cluster
    rows = [
        {"id": "kim", "title": "Kim dan Putin", "text": (DATA / "id-kim-putin-2024.txt").read_text("utf-8")},
        {"id": "bad", "title": None, "text": ""},
        {"id": "malala", "title": None,
         "text": (DATA / "text" / "onestopenglish-adv-malala.txt").read_text("utf-8")},
    ]  # fmt: skip
    table = tmp_path / "archive.parquet"
    pd.DataFrame(rows).to_parquet(table, index=False)
    on_cluster, on_one = tmp_path / "cluster.parquet", tmp_path / "one.parquet"
    result = CliRunner().invoke(cli, ["batch", str(table), "-o", str(on_cluster), "--cluster", address,
                                      "--no-progress"])  # fmt: skip
    assert result.exit_code == 1, result.output  # the empty row failed, and is listed
    assert "archive.parquet row 2" in result.output and f"Dask cluster {address}" in result.output
    single = CliRunner().invoke(cli, ["batch", str(table), "-o", str(on_one), "--no-progress", "--jobs", "1"])
    assert single.exit_code == 1
    frame, expected = pd.read_parquet(on_cluster), pd.read_parquet(on_one)
    assert set(frame["article"]) == {"kim", "malala"} and set(frame["language"]) == {"id", "en"}
    pd.testing.assert_frame_equal(frame, expected)
