from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    FINDING_CODES,
    Activation,
    Actor,
    Agreement,
    AgreementKind,
    Area,
    Body,
    BodyKind,
    CoverageRule,
    Decision,
    DecisionKind,
    Finding,
    GovernanceLevel,
    Membership,
    Mode,
    OnCallRoster,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Severity,
    Shift,
    Structure,
    weekly_rotation,
)
from samverkan_model.structure.actors import expected_org_groups
from samverkan_model.structure.validation import DECIDING_KINDS
from tests.structure.strategies import (
    ORIGIN,
    clean_structures,
    day,
    org_number,
    pick,
    top_level,
)

L = GovernanceLevel
K = RelationKind
START = datetime.combine(ORIGIN, time(8))
GHOST = "extra-ghost"
"""An id nothing in a generated structure has."""


@attrs.frozen
class Case:
    """A structure broken in one way, and what to pass to validate()."""

    structure: Structure
    analyses: tuple[Any, ...] | None = None

    def findings(self) -> tuple[Finding, ...]:
        return self.structure.validate(self.analyses)


Breaker = Callable[[st.DrawFn, Structure], Case]


def add(s: Structure, **more: list[Any]) -> Structure:
    """*s* with items appended to some of its collections."""
    return s.with_(**{name: [*getattr(s, name), *items] for name, items in more.items()})


def top_body(
    s: Structure, body_id: str, kind: BodyKind = BodyKind.COMMITTEE, **fields: Any
) -> Body:
    """A new body at the structure's top level (so its own walk is anchored)."""
    return Body(body_id, body_id.title(), kind, top_level(s), **fields)


def seat(member: str, body: str, period: Period | None = None, **fields: Any) -> Membership:
    return Membership(
        member, body, fields.pop("role", Role.MEMBER), period or Period(ORIGIN), **fields
    )


def with_seated_body(s: Structure, body: Body, **more: list[Any]) -> Structure:
    """*s* plus *body*, seated by the first actor so it is not isolated."""
    extra = more.pop("memberships", [])
    return add(s, bodies=[body], memberships=[seat(s.actors[0].id, body.id), *extra], **more)


def life_of(body: Body) -> Period:
    return body.period or Period(ORIGIN)


# -- one breaker per finding code ------------------------------------------------------------


def duplicate_id(draw: st.DrawFn, s: Structure) -> Case:
    a, b = s.actors[0], s.bodies[0]
    variant = draw(st.integers(0, 6))
    if variant == 0:
        return Case(add(s, persons=[Person(a.id, "Namesake")]))
    if variant == 1:
        return Case(add(s, actors=[attrs.evolve(a, name="Copy")]))
    if variant == 2:
        return Case(add(s, bodies=[attrs.evolve(b, name="Copy")]))
    if variant == 3:
        return Case(add(s, persons=[Person(b.id, "Namesake")]))
    if variant == 4:
        parties = [a.id, s.actors[1].id]
        twice = [
            Agreement("extra-agreement", parties, AgreementKind.OTHER, Period(ORIGIN), text)
            for text in ("one", "two")
        ]
        return Case(add(s, agreements=twice))
    if variant == 5:
        group = top_body(s, "extra-group", BodyKind.MANAGEMENT_GROUP)
        decisions = [
            Decision("extra-decision", kind, group.id, ORIGIN)
            for kind in (DecisionKind.BUDGET, DecisionKind.STAFFING)
        ]
        return Case(with_seated_body(s, group, decisions=decisions))
    function = top_body(s, "extra-function", BodyKind.STANDBY_FUNCTION)
    rosters = [
        weekly_rotation(["extra-person"], ORIGIN, n, 0, time(8), function.id) for n in (1, 2)
    ]
    return Case(add(s, bodies=[function], persons=[Person("extra-person", "P")], rosters=rosters))


def unresolved_reference(draw: st.DrawFn, s: Structure) -> Case:
    a, b = s.actors[0], pick(draw, s.bodies)
    person = Person("extra-person", "P")
    function = top_body(s, "extra-function", BodyKind.STANDBY_FUNCTION)
    group = top_body(s, "extra-group", BodyKind.MANAGEMENT_GROUP)
    variants: list[Callable[[], Structure]] = [
        lambda: add(s, memberships=[seat(a.id, GHOST)]),
        lambda: add(s, memberships=[seat(GHOST, b.id, life_of(b))]),
        lambda: add(s, memberships=[seat(s.bodies[-1].id, b.id, life_of(b))]),
        lambda: add(
            s, persons=[person], memberships=[seat(person.id, b.id, life_of(b), on_behalf_of=GHOST)]
        ),
        lambda: add(s, relations=[Relation(a.id, GHOST, draw(st.sampled_from(K)))]),
        lambda: add(s, relations=[Relation(GHOST, b.id, draw(st.sampled_from(K)))]),
        lambda: add(
            s, actors=[Actor("extra-unit", "Unit", OrganisationKind.OTHER, L.LOCAL, part_of=GHOST)]
        ),
        lambda: s.with_(bodies=[attrs.evolve(x, host=GHOST) if x is b else x for x in s.bodies]),
        lambda: add(s, decisions=[Decision("extra-decision", DecisionKind.BUDGET, GHOST, ORIGIN)]),
        lambda: with_seated_body(
            s,
            group,
            decisions=[
                Decision("extra-decision", DecisionKind.BUDGET, group.id, ORIGIN, proposed_by=GHOST)
            ],
        ),
        lambda: add(s, coverage_rules=[CoverageRule(GHOST, ["kommun"], Period(ORIGIN, day(5)))]),
        lambda: add(
            s,
            persons=[person],
            rosters=[weekly_rotation([person.id], ORIGIN, 2, 0, time(8), GHOST)],
        ),
        lambda: add(
            s,
            bodies=[function],
            rosters=[weekly_rotation([GHOST], ORIGIN, 2, 0, time(8), function.id)],
        ),
        lambda: add(
            s,
            bodies=[function],
            persons=[person],
            rosters=[weekly_rotation([(person.id, GHOST)], ORIGIN, 2, 0, time(8), function.id)],
        ),
        lambda: add(
            s,
            agreements=[
                Agreement("extra-agreement", [a.id, GHOST], AgreementKind.OTHER, Period(ORIGIN))
            ],
        ),
        lambda: add(s, activations=[Activation(START, Mode.ACTIVATED, GHOST)]),
    ]
    return Case(variants[draw(st.integers(0, len(variants) - 1))]())


def cycle(kind: RelationKind) -> Breaker:
    def breaker(draw: st.DrawFn, s: Structure) -> Case:
        ring = [top_body(s, f"extra-{n}") for n in range(draw(st.integers(2, 3)))]
        dated = st.none() | st.integers(0, 20).map(lambda n: Period(day(n)))
        links = [
            Relation(x.id, y.id, kind, draw(dated))
            for x, y in zip(ring, [*ring[1:], ring[0]], strict=True)
        ]
        return Case(add(s, bodies=ring, relations=links))

    return breaker


def self_relation(draw: st.DrawFn, s: Structure) -> Case:
    node_id = pick(draw, [*(a.id for a in s.actors), *(b.id for b in s.bodies)])
    return Case(add(s, relations=[Relation(node_id, node_id, draw(st.sampled_from(K)))]))


def part_of_cycle(draw: st.DrawFn, s: Structure) -> Case:
    size = draw(st.integers(1, 3))
    ids = [f"extra-unit-{n}" for n in range(size)]
    units = [
        Actor(i, "Unit", OrganisationKind.OTHER, L.LOCAL, part_of=j)
        for i, j in zip(ids, [*ids[1:], ids[0]], strict=True)
    ]
    return Case(add(s, actors=units))


def downward_escalation(draw: st.DrawFn, s: Structure) -> Case:
    kind = draw(st.sampled_from([K.REPORTS_TO, K.ESCALATES_TO]))
    low = Actor("extra-low", "Low", OrganisationKind.OTHER, L.LOCAL)
    nodes: list[Actor | Body] = [*s.actors, *s.bodies]
    above = [n for n in nodes if n.level > L.LOCAL]
    inside = draw(st.booleans())
    if above and inside:
        high = pick(draw, above).id
        return Case(add(s, actors=[low], relations=[Relation(high, low.id, kind)]))
    level = draw(st.sampled_from([L.SUBREGIONAL, L.REGIONAL, L.CENTRAL]))
    high_actor = Actor("extra-high", "High", OrganisationKind.OTHER, level)
    return Case(add(s, actors=[low, high_actor], relations=[Relation(high_actor.id, low.id, kind)]))


def membership_outside_body_period(draw: st.DrawFn, s: Structure) -> Case:
    life = Period(day(10), day(20))
    body = top_body(s, "extra-body", period=life)
    outside = draw(
        st.sampled_from(
            [Period(day(5), day(15)), Period(day(15)), Period(day(15), day(25)), Period(ORIGIN)]
        )
    )
    return Case(add(s, bodies=[body], memberships=[seat(s.actors[0].id, body.id, outside)]))


def concurrent_chairs(draw: st.DrawFn, s: Structure) -> Case:
    body = top_body(s, "extra-body")
    start = draw(st.integers(0, 30))
    second = Period(day(start), draw(st.none() | st.integers(1, 30).map(lambda n: day(start + n))))
    chairs = [
        seat(s.actors[0].id, body.id, Period(ORIGIN), role=Role.CHAIR),
        seat(s.actors[1].id, body.id, second, role=Role.CHAIR),
    ]
    return Case(add(s, bodies=[body], memberships=chairs))


def unanchored_body(draw: st.DrawFn, s: Structure) -> Case:
    top = top_level(s)
    if top > L.LOCAL:
        level = draw(st.sampled_from([x for x in L if x < top]))
        return Case(with_seated_body(s, Body("extra-body", "Low", BodyKind.COMMITTEE, level)))
    return Case(with_seated_body(s, Body("extra-body", "High", BodyKind.COMMITTEE, L.CENTRAL)))


def isolated_body(draw: st.DrawFn, s: Structure) -> Case:
    return Case(add(s, bodies=[top_body(s, "extra-body", draw(st.sampled_from(BodyKind)))]))


def person_without_membership(draw: st.DrawFn, s: Structure) -> Case:
    contact = draw(st.sampled_from(["anna@example.se", "070-123 45 67"]))
    return Case(add(s, persons=[Person("extra-person", "Anna", contact)]))


def org_number_group(draw: st.DrawFn, s: Structure) -> Case:
    kind = draw(st.sampled_from([k for k in OrganisationKind if expected_org_groups(k)]))
    wrong = draw(st.sampled_from(sorted(set("25789") - expected_org_groups(kind))))
    number = org_number(wrong, draw(st.integers(0, 99_999_999)))
    return Case(add(s, actors=[Actor("extra-org", "Org", kind, L.LOCAL, org_number=number)]))


def non_deciding_body(draw: st.DrawFn, s: Structure) -> Case:
    pairs = [
        (body_kind, decision_kind)
        for body_kind in BodyKind
        if body_kind is not BodyKind.ISF_SUPPORT
        for decision_kind in DecisionKind
        if decision_kind not in DECIDING_KINDS.get(body_kind, frozenset())
    ]
    body_kind, decision_kind = draw(st.sampled_from(pairs))
    body = top_body(s, "extra-body", body_kind)
    return Case(
        with_seated_body(
            s, body, decisions=[Decision("extra-decision", decision_kind, body.id, ORIGIN)]
        )
    )


def isf_support_decision(draw: st.DrawFn, s: Structure) -> Case:
    body = top_body(s, "extra-support", BodyKind.ISF_SUPPORT)
    decision = Decision("extra-decision", draw(st.sampled_from(DecisionKind)), body.id, ORIGIN)
    return Case(with_seated_body(s, body, decisions=[decision]))


def proposer_not_reporting(draw: st.DrawFn, s: Structure) -> Case:
    decider = top_body(s, "extra-decider", BodyKind.MANAGEMENT_GROUP)
    proposer = top_body(s, "extra-proposer", BodyKind.COORDINATION_GROUP)
    ended = draw(st.booleans())
    relations = (
        [Relation(proposer.id, decider.id, K.REPORTS_TO, Period(ORIGIN, day(10)))] if ended else []
    )
    decision = Decision(
        "extra-decision", DecisionKind.DIRECTION, decider.id, day(30), proposed_by=proposer.id
    )
    s = with_seated_body(s, decider, decisions=[decision], relations=relations)
    return Case(with_seated_body(s, proposer))


def decision_measure_missing(draw: st.DrawFn, s: Structure) -> Case:
    group = top_body(s, "extra-group", BodyKind.MANAGEMENT_GROUP)
    decision = Decision(
        "extra-decision", DecisionKind.DIRECTION, group.id, ORIGIN, measures=["rsa-2025/m1"]
    )
    return Case(with_seated_body(s, group, decisions=[decision]), analyses=())


def coverage_gap(draw: st.DrawFn, s: Structure) -> Case:
    office = top_body(s, "extra-office", BodyKind.COORDINATION_OFFICE)
    helper = Actor("extra-helper", "Helper", OrganisationKind.OTHER, L.LOCAL, categories={"kommun"})
    start = draw(st.integers(0, 10))
    rule = CoverageRule(office.id, ["kommun", "blaljus"], Period(day(start), day(start + 20)))
    return Case(
        add(
            s,
            actors=[helper],
            bodies=[office],
            memberships=[seat(helper.id, office.id)],
            coverage_rules=[rule],
        )
    )


def roster_gap(draw: st.DrawFn, s: Structure) -> Case:
    function = top_body(s, "extra-function", BodyKind.STANDBY_FUNCTION)
    pause = timedelta(hours=draw(st.integers(1, 48)))
    shifts = [
        Shift("extra-person", START, START + timedelta(weeks=1)),
        Shift("extra-person", START + timedelta(weeks=1) + pause, START + timedelta(weeks=2)),
    ]
    return Case(
        add(
            s,
            bodies=[function],
            persons=[Person("extra-person", "P")],
            rosters=[OnCallRoster(function.id, shifts)],
        )
    )


def roster_overlap(draw: st.DrawFn, s: Structure) -> Case:
    function = top_body(s, "extra-function", BodyKind.STANDBY_FUNCTION)
    overlap = timedelta(hours=draw(st.integers(1, 48)))
    shifts = [
        Shift("extra-anna", START, START + timedelta(weeks=1)),
        Shift("extra-bo", START + timedelta(weeks=1) - overlap, START + timedelta(weeks=2)),
    ]
    persons = [Person("extra-anna", "A"), Person("extra-bo", "B")]
    return Case(
        add(s, bodies=[function], persons=persons, rosters=[OnCallRoster(function.id, shifts)])
    )


def activation_not_allowed(draw: st.DrawFn, s: Structure) -> Case:
    if draw(st.booleans()):
        body = top_body(
            s, "extra-body", draw(st.sampled_from([BodyKind.COMMITTEE, BodyKind.ISF_SUPPORT]))
        )
    else:
        # An ISF active only in activated mode cannot itself switch normal mode off.
        body = top_body(s, "extra-body", BodyKind.ISF, active_in={Mode.ACTIVATED})
    return Case(with_seated_body(s, body, activations=[Activation(START, Mode.ACTIVATED, body.id)]))


def simultaneous_activations(draw: st.DrawFn, s: Structure) -> Case:
    group = top_body(s, "extra-group", BodyKind.MANAGEMENT_GROUP)
    both = [Activation(START, mode, group.id) for mode in Mode]
    return Case(with_seated_body(s, group, activations=both))


def area_responsibility_level(draw: st.DrawFn, s: Structure) -> Case:
    wrong = draw(
        st.sampled_from(
            [
                (OrganisationKind.MUNICIPALITY, L.REGIONAL, "0180"),
                (OrganisationKind.MUNICIPALITY, L.LOCAL, "01"),
                (OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD, L.LOCAL, "01"),
                (OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, "0180"),
                (OrganisationKind.GOVERNMENT_AGENCY, L.REGIONAL, "SE"),
            ]
        )
    )
    kind, level, code = wrong
    return Case(add(s, actors=[Actor("extra-actor", "Wrong", kind, level, area=Area(code))]))


BREAKERS: dict[str, Breaker] = {
    "duplicate-id": duplicate_id,
    "unresolved-reference": unresolved_reference,
    "reporting-cycle": cycle(K.REPORTS_TO),
    "escalation-cycle": cycle(K.ESCALATES_TO),
    "self-relation": self_relation,
    "part-of-cycle": part_of_cycle,
    "downward-escalation": downward_escalation,
    "membership-outside-body-period": membership_outside_body_period,
    "concurrent-chairs": concurrent_chairs,
    "unanchored-body": unanchored_body,
    "isolated-body": isolated_body,
    "person-without-membership": person_without_membership,
    "org-number-group": org_number_group,
    "non-deciding-body": non_deciding_body,
    "isf-support-decision": isf_support_decision,
    "proposer-not-reporting": proposer_not_reporting,
    "decision-measure-missing": decision_measure_missing,
    "coverage-gap": coverage_gap,
    "roster-gap": roster_gap,
    "roster-overlap": roster_overlap,
    "activation-not-allowed": activation_not_allowed,
    "simultaneous-activations": simultaneous_activations,
    "area-responsibility-level": area_responsibility_level,
}
"""How to break a clean structure so that it has each structure finding code."""

CONSEQUENCES: dict[str, frozenset[str]] = {
    "unresolved-reference": frozenset({"coverage-gap"}),
    "downward-escalation": frozenset({"unanchored-body"}),
}
"""Warnings a break may cause besides its own code (a rule for an unknown body lacks
everything; an edge down to a dead end leaves the bodies above unanchored)."""


@st.composite
def broken(draw: st.DrawFn, code: str) -> Case:
    """A small clean structure broken by the breaker for *code*."""
    return BREAKERS[code](draw, draw(clean_structures(max_bodies=3, max_actors=3)))


STRUCTURE_CODES = {code for code, entry in FINDING_CODES.items() if entry.scope == "structure"}


class TestEveryCode:
    def test_every_structure_code_has_a_breaker(self) -> None:
        """Each finding code with scope 'structure' is tested by exactly one breaker below."""
        assert set(BREAKERS) == STRUCTURE_CODES

    def test_allowed_consequences_are_warnings(self) -> None:
        """A break may bring extra warnings, never extra errors."""
        for extra in CONSEQUENCES.values():
            assert all(FINDING_CODES[c].severity is Severity.WARNING for c in extra)

    @given(clean_structures())
    def test_clean_structures_have_no_findings(self, s: Structure) -> None:
        """The clean structures the breakers start from have no finding at all."""
        assert s.validate() == ()
        assert s.check() is s

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    @given(data=st.data())
    def test_one_break_one_code(self, code: str, data: st.DataObject) -> None:
        """Breaking a clean structure in one way gives that code, and no other error."""
        found = data.draw(broken(code)).findings()
        codes = {f.code for f in found}
        assert code in codes, [str(f) for f in found]
        assert codes - {code} <= CONSEQUENCES.get(code, frozenset()), [str(f) for f in found]
        for f in found:
            assert f.severity is FINDING_CODES[f.code].severity
            assert f.subject
            assert f.message


def body(
    body_id: str,
    level: GovernanceLevel = L.REGIONAL,
    kind: BodyKind = BodyKind.COMMITTEE,
    **fields: Any,
) -> Body:
    return Body(body_id, body_id.title(), kind, level, **fields)


def codes(s: Structure, **kwargs: Any) -> list[str]:
    return [f.code for f in s.validate(**kwargs)]


class TestCycles:
    def test_cycle_only_if_relations_overlap_in_time(self) -> None:
        """A reporting loop made of relations that never hold together is no cycle."""
        apart = Structure(
            "apart",
            bodies=[body("a"), body("b")],
            relations=[
                Relation("a", "b", K.REPORTS_TO, Period(date(2025, 1, 1), date(2025, 6, 1))),
                Relation("b", "a", K.REPORTS_TO, Period(date(2025, 6, 1))),
            ],
        )
        assert "reporting-cycle" not in codes(apart)

    def test_cycle_at_one_date_is_found_and_dated(self) -> None:
        """A loop that exists only from some day on is found, and the message says when."""
        s = Structure(
            "sometimes",
            bodies=[body("a"), body("b"), body("c")],
            relations=[
                Relation("a", "b", K.REPORTS_TO),
                Relation("b", "c", K.REPORTS_TO, Period(date(2025, 1, 1), date(2025, 3, 1))),
                Relation("c", "a", K.REPORTS_TO, Period(date(2025, 2, 1), date(2025, 4, 1))),
            ],
        )
        found = [f for f in s.validate() if f.code == "reporting-cycle"]
        assert len(found) == 1
        assert "on 2025-02-01" in found[0].message
        assert set(found[0].subject) == {"a", "b", "c"}

    def test_undated_cycle(self) -> None:
        """An undated loop is reported without a date."""
        s = Structure(
            "always",
            bodies=[body("a"), body("b")],
            relations=[Relation("a", "b", K.ESCALATES_TO), Relation("b", "a", K.ESCALATES_TO)],
        )
        found = [f for f in s.validate() if f.code == "escalation-cycle"]
        assert [f.message for f in found] == ["escalates-to relations form a cycle: a -> b -> a"]

    def test_kinds_do_not_mix(self) -> None:
        """A loop of one reports-to and one escalates-to relation is not a cycle of either."""
        s = Structure(
            "mixed",
            bodies=[body("a"), body("b")],
            relations=[Relation("a", "b", K.REPORTS_TO), Relation("b", "a", K.ESCALATES_TO)],
        )
        assert not {"reporting-cycle", "escalation-cycle"} & set(codes(s))

    def test_self_relation_is_not_also_a_cycle(self) -> None:
        """A body reporting to itself is one self-relation finding, not a cycle as well."""
        s = Structure("self", bodies=[body("a")], relations=[Relation("a", "a", K.REPORTS_TO)])
        assert codes(s) == ["self-relation"]
        assert s.validate()[0].message == "'a' reports-to itself"

    def test_part_of_loop_reported_once(self) -> None:
        """A part-of loop is one finding naming its members, whichever actor it starts from."""
        actors = [
            Actor("a", "A", OrganisationKind.OTHER, L.LOCAL, part_of="b"),
            Actor("b", "B", OrganisationKind.OTHER, L.LOCAL, part_of="a"),
            Actor("c", "C", OrganisationKind.OTHER, L.LOCAL, part_of="a"),
            Actor("d", "D", OrganisationKind.OTHER, L.LOCAL, part_of="c"),
        ]
        found = Structure("units", actors=actors).validate()
        assert [(f.code, f.subject) for f in found] == [("part-of-cycle", ("a", "b"))]
        assert found[0].message == "part-of leads round in a loop: a -> b -> a"


class TestChairs:
    def test_handover_on_the_same_day_is_fine(self) -> None:
        """Half-open periods: one chair ending the day the next starts do not overlap."""
        s = Structure(
            "chairs",
            actors=[Actor(x, x, OrganisationKind.OTHER, L.REGIONAL) for x in ("a", "b")],
            bodies=[body("g")],
            memberships=[
                Membership("a", "g", Role.CHAIR, Period(date(2025, 1, 1), date(2025, 6, 1))),
                Membership("b", "g", Role.CHAIR, Period(date(2025, 6, 1))),
            ],
        )
        assert codes(s) == []

    def test_every_overlapping_pair(self) -> None:
        """A long chair period overlapping two later ones gives both pairs."""
        chairs = [
            ("a", Period(date(2025, 1, 1), date(2025, 12, 1))),
            ("b", Period(date(2025, 2, 1), date(2025, 3, 1))),
            ("c", Period(date(2025, 5, 1), date(2025, 8, 1))),
        ]
        s = Structure(
            "chairs",
            actors=[Actor(x, x, OrganisationKind.OTHER, L.REGIONAL) for x, _ in chairs],
            bodies=[body("g")],
            memberships=[Membership(x, "g", Role.CHAIR, p) for x, p in chairs],
        )
        found = [f for f in s.validate() if f.code == "concurrent-chairs"]
        assert sorted(f.subject for f in found) == [("g", "a", "b"), ("g", "a", "c")]
        assert "from 2025-05-01" in str(found)

    def test_same_member_twice_is_not_two_chairs(self) -> None:
        """One member holding two overlapping chair seats is not two chairs."""
        s = Structure(
            "twice",
            actors=[Actor("a", "A", OrganisationKind.OTHER, L.REGIONAL)],
            bodies=[body("g")],
            memberships=[
                Membership("a", "g", Role.CHAIR, Period(date(2025, 1, 1))),
                Membership("a", "g", Role.CHAIR, Period(date(2025, 3, 1))),
            ],
        )
        assert "concurrent-chairs" not in codes(s)


class TestMembershipPeriods:
    @pytest.mark.parametrize(
        ("seat_period", "ok"),
        [
            (Period(date(2025, 1, 1), date(2026, 1, 1)), True),
            (Period(date(2025, 3, 1), date(2025, 4, 1)), True),
            (Period(date(2025, 3, 1), date(2025, 3, 1)), True),
            (Period(date(2024, 12, 31), date(2025, 4, 1)), False),
            (Period(date(2025, 3, 1), date(2026, 1, 2)), False),
            (Period(date(2025, 3, 1)), False),
        ],
    )
    def test_inside_the_life(self, seat_period: Period, ok: bool) -> None:
        """A seat must lie within the body's life; an empty seat period always does."""
        s = Structure(
            "life",
            actors=[Actor("a", "A", OrganisationKind.OTHER, L.REGIONAL)],
            bodies=[body("g", period=Period(date(2025, 1, 1), date(2026, 1, 1)))],
            memberships=[Membership("a", "g", Role.MEMBER, seat_period)],
        )
        assert ("membership-outside-body-period" not in codes(s)) == ok


class TestAnchoring:
    def test_walk_ending_at_an_actor_is_unanchored(self) -> None:
        """A body whose walk ends at an actor, not a top-level body, is unanchored."""
        s = Structure(
            "actor-end",
            actors=[Actor("lst", "Lst", OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD, L.CENTRAL)],
            bodies=[body("top", L.CENTRAL), body("low", L.LOCAL)],
            memberships=[Membership("lst", "top", Role.MEMBER, Period(ORIGIN))],
            relations=[Relation("low", "lst", K.REPORTS_TO)],
        )
        found = [f for f in s.validate() if f.code == "unanchored-body"]
        assert [f.subject for f in found] == [("low",)]
        assert found[0].message == (
            "the escalation walk from 'low' ends at 'lst', not at a body of the central level"
        )

    def test_top_is_the_highest_level_present(self) -> None:
        """With regional bodies only, a walk ending at a regional body is anchored."""
        s = Structure(
            "regional",
            bodies=[body("top", L.REGIONAL), body("low", L.LOCAL)],
            relations=[Relation("low", "top", K.ESCALATES_TO)],
        )
        assert codes(s) == []


class TestOtherRules:
    def test_proposer_that_is_the_decider(self) -> None:
        """A body proposing its own decision needs no reporting line to itself."""
        s = Structure(
            "self",
            actors=[Actor("a", "A", OrganisationKind.OTHER, L.REGIONAL)],
            bodies=[body("g", kind=BodyKind.MANAGEMENT_GROUP)],
            memberships=[Membership("a", "g", Role.MEMBER, Period(ORIGIN))],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", ORIGIN, proposed_by="g")],
        )
        assert codes(s) == []

    def test_proposer_reporting_through_others(self) -> None:
        """A proposer reporting to the decider through another body is fine on that day."""
        s = Structure(
            "chain",
            bodies=[body("g", kind=BodyKind.MANAGEMENT_GROUP), body("m"), body("p")],
            relations=[Relation("p", "m", K.REPORTS_TO), Relation("m", "g", K.REPORTS_TO)],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", ORIGIN, proposed_by="p")],
        )
        assert codes(s) == []

    def test_proposer_reporting_through_an_actor(self) -> None:
        """The reporting line may pass through an actor."""
        s = Structure(
            "via-actor",
            actors=[Actor("a", "A", OrganisationKind.OTHER, L.REGIONAL)],
            bodies=[body("g", kind=BodyKind.MANAGEMENT_GROUP), body("p")],
            relations=[Relation("p", "a", K.REPORTS_TO), Relation("a", "g", K.REPORTS_TO)],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", ORIGIN, proposed_by="p")],
        )
        assert "proposer-not-reporting" not in codes(s)

    def test_proposer_line_through_a_body_that_has_ended(self) -> None:
        """A reporting line through a body that no longer exists does not count."""
        s = Structure(
            "ended",
            bodies=[
                body("g", kind=BodyKind.MANAGEMENT_GROUP),
                body("m", period=Period(ORIGIN, day(10))),
                body("p"),
            ],
            relations=[Relation("p", "m", K.REPORTS_TO), Relation("m", "g", K.REPORTS_TO)],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", day(20), proposed_by="p")],
        )
        assert "proposer-not-reporting" in codes(s)
        early = s.with_(
            decisions=[Decision("d", DecisionKind.BUDGET, "g", day(5), proposed_by="p")]
        )
        assert "proposer-not-reporting" not in codes(early)

    def test_proposer_that_no_longer_exists(self) -> None:
        """A proposer whose life ended before the decision does not report on that day."""
        s = Structure(
            "gone",
            bodies=[
                body("g", kind=BodyKind.MANAGEMENT_GROUP),
                body("p", period=Period(ORIGIN, day(10))),
            ],
            relations=[Relation("p", "g", K.REPORTS_TO)],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", day(20), proposed_by="p")],
        )
        assert "proposer-not-reporting" in codes(s)

    def test_activation_by_a_body_outside_its_life(self) -> None:
        """A body cannot switch the mode on a day it does not exist."""
        s = Structure(
            "late",
            actors=[Actor("a", "A", OrganisationKind.OTHER, L.REGIONAL)],
            bodies=[body("g", kind=BodyKind.MANAGEMENT_GROUP, period=Period(day(30)))],
            memberships=[Membership("a", "g", Role.MEMBER, Period(day(30)))],
            activations=[Activation(START, Mode.ACTIVATED, "g")],
        )
        found = [f for f in s.validate() if f.code == "activation-not-allowed"]
        assert len(found) == 1
        assert "does not exist then" in found[0].message

    def test_measures_known_to_the_analyses(self) -> None:
        """Measures are only checked when analyses are given, and known ones pass."""

        @attrs.frozen
        class Measure:
            id: str

        @attrs.frozen
        class Analysis:
            id: str
            measures: tuple[Measure, ...]

        s = Structure(
            "measures",
            bodies=[body("g", kind=BodyKind.MANAGEMENT_GROUP)],
            decisions=[Decision("d", DecisionKind.BUDGET, "g", ORIGIN, measures=["rsa/m1"])],
        )
        found = codes(s)
        assert "decision-measure-missing" not in found
        known = (Analysis("rsa", (Measure("m1"),)),)
        assert "decision-measure-missing" not in codes(s, analyses=known)
        assert "decision-measure-missing" in codes(s, analyses=(Analysis("rsa", ()),))

    def test_persons_without_contact_or_on_a_roster(self) -> None:
        """Only persons with contact data and no seat or shift are reported."""
        s = Structure(
            "people",
            bodies=[body("rsib", kind=BodyKind.STANDBY_FUNCTION)],
            persons=[Person("quiet", "Q"), Person("standby", "S", "s@example.se")],
            rosters=[weekly_rotation(["standby"], ORIGIN, 2, 0, time(8), "rsib")],
        )
        assert codes(s) == []

    def test_body_with_only_a_roster_is_not_isolated(self) -> None:
        """A standby function whose only link is its roster is not isolated."""
        s = Structure(
            "standby",
            bodies=[body("rsib", kind=BodyKind.STANDBY_FUNCTION)],
            persons=[Person("p", "P")],
            rosters=[weekly_rotation(["p"], ORIGIN, 1, 0, time(8), "rsib")],
        )
        assert "isolated-body" not in codes(s)
        assert "isolated-body" in codes(s.with_(rosters=[OnCallRoster("rsib")]))

    def test_org_groups_only_where_expected(self) -> None:
        """Kinds without an expected group accept any group; a wrong group is named."""
        s = Structure(
            "orgs",
            actors=[
                Actor("a", "A", OrganisationKind.OTHER, L.LOCAL, org_number=org_number("5", 1)),
                Actor(
                    "b", "B", OrganisationKind.MUNICIPALITY, L.LOCAL, org_number=org_number("8", 1)
                ),
            ],
        )
        found = s.validate()
        assert [(f.code, f.subject) for f in found] == [("org-number-group", ("b",))]
        assert "group 8 (expected 2)" in found[0].message

    def test_duplicate_roster_message(self) -> None:
        """Two rosters for one function are a duplicate, saying only the first is used."""
        roster = weekly_rotation(["p"], ORIGIN, 1, 0, time(8), "rsib")
        s = Structure(
            "two",
            bodies=[body("rsib", kind=BodyKind.STANDBY_FUNCTION)],
            persons=[Person("p", "P")],
            rosters=[roster, attrs.evolve(roster, min_people=2)],
        )
        found = [f for f in s.validate() if f.code == "duplicate-id"]
        assert [f.message for f in found] == [
            "standby function 'rsib' has 2 rosters; only the first is used"
        ]

    def test_findings_are_sorted_worst_first(self) -> None:
        """validate() returns errors before warnings, each group by code."""
        s = Structure(
            "mixed",
            bodies=[body("lonely"), body("b")],
            persons=[Person("p", "P", "p@example.se")],
            relations=[Relation("b", "b", K.SUPPORTS)],
        )
        assert codes(s) == ["self-relation", "isolated-body", "person-without-membership"]

    def test_horizon_limits_open_rules(self) -> None:
        """An open coverage rule is checked up to the horizon given."""
        s = Structure(
            "office",
            bodies=[body("office")],
            coverage_rules=[CoverageRule("office", ["kommun"], Period(ORIGIN))],
        )
        gaps = [f for f in s.validate(horizon=day(10)) if f.code == "coverage-gap"]
        assert [f.message for f in gaps] == [
            "'office' lacks kommun during [2025-01-01, 2025-01-11)"
        ]
