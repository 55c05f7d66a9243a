"""``quizgen generate`` and ``quizgen lint``."""

from __future__ import annotations

import sys
import time

import click

from .common import friendly_errors

KIND_NAMES = "cloze,mcq,true_false,short_answer"


@click.command()
@click.argument("article", type=str)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the bank here (default: standard output).",
)
@click.option(
    "--lang", "language", default="auto", show_default=True, help="Article language: auto, id or en."
)
@click.option(
    "--count", type=click.IntRange(1, 200), help="Number of items (default: from the article's length)."
)
@click.option("--kinds", default=KIND_NAMES, show_default=True, help="Comma-separated item kinds.")
@click.option(
    "--difficulty", type=click.Choice(["easy", "medium", "hard", "mixed"]), default="mixed", show_default=True
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="Same article, options and seed give the same bank.",
)
@click.option(
    "--cloze-choices/--typed-cloze",
    default=None,
    help="Cloze items always with options, or always typed (default: options; a blank with no safe options is not asked).",
)
@friendly_errors
def generate(article, output, language, count, kinds, difficulty, seed, cloze_choices):
    """Generate a question bank from ARTICLE (a .txt, .md, .html, .docx or .pdf file, or - for standard input).

    Writes the bank (JSON, see the bank format) and a one-line summary on stderr.

    \b
    Example:
        quizgen generate article.txt -o bank.json --seed 7
        quizgen generate article.txt --kinds mcq,cloze --count 10 --difficulty easy
        cat article.txt | quizgen generate - > bank.json
    """
    import quizgen
    from quizgen.bank import write_bank

    source = sys.stdin.buffer.read() if article == "-" else article
    if article != "-":
        from pathlib import Path

        if Path(article).is_dir():
            raise click.ClickException(f"{article} is a folder, not a file; give the article's file.")
        if not Path(article).exists():
            raise click.ClickException(
                f"There is no file {article}. Give an article file, or - to read standard input."
            )
    t0 = time.perf_counter()
    bank = quizgen.generate(
        source,
        language=language,
        count=count,
        kinds=kinds,
        difficulty=difficulty,
        seed=seed,
        cloze_choices=cloze_choices,
    )
    took = time.perf_counter() - t0
    if output:
        write_bank(bank, output)
    else:
        click.echo(bank.to_json(), nl=False)
    kinds_made: dict[str, int] = {}
    for it in bank.items:
        kinds_made[it.kind] = kinds_made.get(it.kind, 0) + 1
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds_made.items()))
    click.echo(
        f"{len(bank.items)} items ({summary}) from '{bank.title[:60]}' [{bank.language}] in {took:.2f} s"
        + (f" -> {output}" if output else ""),
        err=True,
    )
    read = bank.generator.get("read")
    if read:
        click.echo(
            f"A long text: items come from {read['chars'] // 1000} KB of its {read['of'] // 1000} KB "
            f"(the opening and {read['passages'] - 1} passages spread over the rest).",
            err=True,
        )


@click.command()
@click.argument("banks", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Also list warnings.")
@friendly_errors
def lint(banks, warnings):
    """Check BANKS against the item-writing rules; exit 1 when there are errors.

    Lists each problem with the item id: key leaked into the prompt, key not among the
    options or twice, options repeated or of mixed shape, cloze without exactly one blank,
    source not where its offsets say, duplicate items, unbalanced key positions...

    \b
    Example:
        quizgen lint bank.json
        quizgen lint question_banks/*.json --no-warnings
    """
    from quizgen.bank import read_bank
    from quizgen.engine.checks import lint_bank

    errors = 0
    for path in banks:
        bank = read_bank(path)
        problems = lint_bank(bank)
        shown = [p for p in problems if warnings or p.severity == "error"]
        n_err = sum(p.severity == "error" for p in problems)
        errors += n_err
        click.echo(f"{path}: {len(bank.items)} items, {n_err} errors, {len(problems) - n_err} warnings")
        for p in shown:
            click.echo(f"  {p}")
    if errors:
        sys.exit(1)
