"""Number and quantity candidates with their parsed value and unit.

``2 persen``, ``2,5 persen``, ``50%``, ``Rp 5 triliun``, ``US$3.5 million``,
``48 miliar dollar AS``, ``18 kotak``, ``dua orang``. The value is the full number
(``Rp 5 triliun`` -> 5e12, unit ``Rp``); the unit is the currency, the unit word, the
counted noun, or the scale word when there is nothing else (``3.5 million``).
Decimal separators follow the language: ``2,5`` and ``1.000`` in Indonesian,
``2.5`` and ``1,000`` in English; a number with both uses the last one as decimal point.
"""

from __future__ import annotations

import re
import threading

from ..article import Token
from .found import Found
from .lexicon import Lexicon
from .times import RELATIVE_WORDS
from .tokens import tokenize
from .windows import windows

_PERCENT_WORDS = frozenset({"%", "persen", "percent", "per cent", "pct", "prozent", "procent"})
_SCORES = {"percent": 3.5, "currency": 3.5, "quantity": 3.0, "count": 2.5, "number": 1.5}
_WORD_AFTER = r"(?:\s+(?P<word>[^\W\d_][\w’'-]*)(?:\s+(?P<acr>[A-Z]{2,3})\b)?)?"

_CACHE: dict[int, tuple[Lexicon, re.Pattern, re.Pattern]] = {}
_LOCK = threading.Lock()


def _has_digit(word: str) -> bool:
    """Whether a token holds a number: it starts or ends with a digit (``5``, ``Rp5``)."""
    return word[0].isdigit() or word[-1].isdigit()


def parse_number(s: str, decimal_comma: bool) -> float:
    """Parse a number as written (``"2,5"``, ``"1.000.000"``, ``"3.5"``, ``"1,234.56"``).

    Args:
        s: Digits with ``.`` and ``,`` separators.
        decimal_comma: Whether the language writes the decimal point as a comma.

    Returns:
        The value.

    Raises:
        ValueError: If ``s`` is not such a number.
    """
    s = s.strip()
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", s):
        raise ValueError(f"not a number: {s!r}")
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        return float(s.replace(thou, "").replace(dec, "."))
    sep = "." if "." in s else "," if "," in s else ""
    if not sep:
        return float(s)
    parts = s.split(sep)
    if len(parts) > 2:  # 1.000.000 or 1,000,000
        return float("".join(parts))
    whole, frac = parts
    thousands_sep = "." if decimal_comma else ","
    if len(frac) == 3 and sep == thousands_sep and whole != "0":
        return float(whole + frac)
    return float(whole + "." + frac)


def _patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1], hit[2]
    digits = re.compile(
        rf"(?<![\w.,/$€£¥-])(?:(?P<cur>{lex.currency_re})\.?\s?)?"
        r"(?P<num>\d+(?:[.,]\d+)*)(?![\w/]|[.,]\d)"
        rf"(?:\s?(?P<pct>%)|\s+(?P<scale>(?i:{lex.scale_re}))\b)?" + _WORD_AFTER
    )
    words = re.compile(
        rf"\b(?P<wnum>(?i:{lex.small_numbers_re}))(?:\s+(?P<scale>(?i:{lex.scale_re})))?\b" + _WORD_AFTER
    )
    with _LOCK:
        _CACHE[id(lex)] = (lex, digits, words)
    return digits, words


def _unit_of(word: str | None, acr: str | None, lex: Lexicon) -> tuple[str | None, str | None, int]:
    """``(unit, subtype, words used)`` for the word after a number."""
    if not word:
        return None, None, 0
    low = word.lower()
    if low in _PERCENT_WORDS:
        return word, "percent", 1
    if low in lex.currency_words:
        if acr and acr in lex.aliases:  # "dollar AS"
            return f"{word} {acr}", "currency", 2
        return word, "currency", 1
    if low in lex.units:
        return word, "quantity", 1
    if word[0].islower() and word.isalpha() and len(word) > 2 and low not in lex.stopwords:
        if low not in lex.months and low not in lex.number_words and low not in RELATIVE_WORDS:
            return word, "count", 1
    return None, None, 0


def find_numbers(
    text: str, lex: Lexicon, tokens: list[Token] | None = None
) -> tuple[list[Found], list[tuple[int, int, str]]]:
    """Find numbers and quantities in ``text``.

    Args:
        text: The text.
        lex: The language's lexicon.
        tokens: The text's tokens, if already made (they say where patterns may match).

    Returns:
        The spans found, and ``(start, end, reason)`` for numbers rejected.
    """
    digits, words = _patterns(lex)
    if tokens is None:
        tokens = tokenize(text)
    near_digits = windows(text, ((t.start, t.end) for t in tokens if _has_digit(t.text)), 8, 40)
    near_words = windows(
        text, ((t.start, t.end) for t in tokens if t.text.lower() in lex.number_words), 0, 40
    )
    found: list[Found] = []
    rejected: list[tuple[int, int, str]] = []
    templates = getattr(lex.pack, "templates", None) or {}
    rank_words = frozenset(w.lower() for w in templates.get("rank_words", ()))

    def after_rank_word(start: int) -> bool:
        """"peringkat lima klasemen", "posisi empat besar": a place in a ranking, no count."""
        prev = text[max(0, start - 25) : start].split()[-1:]
        return bool(prev) and prev[0].lower().strip(".,") in rank_words

    for m in (m for a, b in near_digits for m in digits.finditer(text, a, b)):
        num, cur, scale = m.group("num"), m.group("cur"), m.group("scale")
        try:
            value = parse_number(num, lex.decimal_comma)
        except ValueError:  # pragma: no cover - the pattern only matches numbers
            continue
        end = m.end("scale") if scale else m.end("num")
        reasons = []
        if scale:
            value *= lex.scale_words[scale.lower()]
            reasons.append(f"scale word '{scale}'")
        unit, subtype = None, None
        if m.group("pct"):
            unit, subtype, end = "%", "percent", m.end("pct")
            reasons.append("percent sign after it")
        elif cur:
            unit, subtype = cur.rstrip("."), "currency"
            reasons.insert(0, f"currency '{unit}' before it")
        else:
            year_like = not scale and len(num) == 4 and num.isdigit()
            unit, subtype, used = _unit_of(m.group("word"), m.group("acr"), lex)
            if subtype == "count" and (year_like or after_rank_word(m.start())):
                unit, subtype, used = None, None, 0
            if used:
                end = m.end("acr") if used == 2 else m.end("word")
                reasons.append(f"unit '{unit}' after it" if subtype != "count" else f"counts '{unit}'")
        if subtype is None:
            if scale:
                unit, subtype = scale, "number"
            elif len(num.replace(".", "").replace(",", "")) >= 2 or "," in num or "." in num:
                subtype = "number"
                reasons.append("number without a unit")
            else:
                rejected.append((m.start(), m.end("num"), "single digit without a unit"))
                continue
        found.append(_found(m.start(), end, subtype, unit, value, reasons, lex))
    for m in (m for a, b in near_words for m in words.finditer(text, a, b)):
        wnum, scale = m.group("wnum"), m.group("scale")
        value = lex.number_words[wnum.lower()]
        if scale:
            value *= lex.scale_words[scale.lower()]
        unit, subtype, used = _unit_of(m.group("word"), m.group("acr"), lex)
        if not used or (value == 1 and subtype == "count"):
            continue  # "salah satu", "dua" alone: not a quantity
        if subtype == "count" and after_rank_word(m.start()):
            continue  # "peringkat lima klasemen": a rank, not five of anything
        end = m.end("acr") if used == 2 else m.end("word")
        why = f"number word '{wnum}'" + (f" with scale '{scale}'" if scale else "")
        unit_why = f"unit '{unit}' after it" if subtype != "count" else f"counts '{unit}'"
        found.append(_found(m.start(), end, subtype, unit, value, [why, unit_why], lex))
    return found, rejected


def _found(start: int, end: int, subtype: str, unit: str | None, value: float, reasons: list, lex) -> Found:
    key = f"number:{value:g}:{(unit or '').lower()}"
    return Found(
        start,
        end,
        "number",
        subtype,
        tuple(reasons),
        group=key,
        score=_SCORES[subtype],
        unit=unit,
        value=value,
    )
