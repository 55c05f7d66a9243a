"""``quizgen inspect``: what intake and the text layer made of an article."""

from __future__ import annotations

import json
import sys
import time

import click

from .common import friendly_errors


def layer_to_dict(layer) -> dict:
    """The JSON shape of ``inspect --json``: the article, its sentences, candidates, drops.

    Each sentence carries its ``tokens`` (``text``, ``start``, ``end``, ``upos``) and
    ``clause`` (a verb with a subject: usable as a statement); each candidate its
    ``word_class`` (the UPOS class of the span: PROPN, NOUN, NUM, VERB ...).
    """
    from ..text.wordclass import is_clause

    art = layer.article
    out = art.to_dict()
    out["sentences"] = [
        {
            "index": s.index,
            "text": s.text,
            "start": s.start,
            "end": s.end,
            "paragraph": s.paragraph,
            "tokens": [
                {"text": t.text, "start": t.start, "end": t.end, "upos": t.upos}
                for t in layer.tokens_of(s.index)
            ],
            "clause": is_clause(layer.tokens_of(s.index)),
        }
        for s in layer.sentences
    ]
    out["candidates"] = [
        {
            "text": c.text,
            "type": c.type,
            "subtype": c.subtype,
            "start": c.start,
            "end": c.end,
            "sentence": c.sentence,
            "reasons": list(c.reasons),
            "group": c.group,
            "score": c.score,
            "stem": c.stem,
            "unit": c.unit,
            "value": c.value,
            "word_class": c.word_class,
        }
        for c in layer.candidates
    ]
    out["dropped"] = [
        {"text": d.text, "start": d.start, "end": d.end, "reason": d.reason} for d in layer.dropped
    ]
    out["token_count"] = len(layer.tokens)
    return out


def _human(layer, verbose: bool, took: float) -> None:
    art = layer.article
    echo = click.echo
    echo(f"Title:    {art.title or '(none)'}")
    echo(f"Date:     {art.date_text or '(none)'}" + (f"  [{art.date.isoformat()}]" if art.date else ""))
    echo(f"Language: {art.language}")
    echo(f"Source:   {art.source}")
    echo(
        f"Body:     {len(art.text)} characters, {len(layer.sentences)} sentences, "
        f"{len(layer.tokens)} tokens, {len(layer.candidates)} candidates ({took * 1000:.0f} ms)"
    )
    if art.removed:
        echo("\nRemoved:")
        for r in art.removed:
            echo(f"  - [{r.reason}] {r.text[:100]}")
    echo("\nSentences:")
    for s in layer.sentences:
        echo(f"  {s.index + 1:3}. {' '.join(s.text.split())}")
    echo("\nCandidates:")
    by_sentence: dict[int, list] = {}
    for c in layer.candidates:
        by_sentence.setdefault(c.sentence, []).append(c)
    for si in sorted(by_sentence):
        echo(f"  sentence {si + 1}:")
        for c in by_sentence[si]:
            kind = c.type + (f"/{c.subtype}" if c.subtype else "")
            extra = ""
            if c.type == "number":
                extra = f" value={c.value:g}" + (f" unit={c.unit}" if c.unit else "")
            echo(f"    {c.text!r:32} {kind:20} score {c.score:5.2f}{extra}  ({'; '.join(c.reasons)})")
    if verbose:
        echo("\nWord classes:")
        for s in layer.sentences:
            tags = " ".join(f"{t.text}/{t.upos}" for t in layer.tokens_of(s.index))
            echo(f"  {s.index + 1:3}. {tags}")
        echo("\nDropped:")
        for d in layer.dropped:
            echo(f"  {d.text!r:32} {d.reason}")


@click.command()
@click.argument("article", type=str)
@click.option(
    "--lang", "language", default="auto", show_default=True, help="Article language: auto, id or en."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of the text view.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Also list the spans considered and dropped, with reasons."
)
@friendly_errors
def inspect(article: str, language: str, as_json: bool, verbose: bool) -> None:
    """Show what quizgen makes of ARTICLE (a file, or - for standard input).

    Prints the title, date, language and removed boilerplate found by intake, then the
    numbered body sentences and the answer candidates (people, places, organisations,
    times, numbers, key terms) with their types and the reasons they were kept. With
    -v, also each sentence's tokens with their word class (Universal POS tag) and the
    spans dropped; --json gives per sentence its "tokens" (text, start, end, upos).

    \b
    Example:
        quizgen inspect article.txt
        quizgen inspect article.html --json > article.json
        cat article.txt | quizgen inspect - --lang id -v
    """
    import quizgen

    if article == "-":
        source: str | bytes = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        from pathlib import Path

        if Path(article).is_dir():
            raise click.ClickException(f"{article} is a folder, not a file; give the article's file.")
        if not Path(article).is_file():
            raise click.ClickException(
                f"There is no file {article}. Give an article file, or - to read standard input."
            )
        source, name = article, None
    t0 = time.perf_counter()
    art = quizgen.load_article(source, language=language, name=name)
    layer = quizgen.analyse(art)
    took = time.perf_counter() - t0
    if as_json:
        click.echo(json.dumps(layer_to_dict(layer), ensure_ascii=False, indent=2))
    else:
        _human(layer, verbose, took)
