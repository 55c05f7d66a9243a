"""``quizgen batch``: banks for many articles, in parallel processes."""

from __future__ import annotations

import os
import sys

import click

from .common import friendly_errors


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(),
    help="Folder to write the banks in (one <article>.json each), or a FILE.parquet for one table of items.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes to run at once, or workers of a local Dask cluster (default: the number of CPUs).",
)
@click.option(
    "--cluster",
    default=None,
    metavar="local|tcp://HOST:PORT",
    help="Run on Dask: 'local' starts a LocalCluster on this machine; an address uses a running scheduler.",
)
@click.option(
    "--lang", "language", default="auto", show_default=True, help="Article language: auto, id or en."
)
@click.option("--count", type=click.IntRange(1, 200), help="Items per article (default: from its length).")
@click.option("--kinds", default=None, help="Comma-separated item kinds (default: all four).")
@click.option(
    "--difficulty", type=click.Choice(["easy", "medium", "hard", "mixed"]), default="mixed", show_default=True
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="Same inputs and seed give the same banks."
)
@click.option(
    "--progress/--no-progress", default=True, show_default=True, help="Show a progress bar on stderr."
)
@friendly_errors
def batch(inputs, out_dir, jobs, cluster, language, count, kinds, difficulty, seed, progress):
    """Generate a bank for every article in INPUTS: files, folders, .jsonl files with a "text" field per line,
    or Parquet tables with a "text" column.

    A failing article is listed at the end with its reason and does not stop the others;
    the exit status is 1 when any article failed.

    \b
    Example:
        quizgen batch ../shared/corpus/id-news -o banks/
        quizgen batch news.jsonl -o banks/ --jobs 2 --count 8 --seed 7
        quizgen batch a.txt b.docx c.pdf -o banks/ --kinds mcq,cloze
        quizgen batch archive.parquet -o items.parquet --cluster local --jobs 2
        quizgen batch ../shared/corpus/id-news -o banks/ --cluster tcp://scheduler:8786
    """
    from ..batch import BatchOptions, collect_jobs, run_batch, summary_table

    job_list = collect_jobs(inputs)
    workers = jobs or os.cpu_count() or 1
    options = BatchOptions(language=language, count=count, kinds=kinds, difficulty=difficulty, seed=seed)
    where = f"Dask cluster {cluster}" if cluster else f"{workers} process(es)"
    click.echo(f"{len(job_list)} article(s), {where} -> {out_dir}", err=True)
    with click.progressbar(
        length=len(job_list), label="Generating", file=sys.stderr, show_pos=True, hidden=not progress
    ) as bar:
        if cluster:
            from ..cluster import run_on_cluster

            report = run_on_cluster(
                job_list,
                out_dir,
                options,
                cluster=cluster,
                workers=workers,
                progress=lambda _o: bar.update(1),
            )
        elif out_dir.lower().endswith(".parquet"):
            report = _to_parquet(job_list, out_dir, options, workers, lambda _o: bar.update(1))
        else:
            report = run_batch(job_list, out_dir, options, workers=workers, progress=lambda _o: bar.update(1))
    if report.failures:
        click.echo(f"\n{len(report.failures)} article(s) failed:", err=True)
        for o in report.failures:
            click.echo(f"  {o.label}: {o.error}", err=True)
    click.echo("", err=True)
    click.echo(summary_table(report), err=True)
    if report.failures:
        raise SystemExit(1)


def _to_parquet(job_list, out_file, options, workers, progress):
    """The single-machine path writing one Parquet table: banks in a temporary folder first."""
    import tempfile
    from pathlib import Path

    from ..batch import run_batch
    from ..cluster import write_items_parquet

    with tempfile.TemporaryDirectory(prefix="quizgen-batch-") as tmp:
        report = run_batch(job_list, tmp, options, workers=workers, progress=progress)
        done = [o for o in report.outcomes if o.ok]
        write_items_parquet(
            [Path(o.output).read_text(encoding="utf-8") for o in done], [o.name for o in done], out_file
        )
    return report
