"""``python -m benchmarks``: run the suite, print the table, write ``results.md``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.report import markdown, table
from benchmarks.suite import Config, run
from benchmarks.timing import CLOCKS

RESULTS = Path(__file__).resolve().parent / "results.md"


def _factors(text: str) -> tuple[float, ...]:
    try:
        factors = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        msg = f"expected comma-separated numbers such as 1,10, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    if not factors or any(f <= 0 for f in factors):
        msg = f"expected one or more positive factors, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return factors


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m benchmarks``."""
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="National-scale benchmarks of samverkan_model: one table of ratios.",
    )
    p.add_argument(
        "--factors",
        type=_factors,
        default=Config.factors,
        help="dataset sizes, first the one compared with baselines (default: 1,10)",
    )
    p.add_argument(
        "--repeat", type=int, default=Config.repeat, help="timed runs per measurement (5)"
    )
    p.add_argument(
        "--large-repeat",
        type=int,
        default=Config.large_repeat,
        help="timed runs at factor 5 and above (3)",
    )
    p.add_argument(
        "--import-runs",
        type=int,
        default=Config.import_runs,
        help="fresh interpreters per side for import time (7)",
    )
    p.add_argument(
        "--examples", type=int, default=Config.examples, help="Hypothesis examples per side (100)"
    )
    p.add_argument("--seed", type=int, default=Config.seed, help="dataset seed (2015)")
    p.add_argument("--no-pydantic", action="store_true", help="skip the pydantic comparisons")
    p.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default=Config.clock,
        help="wall: time.perf_counter (default); cpu: time.process_time, for a busy machine",
    )
    p.add_argument(
        "--output",
        type=Path,
        default=RESULTS,
        help="where to write the Markdown results (default: benchmarks/results.md)",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite as the command line says; return the exit status."""
    args = parser().parse_args(argv)
    config = Config(
        factors=args.factors,
        repeat=args.repeat,
        large_repeat=args.large_repeat,
        import_runs=args.import_runs,
        examples=args.examples,
        seed=args.seed,
        pydantic=False if args.no_pydantic else None,
        clock=args.clock,
    )
    started = time.perf_counter()
    rows = run(config, progress=lambda step: print(f"... {step}", file=sys.stderr, flush=True))
    seconds = time.perf_counter() - started
    print(table(rows))
    args.output.write_text(markdown(rows, config, seconds), "utf-8")
    print(f"\nwritten to {args.output} in {seconds:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
