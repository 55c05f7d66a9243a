"""``quizgen take``: a quiz in the terminal."""

from __future__ import annotations

import json
import sys

import click

from .common import friendly_errors


@click.command()
@click.argument("bank", type=click.Path(dir_okay=False))
@click.option("--article/--no-article", default=True, show_default=True, help="Show the article first.")
@click.option("--json", "as_json", is_flag=True, help="End with the result as one JSON line (for scripts).")
@friendly_errors
def take(bank, article, as_json):
    """Take the quiz in BANK in the terminal: read the article, answer each item, see a review.

    Answer an option item with its letter (or number, or its text), a typed item with
    text; an empty line skips. When standard input is not a terminal, answers are read
    from it, one line per item, so a run can be scripted.

    \b
    Example:
        quizgen take bank.json
        printf 'a\\nb\\nPutin\\n' | quizgen take bank.json --no-article
        quizgen take bank.json --no-article --json < answers.txt
    """
    from ..bank import read_bank
    from ..take import article_text, review, run_quiz

    quiz = read_bank(bank)
    stdin = sys.stdin
    interactive = stdin.isatty() and sys.stdout.isatty()
    if not interactive and hasattr(stdin, "reconfigure"):
        stdin.reconfigure(errors="replace")  # answers saved in another encoding: no traceback
    if article:
        if interactive:
            click.echo_via_pager(article_text(quiz))
        else:
            click.echo(article_text(quiz))

    def ask(prompt: str) -> str | None:
        if interactive:
            try:
                return click.prompt(prompt, default="", show_default=False, prompt_suffix="")
            except click.Abort:
                return None
        click.echo(prompt, nl=False)
        line = stdin.readline()
        if not line:
            click.echo("")
            return None
        click.echo(line.rstrip("\n"))  # echo a scripted answer so the transcript reads well
        return line.rstrip("\r\n")

    result = run_quiz(quiz, ask=ask, say=click.echo, retry_invalid=interactive)
    click.echo("\n" + review(quiz, result))
    if as_json:
        s = result.score
        click.echo(
            json.dumps(
                {
                    "bank": quiz.id,
                    "correct": s.correct,
                    "total": s.total,
                    "percent": round(s.percent, 1),
                    "items": {
                        i: {"given": g.given, "correct": g.correct, "how": g.how} for i, g in s.grades.items()
                    },
                },
                ensure_ascii=False,
            )
        )
