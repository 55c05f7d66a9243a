"""``quizgen swap``: put ranked alternates in place of items a teacher does not want."""

from __future__ import annotations

import click

from .common import friendly_errors


@click.command()
@click.argument("bank", type=click.Path(dir_okay=False))
@click.argument("item_ids", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the new bank here (default: BANK itself)."
)
@friendly_errors
def swap(bank, item_ids, output):
    """Swap items of BANK (by id) for the generator's next-best drafts.

    Each item named is replaced, in its place, by the best alternate of the same skill
    (or of any skill when none is left); the alternate used leaves the bank's list.

    \b
    Example:
        quizgen swap bank.json m-4f9e4825
        quizgen swap bank.json c-1a2b3c4d t-5e6f7a8b -o bank-v2.json
    """
    from ..bank import read_bank, write_bank
    from ..swap import swap_items

    new, swaps = swap_items(read_bank(bank), list(item_ids))
    write_bank(new, output or bank)
    for s in swaps:
        click.echo(f"{s.old.id} -> {s.new.id} ({s.new.skill or s.new.kind}): {s.new.prompt}", err=True)
    click.echo(f"Wrote {output or bank} ({len(new.alternates)} alternates left).", err=True)
