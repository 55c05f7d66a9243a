"""Build one export with a time and memory budget, in a separate low-priority process.

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
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])),
    }
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "quizgen.exporters.budget", fmt],
            input=pickle.dumps(bank),
            capture_output=True,
            timeout=budget,
            env=env,
            cwd=_PACKAGE_ROOT,
        )
    except subprocess.TimeoutExpired:
        raise ExportError(
            f"Building the {fmt} file took longer than {budget:g} s and was stopped; shorten the "
            "article or choose another format."
        ) from None
    try:
        status, payload = pickle.loads(proc.stdout)
    except Exception:  # the child died (killed, out of memory) before answering
        raise ExportError(
            f"Building the {fmt} file failed (the export process ended with status {proc.returncode}); "
            "shorten the article or choose another format."
        ) from None
    if status == "ok":
        data, skipped, warnings = payload
        return ExportResult(data=data, skipped=tuple(skipped), warnings=tuple(warnings))
    raise ExportError(payload)


def _child(fmt: str) -> None:
    """The child process: bank (pickled) on stdin, ``("ok", fields)`` or ``("error", message)``
    pickled on stdout."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))
    except (ImportError, ValueError, OSError):  # not on every platform
        pass
    try:
        os.nice(_NICE)
    except (AttributeError, OSError):
        pass
    bank = pickle.loads(sys.stdin.buffer.read())
    try:
        r = run_export(bank, fmt)
        out = ("ok", (r.data, list(r.skipped), list(r.warnings)))
    except QuizgenError as exc:
        out = ("error", str(exc))
    sys.stdout.buffer.write(pickle.dumps(out))
    sys.stdout.flush()


if __name__ == "__main__":
    _child(sys.argv[1])
