"""The collaboration-structure model: actors, bodies, memberships, relations and staffing."""

from samverkan_model.structure.activation import ACTIVATING_KINDS, Activation
from samverkan_model.structure.actors import (
    COMPETENCE_CATEGORIES,
    Actor,
    OrganisationKind,
    Person,
    category_label,
)
from samverkan_model.structure.area import AreaResponsibility
from samverkan_model.structure.bodies import WORK_AREAS, Body, BodyKind, Membership, Role
from samverkan_model.structure.cadence import Cadence
from samverkan_model.structure.decisions import Decision, DecisionKind, MeasureRef
from samverkan_model.structure.joint_work import JointWork, JointWorkLog, JointWorkStep
from samverkan_model.structure.levels import GovernanceLevel, Mode
from samverkan_model.structure.model import REDACTED, Structure
from samverkan_model.structure.relations import Agreement, AgreementKind, Relation, RelationKind
from samverkan_model.structure.staffing import (
    CoverageGap,
    CoverageRule,
    OnCallRoster,
    Shift,
    weekly_rotation,
)

__all__ = [
    "ACTIVATING_KINDS",
    "COMPETENCE_CATEGORIES",
    "REDACTED",
    "WORK_AREAS",
    "Activation",
    "Actor",
    "Agreement",
    "AgreementKind",
    "AreaResponsibility",
    "Body",
    "BodyKind",
    "Cadence",
    "CoverageGap",
    "CoverageRule",
    "Decision",
    "DecisionKind",
    "GovernanceLevel",
    "JointWork",
    "JointWorkLog",
    "JointWorkStep",
    "MeasureRef",
    "Membership",
    "Mode",
    "OnCallRoster",
    "OrganisationKind",
    "Person",
    "Relation",
    "RelationKind",
    "Role",
    "Shift",
    "Structure",
    "category_label",
    "weekly_rotation",
]
