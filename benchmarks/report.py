"""The results table: printed by ``make bench`` and written to ``benchmarks/results.md``."""

from __future__ import annotations

import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata

from benchmarks.suite import Config, Row

__all__ = ["PACKAGES", "environment", "markdown", "table"]

PACKAGES = (
    "samverkan-model",
    "attrs",
    "cattrs",
    "networkx",
    "orjson",
    "hypothesis",
    "pydantic",
    "pydantic-core",
)
"""The packages whose versions the results record."""


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.2f} s"
    return f"{value:.0f} {unit}"


def _cells(row: Row) -> list[str]:
    ratio = row.ratio
    return [
        row.name,
        _amount(row.ours, row.unit),
        _amount(row.baseline, row.unit),
        "-" if ratio is None else f"{ratio:.2f}x",
        "-" if row.target is None else f"<= {row.target:g}x",
        row.verdict,
        "; ".join(x for x in (_vs(row), row.note) if x),
    ]


def _vs(row: Row) -> str:
    if not row.baseline_label:
        return ""
    return f"{row.ours_label} vs {row.baseline_label}"


_HEADER = ["benchmark", "ours", "baseline", "ratio", "target", "result", "what"]


def table(rows: Sequence[Row]) -> str:
    """The rows as one Markdown table (readable as plain text too)."""
    lines = [_HEADER, ["---"] * len(_HEADER), *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(_HEADER))]
    out = []
    for line in lines:
        cells = ["-" * w for w in widths] if line[0] == "---" else line
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |")
    return "\n".join(out)


def environment() -> list[tuple[str, str]]:
    """The machine, Python and package versions the run used."""
    found = [
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Platform", platform.platform()),
        ("CPUs", str(_cpus())),
    ]
    for name in PACKAGES:
        try:
            found.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            found.append((name, "not installed"))
    return found


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def markdown(rows: Sequence[Row], config: Config, seconds: float) -> str:
    """The whole ``results.md``: how the run was made, the table and the environment."""
    factors = ", ".join(f"{f:g}x" for f in config.factors)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    passed = sum(r.verdict == "PASS" for r in rows)
    missed = sum(r.verdict == "MISS" for r in rows)
    lines = [
        "# Benchmark results",
        "",
        "Written by `python -m benchmarks` (`make bench`); see `README.md` for what each",
        "row measures. Times are medians of repeated runs after a warm-up.",
        "",
        f"- run: {when}, {seconds:.0f} s in all",
        f"- command: `python -m benchmarks {' '.join(sys.argv[1:])}`".rstrip(),
        f"- factors: {factors}; repeats: {config.repeat} "
        f"({config.large_repeat} at 5x and above); seed {config.seed}; clock: {config.clock}",
        f"- targets: {passed} met, {missed} missed",
        "",
        table(rows),
        "",
        "## Environment",
        "",
        *(f"- {name}: {value}" for name, value in environment()),
        "",
    ]
    return "\n".join(lines)
