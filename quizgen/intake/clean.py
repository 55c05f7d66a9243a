"""Boilerplate removal: what sits in a pasted or saved article but is not the article.

Whole paragraphs ("Baca juga: ...", "ADVERTISEMENT", photo credits, bylines, share prompts,
"Simak video ...", agency tags such as "(rdk/asa)", mid-article subheadings) and pieces inside
paragraphs ("(Baca juga: ...)", "(Foto: ...)", a trailing "(ant)") are removed; each removal is
recorded as a :class:`Removed` with its reason. Every pattern is anchored and applied to one
paragraph at a time, so cleaning stays linear in the input size.
"""

from __future__ import annotations

import re

from ..article import Removed

_I = re.I
_READ_MORE = re.compile(
    r"^[\[(]?\s*(?:(?:baca|simak|lihat)[\s_]+(?:juga|pula)\b|baca(?:\s+selengkapnya)?\s*[:：]|"
    r"(?:artikel|berita) (?:terkait|lainnya)\b|read (?:more|also|next)\b|related(?:\s+\w+)?\s*[:：]|"
    r"baca (?:berita|artikel|informasi) (?:selengkapnya|lainnya|menarik|terkait)\b|"
    r"see also\b|more on this story\b|recommended(?: for you)?\s*[:：]|also read\b|\[gambas:)",
    _I,
)
_ADVERT = re.compile(
    r"^\W*(?:advertisements?|iklan|ads?|sponsored(?: content)?|konten (?:sponsor|bersponsor)|"
    r"scroll to continue(?: with content)?|scroll (?:down )?to (?:continue|read more)|"
    r"continue reading(?: below)?|lanjutkan (?:membaca|baca)|gulir untuk melanjutkan|"
    r"(?:story|article) continues below(?: (?:this )?advertisement)?)\W*$",
    _I,
)
_PHOTO = re.compile(
    r"^[\[(]?\s*(?:foto|photo|photograph|gambar|image(?: caption| source)?|ilustrasi|picture|"
    r"keterangan(?: foto| gambar)?|caption|credit|kredit foto|sumber foto|video)\s*[:：]",
    _I,
)
_PHOTO_BARE = re.compile(
    r"^(?:image caption|image copyright|getty images|antara foto/\S.*|(?:reuters|afp|ap)(?: photo)?/\S.*)$",
    _I,
)
_CAPTION_END = re.compile(
    r"[(\[]\s*(?:(?:foto|photo|gambar|image)\s*[:：]|antara foto/|(?:ap|afp|reuters|epa) photo/)[^()\[\]]{0,150}[)\]]\s*$",
    _I,
)
_BYLINE = re.compile(
    r"^(?:(?:penulis|editor|reporter|pewarta|penyunting|redaktur|kontributor|wartawan|author|fotografer|"
    r"videografer|penerjemah)\s*[:：]|(?:written|reporting|editing|additional reporting|compiled|"
    r"dilaporkan|disadur|ditulis|diedit)\s+(?:by|oleh)\b|laporan wartawan\b|laporan reporter\b)",
    _I,
)
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|de|der|bin|binti))*"
_BY_NAME = re.compile(
    rf"^(?:By|BY|Oleh|OLEH)\s*:?\s+{_NAME}(?:\s*(?:,|and|dan|&)\s*{_NAME})*(?:\s*[|,–—-]\s*[^.]{{0,50}})?$"
)
_SOURCE = re.compile(r"^(?:sumber|source)\s*[:：]", _I)
_TAGS = re.compile(r"^(?:tags?|topik|topics?|kata kunci|keywords?)\s*[:：]", _I)
_COPYRIGHT = re.compile(
    r"^(?:copyright\b|©|\(c\) \d{4}|hak cipta\b|all rights reserved\b)|all rights reserved\W*$", _I
)
_PAGINATION = re.compile(
    r"^\W*(?:halaman\s*(?:selanjutnya|berikutnya|sebelumnya|\d+)?(?:\s*:?\s*[\d\s]+)?|selanjutnya|"
    r"berikutnya|next page|previous page|next|page \d+(?: of \d+)?|load more|tampilkan (?:semua|lebih banyak)|"
    r"lihat semua|show more)\W*$",
    _I,
)
_SYNDICATION = re.compile(
    r"^(?:artikel ini (?:telah |sudah )?(?:tayang|terbit|diterbitkan|dimuat|pertama kali)|"
    r"berita ini (?:telah )?(?:tayang|terbit|diterbitkan)|this (?:article|story) (?:was )?(?:originally|first) "
    r"(?:published|appeared)|a version of this (?:article|story))",
    _I,
)
_SHARE = re.compile(
    r"^\W*(?:bagikan(?: artikel ini| berita ini)?|share(?: this(?: article| story| page)?)?|share on \w+|tweet|"
    r"follow us\b.*|ikuti (?:kami|kanal|akun|berita)\b.*|dapatkan (?:update|informasi|berita)\b.*|"
    r"(?:download|unduh) (?:aplikasi|apps?|the app)\b.*|klik (?:di ?sini|link|tautan)\b.*|"
    r"subscribe\b.*|berlangganan\b.*|sign up\b.*|copy link|salin (?:tautan|link)|"
    r"komentar|comments?|\d+ comments?|print|cetak)\W*$",
    _I,
)
_READ_MORE_ALONE = re.compile(
    r"[\[(]?\s*(?:(?:baca|simak|lihat)[\s_]+(?:juga|pula)|read (?:more|also)|related(?: \w+)?|see also|"
    r"(?:artikel|berita) (?:terkait|lainnya))\s*[:：]?\s*[\])]?",
    _I,
)
_VIDEO = re.compile(
    r"^[\[(]?\s*(?:simak|tonton|saksikan|watch)\s+(?:juga\s+)?(?:video|videonya|selengkapnya|livestream)\b",
    _I,
)
_KNOWN_AGENCIES = r"ant|antara|afp|ap|reuters|bbc|cnn|kompas|detik|tribun|tempo|okz|rm|end"
_TAG = rf"[\[(](?:[a-z]{{2,6}}(?:\s[a-z]{{2,12}})?(?:/[a-z]{{2,6}}){{0,3}}|(?i:{_KNOWN_AGENCIES}))[\])]"
_TAG_ONLY = re.compile(rf"^{_TAG}$")
# Credits at the end of a paragraph, after its last sentence; checked in this order.
_TRAILING = (
    (re.compile(rf"(?<=[.!?\"”’])\s*{_TAG}\s*$"), "agency tag"),
    (
        re.compile(
            r"(?<=[.!?\"”’])\s*\((?:(?:additional )?reporting|writing|editing) by [^()]{1,200}\)\s*$", _I
        ),
        "byline",
    ),
    (re.compile(r"(?<=[.!?\"”’])\s*\((?:sumber|source)\s*[:：][^()]{1,120}\)\s*$", _I), "source credit"),
)
_BLURB = re.compile(
    r"^\S+\.(?:id|com|net|co\.id|org)\s+(?:adalah|merupakan|is)\s+(?:portal|situs|media|sebuah|an?\b)", _I
)

_INLINE = (
    (
        re.compile(
            r"\s*[\[(]\s*(?:(?:baca|simak|lihat)(?:[\s_]+(?:juga|pula))?|read (?:more|also))\s*[:：][^()\[\]]{0,250}[)\]]",
            _I,
        ),
        "read-more link",
    ),
    (re.compile(r"\s*[(\[]\s*(?:foto|photo|gambar)\s*[:：][^()\[\]]{0,150}[)\]]", _I), "photo credit"),
)
_SHORT = 300


def paragraph_reason(p: str) -> str | None:
    """The reason a whole paragraph is boilerplate, or None when it is article text."""
    if len(p) > _SHORT * 2:
        return None
    if _ADVERT.match(p):
        return "advertisement"
    if len(p) <= _SHORT:
        if _READ_MORE.match(p):
            return "read-more link"
        if _VIDEO.match(p):
            return "video prompt"
        if _PHOTO.match(p) or _PHOTO_BARE.match(p) or _CAPTION_END.search(p):
            return "photo credit"
        if _BYLINE.match(p) or (len(p) <= 120 and _BY_NAME.match(p)):
            return "byline"
        if len(p) <= 150 and _SOURCE.match(p):
            return "source credit"
        if len(p) <= 250 and _SHARE.match(p):
            return "share prompt"
        if len(p) <= 200 and _TAGS.match(p):
            return "tags"
        if len(p) <= 200 and _COPYRIGHT.search(p):
            return "copyright"
        if len(p) <= 80 and _PAGINATION.match(p):
            return "pagination"
        if _SYNDICATION.match(p):
            return "syndication note"
        if _TAG_ONLY.match(p):
            return "agency tag"
    if _BLURB.match(p):
        return "publisher blurb"
    return None


def _is_link_title(p: str) -> bool:
    """A headline-like line, as left by "Baca juga:" on its own line."""
    return len(p.split()) <= 20 and not p.endswith((".", "!", "?", ",", ";"))


def is_subheading(p: str, following: str | None) -> bool:
    """A short heading inside the body ("Babak pertama"), followed by a body paragraph."""
    if following is None or len(following.split()) < 12:
        return False
    words = p.split()
    return (
        len(words) <= 10
        and len(p) <= 80
        and p[:1].isupper()
        and not p.endswith((".", "!", "?", ":", ";", ",", '"', "”", "’", ")", "…"))
        and ":" not in p
    )


def clean_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[Removed]]:
    """Drop boilerplate paragraphs and boilerplate pieces of paragraphs.

    Returns:
        The kept paragraphs (in order) and what was removed, with reasons.
    """
    kept: list[str] = []
    removed: list[Removed] = []
    skip_link_title = False
    for i, p in enumerate(paragraphs):
        if skip_link_title:
            skip_link_title = False
            if _is_link_title(p):
                removed.append(Removed(p, "read-more link"))
                continue
        reason = paragraph_reason(p)
        if reason:
            removed.append(Removed(p, reason))
            # "Baca juga:" alone on its line: the linked headline follows on the next line.
            if reason == "read-more link" and _READ_MORE_ALONE.fullmatch(p):
                skip_link_title = True
            continue
        following = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if is_subheading(p, following):
            removed.append(Removed(p, "subheading"))
            continue
        p = _strip_inline(p, removed)
        if p:
            kept.append(p)
    return kept, removed


def _strip_inline(p: str, removed: list[Removed]) -> str:
    changed = False
    for pattern, reason in _INLINE:
        if pattern.search(p):
            for m in pattern.finditer(p):
                removed.append(Removed(m.group(0).strip(), reason))
            p = pattern.sub("", p)
            changed = True
    for pattern, reason in _TRAILING:
        m = pattern.search(p)
        if m:
            removed.append(Removed(m.group(0).strip(), reason))
            p = p[: m.start()]
            changed = True
    return p.strip() if changed else p
