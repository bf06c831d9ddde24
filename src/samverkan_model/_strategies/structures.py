"""Whole structures that are valid by construction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta

from hypothesis import strategies as st

from samverkan_model._strategies.common import (
    CATEGORIES,
    EPOCH,
    ROLES,
    Many,
    check_size,
    levels_arg,
    many,
    maybe_index,
    names,
    period_from,
    period_in,
    period_raw,
    pick,
    pick_maybe,
    raw_index,
    short_texts,
    span_raw,
)
from samverkan_model._strategies.parts import (
    MODES,
    actor_from,
    actor_raw,
    body_from,
    body_raw_fields,
    handovers,
    moments,
    shift_hours,
)
from samverkan_model.periods import Period
from samverkan_model.structure.activation import ACTIVATING_KINDS, Activation
from samverkan_model.structure.actors import (
    Actor,
    Person,
)
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
from samverkan_model.structure.staffing import CoverageRule, OnCallRoster
from samverkan_model.structure.validation import DECIDING_KINDS


def structures(
    *,
    min_actors: int = 0,
    max_actors: int = 6,
    levels: Iterable[GovernanceLevel] | None = None,
    with_persons: bool = True,
    max_bodies: int = 5,
) -> st.SearchStrategy[Structure]:
    """Whole collaboration structures whose :meth:`~Structure.validate` has no error.

    Every reference resolves, ids are unique across actors, bodies and persons,
    reports-to and escalates-to relations point upwards (never to a lower level) without
    cycles, memberships lie inside their body's life and no body has two chairs at once.
    Decisions are taken by bodies of a kind that takes them. Warnings (isolated bodies,
    coverage gaps, ...) may occur, as in real drafts.

    Ids come from counters: actors ``a1, a2, ...``, bodies ``b1, ...``, persons ``p1, ...``,
    agreements ``g1, ...`` and decisions ``d1, ...``.

    Args:
        min_actors: The fewest actors.
        max_actors: The most actors.
        levels: The governance levels actors and bodies are drawn from (default: all).
        with_persons: Whether to generate persons (with their memberships and standby
            rosters); without them every member is an actor.
        max_bodies: The most bodies.

    Raises:
        hypothesis.errors.InvalidArgument: for negative or inconsistent sizes or no levels.

    Examples from this strategy shrink towards structures with fewer actors, bodies and
    relations, short names and early dates: the smallest is an empty structure.
    """
    check_size("min_actors", min_actors, 0)
    check_size("max_actors", max_actors, min_actors)
    check_size("max_bodies", max_bodies, 0)
    chosen = levels_arg(levels)
    return _structures(
        (actor_raw(chosen), min_actors, max_actors),
        (st.tuples(st.sampled_from(chosen), *body_raw_fields), 0, max_bodies),
        with_persons,
    )


UPWARD = (RelationKind.REPORTS_TO, RelationKind.ESCALATES_TO)
_DECIDING = {
    kind: tuple(k for k in DecisionKind if k in allowed) for kind, allowed in DECIDING_KINDS.items()
}
_seat_raw = st.tuples(raw_index, raw_index, st.sampled_from(ROLES), span_raw, maybe_index)
_relation_raw = st.tuples(st.sampled_from(RelationKind), raw_index, raw_index, st.none() | span_raw)
_agreement_raw = st.tuples(
    st.sampled_from(AgreementKind), raw_index, raw_index, maybe_index, period_raw, short_texts
)
_decision_raw = st.tuples(raw_index, raw_index, raw_index, maybe_index, short_texts)
_rule_raw = st.tuples(
    raw_index, st.frozensets(st.sampled_from(CATEGORIES), min_size=1), span_raw, st.integers(1, 2)
)
_roster_raw = st.tuples(
    raw_index, moments, st.lists(st.tuples(raw_index, shift_hours, maybe_index), max_size=4)
)

# How the draws are laid out, for shrinking. Each collection is a count followed by that
# many elements (``many``): Hypothesis shrinks a count by lowering it and deleting one
# element's draws, any one of them, which is how an unneeded actor in the middle goes. A
# list's "one more?" flags give it no such move for elements of many draws. References
# between the parts are raw numbers read modulo the number of things they can point to,
# so every draw keeps its meaning when an earlier collection gets shorter, and small raw
# numbers keep pointing at the same early things.

_person_raw = st.tuples(names, st.none() | short_texts)


@st.composite
def _structures(
    draw: st.DrawFn,
    actor_raws: Many,
    body_raws: Many,
    with_persons: bool,
) -> Structure:
    actor_list: list[Actor] = []
    for i, raw in enumerate(many(draw, *actor_raws)):
        actor_list.append(actor_from(f"a{i + 1}", raw, [a.id for a in actor_list]))
    actor_ids = [a.id for a in actor_list]

    body_list = [
        body_from(f"b{i + 1}", raw[0], raw[1:], actor_ids)
        for i, raw in enumerate(many(draw, *body_raws))
    ]

    person_list: list[Person] = []
    if with_persons:
        person_raws = many(draw, _person_raw, 0, 4)
        person_list = [Person(f"p{i + 1}", n, c) for i, (n, c) in enumerate(person_raws)]
    person_ids = [p.id for p in person_list]

    return Structure(
        name=draw(names),
        actors=actor_list,
        bodies=body_list,
        persons=person_list,
        memberships=_seats(draw, body_list, actor_ids, person_ids),
        relations=_links(draw, actor_list, body_list),
        agreements=_agreements(draw, actor_ids),
        decisions=_decisions(draw, body_list),
        coverage_rules=_rules(draw, body_list),
        rosters=_rosters(draw, body_list, person_ids, actor_ids),
        activations=_timeline(draw, body_list),
    )


def _seats(
    draw: st.DrawFn,
    body_list: Sequence[Body],
    actor_ids: Sequence[str],
    person_ids: Sequence[str],
) -> list[Membership]:
    members = [*actor_ids, *person_ids]
    raws = many(draw, _seat_raw, 0, 8)  # drawn even when unused: see "How the draws ..."
    if not body_list or not members:
        return []
    chairs: dict[str, list[Period]] = {}
    seats: dict[Membership, None] = {}
    for body_at, member_at, drawn_role, span, lender in raws:
        body = pick(body_list, body_at)
        member = pick(members, member_at)
        period = period_in(body.period, span)
        role = drawn_role
        if role is Role.CHAIR:
            # One chair at a time: a seat that would overlap another chair becomes a member.
            held = chairs.setdefault(body.id, [])
            if any(p.overlaps(period) for p in held):
                role = Role.MEMBER
            else:
                held.append(period)
        on_behalf_of = pick_maybe(actor_ids, lender) if member in person_ids else None
        seats[Membership(member, body.id, role, period, on_behalf_of)] = None
    return list(seats)


def _links(
    draw: st.DrawFn, actor_list: Sequence[Actor], body_list: Sequence[Body]
) -> list[Relation]:
    # Reports-to and escalates-to point from the lower to the higher node in the order
    # (level, actors before bodies, as generated): never downwards, and never round a
    # cycle.
    nodes = [(a.level.rank, 0, i, a.id) for i, a in enumerate(actor_list)]
    nodes += [(b.level.rank, 1, i, b.id) for i, b in enumerate(body_list)]
    n = len(nodes)
    raws = many(draw, _relation_raw, 0, 8)
    if n < 2:
        return []
    out: dict[tuple[str, str, RelationKind], Relation] = {}
    for kind, first, second, span in raws:
        source, target = nodes[first % n], nodes[second % n]
        if source == target:
            continue  # nothing relates to itself
        if kind in UPWARD and target < source:
            source, target = target, source
        period = None if span is None else period_in(None, span)
        key = (source[3], target[3], kind)
        out.setdefault(key, Relation(source[3], target[3], kind, period))
    return list(out.values())


def _agreements(draw: st.DrawFn, actor_ids: Sequence[str]) -> list[Agreement]:
    raws = many(draw, _agreement_raw, 0, 2)
    if len(actor_ids) < 2:
        return []
    out: list[Agreement] = []
    for kind, first, second, third, period, subject in raws:
        parties = {pick(actor_ids, first), pick(actor_ids, second)}
        if len(parties) < 2:
            continue  # an agreement needs two parties
        third_party = pick_maybe(actor_ids, third)
        if third_party is not None:
            parties.add(third_party)
        life = Period(EPOCH) if period is None else period_from(*period)
        out.append(Agreement(f"g{len(out) + 1}", parties, kind, life, subject))
    return out


def _decisions(draw: st.DrawFn, body_list: Sequence[Body]) -> list[Decision]:
    deciding = [b for b in body_list if b.kind in _DECIDING]
    raws = many(draw, _decision_raw, 0, 3)
    if not deciding:
        return []
    out = []
    for number, (body_at, kind_raw, day_raw, proposer, text) in enumerate(raws, start=1):
        body = pick(deciding, body_at)
        life = body.period or Period(EPOCH)
        decided_on = period_in(life, (day_raw, 0, 0)).start
        proposer_body = pick_maybe(body_list, proposer)
        proposed_by = None if proposer_body is None else proposer_body.id
        kind = pick(_DECIDING[body.kind], kind_raw)
        out.append(Decision(f"d{number}", kind, body.id, decided_on, proposed_by, text))
    return out


def _rules(draw: st.DrawFn, body_list: Sequence[Body]) -> list[CoverageRule]:
    raws = many(draw, _rule_raw, 0, 2)
    if not body_list:
        return []
    out = []
    for body_at, categories, span, min_people in raws:
        body = pick(body_list, body_at)
        out.append(CoverageRule(body.id, categories, period_in(body.period, span), min_people))
    return out


def _rosters(
    draw: st.DrawFn,
    body_list: Sequence[Body],
    person_ids: Sequence[str],
    actor_ids: Sequence[str],
) -> list[OnCallRoster]:
    # Standby functions first: a roster normally belongs to one.
    functions = sorted(body_list, key=lambda b: (b.kind is not BodyKind.STANDBY_FUNCTION, b.id))
    raws = many(draw, _roster_raw, 0, 2)
    if not functions or not person_ids:
        return []
    out: dict[str, OnCallRoster] = {}
    for function_at, start, shift_raws in raws:
        function = pick(functions, function_at).id
        shifts_ = handovers(start, shift_raws, person_ids, actor_ids)
        out.setdefault(function, OnCallRoster(function, shifts_))
    return list(out.values())


_activation_raw = st.tuples(
    st.integers(0, 24 * 400), st.sampled_from(MODES), raw_index, short_texts
)


def _timeline(draw: st.DrawFn, body_list: Sequence[Body]) -> list[Activation]:
    """Mode switches at increasing moments, each decided by a body allowed to decide it."""
    deciders = [b for b in body_list if b.kind in ACTIVATING_KINDS]
    raws = many(draw, _activation_raw, 0, 3)
    out = []
    moment = datetime.combine(EPOCH, time())
    mode = Mode.NORMAL
    for hours, new_mode, body_raw, reason in raws:
        moment += timedelta(hours=1 + hours)
        # A body may switch the mode only while it exists and is active in the mode the
        # structure runs in just before the switch.
        able = [b for b in deciders if b.exists_at(moment.date()) and mode in b.active_in]
        if able:
            out.append(Activation(moment, new_mode, pick(able, body_raw).id, reason))
            mode = new_mode
    return out
