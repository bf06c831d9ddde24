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
from typing import TypeVar

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

T = TypeVar("T")

ORIGIN = date(2025, 1, 1)
"""Day 0 of every generated date."""

CATEGORIES = ("blaljus", "kommun", "trafik")
LEVELS = sorted(GovernanceLevel)
"""Governance levels from local up to central."""

AREA_CODES = ("SE", "01", "14", "0180", "0181", "1384", "1480")
UPWARD = (RelationKind.ESCALATES_TO, RelationKind.REPORTS_TO)
SIDEWAYS = (RelationKind.SUPPORTS, RelationKind.COORDINATES_WITH, RelationKind.LEADS)
QUIET_ROLES = (Role.MEMBER, Role.SECRETARY, Role.COORDINATOR, Role.CONTACT, Role.HEAD)


def org_number(group: str, payload: int) -> str:
    """A valid organisation number in *group* (its first digit), with its Luhn digit."""
    body = f"{group}{payload:08d}"
    return f"{body}{luhn.calc_check_digit(body)}"


# Strategies that do not depend on what was drawn before are built once, here: building
# and validating a strategy costs far more than drawing from it.
BOOLS = st.booleans()
NAMES = st.sampled_from(("Aktör", "Kommunen", "Länsstyrelsen i län"))
KINDS = st.sampled_from(tuple(OrganisationKind))
BODY_KINDS = st.sampled_from(tuple(BodyKind))
AGREEMENT_KINDS = st.sampled_from(tuple(AgreementKind))
LEVEL_SETS = st.sets(st.sampled_from(tuple(LEVELS)), min_size=1)
AREAS = st.none() | st.sampled_from(AREA_CODES).map(Area)
CATEGORY_SETS = st.frozensets(st.sampled_from(CATEGORIES))
SOME_CATEGORIES = st.frozensets(st.sampled_from(CATEGORIES), min_size=1)
UPWARD_KINDS = st.sampled_from(UPWARD)
SIDEWAYS_KINDS = st.sampled_from(SIDEWAYS)
ROLES = st.sampled_from(QUIET_ROLES)
MODE_SETS = st.sampled_from(
    (frozenset(Mode), frozenset({Mode.NORMAL}), frozenset({Mode.ACTIVATED}))
)
CONTACTS = st.none() | st.just("someone@example.se")
CUTS = st.sets(st.integers(1, 40), max_size=3)
ORG_NUMBERS = {
    kind: st.none()
    | st.builds(
        org_number,
        st.sampled_from(sorted(expected_org_groups(kind)) or ["2", "5", "7", "8"]),
        st.integers(0, 99_999_999),
    )
    for kind in OrganisationKind
}


def pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of *items* (not empty), shrinking towards the first."""
    return items[draw(st.integers(0, len(items) - 1))]


def maybe(draw: st.DrawFn, items: Sequence[T]) -> T | None:
    """``None`` or one of *items*, shrinking towards ``None``."""
    index = draw(st.integers(-1, len(items) - 1))
    return None if index < 0 else items[index]


def subset(draw: st.DrawFn, items: Sequence[T], least: int = 0, most: int | None = None) -> list[T]:
    """Distinct items of *items* in their order: between *least* and *most* of them."""
    top = len(items) if most is None else min(most, len(items))
    n = draw(st.integers(least, top))
    chosen = sorted(draw(st.permutations(range(len(items))))[:n])
    return [items[i] for i in chosen]


def day(offset: int) -> date:
    """The day *offset* days after :data:`ORIGIN`."""
    return ORIGIN + timedelta(days=offset)


def top_level(structure: Structure) -> GovernanceLevel:
    """The highest level among the structure's bodies."""
    return max(b.level for b in structure.bodies)


def draw_period(
    draw: st.DrawFn, *, latest_start: int = 60, open_ended: bool = True, min_length: int = 0
) -> Period:
    """A period starting within *latest_start* days of the origin, open or up to 60 days."""
    start = draw(st.integers(0, latest_start))
    length = draw(st.integers(min_length - 1 if open_ended else min_length, 60))
    if length < min_length:
        return Period(day(start))
    return Period(day(start), day(start + length))


@st.composite
def periods(
    draw: st.DrawFn, *, latest_start: int = 60, open_ended: bool = True, min_length: int = 0
) -> Period:
    """A period starting within *latest_start* days of the origin, open or up to 60 days."""
    return draw_period(
        draw, latest_start=latest_start, open_ended=open_ended, min_length=min_length
    )


def period_within(draw: st.DrawFn, life: Period | None) -> Period:
    """A non-empty period inside *life* (anything when *life* is ``None``)."""
    if life is None:
        return draw_period(draw, min_length=1)
    if life.end is None:
        start = life.start + timedelta(days=draw(st.integers(0, 30)))
        length = draw(st.integers(0, 60))
        return Period(start, None if length == 0 else start + timedelta(days=length))
    days = (life.end - life.start).days
    first = draw(st.integers(0, days - 1))
    last = draw(st.integers(first + 1, days))
    return Period(life.start + timedelta(days=first), life.start + timedelta(days=last))


def _fits(area: Area, kind: OrganisationKind, level: GovernanceLevel) -> bool:
    """Whether stating *area* for such an actor claims no area responsibility wrongly.

    The nation is the Government's area (central level); a municipality's area is a
    municipality at the local level, a county board's a county at the regional level.
    """
    if kind is OrganisationKind.MUNICIPALITY:
        return area.kind is AreaKind.MUNICIPALITY and level is GovernanceLevel.LOCAL
    if kind is OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD:
        return area.kind is AreaKind.COUNTY and level is GovernanceLevel.REGIONAL
    return area.kind is not AreaKind.NATION or level is GovernanceLevel.CENTRAL


def draw_actor(draw: st.DrawFn, actor_id: str, earlier: Sequence[str] = ()) -> Actor:
    """A valid actor whose organisation number and area (if any) fit its kind and level."""
    kind = draw(KINDS)
    level = pick(draw, LEVELS)
    area = draw(AREAS)
    return Actor(
        actor_id,
        draw(NAMES),
        kind,
        level,
        area=area if area is None or _fits(area, kind, level) else None,
        org_number=draw(ORG_NUMBERS[kind]),
        categories=draw(CATEGORY_SETS),
        part_of=maybe(draw, earlier),
    )


def chair_seats(draw: st.DrawFn, body: Body, members: Sequence[str]) -> list[Membership]:
    """Chairs of *body* that follow each other: each ends the day the next one starts."""
    life = body.period
    start = ORIGIN if life is None else life.start
    last = None if life is None else life.end
    cuts = sorted(draw(CUTS))
    bounds = [
        start + timedelta(days=c) for c in cuts if last is None or start + timedelta(c) < last
    ]
    edges = [start, *bounds, last]
    seats = []
    for lo, hi in itertools.pairwise(edges):
        assert lo is not None
        seats.append(Membership(pick(draw, members), body.id, Role.CHAIR, Period(lo, hi)))
    return seats


def _bodies(draw: st.DrawFn, max_bodies: int) -> list[Body]:
    # Bodies in non-decreasing level order, so "later" never means "lower".
    present = sorted(draw(LEVEL_SETS))
    n = draw(st.integers(1, max_bodies))
    levels = sorted([present[-1], *(pick(draw, present) for _ in range(n - 1))])
    return [
        Body(
            f"body-{i}",
            f"Body {i}",
            draw(BODY_KINDS),
            level,
            active_in=draw(MODE_SETS),
            period=draw_period(draw, latest_start=20, min_length=10) if draw(BOOLS) else None,
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
        least = 1 if b.level < top else 0
        for target in subset(draw, later, least, 2):
            relations.append(Relation(b.id, target, draw(UPWARD_KINDS)))
    for a in actors_:
        above = maybe(draw, [b.id for b in bodies if b.level >= a.level])
        if above is not None:
            relations.append(Relation(a.id, above, draw(UPWARD_KINDS)))
    nodes = [*(a.id for a in actors_), *(b.id for b in bodies)]
    for _ in range(draw(st.integers(0, 2))):
        source = pick(draw, nodes)
        target = pick(draw, [n for n in nodes if n != source])
        relations.append(Relation(source, target, draw(SIDEWAYS_KINDS)))
    return relations


def _seats(
    draw: st.DrawFn, bodies: Sequence[Body], actor_ids: Sequence[str], person_ids: Sequence[str]
) -> list[Membership]:
    seats: list[Membership] = []
    members = [*actor_ids, *person_ids]
    for b in bodies:
        for _ in range(draw(st.integers(1, 2))):
            member = pick(draw, members)
            lender = maybe(draw, actor_ids) if member in person_ids else None
            role = draw(ROLES)
            seats.append(Membership(member, b.id, role, period_within(draw, b.period), lender))
        if draw(BOOLS):
            seats += chair_seats(draw, b, members)
    return seats


def _decisions(draw: st.DrawFn, bodies: Sequence[Body]) -> list[Decision]:
    decisions = []
    for i, b in enumerate(bodies):
        allowed = sorted(DECIDING_KINDS.get(b.kind, frozenset()), key=lambda k: k.value)
        kind = maybe(draw, allowed)
        if kind is not None:
            decisions.append(Decision(f"decision-{i}", kind, b.id, day(draw(st.integers(0, 60)))))
    return decisions


def _rules(
    draw: st.DrawFn, bodies: Sequence[Body]
) -> tuple[list[Actor], list[Membership], list[CoverageRule]]:
    """Coverage rules that hold: a fully equipped helper actor sits through each rule."""
    helpers, seats, rules = [], [], []
    for b in bodies:
        if not draw(BOOLS):
            continue
        window = period_within(draw, b.period)
        cats = draw(SOME_CATEGORIES)
        helper = Actor(f"helper-{b.id}", "Helper", OrganisationKind.OTHER, b.level, categories=cats)
        helpers.append(helper)
        seats.append(Membership(helper.id, b.id, Role.MEMBER, window))
        rules.append(CoverageRule(b.id, cats, window))
    return helpers, seats, rules


def _rosters(
    draw: st.DrawFn, bodies: Sequence[Body], person_ids: Sequence[str]
) -> list[OnCallRoster]:
    standby = [b for b in bodies if b.kind is BodyKind.STANDBY_FUNCTION]
    if not standby or not person_ids or not draw(BOOLS):
        return []
    people = [pick(draw, person_ids) for _ in range(draw(st.integers(1, 3)))]
    roster = weekly_rotation(
        people,
        day(draw(st.integers(0, 30))),
        draw(st.integers(0, 5)),
        draw(st.integers(0, 6)),
        time(draw(st.integers(0, 23))),
        pick(draw, standby).id,
    )
    return [roster]


@st.composite
def clean_structures(draw: st.DrawFn, *, max_bodies: int = 6, max_actors: int = 5) -> Structure:
    """A structure for which ``validate()`` finds nothing at all."""
    bodies = _bodies(draw, max_bodies)
    actors_: list[Actor] = []
    for i in range(draw(st.integers(2, max_actors))):
        actors_.append(draw_actor(draw, f"actor-{i}", [a.id for a in actors_]))
    actor_ids = [a.id for a in actors_]
    persons = [Person(f"person-{i}", f"Person {i}") for i in range(draw(st.integers(0, 3)))]
    person_ids = [p.id for p in persons]
    bodies = [attrs.evolve(b, host=maybe(draw, actor_ids)) for b in bodies]
    seats = _seats(draw, bodies, actor_ids, person_ids)
    helpers, helper_seats, rules = _rules(draw, bodies)
    rosters = _rosters(draw, bodies, person_ids)
    # Persons with a seat or a shift may carry contact data; the others may not.
    busy = {m.member for m in seats} | {s.person for r in rosters for s in r.shifts}
    persons = [attrs.evolve(p, contact=draw(CONTACTS)) if p.id in busy else p for p in persons]
    agreements = []
    if draw(BOOLS):
        parties = subset(draw, actor_ids, 2, 3)
        agreements.append(
            Agreement("agreement-0", parties, draw(AGREEMENT_KINDS), draw_period(draw))
        )
    return Structure(
        "clean",
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


SLUGS = st.lists(st.text("az09", min_size=1, max_size=4), min_size=1, max_size=3).map("-".join)
"""Slug ids: lowercase letters and digits in hyphen-joined words (fast to draw)."""

PEOPLE = ("p-a", "p-b", "p-c", "p-d")
MINUTES = (0, 15, 30, 45)


@st.composite
def rotations(draw: st.DrawFn) -> OnCallRoster:
    """A roster built by :func:`weekly_rotation` from a few people over a few weeks."""
    people = [pick(draw, PEOPLE) for _ in range(draw(st.integers(1, 4)))]
    return weekly_rotation(
        people,
        day(draw(st.integers(0, 400))),
        draw(st.integers(0, 12)),
        draw(st.integers(0, 6)),
        time(draw(st.integers(0, 23)), pick(draw, MINUTES)),
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
        out.append(Shift(pick(draw, PEOPLE[:3]), begin, begin + timedelta(hours=length)))
    return out


@attrs.frozen
class CoverageCase:
    """A small structure with one body, one coverage rule, and the window to check."""

    structure: Structure
    window: Period


@st.composite
def coverage_cases(draw: st.DrawFn) -> CoverageCase:
    """One body, a handful of seats over a few weeks, and a rule with 1-3 categories."""
    lenders = [
        Actor(
            f"lender-{i}",
            f"Lender {i}",
            OrganisationKind.OTHER,
            GovernanceLevel.REGIONAL,
            categories=draw(CATEGORY_SETS),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    people = [Person(f"p-{i}", f"P {i}") for i in range(3)]
    body = Body("office", "Office", BodyKind.COORDINATION_OFFICE, GovernanceLevel.REGIONAL)
    seats = []
    for _ in range(draw(st.integers(0, 6))):
        lender = pick(draw, lenders)
        period = draw_period(draw, latest_start=30)
        if draw(BOOLS):
            seats.append(Membership(lender.id, body.id, Role.MEMBER, period))
        else:
            person = pick(draw, people)
            seats.append(Membership(person.id, body.id, draw(ROLES), period, lender.id))
    rule = CoverageRule(
        body.id,
        draw(SOME_CATEGORIES),
        draw_period(draw, latest_start=20),
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
    return CoverageCase(structure, draw_period(draw, latest_start=40))
