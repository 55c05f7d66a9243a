"""The ``quizgen`` command line: a thin click layer over the library.

Each command lives in its own module and is imported only when it runs, so that
``quizgen --help`` starts fast (no pandas, no Streamlit). Library errors
(:class:`quizgen.errors.QuizgenError`) become one line on stderr and exit status 1.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from .. import __version__

# command name -> (module, attribute, one-line help). Add a command by adding a line.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "inspect": ("quizgen.cli.inspect_cmd", "inspect", "Show what quizgen makes of an article."),
    "generate": ("quizgen.cli.generate_cmd", "generate", "Generate a question bank from an article."),
    "lint": ("quizgen.cli.generate_cmd", "lint", "Check banks against the item-writing rules."),
    "export": ("quizgen.cli.export_cmd", "export", "Export a bank to an LMS or game format."),
    "formats": ("quizgen.cli.export_cmd", "formats", "List the export formats."),
    "import": ("quizgen.cli.export_cmd", "import_", "Read a bank back from json, csv, xlsx or gift."),
    "batch": ("quizgen.cli.batch_cmd", "batch", "Generate banks for many articles in parallel."),
    "swap": ("quizgen.cli.swap_cmd", "swap", "Swap items for the generator's next-best drafts."),
    "take": ("quizgen.cli.take_cmd", "take", "Take a quiz in the terminal."),
    "results": ("quizgen.cli.results_cmd", "results", "Export stored attempts as csv, json or xlsx."),
    "copy-db": ("quizgen.cli.db_cmd", "copy_db", "Copy the whole database into a new, empty one."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted(name for name, (mod, _, _) in COMMANDS.items() if importlib.util.find_spec(mod))

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            return None
        return getattr(mod, attr)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """quizgen: reading-comprehension quizzes from articles (Indonesian and English).

    \b
    Example:
        quizgen inspect article.txt
        quizgen generate article.txt -o bank.json --seed 7
        quizgen export bank.json --format gift -o bank.gift
    """


def main(argv: list[str] | None = None) -> None:
    from ..errors import QuizgenError

    try:
        cli.main(args=argv, prog_name="quizgen", standalone_mode=True)
    except QuizgenError as e:  # raised outside a command's own handling
        click.echo(f"Error: {e}", err=True)
        sys.exit(1)
