"""The generation engine: from an article to the items a good teacher would keep."""

from .checks import lint_bank
from .generate import generate
from .options import GenerateOptions

__all__ = ["GenerateOptions", "generate", "lint_bank"]
