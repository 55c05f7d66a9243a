"""``worksheet-pdf``: the printable worksheet (A4) as PDF, made with reportlab.

The same content as ``worksheet-html``: a header for name and class, the article with
numbered paragraphs, numbered questions with space to answer, and the answer key on its own
page. Text is set in DejaVu (Serif and Sans) when the system has it, else in the Bitstream
Vera fonts that ship with reportlab; both hold Indonesian letters and curly quotes. A
character the font lacks is printed as ``?`` and reported in a warning.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from xml.sax.saxutils import escape

from ..bank import BLANK_RE, Bank, Item
from .base import LETTERS, ExportResult, Skips, one_line, tf_words
from .worksheet_layout import key_text, labels, paragraphs, sections

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
BLANK_PDF = "_" * 14
#: An article paragraph is set in pieces of about this many characters: reportlab re-wraps
#: the rest of a paragraph at every page break, so one long paragraph would take time growing
#: with the square of its length; pieces keep the layout linear.
PIECE_CHARS = 1500
#: Longest text set in a table cell (an option, a key) or as the title; longer ones are cut
#: with "…" (a table row cannot break across pages, so a huge cell would not fit any page).
CELL_CHARS = 600
TITLE_CHARS = 300
PROMPT_CHARS = 4000


def _font_files() -> dict[str, str]:
    """Regular/bold/italic/sans font files: DejaVu when installed, else reportlab's Vera."""
    for d in FONT_DIRS:
        names = {
            "regular": "DejaVuSerif.ttf",
            "bold": "DejaVuSerif-Bold.ttf",
            "italic": "DejaVuSerif-Italic.ttf",
            "sans": "DejaVuSans-Bold.ttf",
            "symbol": "DejaVuSans.ttf",
        }
        paths = {k: os.path.join(d, v) for k, v in names.items()}
        if all(os.path.exists(p) for p in paths.values()):
            return paths
    import reportlab

    rl = Path(reportlab.__file__).parent / "fonts"
    return {
        "regular": str(rl / "Vera.ttf"),
        "bold": str(rl / "VeraBd.ttf"),
        "italic": str(rl / "VeraIt.ttf"),
        "sans": str(rl / "VeraBd.ttf"),
        "symbol": str(rl / "Vera.ttf"),
    }


def _register() -> dict[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = _font_files()
    names = {k: f"QG-{k}" for k in files}
    for k, path in files.items():
        if names[k] not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(names[k], path))
    addMapping(names["regular"], 0, 0, names["regular"])
    addMapping(names["regular"], 1, 0, names["bold"])
    addMapping(names["regular"], 0, 1, names["italic"])
    addMapping(names["regular"], 1, 1, names["bold"])
    return names


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at a sentence end or a space
    when there is one in the second half of the piece (else anywhere).

    Example:
        >>> pieces("Satu dua. Tiga empat.", 12)
        ['Satu dua.', 'Tiga empat.']
    """
    out: list[str] = []
    start, n = 0, len(text)
    while n - start > size:
        window = text[start : start + size]
        cut = window.rfind(". ", size // 2)
        cut = cut + 1 if cut >= 0 else window.rfind(" ", size // 2)
        if cut <= 0:
            cut = size
        out.append(text[start : start + cut].strip())
        start += cut
    out.append(text[start:].strip())
    return [p for p in out if p]


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _Text:
    """Escapes text for reportlab paragraphs and notes characters the font cannot draw."""

    def __init__(self, font_name: str, symbol_font: str) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.glyphs = pdfmetrics.getFont(font_name).face.charToGlyph
        self.has_box = 0x2610 in pdfmetrics.getFont(symbol_font).face.charToGlyph
        self.missing: set[str] = set()
        self.clipped = 0

    def __call__(self, text: str, limit: int | None = None) -> str:
        if limit is not None and len(text) > limit:
            self.clipped += 1
            text = clip(text, limit)
        out = []
        for ch in text:
            if ch in "\n\t" or ord(ch) in self.glyphs:
                out.append(ch)
            else:
                self.missing.add(ch)
                out.append("?")
        return escape("".join(out)).replace("\n", "<br/>")


def _styles(f: dict[str, str]):
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("base", fontName=f["regular"], fontSize=10.5, leading=14.5)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", base, fontName=f["sans"], fontSize=15, leading=19, spaceBefore=4, spaceAfter=2
        ),
        "h2": ParagraphStyle(
            "h2", base, fontName=f["sans"], fontSize=12.5, leading=16, spaceBefore=12, spaceAfter=4
        ),
        "details": ParagraphStyle(
            "details", base, fontSize=8.5, leading=11, textColor=HexColor("#555555"), spaceAfter=6
        ),
        "instr": ParagraphStyle("instr", base, fontName=f["italic"], spaceBefore=6, spaceAfter=6),
        "article": ParagraphStyle("article", base, spaceAfter=5, leftIndent=16, firstLineIndent=-16),
        "article_open": ParagraphStyle("article_open", base, leftIndent=16, firstLineIndent=-16),
        "more": ParagraphStyle("more", base, leftIndent=16),
        "more_end": ParagraphStyle("more_end", base, spaceAfter=5, leftIndent=16),
        "prompt": ParagraphStyle("prompt", base, leftIndent=20, firstLineIndent=-20, spaceAfter=2),
        "option": ParagraphStyle("option", base, leftIndent=14, firstLineIndent=-14),
        "tf": ParagraphStyle("tf", base, fontName=f["symbol"], leftIndent=20, spaceBefore=1),
        "head": ParagraphStyle("head", base, fontName=f["symbol"], fontSize=9.5),
        "key": ParagraphStyle("key", base),
    }


def _question(n: int, item: Item, section: str, language: str, st, t: _Text, width: float):
    from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

    parts = BLANK_RE.split(item.prompt, maxsplit=1)
    prompt = t(parts[0], PROMPT_CHARS) + (BLANK_PDF + t(parts[1], PROMPT_CHARS) if len(parts) == 2 else "")
    flow = [Paragraph(f"<b>{n}.</b>&nbsp;&nbsp;{prompt}", st["prompt"])]
    if section == "choice":
        cells = [
            Paragraph(f"<b>{LETTERS[i]}.</b> {t(o, CELL_CHARS)}", st["option"])
            for i, o in enumerate(item.options)
        ]
        rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[(width - 20) / 2] * 2, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 20),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        flow.append(table)
    elif section == "true_false":
        words = item.options if len(item.options) == 2 else tf_words(language)
        box = "\u2610" if t.has_box else "( )"
        flow.append(Paragraph(("&nbsp;" * 8).join(f"{box} {t(w, CELL_CHARS)}" for w in words), st["tf"]))
    else:
        for _ in range(2):
            flow += [
                Spacer(1, 16),
                HRFlowable(width=width - 20, thickness=0.5, color="#999999", hAlign="RIGHT"),
            ]
    flow.append(Spacer(1, 8))
    return KeepTogether(flow)


def render(bank: Bank) -> tuple[bytes, set[str]]:
    """The worksheet PDF and the characters the font could not draw."""
    data, missing, _ = _render(bank)
    return data, missing


def _render(bank: Bank) -> tuple[bytes, set[str], int]:
    """The worksheet PDF, the characters the font could not draw, how many texts were cut."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    f = _register()
    st = _styles(f)
    t = _Text(f["regular"], f["symbol"])
    lab = labels(bank.language)
    title = clip(" ".join(str(bank.article.get("title") or bank.title).split()), TITLE_CHARS)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="quizgen",
        subject=one_line(bank.id),
        invariant=True,
    )
    width = doc.width
    footer = t(title)

    def on_page(canvas, doc_):
        canvas.saveState()
        canvas.setFont(f["regular"], 8)
        canvas.setFillGray(0.45)
        canvas.drawString(doc.leftMargin, 10 * mm, footer[:90])
        canvas.drawRightString(doc.leftMargin + width, 10 * mm, str(doc_.page))
        canvas.restoreState()

    head = Table(
        [[Paragraph(f"{t(lab[k])}: ", st["head"]) for k in ("name", "class", "date", "score")]],
        colWidths=[width * 0.4, width * 0.22, width * 0.22, width * 0.16],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, "#333333"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story = [head, Paragraph(t(title), st["title"])]
    details = " · ".join(str(bank.article[k]) for k in ("date", "source") if bank.article.get(k))
    if details:
        story.append(Paragraph(t(details, TITLE_CHARS), st["details"]))
    story.append(Paragraph(t(lab["read"]), st["instr"]))
    story.append(HRFlowable(width=width, thickness=0.6, color="#999999", spaceAfter=6))
    for n, p in enumerate(paragraphs(bank.text), start=1):
        first, *rest = pieces(p)
        number = f'<font size="7.5" color="#777777">{n}</font>&nbsp;&nbsp;&nbsp;'
        story.append(Paragraph(number + t(first), st["article_open" if rest else "article"]))
        story += [
            Paragraph(t(x), st["more_end" if i == len(rest) else "more"]) for i, x in enumerate(rest, 1)
        ]
    story.append(HRFlowable(width=width, thickness=0.6, color="#999999", spaceBefore=2))
    story.append(Paragraph(t(lab["questions"]), st["h2"]))
    for sec in sections(bank):
        story.append(Paragraph(t(sec.instruction), st["instr"]))
        story += [_question(e.number, e.item, sec.key, bank.language, st, t, width) for e in sec.entries]
    story += [PageBreak(), Paragraph(t(lab["key"]), st["title"]), Paragraph(t(title), st["details"])]
    rows = [
        [
            Paragraph(f"<b>{e.number}.</b>", st["key"]),
            Paragraph(t(key_text(e.item, bank.language), CELL_CHARS), st["key"]),
        ]
        for sec in sections(bank)
        for e in sec.entries
    ]
    if rows:
        key = Table(rows, colWidths=[12 * mm, width - 12 * mm], hAlign="LEFT")
        key.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#DDDDDD"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                ]
            )
        )
        story.append(key)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue(), t.missing, t.clipped


def export_worksheet_pdf(bank: Bank) -> ExportResult:
    """The printable worksheet as an A4 PDF."""
    data, missing, clipped = _render(bank)
    skips = Skips("worksheet-pdf")
    if clipped:
        skips.note(
            f"worksheet-pdf: {clipped} text(s) too long for the page were shortened, ending in '…' "
            f"(options and keys over {CELL_CHARS} characters, questions over {PROMPT_CHARS})."
        )
    if missing:
        shown = " ".join(sorted(missing))[:60]
        skips.note(
            f"worksheet-pdf: the font has no glyph for {len(missing)} character(s), printed as '?': {shown}"
        )
    return skips.result(data)
