"""Batch generation on a Dask cluster: a local one (``"local"``) or a running scheduler.

The single-machine path (:func:`quizgen.batch.run_batch`) forks processes that read the
inputs and write the banks themselves. On a cluster the workers may be other machines
with no access to the client's files, so here the client reads every input, each task
receives the article's bytes and returns the bank's JSON, and the client writes the files
(or one Parquet table). The generation itself is the same function with the same options,
so the items are the same as on one machine.

A worker process that dies while it works (killed, out of memory, its machine gone) does not
lose the article: the scheduler gives the task to another worker (up to Dask's
``distributed.scheduler.allowed-failures``, 3 by default). A task that raises an unexpected
exception in a worker is retried once (``retries=1``). An article that fails for a reason of
its own (empty, not a language quizgen knows) is a failure with its reason, as on one machine,
and does not stop the others.

Example:
    >>> jobs = collect_jobs(["articles/"])                              # doctest: +SKIP
    >>> report = run_on_cluster(jobs, "banks/", BatchOptions(), cluster="local", workers=2)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .batch import BatchOptions, BatchReport, Job, Outcome
from .errors import InputError, QuizgenError

MAX_INPUT = 10 * 1024 * 1024  # the intake refuses larger articles; do not ship them to workers


class ClusterError(QuizgenError):
    """The Dask cluster could not be started or reached."""


@dataclass(frozen=True)
class Task:
    """What one worker needs: the article's bytes and the name intake reads its format from."""

    name: str
    label: str
    filename: str
    data: bytes | None
    error: str = ""


def make_task(job: Job) -> Task:
    """Read a job's input on the client (workers may not see the client's files)."""
    if job.error:
        return Task(job.name, job.label, "", None, job.error)
    if job.text is not None:
        return Task(job.name, job.label, f"{job.name}.txt", job.text.encode("utf-8"))
    p = Path(job.path)
    try:
        size = p.stat().st_size
        if size > MAX_INPUT:
            return Task(job.name, job.label, p.name, None, f"the file is larger than 10 MB ({size:,} bytes)")
        return Task(job.name, job.label, p.name, p.read_bytes())
    except OSError as e:
        return Task(job.name, job.label, p.name, None, f"cannot be read ({e.strerror or e})")


def generate_task(task: Task, options: dict) -> tuple[Outcome, str | None]:
    """Run on a worker: one bank as JSON, or the reason it could not be made. Never raises
    for a problem of the article; an exception here is a fault of the worker (retried)."""
    t0 = time.perf_counter()
    if task.error:
        return Outcome(task.name, task.label, False, error=task.error), None
    import quizgen
    from quizgen.intake import load_article

    try:
        article = load_article(task.data, language=options["language"], name=task.filename)
        kwargs = {k: v for k, v in options.items() if v is not None}
        bank = quizgen.generate(article, **kwargs)
    except QuizgenError as e:
        return Outcome(task.name, task.label, False, seconds=time.perf_counter() - t0, error=str(e)), None
    outcome = Outcome(task.name, task.label, True, len(bank.items), time.perf_counter() - t0)
    return outcome, bank.to_json()


def _client(cluster: str, workers: int):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ClusterError("Dask is not installed: pip install 'quizgen[cluster]'.") from None
    try:
        if cluster == "local":
            lc = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                silence_logs=40,
            )
            return Client(lc), lc
        if not cluster.startswith(("tcp://", "tls://", "ucx://")):
            raise InputError(
                f"--cluster takes 'local' or a scheduler address like tcp://scheduler:8786, not {cluster!r}."
            )
        return Client(cluster, timeout="15s"), None
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"Cannot reach the Dask scheduler at {cluster}: {e}") from None


def run_on_cluster(
    jobs: list[Job],
    out: str | os.PathLike,
    options: BatchOptions,
    *,
    cluster: str = "local",
    workers: int = 2,
    progress: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Generate every job on a Dask cluster; write bank files into ``out`` (a folder), or one
    Parquet table of items when ``out`` ends with ``.parquet``.

    Raises:
        ClusterError: the cluster could not be started or reached.
    """
    from dask.distributed import as_completed

    from .bank import bank_from_dict, write_bank

    to_parquet = str(out).lower().endswith(".parquet")
    if not to_parquet:
        Path(out).mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    client, local = _client(cluster, workers)
    opts = asdict(options)
    results: dict[int, Outcome] = {}
    banks: dict[int, str] = {}
    try:
        n_workers = len(client.scheduler_info().get("workers", {})) or workers
        futures = {}
        for i, job in enumerate(jobs):
            fut = client.submit(generate_task, make_task(job), opts, key=f"quizgen-{i}-{job.name}", retries=1)
            futures[fut] = i
        for fut in as_completed(list(futures)):
            i = futures[fut]
            try:
                outcome, bank_json = fut.result()
            except Exception as e:  # noqa: BLE001 - raised twice, or its workers kept dying
                detail = " ".join(str(e).split())[:160]
                error = f"the cluster could not run it ({type(e).__name__}: {detail})"
                outcome, bank_json = Outcome(jobs[i].name, jobs[i].label, False, error=error), None
            if bank_json is not None and not to_parquet:
                import json

                path = Path(out) / f"{jobs[i].name}.json"
                write_bank(bank_from_dict(json.loads(bank_json)), path)
                outcome = Outcome(
                    outcome.name, outcome.label, True, outcome.items, outcome.seconds, str(path)
                )
            if bank_json is not None:
                banks[i] = bank_json
            results[i] = outcome
            if progress:
                progress(outcome)
    finally:
        client.close()
        if local is not None:
            local.close()
    if to_parquet:
        write_items_parquet([banks[i] for i in sorted(banks)], [jobs[i].name for i in sorted(banks)], out)
    outcomes = tuple(results[i] for i in range(len(jobs)))
    return BatchReport(outcomes, time.perf_counter() - t0, n_workers, extra={"cluster": cluster})


def items_frame(bank_jsons: list[str], names: list[str]):
    """One row per item of every bank (pandas), with the article's name and the bank's id."""
    import json

    import pandas as pd

    from .bank import bank_from_dict

    frames = []
    for name, text in zip(names, bank_jsons, strict=True):
        bank = bank_from_dict(json.loads(text))
        df = bank.to_frame()
        df.insert(0, "bank_id", bank.id)
        df.insert(0, "article", name)
        df.insert(2, "language", bank.language)
        frames.append(df)
    if not frames:
        return pd.DataFrame(columns=["article", "bank_id", "language", "id"])
    return pd.concat(frames, ignore_index=True)


def write_items_parquet(bank_jsons: list[str], names: list[str], path: str | os.PathLike) -> None:
    """Write the items of the banks as one Parquet table (atomically)."""
    import io

    from .bank import atomic_write

    buf = io.BytesIO()
    items_frame(bank_jsons, names).to_parquet(buf, index=False)
    atomic_write(path, buf.getvalue())
