"""Benchmark section ``analysis`` (module ``tagging``): part-of-speech tagging and entity tagging speed.

``tagging``: UD tokens + UPOS tags (:func:`quizgen.analysis.tag_spans`) over the sentences
of the development corpus articles (``id-news``: 150 articles, ``en-news``: 60), one
call per article as the text layer makes it. CPU time of the process
(``time.process_time``, so other work on the shared machine does not count), in
milliseconds per 1,000 words (whitespace-separated). "warm": the tagger's per-word-type
cache already holds the words (a process that has analysed articles before: the median
of repeated passes); "cold": the first pass over the corpus after loading the model
(every new word type computed once; the model ships the tables of its 6,000 most frequent
training words), and one article tagged right after loading the model (the median over 40
articles: what a one-off ``quizgen generate`` pays). Target: warm <= 5 ms per 1,000 words. Also the model
load time and the entity tagger (Indonesian, CRF) per 1,000 words (reported).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _docs(lang: str) -> tuple[list[tuple[str, list[tuple[int, int]]]], int]:
    from quizgen.lang import get_pack
    from quizgen.text.lexicon import lexicon_for
    from quizgen.text.sentences import split_sentences

    lex = lexicon_for(get_pack(lang))
    docs = []
    words = 0
    for line in (SHARED / f"{lang}-news.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        docs.append((text, [(s.start, s.end) for s in split_sentences(text, lex)]))
        words += len(text.split())
    return docs, words


def bench_analysis(reps: int, tmp: Path | None = None) -> list:
    from run import Figure  # run.py (the script) imports this module; its Figure

    import quizgen.analysis as qa
    from quizgen.analysis.ner import entities_in

    figs = []
    for lang in ("id", "en"):
        docs, words = _docs(lang)
        qa._TAGGERS.pop(lang, None)
        t0 = time.process_time()
        qa.get_tagger(lang)
        load = time.process_time() - t0
        t0 = time.process_time()
        for text, spans in docs:
            qa.tag_spans(text, spans, lang)
        cold = (time.process_time() - t0) / words * 1000
        warm_runs = []
        for _ in range(reps):
            t0 = time.process_time()
            for text, spans in docs:
                qa.tag_spans(text, spans, lang)
            warm_runs.append((time.process_time() - t0) / words * 1000)
        warm = statistics.median(warm_runs)
        single = []
        for text, spans in docs[:40]:  # one article right after loading the model
            qa._TAGGERS.pop(lang, None)
            qa.get_tagger(lang)
            t0 = time.process_time()
            qa.tag_spans(text, spans, lang)
            single.append((time.process_time() - t0) / len(text.split()) * 1000)
        figs += [
            Figure(f"analysis {lang}: load the UPOS model", load, "s"),
            Figure(
                f"analysis {lang}: tagging per 1,000 words, warm ({len(docs)} articles, {words} words)",
                warm * 1000,
                "ms",
                "<= 5 ms",
                warm * 1000 <= 5.0,
                samples=[w * 1000 for w in warm_runs],
            ),
            Figure(f"analysis {lang}: tagging per 1,000 words, cold (first pass)", cold * 1000, "ms"),
            Figure(
                f"analysis {lang}: tagging per 1,000 words, one article after loading (median of 40)",
                statistics.median(single) * 1000,
                "ms",
                samples=[x * 1000 for x in single],
            ),
        ]
        if lang == "id":
            entities_in(docs[0][0], docs[0][1], lang)  # load the model
            t0 = time.process_time()
            for text, spans in docs:
                entities_in(text, spans, lang)
            ner = (time.process_time() - t0) / words * 1000
            figs.append(Figure(f"analysis {lang}: entity tagger per 1,000 words", ner * 1000, "ms"))
    return figs
