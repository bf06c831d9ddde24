"""networkx views of a structure: the full graph, reporting lines and escalation walks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

from samverkan_model.structure.relations import RelationKind

if TYPE_CHECKING:
    from datetime import date

    from samverkan_model.structure.model import Structure

__all__ = ["MEMBER_OF", "build_graph", "build_reporting_graph", "escalation_path", "node_rank"]

MEMBER_OF = "member-of"
"""The ``kind`` of membership edges (member -> body) in :meth:`Structure.graph`."""

_UPWARD = (RelationKind.ESCALATES_TO, RelationKind.REPORTS_TO)


def _node_rows(structure: Structure) -> list[tuple[str, dict[str, Any]]]:
    rows: list[tuple[str, dict[str, Any]]] = []
    for a in structure.actors:
        rows.append(
            (
                a.id,
                {
                    "kind": "actor",
                    "name": a.name,
                    "level": a.level,
                    "organisation_kind": a.kind,
                    "area": None if a.area is None else a.area.code,
                    "categories": a.categories,
                },
            )
        )
    for b in structure.bodies:
        rows.append(
            (
                b.id,
                {
                    "kind": "body",
                    "name": b.name,
                    "level": b.level,
                    "body_kind": b.kind,
                    "host": b.host,
                    "period": b.period,
                },
            )
        )
    rows.extend((p.id, {"kind": "person", "name": p.name}) for p in structure.persons)
    return rows


def _relation_key(kind: str, period: object) -> str:
    start = getattr(period, "start", None)
    return kind if start is None else f"{kind}@{start.isoformat()}"


def build_graph(structure: Structure, at: date | None) -> nx.MultiDiGraph:
    """The frozen multigraph behind :meth:`Structure.graph`."""
    graph = nx.MultiDiGraph(name=structure.name, at=at)
    graph.add_nodes_from(_node_rows(structure))
    graph.add_edges_from(
        (
            m.member,
            m.body,
            _relation_key(f"{MEMBER_OF}:{m.role.value}", m.period),
            {
                "kind": MEMBER_OF,
                "role": m.role,
                "period": m.period,
                "on_behalf_of": m.on_behalf_of,
            },
        )
        for m in structure.memberships_at(at)
    )
    graph.add_edges_from(
        (
            r.source,
            r.target,
            _relation_key(r.kind.value, r.period),
            {"kind": r.kind.value, "period": r.period},
        )
        for r in structure.relations_at(at)
    )
    return nx.freeze(graph)


def build_reporting_graph(structure: Structure, at: date | None) -> nx.DiGraph:
    """The frozen digraph behind :meth:`Structure.reporting_graph`."""
    graph = nx.DiGraph(name=structure.name, at=at)
    rows = dict(_node_rows(structure))
    edges = [
        (r.source, r.target, {"period": r.period})
        for r in structure.relations_at(at)
        if r.kind is RelationKind.REPORTS_TO
    ]
    graph.add_nodes_from((node, rows.get(node, {})) for edge in edges for node in edge[:2])
    graph.add_edges_from(edges)
    return nx.freeze(graph)


def node_rank(structure: Structure, node_id: str) -> int:
    """The governance-level rank of an actor or body (-1 for persons and unknown ids)."""
    node = structure.bodies_by_id.get(node_id) or structure.actors_by_id.get(node_id)
    return -1 if node is None else node.level.rank


def _upward_steps(structure: Structure, at: date | None) -> dict[str, str]:
    """For each node, the next node of the escalation walk (preference order of the docs)."""
    best: dict[str, tuple[int, int, str]] = {}
    for r in structure.relations_at(at):
        if r.kind not in _UPWARD:
            continue
        choice = (
            0 if r.kind is RelationKind.ESCALATES_TO else 1,
            -node_rank(structure, r.target),
            r.target,
        )
        current = best.get(r.source)
        if current is None or choice < current:
            best[r.source] = choice
    return {source: choice[2] for source, choice in best.items()}


def escalation_path(structure: Structure, node_id: str, at: date | None) -> tuple[str, ...]:
    """The escalation walk from *node_id* (see :meth:`Structure.escalation_path`)."""
    steps: dict[str, str] = structure._cached(("steps", at), lambda: _upward_steps(structure, at))
    path = [node_id]
    seen = {node_id}
    node = node_id
    while (nxt := steps.get(node)) is not None and nxt not in seen:
        path.append(nxt)
        seen.add(nxt)
        node = nxt
    return tuple(path)
