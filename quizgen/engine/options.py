"""Typed generation options: unknown names and bad values are refused, never ignored."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..bank import KINDS
from ..errors import OptionsError

DIFFICULTY_CHOICES = ("easy", "medium", "hard", "mixed")
MAX_COUNT = 200


@dataclass(frozen=True)
class GenerateOptions:
    language: str = "auto"
    count: int | None = None  # None: chosen from the article's length
    kinds: tuple[str, ...] = KINDS
    difficulty: str = "mixed"
    seed: int = 0
    # cloze options: None (default) shows options where safe distractors exist, else a typed
    # answer; True always options (no typed cloze); False always typed
    cloze_choices: bool | None = None

    def __post_init__(self) -> None:
        if self.count is not None and (not isinstance(self.count, int) or not 1 <= self.count <= MAX_COUNT):
            raise OptionsError(f"The number of items must be a whole number from 1 to {MAX_COUNT}.")
        bad = [k for k in self.kinds if k not in KINDS]
        if bad or not self.kinds:
            raise OptionsError(
                f"Unknown item kind {', '.join(map(repr, bad)) or '(none given)'}; choose from {', '.join(KINDS)}."
            )
        if self.difficulty not in DIFFICULTY_CHOICES:
            raise OptionsError(
                f"Unknown difficulty {self.difficulty!r}; choose from {', '.join(DIFFICULTY_CHOICES)}."
            )
        if self.cloze_choices not in (None, True, False):
            raise OptionsError("cloze_choices must be true, false or left unset (options where safe).")
        if not isinstance(self.seed, int) or isinstance(self.seed, bool):
            raise OptionsError("The seed must be a whole number.")

    def to_dict(self) -> dict:
        return {
            f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)
        }


def make_options(**kwargs) -> GenerateOptions:
    """Build options from keyword arguments; a misspelt name is an error."""
    names = {f.name for f in fields(GenerateOptions)}
    unknown = sorted(set(kwargs) - names)
    if unknown:
        raise OptionsError(f"Unknown option {', '.join(unknown)}; known options: {', '.join(sorted(names))}.")
    kinds = kwargs.get("kinds")
    if kinds is None:
        kwargs.pop("kinds", None)
    elif isinstance(kinds, str):
        kwargs["kinds"] = tuple(k.strip() for k in kinds.split(",") if k.strip())
    else:
        kwargs["kinds"] = tuple(kinds)
    return GenerateOptions(**kwargs)
