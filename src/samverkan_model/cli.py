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

    from samverkan_model._labels import Lang
    from samverkan_model.findings import Finding
    from samverkan_model.risk import Analysis
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


def _load(path: str) -> Any:
    from samverkan_model.io import LoadError, load  # noqa: PLC0415

    try:
        return load(path)
    except FileNotFoundError:
        msg = f"{path}: no such file"
        raise UserError(msg) from None
    except LoadError as exc:
        raise UserError(str(exc)) from None


def _load_structure(path: str) -> Structure:
    from samverkan_model.structure import Structure  # noqa: PLC0415

    obj = _load(path)
    if not isinstance(obj, Structure):
        msg = f"{path}: expected a structure document, got {type(obj).__name__}"
        raise UserError(msg)
    return obj


# -- subcommands -------------------------------------------------------------------------


def _load_analyses(paths: Iterable[str]) -> list[Analysis]:
    from samverkan_model.risk import Analysis, FollowUpRegister  # noqa: PLC0415

    analyses: list[Analysis] = []
    for path in paths:
        obj = _load(path)
        if isinstance(obj, Analysis):
            analyses.append(obj)
        elif isinstance(obj, FollowUpRegister):
            analyses.extend(obj.analyses)
        else:
            msg = f"{path}: expected an analysis or follow-up register document"
            raise UserError(msg)
    return analyses


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    import json  # noqa: PLC0415

    worst = EXIT_OK
    report: dict[str, Any] = {}
    for path in args.files:
        findings = _load(path).validate()
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
    from samverkan_model.io import save  # noqa: PLC0415

    obj = _load(args.source)
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
    from samverkan_model import reports  # noqa: PLC0415
    from samverkan_model.risk import Analysis  # noqa: PLC0415

    if args.kind == "rsa":
        if args.municipality is None:
            msg = "report --kind rsa needs --municipality CODE"
            raise UserError(msg)
        structure = _load_structure(args.file)
        analyses = _load_analyses(args.analysis)
        try:
            text = reports.rsa_report(
                structure, analyses, args.municipality, args.lang, args.format, args.as_of
            )
        except ValueError as exc:
            raise UserError(str(exc)) from None
        _write(args, out, text)
        return EXIT_OK
    obj = _load(args.file)
    if isinstance(obj, Analysis):
        names = _load_structure(args.structure) if args.structure else None
        text = reports.analysis_report(obj, args.lang, args.format, args.as_of, names)
    elif args.kind == "analysis":
        msg = f"{args.file}: expected an analysis document"
        raise UserError(msg)
    else:
        text = reports.structure_report(
            _as_structure(obj, args.file), args.lang, args.format, args.as_of
        )
    _write(args, out, text)
    return EXIT_OK


def _as_structure(obj: object, path: str) -> Structure:
    from samverkan_model.structure import Structure  # noqa: PLC0415

    if not isinstance(obj, Structure):
        msg = f"{path}: expected a structure or analysis document, got {type(obj).__name__}"
        raise UserError(msg)
    return obj


def _cmd_followup(args: argparse.Namespace, out: TextIO) -> int:
    from datetime import timedelta  # noqa: PLC0415

    from samverkan_model.reports import followup_report  # noqa: PLC0415
    from samverkan_model.risk import FollowUpRegister  # noqa: PLC0415

    try:
        register = FollowUpRegister(_load_analyses(args.files))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    structure = _load_structure(args.structure) if args.structure else None
    within = timedelta(days=args.within)
    _write(
        args, out, followup_report(register, args.as_of, args.lang, args.format, within, structure)
    )
    return EXIT_OK


def _matrix_text(source: Any, lang: Lang) -> str:
    from samverkan_model.risk import Analysis  # noqa: PLC0415

    matrix = source.risk_matrix if isinstance(source, Analysis) else source
    summary = source.matrix() if isinstance(source, Analysis) else None
    header = [""] + [lvl.abbreviation or str(lvl.value) for lvl in matrix.consequence.levels]
    rows = [header]
    for like in reversed(matrix.likelihood.levels):
        cells = [like.label(lang)]
        for cons in matrix.consequence.levels:
            level = matrix.level(like.value, cons.value)
            label = level.abbreviation or level.label(lang)
            cells.append(
                label if summary is None else f"{summary.count(like.value, cons.value)} {label}"
            )
        rows.append(cells)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    legend = [f"{lvl.abbreviation or lvl.value}: {lvl.label(lang)}" for lvl in matrix.levels]
    return "\n".join([*lines, "", *legend]) + "\n"


def _cmd_matrix(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path  # noqa: PLC0415

    from samverkan_model.risk import Analysis  # noqa: PLC0415

    if Path(args.file).suffix in {".yaml", ".yml"} and not _is_document(args.file):
        from samverkan_model.io.matrix_library import load_matrix_library  # noqa: PLC0415

        try:
            sources: list[Any] = list(load_matrix_library(Path(args.file)))
        except FileNotFoundError:
            msg = f"{args.file}: no such file"
            raise UserError(msg) from None
        except ValueError as exc:
            raise UserError(str(exc)) from None
    else:
        obj = _load(args.file)
        if not isinstance(obj, Analysis):
            msg = f"{args.file}: expected an analysis document or a risk-matrix library"
            raise UserError(msg)
        sources = [obj]
    if args.format == "png":
        if args.output is None:
            msg = "matrix --format png needs --output FILE"
            raise UserError(msg)
        from samverkan_model.reports.plots import risk_matrix_figure  # noqa: PLC0415

        risk_matrix_figure(sources[0], args.lang).savefig(args.output)
        return EXIT_OK
    _write(args, out, "\n".join(_matrix_text(s, args.lang) for s in sources))
    return EXIT_OK


def _is_document(path: str) -> bool:
    """Whether a YAML file is one of our documents (it starts with a ``format`` key)."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4096)
    except OSError:
        return True  # let the loader report it
    return any(line.startswith("format:") for line in head.splitlines())


def _cmd_graph(args: argparse.Namespace, out: TextIO) -> int:
    import json  # noqa: PLC0415

    from samverkan_model import export  # noqa: PLC0415
    from samverkan_model.structure import Mode  # noqa: PLC0415

    structure = _load_structure(args.file)
    if args.mode is not None:
        structure = structure.in_mode(Mode(args.mode))
    fmt = args.format
    if fmt == "png":
        if args.output is None:
            msg = "graph --format png needs --output FILE"
            raise UserError(msg)
        from samverkan_model.reports.plots import reporting_graph_figure  # noqa: PLC0415

        reporting_graph_figure(structure, args.at, args.lang).savefig(args.output)
        return EXIT_OK
    if fmt == "mermaid":
        text = export.to_mermaid(structure, args.at, args.redact, lang=args.lang)
    elif fmt == "dot":
        text = export.to_dot(structure, args.at, args.redact, lang=args.lang)
    elif fmt == "graphml":
        text = export.to_graphml(structure, args.at, args.redact)
    elif fmt == "popolo":
        data = export.to_popolo(structure, args.redact, lang=args.lang)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        data = export.to_node_link(structure, args.at, args.redact)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    _write(args, out, text)
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
    "report": "example: samverkan report analysis.json --lang en --format html --output r.html",
    "followup": "example: samverkan followup nacka.json huddinge.toml --as-of 2026-03-15",
    "matrix": "example: samverkan matrix analysis.json --format png --output matrix.png",
    "graph": "example: samverkan graph region.json --format mermaid --mode activated",
}


def _add_file_commands(command: Any) -> None:
    """Add the convert, schema and graph subcommands."""
    p = command("convert", "convert a document between JSON, TOML and YAML", _cmd_convert)
    p.add_argument("source", metavar="IN")
    p.add_argument("target", metavar="OUT")

    p = command("schema", "print the JSON Schema of a document kind", _cmd_schema)
    p.add_argument("kind", metavar="KIND")
    p.add_argument("--output", metavar="FILE")

    p = command("graph", "export the structure's graph or a diagram", _cmd_graph)
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--format",
        default="mermaid",
        choices=("mermaid", "dot", "graphml", "node-link", "popolo", "png"),
    )
    p.add_argument("--at", type=_date, default=None)
    p.add_argument("--mode", choices=("normal", "activated"), default=None)
    p.add_argument("--redact", action="store_true", help="leave out personal data")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.add_argument("--output", metavar="FILE")


def _add_report_commands(command: Any) -> None:
    """Add the report, followup and matrix subcommands."""
    p = command("report", "write a readable report of a structure or an analysis", _cmd_report)
    p.add_argument("file", metavar="FILE", help="a structure or analysis document")
    p.add_argument(
        "--kind",
        choices=("auto", "structure", "analysis", "rsa"),
        default="auto",
        help="rsa: the municipal RSA skeleton (FILE is the structure)",
    )
    p.add_argument(
        "--analysis",
        action="append",
        default=[],
        metavar="FILE",
        help="an analysis for --kind rsa (repeatable)",
    )
    p.add_argument("--municipality", metavar="CODE", help="municipality code for --kind rsa")
    p.add_argument("--structure", metavar="FILE", help="names actors in an analysis report")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--as-of", dest="as_of", type=_date, default=None)
    p.add_argument("--output", metavar="FILE")

    p = command("followup", "list overdue measures and coming follow-ups per actor", _cmd_followup)
    p.add_argument("files", nargs="+", metavar="FILE", help="analyses or follow-up registers")
    p.add_argument("--as-of", dest="as_of", type=_date, required=True)
    p.add_argument(
        "--within",
        type=int,
        default=30,
        metavar="DAYS",
        help="how many days ahead to list follow-ups (default 30)",
    )
    p.add_argument("--structure", metavar="FILE", help="names actors in the report")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.add_argument("--format", choices=("md", "html"), default="md")
    p.add_argument("--output", metavar="FILE")

    p = command("matrix", "show a risk matrix, with an analysis's risk counts", _cmd_matrix)
    p.add_argument("file", metavar="FILE", help="an analysis or a risk-matrix library (YAML)")
    p.add_argument("--format", choices=("text", "png"), default="text")
    p.add_argument("--lang", choices=("sv", "en"), default="sv")
    p.add_argument("--output", metavar="FILE")


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

    _add_file_commands(command)
    _add_report_commands(command)

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
