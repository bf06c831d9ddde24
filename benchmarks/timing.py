"""Timing helpers: medians of runs taken in turns after a warm-up, and fresh interpreters."""

from __future__ import annotations

import gc
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["CLOCKS", "MOST_CALLS", "SHORTEST", "Clock", "fresh_interpreter", "interleaved", "timed"]


Clock = Callable[[], float]
"""A clock for timing: :func:`time.perf_counter` (wall time, the default) or
:func:`time.process_time` (CPU time of this process, steadier on a busy machine)."""

CLOCKS: dict[str, Clock] = {"wall": time.perf_counter, "cpu": time.process_time}
"""The clocks ``--clock`` can name."""


def timed(fn: Callable[[], object], clock: Clock = time.perf_counter) -> float:
    """Seconds one call of *fn* takes, with what already exists kept out of the collector.

    Before the call, one full collection runs and every surviving object is frozen
    (:func:`gc.freeze`), so collections during the call walk only the objects the call
    creates: they cost what they would in a program that holds nothing else, not what
    the benchmark happens to hold (a ten-times dataset, say). They stay part of the time,
    since every program pays them.
    """
    gc.collect()
    gc.freeze()
    try:
        start = clock()
        fn()
        return clock() - start
    finally:
        gc.unfreeze()


SHORTEST = 0.05
"""Seconds a timed sample should at least last; quicker calls are repeated within one."""

MOST_CALLS = 50
"""The most calls one sample repeats."""


def _calls_per_sample(seconds: float) -> int:
    if seconds <= 0:
        return MOST_CALLS
    return max(1, min(MOST_CALLS, math.ceil(SHORTEST / seconds)))


def _run_all(fn: Callable[[Any], object], args: list[Any]) -> None:
    for arg in args:
        fn(arg)


def interleaved(
    cases: Sequence[tuple[Callable[[Any], object], Callable[[], Any]]],
    *,
    repeat: int,
    warmup: int = 1,
    clock: Clock = time.perf_counter,
    single: bool = False,
) -> list[float]:
    """The median seconds of one call of each ``(fn, setup)`` case, timed in turns.

    Every round times each case once, so a burst of load on the machine slows all the
    cases of the round alike and their ratio stays fair. Each case gets *warmup* untimed
    calls first; *setup* is called before every call and not timed. A call quicker than
    :data:`SHORTEST` is repeated within a sample (each time on its own ``setup()``) and
    the sample divided by the number of calls, so short calls are not lost in the
    clock's noise; with *single*, every sample is one call.
    """
    calls = [1] * len(cases)
    for _ in range(max(1, warmup)):
        for index, (fn, setup) in enumerate(cases):
            arg = setup()
            seconds = timed(lambda fn=fn, arg=arg: fn(arg), clock)  # type: ignore[misc]
            calls[index] = 1 if single else _calls_per_sample(seconds)
    samples: list[list[float]] = [[] for _ in cases]
    for _ in range(max(1, repeat)):
        for (fn, setup), n, out in zip(cases, calls, samples, strict=True):
            args = [setup() for _ in range(n)]
            out.append(timed(lambda fn=fn, args=args: _run_all(fn, args), clock) / n)  # type: ignore[misc]
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
