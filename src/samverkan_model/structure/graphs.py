"""networkx views of a structure: the full graph, reporting lines and escalation walks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import networkx as nx

from samverkan_model.structure.bodies import Role
from samverkan_model.structure.relations import RelationKind

if TYPE_CHECKING:
    from samverkan_model.periods import Period
    from samverkan_model.structure.model import Structure

__all__ = [
    "MEMBER_OF",
    "build_graph",
    "build_reporting_graph",
    "escalation_path",
    "live_nodes",
    "node_rank",
]

MEMBER_OF = "member-of"
"""The ``kind`` of membership edges (member -> body) in :meth:`Structure.graph`."""

_UPWARD = (RelationKind.ESCALATES_TO, RelationKind.REPORTS_TO)


def _node_rows(structure: Structure, at: date | None) -> dict[str, dict[str, Any]]:
    """The graph's nodes: actors, bodies alive on *at* and persons, by id.

    Where an id is used twice (a ``duplicate-id`` finding), the node is what
    :meth:`Structure.node_kind` says it is: actors before bodies before persons, the
    first of each kind.
    """
    rows: dict[str, dict[str, Any]] = {}
    for a in structure.actors_by_id.values():
        rows[a.id] = {
            "kind": "actor",
            "name": a.name,
            "level": a.level,
            "organisation_kind": a.kind,
            "area": None if a.area is None else a.area.code,
            "categories": a.categories,
        }
    for b in structure.bodies_by_id.values():
        if b.id in rows or (at is not None and not b.exists_at(at)):
            continue
        rows[b.id] = {
            "kind": "body",
            "name": b.name,
            "level": b.level,
            "body_kind": b.kind,
            "host": b.host,
            "period": b.period,
        }
    for p in structure.persons_by_id.values():
        rows.setdefault(p.id, {"kind": "person", "name": p.name})
    return rows


def live_nodes(structure: Structure, at: date | None) -> dict[str, dict[str, Any]]:
    """The nodes of :meth:`Structure.graph` on *at* with their attributes (cached)."""
    rows: dict[str, dict[str, Any]] = structure._cached(
        ("nodes", at), lambda: _node_rows(structure, at)
    )
    return rows


# Enum ``.value`` is a descriptor call; the edge loops below run once per seat and
# relation, so the key prefixes are looked up in plain dicts instead.
_SEAT_PREFIX = {role: f"{MEMBER_OF}:{role.value}" for role in Role}
_KIND_VALUE = {kind: kind.value for kind in RelationKind}


def build_graph(structure: Structure, at: date | None) -> nx.MultiDiGraph:
    """The frozen multigraph behind :meth:`Structure.graph`.

    Edge keys are the seat's role or the relation's kind, ``@`` and the start day of a
    dated one (``member-of:chair@2025-01-01``), with ``#2``, ``#3``, ... added where the
    same key already joins the same two nodes.
    """
    nodes = live_nodes(structure, at)
    graph = nx.MultiDiGraph(name=structure.name, at=at)
    graph.add_nodes_from(nodes.items())
    seen: dict[tuple[str, str, str], int] = {}
    days: dict[date, str] = {}  # many seats and relations share a start day

    def key_of(u: str, v: str, prefix: str, period: Period | None) -> str:
        if period is not None:
            day = days.get(period.start)
            if day is None:
                day = days[period.start] = period.start.isoformat()
            prefix = f"{prefix}@{day}"
        n = seen[u, v, prefix] = seen.get((u, v, prefix), 0) + 1
        return prefix if n == 1 else f"{prefix}#{n}"

    edges: list[tuple[str, str, str, dict[str, Any]]] = [
        (
            m.member,
            m.body,
            key_of(m.member, m.body, _SEAT_PREFIX[m.role], m.period),
            {"kind": MEMBER_OF, "role": m.role, "period": m.period, "on_behalf_of": m.on_behalf_of},
        )
        for m in structure.memberships_at(at)
        if m.member in nodes and m.body in nodes
    ]
    edges += [
        (
            r.source,
            r.target,
            key_of(r.source, r.target, _KIND_VALUE[r.kind], r.period),
            {"kind": _KIND_VALUE[r.kind], "period": r.period},
        )
        for r in structure.relations_at(at)
        if r.source in nodes and r.target in nodes
    ]
    graph.add_edges_from(edges)
    return nx.freeze(graph)


def build_reporting_graph(structure: Structure, at: date | None) -> nx.DiGraph:
    """The frozen digraph behind :meth:`Structure.reporting_graph`."""
    nodes = live_nodes(structure, at)
    graph = nx.DiGraph(name=structure.name, at=at)
    edges = [
        (r.source, r.target, {"period": r.period})
        for r in structure.relations_at(at)
        if r.kind is RelationKind.REPORTS_TO and r.source in nodes and r.target in nodes
    ]
    graph.add_nodes_from((node, nodes[node]) for edge in edges for node in edge[:2])
    graph.add_edges_from(edges)
    return nx.freeze(graph)


def node_rank(structure: Structure, node_id: str) -> int:
    """The governance-level rank of an actor or body (-1 for persons and unknown ids)."""
    node = structure.bodies_by_id.get(node_id) or structure.actors_by_id.get(node_id)
    return -1 if node is None else node.level.rank


def _upward_steps(structure: Structure, at: date | None) -> dict[str, str]:
    """For each node, the next node of the escalation walk (preference order of the docs).

    Only relations between nodes of the graph on *at* count: an edge to an unknown id or
    to a body that no longer exists leads nowhere.
    """
    nodes = live_nodes(structure, at)
    best: dict[str, tuple[int, int, str]] = {}
    for r in structure.relations_at(at):
        if r.kind not in _UPWARD or r.source == r.target:
            continue
        if r.source not in nodes or r.target not in nodes:
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
