"""A saved news page (HTML) to the article's own text.

Steps: parse with BeautifulSoup; drop scripts, styles, navigation, header, footer, aside,
menus, forms and elements whose class or id says they are ads, share bars or related links;
pick the article container (``<article>``, ``itemprop=articleBody``, ``<main>``, else the
block that scores highest for the paragraph text it holds); flatten it to paragraphs, one per
block element or ``<br><br>`` run; headings and figure captions are recorded as removed.
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
    # Decompose only after choosing (reading ``Tag.decomposed`` on a big page is slow).
    chosen: set[int] = set()
    drop: list = []

    def inside_chosen(el) -> bool:
        return id(el) in chosen or any(id(parent) in chosen for parent in el.parents)

    for name, reason in _STRUCTURE_REASON.items():
        for el in soup.find_all(name):
            if inside_chosen(el):
                continue
            if name == "header" and el.find_parent("article") is not None and el.find("h1"):
                el.unwrap()  # an article's own header holds its headline: keep the h1, lose the wrapper
                continue
            text = _text(el)
            if text:
                removed.append(Removed(_short(text), reason))
            chosen.add(id(el))
            drop.append(el)
    total_weight = len(_text(soup.body or soup))
    for el in soup.find_all(True):
        if el.name not in _BLOCK_LEVEL or el.name in ("article", "main"):
            continue  # inline elements stay: <a class="tag"> around a name in a sentence is text
        attrs = " ".join([*(el.get("class") or []), el.get("id") or "", el.get("role") or ""])
        if attrs.strip() and _CLASS_NOISE.search(attrs):
            if inside_chosen(el):
                continue
            text = _text(el)
            if len(text) > 0.5 * total_weight:
                continue  # a class like "content ads-free" on the article body itself
            if text:
                removed.append(Removed(_short(text), "page furniture"))
            chosen.add(id(el))
            drop.append(el)
    for el in drop:
        el.decompose()

    container = _container(soup)
    for el in container.find_all(("h1", "h2", "h3", "h4", "h5", "h6", "figcaption")):
        text = _text(el)
        if text and el.name != "h1":
            removed.append(Removed(text, "photo caption" if el.name == "figcaption" else "subheading"))
        el.decompose()
    paragraphs = _block_paragraphs(container)
    return Extracted(
        text="\n\n".join(paragraphs), kind="html", title=title, date_text=date_text, removed=tuple(removed)
    )


_BREAK = "\u2029"  # marks a line break while the tree is flattened to text
_BLOCK_LEVEL = (
    "p",
    "div",
    "section",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "article",
    "main",
    "address",
    "center",
)
_PARAGRAPH_BREAK = re.compile(rf"(?:\s*{_BREAK}){{2,}}\s*")


def _block_paragraphs(container) -> list[str]:
    """The container's text, one paragraph per block element or ``<br><br>``-separated run.

    Walks the tree once with an explicit stack (no tree edits: inserting into a long list of
    siblings is linear each time, so a big page would take quadratic time).
    """
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    out: list[str] = []
    stack: list[object] = [container]
    while stack:
        node = stack.pop()
        if node is _END_BLOCK:
            out.append(_BREAK * 2)
        elif isinstance(node, NavigableString):
            if not isinstance(node, skipped):
                out.append(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append(_BREAK)
                continue
            if node.name in _BLOCK_LEVEL:
                out.append(_BREAK * 2)
                stack.append(_END_BLOCK)
            stack.extend(reversed(node.contents))
    chunks = _PARAGRAPH_BREAK.split("".join(out))
    paragraphs = (_SPACES.sub(" ", chunk.replace(_BREAK, " ")).strip() for chunk in chunks)
    return [p for p in paragraphs if p]


_END_BLOCK = object()


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
    """The element that holds the article body.

    ``<article>``, ``itemprop=articleBody`` or ``<main>`` when the page has one; otherwise the
    block scoring highest when each paragraph's length counts fully for its parent and half
    for its grandparent (text directly inside a block, as in ``<br>``-separated pages, counts
    for that block).
    """
    from bs4 import NavigableString

    body = soup.body or soup
    candidates = (
        soup.find_all("article") or soup.find_all(attrs={"itemprop": "articleBody"}) or soup.find_all("main")
    )
    if candidates:
        return max(candidates, key=_paragraph_weight)
    scores: dict[int, float] = {}
    elements: dict[int, object] = {}

    def add(el, amount: float) -> None:
        if el is None or el.name in ("html", "[document]"):
            return
        elements[id(el)] = el
        scores[id(el)] = scores.get(id(el), 0.0) + amount

    for p in body.find_all("p"):
        length = len(_text(p))
        add(p.parent, length)
        add(p.parent.parent if p.parent is not None else None, length / 2)
    for el in body.find_all(("div", "section", "td")):
        direct = sum(len(c.strip()) for c in el.contents if type(c) is NavigableString)
        if direct:
            add(el, direct)
    if not scores:
        return body
    best = max(scores, key=scores.__getitem__)
    return elements[best]


def _paragraph_weight(el) -> int:
    return sum(len(_text(p)) for p in el.find_all("p"))
