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


def measure(path: Path, timeout: float = 120) -> dict:
    """Load ``path`` in a fresh Python process: ``{"s", "error", "maxrss_mb"}`` (time
    includes importing quizgen; memory is the child's peak resident set)."""
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
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
