"""``quizgen swap`` and quizgen.swap: an item replaced by a ranked alternate, in place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quizgen
from quizgen.bank import read_bank, write_bank
from quizgen.errors import BankError
from quizgen.swap import swap_items

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "id-kim-putin-2024.txt"


@pytest.fixture(scope="module")
def bank():
    b = quizgen.generate(SAMPLE, seed=3)
    assert b.alternates, "the engine keeps ranked alternates"
    return b


def test_swap_puts_the_best_alternate_of_the_same_skill_in_place(bank):
    old = bank.items[0]
    new, swaps = swap_items(bank, [old.id])
    assert [s.old.id for s in swaps] == [old.id]
    put = new.items[0]
    assert put.id == swaps[0].new.id and put.id not in {it.id for it in bank.items}
    from quizgen.engine.portfolio import items_clash

    # the best alternate of the same skill that clashes with no item kept, else the best of any
    fitting = [a for a in bank.alternates if not any(items_clash(a, o) for o in bank.items[1:])]
    same_skill = [a for a in fitting if a.skill == old.skill]
    assert put == (same_skill[0] if same_skill else fitting[0])
    assert [it.id for it in new.items[1:]] == [it.id for it in bank.items[1:]]
    assert len(new.alternates) == len(bank.alternates) - 1 and put not in new.alternates


def test_unknown_id_and_no_alternates_left_are_clear_errors(bank):
    with pytest.raises(BankError, match="No item with id nope"):
        swap_items(bank, ["nope"])
    with pytest.raises(BankError, match="No alternate left"):
        from dataclasses import replace

        swap_items(replace(bank, alternates=()), [bank.items[0].id])


def test_cli_swap_writes_a_valid_bank(bank, tmp_path):
    path = tmp_path / "bank.json"
    write_bank(bank, path)
    target = bank.items[-1].id
    r = subprocess.run(
        [sys.executable, "-m", "quizgen", "swap", str(path), target, "-o", str(tmp_path / "v2.json")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert f"{target} -> " in r.stderr
    v2 = read_bank(tmp_path / "v2.json")
    assert target not in {it.id for it in v2.items} and len(v2.items) == len(bank.items)
    r = subprocess.run(
        [sys.executable, "-m", "quizgen", "swap", str(path), "x-0"], capture_output=True, text=True
    )
    assert r.returncode == 1 and "No item with id x-0" in r.stderr and "Traceback" not in r.stderr


def test_an_alternate_taken_into_the_items_leaves_the_alternates(bank):
    """The Create page's regenerate put alternates among the items and kept them in the list
    too: the saved bank was refused ("id already used by another item")."""
    from quizgen.bank import bank_from_dict

    mixed = bank.with_items([bank.alternates[0], *bank.items[1:]])
    assert bank.alternates[0].id not in {a.id for a in mixed.alternates}
    assert bank_from_dict(__import__("json").loads(mixed.to_json())).items == mixed.items
