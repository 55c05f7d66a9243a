"""Issue 13, finding 1: small uploads that expand into huge text are refused early.

The four shapes the issue reported are built on the fly (``bench/bombs.py``) and loaded in a
fresh process: each must end with a one-line error naming the limit, in under 5 s and
300 MB (peak resident set, ``ru_maxrss``). Then each limit is reached on its own by a file
that passes the others (varied text that does not compress well), and the CLI's answer is
checked to be one line.
"""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bombs import BOMBS, _docx, _pdf, build, measure  # noqa: E402
from quizgen import load_article  # noqa: E402
from quizgen.intake import limits  # noqa: E402
from quizgen.intake.limits import LimitError  # noqa: E402


@pytest.mark.parametrize("name", list(BOMBS))
def test_bomb_is_refused_fast_and_small(name, tmp_path):
    path = build(name, tmp_path)
    got = measure(path)
    assert got["error"], f"{name} ({path.stat().st_size} bytes) was accepted"
    assert "\n" not in got["error"] and "limit MAX_" in got["error"]
    assert got["s"] < 5, got
    assert got["maxrss_mb"] < 300, got


def test_bomb_sizes_match_the_issue(tmp_path):
    sizes = {name: build(name, tmp_path).stat().st_size for name in BOMBS}
    assert 250_000 < sizes["docx_100mb"] < 400_000
    assert 150_000 < sizes["docx_paras"] < 260_000
    assert sizes["pdf_shared"] < 12_000 and sizes["pdf_small"] < 8_000
    with zipfile.ZipFile(tmp_path / "docx_100mb.docx") as z:
        assert z.getinfo("word/document.xml").file_size > 100_000_000


def _words(rng: random.Random, n: int) -> str:
    vocab = ["kata", "rumah", "sekolah", "guru", "murid", "buku", "pasar", "kota", "desa", "jalan"]
    return " ".join(f"{rng.choice(vocab)}{rng.randrange(10_000)}" for _ in range(n))


def test_paragraph_limit_while_reading(tmp_path, monkeypatch):
    import quizgen.intake.docx_text as docx_text

    monkeypatch.setattr(docx_text, "MAX_PARAGRAPHS", 2_000)
    rng = random.Random(1)
    paras = (f"<w:p><w:r><w:t>{_words(rng, 3)}.</w:t></w:r></w:p>" for _ in range(2_500))
    path = _docx(tmp_path / "paras.docx", paras)
    with pytest.raises(LimitError) as exc:
        load_article(path)
    assert exc.value.limit == "MAX_PARAGRAPHS" and "2,000 paragraphs" in str(exc.value)


def test_text_limit_while_reading(tmp_path, monkeypatch):
    import quizgen.intake.docx_text as docx_text

    monkeypatch.setattr(docx_text, "MAX_TEXT_CHARS", 50_000)
    rng = random.Random(2)
    paras = (f"<w:p><w:r><w:t>{_words(rng, 40)}.</w:t></w:r></w:p>" for _ in range(300))
    path = _docx(tmp_path / "long.docx", paras)
    with pytest.raises(LimitError) as exc:
        load_article(path)
    assert exc.value.limit == "MAX_TEXT_CHARS"


def test_pdf_shared_stream_counts_for_every_page(tmp_path, monkeypatch):
    """30 pages share one stream of varied text (it compresses less than 100:1): the content
    is counted 30 times and passes MAX_PDF_CONTENT_BYTES before any text is extracted."""
    rng = random.Random(3)
    lines = b"".join(b"(" + _words(rng, 8).encode() + b") Tj T* " for _ in range(6_000))
    content = b"BT /F1 10 Tf 12 TL 40 800 Td " + lines + b"ET"
    assert 300_000 < len(content) and len(content) * 30 > limits.MAX_PDF_CONTENT_BYTES
    path = _pdf(tmp_path / "shared.pdf", 30, content)
    with pytest.raises(LimitError) as exc:
        load_article(path)
    assert exc.value.limit == "MAX_PDF_CONTENT_BYTES"


def test_pdf_page_limit(tmp_path, monkeypatch):
    import quizgen.intake.limits as lim

    monkeypatch.setattr(lim, "MAX_PAGES", 10)
    path = _pdf(tmp_path / "pages.pdf", 11, b"BT /F1 10 Tf 40 800 Td (Halo dunia.) Tj ET")
    with pytest.raises(LimitError) as exc:
        load_article(path)
    assert exc.value.limit == "MAX_PAGES" and "10 pages" in str(exc.value)


def test_ordinary_documents_still_read(tmp_path):
    rng = random.Random(4)
    body = [f"<w:p><w:r><w:t>{_words(rng, 30)}. {_words(rng, 25)}.</w:t></w:r></w:p>" for _ in range(40)]
    article = load_article(_docx(tmp_path / "ok.docx", iter(body)), language="id")
    assert len(article.paragraphs) == 40
    content = (
        b"BT /F1 10 Tf 12 TL 40 800 Td "
        + b"".join(b"(" + _words(rng, 9).encode() + b".) Tj T* " for _ in range(40))
        + b"ET"
    )
    article = load_article(_pdf(tmp_path / "ok.pdf", 2, content), language="id")
    assert len(article.text) > 2_000


def test_cli_inspect_bomb_is_one_line(tmp_path):
    path = build("docx_100mb", tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "quizgen", "inspect", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "MAX_MEMBER_BYTES" in proc.stderr and "Traceback" not in proc.stderr


def test_xlsx_bomb_import_is_refused(tmp_path):
    """``quizgen import`` of a workbook whose sheet inflates 100 MB: refused before openpyxl."""
    from quizgen.errors import ExportError
    from quizgen.importers import import_file

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            row = b"<row><c t='inlineStr'><is><t>" + b"a" * 1000 + b"</t></is></c></row>"
            for _ in range(100_000):
                f.write(row)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ExportError, match="limit MAX_"):
        import_file(path)
