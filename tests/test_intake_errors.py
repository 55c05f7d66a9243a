"""Every bad input gets a QuizgenError with a message that says what to do, never a traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from quizgen.errors import InputError, UnsupportedLanguageError
from quizgen.intake import MAX_INPUT_BYTES, load_article

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def _zip(names: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in names.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _scanned_pdf(path: Path) -> Path:
    """A PDF holding only an image of text, as a scanner makes: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((10, 80), "Presiden Rusia Vladimir Putin menerima upacara", fill=0)
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(image), 50, 500, width=500, height=160)
    c.showPage()
    c.save()
    return path


def _shapes_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for i in range(10):
        c.rect(50 + i * 20, 600 - i * 30, 200, 20, fill=i % 2)
        c.line(50, 100 + i * 10, 500, 120 + i * 10)
    c.showPage()
    c.save()
    return path


def _encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen import canvas

    plain = io.BytesIO()
    c = canvas.Canvas(plain)
    c.drawString(72, 720, "Presiden Rusia Vladimir Putin menerima upacara penyambutan resmi di Pyongyang.")
    c.showPage()
    c.save()
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(plain.getvalue())).pages:
        writer.add_page(page)
    writer.encrypt(user_password="rahasia", owner_password="pemilik")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "is empty"),
        (b"   \n\t\r\n  \n", "only blank space"),
        ("\ufeff  \n".encode(), "only blank space"),
        ("  \n ".encode("utf-16"), "only blank space"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00\x10" * 50, "not text"),
        (bytes(range(1, 32)) * 40, "does not look like text"),
        (_png(), "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, "a JPEG image"),
        (
            b"MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode" + b"\x00" * 100,
            "a Windows program",
        ),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "a program"),
        (_zip({"a.txt": "halo"}), "a zip archive"),
        (
            _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
            "OpenDocument",
        ),
        (_zip({"xl/workbook.xml": "<x/>"}), "Excel or PowerPoint"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old Word (.doc)"),
        (b"{\\rtf1\\ansi Presiden Rusia}", "RTF"),
        (b"%PDF-1.4\n%broken beyond repair", "PDF could not be read"),
        (b"PK\x03\x04 not really a zip", "damaged zip"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-whitespace",
        "utf16-whitespace",
        "nul-bytes",
        "control-chars",
        "png",
        "jpeg",
        "exe",
        "elf",
        "zip",
        "odt",
        "xlsx",
        "doc",
        "rtf",
        "broken-pdf",
        "broken-zip",
    ],
)
def test_bad_files(tmp_path, content, needle):
    path = tmp_path / "artikel.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_article(path)
    assert needle in str(caught.value)
    with pytest.raises(InputError):  # the same bytes uploaded
        load_article(content, name="upload.txt")


def test_scanned_pdf(tmp_path):
    for path in (_scanned_pdf(tmp_path / "scan.pdf"), _shapes_pdf(tmp_path / "shapes.pdf")):
        with pytest.raises(InputError) as caught:
            load_article(path)
        assert str(caught.value) == (
            "This PDF has no text layer (it is probably scanned); run OCR on it or paste the text."
        )


def test_encrypted_pdf(tmp_path):
    with pytest.raises(InputError, match="encrypted"):
        load_article(_encrypted_pdf(tmp_path / "secret.pdf"))


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong-un dan Vladimir Putin Bahas Ancaman Amerika Serikat dan Sekutunya",
        "Kim Jong-un dan Vladimir Putin Bahas Ancaman Amerika Serikat dan Sekutunya\nTanggal: 20 Jun 2024 08:19 wib.\n",
        "# Judul Saja\n\n",
        "<html><head><title>Judul Saja</title></head><body><h1>Judul Saja</h1></body></html>",
    ],
    ids=["headline", "headline-dateline", "markdown-heading", "html-h1"],
)
def test_only_a_title(text):
    with pytest.raises(InputError, match="only a title|no article text"):
        load_article(text)


def test_only_a_title_file(tmp_path):
    path = tmp_path / "judul.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="only a title"):
        load_article(path)


def test_only_boilerplate():
    with pytest.raises(InputError):
        load_article("ADVERTISEMENT\n\nBaca juga: Harga Beras Naik\n\nBagikan\n")


@pytest.mark.parametrize(
    "text",
    [
        "Le président de la République a annoncé mardi une série de mesures pour soutenir les agriculteurs "
        "touchés par la sécheresse. Les syndicats ont salué ces annonces, tout en demandant davantage de "
        "moyens pour les régions les plus affectées.",
        "Der Bundeskanzler hat am Dienstag neue Maßnahmen angekündigt, um die Landwirte zu unterstützen, "
        "die von der Dürre betroffen sind. Die Gewerkschaften begrüßten die Ankündigung, forderten aber "
        "mehr Geld für die Regionen, die am stärksten betroffen sind.",
    ],
    ids=["french", "german"],
)
def test_unsupported_language_detected(text):
    with pytest.raises(UnsupportedLanguageError) as caught:
        load_article(text)
    message = str(caught.value)
    assert "en, id" in message and "not in a language quizgen supports" in message


def test_unknown_language_code():
    with pytest.raises(UnsupportedLanguageError, match=r"Unknown language 'fr'.*supports en, id"):
        load_article(SAMPLE, language="fr")


@pytest.mark.parametrize(
    "missing", ["tidak-ada.txt", "artikel/berita.docx", "/tmp/quizgen-no-such-dir/x.pdf"]
)
def test_file_not_found(tmp_path, missing):
    with pytest.raises(InputError, match="File not found"):
        load_article(missing)
    with pytest.raises(InputError, match="File not found"):
        load_article(tmp_path / missing)


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(InputError, match="is a folder"):
        load_article(tmp_path)
    with pytest.raises(InputError, match="is a folder"):
        load_article(str(tmp_path))


def test_over_the_size_limit(tmp_path):
    big = tmp_path / "besar.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: size is checked before reading
    with pytest.raises(InputError) as caught:
        load_article(big)
    assert "over quizgen's limit of 10.0 MB" in str(caught.value)
    text = "Presiden Rusia Vladimir Putin menerima upacara penyambutan resmi. " * (MAX_INPUT_BYTES // 60)
    with pytest.raises(InputError, match="limit of 10.0 MB"):
        load_article(text)
    with pytest.raises(InputError, match="limit of 10.0 MB"):
        load_article(text.encode("utf-8"))


def test_not_a_source_type():
    with pytest.raises(InputError, match="cannot read an article from a int"):
        load_article(42)  # type: ignore[arg-type]


def test_empty_string():
    with pytest.raises(InputError, match="empty"):
        load_article("   \n  ")


def test_short_text_in_unclear_language():
    with pytest.raises(
        UnsupportedLanguageError, match=r"could not tell the language of this short text.*en, id"
    ):
        load_article("Budi pergi ke pasar. Ibu membeli sayur di sana.")
    assert load_article("Budi pergi ke pasar. Ibu membeli sayur di sana.", language="id").language == "id"


def test_a_url_is_not_downloaded():
    with pytest.raises(InputError, match="does not download web pages"):
        load_article("https://www.kompas.com/read/2024/06/20/kim-putin.html")


def test_pasted_binary_garbage():
    with pytest.raises(InputError, match="control characters"):
        load_article("\x00\x01\x02\x03\x04\x05 teks \x06\x07\x08" * 50)


def test_one_line_sentence_ending_in_a_file_name_is_text():
    with pytest.raises(InputError, match="only a title") as caught:  # read as text, not as a missing file
        load_article("Guru itu menyimpan semua soal ujian di berkas soal.txt")
    assert "File not found" not in str(caught.value)


def test_docx_without_body(tmp_path):
    import docx

    empty = tmp_path / "kosong.docx"
    docx.Document().save(str(empty))
    with pytest.raises(InputError, match="no article text"):
        load_article(empty)
    title_only = tmp_path / "judul.docx"
    document = docx.Document()
    document.add_paragraph("Sekolah Baru Dibuka", style="Title")
    document.save(str(title_only))
    with pytest.raises(InputError, match="only a title"):
        load_article(title_only)
