"""What every stage of generation reads: the analysed article, its pack, indexes built once."""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from functools import cached_property

from ..article import Candidate, Sentence, TextLayer
from .checks import ArticleIndex
from .textutil import fold

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


@dataclass
class Context:
    layer: TextLayer
    pack: object  # quizgen.lang.LanguagePack
    templates: dict = field(default_factory=dict)
    seed: int = 0
    cache: dict = field(default_factory=dict)  # per-generation memo (distractor pools, aliases)

    @property
    def text(self) -> str:
        return self.layer.article.text

    @cached_property
    def read_text(self) -> str:
        """What was read of the article: its text, or for a very long text read in part
        (:mod:`quizgen.text.reading`) the sentences read, a paragraph each. The reader
        simulations and the ranker look at this; offsets always point into ``text``."""
        if self.layer.read is None:
            return self.text
        return "\n\n".join(s.text for s in self.layer.sentences)

    @cached_property
    def index(self) -> ArticleIndex:
        return ArticleIndex(self.read_text)

    @cached_property
    def by_sentence(self) -> dict[int, list[Candidate]]:
        out: dict[int, list[Candidate]] = collections.defaultdict(list)
        for c in self.layer.candidates:
            out[c.sentence].append(c)
        return out

    @cached_property
    def groups(self) -> dict[str, list[Candidate]]:
        out: dict[str, list[Candidate]] = collections.defaultdict(list)
        for c in self.layer.candidates:
            out[c.group or fold(c.text)].append(c)
        return out

    def group_of(self, c: Candidate) -> str:
        return c.group or fold(c.text)

    def aliases(self, c: Candidate) -> tuple[str, ...]:
        """Other surface forms of the same thing in this article (and the pack's alias table)."""
        memo = self.cache.setdefault("aliases", {})
        if c.text not in memo or c.group not in memo[c.text][0]:
            memo[c.text] = ({c.group}, self._aliases(c))
        return memo[c.text][1]

    def _aliases(self, c: Candidate) -> tuple[str, ...]:
        forms = {x.text for x in self.groups.get(self.group_of(c), ())}
        pack_aliases = getattr(self.pack, "aliases", {}) or {}
        for short, long in pack_aliases.items():
            if fold(c.text) == fold(short):
                forms.add(long)
            elif fold(c.text) == fold(long):
                forms.add(short)
        forms.discard(c.text)
        return tuple(sorted(f for f in forms if fold(f) != fold(c.text)))

    @cached_property
    def sentence_words(self) -> list[set[str]]:
        return [set(fold(s.text).split()) for s in self.layer.sentences]

    def texts_of_type(self, type_: str) -> list[str]:
        """Distinct surface forms of the candidates of a type."""
        cache = self.cache.setdefault("texts_of_type", {})
        if type_ not in cache:
            cache[type_] = sorted({c.text for c in self.layer.candidates if c.type == type_})
        return cache[type_]

    def by_text(self) -> dict[str, Candidate]:
        if "by_text" not in self.cache:
            self.cache["by_text"] = {c.text: c for c in self.layer.candidates}
        return self.cache["by_text"]

    def sentences_with(self, word: str) -> list[int]:
        """Indexes of the sentences holding a (folded) word."""
        index = self.cache.get("word_sentences")
        if index is None:
            index = collections.defaultdict(list)
            for i, ws in enumerate(self.sentence_words):
                for w in ws:
                    index[w].append(i)
            self.cache["word_sentences"] = index
        return index.get(word, [])

    def mentions(self, name: str) -> list[int]:
        """Where the article writes ``name`` as whole words (``(?<!\\w)name(?!\\w)``, case as
        given): the start offsets, looked up in an index of word starts built once instead of
        scanning the whole text for every name (a 1 MB article asks this thousands of times)."""
        first = _WORD.match(name)
        if not first:
            return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self.text)]
        starts = self.cache.get("word_starts")
        if starts is None:
            starts = collections.defaultdict(list)
            # a very long text read in part: the sentences read (quizgen.text.reading)
            spans = (
                [(0, len(self.text))]
                if self.layer.read is None
                else [(s.start, s.end) for s in self.layer.sentences]
            )
            for a, b in spans:
                for m in _WORD.finditer(self.text, a, b):
                    starts[m.group()].append(m.start())
            self.cache["word_starts"] = starts
        text, n = self.text, len(name)
        return [
            p
            for p in starts.get(first.group(), ())
            if text.startswith(name, p) and not (p + n < len(text) and _WORD_CHAR.match(text, p + n))
        ]

    def sentence(self, i: int) -> Sentence:
        return self.layer.sentences[i]

    def upos(self, text: str) -> list[tuple[str, str | None]]:
        """(word, UPOS tag) of a short text, from the trained tagger of the analysis layer
        (tags are ``None`` when no tagger ships for the language)."""
        memo = self.cache.setdefault("upos", {})
        if text not in memo:
            sentence = self._sentence_texts().get(text)
            if sentence is not None:  # a whole sentence: the analysis layer tagged it already
                s0 = sentence.start
                tagged = [(t.text, t.upos, t.start - s0, t.end - s0) for t in self.layer.tokens_of(sentence)]
            else:
                from ..analysis import tag

                tagged = [(t.text, t.upos, t.start, t.end) for t in tag(text, self.pack.code)]
            memo[text] = [(w, u) for w, u, _, _ in tagged]  # once: the tags and their spans
            self.cache.setdefault("upos_spans", {})[text] = [(a, b) for _, _, a, b in tagged]
        return memo[text]

    def _sentence_texts(self) -> dict[str, Sentence]:
        hit = self.cache.get("sentence_texts")
        if hit is None:
            hit = self.cache["sentence_texts"] = {}
            if self.layer.tagged_ranges:
                for s in self.layer.sentences:
                    hit.setdefault(s.text, s)
        return hit

    def upos_spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans in ``text`` of the tokens :meth:`upos` tags."""
        self.upos(text)
        return self.cache["upos_spans"][text]

    def t(self, key: str, default=None):
        return self.templates.get(key, default)
