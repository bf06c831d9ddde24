"""Hypothesis builders for the structure tests, valid by construction.

:func:`clean_structures` draws structures with no finding at all: every body sits in a
levelled, acyclic escalation order that ends at the top level, every body has a seat,
organisation numbers fit their kinds, chairs follow each other without overlap, rosters are
weekly rotations and coverage rules are met. The breakers in ``test_validation.py`` then
change exactly one thing. Nothing is filtered: ids come from counters (``actor-0``,
``body-1``), dates are small offsets from :data:`ORIGIN`, so examples shrink towards few
objects, short periods and early dates.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import attrs
from hypothesis import strategies as st
from stdnum import luhn

from samverkan_model import (
    Actor,
    Agreement,
    AgreementKind,
    Area,
    AreaKind,
    Body,
    BodyKind,
    CoverageRule,
    Decision,
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
    Shift,
    Structure,
    weekly_rotation,
)
from samverkan_model.structure.actors import expected_org_groups
from samverkan_model.structure.validation import DECIDING_KINDS

ORIGIN = date(2025, 1, 1)
"""Day 0 of every generated date."""

CATEGORIES = ("blaljus", "kommun", "trafik")
LEVELS = sorted(GovernanceLevel)
"""Governance levels from local up to central."""

AREA_CODES = ("SE", "01", "14", "0180", "0181", "1384", "1480")
UPWARD = (RelationKind.ESCALATES_TO, RelationKind.REPORTS_TO)
SIDEWAYS = (RelationKind.SUPPORTS, RelationKind.COORDINATES_WITH, RelationKind.LEADS)
QUIET_ROLES = (Role.MEMBER, Role.SECRETARY, Role.COORDINATOR, Role.CONTACT, Role.HEAD)


def day(offset: int) -> date:
    """The day *offset* days after :data:`ORIGIN`."""
    return ORIGIN + timedelta(days=offset)


def org_number(group: str, payload: int) -> str:
    """A valid organisation number in *group* (its first digit), with its Luhn digit."""
    body = f"{group}{payload:08d}"
    return f"{body}{luhn.calc_check_digit(body)}"


def top_level(structure: Structure) -> GovernanceLevel:
    """The highest level among the structure's bodies."""
    return max(b.level for b in structure.bodies)


@st.composite
def periods(
    draw: st.DrawFn, *, latest_start: int = 60, open_ended: bool = True, min_length: int = 0
) -> Period:
    """A period starting within *latest_start* days of the origin, open or up to 60 days."""
    start = draw(st.integers(0, latest_start))
    lengths = st.integers(min_length, 60)
    length = draw(st.none() | lengths) if open_ended else draw(lengths)
    return Period(day(start), None if length is None else day(start + length))


@st.composite
def period_within(draw: st.DrawFn, life: Period | None) -> Period:
    """A non-empty period inside *life* (anything when *life* is ``None``)."""
    if life is None:
        return draw(periods(min_length=1))
    if life.end is None:
        start = life.start + timedelta(days=draw(st.integers(0, 30)))
        length = draw(st.none() | st.integers(1, 60))
        return Period(start, None if length is None else start + timedelta(days=length))
    days = (life.end - life.start).days
    first = draw(st.integers(0, days - 1))
    last = draw(st.integers(first + 1, days))
    return Period(life.start + timedelta(days=first), life.start + timedelta(days=last))


def _fits(area: Area, kind: OrganisationKind, level: GovernanceLevel) -> bool:
    """Whether stating *area* for such an actor claims no area responsibility wrongly.

    The nation is the Government's area (central level); a municipality's area is a
    municipality at the local level, a county board's a county at the regional level.
    """
    if area.kind is AreaKind.NATION:
        return level is GovernanceLevel.CENTRAL
    if kind is OrganisationKind.MUNICIPALITY:
        return area.kind is AreaKind.MUNICIPALITY and level is GovernanceLevel.LOCAL
    if kind is OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD:
        return area.kind is AreaKind.COUNTY and level is GovernanceLevel.REGIONAL
    return True


@st.composite
def actors(draw: st.DrawFn, actor_id: str, earlier: Sequence[str] = ()) -> Actor:
    """A valid actor whose organisation number (if any) fits its kind."""
    kind = draw(st.sampled_from(OrganisationKind))
    groups = sorted(expected_org_groups(kind)) or ["2", "5", "7", "8"]
    number = draw(
        st.none() | st.builds(org_number, st.sampled_from(groups), st.integers(0, 99_999_999))
    )
    level = draw(st.sampled_from(LEVELS))
    area = draw(st.none() | st.sampled_from(AREA_CODES).map(Area))
    return Actor(
        actor_id,
        draw(st.text(min_size=1, max_size=12)),
        kind,
        level,
        area=area if area is None or _fits(area, kind, level) else None,
        org_number=number,
        categories=draw(st.frozensets(st.sampled_from(CATEGORIES))),
        part_of=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
    )


@st.composite
def chair_seats(draw: st.DrawFn, body: Body, members: Sequence[str]) -> list[Membership]:
    """Chairs of *body* that follow each other: each ends the day the next one starts."""
    life = body.period
    start = ORIGIN if life is None else life.start
    last = None if life is None else life.end
    cuts = sorted(draw(st.sets(st.integers(1, 40), max_size=3)))
    bounds = [
        start + timedelta(days=c) for c in cuts if last is None or start + timedelta(c) < last
    ]
    edges = [start, *bounds, last]
    seats = []
    for lo, hi in itertools.pairwise(edges):
        assert lo is not None
        seats.append(
            Membership(draw(st.sampled_from(members)), body.id, Role.CHAIR, Period(lo, hi))
        )
    return seats


def _bodies(draw: st.DrawFn, max_bodies: int) -> list[Body]:
    # Bodies in non-decreasing level order, so "later" never means "lower".
    present = draw(st.sets(st.sampled_from(LEVELS), min_size=1))
    top = max(present)
    n = draw(st.integers(1, max_bodies))
    levels = sorted([top, *draw(st.lists(st.sampled_from(sorted(present)), max_size=n - 1))])
    modes = st.sampled_from(
        [frozenset(Mode), frozenset({Mode.NORMAL}), frozenset({Mode.ACTIVATED})]
    )
    return [
        Body(
            f"body-{i}",
            f"Body {i}",
            draw(st.sampled_from(BodyKind)),
            level,
            active_in=draw(modes),
            period=draw(st.none() | periods(latest_start=20, min_length=10)),
        )
        for i, level in enumerate(levels)
    ]


def _relations(draw: st.DrawFn, bodies: Sequence[Body], actors_: Sequence[Actor]) -> list[Relation]:
    # Each non-top body escalates or reports to later bodies only: the walk always ends
    # at a top-level body and never loops.
    top = bodies[-1].level
    relations: list[Relation] = []
    for i, b in enumerate(bodies):
        later = [c.id for c in bodies[i + 1 :]]
        if b.level < top:
            targets = draw(st.lists(st.sampled_from(later), min_size=1, max_size=2, unique=True))
        else:
            targets = draw(st.lists(st.sampled_from(later), max_size=1)) if later else []
        relations += [Relation(b.id, t, draw(st.sampled_from(UPWARD))) for t in targets]
    for a in actors_:
        above = [b.id for b in bodies if b.level >= a.level]
        linked = draw(st.booleans())
        if above and linked:
            target = draw(st.sampled_from(above))
            relations.append(Relation(a.id, target, draw(st.sampled_from(UPWARD))))
    nodes = [*(a.id for a in actors_), *(b.id for b in bodies)]
    for _ in range(draw(st.integers(0, 2))):
        pair = draw(st.lists(st.sampled_from(nodes), min_size=2, max_size=2, unique=True))
        relations.append(Relation(pair[0], pair[1], draw(st.sampled_from(SIDEWAYS))))
    return relations


def _seats(
    draw: st.DrawFn, bodies: Sequence[Body], actor_ids: Sequence[str], person_ids: Sequence[str]
) -> list[Membership]:
    seats: list[Membership] = []
    members = [*actor_ids, *person_ids]
    for b in bodies:
        for _ in range(draw(st.integers(1, 2))):
            member = draw(st.sampled_from(members))
            lender = draw(st.none() | st.sampled_from(actor_ids)) if member in person_ids else None
            role = draw(st.sampled_from(QUIET_ROLES))
            seats.append(Membership(member, b.id, role, draw(period_within(b.period)), lender))
        if draw(st.booleans()):
            seats += draw(chair_seats(b, members))
    return seats


def _decisions(draw: st.DrawFn, bodies: Sequence[Body]) -> list[Decision]:
    decisions = []
    for i, b in enumerate(bodies):
        allowed = sorted(DECIDING_KINDS.get(b.kind, frozenset()), key=lambda k: k.value)
        decides = draw(st.booleans())
        if allowed and decides:
            kind = draw(st.sampled_from(allowed))
            decisions.append(Decision(f"decision-{i}", kind, b.id, day(draw(st.integers(0, 60)))))
    return decisions


def _rules(
    draw: st.DrawFn, bodies: Sequence[Body]
) -> tuple[list[Actor], list[Membership], list[CoverageRule]]:
    """Coverage rules that hold: a fully equipped helper actor sits through each rule."""
    helpers, seats, rules = [], [], []
    for b in bodies:
        if not draw(st.booleans()):
            continue
        window = draw(period_within(b.period))
        cats = draw(st.frozensets(st.sampled_from(CATEGORIES), min_size=1))
        helper = Actor(f"helper-{b.id}", "Helper", OrganisationKind.OTHER, b.level, categories=cats)
        helpers.append(helper)
        seats.append(Membership(helper.id, b.id, Role.MEMBER, window))
        rules.append(CoverageRule(b.id, cats, window))
    return helpers, seats, rules


def _rosters(
    draw: st.DrawFn, bodies: Sequence[Body], person_ids: Sequence[str]
) -> list[OnCallRoster]:
    standby = [b for b in bodies if b.kind is BodyKind.STANDBY_FUNCTION]
    if not standby or not person_ids or not draw(st.booleans()):
        return []
    people = draw(st.lists(st.sampled_from(person_ids), min_size=1, max_size=3))
    roster = weekly_rotation(
        people,
        day(draw(st.integers(0, 30))),
        draw(st.integers(0, 5)),
        draw(st.integers(0, 6)),
        time(draw(st.integers(0, 23))),
        draw(st.sampled_from(standby)).id,
    )
    return [roster]


@st.composite
def clean_structures(draw: st.DrawFn, *, max_bodies: int = 6, max_actors: int = 5) -> Structure:
    """A structure for which ``validate()`` finds nothing at all."""
    bodies = _bodies(draw, max_bodies)
    actors_: list[Actor] = []
    for i in range(draw(st.integers(2, max_actors))):
        actors_.append(draw(actors(f"actor-{i}", [a.id for a in actors_])))
    actor_ids = [a.id for a in actors_]
    persons = [Person(f"person-{i}", f"Person {i}") for i in range(draw(st.integers(0, 3)))]
    person_ids = [p.id for p in persons]
    bodies = [attrs.evolve(b, host=draw(st.none() | st.sampled_from(actor_ids))) for b in bodies]
    seats = _seats(draw, bodies, actor_ids, person_ids)
    helpers, helper_seats, rules = _rules(draw, bodies)
    rosters = _rosters(draw, bodies, person_ids)
    # Persons with a seat or a shift may carry contact data; the others may not.
    busy = {m.member for m in seats} | {s.person for r in rosters for s in r.shifts}
    contacts = st.none() | st.just("someone@example.se")
    persons = [attrs.evolve(p, contact=draw(contacts)) if p.id in busy else p for p in persons]
    agreements = []
    if draw(st.booleans()):
        parties = draw(st.sets(st.sampled_from(actor_ids), min_size=2, max_size=3))
        kind = draw(st.sampled_from(AgreementKind))
        agreements.append(Agreement("agreement-0", parties, kind, draw(periods())))
    return Structure(
        draw(st.text(max_size=10)),
        actors=[*actors_, *helpers],
        bodies=bodies,
        persons=persons,
        memberships=[*seats, *helper_seats],
        relations=_relations(draw, bodies, actors_),
        agreements=agreements,
        decisions=_decisions(draw, bodies),
        coverage_rules=rules,
        rosters=rosters,
    )


@st.composite
def rotations(draw: st.DrawFn) -> OnCallRoster:
    """A roster built by :func:`weekly_rotation` from a few people over a few weeks."""
    people = draw(st.lists(st.sampled_from(["p-a", "p-b", "p-c", "p-d"]), min_size=1, max_size=4))
    return weekly_rotation(
        people,
        day(draw(st.integers(0, 400))),
        draw(st.integers(0, 12)),
        draw(st.integers(0, 6)),
        time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45]))),
        "standby",
    )


@st.composite
def shift_lists(draw: st.DrawFn, *, max_shifts: int = 6) -> list[Shift]:
    """Shifts of a few people at whole hours within a few days: they may gap and overlap."""
    out = []
    for _ in range(draw(st.integers(0, max_shifts))):
        start = draw(st.integers(0, 96))
        length = draw(st.integers(1, 48))
        begin = datetime.combine(ORIGIN, time()) + timedelta(hours=start)
        out.append(
            Shift(
                draw(st.sampled_from(["p-a", "p-b", "p-c"])), begin, begin + timedelta(hours=length)
            )
        )
    return out


@attrs.frozen
class CoverageCase:
    """A small structure with one body, one coverage rule, and the window to check."""

    structure: Structure
    window: Period


@st.composite
def coverage_cases(draw: st.DrawFn) -> CoverageCase:
    """One body, a handful of seats over a few weeks, and a rule with 1-3 categories."""
    cats = list(CATEGORIES)
    lenders = [
        Actor(
            f"lender-{i}",
            f"Lender {i}",
            OrganisationKind.OTHER,
            GovernanceLevel.REGIONAL,
            categories=draw(st.frozensets(st.sampled_from(cats))),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    people = [Person(f"p-{i}", f"P {i}") for i in range(3)]
    body = Body("office", "Office", BodyKind.COORDINATION_OFFICE, GovernanceLevel.REGIONAL)
    seats = []
    for _ in range(draw(st.integers(0, 6))):
        lender = draw(st.sampled_from(lenders))
        if draw(st.booleans()):
            seats.append(
                Membership(lender.id, body.id, Role.MEMBER, draw(periods(latest_start=30)))
            )
        else:
            person = draw(st.sampled_from(people))
            seats.append(
                Membership(
                    person.id,
                    body.id,
                    draw(st.sampled_from(QUIET_ROLES)),
                    draw(periods(latest_start=30)),
                    lender.id,
                )
            )
    rule = CoverageRule(
        body.id,
        draw(st.frozensets(st.sampled_from(cats), min_size=1)),
        draw(periods(latest_start=20)),
        min_people=draw(st.integers(1, 2)),
    )
    structure = Structure(
        "coverage",
        actors=lenders,
        bodies=[body],
        persons=people,
        memberships=seats,
        coverage_rules=[rule],
    )
    return CoverageCase(structure, draw(periods(latest_start=40)))
