"""Structures broken in one known way, each paired with the finding code it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st

from samverkan_model._strategies.common import (
    CATEGORIES,
    EPOCH,
    LEVELS,
    ORG_GROUPS,
    ROLES,
    area_codes,
    chosen_codes,
    day,
    measure_refs,
    offsets,
    org_number,
    periods,
    short_texts,
)
from samverkan_model._strategies.parts import (
    MODES,
    moments,
    shift_hours,
    shifts,
)
from samverkan_model._strategies.structures import UPWARD, structures
from samverkan_model.geography import Area, AreaKind
from samverkan_model.periods import Period
from samverkan_model.structure.activation import ACTIVATING_KINDS, Activation
from samverkan_model.structure.actors import (
    Actor,
    OrganisationKind,
    Person,
    expected_org_groups,
)
from samverkan_model.structure.area import RESPONSIBLE_KIND, RESPONSIBLE_LEVEL
from samverkan_model.structure.bodies import Body, BodyKind, Membership, Role
from samverkan_model.structure.decisions import Decision, DecisionKind
from samverkan_model.structure.levels import GovernanceLevel, Mode
from samverkan_model.structure.model import Structure
from samverkan_model.structure.relations import (
    Agreement,
    AgreementKind,
    Relation,
    RelationKind,
)
from samverkan_model.structure.staffing import CoverageRule, OnCallRoster, Shift
from samverkan_model.structure.validation import DECIDING_KINDS


class _Patch:
    """Additions to a valid structure, with ids that cannot clash with the structure's."""

    def __init__(self, structure: Structure) -> None:
        self.structure = structure
        self.used = {a.id for a in structure.actors}
        self.used.update(b.id for b in structure.bodies)
        self.used.update(x.id for x in structure.persons)
        self.used.update(g.id for g in structure.agreements)
        self.used.update(d.id for d in structure.decisions)
        self.used.update(r.function for r in structure.rosters)
        self.added: dict[str, list[Any]] = {}

    def fresh(self, stem: str = "x") -> str:
        n = 1
        while f"{stem}{n}" in self.used:
            n += 1
        self.used.add(f"{stem}{n}")
        return f"{stem}{n}"

    def add(self, field: str, *items: Any) -> None:
        self.added.setdefault(field, []).extend(items)

    def actor(
        self,
        level: GovernanceLevel = GovernanceLevel.LOCAL,
        kind: OrganisationKind = OrganisationKind.OTHER,
        **fields: Any,
    ) -> str:
        actor_id = fields.pop("id", None) or self.fresh()
        self.add("actors", Actor(actor_id, "Aktör", kind, level, **fields))
        return actor_id

    def body(
        self,
        level: GovernanceLevel = GovernanceLevel.LOCAL,
        kind: BodyKind = BodyKind.COMMITTEE,
        **fields: Any,
    ) -> str:
        body_id = fields.pop("id", None) or self.fresh()
        self.add("bodies", Body(body_id, "Organ", kind, level, **fields))
        return body_id

    def person(self, contact: str | None = None) -> str:
        person_id = self.fresh("xp")
        self.add("persons", Person(person_id, "Person", contact))
        return person_id

    def build(self) -> Structure:
        s = self.structure
        return s.with_(**{k: (*getattr(s, k), *v) for k, v in self.added.items()})


_Breaker = Callable[[st.DrawFn, _Patch], None]
_BREAKERS: dict[str, _Breaker] = {}


def _breaks(code: str) -> Callable[[_Breaker], _Breaker]:
    def register(breaker: _Breaker) -> _Breaker:
        _BREAKERS[code] = breaker
        return breaker

    return register


_start = offsets.map(day)
_shifts = shifts()
_periods = periods(allow_empty=False)
_closed_periods = periods(open_ended=False, allow_empty=False)
_refs = st.lists(measure_refs(), min_size=1, max_size=3)
_categories = st.frozensets(st.sampled_from(CATEGORIES), min_size=1)


@_breaks("duplicate-id")
def _duplicate_id(draw: st.DrawFn, p: _Patch) -> None:
    what = draw(st.sampled_from(("node", "agreement", "decision", "roster")))
    if what == "node":
        s = p.structure
        taken = sorted({*s.actors_by_id, *s.bodies_by_id, *s.persons_by_id})
        twin = draw(st.sampled_from(taken)) if taken else p.actor()
        p.add("persons", Person(twin, "Person"))
    elif what == "agreement":
        parties = {p.actor(), p.actor()}
        twin = p.fresh("xg")
        for _ in range(2):
            p.add("agreements", Agreement(twin, parties, AgreementKind.OTHER, Period(EPOCH)))
    elif what == "decision":
        body = p.body(kind=BodyKind.MANAGEMENT_GROUP)
        twin = p.fresh("xd")
        for _ in range(2):
            p.add("decisions", Decision(twin, DecisionKind.DIRECTION, body, draw(_start)))
    else:
        function = p.body(kind=BodyKind.STANDBY_FUNCTION)
        person = p.person()
        shift = attrs.evolve(draw(_shifts), person=person, on_behalf_of=None)
        p.add("rosters", OnCallRoster(function, (shift,)), OnCallRoster(function))


@_breaks("unresolved-reference")
def _unresolved(draw: st.DrawFn, p: _Patch) -> None:
    ghost = p.fresh("missing")
    where = draw(
        st.sampled_from(
            (
                "membership.body",
                "membership.member",
                "membership.on_behalf_of",
                "relation",
                "agreement",
                "decision.body",
                "decision.proposed_by",
                "coverage_rule",
                "roster.function",
                "shift.person",
                "shift.on_behalf_of",
                "actor.part_of",
                "body.host",
                "activation",
            )
        )
    )
    period = Period(EPOCH)
    start = datetime.combine(EPOCH, time(8))
    if where.startswith("membership"):
        body = ghost if where == "membership.body" else p.body()
        member = ghost if where == "membership.member" else p.person()
        lender = ghost if where == "membership.on_behalf_of" else None
        p.add("memberships", Membership(member, body, Role.MEMBER, period, lender))
    elif where == "relation":
        node = p.body()
        source, target = draw(st.sampled_from(((node, ghost), (ghost, node))))
        p.add("relations", Relation(source, target, RelationKind.COORDINATES_WITH))
    elif where == "agreement":
        p.add(
            "agreements", Agreement(p.fresh("xg"), {p.actor(), ghost}, AgreementKind.OTHER, period)
        )
    elif where.startswith("decision"):
        body = ghost if where == "decision.body" else p.body(kind=BodyKind.MANAGEMENT_GROUP)
        proposer = ghost if where == "decision.proposed_by" else None
        p.add("decisions", Decision(p.fresh("xd"), DecisionKind.DIRECTION, body, EPOCH, proposer))
    elif where == "coverage_rule":
        p.add("coverage_rules", CoverageRule(ghost, {"kommun"}, period))
    elif where.startswith(("roster", "shift")):
        function = ghost if where == "roster.function" else p.body(kind=BodyKind.STANDBY_FUNCTION)
        person = ghost if where == "shift.person" else p.person()
        lender = ghost if where == "shift.on_behalf_of" else None
        shift = Shift(person, start, start + timedelta(days=7), lender)
        p.add("rosters", OnCallRoster(function, (shift,)))
    elif where == "actor.part_of":
        p.actor(part_of=ghost)
    elif where == "body.host":
        p.body(host=ghost)
    else:
        p.add("activations", Activation(start, Mode.ACTIVATED, ghost))


def _cycle(kind: RelationKind) -> _Breaker:
    def breaker(draw: st.DrawFn, p: _Patch) -> None:
        level = draw(st.sampled_from(LEVELS))
        ring = [p.body(level) for _ in range(draw(st.integers(2, 4)))]
        p.add(
            "relations",
            *(Relation(a, b, kind) for a, b in zip(ring, ring[1:] + ring[:1], strict=True)),
        )

    return breaker


_breaks("reporting-cycle")(_cycle(RelationKind.REPORTS_TO))
_breaks("escalation-cycle")(_cycle(RelationKind.ESCALATES_TO))


@_breaks("self-relation")
def _self_relation(draw: st.DrawFn, p: _Patch) -> None:
    node = p.body() if draw(st.booleans()) else p.actor()
    p.add("relations", Relation(node, node, draw(st.sampled_from(RelationKind))))


@_breaks("part-of-cycle")
def _part_of_cycle(draw: st.DrawFn, p: _Patch) -> None:
    ring = [p.fresh() for _ in range(draw(st.integers(1, 3)))]
    for actor_id, parent in zip(ring, ring[1:] + ring[:1], strict=True):
        p.actor(id=actor_id, part_of=parent)


@_breaks("downward-escalation")
def _downward(draw: st.DrawFn, p: _Patch) -> None:
    low = draw(st.integers(0, len(LEVELS) - 2))
    high = draw(st.integers(low + 1, len(LEVELS) - 1))
    kind = draw(st.sampled_from(UPWARD))
    p.add("relations", Relation(p.body(LEVELS[high]), p.body(LEVELS[low]), kind))


@_breaks("membership-outside-body-period")
def _outside_life(draw: st.DrawFn, p: _Patch) -> None:
    life = draw(_closed_periods)
    assert life.end is not None  # closed by construction
    body = p.body(period=life)
    how = draw(st.sampled_from(("open", "late", "early")))
    if how == "open":
        seat = Period(life.start)
    elif how == "late":
        seat = Period(life.start, life.end + timedelta(days=draw(st.integers(1, 365))))
    else:
        seat = Period(life.start - timedelta(days=draw(st.integers(1, 365))), life.end)
    p.add("memberships", Membership(p.actor(), body, draw(st.sampled_from(ROLES)), seat))


@_breaks("concurrent-chairs")
def _two_chairs(draw: st.DrawFn, p: _Patch) -> None:
    body = p.body(kind=BodyKind.MANAGEMENT_GROUP)
    first = draw(_periods)
    # The second chair takes over before the first one leaves.
    days = 0 if first.end is None else (first.end - first.start).days - 1
    second = Period(first.start + timedelta(days=draw(st.integers(0, days))))
    p.add(
        "memberships",
        Membership(p.actor(), body, Role.CHAIR, first),
        Membership(p.actor(), body, Role.CHAIR, second),
    )


@_breaks("unanchored-body")
def _unanchored(draw: st.DrawFn, p: _Patch) -> None:
    # The walk from the new body ends at an actor, never at a body of the top level.
    level = draw(st.sampled_from(LEVELS))
    p.add("relations", Relation(p.body(level), p.actor(level), RelationKind.ESCALATES_TO))


@_breaks("isolated-body")
def _isolated(draw: st.DrawFn, p: _Patch) -> None:
    p.body(draw(st.sampled_from(LEVELS)), draw(st.sampled_from(BodyKind)))


@_breaks("person-without-membership")
def _idle_person(draw: st.DrawFn, p: _Patch) -> None:
    p.person(contact=draw(short_texts))


_WRONG_GROUPS = tuple(
    (kind, group)
    for kind in OrganisationKind
    for group in ORG_GROUPS
    if expected_org_groups(kind) and group not in expected_org_groups(kind)
)


@_breaks("org-number-group")
def _org_group(draw: st.DrawFn, p: _Patch) -> None:
    kind, group = draw(st.sampled_from(_WRONG_GROUPS))
    p.actor(kind=kind, org_number=org_number(group, draw(st.integers(0, 10**8 - 1))))


_NOT_DECIDED = tuple(
    (body_kind, kind)
    for body_kind in BodyKind
    for kind in DecisionKind
    if body_kind is not BodyKind.ISF_SUPPORT and kind not in DECIDING_KINDS.get(body_kind, ())
)


@_breaks("non-deciding-body")
def _non_deciding(draw: st.DrawFn, p: _Patch) -> None:
    body_kind, kind = draw(st.sampled_from(_NOT_DECIDED))
    p.add("decisions", Decision(p.fresh("xd"), kind, p.body(kind=body_kind), draw(_start)))


@_breaks("isf-support-decision")
def _isf_support(draw: st.DrawFn, p: _Patch) -> None:
    body = p.body(kind=BodyKind.ISF_SUPPORT)
    kind = draw(st.sampled_from(DecisionKind))
    p.add("decisions", Decision(p.fresh("xd"), kind, body, draw(_start)))


@_breaks("proposer-not-reporting")
def _stray_proposal(draw: st.DrawFn, p: _Patch) -> None:
    body = p.body(kind=BodyKind.MANAGEMENT_GROUP)
    proposer = p.body(kind=draw(st.sampled_from(BodyKind)))
    kind = draw(st.sampled_from(DecisionKind))
    p.add("decisions", Decision(p.fresh("xd"), kind, body, draw(_start), proposed_by=proposer))


@_breaks("decision-measure-missing")
def _missing_measure(draw: st.DrawFn, p: _Patch) -> None:
    body = p.body(kind=BodyKind.MANAGEMENT_GROUP)
    refs = draw(_refs)
    p.add(
        "decisions",
        Decision(p.fresh("xd"), DecisionKind.DIRECTION, body, draw(_start), measures=refs),
    )


@_breaks("coverage-gap")
def _coverage_gap(draw: st.DrawFn, p: _Patch) -> None:
    body = p.body(kind=BodyKind.COORDINATION_OFFICE)
    categories = draw(_categories)
    rule = CoverageRule(body, categories, draw(_periods), draw(st.integers(1, 3)))
    p.add("coverage_rules", rule)


def _roster(draw: st.DrawFn, p: _Patch, *, overlap: bool) -> None:
    function = p.body(kind=BodyKind.STANDBY_FUNCTION)
    people = (p.person(), p.person())
    start = draw(moments)
    hours = draw(shift_hours)
    end = start + timedelta(hours=hours)
    # The second shift starts before the first ends (overlap) or some hours after (gap).
    shift = timedelta(hours=1 + draw(st.integers(0, hours - 1 if overlap else 24 * 7)))
    second = end - shift if overlap else end + shift
    shifts_ = (
        Shift(people[0], start, end),
        Shift(people[1], second, second + timedelta(hours=draw(shift_hours))),
    )
    p.add("rosters", OnCallRoster(function, shifts_))


@_breaks("roster-gap")
def _roster_gap(draw: st.DrawFn, p: _Patch) -> None:
    _roster(draw, p, overlap=False)


@_breaks("roster-overlap")
def _roster_overlap(draw: st.DrawFn, p: _Patch) -> None:
    _roster(draw, p, overlap=True)


_NOT_ACTIVATING = tuple(k for k in BodyKind if k not in ACTIVATING_KINDS)
_FIRST_MOMENT = datetime.combine(EPOCH - timedelta(days=1), time())


@_breaks("activation-not-allowed")
def _bad_activation(draw: st.DrawFn, p: _Patch) -> None:
    why = draw(st.sampled_from(("kind", "gone", "mode")))
    moment = draw(moments)
    if why == "kind":
        body = p.body(kind=draw(st.sampled_from(_NOT_ACTIVATING)))
    elif why == "gone":
        # The body ceased to exist before the moment of the switch.
        life = Period(EPOCH - timedelta(days=10), EPOCH - timedelta(days=draw(st.integers(1, 9))))
        body = p.body(kind=BodyKind.MANAGEMENT_GROUP, period=life)
    else:
        # Before any other switch the structure runs in normal mode, in which this body
        # is not active.
        moment = _FIRST_MOMENT
        body = p.body(kind=BodyKind.STANDBY_FUNCTION, active_in={Mode.ACTIVATED})
    p.add("activations", Activation(moment, draw(st.sampled_from(MODES)), body))


@_breaks("simultaneous-activations")
def _simultaneous(draw: st.DrawFn, p: _Patch) -> None:
    moment = draw(moments)
    p.add(
        "activations",
        *(Activation(moment, mode, p.body(kind=BodyKind.MANAGEMENT_GROUP)) for mode in MODES),
    )


@_breaks("area-responsibility-level")
def _misplaced_area(draw: st.DrawFn, p: _Patch) -> None:
    how = draw(st.sampled_from(("level", "kind", "nation")))
    if how == "level":
        # A municipality or county board with its own kind of area, at another level.
        kind = draw(st.sampled_from(sorted(RESPONSIBLE_KIND, key=list(OrganisationKind).index)))
        own = RESPONSIBLE_KIND[kind]
        level = draw(st.sampled_from([lv for lv in LEVELS if lv is not RESPONSIBLE_LEVEL[own]]))
        code = draw(st.sampled_from(area_codes(own)))
    elif how == "kind":
        # A municipality with a county as its area, or a county board with a municipality.
        kind = draw(st.sampled_from(sorted(RESPONSIBLE_KIND, key=list(OrganisationKind).index)))
        other = (
            AreaKind.COUNTY
            if RESPONSIBLE_KIND[kind] is AreaKind.MUNICIPALITY
            else AreaKind.MUNICIPALITY
        )
        level = draw(st.sampled_from(LEVELS))
        code = draw(st.sampled_from(area_codes(other)))
    else:
        # Only the Government, at the central level, has the whole nation as its area.
        kind = OrganisationKind.GOVERNMENT_AGENCY
        level = draw(st.sampled_from(LEVELS[:-1]))
        code = Area.NATION_CODE
    p.actor(level, kind, area=Area(code))


BROKEN_STRUCTURE_CODES: tuple[str, ...] = tuple(sorted(_BREAKERS))
"""The finding codes :func:`broken_structures` can break a structure for (all with scope
``"structure"``)."""


def broken_structures(
    codes: Iterable[str] | None = None,
    *,
    base: st.SearchStrategy[Structure] | None = None,
) -> st.SearchStrategy[tuple[Structure, str]]:
    """Pairs ``(structure, code)``: a valid structure broken in one way that yields *code*.

    Each pair starts from a valid structure and adds what it takes to break one rule (two
    bodies reporting to each other, a chair overlapping another, a decision by an ISF
    support body, ...), with fresh ids (``x1``, ``missing1``, ...) that cannot clash with
    the base structure's. ``structure.validate(analyses=())`` then reports a finding with
    *code*; so does plain ``structure.validate()`` for every code but
    ``decision-measure-missing``, which is checked only when analyses are given. Other
    findings may come with it (a new body may also be unanchored, for example).

    Args:
        codes: The finding codes to break for (default: all of
            :data:`BROKEN_STRUCTURE_CODES`, which is every code with scope ``"structure"``).
        base: The valid structures to start from (default: small :func:`structures`).

    Raises:
        hypothesis.errors.InvalidArgument: for a code this strategy cannot break for.

    Examples from this strategy shrink towards the first code in alphabetical order, added
    to an empty structure in the simplest way.
    """
    chosen = chosen_codes(codes, BROKEN_STRUCTURE_CODES, "a structure")
    if base is None:
        base = structures(max_actors=3, max_bodies=3)
    return _broken(st.sampled_from(chosen), base)


@st.composite
def _broken(
    draw: st.DrawFn, codes: st.SearchStrategy[str], base: st.SearchStrategy[Structure]
) -> tuple[Structure, str]:
    code = draw(codes)
    patch = _Patch(draw(base))
    _BREAKERS[code](draw, patch)
    return patch.build(), code
