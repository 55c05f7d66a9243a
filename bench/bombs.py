"""Extraction bombs of issue 13: small files that expand into huge text, built on the fly.

Each builder writes one file and returns its path; the shapes are the ones the issue reports:

``docx_100mb``     a ~330 KB .docx whose document.xml holds 100 MB of text
``pdf_shared``     a ~8 KB PDF whose 30 pages share one content stream (30 MB of text)
``docx_paras``     a ~200 KB .docx of 685,000 short paragraphs
``pdf_small``      a ~6 KB one-page PDF whose content stream decodes to megabytes of text

They are streamed into the files (never the whole text in memory), so building them is
cheap. :func:`measure` loads one with :func:`quizgen.load_article` in a fresh process and
reports wall time, peak memory (``ru_maxrss``) and the error message.

Example:
    >>> path = build("pdf_shared", Path("/tmp"))
    >>> measure(path)["error"]  # doctest: +SKIP
    'This PDF draws more than ... MB of page content ...'
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu pagi untuk kunjungan kenegaraan. "

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
_DOC_TAIL = "</w:body></w:document>"


def _docx(path: Path, chunks) -> Path:
    """A minimal .docx whose body is the XML strings yielded by ``chunks``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(_DOC_HEAD.encode())
            for chunk in chunks:
                f.write(chunk.encode())
            f.write(_DOC_TAIL.encode())
    return path


def docx_100mb(path: Path) -> Path:
    """100 MB of text: 100 paragraphs of 1 MB each (the same sentence repeated)."""
    para = "<w:p><w:r><w:t>" + SENTENCE * (1_000_000 // len(SENTENCE)) + "</w:t></w:r></w:p>"
    return _docx(path, (para for _ in range(100)))


def docx_paras(path: Path) -> Path:
    """685,000 short paragraphs ("Kata 1.", "Kata 2." ...)."""

    def chunks():
        batch = []
        for n in range(685_000):
            batch.append(f"<w:p><w:r><w:t>Kata {n % 700}.</w:t></w:r></w:p>")
            if len(batch) == 5000:
                yield "".join(batch)
                batch = []
        yield "".join(batch)

    return _docx(path, chunks())


def _pdf(path: Path, n_pages: int, content: bytes) -> Path:
    """A PDF of ``n_pages`` pages that all use one Flate-compressed content stream."""
    stream = zlib.compress(content, 9)
    kids = " ".join(f"{5 + i} 0 R" for i in range(n_pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    for _ in range(n_pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _text_ops(n_bytes: int) -> bytes:
    line = b"(" + SENTENCE.encode() + b") Tj T* "
    return b"BT /F1 10 Tf 12 TL 40 800 Td " + line * (n_bytes // len(SENTENCE)) + b"ET"


def pdf_shared(path: Path) -> Path:
    """30 pages sharing one stream of ~1 MB of text: 30 MB of text in all."""
    return _pdf(path, 30, _text_ops(1_000_000))


def pdf_small(path: Path) -> Path:
    """One page whose stream draws ~1.5 MB of text."""
    return _pdf(path, 1, _text_ops(1_500_000))


BOMBS = {
    "docx_100mb": ("328 KB docx holding 100 MB of text", docx_100mb, ".docx"),
    "pdf_shared": ("8.5 KB PDF, 30 pages share one stream (30 MB of text)", pdf_shared, ".pdf"),
    "docx_paras": ("206 KB docx of 685k short paragraphs", docx_paras, ".docx"),
    "pdf_small": ("5.7 KB PDF on the Create page", pdf_small, ".pdf"),
}


def build(name: str, folder: Path) -> Path:
    """Write bomb ``name`` (a key of :data:`BOMBS`) into ``folder``; its path."""
    _, builder, suffix = BOMBS[name]
    return builder(Path(folder) / f"{name}{suffix}")


_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
import quizgen
from quizgen.errors import QuizgenError
error = None
try:
    quizgen.load_article(sys.argv[1])
except QuizgenError as exc:
    error = str(exc)
print(json.dumps({"s": time.perf_counter() - t0, "error": error,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


_LAUNCHER = """
import json, resource, subprocess, sys
proc = subprocess.run([sys.executable, "-c", *sys.argv[1:]], capture_output=True, text=True)
if proc.returncode:
    sys.stderr.write(proc.stderr)
    sys.exit(proc.returncode)
got = json.loads(proc.stdout.strip().splitlines()[-1])
got["maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(got))
"""


def measure(path: Path, timeout: float = 120) -> dict:
    """Load ``path`` in a fresh Python process: ``{"s", "error", "maxrss_mb"}`` (time
    includes importing quizgen; memory is the child's peak resident set, ``ru_maxrss``).

    Linux carries ``ru_maxrss`` over ``fork`` + ``exec``: a child forked from a big process
    (pytest after many tests) would report the parent's size. So a small launcher process
    starts the child and reports its ``RUSAGE_CHILDREN`` figure."""
    proc = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, _CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"loading {path.name} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        for key in sys.argv[1:] or BOMBS:
            p = build(key, Path(d))
            print(key, p.stat().st_size, measure(p, timeout=600), flush=True)


# ---------------------------------------------------------------- bench section "bombs"

_ARTICLE_CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[2])
from bench.bombs import one_paragraph_article
import quizgen
from quizgen.exporters.budget import build_export
text = one_paragraph_article(int(sys.argv[1]))
t0 = time.perf_counter()
bank = quizgen.generate(text, language="id", seed=0)
t1 = time.perf_counter()
build_export(bank, "worksheet-pdf", budget=None)
t2 = time.perf_counter()
print(json.dumps({"items": t1 - t0, "download": t2 - t1, "n": len(bank.items)}))
"""


def one_paragraph_article(size: int = 300_000) -> str:
    """A legitimate article of ``size`` characters in ONE paragraph (the bundled sample's
    sentences, repeated): the shape that froze the app in issue 13, finding 2."""
    sample = (ROOT / "tests" / "data" / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
    body = " ".join(line.strip() for line in sample.splitlines()[1:] if line.strip())
    text = " ".join([body] * (size // len(body) + 1))
    return text[:size].rsplit(". ", 1)[0] + "."


def _student_loads_while(work, app: Path) -> tuple[list[float], float]:
    """Run ``work()`` in a thread of this process (as the Streamlit server runs a session) and
    open the student page through AppTest, again and again, until it ends: the load times and
    the time ``work`` took."""
    import threading
    import time

    from streamlit.testing.v1 import AppTest

    done = threading.Event()
    took: list[float] = []

    def run() -> None:
        t0 = time.perf_counter()
        try:
            work()
        finally:
            took.append(time.perf_counter() - t0)
            done.set()

    worker = threading.Thread(target=run)
    loads: list[float] = []
    worker.start()
    while not done.is_set() or not loads:
        t0 = time.perf_counter()
        AppTest.from_file(str(app), default_timeout=120).run()
        loads.append(time.perf_counter() - t0)
    worker.join()
    return loads, took[0]


def create_page_generates(text: str, tmp: Path) -> tuple[list[float], list[float], float, str]:
    """A real Streamlit server; in Chromium a teacher pastes ``text`` on the Create page and
    presses "Buat soal", and while it works a student opens the student page again and again
    (a fresh tab each time, until the name field shows). The student load times with the server
    idle (5, before), those during the generation, the seconds until the Create page shows its
    note, and that note (or its error)."""
    import os
    import re
    import socket
    import time
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT), QUIZGEN_TEACHER_PASSWORD="bench-passcode")
    log = open(tmp / "create-server.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            teacher = browser.new_page(viewport={"width": 1400, "height": 1000})
            teacher.set_default_timeout(300_000)

            def student_load() -> float:
                pg = browser.new_page()
                t0 = time.perf_counter()
                pg.goto(url)
                pg.get_by_label("Nama kamu").wait_for(timeout=120_000)
                took = time.perf_counter() - t0
                pg.close()
                return took

            student_load()  # warm: imports, caches
            idle = [student_load() for _ in range(5)]
            teacher.goto(url + "/teacher_create")
            teacher.get_by_label("Kode akses guru").fill("bench-passcode")
            teacher.get_by_role("button", name="Masuk").click()
            teacher.get_by_label("Tempel teks artikel").fill(text)
            teacher.wait_for_timeout(500)
            done = teacher.get_by_text(re.compile(r"soal dibuat dalam|terlalu lama|tidak dapat|berhenti"))
            t0 = time.perf_counter()
            teacher.get_by_role("button", name="Buat soal").click()
            loads = []
            while not loads or not done.count():
                loads.append(student_load())
            done.first.wait_for()
            took = time.perf_counter() - t0
            note = " ".join(done.first.inner_text().split())
            browser.close()
        return idle, loads, took, note
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def bench_bombs(reps: int, tmp: Path, figure) -> list:
    """The bomb set (each loaded in a fresh process: time and peak memory, targets 5 s and
    300 MB), then the 300 KB one-paragraph article (items, then the first download,
    worksheet-pdf, as the Create page builds it on request), each with the student page's
    load time measured at the same moment (target < 1 s). ``figure`` is run.py's Figure."""
    import os
    import statistics

    import quizgen
    from quizgen.errors import QuizgenError
    from quizgen.exporters.budget import build_export

    os.environ.setdefault("QUIZGEN_TEACHER_PASSWORD", "bench-passcode")
    banks = tmp / "bomb-banks"
    banks.mkdir(exist_ok=True)
    (banks / "sample.json").write_bytes((ROOT / "question_banks" / "id-kim-putin-2024.json").read_bytes())
    os.environ["QUIZGEN_BANKS"] = str(banks)
    os.environ["QUIZGEN_DB"] = str(tmp / "bomb-db" / "quizgen.sqlite3")
    from streamlit import logger

    logger.set_log_level("error")
    app = ROOT / "streamlit_app.py"
    out = []
    paths = {name: build(name, tmp) for name in BOMBS}
    for name, path in paths.items():
        runs = [measure(path) for _ in range(reps)]
        secs = [r["s"] for r in runs]
        mem = max(r["maxrss_mb"] for r in runs)
        desc = BOMBS[name][0]
        note = f"{path.stat().st_size / 1024:.1f} KB; " + ("refused" if runs[0]["error"] else "ACCEPTED")
        out.append(figure(f"bombs: {desc}: time", statistics.median(secs), "s", "<= 5 s",
                          max(secs) <= 5, note, secs))  # fmt: skip
        out.append(figure(f"bombs: {desc}: peak memory", mem, "MB", "<= 300 MB", mem <= 300))

    def load_all() -> None:
        for path in paths.values():
            try:
                quizgen.load_article(path)
            except QuizgenError:
                pass

    AppTest_warm = _student_loads_while(lambda: None, app)  # noqa: F841 - imports and caches
    loads, took = _student_loads_while(load_all, app)
    out.append(figure("bombs: the set, in-process (as the app reads uploads)", took, "s", note="reported"))
    out.append(figure("bombs: student page load meanwhile (max)", max(loads), "s", "< 1 s", max(loads) < 1,
                      f"{len(loads)} loads, median {statistics.median(loads):.2f} s", loads))  # fmt: skip

    text = one_paragraph_article(300_000)
    child = json.loads(
        subprocess.run(
            [sys.executable, "-c", _LAUNCHER, _ARTICLE_CHILD, "300000", str(ROOT)],
            capture_output=True, text=True, timeout=600, cwd=ROOT, check=True,
        ).stdout.strip().splitlines()[-1]
    )  # fmt: skip
    out.append(figure("300 KB one paragraph: peak memory (items + worksheet-pdf)", child["maxrss_mb"], "MB",
                      note=f"fresh process; items {child['items']:.2f} s, worksheet-pdf {child['download']:.2f} s"))  # fmt: skip
    from quizgen.exporters.budget import generate_in_child

    bank_box = []
    loads, took = _student_loads_while(
        lambda: bank_box.append(quizgen.generate(text, language="id", seed=0)), app
    )
    out.append(figure("300 KB one paragraph: items, in the server process", took, "s",
                      note=f"{len(bank_box[0].items)} items"))  # fmt: skip
    out.append(figure("300 KB one paragraph: student page load during in-process items (max)", max(loads), "s",
                      note=f"reported; {len(loads)} loads", samples=loads))  # fmt: skip
    loads, took = _student_loads_while(
        lambda: generate_in_child(text, language="id", seed=0, budget=120), app
    )
    out.append(figure("300 KB one paragraph: items, generate_in_child alone", took, "s",
                      note=f"reported; student page max {max(loads):.2f} s", samples=loads))  # fmt: skip
    idle, loads, took, note = create_page_generates(text, tmp)
    out.append(figure("300 KB one paragraph: items, the Create page's Generate button (server + Chromium)", took,
                      "s", note=note[:120]))  # fmt: skip
    out.append(figure("student page load in Chromium, server idle (median)", statistics.median(idle), "s",
                      note="reported: the browser's own share of every load below", samples=idle))  # fmt: skip
    added = max(loads) - statistics.median(idle)
    out.append(figure("300 KB one paragraph: student page load while the Create page generates (max, over idle)",
                      added, "s", "< 1 s", added < 1 and "soal dibuat" in note,
                      f"{len(loads)} loads in Chromium, max {max(loads):.2f} s, median {statistics.median(loads):.2f} s",
                      loads))  # fmt: skip
    loads, took = _student_loads_while(lambda: build_export(bank_box[0], "worksheet-pdf"), app)
    out.append(figure("300 KB one paragraph: first download (worksheet-pdf, budgeted child)", took, "s",
                      "<= 5 s", took <= 5))  # fmt: skip
    out.append(figure("300 KB one paragraph: student page load during the download (max)", max(loads), "s",
                      "< 1 s", max(loads) < 1, f"{len(loads)} loads", loads))  # fmt: skip
    return out
