"""Rich display in notebooks: the ``_repr_html_`` and ``_repr_markdown_`` of the aggregates.

Jupyter calls these methods when a structure, an analysis, a risk matrix or a list of
findings is the value of a cell. They render the same documents as
:mod:`samverkan_model.reports`, as HTML fragments, in Swedish.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samverkan_model.risk import Analysis, RiskMatrix
    from samverkan_model.structure import Structure

__all__ = ["analysis_html", "matrix_html", "structure_html", "structure_markdown"]


def structure_html(structure: Structure) -> str:
    """The structure report as an HTML fragment."""
    from samverkan_model.reports import render, structure_document  # noqa: PLC0415

    return render(structure_document(structure), "fragment")


def structure_markdown(structure: Structure) -> str:
    """A one-line summary and a Mermaid diagram of the structure, as Markdown."""
    from samverkan_model.export import to_mermaid  # noqa: PLC0415

    summary = (
        f"**{structure.name}**: {len(structure.actors)} actors, {len(structure.bodies)} bodies, "
        f"{len(structure.memberships)} memberships, {len(structure.relations)} relations"
    )
    return f"{summary}\n\n```mermaid\n{to_mermaid(structure)}```\n"


def analysis_html(analysis: Analysis) -> str:
    """The analysis report (latest recorded statuses) as an HTML fragment."""
    from samverkan_model.reports import analysis_document, render  # noqa: PLC0415

    return render(analysis_document(analysis), "fragment")


def matrix_html(matrix: RiskMatrix) -> str:
    """The risk matrix as an HTML table, each cell in its risk level's colour."""
    e = html.escape
    head = "".join(f"<th>{e(c.label('sv'))}</th>" for c in matrix.consequence.levels)
    rows = []
    for like in reversed(matrix.likelihood.levels):
        cells = []
        for cons in matrix.consequence.levels:
            level = matrix.level(like.value, cons.value)
            style = f' style="background:{e(level.colour)}"' if level.colour else ""
            cells.append(f"<td{style}>{e(level.label('sv'))}</td>")
        rows.append(f"<tr><th>{e(like.label('sv'))}</th>{''.join(cells)}</tr>")
    corner = "<th>Sannolikhet / Konsekvens</th>"
    return f"<table><thead><tr>{corner}{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>\n"
