"""Hypothesis strategies for every public attrs type, for the data-file tests.

The values are valid by construction (they pass the classes' own validators) but not
necessarily consistent as a whole: a structure's references need not resolve, which is
what a draft file may hold and what the files must keep.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from samverkan_model import (
    Actor,
    Agreement,
    AgreementKind,
    Area,
    Body,
    BodyKind,
    Cadence,
    CoverageGap,
    CoverageRule,
    Decision,
    DecisionKind,
    Finding,
    GovernanceLevel,
    MeasureRef,
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
    geography,
)

__all__ = [
    "PUBLIC_TYPES",
    "STRATEGIES",
    "any_public_object",
    "periods",
    "slugs",
    "structures",
    "texts",
]

_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=5)
slugs = st.lists(_WORD, min_size=1, max_size=3).map("-".join)
texts = st.text(max_size=30)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
datetimes = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31))


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


@st.composite
def org_numbers(draw: st.DrawFn) -> str:
    """Valid Swedish organisation numbers, ``NNNNNN-NNNN``."""
    first = draw(st.sampled_from("25789"))
    rest = draw(st.text("0123456789", min_size=8, max_size=8))
    digits = first + rest
    digits += _luhn_digit(digits)
    return f"{digits[:6]}-{digits[6:]}"


@st.composite
def areas(draw: st.DrawFn) -> Area:
    """The nation, a county or a municipality."""
    codes = [Area.NATION_CODE]
    codes += [c.code for c in geography.counties()]
    codes += [m.code for m in geography.municipalities()]
    return Area(draw(st.sampled_from(codes)))


@st.composite
def periods(draw: st.DrawFn, open_ended: bool = True) -> Period:
    """Periods, open-ended or not, possibly empty."""
    start = draw(dates)
    if open_ended and draw(st.booleans()):
        return Period(start)
    return Period(start, start + timedelta(days=draw(st.integers(0, 5000))))


measure_refs = st.builds(MeasureRef, slugs, slugs)
cadences = st.builds(
    Cadence,
    weekday=st.integers(0, 6),
    at=st.times(),
    every_weeks=st.integers(1, 8),
    activated_weekdays=st.frozensets(st.integers(0, 6)),
)
actors = st.builds(
    Actor,
    id=slugs,
    name=texts,
    kind=st.sampled_from(OrganisationKind),
    level=st.sampled_from(GovernanceLevel),
    area=st.none() | areas(),
    org_number=st.none() | org_numbers(),
    categories=st.frozensets(slugs, max_size=3),
    part_of=st.none() | slugs,
)
persons = st.builds(Person, id=slugs, name=texts, contact=st.none() | texts)
bodies = st.builds(
    Body,
    id=slugs,
    name=texts,
    kind=st.sampled_from(BodyKind),
    level=st.sampled_from(GovernanceLevel),
    host=st.none() | slugs,
    mandate=texts,
    legal_basis=st.lists(texts, max_size=3).map(tuple),
    work_areas=st.frozensets(slugs, max_size=3),
    cadence=st.none() | cadences,
    active_in=st.frozensets(st.sampled_from(Mode), min_size=1),
    period=st.none() | periods(),
)
memberships = st.builds(
    Membership,
    member=slugs,
    body=slugs,
    role=st.sampled_from(Role),
    period=periods(),
    on_behalf_of=st.none() | slugs,
)
relations = st.builds(
    Relation,
    source=slugs,
    target=slugs,
    kind=st.sampled_from(RelationKind),
    period=st.none() | periods(),
)
agreements = st.builds(
    Agreement,
    id=slugs,
    parties=st.frozensets(slugs, min_size=2, max_size=4),
    kind=st.sampled_from(AgreementKind),
    period=periods(),
    subject=texts,
)
decisions = st.builds(
    Decision,
    id=slugs,
    kind=st.sampled_from(DecisionKind),
    body=slugs,
    decided_on=dates,
    proposed_by=st.none() | slugs,
    text=texts,
    measures=st.lists(measure_refs, max_size=3).map(tuple),
)
coverage_rules = st.builds(
    CoverageRule,
    body=slugs,
    categories=st.frozensets(slugs, min_size=1, max_size=3),
    period=periods(),
    min_people=st.integers(1, 5),
)
coverage_gaps = st.builds(
    CoverageGap,
    period=periods(),
    body=slugs,
    missing=st.frozensets(slugs, max_size=3),
)


@st.composite
def shifts(draw: st.DrawFn) -> Shift:
    """Standby shifts of a positive length."""
    start = draw(datetimes)
    length = draw(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=30)))
    return Shift(draw(slugs), start, start + length, draw(st.none() | slugs))


rosters = st.builds(
    OnCallRoster,
    function=slugs,
    shifts=st.lists(shifts(), max_size=4).map(tuple),
    min_people=st.integers(1, 3),
)
findings = st.builds(
    Finding,
    code=slugs,
    severity=st.sampled_from(Severity),
    message=texts,
    subject=st.lists(slugs, max_size=3).map(tuple),
)
counties = st.sampled_from(geography.counties())
municipalities = st.sampled_from(geography.municipalities())


@st.composite
def structures(draw: st.DrawFn) -> Structure:
    """Structures with a few of everything (references need not resolve)."""

    def some(strategy: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(strategy, max_size=3))

    return Structure(
        name=draw(texts),
        actors=some(actors),
        bodies=some(bodies),
        persons=some(persons),
        memberships=some(memberships),
        relations=some(relations),
        agreements=some(agreements),
        decisions=some(decisions),
        coverage_rules=some(coverage_rules),
        rosters=some(rosters),
    )


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Actor: actors,
    Agreement: agreements,
    Area: areas(),
    Body: bodies,
    Cadence: cadences,
    CoverageGap: coverage_gaps,
    CoverageRule: coverage_rules,
    Decision: decisions,
    Finding: findings,
    MeasureRef: measure_refs,
    Membership: memberships,
    OnCallRoster: rosters,
    Period: periods(),
    Person: persons,
    Relation: relations,
    Shift: shifts(),
    Structure: structures(),
    geography.County: counties,
    geography.Municipality: municipalities,
}
"""A strategy for every public attrs type."""

any_public_object = st.sampled_from(sorted(STRATEGIES, key=lambda t: t.__name__)).flatmap(
    lambda t: STRATEGIES[t]
)
"""An object of any public attrs type."""


def _type_name(cls: type) -> str:
    return cls.__name__


PUBLIC_TYPES: tuple[type, ...] = tuple(sorted(STRATEGIES, key=_type_name))
"""The types of :data:`STRATEGIES`, by name."""
