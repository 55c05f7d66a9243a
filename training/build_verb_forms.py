#!/usr/bin/env python3
"""Build ``quizgen/lang/en/verb_forms.tsv``: finite verb forms and their lemma, from UD English-EWT.

One command, deterministic::

    python training/build_verb_forms.py

Reads ``../shared/corpus/ud/en_ewt-ud-{dev,test}.conllu`` and keeps every VERB token whose
features say it is finite past (``Tense=Past|VerbForm=Fin``) or third person singular present
(``Number=Sing|Person=3|Tense=Pres``), with its lemma: ``form<TAB>lemma<TAB>past|3sg``, most
frequent reading first. The question writer (:mod:`quizgen.engine.do_support`) uses it to turn
"Duran took out 68 loans" into "How many loans did Duran take out?"; forms not in the table
fall back to regular rules checked against the word-frequency list. UD English-EWT is
CC BY-SA 4.0: so is the table.
"""

from __future__ import annotations

import collections
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UD = ROOT.parent / "shared" / "corpus" / "ud"
OUT = ROOT / "quizgen" / "lang" / "en" / "verb_forms.tsv"


def main() -> int:
    counts: collections.Counter = collections.Counter()
    for name in ("en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"):
        for line in (UD / name).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit() or cols[3] != "VERB":
                continue
            form, lemma, feats = cols[1].lower(), cols[2].lower(), set(cols[5].split("|"))
            if not form.isalpha() or not lemma.isalpha():
                continue
            if {"Tense=Past", "VerbForm=Fin"} <= feats:
                counts[(form, lemma, "past")] += 1
            elif {"Number=Sing", "Person=3", "Tense=Pres"} <= feats:
                counts[(form, lemma, "3sg")] += 1
    best: dict[tuple[str, str], tuple[int, str]] = {}
    for (form, lemma, kind), n in counts.items():
        if (form, kind) not in best or n > best[(form, kind)][0]:
            best[(form, kind)] = (n, lemma)
    lines = [f"{form}\t{lemma}\t{kind}" for (form, kind), (_n, lemma) in sorted(best.items())]
    OUT.write_text(
        "# finite English verb forms and their lemma, from UD English-EWT dev+test (CC BY-SA 4.0);\n"
        "# made by training/build_verb_forms.py\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} forms -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
