"""Diagrams of a structure as text: Mermaid flowcharts and Graphviz DOT.

Both group actors and bodies by governance level (central at the top, local at the
bottom) and draw relations as labelled arrows pointing upwards; memberships (a member's
seat in a body) are drawn on request. Labels are Swedish by default (``lang="en"`` for
English).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from samverkan_model._labels import Lang, check_lang
from samverkan_model.export._prepare import prepare
from samverkan_model.structure.bodies import Role
from samverkan_model.structure.graphs import MEMBER_OF
from samverkan_model.structure.levels import GovernanceLevel
from samverkan_model.structure.model import Structure
from samverkan_model.structure.relations import RelationKind

__all__ = ["to_dot", "to_mermaid"]

_PEOPLE = {"sv": "Personer", "en": "People"}


class _Diagram:
    """Nodes by level and the edges to draw, shared by both text formats."""

    def __init__(
        self, structure: Structure, at: date | None, redact: bool, memberships: bool
    ) -> None:
        graph = prepare(structure, redact).graph(at)
        self.name: str = str(graph.graph["name"])
        shown = [
            (u, v, data)
            for u, v, data in graph.edges(data=True)
            if memberships or data["kind"] != MEMBER_OF
        ]
        people = {node for u, v, _ in shown for node in (u, v)}
        self.levels: list[tuple[GovernanceLevel, list[tuple[str, dict[str, Any]]]]] = []
        for level in sorted(GovernanceLevel, reverse=True):
            nodes = [
                (node, data)
                for node, data in graph.nodes(data=True)
                if data["kind"] != "person" and data["level"] is level
            ]
            if nodes:
                self.levels.append((level, nodes))
        self.people = [
            (node, data)
            for node, data in graph.nodes(data=True)
            if data["kind"] == "person" and node in people
        ]
        self.edges = shown


def _edge_label(data: dict[str, Any], lang: Lang) -> str:
    if data["kind"] == MEMBER_OF:
        role: Role = data["role"]
        return role.label(lang)
    return RelationKind.from_value(data["kind"]).label(lang)


# -- Mermaid -------------------------------------------------------------------------------

_MERMAID_ESCAPES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;"}


def _mermaid_text(text: str) -> str:
    escaped = "".join(_MERMAID_ESCAPES.get(ch, ch) for ch in text)
    return '"' + " ".join(escaped.split()) + '"'


def _mermaid_id(node: str) -> str:
    # Ids are slugs; the prefix keeps words such as ``end`` from being read as keywords.
    return "n_" + node.replace("-", "_")


_MERMAID_SHAPES: dict[str, Callable[[str], str]] = {
    "actor": lambda label: f"[{label}]",
    "body": lambda label: f"({label})",
    "person": lambda label: f"([{label}])",
}
_MERMAID_ARROWS = {
    RelationKind.REPORTS_TO.value: "-->",
    RelationKind.ESCALATES_TO.value: "==>",
    MEMBER_OF: "--o",
}


def to_mermaid(
    structure: Structure,
    at: date | None = None,
    redact: bool = False,
    *,
    memberships: bool = False,
    lang: Lang = "sv",
) -> str:
    """A Mermaid flowchart of the structure, grouped by governance level.

    GitHub, GitLab and Jupyter (with a Mermaid extension) render it inside a fenced
    ``mermaid`` code block. Actors are rectangles, bodies rounded boxes and persons
    (shown only with *memberships*) stadiums; reporting lines are plain arrows,
    escalation thick arrows and other relations dotted arrows.

    Args:
        structure: The structure to draw.
        at: Only what holds on this day (everything when ``None``).
        redact: Leave out personal data (see :func:`samverkan_model.export.to_popolo`).
        memberships: Also draw each member's seat in a body, labelled with the role.
        lang: ``"sv"`` or ``"en"`` for the level and relation labels.

    >>> from samverkan_model import catalog
    >>> print(to_mermaid(catalog.stockholm_region()).splitlines()[0])
    flowchart BT
    """
    check_lang(lang)
    diagram = _Diagram(structure, at, redact, memberships)
    lines = ["flowchart BT"]
    for level, nodes in diagram.levels:
        lines.append(f"  subgraph level_{level.value}[{_mermaid_text(level.label(lang))}]")
        for node, data in nodes:
            shape = _MERMAID_SHAPES[data["kind"]](_mermaid_text(data["name"]))
            lines.append(f"    {_mermaid_id(node)}{shape}")
        lines.append("  end")
    if diagram.people:
        lines.append(f"  subgraph people[{_mermaid_text(_PEOPLE[lang])}]")
        for node, data in diagram.people:
            lines.append(
                f"    {_mermaid_id(node)}{_MERMAID_SHAPES['person'](_mermaid_text(data['name']))}"
            )
        lines.append("  end")
    for u, v, data in diagram.edges:
        arrow = _MERMAID_ARROWS.get(data["kind"], "-.->")
        label = _mermaid_text(_edge_label(data, lang))
        lines.append(f"  {_mermaid_id(u)} {arrow}|{label}| {_mermaid_id(v)}")
    return "\n".join(lines) + "\n"


# -- Graphviz DOT --------------------------------------------------------------------------


def _dot_text(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{escaped}"'


_DOT_SHAPES = {"actor": "box", "body": "box, style=rounded", "person": "ellipse"}
_DOT_STYLES = {
    RelationKind.REPORTS_TO.value: "",
    RelationKind.ESCALATES_TO.value: ", penwidth=2",
    MEMBER_OF: ", style=dashed, arrowhead=odot",
}


def to_dot(
    structure: Structure,
    at: date | None = None,
    redact: bool = False,
    *,
    memberships: bool = False,
    lang: Lang = "sv",
) -> str:
    """The structure as Graphviz DOT text, one cluster per governance level.

    Producing the text needs no Graphviz; render it with ``dot -Tsvg``. The arguments
    are those of :func:`to_mermaid`.

    >>> from samverkan_model import catalog
    >>> print(to_dot(catalog.stockholm_region()).splitlines()[1])
      rankdir=BT;
    """
    check_lang(lang)
    diagram = _Diagram(structure, at, redact, memberships)
    lines = [f"digraph {_dot_text(diagram.name)} {{", "  rankdir=BT;", "  node [fontsize=10];"]
    for level, nodes in diagram.levels:
        lines.append(f"  subgraph {_dot_text('cluster_' + level.value)} {{")
        lines.append(f"    label={_dot_text(level.label(lang))};")
        for node, data in nodes:
            shape = _DOT_SHAPES[data["kind"]]
            lines.append(f"    {_dot_text(node)} [label={_dot_text(data['name'])}, shape={shape}];")
        lines.append("  }")
    for node, data in diagram.people:
        lines.append(f"  {_dot_text(node)} [label={_dot_text(data['name'])}, shape=ellipse];")
    for u, v, data in diagram.edges:
        style = _DOT_STYLES.get(data["kind"], ", style=dotted")
        label = _dot_text(_edge_label(data, lang))
        lines.append(f"  {_dot_text(u)} -> {_dot_text(v)} [label={label}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
