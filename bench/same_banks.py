"""Check that a speed change leaves the output alone: same banks, same ``inspect --json``.

Generates the default bank (seed 0) of the first 60 articles of ``corpus/id-news``, the first
10 English articles of ``corpus/en-onestopqa-dev.jsonl`` and the sample article, keeps each
bank's items and alternates (the ``created`` field aside) and the sample's
``quizgen inspect --json`` output, and compares them with a reference written before the
change.

Example:
    python bench/same_banks.py --write      # before the change: write the reference
    python bench/same_banks.py              # after it: prints "0 differences" or what differs
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared")
SAMPLE = ROOT / "tests" / "data" / "id-kim-putin-2024.txt"
DEFAULT_REF = Path("/tmp/quizgen-same-banks-ref.json")
sys.path.insert(0, str(ROOT))


def articles() -> list[tuple[str, str, str]]:
    """``(label, language, text)`` of every article checked."""
    out = []
    for p in sorted((SHARED / "corpus" / "id-news").glob("*.txt"))[:60]:
        out.append((f"id/{p.name}", "id", p.read_text(encoding="utf-8")))
    with open(SHARED / "corpus" / "en-onestopqa-dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for r in [r for r in rows if r.get("lang", "en") == "en"][:10]:
        out.append((f"en/{r['id']}", "en", r["text"]))
    out.append(("sample", "id", SAMPLE.read_text(encoding="utf-8")))
    return out


def bank_of(job: tuple[str, str, str]) -> tuple[str, str]:
    import quizgen

    label, lang, text = job
    try:
        d = quizgen.generate(text, language=lang, seed=0).to_dict()
    except Exception as e:  # a failure is output too: it must stay the same
        return label, f"error: {type(e).__name__}: {e}"
    kept = {"items": d.get("items", []), "alternates": d.get("alternates", [])}
    return label, json.dumps(kept, ensure_ascii=False, sort_keys=True)


def inspect_json() -> str:
    cmd = [sys.executable, "-m", "quizgen", "inspect", "--json", str(SAMPLE)]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT, env=env).stdout


def outputs(jobs: int) -> dict[str, str]:
    with ProcessPoolExecutor(jobs) as ex:
        got = dict(ex.map(bank_of, articles()))
    got["inspect --json sample"] = inspect_json()
    return got


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the reference instead of comparing")
    ap.add_argument("--ref", type=Path, default=DEFAULT_REF, help=f"reference file (default {DEFAULT_REF})")
    ap.add_argument("--jobs", type=int, default=4)
    args = ap.parse_args()
    got = outputs(args.jobs)
    if args.write:
        args.ref.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
        print(f"reference of {len(got)} outputs written to {args.ref}")
        return 0
    ref = json.loads(args.ref.read_text(encoding="utf-8"))
    diff = sorted(k for k in ref.keys() | got.keys() if ref.get(k) != got.get(k))
    for k in diff:
        print(f"DIFFERENT: {k}")
    print(f"{len(diff)} differences in {len(ref)} outputs")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
