"""Simulated classes: many students submitting at once through the real storage layer.

Each "replica" is a separate process with its own :class:`~quizgen.storage.Store` (its own
connection pool), as two app servers behind a proxy would be; in each, threads play
students doing what the app does for them: start (or resume) an attempt, autosave answers
twice, grade and submit, and submit once more (a double click). Afterwards the database is
checked: every student stored exactly once with every answer, none lost, none duplicated.

Used by ``tests/test_scale_load.py`` (bounded, loopback only) and ``bench/run.py``
(``submit`` section: p50/p95 of submit for SQLite and PostgreSQL).

Example:
    >>> report = run_load("postgresql://...", bank, students=300, replicas=2)  # doctest: +SKIP
    >>> report.lost, report.duplicated, report.p95
"""

from __future__ import annotations

import multiprocessing as mp
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .bank import Bank

QUIZ = "load-test"
CLASS = "LOAD"


@dataclass(frozen=True)
class LoadReport:
    students: int
    stored: int
    lost: int
    duplicated: int
    incomplete: int  # stored attempts missing answers (half-written)
    seconds: float
    p50: float
    p95: float
    errors: tuple[str, ...]


def _answers(bank: Bank, i: int) -> dict[str, str]:
    """Student i's answers: the key for most items, an option or a guess for some."""
    out = {}
    for n, it in enumerate(bank.items):
        if (i + n) % 3 == 0 and it.options:
            out[it.id] = [o for o in it.options if o != it.answer][0]
        else:
            out[it.id] = it.answer
    return out


def _replica(url: str, bank_json: str, version: str, ids: list[int], threads: int, q) -> None:
    from . import grading, storage
    from .bank import loads_bank

    bank = loads_bank(bank_json)
    store = storage.open_store(url)

    def student(i: int) -> tuple[float, str]:
        try:
            att = store.start_attempt(student=f"Student {i:03d}", class_code=CLASS, version=version)
            answers = _answers(bank, i)
            half = dict(list(answers.items())[: len(answers) // 2])
            store.save_draft(att.token, half)
            store.save_draft(att.token, answers)
            t0 = time.perf_counter()
            saved = store.submit(att.token, grading.score(bank, answers), answers)
            dt = time.perf_counter() - t0
            again = store.submit(att.token, grading.score(bank, answers), answers)  # double click
            if again.attempt_id != saved.attempt_id or again.created:
                return dt, f"student {i}: a second submit was not recognised"
            return dt, ""
        except Exception as e:  # noqa: BLE001 - reported, the run goes on
            return -1.0, f"student {i}: {type(e).__name__}: {e}"

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(student, ids))
    storage.close_all()
    q.put(results)


def run_load(
    url: str, bank: Bank, *, students: int = 300, replicas: int = 2, threads: int = 20, timeout: float = 120
) -> LoadReport:
    """Run ``students`` simulated students over ``replicas`` processes against ``url``."""
    from . import storage

    store = storage.open_store(url)
    version = store.save_bank(bank, QUIZ, replace=True).version
    ctx = mp.get_context("spawn")  # a clean process per replica, as a real server would be
    q = ctx.Queue()
    parts = [list(range(r, students, replicas)) for r in range(replicas)]
    t0 = time.perf_counter()
    procs = [
        ctx.Process(target=_replica, args=(url, bank.to_json(), version, ids, threads, q)) for ids in parts
    ]
    for p in procs:
        p.start()
    results: list[tuple[float, str]] = []
    for _ in procs:
        results += q.get(timeout=timeout)
    for p in procs:
        p.join(timeout=timeout)
    seconds = time.perf_counter() - t0
    frame = store.attempts_frame(quiz=QUIZ, class_code=CLASS)
    answers = store.answers_frame(quiz=QUIZ, class_code=CLASS)
    per_student = frame.groupby("student").size() if len(frame) else frame
    stored = int(len(per_student))
    duplicated = int((per_student > 1).sum()) if stored else 0
    n_items = len(bank.items)
    counts = answers.groupby("attempt_id").size() if len(answers) else answers
    incomplete = sum(1 for aid in frame["attempt_id"] if int(counts.get(aid, 0)) != n_items) if stored else 0
    times = sorted(t for t, err in results if t >= 0)
    errors = tuple(err for _, err in results if err)
    p50 = statistics.median(times) if times else float("nan")
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else float("nan")
    return LoadReport(students, stored, students - stored, duplicated, incomplete, seconds, p50, p95, errors)
