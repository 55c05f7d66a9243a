"""Features of the entity tagger (CRF over lowercased tokens), shared by training and use.

The training text (IndoNLU NERP) is lowercased, so the model sees lowercase words only;
capitalisation enters later, when the text layer combines the model's spans with the
capitalised names it found (see :mod:`quizgen.text.nametypes`). Besides the words of a
window, the features say whether a word belongs to a gazetteer place name, is a title
word (``presiden``, ``kapolres``), an organisation word (``bank``, ``partai``) or a
speech verb (``kata``), all from the language pack.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import shape


@dataclass(frozen=True)
class NerLexicon:
    place_words: frozenset[str]  # words of gazetteer place names
    place_firsts: frozenset[str]
    titles: frozenset[str]  # title and role words
    org_words: frozenset[str]
    speech: frozenset[str]


def ner_lexicon(lang: str) -> NerLexicon:
    """The pack's word lists as the entity tagger uses them (lowercase single words)."""
    from ..lang import get_pack
    from ..text.lexicon import lexicon_for

    lex = lexicon_for(get_pack(lang))
    place_words: set[str] = set()
    firsts: set[str] = set()
    for key in lex.gazetteer:
        parts = key.split()
        place_words.update(parts)
        firsts.add(parts[0])
    titles = {w for t in lex.honorifics for w in t}
    org = {w for c in lex.org_cues for w in c.split()}
    return NerLexicon(
        frozenset(place_words),
        frozenset(firsts),
        frozenset(titles),
        frozenset(org),
        frozenset(lex.person_verbs),
    )


def _word(w: str) -> str:
    return "0" if w.isdigit() else w


def sentence_features(
    words: list[str],
    lex: NerLexicon,
    tags: dict[str, str] | None = None,
    memo: dict | None = None,
) -> list[list[str]]:
    """CRF features for each (lowercased) word of a sentence.

    ``tags`` is the tagger's word list (lowercase word -> ``"NOUN|PROPN"``), if any.
    ``memo`` (a dict kept with the same ``lex`` and ``tags``) caches each word's own
    features and those it gives its neighbours; the features come out the same, in the
    same order.
    """
    if memo is None:
        memo = {}
    low = [w.lower() for w in words]
    n = len(low)
    out: list[list[str]] = []
    for i, w in enumerate(low):
        f = memo.get(words[i])
        if f is None:
            f = memo[words[i]] = _own(words[i], w, lex, tags)
        f = list(f)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                key = (d, low[j])
                part = memo.get(key)
                if part is None:
                    part = memo[key] = _neighbour(d, low[j], lex, tags)
                f.extend(part)
            else:
                f.append(f"{d}pad")
        if i > 0:
            f.append("bg-=" + _word(low[i - 1]) + "|" + _word(w))
        if i + 1 < n:
            f.append("bg+=" + _word(w) + "|" + _word(low[i + 1]))
        if 0 < i < n - 1:
            f.append("tg=" + _word(low[i - 1]) + "|" + _word(w) + "|" + _word(low[i + 1]))
        out.append(f)
    return out


def _own(word: str, w: str, lex: NerLexicon, tags: dict[str, str] | None) -> tuple[str, ...]:
    """The features of a word about itself (``w`` is ``word`` lowercased)."""
    f = ["b", "w=" + _word(w), "sh=" + shape(word), "s3=" + w[-3:], "s2=" + w[-2:], "p3=" + w[:3]]
    if len(w) <= 2:
        f.append("short")
    if w in lex.place_words:
        f.append("gz")
    if w in lex.place_firsts:
        f.append("gzf")
    if w in lex.titles:
        f.append("ti")
    if w in lex.org_words:
        f.append("og")
    if tags is not None:
        f.append("lx=" + tags.get(w, "?"))
    return tuple(f)


def _neighbour(d: int, v: str, lex: NerLexicon, tags: dict[str, str] | None) -> tuple[str, ...]:
    """The features the lowercase word ``v`` gives the word ``d`` positions before it."""
    f = [f"{d}w=" + _word(v)]
    if d in (-1, 1):
        f.append(f"{d}s3=" + v[-3:])
    if v in lex.titles:
        f.append(f"{d}ti")
    if v in lex.place_words:
        f.append(f"{d}gz")
    if v in lex.org_words:
        f.append(f"{d}og")
    if v in lex.speech:
        f.append(f"{d}sp")
    if tags is not None and d in (-1, 1):
        f.append(f"{d}lx=" + tags.get(v, "?"))
    return tuple(f)
