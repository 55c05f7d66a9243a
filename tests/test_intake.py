"""Intake on real articles: the user's sample, dev-corpus articles, and the layouts and formats."""

from __future__ import annotations

import datetime as dt
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.intake import MAX_INPUT_BYTES, PARAGRAPH_SEPARATOR, load_article

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "id-kim-putin-2024.txt"
CORPUS = sorted((DATA / "corpus").glob("*.txt"))


def check_spans(article) -> None:
    """Paragraph spans cover the body exactly, separated by PARAGRAPH_SEPARATOR."""
    text = article.text
    assert article.paragraphs, "no paragraphs"
    assert article.paragraphs[0][0] == 0 and article.paragraphs[-1][1] == len(text)
    for (_, e1), (s2, _) in zip(article.paragraphs, article.paragraphs[1:], strict=False):
        assert text[e1:s2] == PARAGRAPH_SEPARATOR
    for s, e in article.paragraphs:
        chunk = text[s:e]
        assert chunk and chunk == chunk.strip() and "\n" not in chunk
    assert "\n\n\n" not in text


# --- the user's sample (golden) ---------------------------------------------------------


def test_sample_golden():
    a = load_article(SAMPLE)
    assert a.title == "Kim Jong-un dan Vladimir Putin Bahas Ancaman Amerika Serikat dan Sekutunya"
    assert a.date_text == "20 Jun 2024 08:19 wib"
    assert a.date == dt.date(2024, 6, 20)
    assert a.language == "id"
    assert a.source == "id-kim-putin-2024.txt"
    assert a.text.startswith("Presiden Rusia Vladimir Putin menerima upacara penyambutan resmi")
    assert "Tanggal" not in a.text and a.title not in a.text
    assert len(a.paragraphs) == 9  # one paragraph per line after headline and dateline
    assert [r.reason for r in a.removed] == ["dateline"]
    assert "“tak terkalahkan dan tahan lama”" in a.text  # curly quotes kept
    check_spans(a)
    # Every body line of the file is a paragraph, unchanged.
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[2:]
    assert [a.text[s:e] for s, e in a.paragraphs] == [line.strip() for line in lines if line.strip()]


def test_sample_as_path_str_text_and_bytes_agree():
    by_path = load_article(SAMPLE)
    by_str = load_article(str(SAMPLE))
    by_text = load_article(SAMPLE.read_text(encoding="utf-8"))
    by_bytes = load_article(SAMPLE.read_bytes(), name="upload.txt")
    for other in (by_str, by_text, by_bytes):
        assert (other.text, other.title, other.date) == (by_path.text, by_path.title, by_path.date)
    assert by_text.source == "<text>" and by_bytes.source == "upload.txt"
    assert load_article(SAMPLE, name="kim.txt").source == "kim.txt"


def test_explicit_language_is_used():
    assert load_article(SAMPLE, language="id").language == "id"
    assert load_article(SAMPLE, language=" ID ").language == "id"


# --- dev-corpus articles ---------------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:40])
def test_corpus_article(path):
    a = load_article(path)
    assert a.language == ("id" if path.name.startswith("indosum") else "en")
    assert a.title is None  # the corpus files have no headline line
    check_spans(a)
    source_paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    kept = [a.text[s:e] for s, e in a.paragraphs]
    # Nothing is invented: every kept paragraph is a source paragraph or a cleaned piece of one.
    for k in kept:
        assert any(k in src for src in source_paragraphs), k
    assert len(kept) >= len(source_paragraphs) - len(a.removed)
    assert "Baca juga" not in a.text and "CNN Indonesia - -" not in a.text


@pytest.mark.parametrize(
    ("stem", "prefix", "start"),
    [
        ("indosum-1474153237", "Jakarta (ANTARA News) -", "Tim Pencari Fakta Gabungan (TPFG)"),
        ("indosum-1474182027", "Jakarta, CNN Indonesia - -", "Kementerian Kesehatan Kanada"),
        ("indosum-1496443620", None, "Presiden Donald Trump menarik"),
    ],
)
def test_corpus_datelines(stem, prefix, start):
    (path,) = [p for p in CORPUS if p.name.startswith(stem)]
    a = load_article(path)
    assert a.text.startswith(start)
    datelines = [r.text for r in a.removed if r.reason == "dateline"]
    assert datelines == ([prefix] if prefix else [])


def test_corpus_read_more_and_agency_tag():
    (trump,) = [p for p in CORPUS if p.name.startswith("indosum-1496443620")]
    a = load_article(trump)
    links = [r.text for r in a.removed if r.reason == "read-more link"]
    assert links == [
        "[Baca juga: Ancaman Bagi Dunia Jika AS Keluar dari Kesepakatan Iklim Paris]",
        "Baca juga: Perjanjian Paris Tak Akan Runtuh Tanpa Trump",
    ]
    (canada,) = [p for p in CORPUS if p.name.startswith("indosum-1474182027")]
    b = load_article(canada)
    assert [r.text for r in b.removed if r.reason == "agency tag"] == ["(stu)"]
    assert not b.text.rstrip().endswith("(stu)")


# --- layouts ---------------------------------------------------------------------------

BODY_ID = (
    "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi. Jalan tol itu "
    "menghubungkan Semarang dan Solo sepanjang 72 kilometer. Menurut Menteri Pekerjaan Umum, proyek "
    "tersebut selesai tiga bulan lebih cepat dari jadwal."
)
BODY_ID_2 = (
    "Warga sekitar menyambut baik pembukaan jalan tol tersebut karena waktu perjalanan menjadi jauh "
    "lebih singkat. Pemerintah berharap arus mudik tahun ini berjalan lancar."
)
BODY_EN = (
    "The government announced a new plan to build three hundred schools in rural areas on Monday. "
    "The minister said the first schools would open next year, and that teachers would be trained "
    "locally. Critics said the budget was too small for a programme of that size."
)


@pytest.mark.parametrize(
    ("prefix", "body", "lang"),
    [
        ("JAKARTA, KOMPAS.com - ", BODY_ID, "id"),
        ("Jakarta (ANTARA) - ", BODY_ID, "id"),
        ("JAKARTA, CNN Indonesia -- ", BODY_ID, "id"),
        ("Semarang, Kompas.com – ", BODY_ID, "id"),
        ("LONDON (Reuters) - ", BODY_EN, "en"),
        ("WASHINGTON — ", BODY_EN, "en"),
    ],
)
def test_dateline_inside_first_sentence(prefix, body, lang):
    a = load_article(prefix + body + "\n\n" + BODY_ID_2 * (lang == "id") + BODY_EN * (lang == "en"))
    assert a.text.startswith(body[:30])
    assert [r for r in a.removed if r.reason == "dateline"][0].text == prefix.strip()
    assert a.language == lang


def test_a_dash_inside_an_ordinary_sentence_is_kept():
    text = "Putin - the Russian leader - arrived in Pyongyang on Wednesday. " + BODY_EN
    a = load_article(text)
    assert a.text.startswith("Putin - the Russian leader")
    assert not [r for r in a.removed if r.reason == "dateline"]


@pytest.mark.parametrize(
    ("line", "written", "date"),
    [
        ("Tanggal: 20 Jun 2024 08:19 wib.", "20 Jun 2024 08:19 wib", dt.date(2024, 6, 20)),
        ("Senin, 21 Oktober 2025 10:15 WIB", "Senin, 21 Oktober 2025 10:15 WIB", dt.date(2025, 10, 21)),
        ("Published: 3 March 2021", "3 March 2021", dt.date(2021, 3, 3)),
        ("20/06/2024", "20/06/2024", dt.date(2024, 6, 20)),
        ("Updated: March 4, 2021 10:30 GMT", "March 4, 2021 10:30 GMT", dt.date(2021, 3, 4)),
        ("Rabu, 19 Juni 2024 | 21:05 WIB", "Rabu, 19 Juni 2024 | 21:05 WIB", dt.date(2024, 6, 19)),
        ("Tanggal: kemarin sore", "kemarin sore", None),
        ("Kompas.com - 20/06/2024, 08:19 WIB", "Kompas.com - 20/06/2024, 08:19 WIB", dt.date(2024, 6, 20)),
        ("Selasa, 21 Okt 2025 / 10:15 WIB", "Selasa, 21 Okt 2025 / 10:15 WIB", dt.date(2025, 10, 21)),
        ("Last modified on Thu 3 Mar 2021 16.05 GMT", "Thu 3 Mar 2021 16.05 GMT", dt.date(2021, 3, 3)),
        ("Diperbarui 2024-06-20T08:19:00+07:00", "2024-06-20T08:19:00+07:00", dt.date(2024, 6, 20)),
        ("06/25/2024", "06/25/2024", dt.date(2024, 6, 25)),
    ],
)
def test_dateline_lines(line, written, date):
    a = load_article(f"Jalan Tol Semarang–Solo Diresmikan\n{line}\n{BODY_ID}\n{BODY_ID_2}\n")
    assert a.title == "Jalan Tol Semarang–Solo Diresmikan"
    assert a.date_text == written
    assert a.date == date
    assert a.text.startswith("Presiden Joko Widodo")
    assert len(a.paragraphs) == 2


def test_dateline_before_title_and_byline_after():
    a = load_article(
        f"Senin, 21 Oktober 2025 10:15 WIB\nJalan Tol Baru Diresmikan\nPenulis: Budi Santoso\n\n{BODY_ID}"
    )
    assert a.title == "Jalan Tol Baru Diresmikan"
    assert a.date == dt.date(2025, 10, 21)
    assert ("Penulis: Budi Santoso", "byline") in [(r.text, r.reason) for r in a.removed]


def test_first_line_sentence_is_not_a_title():
    a = load_article(BODY_ID + "\n" + BODY_ID_2)
    assert a.title is None
    assert a.text.startswith("Presiden Joko Widodo")
    question = "Apa varian cokelat favoritmu?\n\n" + BODY_ID
    assert load_article(question).title is None


def test_hard_wrapped_text_is_reflowed():
    # An English article with long paragraphs. (Not arctic-mapping: its "backpack- mounted",
    # wrapped at the hyphen, cannot be told from a wrapped "backpack-mounted".)
    (source,) = [p for p in CORPUS if p.name == "onestopenglish-adv-amsterdam.txt"]
    paragraphs = [p.strip() for p in source.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    wrapped = "\n\n".join(textwrap.fill(p, width=72) for p in paragraphs)
    a = load_article(wrapped)
    assert [a.text[s:e] for s, e in a.paragraphs] == paragraphs


def test_hard_wrapped_text_without_blank_lines_splits_at_short_sentence_ends():
    para1 = textwrap.fill(BODY_EN, width=70)
    para2 = textwrap.fill(BODY_EN.replace("Monday", "Tuesday"), width=70)
    a = load_article(f"{para1}\n{para2}")
    assert len(a.paragraphs) == 2
    assert a.text == BODY_EN + PARAGRAPH_SEPARATOR + BODY_EN.replace("Monday", "Tuesday")


# --- cleaning --------------------------------------------------------------------------

PASTED_ID = f"""Jalan Tol Semarang-Solo Resmi Dibuka
Senin, 21 Oktober 2025 10:15 WIB
Penulis: Budi Santoso
Editor: Ani Lestari

JAKARTA, KOMPAS.com - {BODY_ID}

ADVERTISEMENT

SCROLL TO CONTINUE WITH CONTENT

Baca juga: Tarif Tol Naik Mulai Bulan Depan

Foto: ANTARA/Aditya Pradana Putra

{BODY_ID_2} (Baca juga: Mudik Lebaran 2025 Diprediksi Padat) Jalur alternatif juga disiapkan.

Baca Juga:
Menteri Tinjau Proyek Tol Trans Jawa

Bagikan

Simak video "Peresmian Tol Semarang-Solo" di sini.

Pemerintah juga menyiapkan rest area baru di sepanjang jalan tol tersebut. (rdk/asa)
"""


def test_cleaning_indonesian_boilerplate():
    a = load_article(PASTED_ID)
    removed = [(r.reason, r.text) for r in a.removed]
    assert a.title == "Jalan Tol Semarang-Solo Resmi Dibuka"
    assert a.date == dt.date(2025, 10, 21)
    assert removed == [
        ("dateline", "Senin, 21 Oktober 2025 10:15 WIB"),
        ("byline", "Penulis: Budi Santoso"),
        ("byline", "Editor: Ani Lestari"),
        ("dateline", "JAKARTA, KOMPAS.com -"),
        ("advertisement", "ADVERTISEMENT"),
        ("advertisement", "SCROLL TO CONTINUE WITH CONTENT"),
        ("read-more link", "Baca juga: Tarif Tol Naik Mulai Bulan Depan"),
        ("photo credit", "Foto: ANTARA/Aditya Pradana Putra"),
        ("read-more link", "(Baca juga: Mudik Lebaran 2025 Diprediksi Padat)"),
        ("read-more link", "Baca Juga:"),
        ("read-more link", "Menteri Tinjau Proyek Tol Trans Jawa"),
        ("share prompt", "Bagikan"),
        ("video prompt", 'Simak video "Peresmian Tol Semarang-Solo" di sini.'),
        ("agency tag", "(rdk/asa)"),
    ]
    assert a.text == PARAGRAPH_SEPARATOR.join(
        [
            BODY_ID,
            BODY_ID_2 + " Jalur alternatif juga disiapkan.",
            "Pemerintah juga menyiapkan rest area baru di sepanjang jalan tol tersebut.",
        ]
    )
    check_spans(a)


PASTED_EN = f"""Schools Plan Unveiled
By John Smith and Mary Jones
Published: 3 March 2021

LONDON (Reuters) - {BODY_EN}

Advertisement

Photograph: Andy Rain/EPA

Read more: Teachers strike over pay

Image caption
The minister spoke to reporters outside parliament on Monday afternoon before the vote.

Share this article

Follow us on Twitter

Related: How rural schools are funded
"""


def test_cleaning_english_boilerplate():
    a = load_article(PASTED_EN)
    reasons = {r.text: r.reason for r in a.removed}
    assert a.title == "Schools Plan Unveiled"
    assert a.date == dt.date(2021, 3, 3)
    assert reasons["By John Smith and Mary Jones"] == "byline"
    assert reasons["LONDON (Reuters) -"] == "dateline"
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Photograph: Andy Rain/EPA"] == "photo credit"
    assert reasons["Read more: Teachers strike over pay"] == "read-more link"
    assert reasons["Image caption"] == "photo credit"
    assert reasons["Share this article"] == "share prompt"
    assert reasons["Follow us on Twitter"] == "share prompt"
    assert reasons["Related: How rural schools are funded"] == "read-more link"
    assert len(a.paragraphs) == 2
    assert a.text.startswith(BODY_EN)


def test_ordinary_sentences_are_not_taken_for_boilerplate():
    text = (
        "Baca buku ini setiap hari agar kemampuan membaca anak meningkat, kata guru itu. "
        "Foto keluarga itu dipajang di ruang tamu sejak tahun lalu.\n\n"
        "Editor majalah sekolah mengatakan bahwa lomba menulis akan digelar bulan depan.\n\n" + BODY_ID
    )
    a = load_article(text)
    assert not a.removed
    assert a.text.startswith("Baca buku ini")


# --- formats ---------------------------------------------------------------------------


def test_markdown(tmp_path):
    md = tmp_path / "artikel.md"
    md.write_text(
        "# Jalan Tol Semarang-Solo Resmi Dibuka\n\n*Tanggal: 21 Oktober 2025*\n\n"
        "Presiden **Joko Widodo** meresmikan [jalan tol baru](https://example.com/tol) di Jawa Tengah "
        "pada _Senin_ pagi. Jalan tol itu menghubungkan `Semarang` dan Solo.\n\n"
        "![Peta jalan tol](peta.png)\n\n## Tanggapan warga\n\n"
        f"- {BODY_ID_2}\n- Pemerintah berharap arus mudik tahun ini berjalan lancar.\n",
        encoding="utf-8",
    )
    a = load_article(md)
    assert a.title == "Jalan Tol Semarang-Solo Resmi Dibuka"
    assert a.date == dt.date(2025, 10, 21)
    assert a.text.startswith(
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi. "
        "Jalan tol itu menghubungkan Semarang dan Solo."
    )
    for junk in ("*", "_", "`", "](", "https", "#", "Peta jalan tol"):
        assert junk not in a.text
    assert ("Tanggapan warga", "subheading") in [(r.text, r.reason) for r in a.removed]
    assert len(a.paragraphs) == 3
    check_spans(a)


NEWS_PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Jalan Tol Semarang-Solo Resmi Dibuka - Kabar Kita</title>
<meta property="article:published_time" content="2025-10-21T10:15:00+07:00">
<script>window.dataLayer = [{"page": "artikel"}]; function track() { return "Baca juga"; }</script>
<style>p { color: #333 } .nav { display: flex }</style>
</head><body>
<header class="site-header"><a href="/">Kabar Kita</a><nav><ul><li><a href="/nasional">Nasional</a></li>
<li><a href="/ekonomi">Ekonomi</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Beranda</a> &gt; <a href="/nasional">Nasional</a></div>
<main><article>
<h1>Jalan Tol Semarang-Solo Resmi Dibuka</h1>
<div class="byline">Penulis: Budi Santoso | <time datetime="2025-10-21T10:15:00+07:00">Senin, 21 Oktober 2025 10:15 WIB</time></div>
<figure><img src="tol.jpg" alt="Jalan tol"><figcaption>Presiden meresmikan jalan tol. (Foto: ANTARA/Aditya)</figcaption></figure>
<p><strong>JAKARTA, KabarKita.com</strong> - Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi.
Jalan tol itu menghubungkan Semarang dan Solo sepanjang 72 kilometer.</p>
<div class="ads-slot"><p>ADVERTISEMENT</p></div>
<p>Menurut <a class="tag" href="/tag/menteri-pu">Menteri Pekerjaan Umum</a>, proyek tersebut selesai tiga bulan lebih cepat dari jadwal.</p>
<div class="baca-juga"><p>Baca juga: <a href="/tarif">Tarif Tol Naik Mulai Bulan Depan</a></p></div>
<p>Baca juga: <a href="/mudik">Mudik Lebaran 2025 Diprediksi Padat</a></p>
<p>Warga sekitar menyambut baik pembukaan jalan tol tersebut karena waktu perjalanan menjadi jauh lebih singkat.</p>
<div class="share-buttons"><a>Bagikan</a><a>Facebook</a><a>Twitter</a></div>
</article>
<aside><h3>Berita Terpopuler</h3><ul><li><a href="/a">Harga Beras Naik Lagi di Pasar Induk</a></li></ul></aside>
</main>
<footer><p>&copy; 2025 Kabar Kita. Semua hak dilindungi.</p><form><input name="email"><button>Langganan</button></form></footer>
<script src="/app.js"></script>
</body></html>
"""


def test_html_news_page(tmp_path):
    page = tmp_path / "berita.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    a = load_article(page)
    assert a.title == "Jalan Tol Semarang-Solo Resmi Dibuka"
    assert a.date == dt.date(2025, 10, 21)
    assert a.language == "id"
    assert a.text.startswith(
        "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin pagi. Jalan tol"
    )
    assert len(a.paragraphs) == 3
    assert "Menurut Menteri Pekerjaan Umum, proyek tersebut" in a.text  # an inline tag link is text
    for junk in (
        "Nasional",
        "Beranda",
        "dataLayer",
        "color",
        "ADVERTISEMENT",
        "Baca juga",
        "Bagikan",
        "Terpopuler",
        "hak dilindungi",
        "Foto:",
        "Penulis",
    ):
        assert junk not in a.text, junk
    reasons = {r.reason for r in a.removed}
    assert {"page navigation", "page footer", "read-more link", "dateline", "photo caption"} <= reasons
    check_spans(a)
    # The same page pasted as text, or uploaded as bytes without a name, is read the same way.
    assert load_article(NEWS_PAGE).text == a.text
    assert load_article(NEWS_PAGE.encode("utf-8")).text == a.text


def test_html_without_article_element_uses_the_block_with_most_paragraph_text():
    page = (
        "<html><head><title>Schools Plan Unveiled | The Daily</title></head><body>"
        "<div id='menu'><p>Home</p><p>World</p></div>"
        "<div class='content'><p>" + BODY_EN + "</p><p>" + BODY_EN.replace("Monday", "Friday") + "</p></div>"
        "<div class='teaser'><p>Other story: a short teaser.</p></div></body></html>"
    )
    a = load_article(page.encode("utf-8"), name="page.htm")
    assert a.title == "Schools Plan Unveiled"
    assert a.text == BODY_EN + PARAGRAPH_SEPARATOR + BODY_EN.replace("Monday", "Friday")


def test_pasted_html_fragment():
    fragment = (
        f"<h1>Sekolah Baru Dibuka</h1>\n<p>{BODY_ID}</p>\n<p>Baca juga: Tarif Tol Naik</p><p>{BODY_ID_2}</p>"
    )
    a = load_article(fragment)
    assert a.title == "Sekolah Baru Dibuka"
    assert a.text == BODY_ID + PARAGRAPH_SEPARATOR + BODY_ID_2


def make_docx(path: Path, paragraphs: list[tuple[str, str | None]]) -> Path:
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def test_docx(tmp_path):
    path = make_docx(
        tmp_path / "artikel.docx",
        [
            ("Jalan Tol Semarang-Solo Resmi Dibuka", "Title"),
            ("Tanggal: 21 Oktober 2025", None),
            ("", None),
            (BODY_ID, None),
            ("Tanggapan Warga", "Heading 2"),
            (BODY_ID_2, None),
            ("Baca juga: Tarif Tol Naik Mulai Bulan Depan", None),
        ],
    )
    a = load_article(path)
    assert a.title == "Jalan Tol Semarang-Solo Resmi Dibuka"
    assert a.date == dt.date(2025, 10, 21)
    assert a.text == BODY_ID + PARAGRAPH_SEPARATOR + BODY_ID_2
    assert a.language == "id"
    # Sniffed by content: the same document renamed .txt, and as bytes without a name.
    renamed = tmp_path / "artikel.txt"
    renamed.write_bytes(path.read_bytes())
    assert load_article(renamed).text == a.text
    assert load_article(path.read_bytes()).text == a.text


def test_docx_text_in_a_table_cell(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(BODY_ID)
    table = document.add_table(rows=1, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = BODY_ID_2
    document.add_paragraph("Pemerintah juga menyiapkan rest area baru di sepanjang jalan tol tersebut.")
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    a = load_article(path)
    assert a.text.split(PARAGRAPH_SEPARATOR) == [
        BODY_ID,
        BODY_ID_2,
        "Pemerintah juga menyiapkan rest area baru di sepanjang jalan tol tersebut.",
    ]


def make_pdf(path: Path, paragraphs: list[str], title: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    if title:
        story += [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    for p in paragraphs:
        story += [Paragraph(p, styles["BodyText"]), Spacer(1, 12)]
    SimpleDocTemplate(str(path), pagesize=A4, title=title or "").build(story)
    return path


def test_pdf_with_text_layer(tmp_path):
    long_paragraph = " ".join([BODY_EN] * 3)
    path = make_pdf(
        tmp_path / "article.pdf",
        [long_paragraph, BODY_EN.replace("Monday", "Friday")],
        title="Schools Plan Unveiled",
    )
    a = load_article(path)
    assert a.language == "en"
    assert a.title == "Schools Plan Unveiled"
    assert a.text.startswith("The government announced a new plan to build three hundred schools")
    assert a.text.split(PARAGRAPH_SEPARATOR) == [long_paragraph, BODY_EN.replace("Monday", "Friday")]
    check_spans(a)
    renamed = tmp_path / "article.txt"  # a PDF renamed .txt is still read as a PDF
    renamed.write_bytes(path.read_bytes())
    assert load_article(renamed).text == a.text


# --- size ------------------------------------------------------------------------------


def test_five_megabyte_text_loads(capsys):
    unit = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in CORPUS if p.name.startswith("indosum"))
    text = "\n\n".join([unit] * (5_000_000 // len(unit) + 1))
    assert 5_000_000 <= len(text.encode("utf-8")) < MAX_INPUT_BYTES
    started = time.perf_counter()
    a = load_article(text)
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\n[intake] 5 MB text: {elapsed:.2f} s, {len(a.paragraphs)} paragraphs")
    assert a.language == "id"
    assert len(a.text) > 4_500_000
    assert elapsed < 60  # functional bound only: quadratic behaviour would take far longer


PASTED_DETIK = f"""Jalan Tol Semarang-Solo Resmi Dibuka
Budi Santoso - detikNews
Senin, 21 Okt 2025 10:15 WIB
Jakarta - {BODY_ID}
[Gambas:Video 20detik]
Halaman Selanjutnya
{BODY_ID_2}
Artikel ini telah tayang di Kompas.com dengan judul "Tol Semarang-Solo Dibuka".
Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari bergabung di Grup Telegram "Kompas.com News Update", caranya klik link berikut.
Tags: jalan tol, Semarang, Solo
Copyright © 2025 Kabar Kita. All rights reserved.
"""


def test_cleaning_a_detik_style_paste():
    a = load_article(PASTED_DETIK)
    assert a.title == "Jalan Tol Semarang-Solo Resmi Dibuka"
    assert a.date == dt.date(2025, 10, 21)
    assert a.text == BODY_ID + PARAGRAPH_SEPARATOR + BODY_ID_2
    assert [r.reason for r in a.removed] == [
        "byline",
        "dateline",
        "dateline",
        "read-more link",
        "pagination",
        "syndication note",
        "share prompt",
        "tags",
        "copyright",
    ]
    assert a.removed[2].text == "Jakarta -"


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by John Smith; Editing by Jane Doe",
        "Laporan wartawan Tribunnews.com, Ilham Rian Pratama",
        "Editor: Ani Lestari",
        "By JOHN SMITH",
        "(AP Photo/Evan Vucci)",
        "Sign up for our morning newsletter",
    ],
)
def test_more_boilerplate_lines(line):
    a = load_article(f"{BODY_EN}\n\n{line}\n\n{BODY_EN}")
    assert [r.text for r in a.removed] == [line]
    assert a.text == BODY_EN + PARAGRAPH_SEPARATOR + BODY_EN


SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not beside the repository")
def test_whole_dev_corpus():
    """Optional corpus-wide check: every article loads, in its language, without boilerplate."""
    paths = sorted(SHARED.glob("id-news/*.txt")) + sorted(SHARED.glob("en-news/*.txt"))
    assert len(paths) >= 200
    for path in paths:
        a = load_article(path)
        assert a.language == ("id" if "id-news" in str(path) else "en"), path.name
        assert a.title is None, path.name
        check_spans(a)
        for junk in ("Baca juga", "Baca Juga", "SIMAK JUGA", "CNN Indonesia - -", "(ANTARA News) -"):
            assert junk not in a.text, (path.name, junk)


def test_pdf_reflow_rejoins_hyphenated_words_and_drops_page_numbers():
    from quizgen.intake.documents import reflow_pdf_text

    text = (
        "Pemerintah negara-\nnegara itu mengumumkan pe-\nmerintahan baru yang bersih dan kuat pada\n"
        "hari Senin kemarin di ibu kota Asia-\nPasifik.\n\n3\n\nHalaman 4 dari 9\nIa pulang."
    )
    body, removed = reflow_pdf_text(text)
    assert body == (
        "Pemerintah negara-negara itu mengumumkan pemerintahan baru yang bersih dan kuat pada "
        "hari Senin kemarin di ibu kota Asia-Pasifik.\n\nIa pulang."
    )
    assert [(r.text, r.reason) for r in removed] == [
        ("3", "page number"),
        ("Halaman 4 dari 9", "page number"),
    ]


def test_five_megabyte_hard_wrapped_paragraph_loads():
    line = "the committee met again on Monday and agreed to publish its findings in"
    text = "\n".join([line] * (5_000_000 // (len(line) + 1))) + " full."
    a = load_article(text, language="en")
    assert len(a.paragraphs) == 1 and len(a.text) == len(text)  # newlines became spaces


def test_html_body_in_br_separated_text():
    third = "Pemerintah juga menyiapkan rest area baru di sepanjang jalan tol tersebut."
    page = (
        "<html><head><title>Tol Dibuka | detikNews</title></head><body>"
        "<div class='navbar'><a>Home</a> <a>Berita</a></div>"
        "<div class='detail_text content ads-free' id='detikdetailtext'>Jakarta - "
        + BODY_ID
        + "<br><br>"
        + BODY_ID_2
        + "<br><br><table class='linksisip'><tr><td>Baca juga: Tarif Tol Naik</td></tr></table>"
        + third
        + "<br><br>(rdk/asa)</div>"
        "<div class='footer'>Kontak kami</div></body></html>"
    )
    a = load_article(page.encode("utf-8"), name="tol.html")
    assert a.title == "Tol Dibuka"
    assert a.text == PARAGRAPH_SEPARATOR.join([BODY_ID, BODY_ID_2, third])
    removed = [(r.reason, r.text) for r in a.removed]
    assert ("dateline", "Jakarta -") in removed
    assert ("read-more link", "Baca juga: Tarif Tol Naik") in removed
    assert ("agency tag", "(rdk/asa)") in removed


@pytest.mark.parametrize(
    ("tail", "reason"),
    [
        (" (ant)", "agency tag"),
        ("(rdk/asa)", "agency tag"),
        (" [ary]", "agency tag"),
        (" (Reporting by John Smith; Editing by Jane Doe)", "byline"),
        (" (Sumber: Kompas.com)", "source credit"),
    ],
)
def test_credits_at_the_end_of_a_paragraph(tail, reason):
    a = load_article(BODY_EN + tail + "\n\n" + BODY_EN)
    assert [(r.text, r.reason) for r in a.removed] == [(tail.strip(), reason)]
    assert a.text == BODY_EN + PARAGRAPH_SEPARATOR + BODY_EN


def test_a_parenthesis_inside_a_sentence_is_kept():
    text = BODY_EN.replace("three hundred schools", "three hundred schools (ant)") + " It ended (sedan)"
    assert load_article(text).text == text


_WORDS = "presiden menteri warga kota desa pasar sekolah guru murid jalan baru lama besar kecil datang pergi membeli menjual".split()
_sentence = st.lists(st.sampled_from(_WORDS), min_size=6, max_size=12).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
_paragraph = st.lists(_sentence, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_paragraph, min_size=1, max_size=6),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n\t\n"]),
    st.booleans(),
)
def test_plain_paragraphs_come_back_unchanged(paragraphs, separator, with_title):
    """Whatever the separator, clean paragraphs are the body, in order, with exact spans.

    With blank lines between them they come back one for one; one per line, short lines may
    be taken for hard-wrapped text and joined, but no word is lost, added or moved.
    """
    text = separator.join(paragraphs)
    if with_title:
        text = "Judul Berita Hari Ini\n" + text
    a = load_article(text, language="id")
    assert a.title == ("Judul Berita Hari Ini" if with_title else None)
    if separator.count("\n") >= 2:
        assert a.text == PARAGRAPH_SEPARATOR.join(paragraphs)
    else:
        assert a.text.replace(PARAGRAPH_SEPARATOR, " ") == " ".join(paragraphs)
    check_spans(a)
