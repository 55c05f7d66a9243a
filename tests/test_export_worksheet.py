"""The printable worksheets: HTML structure, rendered by Chromium (print to PDF, screenshot),
and the reportlab PDF read back with pypdf."""

from __future__ import annotations

import io
import subprocess

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from test_export_support import fixture_bank, need

from quizgen.bank import Item, Source, read_bank
from quizgen.exporters import EXPORTERS
from quizgen.exporters.worksheet_layout import paragraphs
from quizgen.lang.ui import LANG_DIR, t, table

BANKS = LANG_DIR.parent.parent / "question_banks"


def _soup(bank) -> BeautifulSoup:
    return BeautifulSoup(EXPORTERS["worksheet-html"](bank).data.decode("utf-8"), "html.parser")


def test_html_has_article_questions_and_key_page():
    bank = fixture_bank()
    soup = _soup(bank)
    assert soup.html["lang"] == "id"
    article = [p.get_text() for p in soup.select("article.text p")]
    assert len(article) == len(paragraphs(bank.text))
    assert "“tak terkalahkan dan tahan lama”" in article[0]
    questions = soup.select("li.q")
    assert [int(q["value"]) for q in questions] == list(range(1, len(bank.items) + 1))
    assert len(soup.select("li.q .blank")) == sum(it.kind == "cloze" for it in bank.items)
    assert len(soup.select("li.q .lines")) == sum(not it.options for it in bank.items)
    key = soup.select_one("section.key")
    assert key.h1.get_text() == "Kunci Jawaban"
    assert len(key.select("tr")) == len(bank.items)
    assert "A. Pyongyang" in key.get_text()
    assert "page-break-before: always" in soup.style.get_text()
    # nothing of the answer key is on the student pages
    student = soup.select_one("section.sheet:not(.key)").get_text()
    assert "Kunci" not in student


@pytest.mark.parametrize("bank_file", ["id-kim-putin-2024.json", "en-norwegian-sun.json"])
def test_worksheet_words_are_the_language_packs_ui_vocabulary(bank_file):
    """Issue 11: one vocabulary table per language (ui.json) for app, worksheets and take."""
    bank = read_bank(BANKS / bank_file)
    lang = bank.language
    soup = _soup(bank)
    header = [s.get_text() for s in soup.select("header.student span:not(.fill)")]
    assert header == [t(f"sheet_{w}", lang) for w in ("name", "class", "date", "score")]
    instructions = [p.get_text() for p in soup.select("p.instruction")]
    assert instructions[0] == t("sheet_read", lang)
    from quizgen.exporters.base import is_choice

    def section(it):  # a cloze with options is chosen, not typed (as the worksheet lays it out)
        return "sheet_true_false" if it.kind == "true_false" else "sheet_choice" if is_choice(it) else "sheet_typed"

    wanted = {table(lang)[section(it)].split("{")[0] for it in bank.items}
    assert {w for w in wanted for i in instructions[1:] if i.startswith(w)} == wanted
    assert len(instructions) == len(wanted) + 1
    assert soup.h2.get_text() == t("sheet_questions", lang)
    assert soup.select_one("section.key h1").get_text() == t("sheet_key", lang)
    pdf = PdfReader(io.BytesIO(EXPORTERS["worksheet-pdf"](bank).data))
    last = pdf.pages[-1].extract_text()
    assert t("sheet_key", lang) in last
    assert f"{t('sheet_name', lang)}:" in pdf.pages[0].extract_text()


def test_html_escapes_hostile_text():
    bank = fixture_bank()
    evil = Item(
        id="e",
        kind="short_answer",
        prompt='<script>alert("x")</script> & “kutip”',
        answer="<b>",
        source=Source("", 0, 0),
    )
    soup = _soup(bank.with_items([evil]))
    assert soup.find("script") is None and soup.find("b") is None
    assert '<script>alert("x")</script> & “kutip”' in soup.select_one("li.q").get_text()


def test_html_writes_control_characters_as_spaces():
    bank = fixture_bank()
    item = Item(id="c", kind="short_answer", prompt="A\x01B\x1fC?", answer="x\x7fy", source=Source("", 0, 0))
    data = EXPORTERS["worksheet-html"](bank.with_items([item])).data.decode("utf-8")
    assert not any(ch in data for ch in "\x01\x1f\x7f")
    assert "A B C?" in data and "x y" in data


def test_chromium_renders_the_html_worksheet(tmp_path):
    chromium = need("chromium")
    html_path = tmp_path / "ws.html"
    html_path.write_bytes(EXPORTERS["worksheet-html"](fixture_bank()).data)
    pdf_path, png_path = tmp_path / "ws.pdf", tmp_path / "ws.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    subprocess.run(
        [chromium, *flags, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", html_path.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    subprocess.run(
        [chromium, *flags, "--window-size=900,1400", f"--screenshot={png_path}", html_path.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert png_path.stat().st_size > 20_000  # a page with text, not a blank screenshot
    pages = [p.extract_text() for p in PdfReader(str(pdf_path)).pages]
    assert len(pages) >= 2
    assert "Kim Jong-un dan Vladimir Putin" in pages[0]
    assert pages[-1].lstrip().startswith("Kunci Jawaban")  # the key starts a page of its own
    assert not any("Kunci Jawaban" in p for p in pages[:-1])


def test_pdf_worksheet_pages_text_and_fonts():
    bank = fixture_bank()
    result = EXPORTERS["worksheet-pdf"](bank)
    assert result.warnings == ()  # every character of the Indonesian article has a glyph
    reader = PdfReader(io.BytesIO(result.data))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) >= 2
    text = "\n".join(pages[:-1])
    assert "“tak terkalahkan dan tahan lama”" in " ".join(text.split())
    for n in range(1, len(bank.items) + 1):
        assert f"{n}." in text
    assert "Kunci Jawaban" in pages[-1] and not any("Kunci Jawaban" in p for p in pages[:-1])
    assert "A. Pyongyang" in pages[-1]
    fonts = {str(f) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts  # embedded TrueType fonts, not the 14 standard ones
    assert EXPORTERS["worksheet-pdf"](bank).data == result.data  # deterministic


def test_pdf_reports_characters_the_font_lacks():
    bank = fixture_bank()
    item = Item(id="e", kind="short_answer", prompt="Emoji 😀 dan 漢字?", answer="x", source=Source("", 0, 0))
    result = EXPORTERS["worksheet-pdf"](bank.with_items([item]))
    assert any("no glyph" in w and "😀" in w for w in result.warnings)
