"""validate() answers the proposer check by walking reporting lines, without a graph per day."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Body,
    BodyKind,
    Decision,
    DecisionKind,
    GovernanceLevel,
    Period,
    Relation,
    RelationKind,
    Structure,
)
from samverkan_model.structure.graphs import build_reporting_graph

DAY0 = date(2025, 1, 1)
BODIES = [f"b{i}" for i in range(5)]


def _day(offset: int) -> date:
    return DAY0 + timedelta(days=offset)


@st.composite
def _periods(draw: st.DrawFn) -> Period | None:
    if draw(st.booleans()):
        return None
    start = draw(st.integers(0, 40))
    length = draw(st.none() | st.integers(1, 30))
    return Period(_day(start), None if length is None else _day(start + length))


@st.composite
def _dated_structures(draw: st.DrawFn) -> Structure:
    bodies = [
        Body(b, b, BodyKind.MANAGEMENT_GROUP, GovernanceLevel.REGIONAL, period=draw(_periods()))
        for b in BODIES
    ]
    # Reports-to lines only point from a lower to a higher index, so there is no cycle.
    pairs = draw(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=8))
    relations = [
        Relation(BODIES[i], BODIES[j], RelationKind.REPORTS_TO, draw(_periods()))
        for i, j in pairs
        if i < j
    ]
    decisions = [
        Decision(f"d{n}", DecisionKind.DIRECTION, BODIES[b], _day(day), BODIES[p])
        for n, (b, p, day) in enumerate(
            draw(
                st.lists(
                    st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 80)),
                    max_size=8,
                )
            )
        )
    ]
    return Structure("s", bodies=bodies, relations=relations, decisions=decisions)


def _naive(s: Structure) -> set[tuple[str, ...]]:
    """The proposer findings computed with a fresh reporting graph for every decision."""
    out: set[tuple[str, ...]] = set()
    for d in s.decisions:
        if d.proposed_by is None or d.proposed_by == d.body:
            continue
        graph = build_reporting_graph(s, d.decided_on)
        if not (d.proposed_by in graph and d.body in nx.descendants(graph, d.proposed_by)):
            out.add((d.id, d.proposed_by))
    return out


class TestProposerCheck:
    @given(_dated_structures())
    def test_same_findings_as_one_graph_per_decision(self, s: Structure) -> None:
        """The walk over dated reporting lines finds what a reporting graph per day finds."""
        found = {f.subject for f in s.validate() if f.code == "proposer-not-reporting"}
        assert found == _naive(s)

    def test_no_graph_per_decision_day(self) -> None:
        """Decisions on many days are checked without building a reporting graph."""
        bodies = [Body(b, b, BodyKind.MANAGEMENT_GROUP, GovernanceLevel.REGIONAL) for b in BODIES]
        relations = [Relation("b0", "b1", RelationKind.REPORTS_TO, Period(_day(10)))]
        decisions = [
            Decision(f"d{n}", DecisionKind.DIRECTION, "b1", _day(n), "b0") for n in range(30)
        ]
        s = Structure("s", bodies=bodies, relations=relations, decisions=decisions)
        subjects = [f.subject for f in s.validate() if f.code == "proposer-not-reporting"]
        assert subjects == [(f"d{n}", "b0") for n in range(10)]
        reporting = [key for key in s._cache if isinstance(key, tuple) and key[0] == "reporting"]
        assert reporting == []
