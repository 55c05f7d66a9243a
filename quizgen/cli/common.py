"""Helpers shared by the CLI commands."""

from __future__ import annotations

import functools

import click

from ..errors import QuizgenError


def friendly_errors(func):
    """Turn a :class:`QuizgenError` (and a few OS errors) into one line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except QuizgenError as e:
            raise click.ClickException(str(e)) from None
        except (BrokenPipeError, KeyboardInterrupt):
            raise SystemExit(1) from None
        except OSError as e:
            raise click.ClickException(f"{e.filename or ''}: {e.strerror}".strip(": ")) from None

    return wrapper
