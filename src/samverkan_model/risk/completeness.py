"""Which steps of the method an analysis has done: :meth:`Analysis.completeness`.

The steps follow the workshop guide: preparation (the right participants, a method that
starts from the protected values, a date), every living condition considered, risks
assessed (living conditions, likelihood and consequence on the scales, confidence and
basis), scenarios (optional), measures (each with a recorded status and, until it is
closed, a follow-up date) and the closing step (documentation owner, recipients, how
they receive the result, agreed follow-up).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model.risk.values import LivingCondition

if TYPE_CHECKING:
    from samverkan_model.risk.analysis import Analysis

__all__ = ["Completeness", "MethodStep", "StepResult", "completeness"]


class MethodStep(LabelledEnum):
    """A step of the social-risk workshop, in the order the method takes them."""

    PREPARATION = ("preparation", "Förberedelser", "Preparation")
    LIVING_CONDITIONS = ("living-conditions", "Livsvillkor", "Living conditions")
    RISK_ASSESSMENT = ("risk-assessment", "Riskbedömning", "Risk assessment")
    SCENARIOS = ("scenarios", "Scenarier", "Scenarios")
    MEASURES = ("measures", "Åtgärder", "Measures")
    DOCUMENTATION = (
        "documentation",
        "Dokumentation, spridning och uppföljning",
        "Documentation, distribution and follow-up",
    )

    @property
    def optional(self) -> bool:
        """Whether the method leaves the step optional (only scenarios are)."""
        return self is MethodStep.SCENARIOS


@attrs.frozen
class StepResult:
    """Whether one method step is done, and what is missing if not.

    Attributes:
        step: The step.
        missing: What is missing, one short English phrase each (empty when done).
    """

    step: MethodStep
    missing: tuple[str, ...] = ()

    @property
    def done(self) -> bool:
        """Whether nothing is missing."""
        return not self.missing

    @property
    def optional(self) -> bool:
        """Whether the step is optional."""
        return self.step.optional


def _results(items: Iterable[StepResult]) -> tuple[StepResult, ...]:
    return tuple(items)


@attrs.frozen
class Completeness:
    """How far an analysis has come through the method.

    Attributes:
        steps: One result per :class:`MethodStep`, in method order.

    >>> from samverkan_model import Analysis
    >>> c = Analysis("rsa", "Sociala risker").completeness()
    >>> c.done, [s.value for s in c.missing_steps]
    (False, ['preparation', 'living-conditions', 'risk-assessment', 'measures', 'documentation'])
    """

    steps: tuple[StepResult, ...] = attrs.field(converter=_results)

    @property
    def done(self) -> bool:
        """Whether every required (non-optional) step is done."""
        return all(s.done for s in self.steps if not s.optional)

    @property
    def missing_steps(self) -> tuple[MethodStep, ...]:
        """The required steps that are not done."""
        return tuple(s.step for s in self.steps if not s.optional and not s.done)

    def step(self, step: MethodStep) -> StepResult:
        """The result of *step*."""
        return next(s for s in self.steps if s.step is step)


def completeness(analysis: Analysis) -> Completeness:
    """The completeness of *analysis* (see :meth:`Analysis.completeness`)."""
    checks = {
        MethodStep.PREPARATION: _preparation,
        MethodStep.LIVING_CONDITIONS: _conditions,
        MethodStep.RISK_ASSESSMENT: _assessment,
        MethodStep.SCENARIOS: _scenarios,
        MethodStep.MEASURES: _measures,
        MethodStep.DOCUMENTATION: _documentation,
    }
    return Completeness(StepResult(step, tuple(checks[step](analysis))) for step in MethodStep)


def _preparation(a: Analysis) -> Iterator[str]:
    if a.method is None:
        yield "no method recorded"
    elif not a.method.builds_on_protected_values:
        yield "the method does not start from the protected values"
    if not a.participants:
        yield "no participants"
    if not a.held_on:
        yield "no workshop date"


def _conditions(a: Analysis) -> Iterator[str]:
    considered = a.living_conditions_discussed | a.not_relevant_conditions
    left = [c.value for c in LivingCondition if c not in considered]
    if left:
        yield f"not considered: {', '.join(left)}"


def _assessment(a: Analysis) -> Iterator[str]:
    if not a.risks:
        yield "no risks recorded"
        return
    matrix = a.risk_matrix
    for what, ids in (
        ("risks without a living condition", [r.id for r in a.risks if not r.living_conditions]),
        ("risks off the matrix's scales", [r.id for r in a.risks if not r.on_scale(matrix)]),
        ("risks without confidence or basis", [r.id for r in a.risks if not r.is_assessed]),
    ):
        if ids:
            yield f"{what}: {', '.join(ids)}"


def _scenarios(a: Analysis) -> Iterator[str]:
    if not any(r.scenario for r in a.risks):
        yield "no risk has a scenario"


def _measures(a: Analysis) -> Iterator[str]:
    if not a.measures:
        yield "no measures recorded"
        return
    unrecorded = [m.id for m in a.measures if a.latest_status(m.id) is None]
    if unrecorded:
        yield f"measures without a status: {', '.join(unrecorded)}"
    unfollowed = []
    for m in a.measures:
        status = a.latest_status(m.id)
        if m.follow_up is None and (status is None or not status.is_closed):
            unfollowed.append(m.id)
    if unfollowed:
        yield f"open measures without a follow-up date: {', '.join(unfollowed)}"


def _documentation(a: Analysis) -> Iterator[str]:
    if a.documentation_owner is None:
        yield "no documentation owner"
    if not a.recipients:
        yield "no recipients"
    if a.distribution is None or not a.distribution.strip():
        yield "not decided how the result is distributed"
    if a.follow_up_agreement is None:
        yield "no follow-up agreed"
