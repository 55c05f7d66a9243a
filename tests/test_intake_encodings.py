"""Encodings and normalisation: every way a Windows, Mac or web tool may save the sample."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.errors import InputError
from quizgen.intake import load_article
from quizgen.intake.decode import decode_bytes, detect_encoding, normalise_text

DATA = Path(__file__).parent / "data"
SAMPLE_TEXT = (DATA / "id-kim-putin-2024.txt").read_text(encoding="utf-8")
EXPECTED = load_article(DATA / "id-kim-putin-2024.txt")

ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-bom": lambda t: t.encode("utf-16"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-16-le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda t: t.encode("utf-16-be"),
    "cp1252": lambda t: t.encode("cp1252"),  # Windows Notepad "ANSI": curly quotes are bytes 0x93/0x94
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "utf-16-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-16"),
    "cp1252-crlf": lambda t: t.replace("\n", "\r\n").encode("cp1252"),
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_sample_in_every_encoding(tmp_path, encoding):
    path = tmp_path / f"sample-{encoding}.txt"
    path.write_bytes(ENCODINGS[encoding](SAMPLE_TEXT))
    a = load_article(path)
    assert a.text == EXPECTED.text
    assert a.title == EXPECTED.title
    assert a.date == EXPECTED.date
    assert a.paragraphs == EXPECTED.paragraphs
    assert "“tak terkalahkan dan tahan lama”" in a.text


def test_cp1252_with_accents_and_euro():
    text = "Café “Kopi Kenangan” di Jakarta menaikkan harga menjadi €5 — kata pemilik café itu. " * 3
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert detect_encoding(data) == "cp1252"
    assert decode_bytes(data) == text


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    data = b"Kopi enak di Bandung " + b"\x81\x8d" + b" sekali."
    assert detect_encoding(data) == "latin-1"
    assert decode_bytes(data) == "Kopi enak di Bandung \x81\x8d sekali."  # a few stray bytes are tolerated
    with pytest.raises(InputError, match="control characters"):
        decode_bytes(b"\x81\x8d\x8f\x90\x9d abc " * 20)  # many of them: not text


def test_nfd_becomes_nfc_and_odd_spaces_become_spaces():
    decomposed = unicodedata.normalize("NFD", "Café di Malmö")
    raw = f"{decomposed}\u00a0menyajikan kopi.\u200b Harga\u202fRp\u00a025.000 per gelas.\u00ad"
    assert normalise_text(raw) == "Café di Malmö menyajikan kopi. Harga Rp 25.000 per gelas."


def test_nbsp_and_nfd_in_an_article():
    body = unicodedata.normalize("NFD", EXPECTED.text).replace(" ", "\u00a0", 40)
    a = load_article(body.encode("utf-8"))
    assert a.text == EXPECTED.text


def test_mixed_line_endings():
    mixed = SAMPLE_TEXT.replace("\n", "\r\n", 3).replace("\n", "\r", 2)
    assert load_article(mixed).text == EXPECTED.text


_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf"), blacklist_characters="\u00a0\u3000"
    ),
    min_size=1,
    max_size=200,
)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]))
def test_decoding_round_trip(text, encoding):
    if encoding in ("utf-16-le", "utf-16-be") and not all(ord(c) < 0x100 for c in text):
        return  # no BOM and non-Latin text: the NUL pattern does not identify UTF-16; needs a BOM
    text = "Teks: " + text  # Latin text first, as any article in the supported languages
    data = text.encode(encoding)
    assert decode_bytes(data) == normalise_text(text)
