#!/usr/bin/env python3
"""Train the draft ranker (``quizgen/engine/rank_model.json``) on blind-review labels.

One command, deterministic (same data -> same weights), a few seconds::

    python training/train_ranker.py                 # train, print held-out figures, write the model
    python training/train_ranker.py --check         # train and compare with the shipped model only
    python training/train_ranker.py --import-labels /work/wt/labels   # first copy new rating rows in

Data: ``training/data/review_labels.jsonl``, one rated item a line (the rows of
``../shared/tools/review.py`` rounds: ``origin`` "gen" for generated items, "human" for expert
OneStopQA items mixed into the packets) plus rows with ``origin`` "expert": expert OneStopQA
items that nobody rated, added with ``--add-expert`` as presumed positives (weight
``--expert-weight``) to show what good multiple-choice items look like.

Model: L2-regularised logistic regression on standardised features (Newton's method), the
strength chosen by cross-validation with folds grouped by article (an article's three
OneStopQA levels count as one); features whose weight comes out against its expected sign
(``FEATURES`` in ``quizgen/engine/rank_features.py``) are dropped and the model refit. All
figures printed are on held-out articles and on generated items only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgen.engine.rank_features import FEATURES, NAMES, item_category, item_features  # noqa: E402
from quizgen.lang import get_pack  # noqa: E402

DATA = ROOT / "training" / "data" / "review_labels.jsonl"
MODEL = ROOT / "quizgen" / "engine" / "rank_model.json"
LAMBDAS = (1.0, 3.0, 10.0, 30.0, 100.0)
FOLDS = 5
EXPERT_WEIGHT = 0.25
MIN_THRESHOLD = 0.4  # a strict teacher keeps about one generated draft in four: a draft near twice that is worth its place
MIN_KEPT = 0.25  # a threshold that would keep fewer drafts than this starves the bank: noise
STANDARDISE = True
SD_FLOOR = (
    0.3  # a rare feature is not blown up: its raw weight stays within 1/SD_FLOOR of its standardised one
)
CATEGORY_FROM_ROUND = 5  # the portfolio engine of issue 10 (earlier rounds rated another generator)
CATEGORY_WINDOW = 20  # a category's rate is mostly that of the last 20 rounds: the writers change
RECENT_PRIOR = 8.0  # pseudo-items pulling a category's recent rate towards its rate over all rounds
CATEGORY_PRIOR = 4.0  # pseudo-items pulling a small category's rate to its language's mean
CATEGORY_WEIGHTS = (0.0, 0.5, 1.0, 1.5, 2.0)
LICENCE = (
    "Weights learned from blind-review ratings of items made from CC BY-SA 4.0 articles "
    "(IndoSum, OneStopEnglish/OneStopQA) and from OneStopQA expert items (CC BY-SA 4.0): "
    "this file is shared under CC BY-SA 4.0."
)


# ------------------------------------------------------------------ data


def read_rows(path: Path = DATA) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _row_key(row: dict) -> tuple:
    it = row["item"]
    return (row.get("round"), row.get("article"), it.get("id"), it.get("prompt"), it.get("answer"))


def write_rows(rows: list[dict], path: Path = DATA) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")


def import_labels(folder: Path, path: Path = DATA) -> int:
    """Append the rated rows of ``folder/*.jsonl`` not yet in ``path``; return how many."""
    rows = read_rows(path)
    seen = {_row_key(r) for r in rows}
    added = 0
    for f in sorted(folder.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("ok") is None or _row_key(row) in seen:
                continue
            seen.add(_row_key(row))
            rows.append(row)
            added += 1
    # rated rows first (by round), presumed expert positives last
    rows.sort(key=lambda r: (r.get("origin") == "expert", str(r.get("round")), str(r.get("article"))))
    write_rows(rows, path)
    return added


def add_expert(corpus: Path, path: Path = DATA) -> int:
    """Add every OneStopQA question once (advanced text) as an unrated presumed positive."""
    rows = [r for r in read_rows(path) if r.get("origin") != "expert"]
    for rec in (json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()):
        if not rec["id"].endswith("-adv"):
            continue
        text = ((rec.get("title") or "") + "\n\n" + rec["text"]).lstrip()
        for n, q in enumerate(rec["questions"]):
            rows.append(
                {
                    "round": "expert-corpus",
                    "lang": rec.get("lang", "en"),
                    "article": rec["id"],
                    "article_text": text,
                    "origin": "expert",
                    "item": {
                        "id": f"expert-{n}",
                        "kind": "mcq",
                        "prompt": q["question"],
                        "options": list(q["options"]),
                        "answer": q["answer"],
                        "accepted": [],
                        "skill": "",
                    },
                    "ok": True,
                    "level": None,
                    "problem": None,
                    "plausible": None,
                    "note": "presumed positive: expert-written OneStopQA item, not rated",
                }
            )
    write_rows(rows, path)
    return sum(r.get("origin") == "expert" for r in rows)


def group_of(row: dict) -> str:
    return re.sub(r"-(adv|int|ele)$", "", str(row.get("article")))


def usable(rows: list[dict]) -> list[dict]:
    """Rated rows, and expert rows whose question no rated row already holds."""
    rated = [r for r in rows if r.get("origin") != "expert" and isinstance(r.get("ok"), bool)]
    prompts = {r["item"]["prompt"] for r in rated}
    extra = [r for r in rows if r.get("origin") == "expert" and r["item"]["prompt"] not in prompts]
    return rated + extra


def featurise(rows: list[dict]) -> np.ndarray:
    out = np.zeros((len(rows), len(NAMES)))
    for i, r in enumerate(rows):
        f = item_features(r["item"], r["article_text"], get_pack(r.get("lang") or "en"))
        out[i] = [f[n] for n in NAMES]
    return out


# ------------------------------------------------------------------ model


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, lam: float, active: np.ndarray) -> dict:
    """L2 logistic regression on standardised ``x[:, active]`` by Newton's method."""
    mean = np.zeros(x.shape[1])
    scale = np.ones(x.shape[1])
    wsum = w.sum()
    mean[active] = (w[:, None] * x[:, active]).sum(0) / wsum
    if STANDARDISE:
        sd = np.sqrt((w[:, None] * (x[:, active] - mean[active]) ** 2).sum(0) / wsum)
        scale[active] = np.maximum(sd, SD_FLOOR)
    z = np.zeros_like(x)
    z[:, active] = (x[:, active] - mean[active]) / scale[active]
    z[:, ~active] = 0.0
    a = np.hstack([np.ones((len(x), 1)), z])
    beta = np.zeros(a.shape[1])
    pen = np.full(a.shape[1], lam)
    pen[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(a @ beta)))
        grad = a.T @ (w * (p - y)) + pen * beta
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(pen + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    weights = beta[1:].copy()
    weights[~active] = 0.0
    return {"intercept": beta[0], "weights": weights, "mean": mean, "scale": scale}


def fit_signed(x: np.ndarray, y: np.ndarray, w: np.ndarray, lam: float) -> dict:
    """:func:`fit`, then drop features fitted against their expected sign and refit."""
    signs = np.array([FEATURES[n][0] for n in NAMES])
    active = x.std(0) > 1e-12
    while True:
        model = fit(x, y, w, lam, active)
        wrong = active & (signs * model["weights"] < 0)
        if not wrong.any():
            return model
        active = active & ~wrong


def predict(model: dict, x: np.ndarray) -> np.ndarray:
    z = model["intercept"] + ((x - model["mean"]) / model["scale"]) @ model["weights"]
    return 1.0 / (1.0 + np.exp(-z))


def auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


def folds_of(groups: list[str], k: int = FOLDS) -> np.ndarray:
    """Fold number per row: groups ordered by a hash of their name, dealt round-robin."""
    names = sorted(set(groups), key=lambda g: hashlib.sha1(g.encode()).hexdigest())
    fold = {g: i % k for i, g in enumerate(names)}
    return np.array([fold[g] for g in groups])


def out_of_fold(x, y, w, folds, lam) -> np.ndarray:
    p = np.zeros(len(y))
    for k in sorted(set(folds.tolist())):
        test = folds == k
        model = fit_signed(x[~test], y[~test], w[~test], lam)
        p[test] = predict(model, x[test])
    return p


def choose_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The threshold (grid of 0.01) maximising F0.5 on held-out predictions among those that
    keep at least :data:`MIN_KEPT` of the drafts, and at least :data:`MIN_THRESHOLD`."""
    best, best_t = -1.0, 0.5
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        kept = p >= t
        tp = float((kept & (y == 1)).sum())
        if not tp or kept.mean() < MIN_KEPT:
            continue
        prec, rec = tp / kept.sum(), tp / (y == 1).sum()
        f = 1.25 * prec * rec / (0.25 * prec + rec)
        if f > best + 1e-12:
            best, best_t = f, float(t)
    return max(best_t, MIN_THRESHOLD)


def figures(y, p, t, groups, top=8) -> dict:
    kept = p >= t
    tp = int((kept & (y == 1)).sum())
    at_top = []
    for g in sorted(set(groups)):
        idx = np.array([i for i, gg in enumerate(groups) if gg == g])
        best = idx[np.argsort(-p[idx], kind="stable")][:top]
        at_top.extend(y[best].tolist())
    return {
        "n": int(len(y)),
        "base_rate": round(float(y.mean()), 3),
        "auc": round(auc(y, p), 3),
        "kept_share": round(float(kept.mean()), 3),
        "precision": round(tp / max(1, int(kept.sum())), 3),
        "recall": round(tp / max(1, int((y == 1).sum())), 3),
        f"precision_top{top}_per_article": round(float(np.mean(at_top)), 3) if at_top else None,
    }


def train(rows: list[dict], expert_weight: float = EXPERT_WEIGHT, verbose: bool = True) -> dict:
    rows = usable(rows)
    if not rows:
        raise SystemExit("no labelled rows in training/data/review_labels.jsonl")
    x = featurise(rows)
    y = np.array([1.0 if r["ok"] else 0.0 for r in rows])
    w = np.array([expert_weight if r["origin"] == "expert" else 1.0 for r in rows])
    groups = [group_of(r) for r in rows]
    folds = folds_of(groups)
    gen = np.array([r["origin"] == "gen" for r in rows])
    say = print if verbose else (lambda *a, **k: None)
    counts = {o: int(sum(r["origin"] == o for r in rows)) for o in ("gen", "human", "expert")}
    say(f"rows: {counts} from {len(set(groups))} articles; kept share of generated: {y[gen].mean():.2f}")

    scores = {}
    for lam in LAMBDAS:
        p = out_of_fold(x, y, w, folds, lam)
        scores[lam] = (auc(y[gen], p[gen]), p)
        say(f"  lambda {lam:6.1f}: held-out AUC on generated items {scores[lam][0]:.3f}")
    lam = max(LAMBDAS, key=lambda k: (round(scores[k][0], 3), k))  # ties -> stronger penalty
    p = scores[lam][1]
    # the category's keep rate, counted on held-out folds, added in log-odds: its weight is
    # the one that orders held-out drafts best (ties -> the smaller weight)
    push = category_out_of_fold(rows, folds)
    latest = max(_round_number(r.get("round")) for r, g in zip(rows, gen, strict=True) if g)
    recent = gen & np.array([_round_number(r.get("round")) > latest - CATEGORY_WINDOW for r in rows])
    weights = {cw: auc(y[recent], _blend(p, push, cw)[recent]) for cw in CATEGORY_WEIGHTS}
    for cw, a in weights.items():
        say(f"  category weight {cw:4.2f}: held-out AUC on the last {CATEGORY_WINDOW} rounds' generated items {a:.3f}")
    cweight = max(CATEGORY_WEIGHTS, key=lambda k: (round(weights[k], 3), -k))
    p = _blend(p, push, cweight)
    t = choose_threshold(y[gen], p[gen])
    ggen = [g for g, m in zip(groups, gen, strict=True) if m]
    cv = figures(y[gen], p[gen], t, ggen)
    by_lang = {}
    for lang in sorted({r.get("lang") for r in rows}):
        m = gen & np.array([r.get("lang") == lang for r in rows])
        if m.any():
            by_lang[lang] = figures(y[m], p[m], t, [g for g, mm in zip(groups, m, strict=True) if mm])
    say(
        f"chosen lambda {lam}; threshold {t:.2f} (max F0.5 held out keeping >= {MIN_KEPT:.0%}, at least {MIN_THRESHOLD})"
    )
    say(f"held-out, generated items: {cv}")
    for lang, fig in by_lang.items():
        say(f"  {lang}: {fig}")

    rounds = sorted({str(r.get("round")) for r in rows if r["origin"] == "gen"}, key=lambda n: (_round_number(n), n))
    by_round = None
    if len(rounds) >= 2:  # the most honest figure: train on earlier rounds, test on the last
        last = np.array([str(r.get("round")) == rounds[-1] for r in rows])
        older = ~last | ~gen
        older &= ~np.isin(
            np.array(groups), np.array(sorted({g for g, m in zip(groups, last & gen, strict=True) if m}))
        )
        model_old = fit_signed(x[older], y[older], w[older], lam)
        m = last & gen
        table_old = category_rates([r for r, o in zip(rows, older, strict=True) if o])
        pl = _blend(predict(model_old, x[m]), category_push([r for r, k in zip(rows, m, strict=True) if k], table_old), cweight)
        by_round = {
            "test_round": rounds[-1],
            **figures(y[m], pl, t, [g for g, mm in zip(groups, m, strict=True) if mm]),
        }
        say(f"trained on earlier rounds, tested on round {rounds[-1]}: {by_round}")

    model = fit_signed(x, y, w, lam)
    table = category_rates(rows)
    order = np.argsort(-np.abs(model["weights"]), kind="stable")
    say("weights (per standard deviation), largest first:")
    for i in order:
        if model["weights"][i]:
            say(f"  {NAMES[i]:24s} {model['weights'][i]:+.3f}  {FEATURES[NAMES[i]][1]}")
    dropped = [n for n, wt in zip(NAMES, model["weights"], strict=True) if not wt]
    say(f"  (weight 0: {', '.join(dropped)})")
    return {
        "format": "quizgen.ranker",
        "version": 1,
        "features": list(NAMES),
        "mean": [round(float(v), 6) for v in model["mean"]],
        "scale": [round(float(v), 6) for v in model["scale"]],
        "weights": [round(float(v), 6) for v in model["weights"]],
        "intercept": round(float(model["intercept"]), 6),
        "threshold": t,
        "lambda": lam,
        "expert_weight": expert_weight,
        "trained_on": {**counts, "articles": len(set(groups)), "rounds": rounds},
        "held_out": cv,
        "held_out_by_language": by_lang,
        "held_out_last_round": by_round,
        "category_weight": cweight,
        "category_keep": table[0],
        "category_mean": table[1],
        "licence": LICENCE,
    }


def _round_number(name: str) -> int:
    m = re.match(r"r(\d+)", str(name or ""))
    return int(m.group(1)) if m else -1


def _category(row: dict) -> str:
    return item_category(row["item"], get_pack(row.get("lang") or "en"), row.get("article_text"))


def category_rates(rows: list[dict]) -> tuple[dict[str, dict[str, list]], dict[str, float]]:
    """Keep rate of each item category per language (``item_category``: a blank on a figure,
    a false statement among true ones, a typed name ...): counted on the generated items of
    the last ``CATEGORY_WINDOW`` rounds the rows hold, and pulled by ``RECENT_PRIOR``
    pseudo-items towards the category's rate over all rounds since ``CATEGORY_FROM_ROUND``
    (itself pulled towards the language's mean by ``CATEGORY_PRIOR``), so that a category
    the selection stopped making keeps what reviewers said of it: ``({lang: {category: [rate,
    items]}}, {lang: mean of the last rounds})``."""
    latest = max((_round_number(r.get("round")) for r in rows if r.get("origin") == "gen"), default=0)
    every: dict[str, dict[str, list[int]]] = {}
    recent: dict[str, dict[str, list[int]]] = {}
    for r in rows:
        n = _round_number(r.get("round"))
        if r.get("origin") != "gen" or n < CATEGORY_FROM_ROUND:
            continue
        lang, cat = r.get("lang") or "", _category(r)
        for tally, take in ((every, True), (recent, n > latest - CATEGORY_WINDOW)):
            if take:
                t = tally.setdefault(lang, {}).setdefault(cat, [0, 0])
                t[0] += bool(r["ok"])
                t[1] += 1

    def mean_of(cats: dict[str, list[int]]) -> float:
        total = sum(n for _k, n in cats.values())
        return sum(k for k, _n in cats.values()) / total if total else 0.0

    rates: dict[str, dict[str, list]] = {}
    means: dict[str, float] = {}
    for lang, cats in sorted(every.items()):
        long_mean = mean_of(cats)
        near = recent.get(lang, {})
        means[lang] = round(mean_of(near) if near else long_mean, 3)
        rates[lang] = {}
        for cat, (k, n) in sorted(cats.items()):
            long_rate = (k + CATEGORY_PRIOR * long_mean) / (n + CATEGORY_PRIOR)
            kr, nr = near.get(cat, (0, 0))
            rates[lang][cat] = [round((kr + RECENT_PRIOR * long_rate) / (nr + RECENT_PRIOR), 3), n]
    return rates, means


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-3, 1 - 1e-3)
    return np.log(p / (1 - p))


def category_push(rows: list[dict], table: tuple[dict, dict]) -> np.ndarray:
    """Per row, its category's rate in log-odds against its language's mean (0 when the
    table has neither): what ``rank.keep_probability`` adds, times the category weight."""
    rates, means = table
    out = np.zeros(len(rows))
    for i, r in enumerate(rows):
        lang = r.get("lang") or ""
        hit = rates.get(lang, {}).get(_category(r)) if r.get("origin") == "gen" else None
        if hit and lang in means:
            out[i] = float(_logit(np.array(hit[0])) - _logit(np.array(means[lang])))
    return out


def category_out_of_fold(rows: list[dict], folds: np.ndarray) -> np.ndarray:
    """:func:`category_push` with each fold's rates counted on the other folds only."""
    out = np.zeros(len(rows))
    for k in sorted(set(folds.tolist())):
        test = folds == k
        table = category_rates([r for r, t in zip(rows, test, strict=True) if not t])
        out[test] = category_push([r for r, t in zip(rows, test, strict=True) if t], table)
    return out


def _blend(p: np.ndarray, push: np.ndarray, weight: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(_logit(p) + weight * push)))


def same_model(a: dict, b: dict, tol: float = 0.02) -> bool:
    """Whether two trainings agree: same features, weights within ``tol``. The tolerance
    absorbs tiny drifts of shared data (a stopword added to a pack, a new wordfreq release);
    a new round of labels or a hand-edited weight moves them far more."""
    if a["features"] != b["features"] or abs(a["threshold"] - b["threshold"]) > 0.02:
        return False
    pairs = [(a["intercept"], b["intercept"])]
    for k in ("mean", "scale", "weights"):
        pairs += list(zip(a[k], b[k], strict=True))
    return all(math.isclose(u, v, abs_tol=tol) for u, v in pairs)


def readme_table(model: dict) -> str:
    """The held-out figures as the README's markdown table."""
    head = (
        "| | items | kept by reviewers | AUC | kept at threshold | precision there | "
        "precision of the 8 best per article |\n| --- | --- | --- | --- | --- | --- | --- |\n"
    )
    rows = [("all", model["held_out"])] + [
        ({"id": "Indonesian", "en": "English"}.get(k, k), v) for k, v in model["held_out_by_language"].items()
    ]
    if model.get("held_out_last_round"):
        rows.append(
            (
                f"round {model['held_out_last_round']['test_round']} (trained on earlier rounds)",
                model["held_out_last_round"],
            )
        )
    return head + "".join(
        f"| {name} | {f['n']} | {f['base_rate']:.0%} | {f['auc']:.2f} | {f['kept_share']:.0%} | "
        f"{f['precision']:.2f} | {f['precision_top8_per_article']:.2f} |\n"
        for name, f in rows
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument(
        "--import-labels", type=Path, metavar="DIR", help="copy new rated rows of DIR/*.jsonl first"
    )
    ap.add_argument(
        "--add-expert", type=Path, metavar="JSONL", help="(re)add OneStopQA items as presumed positives"
    )
    ap.add_argument("--expert-weight", type=float, default=EXPERT_WEIGHT)
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the shipped model differs")
    args = ap.parse_args(argv)
    if args.import_labels:
        print(f"imported {import_labels(args.import_labels, args.data)} new rows")
    if args.add_expert:
        print(f"{add_expert(args.add_expert, args.data)} expert rows")
    model = train(read_rows(args.data), args.expert_weight)
    print("\n" + readme_table(model))
    if args.check:
        shipped = json.loads(args.out.read_text(encoding="utf-8"))
        ok = same_model(model, shipped)
        print("shipped model matches" if ok else "shipped model DIFFERS from a fresh training")
        return 0 if ok else 1
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
