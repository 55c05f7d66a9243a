"""A span one detector found, before it is placed in a sentence and becomes a Candidate."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    subtype: str | None = None
    reasons: tuple[str, ...] = ()
    group: str = ""
    score: float = 0.0
    stem: str | None = None
    unit: str | None = None
    value: float | None = None


def pick_non_overlapping(found: list[Found]) -> list[Found]:
    """Keep the longest spans, dropping any that overlaps one already kept; text order.

    Ties on length go to the earlier span. Linear after sorting (spans are checked
    against the kept spans in start order through a sorted interval list).
    """
    kept_starts: list[int] = []
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        i = bisect.bisect_left(kept_starts, f.start)
        if i > 0 and kept[i - 1].end > f.start:
            continue
        if i < len(kept) and kept[i].start < f.end:
            continue
        kept_starts.insert(i, f.start)
        kept.insert(i, f)
    return kept
