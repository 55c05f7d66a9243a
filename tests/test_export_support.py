"""Helpers for the export/import tests (no tests here): the fixture bank, hostile-text banks,
and running the external parsers (node + gift-pegjs, chromium) or skipping when absent."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import strategies as st

from quizgen.bank import Bank, Item, Source, read_bank

DATA = Path(__file__).parent / "data"
JS = Path(__file__).parent / "js"
FIXTURE = DATA / "fixture_bank_id.json"
REQUIRE_EXTERNAL = os.environ.get("QUIZGEN_REQUIRE_EXTERNAL") == "1"


def fixture_bank() -> Bank:
    return read_bank(FIXTURE)


def need(program: str) -> str:
    """The path of an external program; skip (or fail under QUIZGEN_REQUIRE_EXTERNAL=1) without it."""
    path = shutil.which(program)
    if path is None:
        if REQUIRE_EXTERNAL:
            pytest.fail(f"{program} is required (QUIZGEN_REQUIRE_EXTERNAL=1) but is not installed")
        pytest.skip(f"{program} is not installed")
    return path


def gift_parse(path: Path) -> list[dict]:
    """Parse a GIFT file with the npm package gift-pegjs (tests/js)."""
    node = need("node")
    if not (JS / "node_modules" / "gift-pegjs").is_dir():
        if REQUIRE_EXTERNAL:
            pytest.fail("gift-pegjs is not installed: run npm ci --prefix tests/js")
        pytest.skip("gift-pegjs is not installed (npm ci --prefix tests/js)")
    proc = subprocess.run(
        [node, str(JS / "gift_parse.js"), str(path)], capture_output=True, text=True, timeout=60, cwd=JS
    )
    assert proc.returncode == 0, f"gift-pegjs could not parse the export: {proc.stderr}\n{path.read_text()}"
    return json.loads(proc.stdout)


# Hostile text: quotes, commas, newlines, a formula payload, GIFT/cloze specials, RTL, emoji.
HOSTILE_PIECES = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    '"quoted"',
    "it's",
    "a, b; c",
    "line1\nline2",
    "{brace}",
    "}",
    "~tilde",
    "#hash",
    "key=value",
    "a:b",
    "back\\slash",
    "שלום עולם",
    "مرحبا",
    "emoji 😀🎉",
    "“curly” ‘quotes’",
    "tab\there",
    "]]>",
    "<b>bold</b>",
    "&amp;",
    "%50%",
    "->",
    "_",
    "Benar",
    "Ñandú çà",
    "  spaced  ",
    "crlf\r\nline",
]
_TEXT_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")


def hostile_text(min_size: int = 1) -> st.SearchStrategy[str]:
    """Texts mixing hostile pieces and arbitrary printable characters; never blank."""
    piece = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(_TEXT_CHARS, min_size=1, max_size=12))
    return st.lists(piece, min_size=min_size, max_size=4).map(" ".join).filter(lambda s: s.strip() != "")


@st.composite
def hostile_bank(draw, max_items: int = 6) -> Bank:
    """A valid bank whose every text is hostile; all four kinds."""
    text = draw(hostile_text()) + "\n" + draw(hostile_text())
    items = []
    n = draw(st.integers(1, max_items))
    for i in range(n):
        kind = draw(st.sampled_from(["cloze", "mcq", "true_false", "short_answer"]))
        prompt = re.sub("_{2,}", "_", draw(hostile_text()))
        accepted: tuple[str, ...] = ()
        if kind == "true_false":
            options = ("Benar", "Salah")
            answer = draw(st.sampled_from(options))
        else:
            options = tuple(draw(st.lists(hostile_text(), min_size=2, max_size=5, unique=True)))
            if kind == "short_answer" or (kind == "cloze" and draw(st.booleans())):
                options = ()
            answer = options[draw(st.integers(0, len(options) - 1))] if options else draw(hostile_text())
            if not options:
                accepted = tuple(draw(st.lists(hostile_text(), max_size=3, unique=True)))
        if kind == "cloze":
            before, after = prompt[: len(prompt) // 2], prompt[len(prompt) // 2 :]
            prompt = f"{before} _____ {after}"
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        items.append(
            Item(
                id=f"x-{i}{draw(st.sampled_from(['', '=', ':', '~']))}",
                kind=kind,
                prompt=prompt,
                answer=answer,
                source=Source(text[start:end], start, end),
                options=options,
                accepted=accepted,
                answer_span=(start, end) if draw(st.booleans()) else None,
                difficulty=draw(st.sampled_from(["easy", "medium", "hard"])),
                skill=draw(st.sampled_from(["detail", "=cause", "place"])),
                explanation=draw(st.one_of(st.just(""), hostile_text())),
                reason=draw(st.one_of(st.just(""), hostile_text())),
                template=draw(st.sampled_from(["", "who-did"])),
                features=draw(st.sampled_from([{}, {"score": 0.5, "note": "=x"}])),
            )
        )
    return Bank(
        id="hostile",
        title=draw(hostile_text()),
        language="id",
        article={"title": draw(hostile_text()), "date": "", "source": "s.txt", "text": text},
        items=tuple(items),
        created="2026-11-26T08:00:00Z",
        generator={"name": "quizgen", "seed": 1},
        settings={"closed_book": True},
    )
