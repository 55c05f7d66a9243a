"""Warm child processes for :func:`quizgen.exporters.budget.call_in_child`.

A fresh Python spends about 2.5 s importing the engine and its language resources before it
makes one item; a server that started a new child for every "Buat soal" would make teachers
wait that long each time. So a child, once started (under ``nice -n 10``, with the memory
cap), stays and serves further calls, one at a time, over its stdin/stdout (pickles). A call
that runs past its budget, or whose child dies or runs out of memory, ends that child; a child
is also retired after :data:`MAX_CALLS` calls (memory a long article left behind). At most
:data:`MAX_IDLE` children wait between calls; more concurrent calls start more children.

The idle list is per server process and holds processes only, never a visitor's data.
"""

from __future__ import annotations

import os
import pickle
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

MAX_IDLE = 2
MAX_CALLS = 20
NICE = 10
_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
_idle: list[Worker] = []
_idle_lock = threading.Lock()


class Timeout(Exception):
    """The call ran past its budget (its child was killed)."""


class Died(Exception):
    """The child ended without answering (killed, out of memory)."""


class Worker:
    """One child serving calls: ``python -m quizgen.exporters.budget serve``."""

    def __init__(self) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")])),
        }
        nice = shutil.which("nice")
        prefix = [nice, "-n", str(NICE)] if nice else []
        self.proc = subprocess.Popen(
            [*prefix, sys.executable, "-m", "quizgen.exporters.budget", "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=_PACKAGE_ROOT,
        )  # fmt: skip
        self.calls = 0

    def call(self, request: object, budget: float):
        """Send ``request``; its answer within ``budget`` seconds (Timeout, Died otherwise)."""
        self.calls += 1
        deadline = time.monotonic() + budget
        try:
            pickle.dump(request, self.proc.stdin)
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self.kill()
            raise Died from None
        ready, _, _ = select.select([self.proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            self.kill()
            raise Timeout
        try:
            return pickle.load(self.proc.stdout)
        except Exception:  # EOF or a torn answer: the child died
            self.kill()
            raise Died from None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def retire(self) -> None:
        """End a healthy child: closing its stdin ends its loop."""
        try:
            self.proc.stdin.close()
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()


def run(request: object, budget: float):
    """``request`` answered by a warm child (an idle one, else a new one)."""
    with _idle_lock:
        worker = _idle.pop() if _idle else None
    if worker is None or worker.proc.poll() is not None:
        worker = Worker()
    answer = worker.call(request, budget)  # Timeout / Died: that child is gone
    healthy = answer[0] == "ok" or answer[1][2] != "generate_memory"  # after MemoryError: a new one
    if healthy and worker.calls < MAX_CALLS:
        with _idle_lock:
            if len(_idle) < MAX_IDLE:
                _idle.append(worker)
                return answer
    worker.retire()
    return answer


def serve(stdin, stdout, handle) -> None:
    """The child's loop: ``handle(request)`` for each pickled request until stdin closes."""
    while True:
        try:
            request = pickle.load(stdin)
        except EOFError:
            return
        pickle.dump(handle(request), stdout)
        stdout.flush()
