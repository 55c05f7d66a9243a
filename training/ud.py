"""Read the shared corpus: UD treebanks (CoNLL-U) and IndoNLU BIO files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
if not CORPUS.exists():  # the worktree layout: /work/wt/<name>/../../shared
    CORPUS = Path("/work/shared/corpus")


@dataclass(frozen=True)
class UDSentence:
    text: str
    words: tuple[str, ...]  # syntactic words
    upos: tuple[str, ...]
    surface: tuple[str, ...]  # surface tokens (a multiword token is one)
    surface_upos: tuple[str, ...]  # a multiword token takes its first word's tag


def read_conllu(path: Path) -> list[UDSentence]:
    out: list[UDSentence] = []
    text = ""
    words: list[str] = []
    upos: list[str] = []
    surf: list[str] = []
    supos: list[str] = []
    skip_until = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[9:]
        elif not line.strip():
            if words:
                out.append(UDSentence(text, tuple(words), tuple(upos), tuple(surf), tuple(supos)))
            text, words, upos, surf, supos, skip_until = "", [], [], [], [], 0
        elif line[0].isdigit():
            cols = line.split("\t")
            ident = cols[0]
            if "." in ident:
                continue
            if "-" in ident:
                a, b = ident.split("-")
                surf.append(cols[1])
                supos.append("")  # filled by the first word
                skip_until = int(b)
                first_of_mwt = int(a)
                continue
            k = int(ident)
            words.append(cols[1])
            upos.append(cols[3])
            if skip_until and k <= skip_until:
                if k == first_of_mwt:
                    supos[-1] = cols[3]
            else:
                surf.append(cols[1])
                supos.append(cols[3])
    if words:
        out.append(UDSentence(text, tuple(words), tuple(upos), tuple(surf), tuple(supos)))
    return out


def tagging_sets(
    lang: str,
) -> tuple[list[tuple[list[str], list[str]]], list[tuple[list[str], list[str]]], list[UDSentence]]:
    """Training and held-out ``(tokens, tags)`` sentences for a language, and the held-out UD sentences.

    Indonesian: train on GSD dev + CSUI train, hold out GSD test + CSUI test (surface tokens).
    English: train on EWT dev + the even-numbered sentences of EWT test, hold out the odd ones
    (syntactic words, as EWT tokenises).
    """
    ud = CORPUS / "ud"
    if lang == "id":
        train = read_conllu(ud / "id_gsd-ud-dev.conllu") + read_conllu(ud / "id_csui-ud-train.conllu")
        test = read_conllu(ud / "id_gsd-ud-test.conllu") + read_conllu(ud / "id_csui-ud-test.conllu")
        pick = lambda s: (list(s.surface), list(s.surface_upos))  # noqa: E731
    elif lang == "en":
        dev = read_conllu(ud / "en_ewt-ud-dev.conllu")
        tst = read_conllu(ud / "en_ewt-ud-test.conllu")
        train = dev + tst[0::2]
        test = tst[1::2]
        pick = lambda s: (list(s.words), list(s.upos))  # noqa: E731
    else:
        raise ValueError(f"no treebank for {lang}")
    return [pick(s) for s in train], [pick(s) for s in test], test


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """IndoNLU ``token<TAB>tag`` files, blank line between sentences."""
    out: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                out.append((toks, tags))
            toks, tags = [], []
            continue
        tok, _, tag = line.rpartition("\t")
        toks.append(tok)
        tags.append(tag.strip())
    if toks:
        out.append((toks, tags))
    return out
