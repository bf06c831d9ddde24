"""One strategy per public type of the structure model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samverkan_model._strategies.common import (
    ALL_MODES,
    CATEGORIES,
    ORG_GROUPS,
    ROLES,
    WORK_AREA_SLUGS,
    area_codes,
    cadences,
    day,
    ids,
    levels_arg,
    maybe_index,
    measure_refs,
    names,
    offsets,
    org_number,
    period_from,
    period_raw,
    periods,
    pick,
    pick_maybe,
    raw_index,
    short_texts,
)
from samverkan_model.findings import FINDING_CODES, Finding
from samverkan_model.geography import Area, AreaKind
from samverkan_model.structure.activation import Activation
from samverkan_model.structure.actors import (
    Actor,
    OrganisationKind,
    Person,
    expected_org_groups,
)
from samverkan_model.structure.area import RESPONSIBLE_KIND, RESPONSIBLE_LEVEL
from samverkan_model.structure.bodies import Body, BodyKind, Membership
from samverkan_model.structure.decisions import Decision, DecisionKind
from samverkan_model.structure.levels import GovernanceLevel, Mode
from samverkan_model.structure.relations import (
    Agreement,
    AgreementKind,
    Relation,
    RelationKind,
)
from samverkan_model.structure.staffing import CoverageGap, CoverageRule, OnCallRoster, Shift


def area_choices(kind: OrganisationKind, level: GovernanceLevel) -> tuple[str, ...]:
    """The area codes an actor of *kind* at *level* may carry without a finding.

    For a municipality or a county board the area states its geographic area
    responsibility, which is held at one level only; the nation as an area stands for the
    Government, at the central level.
    """
    key = (kind, level)
    if key not in _AREA_CHOICES:
        own = RESPONSIBLE_KIND.get(kind)
        if own is not None:
            codes = area_codes(own) if RESPONSIBLE_LEVEL[own] is level else ()
        else:
            codes = area_codes(AreaKind.COUNTY) + area_codes(AreaKind.MUNICIPALITY)
            if level is RESPONSIBLE_LEVEL[AreaKind.NATION]:
                codes = area_codes(AreaKind.NATION) + codes
        _AREA_CHOICES[key] = codes
    return _AREA_CHOICES[key]


_AREA_CHOICES: dict[tuple[OrganisationKind, GovernanceLevel], tuple[str, ...]] = {}


def actor_from(
    actor_id: str,
    raw: tuple[Any, ...],
    parents: Sequence[str],
) -> Actor:
    kind, level, name, area_raw, org, categories, parent = raw
    number = None
    if org is not None:
        groups = sorted(expected_org_groups(kind)) or ORG_GROUPS
        number = org_number(pick(groups, org[0]), org[1])
    part_of = pick_maybe(parents, parent)
    code = pick_maybe(area_choices(kind, level), area_raw)
    area = None if code is None else Area(code)
    return Actor(actor_id, name, kind, level, area, number, categories, part_of)


def actor_raw(levels: Sequence[GovernanceLevel]) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.tuples(
        st.sampled_from(OrganisationKind),
        st.sampled_from(levels),
        names,
        st.integers(0, 1000),  # the area: 0 for none, else one of the choices
        st.none() | st.tuples(raw_index, st.integers(0, 10**8 - 1)),
        st.frozensets(st.sampled_from(CATEGORIES)),
        maybe_index,
    )


def actors(levels: Iterable[GovernanceLevel] | None = None) -> st.SearchStrategy[Actor]:
    """Actors (organisations) of any kind, with an organisation number that fits the kind.

    An actor's area fits its kind and level: a municipality carries a municipality only
    at the local level and a county board a county only at the regional level (that is
    their area responsibility), and only central actors stand for the nation.
    ``part_of`` names some other id, which need not exist: use :func:`structures` for
    actors whose references resolve.

    Args:
        levels: The governance levels to draw from (default: all).

    Examples from this strategy shrink towards a local municipality with a short id, no
    area, no organisation number and no categories.
    """
    raw = actor_raw(levels_arg(levels))
    return st.builds(
        lambda actor_id, r, parent: actor_from(actor_id, r, [parent]), ids(), raw, ids()
    )


def persons() -> st.SearchStrategy[Person]:
    """Persons, with or without contact details.

    Examples from this strategy shrink towards a person with a short id and no contact.
    """
    return st.builds(Person, ids(), names, st.none() | short_texts)


body_raw_fields = (
    st.sampled_from(BodyKind),
    names,
    maybe_index,
    period_raw,
    st.just(ALL_MODES) | st.frozensets(st.sampled_from(Mode), min_size=1),
    st.none() | cadences(),
    st.frozensets(st.sampled_from(WORK_AREA_SLUGS)),
    short_texts,
    st.lists(st.sampled_from(("Lag (2010:197) 4 §", "Förordning (2017:868)")), max_size=2),
)


def body_from(
    body_id: str, level: GovernanceLevel, raw: tuple[Any, ...], hosts: Sequence[str]
) -> Body:
    kind, name, host, period, modes, cadence, work_areas, mandate, legal = raw
    life = None if period is None else period_from(*period)
    return Body(
        body_id,
        name,
        kind,
        level,
        host=pick_maybe(hosts, host),
        mandate=mandate,
        legal_basis=legal,
        work_areas=work_areas,
        cadence=cadence,
        active_in=modes,
        period=life,
    )


def bodies(levels: Iterable[GovernanceLevel] | None = None) -> st.SearchStrategy[Body]:
    """Collaboration bodies of every kind, possibly with a host, a cadence and a life span.

    ``host`` names some other id, which need not exist: use :func:`structures` for bodies
    whose references resolve.

    Args:
        levels: The governance levels to draw from (default: all).

    Examples from this strategy shrink towards an always-existing, local management group
    with a short id, no host, no cadence and active in every mode.
    """
    return st.builds(
        lambda body_id, level, raw, host: body_from(body_id, level, raw, [host]),
        ids(),
        st.sampled_from(levels_arg(levels)),
        st.tuples(*body_raw_fields),
        ids(),
    )


def memberships() -> st.SearchStrategy[Membership]:
    """Memberships of some member in some body, for a non-empty period.

    The ids need not exist: use :func:`structures` for memberships whose references
    resolve and that lie inside their body's life.

    Examples from this strategy shrink towards an open-ended ``member`` seat from
    :data:`EPOCH` with short ids and nobody lending the member.
    """
    return st.builds(
        Membership,
        member=ids(),
        body=ids(),
        role=st.sampled_from(ROLES),
        period=periods(allow_empty=False),
        on_behalf_of=st.none() | ids(),
    )


def relations(kinds: Iterable[RelationKind] | None = None) -> st.SearchStrategy[Relation]:
    """Relations between two ids, of any kind, always or during a period.

    The ids need not exist and nothing stops a cycle: use :func:`structures` for relations
    that are consistent as a whole.

    Args:
        kinds: The relation kinds to draw from (default: all).

    Examples from this strategy shrink towards an undated ``reports-to`` between short ids.
    """
    wanted = list(RelationKind) if kinds is None else [k for k in RelationKind if k in set(kinds)]
    if not wanted:
        msg = "kinds: give at least one RelationKind"
        raise InvalidArgument(msg)
    return st.builds(
        Relation, ids(), ids(), st.sampled_from(wanted), st.none() | periods(allow_empty=False)
    )


def agreements() -> st.SearchStrategy[Agreement]:
    """Agreements between two to four parties.

    Examples from this strategy shrink towards a local agreement between two parties with
    short ids, from :data:`EPOCH` on.
    """
    return st.builds(
        Agreement,
        id=ids(),
        parties=st.frozensets(ids(), min_size=2, max_size=4),
        kind=st.sampled_from(AgreementKind),
        period=periods(),
        subject=short_texts,
    )


def decisions() -> st.SearchStrategy[Decision]:
    """Decisions of any kind by some body, possibly proposed by another, with measures.

    The ids need not exist and the body need not take that kind of decision: use
    :func:`structures` for decisions that pass validation.

    Examples from this strategy shrink towards a direction decision on :data:`EPOCH` with
    no proposer, no text and no measures.
    """
    return st.builds(
        Decision,
        id=ids(),
        kind=st.sampled_from(DecisionKind),
        body=ids(),
        decided_on=offsets.map(day),
        proposed_by=st.none() | ids(),
        text=short_texts,
        measures=st.lists(measure_refs(), max_size=3).map(tuple),
    )


def coverage_rules() -> st.SearchStrategy[CoverageRule]:
    """Competence-coverage rules requiring one to three categories in some body.

    Examples from this strategy shrink towards one category, one person, from
    :data:`EPOCH` on.
    """
    return st.builds(
        CoverageRule,
        body=ids(),
        categories=st.frozensets(st.sampled_from(CATEGORIES), min_size=1),
        period=periods(),
        min_people=st.integers(1, 3),
    )


def coverage_gaps() -> st.SearchStrategy[CoverageGap]:
    """Coverage gaps, as :meth:`Structure.coverage_gaps` reports them.

    Examples from this strategy shrink towards a one-day gap at :data:`EPOCH` missing one
    category.
    """
    return st.builds(
        CoverageGap,
        period=periods(open_ended=False, allow_empty=False),
        body=ids(),
        missing=st.frozensets(st.sampled_from(CATEGORIES), min_size=1),
    )


moments = st.builds(
    lambda offset, hour: datetime.combine(day(offset), time(hour)),
    offsets,
    st.integers(0, 23),
)
shift_hours = st.integers(1, 24 * 14)


def shifts() -> st.SearchStrategy[Shift]:
    """Standby shifts of one hour to two weeks, starting on the hour.

    Examples from this strategy shrink towards a one-hour shift at midnight on
    :data:`EPOCH`, by a person with a short id and nobody lending them.
    """
    return st.builds(
        lambda person, start, hours, lender: Shift(
            person, start, start + timedelta(hours=hours), lender
        ),
        ids(),
        moments,
        shift_hours,
        st.none() | ids(),
    )


def handovers(
    start: datetime,
    raw: Sequence[tuple[int, int, int]],
    people: Sequence[str],
    lenders: Sequence[str],
) -> tuple[Shift, ...]:
    """Back-to-back shifts from *start*: each hands over to the next."""
    out = []
    for person, hours, lender in raw:
        end = start + timedelta(hours=hours)
        on_behalf_of = pick_maybe(lenders, lender)
        out.append(Shift(pick(people, person), start, end, on_behalf_of))
        start = end
    return tuple(out)


def on_call_rosters() -> st.SearchStrategy[OnCallRoster]:
    """On-call rosters of back-to-back shifts (no gap, no overlap) among a few people.

    Examples from this strategy shrink towards an empty roster of a function with a short
    id.
    """
    return st.builds(
        lambda function, people, start, raw: OnCallRoster(
            function, handovers(start, raw, people, people)
        ),
        ids(),
        st.lists(ids(), min_size=1, max_size=3),
        moments,
        st.lists(st.tuples(raw_index, shift_hours, maybe_index), max_size=6),
    )


MODES = (Mode.ACTIVATED, Mode.NORMAL)


def activations() -> st.SearchStrategy[Activation]:
    """Mode switches decided by some body at some moment.

    The deciding body need not exist: use :func:`structures` for activation timelines
    that pass validation.

    Examples from this strategy shrink towards activating at midnight on :data:`EPOCH`,
    decided by a body with a short id, with no reason given.
    """
    return st.builds(Activation, moments, st.sampled_from(MODES), ids(), short_texts)


def findings() -> st.SearchStrategy[Finding]:
    """Findings with a registered code (and its severity), a message and a subject.

    Examples from this strategy shrink towards the first registered code in alphabetical
    order, an empty message and no subject.
    """
    return st.builds(
        Finding.of,
        st.sampled_from(sorted(FINDING_CODES)),
        short_texts,
    ) | st.builds(
        lambda code, message, subject: Finding.of(code, message, *subject),
        st.sampled_from(sorted(FINDING_CODES)),
        short_texts,
        st.lists(ids(), min_size=1, max_size=3),
    )
