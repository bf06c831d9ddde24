"""The social-risk analysis method: protected values, scales, risks, measures and follow-up.

* :mod:`~samverkan_model.risk.values` — protected values, living conditions, behaviour
  targets, phases, confidence and basis.
* :mod:`~samverkan_model.risk.process` — the protected-value process model.
* :mod:`~samverkan_model.risk.scales` — scales, risk levels and risk matrices.
* :mod:`~samverkan_model.risk.risks` and :mod:`~samverkan_model.risk.measures` — what the
  workshop records, and the status history of measures.
* :mod:`~samverkan_model.risk.analysis` — the :class:`Analysis` aggregate, with
  :mod:`~samverkan_model.risk.validation` and :mod:`~samverkan_model.risk.completeness`.
* :mod:`~samverkan_model.risk.register` — follow-up across many analyses.
"""

from samverkan_model.risk.analysis import Analysis
from samverkan_model.risk.completeness import Completeness, MethodStep, StepResult
from samverkan_model.risk.followup import MeasureEntry, Progress, ResponsibleSummary
from samverkan_model.risk.measures import (
    TRANSITIONS,
    Measure,
    MeasureStatus,
    StatusChange,
    Transition,
    transition,
)
from samverkan_model.risk.process import ProcessModel, Stage, process_model
from samverkan_model.risk.register import FollowUpRegister
from samverkan_model.risk.risks import Evidence, Risk
from samverkan_model.risk.scales import (
    DEFAULT_CONSEQUENCE,
    DEFAULT_LIKELIHOOD,
    DEFAULT_RISK_LEVELS,
    MetadataEntry,
    RiskLevel,
    RiskMatrix,
    Scale,
    ScaleLevel,
)
from samverkan_model.risk.values import (
    Basis,
    BehaviourTarget,
    Confidence,
    Guidance,
    LivingCondition,
    Phase,
    ProtectedValue,
)
from samverkan_model.risk.views import ConditionGroup, MatrixCell, MatrixSummary
from samverkan_model.risk.workshop import FollowUpAgreement, Method, NotRelevant

__all__ = [
    "DEFAULT_CONSEQUENCE",
    "DEFAULT_LIKELIHOOD",
    "DEFAULT_RISK_LEVELS",
    "TRANSITIONS",
    "Analysis",
    "Basis",
    "BehaviourTarget",
    "Completeness",
    "ConditionGroup",
    "Confidence",
    "Evidence",
    "FollowUpAgreement",
    "FollowUpRegister",
    "Guidance",
    "LivingCondition",
    "MatrixCell",
    "MatrixSummary",
    "Measure",
    "MeasureEntry",
    "MeasureStatus",
    "MetadataEntry",
    "Method",
    "MethodStep",
    "NotRelevant",
    "Phase",
    "ProcessModel",
    "Progress",
    "ProtectedValue",
    "ResponsibleSummary",
    "Risk",
    "RiskLevel",
    "RiskMatrix",
    "Scale",
    "ScaleLevel",
    "Stage",
    "StatusChange",
    "StepResult",
    "Transition",
    "process_model",
    "transition",
]
