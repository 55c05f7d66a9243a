"""Generate banks for many articles in parallel processes.

Inputs are article files, folders of them, ``.jsonl`` files with a ``text`` field per line
(like the corpus files) or Parquet tables with a ``text`` column (``id`` and ``title`` optional). Each article becomes ``DIR/<name>.json``; an article that fails is
recorded with its reason and does not stop the others.

Example:
    >>> jobs = collect_jobs(["articles/", "news.jsonl"])
    >>> report = run_batch(jobs, "banks/", BatchOptions(seed=7), workers=2)
    >>> report.articles, report.items, len(report.failures)
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import InputError, QuizgenError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")
INPUT_SUFFIXES = ARTICLE_SUFFIXES + (".jsonl", ".parquet")
_UNSAFE = re.compile(r"[^\w.-]+", re.UNICODE)


@dataclass(frozen=True)
class Job:
    """One article to generate from: a file (``path``) or a text from a ``.jsonl`` line."""

    name: str  # output file stem, unique in the batch
    label: str  # where it came from, for messages ("news.jsonl line 3")
    path: str | None = None
    text: str | None = None
    error: str = ""  # set when the input itself could not be read (reported as a failure)


@dataclass(frozen=True)
class BatchOptions:
    """The generate options applied to every article."""

    language: str = "auto"
    count: int | None = None
    kinds: str | None = None
    difficulty: str = "mixed"
    seed: int = 0


@dataclass(frozen=True)
class Outcome:
    """What happened to one article."""

    name: str
    label: str
    ok: bool
    items: int = 0
    seconds: float = 0.0
    output: str = ""
    error: str = ""


@dataclass(frozen=True)
class BatchReport:
    """All outcomes in input order and the wall-clock time of the batch."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    workers: int = 1
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def articles(self) -> int:
        return len(self.outcomes)

    @property
    def items(self) -> int:
        return sum(o.items for o in self.outcomes)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0


def _safe(name: str) -> str:
    return _UNSAFE.sub("-", name).strip("-.")[:80] or "article"


def _record_job(path: Path, n: int, label: str, obj: dict) -> Job:
    """A job from one record (a .jsonl line or a Parquet row) with ``text``, ``id``, ``title``."""
    name = _safe(obj["id"]) if isinstance(obj.get("id"), str) and obj["id"].strip() else f"{path.stem}-{n}"
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Job(name, label, error="no 'text' field with the article")
    title = obj.get("title")
    if isinstance(title, str) and title.strip():
        text = f"{title.strip()}\n\n{text}"
    return Job(name, label, text=text)


def _parquet_jobs(path: Path) -> list[Job]:
    try:
        import pyarrow.parquet as pq

        table = pq.read_table(path)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several kinds for a damaged file
        raise InputError(f"{path} is not a readable Parquet table ({type(e).__name__}).") from None
    if "text" not in table.column_names:
        raise InputError(f"{path} has no 'text' column (columns: {', '.join(table.column_names)}).")
    cols = [c for c in ("id", "title", "text") if c in table.column_names]
    rows = table.select(cols).to_pylist()
    return [_record_job(path, n, f"{path.name} row {n}", row) for n, row in enumerate(rows, start=1)]


def _jsonl_jobs(path: Path) -> list[Job]:
    jobs = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text; a .jsonl file holds one JSON object a line.") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        label = f"{path.name} line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            jobs.append(Job(f"{path.stem}-{n}", label, error=f"not valid JSON ({e.msg})"))
            continue
        if not isinstance(obj, dict):
            jobs.append(Job(f"{path.stem}-{n}", label, error="the line is not a JSON object"))
            continue
        jobs.append(_record_job(path, n, label, obj))
    return jobs


def _file_jobs(p: Path) -> list[Job]:
    suffix = p.suffix.lower()
    if suffix == ".jsonl":
        return _jsonl_jobs(p)
    if suffix == ".parquet":
        return _parquet_jobs(p)
    return [Job(_safe(p.stem), str(p), path=str(p))]


def collect_jobs(inputs: Iterable[str | os.PathLike]) -> list[Job]:
    """The articles named by ``inputs`` (files, folders searched recursively, ``.jsonl`` files,
    Parquet tables).

    Raises:
        InputError: an input does not exist, a folder holds no article, or there is none at all.
    """
    inputs = list(inputs)
    jobs: list[Job] = []
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                raise InputError(f"The folder {p} holds no article ({', '.join(INPUT_SUFFIXES)}).")
            for f in found:
                jobs += _file_jobs(f)
        elif p.is_file():
            jobs += _file_jobs(p)
        else:
            raise InputError(f"There is no file or folder {p}.")
    if not jobs:
        raise InputError(f"There is no article in {', '.join(map(str, inputs))}: the .jsonl files are empty.")
    used: set[str] = set()
    unique = []
    for job in jobs:  # two articles must not write the same bank file (nor differ only in case)
        name, n = job.name, 1
        while name.casefold() in used:
            n += 1
            name = f"{job.name}-{n}"
        used.add(name.casefold())
        unique.append(job if name == job.name else Job(name, job.label, job.path, job.text, job.error))
    return unique


def run_one(job: Job, out_dir: str, options: BatchOptions) -> Outcome:
    """Generate and write one bank; never raises (a failure is an :class:`Outcome` with its reason)."""
    t0 = time.perf_counter()
    if job.error:
        return Outcome(job.name, job.label, False, error=job.error)
    try:
        import quizgen
        from quizgen.bank import write_bank
        from quizgen.intake import load_article

        source = job.path if job.path else job.text.encode("utf-8")
        article = load_article(
            source, language=options.language, name=None if job.path else f"{job.name}.txt"
        )
        kwargs = {k: v for k, v in asdict(options).items() if v is not None}
        bank = quizgen.generate(article, **kwargs)
        out = Path(out_dir) / f"{job.name}.json"
        write_bank(bank, out)
        return Outcome(job.name, job.label, True, len(bank.items), time.perf_counter() - t0, str(out))
    except QuizgenError as e:
        return Outcome(job.name, job.label, False, seconds=time.perf_counter() - t0, error=str(e))
    except Exception as e:  # a bug on one article must not stop the batch; report it
        return Outcome(
            job.name,
            job.label,
            False,
            seconds=time.perf_counter() - t0,
            error=f"unexpected error ({type(e).__name__}: {e})",
        )


def _warm_up(options: BatchOptions) -> None:
    """Import the engine and load the language packs once, before the workers start."""
    try:
        import quizgen.engine  # noqa: F401
        import quizgen.intake  # noqa: F401
        from quizgen.lang import get_pack

        for code in ("id", "en") if options.language == "auto" else (options.language,):
            pack = get_pack(code)
            pack.stem("pertemuan")  # the stemmer's dictionary and the word-frequency list
            pack.zipf("the")  # load lazily: load them here, once, not in every worker
    except QuizgenError:
        pass  # an unknown language is reported per article by run_one


def run_batch(
    jobs: list[Job],
    out_dir: str | os.PathLike,
    options: BatchOptions,
    *,
    workers: int = 1,
    progress: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Run every job, ``workers`` processes at a time; ``progress`` is called as each one ends."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    results: dict[int, Outcome] = {}
    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs):
            results[i] = run_one(job, str(out_dir), options)
            if progress:
                progress(results[i])
    else:
        _warm_up(options)  # forked workers inherit the loaded modules and language packs
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(run_one, job, str(out_dir), options): i for i, job in enumerate(jobs)}
            for fut in as_completed(futures):
                i = futures[fut]
                try:
                    results[i] = fut.result()
                except Exception as e:  # the worker process died (e.g. out of memory)
                    job = jobs[i]
                    results[i] = Outcome(
                        job.name, job.label, False, error=f"the worker stopped ({type(e).__name__})"
                    )
                if progress:
                    progress(results[i])
    outcomes = tuple(results[i] for i in range(len(jobs)))
    return BatchReport(outcomes, time.perf_counter() - t0, workers)


def summary_table(report: BatchReport) -> str:
    """The end-of-batch table: articles, items, failures, time, articles per second."""
    rows = [
        ("articles", str(report.articles)),
        ("banks written", str(report.articles - len(report.failures))),
        ("items", str(report.items)),
        ("failures", str(len(report.failures))),
        ("time", f"{report.seconds:.1f} s"),
        ("articles/s", f"{report.per_second:.2f}"),
        ("processes", str(report.workers)),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v:>10}" for k, v in rows)
