"""The structure's global rules, reported as findings by :meth:`Structure.validate`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import chain, combinations, groupby
from typing import TYPE_CHECKING

from samverkan_model.findings import Finding, Findings, Severity, register, sort_findings
from samverkan_model.structure.activation import ACTIVATING_KINDS
from samverkan_model.structure.bodies import BodyKind, Membership, Role
from samverkan_model.structure.decisions import DecisionKind
from samverkan_model.structure.relations import Relation, RelationKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from samverkan_model.risk import Analysis
    from samverkan_model.structure.model import Structure

__all__ = ["DECIDING_KINDS", "validate_structure"]

_S = "structure"
DUPLICATE_ID = register(
    "duplicate-id",
    Severity.ERROR,
    "Two actors, bodies or persons (or two agreements, two decisions, or two rosters of "
    "one standby function) share an id.",
    _S,
)
UNRESOLVED_REFERENCE = register(
    "unresolved-reference",
    Severity.ERROR,
    "An id used in a membership, relation, agreement, decision, rule, roster, host or "
    "part-of field names nothing in the structure (or the wrong kind of thing).",
    _S,
)
REPORTING_CYCLE = register(
    "reporting-cycle",
    Severity.ERROR,
    "Reports-to relations that hold at the same time form a cycle.",
    _S,
)
ESCALATION_CYCLE = register(
    "escalation-cycle",
    Severity.ERROR,
    "Escalates-to relations that hold at the same time form a cycle.",
    _S,
)
SELF_RELATION = register(
    "self-relation",
    Severity.ERROR,
    "A relation points from an actor or body to itself.",
    _S,
)
PART_OF_CYCLE = register(
    "part-of-cycle",
    Severity.ERROR,
    "Actors' part-of fields lead round in a loop (an actor is, through others, part of itself).",
    _S,
)
DOWNWARD_ESCALATION = register(
    "downward-escalation",
    Severity.ERROR,
    "A reports-to or escalates-to relation points to a lower governance level.",
    _S,
)
MEMBERSHIP_OUTSIDE_BODY_PERIOD = register(
    "membership-outside-body-period",
    Severity.ERROR,
    "A membership is held (partly) outside the life of its body.",
    _S,
)
CONCURRENT_CHAIRS = register(
    "concurrent-chairs",
    Severity.ERROR,
    "A body has two chairs at the same time.",
    _S,
)
UNANCHORED_BODY = register(
    "unanchored-body",
    Severity.WARNING,
    "The escalation walk from a body does not end at a body of the highest level present.",
    _S,
)
ISOLATED_BODY = register(
    "isolated-body",
    Severity.WARNING,
    "A body has no memberships, no relations and no on-call roster.",
    _S,
)
PERSON_WITHOUT_MEMBERSHIP = register(
    "person-without-membership",
    Severity.WARNING,
    "A person with contact data has no membership and no standby shift: personal data "
    "kept without purpose.",
    _S,
)
ORG_NUMBER_GROUP = register(
    "org-number-group",
    Severity.WARNING,
    "The group digit of an organisation number does not fit the actor's kind.",
    _S,
)
NON_DECIDING_BODY = register(
    "non-deciding-body",
    Severity.ERROR,
    "A decision is taken by a body whose kind does not take that kind of decision.",
    _S,
)
ISF_SUPPORT_DECISION = register(
    "isf-support-decision",
    Severity.ERROR,
    "A decision is taken by an ISF support body, which prepares material and takes no decisions.",
    _S,
)
PROPOSER_NOT_REPORTING = register(
    "proposer-not-reporting",
    Severity.WARNING,
    "A decision is proposed by a body that does not report (directly or through others) to "
    "the deciding body.",
    _S,
)
DECISION_MEASURE_MISSING = register(
    "decision-measure-missing",
    Severity.ERROR,
    "A decision commissions a measure that is not in the analyses given to validate().",
    _S,
)
COVERAGE_GAP = register(
    "coverage-gap",
    Severity.WARNING,
    "During some span a body lacks competence categories its coverage rule requires.",
    _S,
)
ROSTER_GAP = register(
    "roster-gap",
    Severity.WARNING,
    "During some span within a roster's span nobody is on standby.",
    _S,
)
ROSTER_OVERLAP = register(
    "roster-overlap",
    Severity.WARNING,
    "More people are on standby at once than the function needs (single-person standby "
    "overlapping).",
    _S,
)

ACTIVATION_NOT_ALLOWED = register(
    "activation-not-allowed",
    Severity.ERROR,
    "A mode switch is decided by a body that does not decide activation, does not exist "
    "then, or is not active in the mode the structure runs in just before it.",
    _S,
)
SIMULTANEOUS_ACTIVATIONS = register(
    "simultaneous-activations",
    Severity.WARNING,
    "Two activations at the same moment set different modes (activated mode is taken to hold).",
    _S,
)
AREA_RESPONSIBILITY_LEVEL = register(
    "area-responsibility-level",
    Severity.ERROR,
    "An actor is stated to hold geographic area responsibility at a level that is not its "
    "own: the responsibility is never transferred between levels.",
    _S,
)

DECIDING_KINDS: dict[BodyKind, frozenset[DecisionKind]] = {
    BodyKind.MANAGEMENT_GROUP: frozenset(DecisionKind),
    BodyKind.DELEGATION: frozenset({DecisionKind.DIRECTION, DecisionKind.COORDINATION}),
    BodyKind.PARTNERSHIP: frozenset({DecisionKind.DIRECTION, DecisionKind.COORDINATION}),
    BodyKind.ISF: frozenset({DecisionKind.DIRECTION, DecisionKind.COORDINATION}),
    BodyKind.ISK: frozenset({DecisionKind.DIRECTION, DecisionKind.COORDINATION}),
    BodyKind.COORDINATION_GROUP: frozenset({DecisionKind.COORDINATION}),
    BodyKind.COLLABORATION_GROUP: frozenset({DecisionKind.COORDINATION}),
}
"""Which kinds of decision each kind of body takes; bodies of other kinds take none.

A management group (chefsgrupp) decides direction, coordination, budget and staffing; a
delegation, partnership or ISF agrees on direction and coordination, and so do actors in
an ISK contact (the lighter form of the ISF); coordination and collaboration groups
coordinate. Offices, committees, conferences, analysis groups,
standby functions, dialogue forums and ISF support take no decisions.
"""


def validate_structure(
    structure: Structure,
    *,
    analyses: Iterable[Analysis] | None = None,
    horizon: date | None = None,
) -> Findings:
    """Every finding for *structure*, worst first (see :meth:`Structure.validate`)."""
    findings = chain(
        _duplicates(structure),
        _references(structure),
        _cycles(structure, RelationKind.REPORTS_TO, REPORTING_CYCLE),
        _cycles(structure, RelationKind.ESCALATES_TO, ESCALATION_CYCLE),
        _self_relations(structure),
        _part_of_cycles(structure),
        _downward(structure),
        _membership_periods(structure),
        _chairs(structure),
        _anchoring(structure),
        _isolated(structure),
        _persons(structure),
        _org_numbers(structure),
        _decisions(structure, analyses),
        _staffing(structure, horizon),
        _activations(structure),
        _area_responsibility(structure),
    )
    return sort_findings(findings)


def _duplicates(s: Structure) -> Iterator[Finding]:
    nodes = Counter(
        [*(a.id for a in s.actors), *(b.id for b in s.bodies), *(p.id for p in s.persons)]
    )
    for node_id, n in sorted(nodes.items()):
        if n > 1:
            yield Finding.of(
                DUPLICATE_ID, f"id {node_id!r} is used by {n} actors, bodies or persons", node_id
            )
    for what, items in (("agreements", s.agreements), ("decisions", s.decisions)):
        for item_id, n in sorted(Counter(x.id for x in items).items()):
            if n > 1:
                yield Finding.of(DUPLICATE_ID, f"id {item_id!r} is used by {n} {what}", item_id)
    for function, n in sorted(Counter(r.function for r in s.rosters).items()):
        if n > 1:
            yield Finding.of(
                DUPLICATE_ID,
                f"standby function {function!r} has {n} rosters; only the first is used",
                function,
            )


def _references(s: Structure) -> Iterator[Finding]:
    actors, bodies, persons = s.actors_by_id, s.bodies_by_id, s.persons_by_id

    # Called only for a reference that does not resolve: the texts are built then.
    def missing(where: str, ref: str, want: str, *subject: str) -> Finding:
        return Finding.of(
            UNRESOLVED_REFERENCE, f"{where}: {ref!r} is not {want} of the structure", *subject
        )

    for i, a in enumerate(s.actors):
        if a.part_of is not None and a.part_of not in actors:
            yield missing(f"actors[{i}].part_of", a.part_of, "an actor", a.id)
    for i, b in enumerate(s.bodies):
        if b.host is not None and b.host not in actors:
            yield missing(f"bodies[{i}].host", b.host, "an actor", b.id)
    for i, m in enumerate(s.memberships):
        if m.body not in bodies:
            yield missing(f"memberships[{i}].body", m.body, "a body", m.body, m.member)
        if m.member not in actors and m.member not in persons:
            yield missing(
                f"memberships[{i}].member", m.member, "an actor or person", m.member, m.body
            )
        if m.on_behalf_of is not None and m.on_behalf_of not in actors:
            yield missing(
                f"memberships[{i}].on_behalf_of",
                m.on_behalf_of,
                "an actor",
                m.member,
                m.on_behalf_of,
            )
    for i, r in enumerate(s.relations):
        for end, ref in (("source", r.source), ("target", r.target)):
            if ref not in actors and ref not in bodies:
                yield missing(f"relations[{i}].{end}", ref, "an actor or body", r.source, r.target)
    for i, g in enumerate(s.agreements):
        for party in sorted(g.parties):
            if party not in actors:
                yield missing(f"agreements[{i}].parties", party, "an actor", g.id, party)
    for i, d in enumerate(s.decisions):
        if d.body not in bodies:
            yield missing(f"decisions[{i}].body", d.body, "a body", d.id, d.body)
        if d.proposed_by is not None and d.proposed_by not in bodies:
            yield missing(
                f"decisions[{i}].proposed_by", d.proposed_by, "a body", d.id, d.proposed_by
            )
    for i, rule in enumerate(s.coverage_rules):
        if rule.body not in bodies:
            yield missing(f"coverage_rules[{i}].body", rule.body, "a body", rule.body)
    for i, roster in enumerate(s.rosters):
        if roster.function not in bodies:
            yield missing(f"rosters[{i}].function", roster.function, "a body", roster.function)
        for j, shift in enumerate(roster.shifts):
            if shift.person not in persons:
                yield missing(
                    f"rosters[{i}].shifts[{j}].person",
                    shift.person,
                    "a person",
                    roster.function,
                    shift.person,
                )
            if shift.on_behalf_of is not None and shift.on_behalf_of not in actors:
                yield missing(
                    f"rosters[{i}].shifts[{j}].on_behalf_of",
                    shift.on_behalf_of,
                    "an actor",
                    roster.function,
                    shift.on_behalf_of,
                )
    for i, act in enumerate(s.activations):
        if act.decided_by not in bodies:
            yield missing(f"activations[{i}].decided_by", act.decided_by, "a body", act.decided_by)


def _cycles(s: Structure, kind: RelationKind, code: str) -> Iterator[Finding]:
    import networkx as nx  # noqa: PLC0415  (kept out of ``import samverkan_model``)

    # Self-relations are reported once, as ``self-relation``, not as cycles of one.
    edges = [r for r in s.relations if r.kind is kind and r.source != r.target]
    graph = nx.DiGraph((r.source, r.target) for r in edges)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        if len(component) == 1:
            continue
        inside = [r for r in edges if r.source in component and r.target in component]
        # A cycle only counts if its relations hold at the same time: look at every day a
        # relation inside the component starts (plus "always" for undated ones).
        moments = sorted({r.period.start for r in inside if r.period is not None})
        for moment in [None, *moments]:
            at = [
                r
                for r in inside
                if (moment is None and r.period is None)
                or (moment is not None and r.active_at(moment))
            ]
            try:
                cycle = nx.find_cycle(nx.DiGraph((r.source, r.target) for r in at))
            except nx.NetworkXNoCycle:
                continue
            nodes = [u for u, _ in cycle]
            when = "" if moment is None else f" on {moment.isoformat()}"
            path = " -> ".join([*nodes, nodes[0]])
            yield Finding.of(code, f"{kind.value} relations form a cycle{when}: {path}", *nodes)
            break


def _self_relations(s: Structure) -> Iterator[Finding]:
    for r in s.relations:
        if r.source == r.target:
            yield Finding.of(SELF_RELATION, f"{r.source!r} {r.kind.value} itself", r.source)


def _part_of_cycles(s: Structure) -> Iterator[Finding]:
    parent = {a.id: a.part_of for a in s.actors_by_id.values() if a.part_of is not None}
    done: set[str] = set()
    for start in sorted(parent):
        chain_: list[str] = []
        node: str | None = start
        while node is not None and node not in chain_ and node not in done:
            chain_.append(node)
            node = parent.get(node)
        if node is None or node in done:
            done.update(chain_)
            continue
        loop = chain_[chain_.index(node) :]
        done.update(chain_)
        path = " -> ".join([*loop, loop[0]])
        yield Finding.of(PART_OF_CYCLE, f"part-of leads round in a loop: {path}", *loop)


def _downward(s: Structure) -> Iterator[Finding]:
    # The first actor or body with an id decides its level, as in ``node_kind``.
    levels = {b.id: b.level for b in s.bodies_by_id.values()}
    levels.update({a.id: a.level for a in s.actors_by_id.values()})
    for r in s.relations:
        if r.kind not in (RelationKind.REPORTS_TO, RelationKind.ESCALATES_TO):
            continue
        src, dst = levels.get(r.source), levels.get(r.target)
        if src is not None and dst is not None and dst < src:
            yield Finding.of(
                DOWNWARD_ESCALATION,
                f"{r.source!r} ({src.value}) {r.kind.value} {r.target!r} ({dst.value}), "
                "a lower level",
                r.source,
                r.target,
            )


def _membership_periods(s: Structure) -> Iterator[Finding]:
    for m in s.memberships:
        body = s.bodies_by_id.get(m.body)
        if body is None or body.period is None or body.period.covers(m.period):
            continue
        yield Finding.of(
            MEMBERSHIP_OUTSIDE_BODY_PERIOD,
            f"{m.member!r} is {m.role.value} of {m.body!r} during {m.period}, "
            f"but the body exists only during {body.period}",
            m.body,
            m.member,
        )


def _chairs(s: Structure) -> Iterator[Finding]:
    chairs: dict[str, list[Membership]] = {}
    for m in s.memberships:
        if m.role is Role.CHAIR:
            chairs.setdefault(m.body, []).append(m)
    for body, seats in chairs.items():
        # Every pair of different members whose chair periods share a day; the seats of a
        # body are few, so comparing all pairs is cheap and misses nothing (a long chair
        # period may overlap several later ones).
        for first, second in combinations(seats, 2):
            if first.member == second.member:
                continue
            both = first.period.intersection(second.period)
            if both is not None:
                yield Finding.of(
                    CONCURRENT_CHAIRS,
                    f"{body!r} has two chairs from {both.start.isoformat()}: "
                    f"{first.member!r} and {second.member!r}",
                    body,
                    first.member,
                    second.member,
                )


def _anchoring(s: Structure) -> Iterator[Finding]:
    bodies = s.bodies_by_id
    if not bodies:
        return
    top = max(b.level for b in bodies.values())
    for b in bodies.values():
        path = s.escalation_path(b.id)
        end = s.bodies_by_id.get(path[-1])
        if end is None or end.level != top:
            yield Finding.of(
                UNANCHORED_BODY,
                f"the escalation walk from {b.id!r} ends at {path[-1]!r}, not at a body of "
                f"the {top.value} level",
                b.id,
            )


def _isolated(s: Structure) -> Iterator[Finding]:
    linked = {m.body for m in s.memberships}
    linked.update(chain.from_iterable((r.source, r.target) for r in s.relations))
    linked.update(r.function for r in s.rosters if r.shifts)
    for b in s.bodies:
        if b.id not in linked:
            yield Finding.of(ISOLATED_BODY, f"{b.id!r} has no members and no relations", b.id)


def _persons(s: Structure) -> Iterator[Finding]:
    seated = {m.member for m in s.memberships}
    seated.update(shift.person for roster in s.rosters for shift in roster.shifts)
    for p in s.persons:
        if p.contact is not None and p.id not in seated:
            yield Finding.of(
                PERSON_WITHOUT_MEMBERSHIP,
                f"{p.id!r} has contact data but no membership or standby shift",
                p.id,
            )


def _org_numbers(s: Structure) -> Iterator[Finding]:
    from samverkan_model.structure.actors import expected_org_groups  # noqa: PLC0415

    for a in s.actors:
        groups = expected_org_groups(a.kind)
        if a.org_group is not None and groups and a.org_group not in groups:
            yield Finding.of(
                ORG_NUMBER_GROUP,
                f"{a.id!r} is a {a.kind.value} but its organisation number {a.org_number} is in "
                f"group {a.org_group} (expected {', '.join(sorted(groups))})",
                a.id,
            )


def _reports_upwards(s: Structure) -> Callable[[str, str, date], bool]:
    """A test of whether one node reports to another, directly or through others, on a day.

    It walks the reports-to relations that hold on the day from the first node, over the
    nodes :meth:`Structure.reporting_graph` has on that day (actors, persons and bodies
    that exist then), so it answers as that graph would without building one per day:
    each question costs only the part of the hierarchy above the node.
    """
    upward: dict[str, list[Relation]] = {}
    for r in s.relations:
        if r.kind is RelationKind.REPORTS_TO:
            upward.setdefault(r.source, []).append(r)
    actors, bodies, persons = s.actors_by_id, s.bodies_by_id, s.persons_by_id

    def alive(node: str, day: date) -> bool:
        if node in actors or node in persons:
            return True
        body = bodies.get(node)
        return body is not None and body.exists_at(day)

    def reaches(start: str, goal: str, day: date) -> bool:
        if not alive(start, day):
            return False
        seen = {start}
        stack = [start]
        while stack:
            for r in upward.get(stack.pop(), ()):
                if r.target in seen or not r.active_at(day) or not alive(r.target, day):
                    continue
                if r.target == goal:
                    return True
                seen.add(r.target)
                stack.append(r.target)
        return False

    return reaches


def _decisions(s: Structure, analyses: Iterable[Analysis] | None) -> Iterator[Finding]:
    known: set[tuple[str, str]] | None = None
    if analyses is not None:
        known = {(a.id, m.id) for a in analyses for m in a.measures}
    reports_to = _reports_upwards(s)
    for d in s.decisions:
        body = s.bodies_by_id.get(d.body)
        if body is not None:
            if body.kind is BodyKind.ISF_SUPPORT:
                yield Finding.of(
                    ISF_SUPPORT_DECISION,
                    f"decision {d.id!r} is taken by {d.body!r}, an ISF support body; the ISF "
                    "decides",
                    d.id,
                    d.body,
                )
            elif d.kind not in DECIDING_KINDS.get(body.kind, frozenset()):
                yield Finding.of(
                    NON_DECIDING_BODY,
                    f"decision {d.id!r} ({d.kind.value}) is taken by {d.body!r}, a "
                    f"{body.kind.value}, which does not take {d.kind.value} decisions",
                    d.id,
                    d.body,
                )
        if (
            d.proposed_by is not None
            and d.proposed_by != d.body
            and d.proposed_by in s.bodies_by_id
            and body is not None
            and not reports_to(d.proposed_by, d.body, d.decided_on)
        ):
            yield Finding.of(
                PROPOSER_NOT_REPORTING,
                f"decision {d.id!r} is proposed by {d.proposed_by!r}, which does not report "
                f"to {d.body!r} on {d.decided_on.isoformat()}",
                d.id,
                d.proposed_by,
            )
        if known is not None:
            for ref in d.measures:
                if (ref.analysis, ref.measure) not in known:
                    yield Finding.of(
                        DECISION_MEASURE_MISSING,
                        f"decision {d.id!r} commissions measure {str(ref)!r}, which is not in "
                        "the given analyses",
                        d.id,
                        str(ref),
                    )


def _staffing(s: Structure, horizon: date | None) -> Iterator[Finding]:
    from samverkan_model.structure.coverage import default_horizon, rule_gaps  # noqa: PLC0415
    from samverkan_model.structure.oncall import gaps_between, roster_overlaps  # noqa: PLC0415

    limit = horizon if horizon is not None else default_horizon(s)
    for rule in s.coverage_rules:
        for gap in rule_gaps(s, rule, rule.period.clip(limit)):
            missing = ", ".join(sorted(gap.missing))
            yield Finding.of(
                COVERAGE_GAP, f"{gap.body!r} lacks {missing} during {gap.period}", gap.body
            )
    for roster in s.rosters:
        span = roster.span
        if span is None:
            continue
        for lo, hi in gaps_between(roster, *span):
            yield Finding.of(
                ROSTER_GAP,
                f"nobody is on standby for {roster.function!r} from {lo.isoformat()} to "
                f"{hi.isoformat()}",
                roster.function,
            )
        for lo, hi in roster_overlaps(roster):
            yield Finding.of(
                ROSTER_OVERLAP,
                f"more than {roster.min_people} on standby for {roster.function!r} from "
                f"{lo.isoformat()} to {hi.isoformat()}",
                roster.function,
            )


def _activations(s: Structure) -> Iterator[Finding]:
    from samverkan_model.structure.levels import Mode  # noqa: PLC0415

    # A body decides from the mode the structure runs in just before the moment of the
    # switch: activations sharing that moment are all judged against the same mode.
    before = Mode.NORMAL
    for on, group in groupby(s.activations, key=lambda a: a.on):
        moment = list(group)
        when = on.isoformat(timespec="minutes")
        for act in moment:
            body = s.bodies_by_id.get(act.decided_by)
            if body is None:
                continue  # an unresolved-reference finding
            if body.kind not in ACTIVATING_KINDS:
                why = f"a {body.kind.value}, which does not decide activation"
            elif not body.exists_at(on.date()):
                why = f"which does not exist then (its life is {body.period})"
            elif before not in body.active_in:
                active = " and ".join(sorted(m.value for m in body.active_in))
                why = (
                    f"which is active only in {active} mode while the structure runs in "
                    f"{before.value} mode"
                )
            else:
                continue
            yield Finding.of(
                ACTIVATION_NOT_ALLOWED,
                f"the switch to {act.mode.value} mode at {when} is decided by "
                f"{act.decided_by!r}, {why}",
                act.decided_by,
            )
        modes = {a.mode for a in moment}
        if len(modes) > 1:
            deciders = sorted({a.decided_by for a in moment})
            yield Finding.of(
                SIMULTANEOUS_ACTIVATIONS,
                f"activations at {when} set different modes "
                f"({', '.join(sorted(m.value for m in modes))}); activated mode is taken to hold",
                *deciders,
            )
        before = moment[-1].mode


def _area_responsibility(s: Structure) -> Iterator[Finding]:
    from samverkan_model.structure.area import misplaced_responsibility  # noqa: PLC0415

    for actor, message in misplaced_responsibility(s.actors):
        yield Finding.of(AREA_RESPONSIBILITY_LEVEL, message, actor.id)
