"""Hardening: arbitrary text and bytes through intake, the engine, bank reading, grading and every
exporter. Each either works or raises one of quizgen's own errors with a message; exported files
parse with their real parsers."""

from __future__ import annotations

import csv
import io
import json
import re
import string
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quizgen
from quizgen.bank import Bank, bank_from_dict, loads_bank
from quizgen.errors import BankError, QuizgenError
from quizgen.exporters import EXPORTERS
from quizgen.grading import grade, score

DATA = Path(__file__).parent / "data"
ARTICLES = [
    DATA / "id-kim-putin-2024.txt",
    DATA / "corpus" / "onestopenglish-adv-amazon.txt",
    DATA / "corpus" / "indosum-1496443620-donald-trump-tarik-as-dari-kesepakatan-ik.txt",
]
PARAGRAPHS = [[p for p in a.read_text(encoding="utf-8").split("\n") if p.strip()] for a in ARTICLES]
FIXTURE = (DATA / "fixture_bank_id.json").read_text(encoding="utf-8")

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)

# Pieces no ordinary article holds: control characters, lone surrogates, right-to-left and mixed
# scripts, bidi overrides, a 100k-character line, a word without spaces, only punctuation.
LONG_LINE = "Kalimat panjang tanpa akhir " * 3600  # ~100k characters, one line
NO_SPACES = "Presidenrusiavladimirputinmenerima" * 3000  # ~100k characters, no space at all
PIECES = [
    "\x00",
    "\x07\x08\x1b[31m",
    "\r",
    "\x0b\x0c",
    "\x85\u2028\u2029",
    "\ud800",
    "\udfff lone",
    "\ufeff",
    "\u202eevil\u202c",
    "\u200f\u200e\u200b",
    "مرحبا بالعالم. هذه جملة عربية.",
    "שלום עולם. זה משפט.",
    "Путин прибыл в Пхеньян.",
    "金正恩和普京会面。",
    "😀🎉👍🏽",
    "e\u0301\u0301\u0301",
    string.punctuation * 5,
    "...!!!???",
    "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>",
    "]]><![CDATA[",
    "{~=#}",
    "_____",
    LONG_LINE,
    NO_SPACES,
]
_ANY_CHAR = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
nasty = st.lists(st.one_of(st.sampled_from(PIECES), st.text(_ANY_CHAR, max_size=20)), max_size=8).map("".join)
nasty_bytes = st.one_of(
    st.binary(max_size=300),
    nasty.map(lambda s: s.encode("utf-8", "surrogatepass")),
    nasty.map(lambda s: s.encode("utf-16", "surrogatepass")),
    st.sampled_from([b"%PDF-1.4\n%\xe2\xe3", b"PK\x03\x04" + b"\x00" * 40, b"\xff\xfe", b"\xef\xbb\xbf"]),
)


def expect_own_error(func, *args, **kwargs):
    """Call ``func``; a QuizgenError with a message is fine (returns None), anything else fails."""
    try:
        return func(*args, **kwargs)
    except QuizgenError as e:
        assert str(e).strip(), f"{type(e).__name__} without a message"
        return None


@st.composite
def mutated_article(draw) -> str:
    """A few paragraphs of the sample article with nasty pieces spliced in at drawn places."""
    paragraphs = draw(st.sampled_from(PARAGRAPHS))
    start = draw(st.integers(0, len(paragraphs) - 3))
    text = "\n\n".join(paragraphs[start : start + draw(st.integers(3, 5))])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        piece = draw(st.one_of(st.sampled_from(PIECES[:-2]), st.text(_ANY_CHAR, min_size=1, max_size=8)))
        text = text[:at] + piece + text[at:]
    return text


def _assert_clean_text(text: str, what: str) -> None:
    text.encode("utf-8")  # no lone surrogate gets through: every file quizgen writes is UTF-8
    assert not re.search("[\x00-\x08\x0e-\x1f]", text), f"{what} holds a control character: {text!r}"


# ---------------------------------------------------------------- intake


@SETTINGS
@given(text=nasty)
def test_load_article_str_raises_only_own_errors(text):
    article = expect_own_error(quizgen.load_article, text)
    if article is not None:
        for part in (article.text, article.title or "", article.date_text or ""):
            _assert_clean_text(part, "the article")
        assert article.text.strip()
        for a, b in article.paragraphs:
            assert 0 <= a < b <= len(article.text)


@SETTINGS
@given(data=nasty_bytes, name=st.sampled_from([None, "a.txt", "a.md", "a.html", "a.docx", "a.pdf", "x"]))
def test_load_article_bytes_raises_only_own_errors(data, name):
    article = expect_own_error(quizgen.load_article, data, name=name)
    if article is not None:
        for part in (article.text, article.title or "", article.date_text or ""):
            _assert_clean_text(part, "the article")


@settings(max_examples=1, deadline=None)
@given(st.sampled_from([LONG_LINE, NO_SPACES, string.punctuation * 3000, "\u202e" + LONG_LINE]))
def test_pathological_lines_load_or_are_refused(text):
    # one 100k-character line: read (str and bytes) or refused with a message, never a crash
    expect_own_error(quizgen.load_article, text)
    expect_own_error(quizgen.load_article, text.encode("utf-8"), name="a.txt")


# ---------------------------------------------------------------- engine + exporters


def _parse_export(name: str, data: bytes) -> None:
    """Open an exported file with the parser its format's readers use."""
    exporter = EXPORTERS[name]
    if name == "json":
        loads_bank(data)  # a bank may hold no item: the format allows it
    elif name == "csv":
        import pandas as pd

        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        assert len(frame.columns) > 1
        for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
            for cell in row:
                assert not re.match(r"[=+@\t\r]", cell) or re.fullmatch(r"[-+]?\d+([.,]\d+)*", cell), cell
    elif exporter.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{name}: a formula in {ws.title}!{cell.coordinate}"
    elif name == "moodle-xml":
        ET.fromstring(data)
    elif name == "qti":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None
            for member in z.namelist():
                if member.endswith(".xml"):
                    ET.fromstring(z.read(member))
    elif name == "worksheet-html":
        from html.parser import HTMLParser

        HTMLParser().feed(data.decode("utf-8"))
    elif name == "worksheet-pdf":
        from pypdf import PdfReader

        assert len(PdfReader(io.BytesIO(data)).pages) >= 1
    else:  # gift, aiken: UTF-8 text
        assert data.decode("utf-8").strip()


def check_bank_everywhere(bank: Bank) -> None:
    assert bank.items
    assert loads_bank(bank.to_json().encode("utf-8")) == bank
    for name, exporter in EXPORTERS.items():
        result = expect_own_error(exporter, bank)
        if result is not None:
            assert set(result.skipped_ids) <= {it.id for it in bank.items}
            _parse_export(name, result.data)


@SETTINGS
@given(text=mutated_article(), seed=st.integers(0, 3), cloze=st.booleans())
def test_engine_on_mutated_articles_and_every_exporter(text, seed, cloze):
    article = expect_own_error(quizgen.load_article, text)
    if article is None:
        return
    bank = expect_own_error(quizgen.generate, article, seed=seed, cloze_choices=cloze)
    if bank is None:
        return
    for it in bank.items:
        for field in (it.prompt, it.answer, it.explanation, *it.options):
            _assert_clean_text(field, f"item {it.id}")
    check_bank_everywhere(bank)


# ---------------------------------------------------------------- bank reading


@SETTINGS
@given(data=st.one_of(nasty, nasty_bytes))
def test_loads_bank_on_anything_raises_bank_error(data):
    with pytest.raises(BankError) as info:
        loads_bank(data)
    assert str(info.value).strip()


_JSON_VALUES = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(_ANY_CHAR, max_size=10)
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


@SETTINGS
@given(data=st.data())
def test_mutated_bank_reads_or_is_refused_with_bank_error(data):
    obj = json.loads(FIXTURE)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(obj))[1:]))
        parent = obj
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(_JSON_VALUES)
    text = json.dumps(obj, ensure_ascii=data.draw(st.booleans()))
    if data.draw(st.booleans()):
        text = text[: data.draw(st.integers(0, len(text)))]  # truncated
    bank = expect_own_error(loads_bank, text.encode("utf-8", "surrogatepass"))
    if bank is not None:  # whatever is accepted can be written and read back, and exported
        assert loads_bank(bank.to_json().encode("utf-8")) == bank
        for name, exporter in EXPORTERS.items():
            result = expect_own_error(exporter, bank)
            if result is not None:
                _parse_export(name, result.data)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        '{"a":' * 50_000,
        '{"format": "quizgen.bank", "version": ' + "9" * 5000 + "}",
        '{"format": "quizgen.bank", "version": 1, "id": "x", "title": "\\ud800", "language": "id",'
        ' "article": {"text": "a"}, "items": []}',
    ],
    ids=["deep-array", "deep-object", "huge-number", "lone-surrogate"],
)
def test_pathological_json_is_a_bank_error(text):
    with pytest.raises(BankError) as info:
        loads_bank(text)
    assert str(info.value).strip()


def test_lone_surrogate_in_an_item_is_refused_naming_the_item():
    obj = json.loads(FIXTURE)
    obj["items"][1]["explanation"] = "x\ud800y"
    with pytest.raises(BankError, match=r"item 2 .*'explanation'"):
        loads_bank(json.dumps(obj))  # json escapes it as \ud800: valid JSON, not valid text


# ---------------------------------------------------------------- grading


@st.composite
def any_item_bank(draw) -> Bank:
    """The fixture bank with nasty keys, options and accepted answers (kept valid)."""
    obj = json.loads(FIXTURE)
    obj["language"] = draw(st.sampled_from(["id", "en", "fr", "zz", ""]))
    for item in obj["items"]:
        word = draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
        if not word.strip():
            continue
        if item["options"]:
            if word not in item["options"]:
                item["options"][0] = word if item["options"][0] == item["answer"] else item["options"][0]
                item["answer"] = item["options"][0]
        else:
            item["answer"] = word
            item["accepted"] = [word[::-1]] if word[::-1].strip() else []
    return bank_from_dict(obj)


@SETTINGS
@given(bank=any_item_bank(), responses=st.lists(st.one_of(st.none(), nasty), min_size=1, max_size=12))
def test_grading_any_response_raises_nothing(bank, responses):
    answers = {it.id: responses[n % len(responses)] for n, it in enumerate(bank.items)}
    answers["no-such-item"] = "x"
    result = score(bank, answers)
    assert 0 <= result.correct <= result.total == len(bank.items)
    for it in bank.items:
        assert grade(it, it.answer, language=bank.language).correct  # the key itself is always right
