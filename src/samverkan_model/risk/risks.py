"""Risks as the workshop records them: what can happen, how likely, how bad, how sure."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from samverkan_model._validators import as_tuple, is_slug, is_text, non_blank, positive_int
from samverkan_model.risk._fields import (
    behaviour_set,
    condition_set,
    items_of,
    members_of,
    optional_member,
    value_set,
)
from samverkan_model.risk.scales import RiskLevel, RiskMatrix
from samverkan_model.risk.values import (
    Basis,
    BehaviourTarget,
    Confidence,
    LivingCondition,
    ProtectedValue,
)

__all__ = ["Evidence", "Risk"]


@attrs.frozen
class Evidence:
    """A source an assessment rests on (belägg).

    Args:
        source: What the evidence is: a report, a statistic, a survey, a named dataset.
        note: What it shows, or where in the source to look.

    >>> Evidence("Elevhälsoenkät 2024", "Otryggheten i skolan ökade").source
    'Elevhälsoenkät 2024'
    """

    source: str = attrs.field(validator=non_blank)
    note: str = attrs.field(default="", validator=is_text)


def _evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return as_tuple(items)


@attrs.frozen
class Risk:
    """A social risk identified in a workshop: what can happen, and how it was assessed.

    The method works at the structural level: a risk describes conditions and what they
    can lead to, never individuals or groups as risks.

    Whether *likelihood* and *consequence* lie on the analysis's scales is checked by
    :meth:`Analysis.validate` (the scales belong to the analysis); here they only have to
    be whole numbers of at least 1. *confidence* and *basis* may be ``None`` while the
    assessment is a draft, which ``validate`` reports.

    Args:
        id: A slug id, unique within the analysis.
        title: What can happen, in a line.
        description: What can happen, in more detail.
        living_conditions: The living conditions the risk erodes.
        likelihood: How likely it is, as a step of the analysis's likelihood scale.
        consequence: How serious the consequences are, as a step of the consequence scale.
        confidence: How certain the assessment is.
        basis: What the assessment rests on: evidence, experience or intuition.
        evidence: References backing the assessment.
        protected_values: The protected values at stake (trust by default).
        behaviour_targets: Whom undesired behaviour would be aimed at.
        scenario: An optional scenario (the method makes scenarios optional).

    >>> from samverkan_model import RiskMatrix
    >>> r = Risk("r1", "Unga lämnar skolan utan behörighet", "", {LivingCondition.EDUCATION},
    ...          4, 3, Confidence.MEDIUM, Basis.EVIDENCE)
    >>> r.level(RiskMatrix.default()).label("en")
    'High'
    """

    id: str = attrs.field(validator=is_slug)
    title: str = attrs.field(validator=non_blank)
    description: str = attrs.field(validator=is_text)
    living_conditions: frozenset[LivingCondition] = attrs.field(
        converter=condition_set, validator=members_of(LivingCondition)
    )
    likelihood: int = attrs.field(validator=positive_int)
    consequence: int = attrs.field(validator=positive_int)
    confidence: Confidence | None = attrs.field(validator=optional_member(Confidence))
    basis: Basis | None = attrs.field(validator=optional_member(Basis))
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence, validator=items_of(Evidence)
    )
    protected_values: frozenset[ProtectedValue] = attrs.field(
        default=frozenset({ProtectedValue.TRUST}),
        converter=value_set,
        validator=members_of(ProtectedValue),
    )
    behaviour_targets: frozenset[BehaviourTarget] = attrs.field(
        default=frozenset(), converter=behaviour_set, validator=members_of(BehaviourTarget)
    )
    scenario: str | None = attrs.field(default=None, validator=is_text)

    @property
    def is_assessed(self) -> bool:
        """Whether the assessment states both its confidence and its basis."""
        return self.confidence is not None and self.basis is not None

    def on_scale(self, matrix: RiskMatrix) -> bool:
        """Whether the likelihood and consequence are cells of *matrix*."""
        return matrix.contains(self.likelihood, self.consequence)

    def level(self, matrix: RiskMatrix) -> RiskLevel:
        """The risk level of this risk's cell in *matrix*.

        Raises:
            ValueError: if the likelihood or consequence is not on the matrix's scales.
        """
        return matrix.level(self.likelihood, self.consequence)
