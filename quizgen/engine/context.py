"""What every stage of generation reads: the analysed article, its pack, indexes built once."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from functools import cached_property

from ..article import Candidate, Sentence, TextLayer
from .checks import ArticleIndex
from .textutil import fold


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
    def index(self) -> ArticleIndex:
        return ArticleIndex(self.text)

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

    def sentence(self, i: int) -> Sentence:
        return self.layer.sentences[i]

    def t(self, key: str, default=None):
        return self.templates.get(key, default)
