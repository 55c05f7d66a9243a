"""quizgen benchmarks: speed and memory figures against their targets (issue 6).

    python bench/run.py [--quick] [--only NAMES] [--profile] [--cap SECONDS] [--json PATH]

Prints a table ``figure | value | target | met?`` and writes ``bench/results.json`` (every
figure, its raw samples and the machine it ran on). Each figure is the median of repeated
runs; figures that compare two things are measured interleaved (A, B, A, B, ...) in the
same process after one warm-up each, so a noisy machine moves both sides alike.
``--quick`` cuts the repeats for a smoke run (the verdicts are then indicative only).

Figures (``--only`` takes their section names, comma-separated):

``generate``  ``quizgen.generate(article, seed=0)`` on the sample article
              (``tests/data/id-kim-putin-2024.txt``, loaded once with ``load_article``) vs
              YAKE ``KeywordExtractor(lan="id", n=3, top=20).extract_keywords(text)``;
              target ratio generate/YAKE <= 0.25 (issue 6; not met since the ranked writers of
              issue 10, whose own target is <= 3). Also "cold" generate: a fresh process
              that imports quizgen, loads the article and generates once (reported only).
``growth``    ``quizgen.generate(text, language="id", seed=0)`` on ~10 KB, 100 KB and 1 MB
              texts made by joining the articles of ``../shared/corpus/id-news`` (cycled
              when the corpus is smaller than the size). Each size runs in its own process
              (a warm-up generate on the sample first); time is the median there, memory
              is the process's peak RSS (``ru_maxrss``, and ``VmHWM`` polled from outside).
              A size still running after ``--cap`` seconds (default 120, 0: no cap) is
              stopped and reported as unfinished, its time a lower bound. Targets: 1 MB
              <= 3 s and <= 400 MB; linear growth, shown as milliseconds per KB. The
              100 KB and 1 MB texts are past ``quizgen.text.reading.READ_CHARS``: they are
              read in part (the opening and passages spread over the rest), so their
              time per KB falls with size; the figure names what was read.
``cli``       ``python -m quizgen --help`` and the ``quizgen`` console script as processes
              (wall time, one warm-up); target <= 0.4 s. Also whether ``streamlit`` or
              ``pandas`` are in ``sys.modules`` after ``import quizgen.cli`` and after
              ``--help`` (target: neither).
``batch``     ``quizgen batch ../shared/corpus/id-news -o TMP --jobs N --no-progress``
              (150 articles) with 1 and 2 jobs, interleaved; articles per second over the
              whole process's wall time; target >= 40/s with 2 jobs. The CPU time per
              article (process and workers) is noted too: with other work on the machine,
              2 jobs cannot go faster than the free CPUs allow (see the load average).
``cluster``   ``quizgen batch ../shared/corpus/id-news -o TMP --cluster local --jobs N``
              (a Dask LocalCluster with N worker processes, N = 1 and 2), articles per
              second over the whole command (cluster start included), and whether every
              bank holds the same items as the single-machine ``--jobs 2`` run.
``submit``    300 simulated students (``quizgen.loadtest``: start, autosave twice, grade,
              submit, submit again) over two processes of 20 threads each, like two app
              replicas, on SQLite and on a throw-away PostgreSQL (``tests/pg_server.py``);
              p50/p95 of one submit, and lost / duplicated / half-written attempts
              (target 0 each, all 300 within 60 s).
``app``       server-side time through Streamlit's ``AppTest`` (no browser): the student
              page showing the bundled quiz (``question_banks/id-kim-putin-2024.json``),
              submitting all-correct answers (grade, store in SQLite, render the review),
              and the teacher page generating and rendering a bank from the sample article.
              Also ``quizgen.grading.score`` alone on that bank. No targets: reported.
``bombs``     issue 13: the extraction bombs of ``bench/bombs.py`` (each loaded in a fresh
              process: time <= 5 s, peak memory <= 300 MB), then a 300 KB one-paragraph
              article: items (``generate``) and the first download (worksheet-pdf through
              ``build_export``), each with the student page (AppTest) opened again and again
              in the same process meanwhile: its slowest load, target < 1 s.
``analysis``  UD tokens + UPOS tagging of the corpus articles (id-news, en-news), CPU ms
              per 1,000 words, warm (target <= 5 ms) and cold; model load; the Indonesian
              entity tagger. See ``bench/analysis.py``.

``--profile`` runs pyinstrument over ``generate`` (the sample article 20 times, then the
100 KB text once) and prints its stages and the five functions with the most own time. Needs the corpus (``../shared`` beside the repo);
sections that need it are skipped with a note when it is missing, and so are the PostgreSQL
rows of ``submit`` when no PostgreSQL can be started (a failure under
``QUIZGEN_REQUIRE_EXTERNAL=1``). A section that fails is listed under the table (exit status
1); ``results.json`` (its ``skipped`` list included) is rewritten after each section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "id-news"
SAMPLE = ROOT / "tests" / "data" / "id-kim-putin-2024.txt"
BANK = ROOT / "question_banks" / "id-kim-putin-2024.json"
APP = ROOT / "streamlit_app.py"
SECTIONS = ("generate", "growth", "cli", "batch", "cluster", "submit", "app", "bombs", "analysis")
SIZES = (("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000))


@dataclass
class Figure:
    """One row of the table."""

    name: str
    value: float
    unit: str
    target: str = "-"
    met: bool | None = None
    note: str = ""
    samples: list[float] = field(default_factory=list)

    def shown(self) -> str:
        if self.unit == "bool":
            return "yes" if self.value else "no"
        if self.unit == "s":
            if self.value < 0.001:
                return f"{self.value * 1e6:.0f} µs"
            return f"{self.value * 1000:.1f} ms" if self.value < 1 else f"{self.value:.2f} s"
        if self.unit in ("x", "ratio"):
            return f"{self.value:.3f}"
        return f"{self.value:.1f} {self.unit}"


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def clock(fn, *args, **kw) -> float:
    t0 = time.perf_counter()
    fn(*args, **kw)
    return time.perf_counter() - t0


def child(code: str, *args: str, timeout: float = 600) -> dict:
    """Run Python ``code`` in a fresh interpreter; its last stdout line is JSON."""
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def wall(cmd: list[str], timeout: float = 600) -> float:
    """Wall time of one process, which must succeed."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return dt


# ---------------------------------------------------------------- generate vs YAKE


COLD = """
import json, sys, time
t0 = time.perf_counter()
import quizgen
article = quizgen.load_article(sys.argv[1])
quizgen.generate(article, seed=0)
print(json.dumps({"s": time.perf_counter() - t0}))
"""


def bench_generate(reps: int) -> list[Figure]:
    import yake

    import quizgen

    article = quizgen.load_article(SAMPLE)
    kw = yake.KeywordExtractor(lan="id", n=3, top=20)
    gen = lambda: quizgen.generate(article, seed=0)  # noqa: E731
    yak = lambda: kw.extract_keywords(article.text)  # noqa: E731
    gen(), yak()  # warm-up: imports, language pack, stop words
    g, y = [], []
    for _ in range(reps):
        g.append(clock(gen))
        y.append(clock(yak))
    ratios = [a / b for a, b in zip(g, y, strict=True)]
    ratio = median(g) / median(y)
    cold = [child(COLD, str(SAMPLE))["s"] for _ in range(max(1, reps // 5))]
    kb = len(article.text.encode("utf-8")) / 1000
    return [
        Figure(f"generate, sample article ({kb:.1f} KB), warm", median(g), "s", samples=g),
        Figure("YAKE id n=3 top=20, same text", median(y), "s", samples=y),
        Figure("generate / YAKE (ratio of medians), issue 6", ratio, "x", "<= 0.25", ratio <= 0.25, samples=ratios),
        Figure("generate / YAKE (ratio of medians), issue 10", ratio, "x", "<= 3", ratio <= 3, samples=ratios),
        Figure("generate, cold (fresh process, incl. imports)", median(cold), "s", samples=cold),
    ]


# ---------------------------------------------------------------- growth with size


GROWTH = """
import json, resource, sys, time
from pathlib import Path
import quizgen
reps = int(sys.argv[2])
text = Path(sys.argv[1]).read_text(encoding="utf-8")
quizgen.generate(quizgen.load_article(sys.argv[3]), seed=0)  # warm-up
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
times, items = [], 0
for _ in range(reps):
    t0 = time.perf_counter()
    bank = quizgen.generate(text, language="id", seed=0)
    times.append(time.perf_counter() - t0)
    items = len(bank.items)
read = bank.generator.get("read") or {}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"times": times, "base_kb": base, "peak_kb": peak, "items": items, "read": read}))
"""


def corpus_text(size: int) -> str:
    """Whole articles of the corpus joined by blank lines until ``size`` UTF-8 bytes."""
    files = sorted(CORPUS.glob("*.txt"))
    parts, n, i = [], 0, 0
    while n < size:
        t = files[i % len(files)].read_text(encoding="utf-8").strip()
        parts.append(t)
        n += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def vm_hwm_mb(pid: int) -> float:
    """Peak resident set size so far of a running process (Linux ``VmHWM``), else 0."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def growth_child(path: Path, reps: int, cap: float) -> tuple[dict | None, float, float]:
    """Run the growth child; returns (its result or None when stopped at ``cap`` seconds,
    peak RSS in MB seen from outside, wall seconds)."""
    cmd = [sys.executable, "-c", GROWTH, str(path), str(reps), str(SAMPLE)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    t0, hwm = time.perf_counter(), 0.0
    while proc.poll() is None:
        hwm = max(hwm, vm_hwm_mb(proc.pid))
        if cap and time.perf_counter() - t0 > cap:
            proc.kill()
            proc.communicate()
            return None, hwm, time.perf_counter() - t0
        time.sleep(0.1)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"growth child failed ({proc.returncode}):\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), hwm, time.perf_counter() - t0


def bench_growth(reps: int, tmp: Path, cap: float) -> list[Figure]:
    out: list[Figure] = []
    per_kb: dict[str, float] = {}
    for label, size in SIZES:
        text = corpus_text(size)
        path = tmp / f"growth-{size}.txt"
        path.write_text(text, encoding="utf-8")
        kb = len(text.encode("utf-8")) / 1000
        big = size == 1_000_000
        n = reps if not big else max(1, reps // 2)
        r, hwm, spent = growth_child(path, n, cap)
        if r is None:  # stopped at the cap: the time is a lower bound, the memory a peak so far
            t, peak, base, times = spent, hwm, 0.0, []
            note = f"stopped at the {cap:.0f} s cap, unfinished: time is a lower bound"
            name = f"generate {label} ({kb:.0f} KB)"
        else:
            t, times = median(r["times"]), r["times"]
            peak, base = max(r["peak_kb"] / 1024, hwm), r["base_kb"] / 1024
            read = r.get("read") or {}
            part = f", {read['chars'] / 1000:.0f} KB read in {read['passages']} passages" if read else ""
            note, name = "", f"generate {label} ({kb:.0f} KB, {r['items']} items{part})"
        per_kb[label] = t / kb
        out.append(Figure(name, t, "s", "<= 3 s" if big else "-", (t <= 3.0) if big else None, note, times))
        before = f"; {base:.0f} MB before" if base else ""
        out.append(
            Figure(
                f"  peak RSS {label} (whole process{before})",
                peak,
                "MB",
                "<= 400 MB" if big else "-",
                (peak <= 400) if big else None,
                "peak until stopped" if r is None else "",
            )
        )
        out.append(
            Figure(f"  time per KB, {label}", t / kb * 1000, "ms/KB", note="lower bound" if r is None else "")
        )
    first, last = per_kb[SIZES[0][0]], per_kb[SIZES[-1][0]]
    out.append(
        Figure(
            f"ms/KB at {SIZES[-1][0]} / ms/KB at {SIZES[0][0]} (1 = linear)",
            last / first,
            "x",
            "<= 2 (about linear)",
            last / first <= 2.0,
            "lower bound: largest size stopped" if r is None else "",
        )
    )
    return out


# ---------------------------------------------------------------- CLI start-up


MODULES = """
import json, sys
import quizgen.cli
after_import = sorted(m for m in ("streamlit", "pandas") if m in sys.modules)
try:
    quizgen.cli.main(["--help"])
except SystemExit:
    pass
after_help = sorted(m for m in ("streamlit", "pandas") if m in sys.modules)
print()
print(json.dumps({"import": after_import, "help": after_help}))
"""


def console_script() -> str | None:
    local = Path(sys.executable).with_name("quizgen")
    return str(local) if local.exists() else shutil.which("quizgen")


def bench_cli(reps: int) -> list[Figure]:
    cmds = {"python -m quizgen --help": [sys.executable, "-m", "quizgen", "--help"]}
    script = console_script()
    if script:
        cmds["quizgen --help (console script)"] = [script, "--help"]
    cmds["python -c pass (interpreter floor)"] = [sys.executable, "-c", "pass"]
    for cmd in cmds.values():
        wall(cmd)  # warm-up: file cache, .pyc
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(reps):
        for k, cmd in cmds.items():
            times[k].append(wall(cmd))
    out = []
    for k, ts in times.items():
        floor = k.startswith("python -c")
        m = median(ts)
        out.append(Figure(k, m, "s", "-" if floor else "<= 0.4 s", None if floor else m <= 0.4, samples=ts))
    if not script:
        out.append(Figure("quizgen console script", 0, "bool", note="not on PATH: skipped"))
    mods = child(MODULES)
    for when in ("import", "help"):
        heavy = mods[when]
        label = "import quizgen.cli" if when == "import" else "quizgen --help (in process)"
        out.append(
            Figure(
                f"streamlit/pandas loaded after {label}",
                bool(heavy),
                "bool",
                "no",
                not heavy,
                note=", ".join(heavy),
            )
        )
    return out


# ---------------------------------------------------------------- batch throughput


def bench_batch(reps: int, tmp: Path) -> list[Figure]:
    n = len(list(CORPUS.glob("*.txt")))
    script = console_script()
    base = [script] if script else [sys.executable, "-m", "quizgen"]

    def run(jobs: int) -> tuple[float, float]:
        """Wall seconds and CPU seconds (the process and its workers) of one batch."""
        out = tmp / f"batch-{jobs}"
        shutil.rmtree(out, ignore_errors=True)
        cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = wall([*base, "batch", str(CORPUS), "-o", str(out), "--jobs", str(jobs), "--no-progress"], 3600)
        cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        written = len(list(out.glob("*.json")))
        if written != n:
            raise RuntimeError(f"batch --jobs {jobs} wrote {written} banks for {n} articles")
        return dt, (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)

    run(2)  # warm-up
    times: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(reps):
        for jobs in (1, 2):
            dt, cpu = run(jobs)
            times[jobs].append(dt)
            cpus[jobs].append(cpu)
    out = []
    for jobs, ts in times.items():
        rate = n / median(ts)
        two = jobs == 2
        cpu_ms = median(cpus[jobs]) / n * 1000
        out.append(
            Figure(
                f"batch {n} id-news articles, --jobs {jobs}",
                rate,
                "art/s",
                ">= 40/s" if two else "-",
                (rate >= 40) if two else None,
                note=f"median wall {median(ts):.2f} s, CPU {cpu_ms:.1f} ms/article",
                samples=[n / t for t in ts],
            )
        )
    return out


def _items_of(folder: Path) -> dict[str, list]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))["items"] for p in sorted(folder.glob("*.json"))}


def bench_cluster(reps: int, tmp: Path) -> list[Figure]:
    n = len(list(CORPUS.glob("*.txt")))
    script = console_script()
    base = [script] if script else [sys.executable, "-m", "quizgen"]
    single = tmp / "cluster-single"
    shutil.rmtree(single, ignore_errors=True)
    wall([*base, "batch", str(CORPUS), "-o", str(single), "--jobs", "2", "--no-progress"], 3600)
    reference = _items_of(single)
    out = []
    for workers in (1, 2):
        ts = []
        same = True
        for _ in range(reps):
            folder = tmp / f"cluster-{workers}"
            shutil.rmtree(folder, ignore_errors=True)
            cmd = [*base, "batch", str(CORPUS), "-o", str(folder), "--cluster", "local"]
            ts.append(wall([*cmd, "--jobs", str(workers), "--no-progress"], 3600))
            same = same and _items_of(folder) == reference and len(reference) == n
        rate = n / median(ts)
        out.append(
            Figure(
                f"batch {n} id-news articles on a Dask LocalCluster, {workers} worker(s)",
                rate,
                "art/s",
                note=f"median wall {median(ts):.2f} s incl. cluster start",
                samples=[n / t for t in ts],
            )
        )
        out.append(
            Figure(f"cluster ({workers} worker(s)) items == single-machine items", same, "bool", "yes", same)
        )
    return out


def bench_submit(reps: int, tmp: Path, skipped: list[str]) -> list[Figure]:
    """300 students over 2 replicas on SQLite and on a throw-away PostgreSQL. A PostgreSQL that
    cannot be started is listed in ``skipped`` (as a failure under QUIZGEN_REQUIRE_EXTERNAL=1),
    never silently left out of the table."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import server  # the tests' throw-away PostgreSQL

    from quizgen.bank import read_bank
    from quizgen.loadtest import run_load

    bank = read_bank(BANK)
    urls = {"SQLite": str(tmp / "load.sqlite3")}
    try:
        urls["PostgreSQL"] = server().create_db()
    except BaseException as e:  # noqa: BLE001 - pytest's Skipped and Failed are BaseExceptions
        if isinstance(e, KeyboardInterrupt):
            raise
        why = " ".join(str(e).split())[:300]
        required = os.environ.get("QUIZGEN_REQUIRE_EXTERNAL") == "1"
        skipped.append(f"submit on PostgreSQL: {'failed: ' if required else ''}no PostgreSQL server: {why}")
        print(f"  no PostgreSQL for the submit bench: {why}", file=sys.stderr)
    out = []
    for name, url in urls.items():
        r = run_load(url, bank, students=300, replicas=2, threads=20)
        ok = r.lost == r.duplicated == r.incomplete == 0 and not r.errors and r.seconds < 60
        out.append(
            Figure(
                f"submit, 300 students over 2 replicas, {name}: p50",
                r.p50,
                "s",
                note=f"all in {r.seconds:.1f} s; p95 {r.p95 * 1000:.1f} ms",
            )
        )
        out.append(Figure(f"submit, 300 students over 2 replicas, {name}: p95", r.p95, "s"))
        out.append(
            Figure(
                f"submit, 300 students, {name}: lost + duplicated + half-written",
                r.lost + r.duplicated + r.incomplete,
                "attempts",
                "0, all within 60 s",
                ok,
                note=f"stored {r.stored}, errors {len(r.errors)}",
            )
        )
    return out


# ---------------------------------------------------------------- the app


def bench_app(reps: int, tmp: Path) -> list[Figure]:
    banks = tmp / "banks"
    banks.mkdir(exist_ok=True)
    shutil.copy(BANK, banks / BANK.name)
    os.environ["QUIZGEN_BANKS"] = str(banks)
    os.environ["QUIZGEN_DB"] = str(tmp / "db" / "quizgen.sqlite3")
    os.environ["QUIZGEN_TEACHER_PASSWORD"] = "bench-passcode"
    from streamlit import logger
    from streamlit.testing.v1 import AppTest

    logger.set_log_level("error")  # AppTest's "missing ScriptRunContext" warnings

    from quizgen.app import state
    from quizgen.bank import read_bank
    from quizgen.grading import is_typed, score

    bank = read_bank(BANK)
    sample_text = SAMPLE.read_text(encoding="utf-8")

    def student() -> tuple[float, float, float]:
        at = AppTest.from_file(str(APP), default_timeout=120)
        t_open = clock(at.run)
        at.text_input(key="name_input").input("Bench Student")
        at.text_input(key="class_input").input("")  # no class code: the bundled demo quiz (practice)
        t_show = clock(at.button(key="start").click().run)
        assert at.session_state["phase"] == "answer", "the quiz did not start"
        rnd = at.session_state["round"]
        for n, it in enumerate(bank.items, 1):
            key = state.answer_key(rnd, n)
            if is_typed(it):
                at.text_input(key=key).input(it.answer)
            else:
                at.radio(key=key).set_value(it.options.index(it.answer))
        [button] = [b for b in at.button if b.label in ("Kirim jawaban", "Submit answers")]
        t_submit = clock(button.click().run)
        assert not at.exception and at.session_state["phase"] == "review", "the submission failed"
        return t_open, t_show, t_submit

    def teacher() -> float:
        at = AppTest.from_file(str(APP), default_timeout=120).run()
        at.switch_page("quizgen/app/pages/teacher_create.py").run()
        at.text_input(key="passcode_input").input("bench-passcode")
        at.button[0].click().run()
        at.text_area(key="paste_text").input(sample_text)
        [create] = [b for b in at.button if b.key and b.key.startswith("FormSubmitter:create_source")]
        dt = clock(create.click().run)
        assert not at.exception and at.session_state["draft_bank"].items, "the teacher page made no bank"
        return dt

    answers = {it.id: it.answer for it in bank.items}
    student(), teacher()  # warm-up: Streamlit and page imports
    opens, shows, submits, creates, grades = [], [], [], [], []
    for _ in range(reps):
        a, b, c = student()
        opens.append(a), shows.append(b), submits.append(c)
        creates.append(teacher())
        g = [clock(score, bank, answers) for _ in range(20)]
        grades.append(median(g))
    result = score(bank, answers)
    assert result.correct == result.total, "all-correct answers did not all grade correct"
    n = len(bank.items)
    results = _results_page(reps, tmp)
    return [
        Figure(
            "app: results page, 200 attempts x 25 questions (server time)",
            median(results),
            "s",
            "<= 1 s",
            median(results) <= 1.0,
            samples=results,
        ),
        Figure("app: open the student page (quiz list)", median(opens), "s", samples=opens),
        Figure(f"app: start the sample quiz ({n} items rendered)", median(shows), "s", samples=shows),
        Figure(
            "app: submit all-correct, demo quiz (practice: grade+close+review, no attempt stored)",
            median(submits),
            "s",
            samples=submits,
        ),
        Figure(
            "app: teacher generate (child process)+render, sample article",
            median(creates),
            "s",
            samples=creates,
        ),
        Figure(f"grading.score alone, {n} items all correct", median(grades), "s", samples=grades),
    ]


def _results_page(reps: int, tmp: Path) -> list[float]:
    """Seconds of server time for the teacher's results page over one quiz version with 200
    stored attempts of 25 questions (grid, per-question table, follow-up list)."""
    import random
    from dataclasses import replace

    from streamlit.testing.v1 import AppTest

    from quizgen.bank import read_bank
    from quizgen.grading import score
    from quizgen.storage import close_store, open_store

    db = tmp / "results-db" / "quizgen.sqlite3"
    db.parent.mkdir(exist_ok=True)
    base = read_bank(BANK)
    items = [replace(it, id=f"{it.id}-{k}") for k in range(5) for it in base.items][:25]
    bank = replace(base, items=tuple(items))
    store = open_store(str(db))
    rng = random.Random(7)
    for n in range(200):
        answers = {
            it.id: (
                it.answer if rng.random() < 0.7 else (rng.choice(it.options) if it.options else "tidak tahu")
            )
            for it in bank.items
        }
        store.record_attempt(bank, score(bank, answers), answers, student=f"Siswa {n:03d}", token=f"bench-{n}",
                             class_code="7A")  # fmt: skip
    close_store(str(db))
    saved = os.environ["QUIZGEN_DB"]
    os.environ["QUIZGEN_DB"] = str(db)
    try:
        at = AppTest.from_file(str(APP), default_timeout=120).run()
        at.switch_page("quizgen/app/pages/teacher_results.py").run()
        at.text_input(key="passcode_input").input("bench-passcode")
        at.button[0].click().run()
        assert not at.exception and at.dataframe, "the results page showed no table"
        grid = at.dataframe[0].value
        assert len(grid) == 200 and "Q25" in grid.columns, "the grid is not 200 x 25"
        times = [clock(at.run) for _ in range(max(reps, 3))]
    finally:
        os.environ["QUIZGEN_DB"] = saved
        close_store(str(db))
    return times


# ---------------------------------------------------------------- bombs (issue 13)


def bench_bombs(reps: int, tmp: Path) -> list[Figure]:
    """See ``bench/bombs.py``."""
    sys.path.insert(0, str(ROOT))
    from bench.bombs import bench_bombs as run

    return run(reps, tmp, Figure)


# ---------------------------------------------------------------- analysis (bench/tagging.py)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tagging import bench_analysis  # noqa: E402

# ---------------------------------------------------------------- profile


def _hot_spots(prof, title: str) -> list[str]:
    """Time by stage of ``generate`` (its direct callees) and the five functions with the
    most own time, as printable lines."""
    own: dict[str, float] = {}
    stages: dict[str, float] = {}

    def walk(frame, parent: str) -> None:
        if frame.function and not frame.is_synthetic:
            key = f"{frame.function} ({Path(frame.file_path or '?').name}:{frame.line_no})"
            own[key] = own.get(key, 0.0) + frame.total_self_time
            if parent == "generate":
                stages[frame.function] = stages.get(frame.function, 0.0) + frame.time
        for c in frame.children:
            walk(c, frame.function or parent)

    root = prof.last_session.root_frame()
    walk(root, "")
    total = root.time or 1.0
    lines = [f"{title} (total {total:.2f} s under the profiler)", "  stages of generate:"]
    for k, t in sorted(stages.items(), key=lambda kv: -kv[1])[:6]:
        lines.append(f"    {t / total:6.1%}  {k}")
    lines.append("  top 5 by own time:")
    for k, t in sorted(own.items(), key=lambda kv: -kv[1])[:5]:
        lines.append(f"    {t / total:6.1%}  {t * 1000:8.1f} ms  {k}")
    return lines


def profile() -> list[str]:
    """pyinstrument over ``generate``: the sample article (20 runs) and the 100 KB text."""
    from pyinstrument import Profiler

    import quizgen

    article = quizgen.load_article(SAMPLE)
    quizgen.generate(article, seed=0)
    prof = Profiler(interval=0.0002)
    prof.start()
    for _ in range(20):
        quizgen.generate(article, seed=0)
    prof.stop()
    lines = _hot_spots(prof, "generate x20, sample article")
    if CORPUS.is_dir():
        text = corpus_text(100_000)
        prof = Profiler(interval=0.001)
        prof.start()
        quizgen.generate(text, language="id", seed=0)
        prof.stop()
        lines += _hot_spots(prof, "generate, ~100 KB of id-news")
    return lines


# ---------------------------------------------------------------- main


def table(figs: list[Figure]) -> str:
    rows = [("figure", "value", "target", "met?")]
    for f in figs:
        met = "-" if f.met is None else ("yes" if f.met else "NO")
        value = f.shown() + (f"  ({f.note})" if f.note else "")
        rows.append((f.name, value, f.target, met))
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [" | ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * x for x in w))
    return "\n".join(lines)


def machine() -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT).stdout.strip()
        except OSError:
            return ""

    changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()]
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": [p for p in changed if p.startswith("quizgen/")],
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="few repeats: a smoke run")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"sections to run: {','.join(SECTIONS)}")
    ap.add_argument("--profile", action="store_true", help="pyinstrument hot spots of generate")
    ap.add_argument(
        "--cap", type=float, default=120.0, help="stop a growth size after this many seconds (0: never)"
    )
    ap.add_argument("--json", default=str(ROOT / "bench" / "results.json"), help="where to write results")
    args = ap.parse_args()
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    reps = {"generate": 5, "growth": 1, "cli": 3, "batch": 1, "cluster": 1, "submit": 1, "app": 2, "bombs": 1,
            "analysis": 2}  # fmt: skip
    if not args.quick:
        reps = {
            "generate": 21, "growth": 5, "cli": 7, "batch": 5, "cluster": 3, "submit": 1, "app": 5, "bombs": 3,
            "analysis": 7,
        }  # fmt: skip
    has_corpus = CORPUS.is_dir() and any(CORPUS.glob("*.txt"))
    figs: list[Figure] = []
    skipped: list[str] = []
    hot: list[str] = []
    report = {"machine": machine(), "quick": args.quick, "repeats": reps, "growth_cap_s": args.cap}

    def save() -> None:  # after every section, so a late failure keeps the figures so far
        report.update(figures=[asdict(f) for f in figs], skipped=skipped, profile_top5=hot)
        Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    runners = {
        "generate": lambda tmp: bench_generate(reps["generate"]),
        "growth": lambda tmp: bench_growth(reps["growth"], tmp, args.cap),
        "cli": lambda tmp: bench_cli(reps["cli"]),
        "batch": lambda tmp: bench_batch(reps["batch"], tmp),
        "cluster": lambda tmp: bench_cluster(reps["cluster"], tmp),
        "submit": lambda tmp: bench_submit(reps["submit"], tmp, skipped),
        "app": lambda tmp: bench_app(reps["app"], tmp),
        "bombs": lambda tmp: bench_bombs(reps["bombs"], tmp),
        "analysis": lambda tmp: bench_analysis(reps["analysis"], tmp),
    }
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as d:
        tmp = Path(d)
        for name in only:
            if name in ("growth", "batch", "cluster", "analysis") and not has_corpus:
                skipped.append(f"{name}: no corpus at {CORPUS}")
                continue
            print(f"[{time.strftime('%H:%M:%S')}] {name} ...", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            try:
                got = runners[name](tmp)
            except Exception as e:  # noqa: BLE001 - one broken section must not hide the others
                skipped.append(f"{name}: failed: {type(e).__name__}: {str(e).strip()[:500]}")
                print(f"  {name} FAILED: {e}", file=sys.stderr, flush=True)
            else:
                figs.extend(got)
                print(table(got), file=sys.stderr, flush=True)
            print(f"  {name} took {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
            save()
        if args.profile:
            hot = profile()
    report["load_average_1m_at_end"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    save()
    print(table(figs))
    for s in skipped:
        print(f"skipped {s}")
    if hot:
        print("\npyinstrument:")
        print("\n".join(hot))
    load = (report["machine"]["load_average_1m"], report["load_average_1m_at_end"])
    print(f"\n{os.cpu_count()} CPUs; load average (1 min) {load[0]} at start, {load[1]} at end")
    missed = [f.name for f in figs if f.met is False]
    print(f"{len(figs) - len(missed)} of {len(figs)} rows fine; targets missed: {len(missed)}")
    # "<section>: failed: ..." is a failure; "<section>: <why not run>" only a note
    return 1 if any(s.partition(": ")[2].startswith("failed") for s in skipped) else 0


if __name__ == "__main__":
    sys.exit(main())
