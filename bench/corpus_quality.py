"""Generate banks for every article of the development corpus and check them with itemcheck.

    python bench/corpus_quality.py [--out DIR] [--seed N] [--limit N]

Writes one bank per article under DIR/id-news and DIR/en-news (default: out/corpus-banks),
then runs ../shared/tools/itemcheck.py --strict over each folder and prints its tables.
Articles that fail to generate are listed with the reason.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "out" / "corpus-banks"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles per folder")
    ap.add_argument("--quiet", action="store_true", help="only the summary tables")
    args = ap.parse_args()
    import quizgen
    from quizgen.errors import QuizgenError

    status = 0
    for corpus in ("id-news", "en-news"):
        src = SHARED / "corpus" / corpus
        if not src.is_dir():
            print(f"no corpus at {src}", file=sys.stderr)
            return 2
        out = Path(args.out) / corpus
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.json"):
            old.unlink()
        files = sorted(src.glob("*.txt"))
        if args.limit:
            files = files[: args.limit]
        failures = []
        t0 = time.perf_counter()
        n_items = 0
        for f in files:
            try:
                bank = quizgen.generate(f, seed=args.seed)
            except QuizgenError as e:
                failures.append((f.name, str(e)))
                continue
            n_items += len(bank.items)
            quizgen.write_bank(bank, out / (f.stem + ".json"))
        took = time.perf_counter() - t0
        print(
            f"== {corpus}: {len(files)} articles, {n_items} items ({n_items / max(len(files), 1):.1f}/article), "
            f"{len(failures)} failures, {took:.1f} s"
        )
        for name, why in failures:
            print(f"   FAILED {name}: {why}")
        cmd = [sys.executable, str(SHARED / "tools" / "itemcheck.py"), "--strict", str(out)]
        res = subprocess.run(cmd, capture_output=True, text=True)
        lines = res.stdout.splitlines()
        if args.quiet:
            start = next((i for i, ln in enumerate(lines) if ln.startswith("check ")), 0)
            lines = lines[start:]
        print("\n".join(lines))
        status |= res.returncode | bool(failures)
    return status


if __name__ == "__main__":
    sys.exit(main())
