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
from samverkan_model.findings import FINDING_CODES, CheckError, Finding, FindingCode, Severity
from samverkan_model.geography import Area, AreaKind
from samverkan_model.periods import Period
from samverkan_model.structure import (
    COMPETENCE_CATEGORIES,
    REDACTED,
    WORK_AREAS,
    Actor,
    Agreement,
    AgreementKind,
    Body,
    BodyKind,
    Cadence,
    CoverageGap,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
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
    "Actor",
    "Agreement",
    "AgreementKind",
    "Area",
    "AreaKind",
    "Body",
    "BodyKind",
    "Cadence",
    "CheckError",
    "CoverageGap",
    "CoverageRule",
    "Decision",
    "DecisionKind",
    "Finding",
    "FindingCode",
    "GovernanceLevel",
    "LabelledEnum",
    "Lang",
    "MeasureRef",
    "Membership",
    "Mode",
    "OnCallRoster",
    "OrganisationKind",
    "Period",
    "Person",
    "Relation",
    "RelationKind",
    "Role",
    "Severity",
    "Shift",
    "Structure",
    "__version__",
    "category_label",
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
