"""Item checks (the linter): the item-writing rules every kept item must pass.

From assessment practice (Haladyna, Downing & Rodriguez's item-writing guidelines) and the
project's ``itemcheck`` tool. Each check returns a :class:`Problem` naming the item. The
generator runs :func:`check_item` on every draft before keeping it; ``quizgen lint`` runs
:func:`lint_bank` on any bank, hand-edited or imported.
"""

from __future__ import annotations

import collections
import math
from dataclasses import dataclass
from functools import cached_property

from ..bank import BLANK_RE, Bank, Item
from .textutil import contains_phrase, fold, near_duplicate, shape, words

ABOVE_PHRASES = (
    "all of the above",
    "none of the above",
    "semua benar",
    "semua salah",
    "semua jawaban benar",
    "tidak ada yang benar",
    "a dan b",
    "a and b",
)


@dataclass(frozen=True)
class Problem:
    item_id: str
    check: str
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.item_id}: {self.severity}: {self.check}: {self.message}"


class ArticleIndex:
    """Word statistics of an article, computed once for the reader simulations below.

    Counts and window scores come from word positions, so both stay
    fast on long articles (a megabyte of text has some 170,000 words).
    """

    MAX_NGRAM = 5

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = words(text)
        counts = collections.Counter(self.words)
        self.weight = {w: math.log(1 + 1 / c) for w, c in counts.items()}
        self._positions: dict[str, list[int]] | None = None
        self._counts: dict[str, int] = {}

    @cached_property
    def padded(self) -> str:
        """The article's words joined once (long phrases are counted in it)."""
        return " " + " ".join(self.words) + " "

    def positions(self) -> dict[str, list[int]]:
        if self._positions is None:
            pos: dict[str, list[int]] = collections.defaultdict(list)
            for i, w in enumerate(self.words):
                pos[w].append(i)
            self._positions = pos
        return self._positions

    def window_score(self, target: set[str], size: int, known: frozenset[str] = frozenset()) -> float:
        """Best sum of weights of ``target`` words in any window of ``size`` article words.

        The best window can be taken to end on a target word, so only their positions are
        visited (two pointers over the sorted positions). ``known``: words of ``target`` whose
        sorted hits are kept for the next call (a prompt read with each of its options)."""
        if not self.words:
            return 0.0
        key = (frozenset(target), size)
        memo = self.__dict__.setdefault("_window_memo", {})
        if key not in memo:
            memo[key] = self._window_score(target, size, known)
        return memo[key]

    def _hits(self, words_: frozenset[str]) -> list[tuple[int, float]]:
        index = self.positions()
        return sorted((i, self.weight[w]) for w in words_ if w in index for i in index[w])

    def _window_score(self, target: set[str], size: int, known: frozenset[str] = frozenset()) -> float:
        size = max(1, min(size, len(self.words)))
        index = self.positions()
        n_hits = sum(len(index[w]) for w in target if w in index)
        if n_hits > 2000:  # a long article: the same two pointers, vectorised
            import numpy as np

            pos = np.concatenate([np.asarray(index[w]) for w in target if w in index])
            wts = np.concatenate([np.full(len(index[w]), self.weight[w]) for w in target if w in index])
            order = np.argsort(pos, kind="stable")
            pos, wts = pos[order], wts[order]
            csum = np.concatenate([[0.0], np.cumsum(wts)])
            first = np.searchsorted(pos, pos - size + 1, side="left")
            return float(np.max(csum[1:] - csum[first])) if len(pos) else 0.0
        if known:  # the known words' hits sorted once, merged with the rest's
            runs = self.__dict__.setdefault("_known_hits", {})
            if known not in runs:
                runs[known] = self._hits(known)
            hits = sorted(runs[known] + self._hits(frozenset(target) - known))
        else:
            hits = self._hits(frozenset(target))
        best = cur = 0.0
        lo = 0
        for pos, wt in hits:
            cur += wt
            while hits[lo][0] <= pos - size:
                cur -= hits[lo][1]
                lo += 1
            if cur > best:
                best = cur
        return best

    def sliding_window_pick(self, prompt: str, options: list[str]) -> int:
        """MCTest's sliding-window reader (Richardson et al., 2013)."""
        best, best_score = 0, -1.0
        for i, opt in enumerate(options):
            score = self.option_score(prompt, opt)
            if score > best_score + 1e-12:
                best, best_score = i, score
        return best

    def option_score(self, prompt: str, option: str) -> float:
        """The sliding-window score of ``option`` read into ``prompt`` (option sets are tried
        and rotated while distractors are chosen: each pair is scored once)."""
        memo = self.__dict__.setdefault("_option_memo", {})
        hit = memo.get((prompt, option))
        if hit is None:
            qset = self.__dict__.setdefault("_prompt_words", {}).get(prompt)
            if qset is None:
                qset = self._prompt_words[prompt] = frozenset(words(BLANK_RE.sub(" ", prompt)))
            target = qset | set(words(option))
            hit = memo[(prompt, option)] = self.window_score(target, len(target), qset)
        return hit

    def frequency_pick(self, options: list[str]) -> int:
        """A test-wise reader: the option the article mentions most often."""
        scores = [self.count(o) for o in options]
        return max(range(len(options)), key=lambda i: (scores[i], -i))

    def count(self, phrase: str) -> int:
        """How often the article mentions ``phrase`` (folded, whole words)."""
        if phrase not in self._counts:
            f = fold(phrase).split()
            if not f:
                n = 0
            elif len(f) <= self.MAX_NGRAM:
                k, ws = len(f), self.words
                n = sum(1 for p in self.positions().get(f[0], ()) if ws[p : p + k] == f)
            else:
                n = self.padded.count(" " + " ".join(f) + " ")
            self._counts[phrase] = n
        return self._counts[phrase]


def prompt_only_pick(prompt: str, options: list[str]) -> int:
    """A reader who ignores the article: the option sharing most words with the prompt."""
    q = collections.Counter(words(BLANK_RE.sub(" ", prompt)))
    scores = [sum(q[w] for w in words(o)) for o in options]
    return max(range(len(options)), key=lambda i: (scores[i], len(options[i])))


# a main-idea, relation or statement key may restate the article in other words
RESTATED_SKILLS = frozenset({"main_idea", "relation", "statement"})


def check_item(
    item: Item, text: str, index: ArticleIndex | None = None, aliases: tuple[str, ...] = ()
) -> list[Problem]:
    """All rules for one item. ``aliases`` are other names of the key (must not leak either)."""
    p: list[Problem] = []
    iid = item.id

    def bad(check: str, message: str, severity: str = "error") -> None:
        p.append(Problem(iid, check, message, severity))

    options = list(item.options)
    if not item.prompt.strip() or not item.answer.strip():
        bad("well_formed", "the prompt or the answer is empty")
        return p
    if options and options.count(item.answer) != 1:
        bad("one_key", "the key must be among the options exactly once")
    src = item.source
    if not (0 <= src.start <= src.end <= len(text)) or fold(text[src.start : src.end]) != fold(src.sentence):
        bad("grounded", "the source sentence is not where its offsets say in the article")
    if item.answer_span is not None:
        s, e = item.answer_span
        if not (0 <= s <= e <= len(text)) or fold(text[s:e]) != fold(item.answer):
            bad("grounded", "the answer is not where answer_span says in the article")
    if item.kind == "cloze":
        blanks = len(BLANK_RE.findall(item.prompt))
        if blanks != 1:
            bad("single_blank", f"a cloze prompt needs exactly one blank, this has {blanks}")
        else:
            filled = BLANK_RE.sub(lambda m: item.answer, item.prompt, count=1)
            if item.answer_span is None and not contains_phrase(text, filled):
                bad("grounded", "the prompt with the key filled in does not read as the article does")
    elif (
        item.kind == "mcq"
        and item.answer_span is None
        and item.skill not in RESTATED_SKILLS
        and not contains_phrase(text, item.answer)
    ):
        bad("grounded", "the key is not found in the article")
    if item.kind in ("cloze", "mcq", "short_answer"):
        stem = BLANK_RE.sub(" ", item.prompt)
        for name in (item.answer, *aliases):
            if contains_phrase(stem, name):
                bad("no_leak", f"the prompt gives the answer away ({name!r})")
                break
    if item.kind in ("mcq", "short_answer") and not item.prompt.rstrip().endswith("?"):
        bad("prompt_ends", "a question should end with a question mark")
    if options:
        folded = [fold(o) for o in options]
        if len(set(folded)) != len(folded) or not all(folded):
            bad("distinct_options", "options repeat or are empty")
        else:
            for i in range(len(options)):
                for j in range(i + 1, len(options)):
                    if near_duplicate(options[i], options[j]):
                        bad(
                            "distinct_options",
                            f"options {options[i]!r} and {options[j]!r} are near duplicates",
                        )
        if any(f in ABOVE_PHRASES for f in folded):
            bad("no_above", "'all/none of the above' style options are not allowed")
        if item.kind in ("mcq", "cloze"):
            if len({shape(o) for o in options}) != 1:
                bad(
                    "same_shape",
                    f"options have mixed shapes ({', '.join(sorted({shape(o) for o in options}))})",
                )
            if index is not None and len(options) >= 3:
                if index.sliding_window_pick(item.prompt, options) != options.index(item.answer):
                    bad(
                        "text_solvable",
                        "a reader matching the prompt against the article does not find the key",
                        "warning",
                    )
    return p


def check_bank_items(items: list[Item]) -> list[Problem]:
    """Rules across items: duplicates, one item giving another's key away, key position balance."""
    p: list[Problem] = []
    seen: dict[str, str] = {}
    for it in items:
        for key in ((fold(it.answer) + "|" + fold(it.source.sentence)), fold(it.prompt)):
            if key in seen:
                p.append(Problem(it.id, "duplicate", f"tests the same fact as item {seen[key]}"))
                break
            seen[key] = it.id
    for a in items:
        for b in items:
            if a is b or a.source.start != b.source.start:
                continue
            if a.kind != "true_false" and contains_phrase(BLANK_RE.sub(" ", b.prompt), a.answer):
                p.append(
                    Problem(a.id, "gives_away", f"item {b.id} shows this item's key in its prompt", "warning")
                )
    choice = [it for it in items if it.kind in ("mcq", "cloze") and len(it.options) >= 3]
    if len(choice) >= 8:
        pos = collections.Counter(it.options.index(it.answer) for it in choice)
        share = max(pos.values()) / len(choice)
        if share > 0.4:
            p.append(
                Problem(
                    "(bank)", "key_position", f"{share:.0%} of the keys stand in the same position", "warning"
                )
            )
        longest = sum(
            1
            for it in choice
            if len(it.answer) == max(map(len, it.options))
            and [len(o) for o in it.options].count(len(it.answer)) == 1
        )
        if longest / len(choice) > 0.35:
            p.append(
                Problem(
                    "(bank)",
                    "longest_is_key",
                    f"the key is the longest option in {longest / len(choice):.0%} of the items",
                    "warning",
                )
            )
    return p


def lint_bank(bank: Bank) -> list[Problem]:
    """Run every check on a bank (as ``quizgen lint`` does)."""
    index = ArticleIndex(bank.text)
    problems: list[Problem] = []
    for it in bank.items:
        problems.extend(check_item(it, bank.text, index))
    problems.extend(check_bank_items(list(bank.items)))
    return problems
