#!/usr/bin/env python3
"""Turn one blind-review round into rows of ``training/data/review_labels.jsonl``.

    python training/review_rows.py ROUND_DIR ROUND_NAME LANG OUT.jsonl
    python training/train_ranker.py --import-labels OUT_FOLDER

ROUND_DIR is a folder made by ``../shared/tools/review.py packets`` after the reviewer wrote
``ratings.json`` into it: ``key.json`` says which item is which (generated or expert),
``packetN.txt`` holds the article text, ``ratings.json`` the reviewer's verdicts.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def article_texts(folder: Path) -> dict[str, str]:
    """Packet number -> the article's text as the reviewer saw it."""
    out = {}
    for p in sorted(folder.glob("packet*.txt")):
        n = re.sub(r"\D", "", p.stem)
        text = p.read_text(encoding="utf-8")
        m = re.search(r"={20,}\n(.*?)\n={20,}\n", text, re.S)
        out[n] = m.group(1).strip() if m else ""
    return out


def rows(folder: Path, round_name: str, lang: str) -> list[dict]:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    ratings = json.loads((folder / "ratings.json").read_text(encoding="utf-8"))["items"]
    texts = article_texts(folder)
    out = []
    for iid, k in key.items():
        r = ratings.get(iid)
        if not r:
            continue
        item = {f: k.get(f) for f in ("accepted", "answer", "id", "kind", "options", "prompt")}
        item["skill"] = k.get("skill")
        out.append(
            {
                "article": k.get("article"),
                "article_text": texts.get(iid.split(".")[0], ""),
                "item": item,
                "lang": lang,
                "level": r.get("level"),
                "note": r.get("note"),
                "ok": r.get("ok"),
                "origin": k.get("origin"),
                "plausible": r.get("plausible"),
                "problem": r.get("problem"),
                "round": round_name,
            }
        )
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    folder, round_name, lang, out = Path(argv[0]), argv[1], argv[2], Path(argv[3])
    got = rows(folder, round_name, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in got), encoding="utf-8")
    print(f"{len(got)} rated items -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
