"""The ``samverkan`` command line.

Every subcommand prints to standard output (or ``--output FILE``) and returns an exit
code: 0 for success, 1 when validation found errors, 2 for bad input (a file that does
not load, an unknown id, a bad argument). Bad files are reported with the loader's
message, never with a traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from samverkan_model.findings import Finding
    from samverkan_model.structure import Structure

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class UserError(Exception):
    """A problem with the user's input: printed as a message, exit code 2."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        msg = f"{text!r} is not a date (use YYYY-MM-DD)"
        raise argparse.ArgumentTypeError(msg) from None


def _findings_table(findings: Iterable[Finding], out: TextIO) -> None:
    rows = [(f.severity.value, f.code, ", ".join(f.subject), f.message) for f in findings]
    if not rows:
        out.write("no findings\n")
        return
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        out.write("  ".join([*cells, row[3]]).rstrip() + "\n")


def _load_structure(path: str) -> Structure:
    from samverkan_model.io import LoadError, load  # noqa: PLC0415
    from samverkan_model.structure import Structure  # noqa: PLC0415

    try:
        obj = load(path)
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise UserError(msg) from None
    except LoadError as exc:
        raise UserError(str(exc)) from None
    if not isinstance(obj, Structure):
        msg = f"{path}: expected a structure document, got {type(obj).__name__}"
        raise UserError(msg)
    return obj


# -- subcommands -------------------------------------------------------------------------


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    import json  # noqa: PLC0415

    from samverkan_model.io import LoadError, load  # noqa: PLC0415

    worst = EXIT_OK
    report: dict[str, Any] = {}
    for path in args.files:
        try:
            obj = load(path)
        except FileNotFoundError:
            msg = f"{path}: no such file"
            raise UserError(msg) from None
        except LoadError as exc:
            raise UserError(str(exc)) from None
        findings = obj.validate()
        if any(f.severity.value == "error" for f in findings):
            worst = EXIT_FINDINGS
        if args.format == "json":
            report[path] = [
                {
                    "code": f.code,
                    "severity": f.severity.value,
                    "subject": list(f.subject),
                    "message": f.message,
                }
                for f in findings
            ]
        else:
            out.write(f"{path}:\n")
            _findings_table(findings, out)
    if args.format == "json":
        out.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return worst


def _cmd_escalation(args: argparse.Namespace, out: TextIO) -> int:
    structure = _load_structure(args.file)
    try:
        path = structure.escalation_path(args.node, at=args.at)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    out.write(" -> ".join(path) + "\n")
    return EXIT_OK


def _cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    from samverkan_model.periods import Period  # noqa: PLC0415

    structure = _load_structure(args.file)
    try:
        period = Period(args.start, args.end)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    gaps = structure.coverage_gaps(period)
    if not gaps:
        out.write(f"no coverage gaps during {period}\n")
    for gap in gaps:
        out.write(f"{gap.body}: {', '.join(sorted(gap.missing))} missing during {gap.period}\n")
    return EXIT_OK


def _write(args: argparse.Namespace, out: TextIO, text: str) -> None:
    """Write *text* to ``--output`` (atomically) when given, else to *out*."""
    if getattr(args, "output", None) is None:
        out.write(text)
        return
    import os  # noqa: PLC0415
    import tempfile  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    target = Path(args.output)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        os.unlink(temp)
        raise


def _cmd_convert(args: argparse.Namespace, out: TextIO) -> int:
    from samverkan_model.io import LoadError, load, save  # noqa: PLC0415

    try:
        obj = load(args.source)
    except FileNotFoundError:
        msg = f"{args.source}: no such file"
        raise UserError(msg) from None
    except LoadError as exc:
        raise UserError(str(exc)) from None
    try:
        save(obj, args.target)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    return EXIT_OK


def _kind_names() -> dict[str, Any]:
    from samverkan_model.io import DOCUMENT_KINDS  # noqa: PLC0415

    return {kind.format.removeprefix("samverkan-model/"): kind for kind in DOCUMENT_KINDS}


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    import json  # noqa: PLC0415

    from samverkan_model.io import json_schema  # noqa: PLC0415

    kinds = _kind_names()
    if args.kind not in kinds:
        msg = f"unknown document kind {args.kind!r}: expected one of {', '.join(sorted(kinds))}"
        raise UserError(msg)
    schema = json_schema(kinds[args.kind].cls)
    _write(args, out, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from samverkan_model.reports import structure_report  # noqa: PLC0415

    structure = _load_structure(args.file)
    _write(args, out, structure_report(structure, args.lang, args.format, args.as_of))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from samverkan_model._demo import run_demo  # noqa: PLC0415

    run_demo(out, lang=args.lang)
    return EXIT_OK


# -- parser ------------------------------------------------------------------------------

_EPILOG = {
    "validate": "example: samverkan validate region.json analysis.toml --format json",
    "escalation": "example: samverkan escalation region.json sodertalje-kommun --at 2025-06-01",
    "coverage": "example: samverkan coverage region.json --from 2025-01-01 --to 2026-01-01",
    "demo": "example: samverkan demo --lang en",
    "convert": "example: samverkan convert region.json region.toml",
    "schema": "example: samverkan schema structure --output structure.schema.json",
    "report": "example: samverkan report region.json --lang en --format html --output r.html",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``samverkan`` command (exposed for documentation)."""
    parser = argparse.ArgumentParser(
        prog="samverkan",
        description="Check, analyse and report Swedish collaboration structures and "
        "social-risk analyses.",
        epilog="example: samverkan demo",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_: str, run: Callable[[argparse.Namespace, TextIO], int]) -> Any:
        p = sub.add_parser(name, help=help_, description=help_, epilog=_EPILOG[name])
        p.set_defaults(run=run)
        return p

    p = command("validate", "validate structure and analysis files", _cmd_validate)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = command("escalation", "print the escalation path from an actor or body", _cmd_escalation)
    p.add_argument("file", metavar="FILE")
    p.add_argument("node", metavar="NODE")
    p.add_argument("--at", type=_date, default=None, help="the day to read relations on")

    p = command("coverage", "list competence-coverage gaps in a period", _cmd_coverage)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--from", dest="start", type=_date, required=True)
    p.add_argument("--to", dest="end", type=_date, required=True)

    p = command("convert", "convert a document between JSON, TOML and YAML", _cmd_convert)
    p.add_argument("source", metavar="IN")
    p.add_argument("target", metavar="OUT")

    p = command("schema", "print the JSON Schema of a document kind", _cmd_schema)
    p.add_argument("kind", metavar="KIND")
    p.add_argument("--output", metavar="FILE")

    p = command("report", "write a readable report of a structure", _cmd_report)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--as-of", dest="as_of", type=_date, default=None)
    p.add_argument("--output", metavar="FILE")

    p = command("demo", "run the checks on the embedded example models", _cmd_demo)
    p.add_argument("--lang", choices=("sv", "en"), default="en")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the ``samverkan`` command with *argv* and return its exit code."""
    stream = out if out is not None else sys.stdout
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args, stream)
    except UserError as exc:
        sys.stderr.write(f"samverkan: {exc}\n")
        return EXIT_BAD_INPUT
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        sys.stderr.write(f"samverkan: {where}{exc.strerror or exc}\n")
        return EXIT_BAD_INPUT
    return code
