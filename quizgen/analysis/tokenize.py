"""Tokens as the Universal Dependencies treebanks cut them, with exact offsets.

Unlike :func:`quizgen.text.tokens.tokenize` (words only, for the candidate finders),
these tokens include punctuation and follow the treebanks' conventions, so the tagger
sees what it was trained on:

- English (EWT): clitics are their own tokens (``do`` + ``n't``, ``Kim`` + ``'s``,
  ``we`` + ``'ve``); hyphenated words are split at the hyphen (``long`` ``-`` ``term``)
  except a few fixed forms (``e-mail``).
- Indonesian (GSD, CSUI): hyphenated words stay whole (``negara-negara``,
  ``Jong-un``); clitics stay on their word (``rumahnya``), as the treebanks' surface
  tokens do.
- Both: numbers keep their separators (``1.000``, ``2,5``, ``21/10/2025``), a currency
  glued to its number is cut off (``Rp`` ``9.000``), dotted abbreviations keep their dots
  (``U.S.``, ``Dr.`` when the pack lists it), site and file names stay whole
  (``Space.com``), runs of dots, dashes, ``!``/``?`` or one symbol are one token
  (``...``, ``--``, ``!!!``), any other symbol is a token of its own.

Every token satisfies ``text[t.start:t.end] == t.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

_EN_CLITIC = re.compile(r"(?i)(n[’']t|[’'](?:s|re|ve|m|ll|d))$")
_EN_KEEP_HYPHEN = frozenset({"e-mail", "e-mails", "x-ray", "t-shirt", "co-op", "re-election"})

_CORE = r"""
      (?:https?://|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)\]]     # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                          # e-mail addresses
    | [\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|co\.id|go\.id|ac\.id|id|uk|doc|pdf|html?)\b  # file and site names
    | (?:[^\W\d_]\.){2,}                                   # dotted abbreviations: U.S. a.m.
    | (?:Rp|US\$|S\$|RM)(?=\d)                              # a currency glued to its number: Rp9.000
    | \d+(?:[.,/:]\d+)*(?:-\d+)*(?:[^\W\d_]+)?               # numbers: 2,5 1.000.000 21/10/2025 1990s 646-2600
    | [^\W_]+(?:[-‐‑'’][^\W_]+)*                            # words, hyphenated, with apostrophes
    | \.{2,} | …                                            # ellipses
    | -{2,} | [—–]                                          # dashes
    | [!?]{2,} | \.[?!]+                                    # "!!!", "?!", ".?"
    | ([^\w\s])\1+                                          # a run of one symbol: "**", "___"
    | [^\s]                                                 # any other symbol
"""
_TOKEN = re.compile(_CORE, re.VERBOSE)


@lru_cache(maxsize=8)
def _abbreviations(lang: str) -> frozenset[str]:
    """Lowercase abbreviations (without the dot) that keep their dot: the pack's list."""
    try:
        from ..lang import get_pack

        pack = get_pack(lang)
        return frozenset(a.lower().rstrip(".") for a in pack.abbreviations if a.rstrip("."))
    except Exception:  # an unknown language still tokenises  # noqa: BLE001
        return frozenset()


def _split_en(word: str, start: int, out: list[tuple[str, int, int]]) -> None:
    """English: split a word at hyphens and before its clitic, as EWT does."""
    low = word.lower()
    if ("-" in word or "‐" in word or "‑" in word) and low not in _EN_KEEP_HYPHEN:
        pos = start
        for part in re.split(r"([-‐‑])", word):
            if part:
                _split_en(part, pos, out) if part not in "-‐‑" else out.append((part, pos, pos + 1))
                pos += len(part)
        return
    m = _EN_CLITIC.search(word)
    if m and m.start() > 0:
        cut = m.start()
        if low == "can't" or low == "can’t":  # "ca" + "n't" in EWT
            cut = 2
        elif low in ("won't", "won’t"):
            cut = 2
        out.append((word[:cut], start, start + cut))
        out.append((word[cut:], start + cut, start + len(word)))
        return
    if low in ("cannot",):
        out.append((word[:3], start, start + 3))
        out.append((word[3:], start + 3, start + len(word)))
        return
    out.append((word, start, start + len(word)))


def token_spans(text: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """``(token, start, end)`` for ``text[start:end]``, offsets into ``text``.

    Example:
        >>> [t for t, _, _ in token_spans("I don't know.", "en")]
        ['I', 'do', "n't", 'know', '.']
    """
    end = len(text) if end is None else end
    abbrevs = _abbreviations(lang)
    out: list[tuple[str, int, int]] = []
    add = out.append
    en = lang == "en"
    skip = -1  # a dot already taken by the abbreviation before it
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        if a < skip:
            continue
        tok = m.group()
        if b + 1 < end and text[b] == "." and tok.isalpha() and tok.lower() in abbrevs:
            # "Dr." keeps its dot unless it ends the text (then it is a full stop)
            nxt = text[b + 1]
            if nxt.isspace() or nxt in ",;:":
                add((text[a : b + 1], a, b + 1))
                skip = b + 1
                continue
        if (
            en
            and tok[0].isalpha()
            and ("'" in tok or "’" in tok or "-" in tok or "‐" in tok or "‑" in tok or len(tok) == 6)
        ):
            _split_en(tok, a, out)
        else:
            add((tok, a, b))
    return out
