"""Yield of default generation over the development corpora (issue 10).

    python bench/yield.py [--only id|en] [--kinds mcq] [--jobs 2] [--keep DIR] [--why]

Generates a default bank for every article of ``../shared/corpus/id-news`` and of
``../shared/corpus/en-onestopqa-dev.jsonl`` (through :func:`quizgen.batch.run_batch`, as
``quizgen batch`` does) and prints, per corpus:

* the distribution of item counts per bank, and the banks under six items from articles of
  250 words or more (the issue's floor);
* the share of choice items (mcq, and cloze with options) in all items and the lowest share
  of any bank (the goal: at least 60% of every default bank);
* the share of banks with a main-idea item; the failures (articles without a bank);
* the result of ``../shared/tools/itemcheck.py --strict`` on all the banks.

``--kinds mcq`` checks the other floor instead: at least six items from a news article of
300 words or more. ``--why`` counts, over the articles, how many drafts each writer made and
where they were lost (item checks, the ranker's threshold, selection).
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parents[1] / "shared" if (ROOT.parents[1] / "shared").is_dir() else ROOT.parent / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
CORPORA = {
    "id": SHARED / "corpus" / "id-news",
    "en": SHARED / "corpus" / "en-onestopqa-dev.jsonl",
}
sys.path.insert(0, str(ROOT))


def _choice(item: dict) -> bool:
    return item.get("kind") in ("mcq", "cloze") and len(item.get("options") or ()) >= 3


def summarise(name: str, out_dir: Path, report, kinds: str | None) -> dict:
    banks = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out_dir.glob("*.json"))]
    counts = [len(b["items"]) for b in banks]
    n_words = {b["id"]: len(b["article"]["text"].split()) for b in banks}
    floor = 300 if kinds == "mcq" else 250
    short = [
        (b["id"], n_words[b["id"]], len(b["items"]))
        for b in banks
        if n_words[b["id"]] >= floor and len(b["items"]) < 6
    ]
    items = [it for b in banks for it in b["items"]]
    choice = sum(map(_choice, items))
    shares = [sum(map(_choice, b["items"])) / len(b["items"]) for b in banks if b["items"]]
    with_main = sum(any(it.get("skill") == "main_idea" for it in b["items"]) for b in banks)
    skills = collections.Counter(it.get("skill") for it in items)
    kinds_c = collections.Counter(
        it["kind"] + ("+options" if it["kind"] == "cloze" and it.get("options") else "") for it in items
    )
    print(f"\n== {name}: {report.articles} articles, {len(banks)} banks, {len(report.failures)} failures")
    for f in report.failures:
        print(f"   FAILED {f.label}: {f.error[:100]}")
    if counts:
        dist = collections.Counter(counts)
        print("   items per bank: " + ", ".join(f"{k}:{dist[k]}" for k in sorted(dist)))
        print(
            f"   mean {statistics.mean(counts):.1f}, median {statistics.median(counts)}, min {min(counts)}, "
            f"total {sum(counts)}"
        )
        print(f"   banks under 6 items from >= {floor} words: {len(short)}")
        for bid, w, n in short[:10]:
            print(f"      {bid} ({w} words): {n}")
        print(
            f"   choice share: {choice / max(1, len(items)):.1%} of items; lowest bank {min(shares):.0%}; "
            f"banks under 60%: {sum(s < 0.6 for s in shares)}"
        )
        print(f"   banks with a main-idea item: {with_main}/{len(banks)}")
        print("   kinds: " + ", ".join(f"{k} {v}" for k, v in kinds_c.most_common()))
        print("   skills: " + ", ".join(f"{k} {v}" for k, v in skills.most_common()))
    return {
        "articles": report.articles,
        "failures": len(report.failures),
        "counts": counts,
        "short": len(short),
        "choice_share": choice / max(1, len(items)),
        "min_bank_choice_share": min(shares) if shares else None,
        "with_main_idea": with_main,
    }


def why(corpus: Path, limit: int | None) -> None:
    """Where drafts are lost, per writer (template family)."""
    import random

    from quizgen.batch import collect_jobs
    from quizgen.engine.context import Context
    from quizgen.engine.generate import check_drafts, default_count, minimum_count
    from quizgen.engine.options import make_options
    from quizgen.engine.portfolio import _probability, make_drafts, select, threshold, with_level
    from quizgen.intake import load_article
    from quizgen.lang import get_pack
    from quizgen.text import analyse

    made: collections.Counter = collections.Counter()
    checked: collections.Counter = collections.Counter()
    passed: collections.Counter = collections.Counter()
    chosen_c: collections.Counter = collections.Counter()
    cut = threshold()
    jobs = collect_jobs([corpus])[:limit]
    for job in jobs:
        art = load_article(job.path if job.path else job.text.encode(), name=None if job.path else "a.txt")
        pack = get_pack(art.language)
        ctx = Context(analyse(art, pack), pack, getattr(pack, "templates", {}) or {}, seed=0)
        opts = make_options()
        rng = random.Random(0)
        want = default_count(art)
        drafts = make_drafts(ctx, opts, rng, want)

        def fam(d):
            t = d.item.template.split(".", 1)[-1]
            return f"{d.item.kind}:{d.item.skill}:{t}"

        made.update(fam(d) for d in drafts)
        ok = with_level(ctx, check_drafts(ctx, drafts))
        checked.update(fam(d) for d in ok)
        prob = _probability(ctx, ok)
        passed.update(fam(d) for d in ok if prob[id(d)] >= cut and not d.relaxed)
        chosen, _ = select(ctx, ok, opts, want, minimum_count(art, want), rng)
        chosen_c.update(fam(d) for d in chosen)
    print(
        f"\n   drafts over {len(jobs)} articles (threshold {cut:.3f}): made / checked / >= threshold / chosen"
    )
    for k in sorted(made, key=lambda k: -made[k]):
        print(f"   {k:45} {made[k]:6} {checked[k]:6} {passed[k]:6} {chosen_c[k]:6}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=sorted(CORPORA))
    ap.add_argument("--kinds", default=None, help="generate only these kinds (e.g. mcq)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="write the banks here (default: a temporary folder)")
    ap.add_argument("--why", action="store_true", help="count drafts lost per writer and stage")
    ap.add_argument("--limit", type=int, default=None, help="--why: articles per corpus")
    args = ap.parse_args(argv)

    from quizgen.batch import BatchOptions, collect_jobs, run_batch

    status = 0
    results = {}
    for name, corpus in CORPORA.items():
        if args.only and name != args.only:
            continue
        if not corpus.exists():
            print(f"{name}: {corpus} missing, skipped")
            continue
        base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="yield-"))
        out = base / name
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.json"):
            old.unlink()
        report = run_batch(collect_jobs([corpus]), out, BatchOptions(kinds=args.kinds), workers=args.jobs)
        results[name] = summarise(name, out, report, args.kinds)
        if args.kinds is None:
            r = subprocess.run(
                [sys.executable, str(SHARED / "tools" / "itemcheck.py"), "--strict", str(out)],
                capture_output=True,
                text=True,
            )
            tail = r.stdout.strip().splitlines()
            table = [ln for ln in tail if "MISSED" in ln] + tail[-1:]
            print(f"   itemcheck --strict: {'PASS' if r.returncode == 0 else 'FAIL'}")
            for ln in table:
                print(f"      {ln}")
            status |= r.returncode
        if args.why:
            why(corpus, args.limit)
        if results[name]["failures"] or results[name]["short"]:
            status |= 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
