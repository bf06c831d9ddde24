"""Timing helpers: medians of runs taken in turns after a warm-up, and fresh interpreters."""

from __future__ import annotations

import gc
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["fresh_interpreter", "interleaved", "timed"]


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of *fn* takes, with the garbage collector paused as ``timeit`` does.

    A full collection walks every live object, so whether one happens to fall inside a
    call depends on what else is in memory, not on the code being timed; pausing the
    collector (after collecting once) keeps runs and sides comparable.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def interleaved(
    cases: Sequence[tuple[Callable[[Any], object], Callable[[], Any]]],
    *,
    repeat: int,
    warmup: int = 1,
) -> list[float]:
    """The median seconds of each ``(fn, setup)`` case, timed in turns.

    Every round times each case once, so a burst of load on the machine slows all the
    cases of the round alike and their ratio stays fair. Each case gets *warmup* untimed
    calls first; *setup* is called before every call and not timed.
    """
    for _ in range(warmup):
        for fn, setup in cases:
            fn(setup())
    samples: list[list[float]] = [[] for _ in cases]
    for _ in range(max(1, repeat)):
        for (fn, setup), out in zip(cases, samples, strict=True):
            arg = setup()
            out.append(timed(lambda fn=fn, arg=arg: fn(arg)))  # type: ignore[misc]
    return [statistics.median(out) for out in samples]


def fresh_interpreter(code: str, *args: str, cwd: str | None = None) -> Any:
    """Run *code* with *args* in a new interpreter and return the JSON its last line prints.

    The interpreter is started through a small launcher process, so what it reports as
    its peak memory (``ru_maxrss``) is its own: a process started straight from this one
    inherits this one's high-water mark, which can be far larger.
    """
    launcher = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:]).returncode)"
    done = subprocess.run(
        [sys.executable, "-c", launcher, sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
