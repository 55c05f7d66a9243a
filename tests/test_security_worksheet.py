"""Issue 13, findings 2 and 10: worksheets of long articles and long tokens.

A 300 KB one-paragraph article took 25 s for worksheet-pdf (layout grew with the square of
the paragraph's length); a 1,000+ character option or key made reportlab raise LayoutError,
shown as a traceback by ``quizgen export``. Exports built for a download run with a time
budget in a child process (:func:`quizgen.exporters.budget.build_export`).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from quizgen.bank import read_bank
from quizgen.errors import ExportError
from quizgen.exporters import EXPORTERS
from quizgen.exporters.budget import build_export, run_export
from quizgen.exporters.worksheet_pdf import CELL_CHARS, PIECE_CHARS, pieces

ROOT = Path(__file__).resolve().parents[1]
BANK = ROOT / "question_banks" / "id-kim-putin-2024.json"


def one_paragraph_bank(size: int):
    """The bundled bank with its article made one paragraph of about ``size`` characters
    (its own text first, so every item's offsets still hold)."""
    bank = read_bank(BANK)
    text = bank.text.replace("\n", " ")
    filler = " ".join(text.split())
    text = text + " " + " ".join([filler] * (size // len(filler) + 1))
    return replace(bank, article={**bank.article, "text": text[:size].rsplit(" ", 1)[0] + "."})


def test_long_paragraph_layout_is_fast_and_complete():
    bank = one_paragraph_bank(300_000)
    started = time.perf_counter()
    data = EXPORTERS["worksheet-pdf"](bank).data
    elapsed = time.perf_counter() - started
    assert elapsed < 12, f"worksheet-pdf of a 300 KB paragraph took {elapsed:.1f} s (was 25 s)"
    reader = PdfReader(io.BytesIO(data))
    text = "".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) > 50
    tail = bank.text[-60:].split()[-4]  # the article's last words are printed
    assert tail in text
    html = EXPORTERS["worksheet-html"](bank).data
    assert len(html) > 300_000


def test_pieces_are_bounded_and_lose_nothing():
    text = one_paragraph_bank(20_000).text
    got = pieces(text)
    assert all(len(p) <= PIECE_CHARS for p in got)
    assert " ".join(got).split() == text.split()
    assert pieces("x" * 4000, 1500) == ["x" * 1500, "x" * 1500, "x" * 1000]


def long_token_bank(n: int):
    bank = read_bank(BANK)
    token = "Ab" * (n // 2)
    items = []
    for it in bank.items:
        if it.options and it.kind != "true_false":
            opts = [token if o != it.answer else o for o in it.options]
            it = replace(it, options=tuple(opts), explanation=token)
        elif not it.options:
            it = replace(it, answer=token + "1", accepted=(token + "2",))
        items.append(replace(it, prompt=token + " " + it.prompt))
    return replace(bank, title=token, article={**bank.article, "title": token}, items=tuple(items))


@pytest.mark.parametrize("n", [1_000, 5_000, 40_000])
def test_worksheet_pdf_never_raises_on_long_tokens(n):
    result = run_export(long_token_bank(n), "worksheet-pdf")
    assert result.data.startswith(b"%PDF")
    if n > CELL_CHARS:
        assert any("shortened" in w for w in result.warnings)


def test_cli_export_long_token_is_not_a_traceback(tmp_path):
    path = tmp_path / "long.json"
    path.write_text(json.dumps(long_token_bank(10_000).to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "w.pdf"
    proc = subprocess.run(
        [sys.executable, "-m", "quizgen", "export", str(path), "--format", "worksheet-pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and out.read_bytes().startswith(b"%PDF")


def test_budget_stops_a_slow_export():
    bank = one_paragraph_bank(300_000)
    started = time.perf_counter()
    with pytest.raises(ExportError) as exc:
        build_export(bank, "worksheet-pdf", budget=0.2)
    assert time.perf_counter() - started < 5
    assert "longer than 0.2 s" in str(exc.value) and "\n" not in str(exc.value)


def test_budget_child_gives_the_same_bytes():
    bank = read_bank(BANK)
    for fmt in ("gift", "worksheet-pdf", "moodle-xml"):  # (xlsx and zip formats hold the time)
        child = build_export(bank, fmt, budget=60)
        assert child.data == EXPORTERS[fmt](bank).data
        assert child.warnings == EXPORTERS[fmt](bank).warnings
    assert build_export(bank, "xlsx", budget=60).data.startswith(b"PK")


def test_exporter_failures_become_one_line_errors():
    with pytest.raises(ExportError, match="no export format"):
        build_export(read_bank(BANK), "nope")
    bank = read_bank(BANK)
    bad = replace(bank, items=(replace(bank.items[0], kind="true_false", options=("a",)),))
    with pytest.raises(ExportError) as exc:
        build_export(bad, "gift", budget=60)
    assert "\n" not in str(exc.value)


def test_generate_in_child_gives_the_same_items_and_errors():
    import quizgen
    from quizgen.errors import InputError
    from quizgen.exporters.budget import generate_in_child

    text = (ROOT / "tests" / "data" / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
    assert generate_in_child(text, seed=3, count=6).items == quizgen.generate(text, seed=3, count=6).items
    with pytest.raises(InputError, match="only a title"):
        generate_in_child("Judul saja", seed=0)
    with pytest.raises(ExportError, match="longer than 0.001 s"):  # a warm child is fast: 0.001 s
        generate_in_child(text, seed=0, budget=0.001)
    # the child stays warm: a second call skips the imports, and a killed child is replaced
    started = time.perf_counter()
    generate_in_child(text, seed=1, count=6)
    generate_in_child(text, seed=2, count=6)
    warm = time.perf_counter()
    generate_in_child(text, seed=3, count=6)
    assert time.perf_counter() - warm < (warm - started) / 2
