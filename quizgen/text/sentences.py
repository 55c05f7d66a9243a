"""Sentence splitting with exact offsets: NLTK Punkt plus the pack's abbreviations.

Steps:

1. Paragraphs: ``Article.paragraphs`` when intake gave them, else blocks between blank
   lines. Inside a paragraph a line break ends a sentence when the line ends like a
   sentence (``.``, ``?``, ``!``, ``:``, a closing quote) or is short like a heading;
   other line breaks are wrapped lines. A sentence never crosses a paragraph or such a
   break.
2. Punkt (``PunktSentenceTokenizer`` with ``PunktParameters`` holding the pack's
   abbreviations and, as frequent sentence starters, its stopwords), ``span_tokenize``.
   Punkt already keeps decimals (``3.5%``), dates (``21/10/2025``), ellipses and initials
   (``J. K. Rowling``) inside a sentence.
3. Post-fixes: a "sentence" that starts in lowercase or with a closing quote continues
   the previous one (an abbreviation Punkt did not know), as does one that starts with a
   number after a short capitalised word with a dot (``No. 5``, ``Rp. 5.000``); a list marker (``1.``) starts
   the sentence after it; an ellipsis never ends a sentence; a break inside a quotation that closes later in the
   paragraph is undone (``“Kami siap. Kami datang,” kata dia.`` is one sentence).
"""

from __future__ import annotations

import re
import threading

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..article import Sentence
from .lexicon import Lexicon

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n")
_LINE_END = re.compile(r"[.!?:;…\"”’»)\]]\s*$")
_HEADING_MAX = 60  # a line this short ends where it ends (titles, list items)
_QUOTE_MAX = 300  # a longer quotation is several sentences: it may be split
_SHORT_WORD_END = re.compile(r"(?:^|\s)[^\W\d_a-z][^\W\d_]{0,2}\.$")  # "... No." before a number
_LIST_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,4})[.)]")
_HAS_WORD = re.compile(r"\w")
_SHORT_CAP = re.compile(r"[A-Z][a-z]?\.")  # "Si.", "Se.": one piece of a dotted short name
_SHORT_CAP_END = re.compile(r"(?:^|\s)[A-Z][a-z]?\.$")
_SHORT_CAP_WORD = re.compile(r"[A-Z][a-z]?\b(?!\.)")
_OPENING = re.compile(r"[\s\"“‘'(\[«—–-]*")

_TOKENIZERS: dict[int, tuple[Lexicon, PunktSentenceTokenizer]] = {}
_LOCK = threading.Lock()


def _tokenizer(lex: Lexicon) -> PunktSentenceTokenizer:
    hit = _TOKENIZERS.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    params = PunktParameters()
    params.abbrev_types = _abbreviations(lex)
    # Capitalised stopwords after an abbreviation start a new sentence ("dll. Namun").
    params.sent_starters = {w for w in lex.stopwords if len(w) > 1 and w.isalpha()}
    tok = PunktSentenceTokenizer()
    tok._params = params  # the documented way to use Punkt without training data
    with _LOCK:
        _TOKENIZERS[id(lex)] = (lex, tok)
    return tok


def _short_names(names: dict[str, int]) -> set[str]:
    """Short forms of month and weekday names (``jan``, ``agu``), not the only name of one."""
    count: dict[int, int] = {}
    for num in names.values():
        count[num] = count.get(num, 0) + 1
    return {n for n, num in names.items() if len(n) < 4 and count[num] > 1 and n.isalpha()}


def _abbreviations(lex: Lexicon) -> set[str]:
    """Punkt's abbreviation types: the pack's, short month and weekday names, alphabetic
    currency symbols (``Rp.``). An abbreviation that is also a word (English ``no``) is left
    out: it only counts before a number (``No. 5``), see :func:`_postfix`."""
    out = {a.lower().rstrip(".") for a in lex.pack.abbreviations}
    out = {a for a in out if a not in lex.stopwords}
    out |= _short_names(lex.months) | _short_names(lex.weekdays)
    out |= {c.lower().rstrip(".") for c in lex.currency_symbols if c.rstrip(".").isalpha()}
    return out


def paragraph_spans(text: str, paragraphs: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``: intake's, else blocks between blank lines (trimmed)."""
    if paragraphs:
        blocks = list(paragraphs)
    else:
        blocks, pos = [], 0
        for m in _BLANK_LINES.finditer(text):
            blocks.append((pos, m.start()))
            pos = m.end()
        blocks.append((pos, len(text)))
    out = []
    for a, b in blocks:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at the line breaks that end a sentence (see module docstring)."""
    if "\n" not in text[start:end]:
        return [(start, end)]
    spans, a = [], start
    for m in _NEWLINE.finditer(text, start, end):
        line = text[a : m.start()]
        nxt = text[m.end() : m.end() + 1]
        if line.strip() and (
            _LINE_END.search(line) or (len(line.strip()) <= _HEADING_MAX and not nxt.islower())
        ):
            spans.append((a, m.start()))
            a = m.end()
    spans.append((a, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_QUOTE_CHARS = re.compile(r'[“”"]')


def _quotations(chunk: str) -> list[tuple[int, int]]:
    """``(open, close)`` of each outermost quotation that closes within ``_QUOTE_MAX``."""
    out: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for m in _QUOTE_CHARS.finditer(chunk):
        ch, i = m.group(), m.start()
        if ch == "“":
            new = depth + 1
        elif ch == "”":
            new = max(0, depth - 1)
        else:  # a straight quote opens or closes
            new = 0 if depth else 1
        if depth == 0 and new > 0:
            opened = i
        elif depth > 0 and new == 0 and i - opened <= _QUOTE_MAX:
            out.append((opened, i))
        depth = new
    return out


def _postfix(
    chunk: str, spans: list[tuple[int, int]], starters: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    if len(spans) < 2:
        return spans
    quotes = _quotations(chunk) if ('"' in chunk or "“" in chunk) else []
    q = 0
    out = [spans[0]]
    dotted = False  # the sentence so far ends on a dotted short name glued piece by piece
    for a, b in spans[1:]:
        while q < len(quotes) and quotes[q][1] < a:
            q += 1
        first = _OPENING.match(chunk, a).end()
        head = chunk[first : first + 1]
        before = chunk[out[-1][0] : out[-1][1]].rstrip('"”’»)')
        prev = chunk[out[-1][0] : out[-1][1]].strip()
        piece = chunk[first:b].strip()
        # "oleh Si. Se. Sa dengan ...": a brand or name written as short capitalised pieces
        # with dots, which Punkt cuts at every dot; a lone "Se." is never a sentence
        lone = _SHORT_CAP.fullmatch(piece) is not None and _SHORT_CAP_END.search(prev) is not None
        word = _SHORT_CAP_WORD.match(piece)
        last_piece = dotted and word is not None and word.group().lower() not in starters  # not "Ia", "He"
        glue = (
            lone
            or last_piece
            or head.islower()
            or (head.isdigit() and _SHORT_WORD_END.search(prev) is not None)  # "Rp. 5.000", "No. 5"
            or head in "”’»)"  # a closing quote or bracket belongs to the sentence before
            or _LIST_MARKER.fullmatch(prev) is not None  # "1." begins the next sentence
            or before.endswith(("...", "…"))  # an ellipsis never ends a sentence
            or (q < len(quotes) and quotes[q][0] < a < quotes[q][1])  # inside a quotation
        )
        if glue:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        dotted = lone
    return out


def split_sentences(
    text: str,
    lex: Lexicon,
    paragraphs: tuple[tuple[int, int], ...] = (),
    only: frozenset[int] | None = None,
) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences with offsets into it.

    Args:
        text: The article body.
        lex: The language's lexicon (for abbreviations and stopwords).
        paragraphs: Paragraph spans from intake, if any.
        only: Split only these blocks (indexes into :func:`paragraph_spans`); the others are
            counted, not split, so every sentence keeps its paragraph number (a very long
            text read in part, :mod:`quizgen.text.reading`).

    Returns:
        Sentences in order; ``text[s.start:s.end] == s.text`` for each.
    """
    tok = _tokenizer(lex)
    starters = frozenset(lex.stopwords)
    out: list[Sentence] = []
    par = 0
    for block, (ps, pe) in enumerate(paragraph_spans(text, paragraphs)):
        lines = _line_spans(text, ps, pe)
        if only is not None and block not in only:
            par += (len(lines) - 1 if not paragraphs else 0) + 1
            continue
        # Lines after a paragraph-like break count as paragraphs when intake gave none.
        for li, (ls, le) in enumerate(lines):
            if li and not paragraphs:
                par += 1
            chunk = text[ls:le]
            for a, b in _postfix(chunk, list(tok.span_tokenize(chunk)), starters):
                while a < b and chunk[a].isspace():
                    a += 1
                while b > a and chunk[b - 1].isspace():
                    b -= 1
                piece = chunk[a:b]
                if _HAS_WORD.search(piece):
                    out.append(Sentence(len(out), piece, ls + a, ls + b, par))
        par += 1
    return tuple(out)
