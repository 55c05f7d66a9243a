"""Swap items of a bank for its ranked alternates.

The generator keeps the next-best drafts of an article in the bank's optional ``alternates``
list, best first. A teacher who does not want an item swaps it for the best alternate: one
of the same skill when there is one (a main-idea item stays a main-idea item), otherwise the
best of any skill; never one that asks a fact again or gives another item's key away (the
generator's own check between items, ``engine.portfolio.items_clash``). The item taken out is
dropped (it was not wanted); the alternate used leaves the list, so it cannot come back twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .bank import Bank, Item
from .engine.portfolio import items_clash
from .errors import BankError


@dataclass(frozen=True)
class Swap:
    """One item taken out (``old``) and the alternate put in its place (``new``)."""

    old: Item
    new: Item


def swap_items(bank: Bank, item_ids: list[str]) -> tuple[Bank, list[Swap]]:
    """Replace each item named in ``item_ids`` by the best fitting alternate, in place.

    Raises :class:`BankError` when an id is not an item of the bank or no alternate is left.
    """
    by_id = {it.id: n for n, it in enumerate(bank.items)}
    unknown = [i for i in item_ids if i not in by_id]
    if unknown:
        raise BankError(f"No item with id {', '.join(unknown)} in this bank (its ids: {', '.join(by_id)}).")
    items = list(bank.items)
    pool = list(bank.alternates)
    swaps: list[Swap] = []
    for iid in dict.fromkeys(item_ids):
        n = by_id[iid]
        old = items[n]
        others = [it for k, it in enumerate(items) if k != n]
        taken = {it.id for it in others}
        usable = [a for a in pool if a.id not in taken and not any(items_clash(a, o) for o in others)]
        if not usable:
            raise BankError(
                f"No alternate left to put in place of {iid}: generate the bank again with another "
                "seed, or remove the item in the app's review table."
            )
        new = next((a for a in usable if a.skill and a.skill == old.skill), usable[0])
        pool.remove(new)
        items[n] = new
        swaps.append(Swap(old, new))
    return replace(bank, items=tuple(items), alternates=tuple(pool)), swaps
