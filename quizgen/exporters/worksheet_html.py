"""``worksheet-html``: a printable worksheet (A4): header for name and class, the article with
numbered paragraphs, numbered questions with space to answer, and the answer key on its own
page. Self-contained HTML with print CSS; open it in a browser and print."""

from __future__ import annotations

import html
import importlib.resources

from ..bank import BLANK_RE, Bank, Item
from .base import LETTERS, ExportResult, Skips, plain_text, tf_words
from .worksheet_layout import key_text, labels, paragraphs, sections


def _e(text: str) -> str:
    """Escaped for HTML; control characters written as spaces (HTML has no place for them)."""
    return html.escape(plain_text(text), quote=True)


def _prompt(item: Item) -> str:
    parts = BLANK_RE.split(item.prompt, maxsplit=1)
    out = _e(parts[0])
    if len(parts) == 2:
        out += '<span class="blank" aria-label="blank"></span>' + _e(parts[1])
    return out.replace("\n", "<br>")


def _question(number: int, item: Item, section: str, language: str) -> str:
    body = [f'<li class="q" value="{number}"><p class="prompt">{_prompt(item)}</p>']
    if section == "choice":
        body.append('<ol class="options">')
        body += [
            f'<li><span class="letter">{LETTERS[i]}.</span> {_e(o)}</li>' for i, o in enumerate(item.options)
        ]
        body.append("</ol>")
    elif section == "true_false":
        words = item.options if len(item.options) == 2 else tf_words(language)
        body.append(
            '<p class="tf">'
            + "".join(f'<span class="box"></span><span class="word">{_e(w)}</span>' for w in words)
            + "</p>"
        )
    else:
        body.append('<div class="lines"><div></div><div></div></div>')
    body.append("</li>")
    return "".join(body)


def render(bank: Bank) -> str:
    """The worksheet as one HTML document."""
    lab = labels(bank.language)
    css = importlib.resources.files(__package__).joinpath("worksheet.css").read_text(encoding="utf-8")
    title = bank.article.get("title") or bank.title
    details = " · ".join(_e(str(bank.article[k])) for k in ("date", "source") if bank.article.get(k))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(bank.language)}"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{css}</style></head><body>",
        '<section class="sheet">',
        '<header class="student">'
        + "".join(
            f'<div><span>{_e(lab[k])}</span><span class="fill"></span></div>'
            for k in ("name", "class", "date", "score")
        )
        + "</header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="details">{details}</p>' if details else "",
        f'<p class="instruction">{_e(lab["read"])}</p>',
        '<article class="text">'
        + "".join(
            f'<p><span class="pn">{n}</span>{_e(p)}</p>' for n, p in enumerate(paragraphs(bank.text), start=1)
        )
        + "</article>",
        f"<h2>{_e(lab['questions'])}</h2>",
    ]
    for sec in sections(bank):
        out.append(
            f'<div class="section"><p class="instruction">{_e(sec.instruction)}</p><ol class="questions">'
        )
        out += [_question(e.number, e.item, sec.key, bank.language) for e in sec.entries]
        out.append("</ol></div>")
    out.append("</section>")
    out.append(
        f'<section class="sheet key"><h1>{_e(lab["key"])}</h1><p class="details">{_e(title)}</p>'
        '<table class="keytable"><tbody>'
    )
    for sec in sections(bank):
        for e in sec.entries:
            out.append(
                f'<tr><td class="n">{e.number}.</td><td>{_e(key_text(e.item, bank.language))}</td></tr>'
            )
    out.append("</tbody></table></section></body></html>\n")
    return "\n".join(x for x in out if x)


def export_worksheet_html(bank: Bank) -> ExportResult:
    """The printable worksheet as a self-contained HTML file."""
    return Skips("worksheet-html").result(render(bank).encode("utf-8"))
