"""The method's rules for an analysis, reported as findings by :meth:`Analysis.validate`.

Errors mean the record contradicts itself (a repeated id, a reference to nothing, a risk
that cannot be placed in the matrix, a forbidden status change, an actor missing from
the given structure). Warnings mean a step of the method is missing or was done in a way
the method advises against. Every finding's subject ends with the analysis id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING

from samverkan_model.findings import Finding, Findings, Severity, register, sort_findings
from samverkan_model.risk.measures import MeasureStatus, Transition, transition
from samverkan_model.risk.process import process_model
from samverkan_model.risk.values import LivingCondition, Phase

if TYPE_CHECKING:
    from samverkan_model.risk.analysis import Analysis
    from samverkan_model.structure.model import Structure

__all__ = ["validate_analysis"]

_A = "analysis"
ANALYSIS_DUPLICATE_ID = register(
    "analysis-duplicate-id",
    Severity.ERROR,
    "Two risks, or two measures, of one analysis share an id.",
    _A,
)
ANALYSIS_UNRESOLVED_REFERENCE = register(
    "analysis-unresolved-reference",
    Severity.ERROR,
    "A measure names a risk, or a status change names a measure, that is not in the analysis.",
    _A,
)
ASSESSMENT_OFF_SCALE = register(
    "assessment-off-scale",
    Severity.ERROR,
    "A risk's likelihood or consequence is not a step of the analysis's risk-matrix scales.",
    _A,
)
ILLEGAL_STATUS_TRANSITION = register(
    "illegal-status-transition",
    Severity.ERROR,
    "A measure's status changes in a way the transition table forbids, or reopens without "
    "a note saying why.",
    _A,
)
NOT_IN_STRUCTURE = register(
    "not-in-structure",
    Severity.ERROR,
    "A participant, documentation owner, recipient, follow-up caller, responsible actor or "
    "recorder is not in the structure given to validate().",
    _A,
)
RISK_WITHOUT_LIVING_CONDITION = register(
    "risk-without-living-condition",
    Severity.WARNING,
    "A risk names no living condition, so it cannot be placed in the process model.",
    _A,
)
ASSESSMENT_WITHOUT_CONFIDENCE = register(
    "assessment-without-confidence",
    Severity.WARNING,
    "A risk's assessment states no confidence or no basis (evidence, experience, intuition).",
    _A,
)
LIVING_CONDITION_NOT_CONSIDERED = register(
    "living-condition-not-considered",
    Severity.WARNING,
    "A living condition was neither discussed nor judged not relevant.",
    _A,
)
LIVING_CONDITION_CONFLICT = register(
    "living-condition-conflict",
    Severity.WARNING,
    "A living condition judged not relevant was still discussed, or a risk or measure touches it.",
    _A,
)
NO_METHOD = register(
    "no-method",
    Severity.WARNING,
    "The analysis does not say which method it used.",
    _A,
)
METHOD_NOT_ON_PROTECTED_VALUES = register(
    "method-not-on-protected-values",
    Severity.WARNING,
    "The method used does not start from the protected values, as the social-risk method "
    "requires of any RSA method.",
    _A,
)
NO_PARTICIPANTS = register(
    "no-participants",
    Severity.WARNING,
    "The analysis names no participating actors.",
    _A,
)
NO_DOCUMENTATION_OWNER = register(
    "no-documentation-owner",
    Severity.WARNING,
    "Nobody is appointed to own the documentation.",
    _A,
)
NO_RECIPIENTS = register(
    "no-recipients",
    Severity.WARNING,
    "It is not decided who receives the result, or how.",
    _A,
)
NO_FOLLOW_UP_AGREEMENT = register(
    "no-follow-up-agreement",
    Severity.WARNING,
    "No follow-up of the analysis is agreed.",
    _A,
)
ONLY_REACTIVE_MEASURES = register(
    "only-reactive-measures",
    Severity.WARNING,
    "Every measure is reactive; the method pushes towards proactive measures that protect "
    "trust early.",
    _A,
)
PROACTIVE_MEASURE_WITHOUT_LIVING_CONDITION = register(
    "proactive-measure-without-living-condition",
    Severity.WARNING,
    "A proactive measure names no living condition it strengthens.",
    _A,
)
REACTIVE_MEASURE_WITHOUT_RISK = register(
    "reactive-measure-without-risk",
    Severity.WARNING,
    "A reactive measure is linked to no risk whose consequences it dampens.",
    _A,
)
MEASURE_WITHOUT_FOLLOW_UP = register(
    "measure-without-follow-up",
    Severity.WARNING,
    "A measure that is not implemented or cancelled has no next follow-up date.",
    _A,
)
MEASURE_WITHOUT_STATUS = register(
    "measure-without-status",
    Severity.WARNING,
    "A measure has no status recorded in the follow-up history.",
    _A,
)


def validate_analysis(analysis: Analysis, structure: Structure | None = None) -> Findings:
    """Every finding for *analysis*, worst first (see :meth:`Analysis.validate`)."""
    findings = chain(
        _duplicates(analysis),
        _references(analysis),
        _risks(analysis),
        _living_conditions(analysis),
        _record(analysis),
        _measures(analysis),
        _history(analysis),
        () if structure is None else _structure(analysis, structure),
    )
    return sort_findings(findings)


def _duplicates(a: Analysis) -> Iterator[Finding]:
    for what, ids in (("risks", [r.id for r in a.risks]), ("measures", [m.id for m in a.measures])):
        for item_id, n in sorted(Counter(ids).items()):
            if n > 1:
                yield Finding.of(
                    ANALYSIS_DUPLICATE_ID, f"id {item_id!r} is used by {n} {what}", item_id, a.id
                )


def _references(a: Analysis) -> Iterator[Finding]:
    risks, measures = a.risks_by_id, a.measures_by_id
    for m in a.measures:
        for risk_id in sorted(m.risks):
            if risk_id not in risks:
                yield Finding.of(
                    ANALYSIS_UNRESOLVED_REFERENCE,
                    f"measure {m.id!r} addresses risk {risk_id!r}, which is not in the analysis",
                    m.id,
                    risk_id,
                    a.id,
                )
    unknown = sorted({c.measure for c in a.history if c.measure not in measures})
    for measure_id in unknown:
        yield Finding.of(
            ANALYSIS_UNRESOLVED_REFERENCE,
            f"the history records status changes of measure {measure_id!r}, which is not in "
            "the analysis",
            measure_id,
            a.id,
        )


def _risks(a: Analysis) -> Iterator[Finding]:
    matrix = a.risk_matrix
    for r in a.risks:
        if not r.living_conditions:
            yield Finding.of(
                RISK_WITHOUT_LIVING_CONDITION,
                f"risk {r.id!r} names no living condition",
                r.id,
                a.id,
            )
        for name, value, scale in (
            ("likelihood", r.likelihood, matrix.likelihood),
            ("consequence", r.consequence, matrix.consequence),
        ):
            if not scale.contains(value):
                yield Finding.of(
                    ASSESSMENT_OFF_SCALE,
                    f"risk {r.id!r} has {name} {value}, which is not on the {name} scale "
                    f"(1 to {scale.size})",
                    r.id,
                    a.id,
                )
        lacking = [n for n, v in (("confidence", r.confidence), ("basis", r.basis)) if v is None]
        if lacking:
            yield Finding.of(
                ASSESSMENT_WITHOUT_CONFIDENCE,
                f"the assessment of risk {r.id!r} states no {' and no '.join(lacking)}",
                r.id,
                a.id,
            )


def _living_conditions(a: Analysis) -> Iterator[Finding]:
    discussed, excluded = a.living_conditions_discussed, a.not_relevant_conditions
    for condition in LivingCondition:
        if condition not in discussed and condition not in excluded:
            yield Finding.of(
                LIVING_CONDITION_NOT_CONSIDERED,
                f"living condition {condition.value!r} was neither discussed nor judged not "
                "relevant",
                condition.value,
                a.id,
            )
    touched: dict[LivingCondition, list[str]] = {}
    for risk in a.risks:
        for condition in risk.living_conditions:
            touched.setdefault(condition, []).append(risk.id)
    for measure in a.measures:
        for condition in measure.living_conditions:
            touched.setdefault(condition, []).append(measure.id)
    for condition in sorted(excluded, key=list(LivingCondition).index):
        if condition in discussed:
            yield Finding.of(
                LIVING_CONDITION_CONFLICT,
                f"living condition {condition.value!r} is judged not relevant but was discussed",
                condition.value,
                a.id,
            )
        for item_id in touched.get(condition, ()):
            yield Finding.of(
                LIVING_CONDITION_CONFLICT,
                f"living condition {condition.value!r} is judged not relevant but "
                f"{item_id!r} touches it",
                condition.value,
                item_id,
                a.id,
            )


def _record(a: Analysis) -> Iterator[Finding]:
    if a.method is None:
        yield Finding.of(NO_METHOD, "the analysis does not name its method", a.id)
    elif not a.method.builds_on_protected_values:
        yield Finding.of(
            METHOD_NOT_ON_PROTECTED_VALUES,
            f"the method {a.method.name!r} does not start from the protected values",
            a.id,
        )
    if not a.participants:
        yield Finding.of(NO_PARTICIPANTS, "the analysis names no participants", a.id)
    if a.documentation_owner is None:
        yield Finding.of(NO_DOCUMENTATION_OWNER, "nobody owns the documentation", a.id)
    missing = [
        what
        for what, absent in (
            ("who receives the result", not a.recipients),
            ("how they receive it", a.distribution is None or not a.distribution.strip()),
        )
        if absent
    ]
    if missing:
        yield Finding.of(NO_RECIPIENTS, f"not decided: {' and '.join(missing)}", a.id)
    if a.follow_up_agreement is None:
        yield Finding.of(NO_FOLLOW_UP_AGREEMENT, "no follow-up is agreed", a.id)


def _measures(a: Analysis) -> Iterator[Finding]:
    model = process_model()
    if a.measures and all(m.phase is Phase.REACTIVE for m in a.measures):
        yield Finding.of(
            ONLY_REACTIVE_MEASURES,
            f"all {len(a.measures)} measures are reactive; look for proactive measures that "
            "strengthen living conditions before trust breaks",
            a.id,
        )
    recorded = {c.measure for c in a.history}
    for m in a.measures:
        if not model.anchored(m):
            if m.phase is Phase.PROACTIVE:
                yield Finding.of(
                    PROACTIVE_MEASURE_WITHOUT_LIVING_CONDITION,
                    f"proactive measure {m.id!r} names no living condition it strengthens",
                    m.id,
                    a.id,
                )
            else:
                yield Finding.of(
                    REACTIVE_MEASURE_WITHOUT_RISK,
                    f"reactive measure {m.id!r} is linked to no risk",
                    m.id,
                    a.id,
                )
        if m.id not in recorded:
            yield Finding.of(
                MEASURE_WITHOUT_STATUS, f"measure {m.id!r} has no recorded status", m.id, a.id
            )
        latest = a.latest_status(m.id)
        if m.follow_up is None and (latest is None or not latest.is_closed):
            yield Finding.of(
                MEASURE_WITHOUT_FOLLOW_UP,
                f"measure {m.id!r} is not closed but has no follow-up date",
                m.id,
                a.id,
            )


def _history(a: Analysis) -> Iterator[Finding]:
    current: dict[str, MeasureStatus] = {}
    for change in a.history:
        before = current.get(change.measure)
        # A measure's first change is always allowed, so only later ones are checked.
        if before is not None and not change.allowed_after(before):
            why = (
                "needs a note saying why it is reopened"
                if transition(before, change.status) is Transition.NEEDS_NOTE
                else "is not allowed"
            )
            yield Finding.of(
                ILLEGAL_STATUS_TRANSITION,
                f"measure {change.measure!r} goes from {before.value} to {change.status.value} "
                f"on {change.on.isoformat()}, which {why}",
                change.measure,
                a.id,
            )
        current[change.measure] = change.status


def _structure(a: Analysis, s: Structure) -> Iterator[Finding]:
    actors, bodies, persons = s.actors_by_id, s.bodies_by_id, s.persons_by_id

    def missing(
        where: str,
        ids: Iterable[str],
        pools: tuple[Mapping[str, object], ...],
        want: str,
        *subject: str,
    ) -> Iterator[Finding]:
        for ref in sorted(ids):
            if not any(ref in pool for pool in pools):
                yield Finding.of(
                    NOT_IN_STRUCTURE,
                    f"{where}: {ref!r} is not {want} of structure {s.name!r}",
                    *subject,
                    ref,
                    a.id,
                )

    yield from missing("participants", a.participants, (actors,), "an actor")
    if a.documentation_owner is not None:
        yield from missing("documentation_owner", [a.documentation_owner], (actors,), "an actor")
    yield from missing("recipients", a.recipients, (actors, bodies), "an actor or body")
    agreement = a.follow_up_agreement
    if agreement is not None and agreement.by is not None:
        yield from missing(
            "follow_up_agreement.by", [agreement.by], (actors, bodies), "an actor or body"
        )
    for m in a.measures:
        yield from missing(
            f"measure {m.id!r} responsible", m.responsible, (actors,), "an actor", m.id
        )
    recorders = sorted({c.recorded_by for c in a.history if c.recorded_by is not None})
    yield from missing("history recorded_by", recorders, (actors, persons), "an actor or person")
