"""Stable item ids: a hash of what the item asks (source span, answer span, kind, template).

An id does not depend on other items, the seed or the option order, so attempts stay linked
to an item when a bank is regenerated.
"""

from __future__ import annotations

import hashlib

PREFIX = {"cloze": "c", "mcq": "m", "true_false": "t", "short_answer": "s"}


def item_id(
    kind: str, source: tuple[int, int], answer: tuple[int, int] | None, template: str, text: str
) -> str:
    key = f"{kind}|{source[0]}:{source[1]}|{answer}|{template}|{text}"
    return f"{PREFIX[kind]}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"
