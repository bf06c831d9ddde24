"""The baseline: pydantic v2 models of the same documents, written as pydantic users would.

They read and write the same JSON layout as :mod:`samverkan_model.io` and check what the
library's classes check at construction: ids are slugs, enums are known values, dates and
times have the right form, periods do not end before they start, organisation numbers
pass their check digit, areas exist in the shipped geography, unknown keys and wrong
primitive types are refused, and collections are put in the same canonical order. Rules
that belong to the whole document (references resolve, no cycles, ...) are ``validate()``
findings in the library and are not checked on load by either side.

Only the benchmarks import this module; pydantic is not a dependency of the library.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    NaiveDatetime,
    StringConstraints,
    field_validator,
    model_validator,
)
from stdnum.exceptions import ValidationError
from stdnum.se import orgnr

from samverkan_model import (
    AgreementKind,
    Basis,
    BehaviourTarget,
    BodyKind,
    Confidence,
    DecisionKind,
    GovernanceLevel,
    LivingCondition,
    MeasureStatus,
    Mode,
    OrganisationKind,
    Phase,
    ProtectedValue,
    RelationKind,
    Role,
)
from samverkan_model import geography as geo

__all__ = ["RegisterDocument", "StructureDocument"]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
MeasureText = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")
]

_AREAS = frozenset(
    {"SE", *(c.code for c in geo.counties()), *(m.code for m in geo.municipalities())}
)


def _known_area(code: str) -> str:
    if code not in _AREAS:
        msg = f"{code!r} is not a known area"
        raise ValueError(msg)
    return code


def _org_number(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(orgnr.format(orgnr.validate(value)))
    except ValidationError as exc:
        msg = f"{value!r} is not a valid Swedish organisation number ({exc})"
        raise ValueError(msg) from None


AreaCode = Annotated[str, AfterValidator(_known_area)]
OrgNumber = Annotated[str | None, AfterValidator(_org_number)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PeriodModel(_Model):
    start: date
    end: date | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> PeriodModel:
        if self.end is not None and self.end < self.start:
            msg = f"end {self.end} is before start {self.start}"
            raise ValueError(msg)
        return self


class ActorModel(_Model):
    id: Slug
    name: str
    kind: OrganisationKind
    level: GovernanceLevel
    area: AreaCode | None = None
    org_number: OrgNumber = None
    categories: frozenset[Slug] = frozenset()
    part_of: Slug | None = None


class PersonModel(_Model):
    id: Slug
    name: str
    contact: str | None = None


class CadenceModel(_Model):
    weekday: int = Field(ge=0, le=6)
    at: time
    every_weeks: int = Field(default=1, ge=1)
    activated_weekdays: frozenset[Annotated[int, Field(ge=0, le=6)]] = frozenset()


class BodyModel(_Model):
    id: Slug
    name: str
    kind: BodyKind
    level: GovernanceLevel
    host: Slug | None = None
    mandate: str = ""
    legal_basis: tuple[str, ...] = ()
    work_areas: frozenset[Slug] = frozenset()
    cadence: CadenceModel | None = None
    active_in: frozenset[Mode] = Field(default=frozenset(Mode), min_length=1)
    period: PeriodModel | None = None


class MembershipModel(_Model):
    member: Slug
    body: Slug
    role: Role
    period: PeriodModel
    on_behalf_of: Slug | None = None


class RelationModel(_Model):
    source: Slug
    target: Slug
    kind: RelationKind
    period: PeriodModel | None = None


class AgreementModel(_Model):
    id: Slug
    parties: frozenset[Slug] = Field(min_length=2)
    kind: AgreementKind
    period: PeriodModel
    subject: str = ""


class DecisionModel(_Model):
    id: Slug
    kind: DecisionKind
    body: Slug
    decided_on: date
    proposed_by: Slug | None = None
    text: str = ""
    measures: tuple[MeasureText, ...] = ()

    @field_validator("measures")
    @classmethod
    def _sorted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(value, key=lambda ref: tuple(ref.split("/"))))


class CoverageRuleModel(_Model):
    body: Slug
    categories: frozenset[Slug] = Field(min_length=1)
    period: PeriodModel
    min_people: int = Field(default=1, ge=1)


class ShiftModel(_Model):
    person: Slug
    start: NaiveDatetime
    end: NaiveDatetime
    on_behalf_of: Slug | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> ShiftModel:
        if self.end <= self.start:
            msg = f"end {self.end} is not after start {self.start}"
            raise ValueError(msg)
        return self


class RosterModel(_Model):
    function: Slug
    shifts: tuple[ShiftModel, ...] = ()
    min_people: int = Field(default=1, ge=1)

    @field_validator("shifts")
    @classmethod
    def _by_start(cls, value: tuple[ShiftModel, ...]) -> tuple[ShiftModel, ...]:
        return tuple(sorted(value, key=_shift_key))


def _shift_key(s: ShiftModel) -> tuple[datetime, datetime, str]:
    return (s.start, s.end, s.person)


def _by_id(item: Any) -> str:
    return str(item.id)


def _membership_key(m: MembershipModel) -> tuple[object, ...]:
    end = m.period.end
    return (
        m.body,
        m.member,
        m.role.value,
        m.period.start,
        (end is None, date.min if end is None else end),
        m.on_behalf_of or "",
    )


def _relation_key(r: RelationModel) -> tuple[object, ...]:
    start = None if r.period is None else r.period.start
    return (r.source, r.target, r.kind.value, (start is not None, start))


def _rule_key(r: CoverageRuleModel) -> tuple[object, ...]:
    return (r.body, r.period.start, tuple(sorted(r.categories)))


class StructureDocument(_Model):
    """A structure data file: the same keys, checks and canonical order as the library's."""

    format: Literal["samverkan-model/structure"]
    version: Literal[1]
    name: str
    actors: tuple[ActorModel, ...] = ()
    bodies: tuple[BodyModel, ...] = ()
    persons: tuple[PersonModel, ...] = ()
    memberships: tuple[MembershipModel, ...] = ()
    relations: tuple[RelationModel, ...] = ()
    agreements: tuple[AgreementModel, ...] = ()
    decisions: tuple[DecisionModel, ...] = ()
    coverage_rules: tuple[CoverageRuleModel, ...] = ()
    rosters: tuple[RosterModel, ...] = ()

    @field_validator("actors", "bodies", "persons", "agreements", "decisions")
    @classmethod
    def _sorted_by_id(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=_by_id))

    @field_validator("memberships")
    @classmethod
    def _sorted_memberships(cls, value: tuple[MembershipModel, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=_membership_key))

    @field_validator("relations")
    @classmethod
    def _sorted_relations(cls, value: tuple[RelationModel, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=_relation_key))

    @field_validator("coverage_rules")
    @classmethod
    def _sorted_rules(cls, value: tuple[CoverageRuleModel, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=_rule_key))

    @field_validator("rosters")
    @classmethod
    def _sorted_rosters(cls, value: tuple[RosterModel, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=lambda r: r.function))


# -- the follow-up register ------------------------------------------------------------------

NonBlank = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Colour = Annotated[
    str, StringConstraints(pattern=r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
]


class LevelModel(_Model):
    value: int = Field(ge=1)
    abbreviation: str
    name_sv: str
    name_en: str
    description_sv: str = ""
    description_en: str = ""
    colour: Colour | None = None


class ScaleModel(_Model):
    levels: tuple[LevelModel, ...] = Field(min_length=1)

    @field_validator("levels")
    @classmethod
    def _contiguous(cls, value: tuple[LevelModel, ...]) -> tuple[LevelModel, ...]:
        ordered = tuple(sorted(value, key=lambda level: level.value))
        if [level.value for level in ordered] != list(range(1, len(ordered) + 1)):
            msg = "scale values must run 1, 2, ..., n"
            raise ValueError(msg)
        return ordered


class MetadataModel(_Model):
    path: NonBlank
    value: str


class RiskMatrixModel(_Model):
    likelihood: ScaleModel
    consequence: ScaleModel
    levels: tuple[LevelModel, ...] = Field(min_length=1)
    grid: tuple[tuple[Annotated[int, Field(ge=1)], ...], ...]
    allow_decreasing: bool = False
    metadata: tuple[MetadataModel, ...] = ()


class MethodModel(_Model):
    name: NonBlank
    builds_on_protected_values: bool = True
    description: str = ""


class FollowUpAgreementModel(_Model):
    on: date
    every_months: int | None = Field(default=None, ge=1)
    by: Slug | None = None
    note: str = ""


class NotRelevantModel(_Model):
    living_condition: LivingCondition
    reason: NonBlank


class EvidenceModel(_Model):
    source: NonBlank
    note: str = ""


class RiskModel(_Model):
    id: Slug
    title: NonBlank
    description: str
    living_conditions: frozenset[LivingCondition]
    likelihood: int = Field(ge=1)
    consequence: int = Field(ge=1)
    confidence: Confidence | None
    basis: Basis | None
    evidence: tuple[EvidenceModel, ...] = ()
    protected_values: frozenset[ProtectedValue] = frozenset({ProtectedValue.TRUST})
    behaviour_targets: frozenset[BehaviourTarget] = frozenset()
    scenario: str | None = None


class MeasureModel(_Model):
    id: Slug
    title: NonBlank
    phase: Phase
    responsible: frozenset[Slug] = Field(min_length=1)
    risks: frozenset[Slug] = frozenset()
    living_conditions: frozenset[LivingCondition] = frozenset()
    due: date | None = None
    follow_up: date | None = None
    description: str = ""
    link: str | None = None


class StatusChangeModel(_Model):
    measure: Slug
    on: date
    status: MeasureStatus
    note: str = ""
    recorded_by: Slug | None = None


class AnalysisModel(_Model):
    id: Slug
    title: NonBlank
    area: AreaCode | None = None
    held_on: tuple[date, ...] = ()
    method: MethodModel | None = None
    participants: frozenset[Slug] = frozenset()
    documentation_owner: Slug | None = None
    recipients: frozenset[Slug] = frozenset()
    distribution: str | None = None
    follow_up_agreement: FollowUpAgreementModel | None = None
    living_conditions_discussed: frozenset[LivingCondition] = frozenset()
    risks: tuple[RiskModel, ...] = ()
    measures: tuple[MeasureModel, ...] = ()
    history: tuple[StatusChangeModel, ...] = ()
    risk_matrix: RiskMatrixModel | None = None
    not_relevant: tuple[NotRelevantModel, ...] = ()

    @field_validator("held_on")
    @classmethod
    def _days_in_order(cls, value: tuple[date, ...]) -> tuple[date, ...]:
        return tuple(sorted(value))

    @field_validator("risks", "measures")
    @classmethod
    def _sorted_by_id(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(sorted(value, key=_by_id))

    @field_validator("history")
    @classmethod
    def _by_day(cls, value: tuple[StatusChangeModel, ...]) -> tuple[StatusChangeModel, ...]:
        return tuple(sorted(value, key=lambda change: change.on))  # stable, as the library


class RegisterDocument(_Model):
    """A follow-up register data file: the same keys, checks and order as the library's."""

    format: Literal["samverkan-model/follow-up-register"]
    version: Literal[1]
    analyses: tuple[AnalysisModel, ...]

    @field_validator("analyses")
    @classmethod
    def _sorted_unique(cls, value: tuple[AnalysisModel, ...]) -> tuple[AnalysisModel, ...]:
        ordered = tuple(sorted(value, key=_by_id))
        if len({a.id for a in ordered}) != len(ordered):
            msg = "analysis ids must be unique"
            raise ValueError(msg)
        return ordered
