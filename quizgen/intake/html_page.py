"""A saved news page (HTML) to the article's own text.

Steps: parse with BeautifulSoup; drop scripts, styles, navigation, header, footer, aside,
menus, forms and elements whose class or id says they are ads, share bars or related links;
pick the article container (``<article>``, ``<main>``, ``itemprop=articleBody``, else the
block holding the most paragraph text); keep its paragraphs, list items and quotes.
"""

from __future__ import annotations

import re

from ..article import Removed
from .formats import Extracted

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "input",
    "textarea",
)
_STRUCTURE_REASON = {
    "nav": "page navigation",
    "header": "page header",
    "footer": "page footer",
    "aside": "sidebar",
    "form": "form",
    "menu": "menu",
    "dialog": "pop-up",
}
_CLASS_NOISE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|share|sharing|social|related|recommend\w*|baca-?juga|"
    r"read-?more|ads?|advert\w*|iklan|banner|promo|sponsor\w*|comments?|komentar|newsletter|subscribe|"
    r"sidebar|footer|header|cookie\w*|popup|modal|tags?|topics?|author-box|byline)(?:$|[\s_-])",
    re.I,
)
_BLOCKS = ("h1", "p", "li", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6", "figcaption", "td")
_SPACES = re.compile(r"\s+")


def _text(el) -> str:
    return _SPACES.sub(" ", el.get_text(" ")).strip()


def _short(s: str, n: int = 160) -> str:
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def extract_html(html: str) -> Extracted:
    """Extract the article from a saved HTML page."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(html, "lxml")
    except Exception:  # lxml missing or unusable: the standard library parser always works
        soup = BeautifulSoup(html, "html.parser")
    removed: list[Removed] = []
    title = _headline(soup) or _page_title(soup)
    date_text = _page_date(soup)

    for el in soup.find_all(_DROP_TAGS):
        el.decompose()
    for name, reason in _STRUCTURE_REASON.items():
        for el in soup.find_all(name):
            if el.decomposed:
                continue
            if name == "header" and el.find_parent("article") is not None and el.find("h1"):
                el.unwrap()  # an article's own header holds its headline: keep the h1, lose the wrapper
                continue
            text = _text(el)
            if text:
                removed.append(Removed(_short(text), reason))
            el.decompose()
    for el in soup.find_all(True):
        if el.decomposed or el.name in ("html", "body", "article", "main"):
            continue
        attrs = " ".join([*(el.get("class") or []), el.get("id") or "", el.get("role") or ""])
        if attrs.strip() and _CLASS_NOISE.search(attrs):
            text = _text(el)
            if text:
                removed.append(Removed(_short(text), "page furniture"))
            el.decompose()

    container = _container(soup)
    paragraphs: list[str] = []
    for el in container.find_all(_BLOCKS):
        if el.find(_BLOCKS):  # an outer block: its inner blocks are taken one by one
            continue
        text = _text(el)
        if not text:
            continue
        if el.name in ("h1",):
            continue
        if el.name in ("h2", "h3", "h4", "h5", "h6"):
            removed.append(Removed(text, "subheading"))
        elif el.name == "figcaption":
            removed.append(Removed(text, "photo caption"))
        else:
            paragraphs.append(text)
    if not paragraphs:
        text = container.get_text("\n")
        paragraphs = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        paragraphs = [p for p in paragraphs if p and p != title]
    return Extracted(
        text="\n\n".join(paragraphs), kind="html", title=title, date_text=date_text, removed=tuple(removed)
    )


def _headline(soup) -> str | None:
    """The page's headline: an ``<h1>`` in the article, else a multi-word ``<h1>``."""
    h1s = [h for h in soup.find_all("h1") if _text(h)]
    for h in h1s:
        if h.find_parent(("article", "main")) is not None:
            return _text(h)
    for h in h1s:
        if len(_text(h).split()) >= 3:
            return _text(h)
    return None


def _page_title(soup) -> str | None:
    meta = soup.find("meta", attrs={"property": "og:title"}) or soup.find("meta", attrs={"name": "title"})
    if meta is not None and meta.get("content", "").strip():
        return _SPACES.sub(" ", meta["content"]).strip()
    if soup.title is not None and soup.title.string:
        title = _SPACES.sub(" ", soup.title.string).strip()
        # "Headline | Site" or "Headline - Site": drop a short site-name tail.
        for sep in (" | ", " - ", " – ", " — "):
            head, found, tail = title.rpartition(sep)
            if found and head and len(tail.split()) <= 4:
                return head.strip()
        return title or None
    return None


def _page_date(soup) -> str | None:
    for attrs in (
        {"property": "article:published_time"},
        {"name": "pubdate"},
        {"name": "publishdate"},
        {"itemprop": "datePublished"},
        {"name": "date"},
    ):
        meta = soup.find("meta", attrs=attrs)
        if meta is not None and meta.get("content", "").strip():
            return meta["content"].strip()
    time = soup.find("time")
    if time is not None:
        return (time.get("datetime") or _text(time)).strip() or None
    return None


def _container(soup):
    """The element that holds the article body."""
    body = soup.body or soup
    candidates = (
        soup.find_all("article") or soup.find_all(attrs={"itemprop": "articleBody"}) or soup.find_all("main")
    )
    if candidates:
        return max(candidates, key=_paragraph_weight)
    best, best_weight = body, 0
    for el in body.find_all(("div", "section", "td")):
        weight = sum(len(_text(p)) for p in el.find_all("p", recursive=False))
        if weight > best_weight:
            best, best_weight = el, weight
    return best if best_weight else body


def _paragraph_weight(el) -> int:
    return sum(len(_text(p)) for p in el.find_all("p"))
