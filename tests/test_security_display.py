"""Issue 13, finding 9 (helpers): bare addresses never become links, bidi controls never reorder
names, titles or options. The rendering in Chromium is in ``test_security_browser.py``."""

from __future__ import annotations

import re

import pandas as pd

from quizgen.app.safe import JOINER, md_escape, neutral, no_autolink, plain, plain_frame

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# what remark-gfm's autolink-literal transform matches, after Markdown escapes are read
GFM_LINK = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(?:\.[-\w]+)+", re.I)


def unescaped(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


def test_md_escape_leaves_nothing_gfm_would_link():
    for text in ["https://evil.example/login", "HTTP://X.Y", "www.evil.example", "WWW.Evil.com",
                 "mail admin@evil.example now", "ftp://a.b and http://c.d"]:  # fmt: skip
        shown = unescaped(md_escape(text))
        assert not GFM_LINK.search(shown), text
        assert shown.replace(JOINER, "") == text  # looks the same


def test_no_autolink_only_adds_joiners():
    text = "Lihat https://a.example, www.b.example dan c@d.example."
    assert no_autolink(text).replace(JOINER, "") == text
    assert no_autolink("12:30 rapat") == "12:30 rapat"


def test_bidi_controls_are_removed():
    evil = "\u202eevil\u202c.exe"
    for f in (neutral, plain, md_escape):
        assert not any(c in f(evil + BIDI) for c in BIDI)
    assert plain("a\n\u202eb\x07c") == "a b c"
    frame = plain_frame(pd.DataFrame({"nama": [evil, None], "skor": [1, 2]}))
    assert frame["nama"][0] == "evil.exe" and frame["skor"].tolist() == [1, 2]
