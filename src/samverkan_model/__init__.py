"""Typed models of Swedish multi-actor collaboration and the social-risk analysis method.

The public API is re-exported here; adapters live in subpackages (:mod:`samverkan_model.io`,
:mod:`samverkan_model.export`, :mod:`samverkan_model.reports`,
:mod:`samverkan_model.strategies`) and are imported on demand.

>>> import samverkan_model as sm
>>> sm.GovernanceLevel.LOCAL < sm.GovernanceLevel.CENTRAL
True
"""

from __future__ import annotations

from typing import Any

from samverkan_model._labels import LANGUAGES, LabelledEnum, Lang
from samverkan_model.findings import (
    FINDING_CODES,
    CheckError,
    Finding,
    FindingCode,
    Findings,
    Severity,
)
from samverkan_model.geography import Area, AreaKind
from samverkan_model.periods import Period
from samverkan_model.risk import (
    Analysis,
    Basis,
    BehaviourTarget,
    Confidence,
    Evidence,
    FollowUpAgreement,
    FollowUpRegister,
    LivingCondition,
    Measure,
    MeasureStatus,
    Method,
    NotRelevant,
    Phase,
    ProcessModel,
    ProtectedValue,
    Risk,
    RiskLevel,
    RiskMatrix,
    Scale,
    ScaleLevel,
    Stage,
    StatusChange,
    process_model,
)
from samverkan_model.situation import (
    CoordinationNeed,
    ReportingPeriod,
    SituationPicture,
    SituationReport,
)
from samverkan_model.structure import (
    COMPETENCE_CATEGORIES,
    REDACTED,
    WORK_AREAS,
    Activation,
    Actor,
    Agreement,
    AgreementKind,
    AreaResponsibility,
    Body,
    BodyKind,
    Cadence,
    CoverageGap,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
    JointWork,
    JointWorkLog,
    JointWorkStep,
    MeasureRef,
    Membership,
    Mode,
    OnCallRoster,
    OrganisationKind,
    Person,
    Relation,
    RelationKind,
    Role,
    Shift,
    Structure,
    category_label,
    weekly_rotation,
)

# Finding codes are registered when their validators are imported; import them here so
# FINDING_CODES is complete as soon as the package is.
from samverkan_model.structure import validation as _structure_validation

__all__ = [
    "COMPETENCE_CATEGORIES",
    "FINDING_CODES",
    "LANGUAGES",
    "REDACTED",
    "WORK_AREAS",
    "Activation",
    "Actor",
    "Agreement",
    "AgreementKind",
    "Analysis",
    "Area",
    "AreaKind",
    "AreaResponsibility",
    "Basis",
    "BehaviourTarget",
    "Body",
    "BodyKind",
    "Cadence",
    "CheckError",
    "Confidence",
    "CoordinationNeed",
    "CoverageGap",
    "CoverageRule",
    "Decision",
    "DecisionKind",
    "Evidence",
    "Finding",
    "FindingCode",
    "Findings",
    "FollowUpAgreement",
    "FollowUpRegister",
    "GovernanceLevel",
    "JointWork",
    "JointWorkLog",
    "JointWorkStep",
    "LabelledEnum",
    "Lang",
    "LivingCondition",
    "Measure",
    "MeasureRef",
    "MeasureStatus",
    "Membership",
    "Method",
    "Mode",
    "NotRelevant",
    "OnCallRoster",
    "OrganisationKind",
    "Period",
    "Person",
    "Phase",
    "ProcessModel",
    "ProtectedValue",
    "Relation",
    "RelationKind",
    "ReportingPeriod",
    "Risk",
    "RiskLevel",
    "RiskMatrix",
    "Role",
    "Scale",
    "ScaleLevel",
    "Severity",
    "Shift",
    "SituationPicture",
    "SituationReport",
    "Stage",
    "StatusChange",
    "Structure",
    "__version__",
    "category_label",
    "process_model",
    "weekly_rotation",
]

del _structure_validation


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

        try:
            return version("samverkan-model")
        except PackageNotFoundError:  # pragma: no cover - running from an unbuilt tree
            from samverkan_model._version import __version__  # noqa: PLC0415

            return __version__
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
