from __future__ import annotations

import itertools
from datetime import date

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Actor,
    Body,
    BodyKind,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Structure,
)
from samverkan_model.structure.graphs import MEMBER_OF, node_rank
from tests.structure.strategies import clean_structures, day, top_level

L = GovernanceLevel
K = RelationKind
JAN, JUN, DEC = date(2025, 1, 1), date(2025, 6, 1), date(2025, 12, 1)


def node(node_id: str, level: GovernanceLevel = L.REGIONAL, **changes: object) -> Body:
    return Body(node_id, node_id.title(), BodyKind.COMMITTEE, level, **changes)  # type: ignore[arg-type]


def org(node_id: str, level: GovernanceLevel = L.LOCAL) -> Actor:
    return Actor(node_id, node_id.title(), OrganisationKind.MUNICIPALITY, level)


def small() -> Structure:
    """An actor and a person seated in a body; the body reports to another until June."""
    return Structure(
        "small",
        actors=[
            Actor("kommun", "Kommun", OrganisationKind.MUNICIPALITY, L.LOCAL, categories={"kommun"})
        ],
        bodies=[node("grupp", host="kommun"), node("ledning", L.CENTRAL, period=Period(JAN))],
        persons=[Person("anna", "Anna", "anna@example.se")],
        memberships=[
            Membership("kommun", "grupp", Role.MEMBER, Period(JAN)),
            Membership("anna", "grupp", Role.CHAIR, Period(JAN, JUN), on_behalf_of="kommun"),
        ],
        relations=[
            Relation("grupp", "ledning", K.REPORTS_TO, Period(JAN, JUN)),
            Relation("kommun", "grupp", K.ESCALATES_TO),
        ],
    )


class TestGraph:
    def test_node_attributes(self) -> None:
        """Actors, bodies and persons are nodes with kind, name and their own attributes."""
        g = small().graph()
        assert g.nodes["kommun"] == {
            "kind": "actor",
            "name": "Kommun",
            "level": L.LOCAL,
            "organisation_kind": OrganisationKind.MUNICIPALITY,
            "area": None,
            "categories": frozenset({"kommun"}),
        }
        assert g.nodes["grupp"]["kind"] == "body"
        assert g.nodes["grupp"]["body_kind"] is BodyKind.COMMITTEE
        assert g.nodes["grupp"]["host"] == "kommun"
        assert g.nodes["ledning"]["period"] == Period(JAN)
        assert g.nodes["anna"] == {"kind": "person", "name": "Anna"}
        assert g.graph["name"] == "small"

    def test_edges_are_keyed_with_attributes(self) -> None:
        """Memberships and relations are keyed edges carrying kind, period, role and lender."""
        g = small().graph()
        assert set(g.edges(keys=True)) == {
            ("kommun", "grupp", "member-of:member@2025-01-01"),
            ("anna", "grupp", "member-of:chair@2025-01-01"),
            ("grupp", "ledning", "reports-to@2025-01-01"),
            ("kommun", "grupp", "escalates-to"),
        }
        seat = g.edges["anna", "grupp", "member-of:chair@2025-01-01"]
        assert seat == {
            "kind": MEMBER_OF,
            "role": Role.CHAIR,
            "period": Period(JAN, JUN),
            "on_behalf_of": "kommun",
        }
        assert g.edges["kommun", "grupp", "escalates-to"] == {
            "kind": "escalates-to",
            "period": None,
        }

    def test_repeated_keys_are_numbered(self) -> None:
        """Two seats that would share a key (same role and start) both stay, as #2."""
        s = Structure(
            "twice",
            actors=[org("a")],
            bodies=[node("b")],
            memberships=[
                Membership("a", "b", Role.MEMBER, Period(JAN, JUN)),
                Membership("a", "b", Role.MEMBER, Period(JAN)),
            ],
            relations=[Relation("a", "b", K.SUPPORTS), Relation("a", "b", K.SUPPORTS)],
        )
        keys = {k for _, _, k in s.graph().edges(keys=True)}
        assert keys == {
            "member-of:member@2025-01-01",
            "member-of:member@2025-01-01#2",
            "supports",
            "supports#2",
        }

    def test_frozen(self) -> None:
        """The graph cannot be changed; a copy can."""
        g = small().graph()
        assert nx.is_frozen(g)
        with pytest.raises(nx.NetworkXError):
            g.add_node("x")
        with pytest.raises(nx.NetworkXError):
            g.remove_edge("kommun", "grupp")
        copy = g.copy()
        copy.add_node("x")
        assert "x" not in g

    def test_cached_per_date(self) -> None:
        """The same graph object is returned for the same date."""
        s = small()
        assert s.graph() is s.graph()
        assert s.graph(JUN) is s.graph(JUN)
        assert s.graph(JUN) is not s.graph(JAN)
        assert s.graph(JUN).graph["at"] == JUN

    def test_ended_memberships_and_relations_are_gone_later(self) -> None:
        """On a day after a seat or relation ends, its edge is not in the graph."""
        s = small()
        before, after = s.graph(date(2025, 5, 31)), s.graph(JUN)
        assert before.has_edge("anna", "grupp")
        assert before.has_edge("grupp", "ledning")
        assert not after.has_edge("anna", "grupp")
        assert not after.has_edge("grupp", "ledning")
        assert after.has_edge("kommun", "grupp")
        assert s.graph().number_of_edges() == 4

    def test_bodies_outside_their_life_are_gone(self) -> None:
        """A body is not in the graph on a day outside its life, nor are edges to it."""
        s = small()
        assert "ledning" not in s.graph(date(2024, 12, 31))
        assert "ledning" in s.graph(JAN)
        assert "ledning" in s.graph()

    def test_unknown_ends_are_left_out(self) -> None:
        """Edges to ids that are not in the structure do not create bare nodes."""
        s = Structure(
            "broken",
            actors=[org("a")],
            memberships=[Membership("a", "ghost", Role.MEMBER, Period(JAN))],
            relations=[Relation("ghost", "a", K.SUPPORTS)],
        )
        assert set(s.graph().nodes) == {"a"}
        assert s.graph().number_of_edges() == 0
        assert s.reporting_graph().number_of_nodes() == 0

    def test_duplicate_ids_keep_the_first_node(self) -> None:
        """When an actor and a person share an id, the node is the actor (as node_kind says)."""
        s = Structure("dup", actors=[org("x")], persons=[Person("x", "Someone")])
        assert s.node_kind("x") == "actor"
        assert s.graph().nodes["x"]["kind"] == "actor"

    @given(clean_structures(), st.none() | st.integers(0, 90).map(day))
    def test_edges_match_what_holds(self, s: Structure, at: date | None) -> None:
        """The graph has one edge per seat and relation holding on *at* between its nodes."""
        g = s.graph(at)
        live = set(g.nodes)
        seats = [m for m in s.memberships_at(at) if m.body in live]
        relations = [r for r in s.relations_at(at) if r.source in live and r.target in live]
        assert g.number_of_edges() == len(seats) + len(relations)
        bodies = {b.id for b in s.bodies if at is None or b.exists_at(at)}
        assert {n for n, kind in g.nodes(data="kind") if kind == "body"} == bodies
        assert {n for n, kind in g.nodes(data="kind") if kind == "actor"} == {
            a.id for a in s.actors
        }


class TestReportingGraph:
    def test_only_reports_to(self) -> None:
        """The reporting graph holds REPORTS_TO relations only, with their periods."""
        g = small().reporting_graph()
        assert isinstance(g, nx.DiGraph)
        assert not g.is_multigraph()
        assert list(g.edges(data=True)) == [("grupp", "ledning", {"period": Period(JAN, JUN)})]
        assert g.nodes["grupp"]["kind"] == "body"

    def test_time_aware_frozen_cached(self) -> None:
        """Dated like graph(): frozen, cached per date, and ended relations are gone."""
        s = small()
        assert s.reporting_graph(DEC).number_of_edges() == 0
        assert s.reporting_graph(JAN).has_edge("grupp", "ledning")
        assert s.reporting_graph() is s.reporting_graph()
        assert nx.is_frozen(s.reporting_graph())

    @given(clean_structures())
    def test_matches_reports_to_relations(self, s: Structure) -> None:
        """Its edges are exactly the REPORTS_TO relations of a clean structure."""
        wanted = {(r.source, r.target) for r in s.relations if r.kind is K.REPORTS_TO}
        assert set(s.reporting_graph().edges) == wanted
        assert nx.is_directed_acyclic_graph(s.reporting_graph())


def upward_choice(s: Structure, node_id: str, at: date | None) -> str | None:
    """The documented preference, computed independently: escalates-to, higher level, id."""
    live = set(s.graph(at).nodes)
    if node_id not in live:
        return None
    candidates = [
        r
        for r in s.relations_at(at)
        if r.source == node_id
        and r.kind in (K.ESCALATES_TO, K.REPORTS_TO)
        and r.target in live
        and r.target != node_id
    ]
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda r: (r.kind is not K.ESCALATES_TO, -node_rank(s, r.target), r.target),
    )
    return best.target


class TestEscalationPath:
    def test_escalates_before_reports(self) -> None:
        """ESCALATES_TO is preferred over REPORTS_TO, even to a lower level."""
        s = Structure(
            "pref",
            bodies=[node("a", L.LOCAL), node("b", L.SUBREGIONAL), node("c", L.CENTRAL)],
            relations=[Relation("a", "c", K.REPORTS_TO), Relation("a", "b", K.ESCALATES_TO)],
        )
        assert s.escalation_path("a") == ("a", "b")

    def test_higher_level_then_smaller_id(self) -> None:
        """Among the same kind, the higher level wins; among equals, the smaller id."""
        s = Structure(
            "pref",
            bodies=[
                node("a", L.LOCAL),
                node("x", L.REGIONAL),
                node("y", L.CENTRAL),
                node("z", L.CENTRAL),
            ],
            relations=[
                Relation("a", "x", K.REPORTS_TO),
                Relation("a", "z", K.REPORTS_TO),
                Relation("a", "y", K.REPORTS_TO),
            ],
        )
        assert s.escalation_path("a") == ("a", "y")

    def test_never_host_leads_or_membership(self) -> None:
        """Hosting, leading, support and seats are not escalation routes."""
        s = Structure(
            "other",
            actors=[org("kommun")],
            bodies=[node("a", L.LOCAL, host="kommun"), node("b", L.CENTRAL)],
            memberships=[Membership("kommun", "b", Role.MEMBER, Period(JAN))],
            relations=[
                Relation("a", "b", K.LEADS),
                Relation("a", "b", K.SUPPORTS),
                Relation("a", "b", K.PART_OF),
            ],
        )
        assert s.escalation_path("a") == ("a",)
        assert s.escalation_path("kommun") == ("kommun",)

    def test_stops_before_a_visited_node(self) -> None:
        """A cycle does not make the walk loop: it stops before revisiting."""
        s = Structure(
            "loop",
            bodies=[node("a"), node("b"), node("c")],
            relations=[
                Relation("a", "b", K.REPORTS_TO),
                Relation("b", "c", K.REPORTS_TO),
                Relation("c", "a", K.REPORTS_TO),
            ],
        )
        assert s.escalation_path("a") == ("a", "b", "c")
        assert s.escalation_path("c") == ("c", "a", "b")

    def test_time_aware(self) -> None:
        """With at, only relations holding then (between nodes existing then) count."""
        s = small()
        assert s.escalation_path("kommun") == ("kommun", "grupp", "ledning")
        assert s.escalation_path("kommun", at=JAN) == ("kommun", "grupp", "ledning")
        assert s.escalation_path("kommun", at=DEC) == ("kommun", "grupp")
        assert s.escalation_path("kommun", at=date(2024, 12, 1)) == ("kommun", "grupp")

    def test_unknown_and_self_targets_are_skipped(self) -> None:
        """An edge to an unknown id or to the node itself leads nowhere."""
        s = Structure(
            "odd",
            bodies=[node("a", L.LOCAL), node("b", L.REGIONAL)],
            relations=[
                Relation("a", "a", K.ESCALATES_TO),
                Relation("a", "ghost", K.ESCALATES_TO),
                Relation("a", "b", K.REPORTS_TO),
            ],
        )
        assert s.escalation_path("a") == ("a", "b")

    def test_person_and_unknown_node(self) -> None:
        """A person's walk is just the person; an unknown id is a KeyError naming it."""
        s = small()
        assert s.escalation_path("anna") == ("anna",)
        with pytest.raises(KeyError, match="no actor, body or person with id 'nobody'"):
            s.escalation_path("nobody")

    def test_node_rank(self) -> None:
        """node_rank is the level rank of actors and bodies, -1 for anything else."""
        s = small()
        assert node_rank(s, "ledning") == 3
        assert node_rank(s, "kommun") == 0
        assert node_rank(s, "anna") == -1
        assert node_rank(s, "ghost") == -1

    @given(clean_structures(), st.none() | st.integers(0, 90).map(day))
    def test_follows_the_documented_preference(self, s: Structure, at: date | None) -> None:
        """Each step is the preferred upward edge, no node repeats, and it ends at a dead end."""
        for start in [*s.actors_by_id, *s.bodies_by_id]:
            path = s.escalation_path(start, at)
            assert path[0] == start
            assert len(set(path)) == len(path)
            for here, there in itertools.pairwise(path):
                assert upward_choice(s, here, at) == there
            assert upward_choice(s, path[-1], at) is None

    @given(clean_structures())
    def test_clean_structures_are_anchored(self, s: Structure) -> None:
        """In a clean structure every body's walk ends at a body of the top level."""
        top = top_level(s)
        for b in s.bodies:
            end = s.escalation_path(b.id)[-1]
            assert s.body(end).level is top
