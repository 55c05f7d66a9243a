"""New items for a draft: regenerate the whole draft, or replace chosen items, without repeating
what the teacher already has.

The engine is deterministic, so another seed alone can give nearly the same quiz. The create
page offers the draft's own ranked ``alternates`` first, then a larger pool generated here
(with that generation's alternates); items the draft already holds, by id or by source
sentence, go last.

Example:
    >>> chosen, spare = fresh_items(pool_items, current_items, 10)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..article import Article
from ..bank import Bank, Item, item_from_dict

POOL_FACTOR = 3
MAX_POOL = 60


def alternates_of(bank: Bank) -> list[Item]:
    """The bank's ranked ``alternates`` (Items or item dicts), best first; none when absent."""
    out = []
    for n, alt in enumerate(getattr(bank, "alternates", None) or ()):
        if isinstance(alt, Item):
            out.append(alt)
        elif isinstance(alt, dict):
            try:
                out.append(item_from_dict(alt, n, bank.text))
            except Exception:  # an alternate that does not validate is simply not offered
                continue
    return out


def _novelty(item: Item, ids: set[str], sentences: set[str]) -> int:
    """0 = new item on a new sentence, 1 = new item on a sentence already used, 2 = same item."""
    if item.id in ids:
        return 2
    return 1 if item.source.sentence in sentences else 0


def clash(a: Item, b: Item) -> bool:
    """Would the two items in one quiz give each other away (the engine's check between items
    without their drafts)?"""
    from ..engine.portfolio import items_clash

    return items_clash(a, b)


def fresh_items(
    candidates: Iterable[Item], current: Sequence[Item], count: int
) -> tuple[list[Item], list[Item]]:
    """``count`` items from ``candidates``, those unlike ``current`` first (in candidate order),
    none clashing with another (:func:`clash`), returned in article order; and the unused
    candidates (spares for "replace this item")."""
    ids = {it.id for it in current}
    sentences = {it.source.sentence for it in current}
    unique: dict[str, Item] = {}
    for it in candidates:
        unique.setdefault(it.id, it)
    ranked = sorted(unique.values(), key=lambda it: _novelty(it, ids, sentences))  # stable: keeps rank
    chosen: list[Item] = []
    for it in ranked:
        if len(chosen) >= count:
            break
        if not any(clash(it, c) for c in chosen):
            chosen.append(it)
    taken = {it.id for it in chosen}
    spares = [it for it in ranked if it.id not in ids and it.id not in taken]
    return sorted(chosen, key=lambda it: (it.source.start, it.id)), spares


def replacement(spares: Sequence[Item], old: Item, keep: Sequence[Item]) -> Item | None:
    """The best spare to put in place of ``old``: same kind first, never one already in ``keep``,
    preferring a sentence ``keep`` does not use yet."""
    ids = {it.id for it in keep} | {old.id}
    sentences = {it.source.sentence for it in keep}
    others = [it for it in keep if it.id != old.id]
    usable = [s for s in spares if s.id not in ids and not any(clash(s, k) for k in others)]
    if not usable:
        return None
    return min(usable, key=lambda s: (s.kind != old.kind, s.source.sentence in sentences))


def article_of(bank: Bank) -> Article:
    """The bank's article as the engine takes it (offsets in the new items point into the same text)."""
    return Article(text=bank.text, language=bank.language, title=bank.article.get("title") or None)


def pool(bank: Bank, *, seed: int, count: int, options: dict | None = None) -> list[Item]:
    """Candidate items for ``bank``'s article with ``seed``, best first: the engine's own pick of
    ``count`` items and its ranked alternates, then a pool about three times as large."""
    import quizgen

    opts = {k: v for k, v in (options or {}).items() if k in ("kinds", "difficulty", "cloze_choices")}
    article = article_of(bank)
    first = quizgen.generate(article, language=bank.language, count=count, seed=seed, **opts)
    big = quizgen.generate(
        article, language=bank.language, count=min(MAX_POOL, max(count * POOL_FACTOR, count + 10)),
        seed=seed, **opts,
    )  # fmt: skip
    return list(first.items) + alternates_of(first) + list(big.items) + alternates_of(big)
