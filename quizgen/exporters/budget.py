"""Build one export (or one bank) with a time and memory budget, in a separate low-priority
process.

A server (the Streamlit app) calls :func:`build_export` when a teacher asks for a download:
the export runs in a child Python process at lower CPU priority, with a memory cap, and is
stopped when it takes longer than its time budget. So one heavy export never blocks the
server's other sessions, and a runaway one ends with a clear :class:`ExportError` instead
of keeping a core busy. Any failure of an exporter becomes a one-line :class:`ExportError`.

Example:
    >>> result = build_export(bank, "worksheet-pdf", budget=30)  # doctest: +SKIP
    >>> result.data[:4]  # doctest: +SKIP
    b'%PDF'
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from ..bank import Bank
from ..errors import ExportError, QuizgenError
from .base import ExportResult

#: Seconds an export may take in the child process before it is stopped.
DEFAULT_BUDGET_S = 30.0
#: Address space the child may use (bytes); an export needing more fails cleanly.
MEMORY_CAP_BYTES = 2 * 1024**3
_NICE = 4  # below the server's priority, not so far that a busy machine starves it
_NICE_CALL = 10  # a generation (seconds of CPU) yields more: the students' pages come first (worker.NICE)
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def run_export(bank: Bank, fmt: str) -> ExportResult:
    """Run exporter ``fmt`` in this process; any failure becomes a one-line ExportError."""
    from . import get_exporter

    exporter = get_exporter(fmt)
    try:
        return exporter(bank)
    except QuizgenError as exc:
        raise type(exc)(" ".join(str(exc).split())) from None
    except MemoryError:
        raise ExportError(
            f"The {fmt} export needs more memory than quizgen allows; shorten the article or choose "
            "another format."
        ) from None
    except Exception as exc:  # a third-party library's error must not reach the user as a traceback
        detail = " ".join(str(exc).split())[:200]
        raise ExportError(
            f"The {fmt} export failed ({type(exc).__name__}: {detail}); try another format or "
            "shorten the longest texts of the bank."
        ) from None


def _run_child(args: list[str], payload: object, budget: float, what: str, code: str = "export"):
    """Run this module as a child with ``args``; ``payload`` pickled on its stdin; its answer.

    A child past its budget or dead without answering raises an ExportError whose ``code`` is
    ``{code}_timeout`` or ``{code}_died`` (the app shows it in the UI language by that code).
    """
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])),
    }
    nice = shutil.which("nice")  # lowered from its first instruction (imports included), not after
    level = _NICE
    prefix = [nice, "-n", str(level)] if nice else []
    try:
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "quizgen.exporters.budget", *args],
            input=pickle.dumps(payload),
            capture_output=True,
            timeout=budget,
            env=env,
            cwd=_PACKAGE_ROOT,
        )
    except subprocess.TimeoutExpired:
        raise _coded(
            f"{what} took longer than {budget:g} s and was stopped; shorten the article or choose "
            "another format.",
            code + "_timeout",
        ) from None
    try:
        status, answer = pickle.loads(proc.stdout)
    except Exception:  # the child died (killed, out of memory) before answering
        raise _coded(
            f"{what} failed (its process ended with status {proc.returncode}); shorten the article "
            "or choose another format.",
            code + "_died",
        ) from None
    return status, answer


def _coded(message: str, code: str) -> ExportError:
    err = ExportError(message)
    err.code = code
    return err


def build_export(bank: Bank, fmt: str, *, budget: float | None = DEFAULT_BUDGET_S) -> ExportResult:
    """Export ``bank`` as ``fmt`` in a child process stopped after ``budget`` seconds.

    Args:
        bank: the bank.
        fmt: an export format name (see :data:`quizgen.exporters.EXPORTERS`).
        budget: seconds allowed; ``None`` runs the export in this process with no limit.

    Raises:
        ExportError: the format is unknown, the export failed, or it ran past its budget.
    """
    from . import get_exporter

    get_exporter(fmt)  # an unknown name fails here, at once
    if budget is None:
        return run_export(bank, fmt)
    status, payload = _run_child(["export", fmt], bank, budget, f"Building the {fmt} file")
    if status == "ok":
        data, skipped, warnings = payload
        return ExportResult(data=data, skipped=tuple(skipped), warnings=tuple(warnings))
    raise ExportError(payload)


def generate_in_child(source, *, budget: float = DEFAULT_BUDGET_S, **options) -> Bank:
    """``quizgen.generate(source, **options)`` in a child process at lower priority: a server
    thread waiting on it holds no lock other sessions need (Python runs one thread at a time).
    The child stays warm for the next call (:mod:`quizgen.exporters.worker`).

    Raises:
        QuizgenError: what ``generate`` raises (same class and message), or ExportError when
            it ran past ``budget`` seconds.
    """
    return call_in_child("generate", source, budget=budget, **options)


def call_in_child(name: str, *args, budget: float = DEFAULT_BUDGET_S, **kwargs):
    """``CALLS[name](*args, **kwargs)`` in a child process at lower priority, with the memory cap
    and stopped after ``budget`` seconds; its result (pickled back).

    Raises:
        QuizgenError: what the call raises (same class and message); ExportError with ``code``
            ``generate_timeout`` / ``generate_died`` when it ran past ``budget`` or died.
    """
    from . import worker

    if name not in CALLS:
        raise ValueError(f"no such child call: {name}")
    try:
        status, answer = worker.run((name, args, kwargs), budget)
    except worker.Timeout:
        raise _coded(
            f"Making the questions took longer than {budget:g} s and was stopped; shorten the article.",
            "generate_timeout",
        ) from None
    except worker.Died:
        raise _coded(
            "Making the questions failed (its process ended); shorten the article.", "generate_died"
        ) from None
    if status == "ok":
        return answer
    cls, message, code = answer
    err = cls(message)
    if code:
        err.code = code
    raise err


def _generate(source, **options) -> Bank:
    import quizgen

    return quizgen.generate(source, **options)


def _load_and_generate(data: bytes, name: str, **options) -> Bank:
    """The Create page's "generate": read the uploaded or pasted bytes, then make the bank."""
    import quizgen

    article = quizgen.load_article(data, name=name, language=options.get("language", "auto"))
    return quizgen.generate(article, **options)


def _pool(bank: Bank, **kwargs):
    from ..app.regenerate import pool

    return pool(bank, **kwargs)


#: What a child may be asked to run (by name: the child runs nothing else).
CALLS = {"generate": _generate, "load_and_generate": _load_and_generate, "pool": _pool}


def _call(request) -> tuple:
    """Run one ``(name, args, kwargs)`` of :data:`CALLS`: ``("ok", answer)`` or
    ``("error", (class, message, code))``."""
    name, args, kwargs = request
    try:
        return ("ok", CALLS[name](*args, **kwargs))
    except QuizgenError as exc:
        return ("error", (type(exc), " ".join(str(exc).split()), getattr(exc, "code", "")))
    except MemoryError:
        return ("error", (ExportError, "Making the questions needs more memory than quizgen allows.",
                          "generate_memory"))  # fmt: skip


def _child(mode: str, name: str = "") -> None:
    """The child process: ``serve`` answers :func:`_call` requests until stdin closes (a warm
    worker, :mod:`quizgen.exporters.worker`); ``export`` reads one bank pickled on stdin and
    writes ``("ok", ...)`` or ``("error", message)`` pickled on stdout."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))
    except (ImportError, ValueError, OSError):  # not on every platform
        pass
    try:
        if os.nice(0) == 0:  # not started through nice(1)
            os.nice(_NICE_CALL if mode == "serve" else _NICE)
    except (AttributeError, OSError):
        pass
    if mode == "serve":
        from .worker import serve

        serve(sys.stdin.buffer, sys.stdout.buffer, _call)
        return
    given = pickle.loads(sys.stdin.buffer.read())
    try:
        r = run_export(given, name)
        out = ("ok", (r.data, list(r.skipped), list(r.warnings)))
    except QuizgenError as exc:
        out = ("error", str(exc))
    sys.stdout.buffer.write(pickle.dumps(out))
    sys.stdout.flush()


if __name__ == "__main__":
    _child(*sys.argv[1:])
