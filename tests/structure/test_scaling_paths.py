"""The fast paths that keep validation and coverage linear give the same answers as before."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Actor,
    Body,
    BodyKind,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Period,
    Relation,
    RelationKind,
    Role,
    Structure,
)
from samverkan_model.structure.coverage import HORIZON_MARGIN, default_horizon
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


@st.composite
def _seat_periods(draw: st.DrawFn) -> Period:
    start = draw(st.integers(-400, 400))
    length = draw(st.none() | st.integers(0, 300))
    return Period(_day(start), None if length is None else _day(start + length))


@st.composite
def _staffed_structures(draw: st.DrawFn) -> Structure:
    actors = [
        Actor(
            "k", "K", OrganisationKind.MUNICIPALITY, GovernanceLevel.LOCAL, categories={"kommun"}
        ),
        Actor("t", "T", OrganisationKind.COMPANY, GovernanceLevel.LOCAL, categories={"trafik"}),
    ]
    bodies = [Body(b, b, BodyKind.COMMITTEE, GovernanceLevel.LOCAL) for b in ("b0", "b1")]
    seats = draw(
        st.lists(
            st.tuples(st.sampled_from("kt"), st.sampled_from(["b0", "b1"]), _seat_periods()),
            max_size=8,
        )
    )
    rules = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["b0", "b1"]),
                st.sets(st.sampled_from(["kommun", "trafik"]), min_size=1),
                _seat_periods(),
            ),
            max_size=3,
        )
    )
    return Structure(
        "s",
        actors=actors,
        bodies=bodies,
        memberships=[Membership(m, b, Role.MEMBER, p) for m, b, p in seats],
        coverage_rules=[CoverageRule(b, c, p) for b, c, p in rules],
    )


class TestCoverageHorizon:
    @given(_staffed_structures())
    def test_default_horizon_is_a_year_after_the_latest_date(self, s: Structure) -> None:
        """The horizon is one year after the latest start or end of a seat or a rule."""
        days = [
            day
            for p in [*(m.period for m in s.memberships), *(r.period for r in s.coverage_rules)]
            for day in (p.start, p.end)
            if day is not None
        ]
        assert default_horizon(s) == max(days, default=date(2000, 1, 1)) + HORIZON_MARGIN

    @given(_staffed_structures(), _seat_periods(), st.integers(-500, 500))
    def test_closed_period_needs_no_horizon(self, s: Structure, period: Period, at: int) -> None:
        """For a period with an end, the gaps are the same whatever the horizon."""
        if period.end is None:
            period = Period(period.start, period.start + timedelta(days=30))
        assert s.coverage_gaps(period) == s.coverage_gaps(period, horizon=_day(at))
