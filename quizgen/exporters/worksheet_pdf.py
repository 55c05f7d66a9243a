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
from .base import LETTERS, ExportResult, Skips, tf_words
from .worksheet_layout import key_text, labels, paragraphs, sections

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts")
BLANK_PDF = "_" * 14


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


class _Text:
    """Escapes text for reportlab paragraphs and notes characters the font cannot draw."""

    def __init__(self, font_name: str, symbol_font: str) -> None:
        from reportlab.pdfbase import pdfmetrics

        self.glyphs = pdfmetrics.getFont(font_name).face.charToGlyph
        self.has_box = 0x2610 in pdfmetrics.getFont(symbol_font).face.charToGlyph
        self.missing: set[str] = set()

    def __call__(self, text: str) -> str:
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
        "prompt": ParagraphStyle("prompt", base, leftIndent=20, firstLineIndent=-20, spaceAfter=2),
        "option": ParagraphStyle("option", base, leftIndent=14, firstLineIndent=-14),
        "tf": ParagraphStyle("tf", base, fontName=f["symbol"], leftIndent=20, spaceBefore=1),
        "head": ParagraphStyle("head", base, fontName=f["symbol"], fontSize=9.5),
        "key": ParagraphStyle("key", base),
    }


def _question(n: int, item: Item, section: str, language: str, st, t: _Text, width: float):
    from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

    parts = BLANK_RE.split(item.prompt, maxsplit=1)
    prompt = t(parts[0]) + (BLANK_PDF + t(parts[1]) if len(parts) == 2 else "")
    flow = [Paragraph(f"<b>{n}.</b>&nbsp;&nbsp;{prompt}", st["prompt"])]
    if section == "choice":
        cells = [Paragraph(f"<b>{LETTERS[i]}.</b> {t(o)}", st["option"]) for i, o in enumerate(item.options)]
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
        flow.append(Paragraph(("&nbsp;" * 8).join(f"{box} {t(w)}" for w in words), st["tf"]))
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
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import HRFlowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    f = _register()
    st = _styles(f)
    t = _Text(f["regular"], f["symbol"])
    lab = labels(bank.language)
    title = bank.article.get("title") or bank.title
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
        subject=bank.id,
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
        story.append(Paragraph(t(details), st["details"]))
    story.append(Paragraph(t(lab["read"]), st["instr"]))
    story.append(HRFlowable(width=width, thickness=0.6, color="#999999", spaceAfter=6))
    for n, p in enumerate(paragraphs(bank.text), start=1):
        story.append(
            Paragraph(f'<font size="7.5" color="#777777">{n}</font>&nbsp;&nbsp;&nbsp;{t(p)}', st["article"])
        )
    story.append(HRFlowable(width=width, thickness=0.6, color="#999999", spaceBefore=2))
    story.append(Paragraph(t(lab["questions"]), st["h2"]))
    for sec in sections(bank):
        story.append(Paragraph(t(sec.instruction), st["instr"]))
        story += [_question(e.number, e.item, sec.key, bank.language, st, t, width) for e in sec.entries]
    story += [PageBreak(), Paragraph(t(lab["key"]), st["title"]), Paragraph(t(title), st["details"])]
    rows = [
        [
            Paragraph(f"<b>{e.number}.</b>", st["key"]),
            Paragraph(t(key_text(e.item, bank.language)), st["key"]),
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
    return buf.getvalue(), t.missing


def export_worksheet_pdf(bank: Bank) -> ExportResult:
    """The printable worksheet as an A4 PDF."""
    data, missing = render(bank)
    skips = Skips("worksheet-pdf")
    if missing:
        shown = " ".join(sorted(missing))[:60]
        skips.note(
            f"worksheet-pdf: the font has no glyph for {len(missing)} character(s), printed as '?': {shown}"
        )
    return skips.result(data)
