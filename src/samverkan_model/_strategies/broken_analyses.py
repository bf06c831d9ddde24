"""Analyses broken in one known way, each with its structure and the code it yields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

import attrs
from hypothesis import strategies as st

from samverkan_model._strategies.common import chosen_codes, day, offsets
from samverkan_model._strategies.risk import analysis_from, fit, risk_draft, titles
from samverkan_model._strategies.structures import structures
from samverkan_model.risk.analysis import Analysis
from samverkan_model.risk.measures import Measure, MeasureStatus, StatusChange
from samverkan_model.risk.risks import Risk
from samverkan_model.risk.scales import RiskMatrix
from samverkan_model.risk.values import LivingCondition, Phase
from samverkan_model.risk.workshop import FollowUpAgreement, Method, NotRelevant
from samverkan_model.structure.model import Structure

__all__ = ["BROKEN_ANALYSIS_CODES", "broken_analyses"]

days = offsets.map(day)
_Breaker = Callable[[st.DrawFn, Analysis, Structure], Analysis]
_BREAKERS: dict[str, _Breaker] = {}


def _breaks(code: str) -> Callable[[_Breaker], _Breaker]:
    def register(breaker: _Breaker) -> _Breaker:
        _BREAKERS[code] = breaker
        return breaker

    return register


def _fresh(taken: Iterable[str], stem: str) -> str:
    used = set(taken)
    n = 1
    while f"{stem}{n}" in used:
        n += 1
    return f"{stem}{n}"


def _new_measure(
    a: Analysis,
    s: Structure,
    phase: Phase = Phase.PROACTIVE,
    *,
    risks: frozenset[str] = frozenset(),
    living_conditions: frozenset[LivingCondition] | None = None,
    follow_up: date | None = None,
) -> Measure:
    """A measure with a fresh id, for which the structure's first actor is responsible.

    A proactive measure strengthens education unless told otherwise, so that it is
    anchored in the process model.
    """
    if living_conditions is None:
        proactive = phase is Phase.PROACTIVE
        living_conditions = frozenset({LivingCondition.EDUCATION} if proactive else ())
    return Measure(
        _fresh((m.id for m in a.measures), "xm"),
        "Åtgärd",
        phase,
        {s.actors[0].id},
        risks=risks,
        living_conditions=living_conditions,
        follow_up=follow_up,
    )


def _new_risk(draw: st.DrawFn, a: Analysis) -> Risk:
    return fit(draw(risk_draft), a.risk_matrix, _fresh((r.id for r in a.risks), "xr"))


@_breaks("analysis-duplicate-id")
def _duplicate(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    risk = _new_risk(draw, a)
    if draw(st.booleans()):
        return attrs.evolve(a, risks=(*a.risks, risk, attrs.evolve(risk, title="Samma id")))
    measure = _new_measure(a, s)
    return attrs.evolve(a, measures=(*a.measures, measure, attrs.evolve(measure, title="Samma")))


@_breaks("analysis-unresolved-reference")
def _unresolved(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    ghost = _fresh((*(r.id for r in a.risks), *(m.id for m in a.measures)), "missing")
    if draw(st.booleans()):
        measure = _new_measure(a, s, risks=frozenset({ghost}))
        return attrs.evolve(a, measures=(*a.measures, measure))
    change = StatusChange(ghost, draw(days), draw(st.sampled_from(MeasureStatus)))
    return a.record(change)


@_breaks("assessment-off-scale")
def _off_scale(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    risk = _new_risk(draw, a)
    matrix = a.risk_matrix
    beyond = draw(st.integers(1, 5))
    if draw(st.booleans()):
        risk = attrs.evolve(risk, consequence=matrix.consequence.size + beyond)
    else:
        risk = attrs.evolve(risk, likelihood=matrix.likelihood.size + beyond)
    return attrs.evolve(a, risks=(*a.risks, risk))


@_breaks("assessment-without-confidence")
def _unsure(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    risk = _new_risk(draw, a)
    if draw(st.booleans()):
        risk = attrs.evolve(risk, basis=None)
    else:
        risk = attrs.evolve(risk, confidence=None)
    return attrs.evolve(a, risks=(*a.risks, risk))


_FORBIDDEN_STEPS = (
    (MeasureStatus.IMPLEMENTED, MeasureStatus.ON_HOLD, "Pausad"),
    (MeasureStatus.IMPLEMENTED, MeasureStatus.CANCELLED, "Avbruten"),
    (MeasureStatus.CANCELLED, MeasureStatus.IMPLEMENTED, "Genomförd ändå"),
    (MeasureStatus.IMPLEMENTED, MeasureStatus.PLANNED, ""),  # reopened without a note
    (MeasureStatus.CANCELLED, MeasureStatus.ONGOING, ""),
)


@_breaks("illegal-status-transition")
def _illegal(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    measure = _new_measure(a, s, follow_up=draw(days))
    before, after, note = draw(st.sampled_from(_FORBIDDEN_STEPS))
    first = draw(days)
    later = first + timedelta(days=draw(st.integers(0, 365)))
    return attrs.evolve(a, measures=(*a.measures, measure)).record(
        StatusChange(measure.id, first, before), StatusChange(measure.id, later, after, note)
    )


@_breaks("living-condition-conflict")
def _conflict(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    condition = draw(st.sampled_from(LivingCondition))
    # Judged not relevant, but also discussed.
    discussed = a.living_conditions_discussed | {condition}
    kept = tuple(n for n in a.not_relevant if n.living_condition is not condition)
    return attrs.evolve(
        a,
        living_conditions_discussed=discussed,
        not_relevant=(*kept, NotRelevant(condition, draw(titles))),
    )


@_breaks("living-condition-not-considered")
def _forgotten(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    condition = draw(st.sampled_from(LivingCondition))
    return attrs.evolve(
        a,
        living_conditions_discussed=a.living_conditions_discussed - {condition},
        not_relevant=tuple(n for n in a.not_relevant if n.living_condition is not condition),
    )


@_breaks("measure-without-status")
def _no_status(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, measures=(*a.measures, _new_measure(a, s, follow_up=draw(days))))


@_breaks("measure-without-follow-up")
def _no_follow_up(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    measure = _new_measure(a, s, follow_up=None)
    open_status = draw(st.sampled_from((MeasureStatus.PLANNED, MeasureStatus.ONGOING)))
    return attrs.evolve(a, measures=(*a.measures, measure)).record(
        StatusChange(measure.id, draw(days), open_status)
    )


@_breaks("method-not-on-protected-values")
def _other_method(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, method=Method(draw(titles), builds_on_protected_values=False))


@_breaks("no-documentation-owner")
def _no_owner(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, documentation_owner=None)


@_breaks("no-follow-up-agreement")
def _no_agreement(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, follow_up_agreement=None)


@_breaks("no-method")
def _no_method(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, method=None)


@_breaks("no-participants")
def _no_participants(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    return attrs.evolve(a, participants=())


@_breaks("no-recipients")
def _no_recipients(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    if draw(st.booleans()):
        return attrs.evolve(a, recipients=())
    return attrs.evolve(a, distribution=draw(st.none() | st.just("  ")))


@_breaks("not-in-structure")
def _stranger(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    taken = [*s.actors_by_id, *s.bodies_by_id, *s.persons_by_id]
    ghost = _fresh(taken, "outsider")
    where = draw(
        st.sampled_from(
            ("participants", "owner", "recipients", "caller", "responsible", "recorder")
        )
    )
    if where == "participants":
        return attrs.evolve(a, participants=a.participants | {ghost})
    if where == "owner":
        return attrs.evolve(a, documentation_owner=ghost)
    if where == "recipients":
        return attrs.evolve(a, recipients=a.recipients | {ghost})
    if where == "caller":
        return attrs.evolve(a, follow_up_agreement=FollowUpAgreement(draw(days), by=ghost))
    measure = _new_measure(a, s, follow_up=draw(days))
    if where == "responsible":
        return attrs.evolve(a, measures=(*a.measures, attrs.evolve(measure, responsible={ghost})))
    change = StatusChange(measure.id, draw(days), MeasureStatus.PLANNED, recorded_by=ghost)
    return attrs.evolve(a, measures=(*a.measures, measure)).record(change)


@_breaks("only-reactive-measures")
def _only_reactive(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    reactive = tuple(attrs.evolve(m, phase=Phase.REACTIVE) for m in a.measures)
    return attrs.evolve(a, measures=(*reactive, _new_measure(a, s, Phase.REACTIVE)))


@_breaks("proactive-measure-without-living-condition")
def _proactive_unanchored(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    measure = _new_measure(a, s, Phase.PROACTIVE, living_conditions=frozenset())
    return attrs.evolve(a, measures=(*a.measures, measure))


@_breaks("reactive-measure-without-risk")
def _reactive_unanchored(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    measure = _new_measure(a, s, Phase.REACTIVE)
    return attrs.evolve(a, measures=(*a.measures, measure))


@_breaks("risk-without-living-condition")
def _risk_unanchored(draw: st.DrawFn, a: Analysis, s: Structure) -> Analysis:
    risk = attrs.evolve(_new_risk(draw, a), living_conditions=())
    return attrs.evolve(a, risks=(*a.risks, risk))


BROKEN_ANALYSIS_CODES: tuple[str, ...] = tuple(sorted(_BREAKERS))
"""The finding codes :func:`broken_analyses` can break an analysis for (every code with scope
``"analysis"``)."""


@st.composite
def _broken(
    draw: st.DrawFn, codes: st.SearchStrategy[str], base: st.SearchStrategy[Structure]
) -> tuple[Analysis, Structure, str]:
    code = draw(codes)
    structure = draw(base)
    analysis = analysis_from(draw, "rsa", structure, RiskMatrix.default(), 2, 2)
    return _BREAKERS[code](draw, analysis, structure), structure, code


def broken_analyses(
    codes: Iterable[str] | None = None,
    *,
    base: st.SearchStrategy[Structure] | None = None,
) -> st.SearchStrategy[tuple[Analysis, Structure, str]]:
    """Triples ``(analysis, structure, code)``: ``analysis.validate(structure)`` reports *code*.

    Each starts from a valid analysis of *structure* (one :func:`analyses` would give)
    and changes what it takes to break one rule of the method: a repeated risk id, a
    forbidden status change, a participant who is not in the structure, a missing
    documentation owner, ... Other findings may come with it.

    Args:
        codes: The finding codes to break for (default: all of
            :data:`BROKEN_ANALYSIS_CODES`, which is every code with scope ``"analysis"``).
        base: The structures to start from; each must have at least one actor (default:
            small :func:`structures` with one to three actors).

    Raises:
        hypothesis.errors.InvalidArgument: for a code this strategy cannot break for.

    Examples from this strategy shrink towards the first code in alphabetical order,
    broken in the simplest way in a small analysis.
    """
    chosen = chosen_codes(codes, BROKEN_ANALYSIS_CODES, "an analysis")
    if base is None:
        base = structures(min_actors=1, max_actors=3, max_bodies=2)
    return _broken(st.sampled_from(chosen), base)
