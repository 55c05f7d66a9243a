"""Stretches of text worth running a detector's regexes on.

Running a dozen patterns over a whole article costs far more than finding, from the
tokens, the few places where they could match (month names, digits, number words) and
running them there. A window starts and ends at whitespace, so word boundaries and
look-behinds see the same text as they would in a full scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s")


def windows(text: str, spans: Iterable[tuple[int, int]], before: int, after: int) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` stretches of ``text`` around ``spans`` (in text order).

    Args:
        text: The text.
        spans: ``(start, end)`` of the places of interest, in text order.
        before: Characters to include before each span (then back to whitespace).
        after: Characters to include after each span (then on to whitespace).

    Returns:
        Non-overlapping windows in text order.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    for s, e in spans:
        a = max(0, s - before)
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        nxt = _SPACE.search(text, min(n, e + after))
        b = nxt.start() if nxt else n
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out
