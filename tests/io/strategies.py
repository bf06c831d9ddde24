"""Hypothesis strategies for every public attrs type, for the data-file tests.

The values are valid by construction (they pass the classes' own validators) but not
necessarily consistent as a whole: a structure's references need not resolve, which is
what a draft file may hold and what the files must keep.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from samverkan_model import (
    Activation,
    Actor,
    Agreement,
    AgreementKind,
    Analysis,
    Area,
    AreaResponsibility,
    Basis,
    BehaviourTarget,
    Body,
    BodyKind,
    Cadence,
    Confidence,
    CoordinationNeed,
    CoverageGap,
    CoverageRule,
    Decision,
    DecisionKind,
    Evidence,
    Finding,
    FindingCode,
    FollowUpAgreement,
    FollowUpRegister,
    GovernanceLevel,
    JointWork,
    JointWorkLog,
    JointWorkStep,
    LivingCondition,
    Measure,
    MeasureRef,
    MeasureStatus,
    Membership,
    Method,
    Mode,
    NotRelevant,
    OnCallRoster,
    OrganisationKind,
    Period,
    Person,
    Phase,
    ProcessModel,
    ProtectedValue,
    Relation,
    RelationKind,
    ReportingPeriod,
    Risk,
    RiskLevel,
    RiskMatrix,
    Role,
    Scale,
    ScaleLevel,
    Severity,
    Shift,
    SituationPicture,
    SituationReport,
    StatusChange,
    Structure,
    geography,
)
from samverkan_model.risk import MetadataEntry, process_model

__all__ = [
    "PUBLIC_TYPES",
    "STRATEGIES",
    "any_public_object",
    "periods",
    "slugs",
    "structures",
    "texts",
]

_WORD = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=5)
slugs = st.lists(_WORD, min_size=1, max_size=3).map("-".join)
texts = st.text(max_size=12)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
datetimes = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 12, 31))


def _luhn_digit(digits: str) -> str:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


@st.composite
def org_numbers(draw: st.DrawFn) -> str:
    """Valid Swedish organisation numbers, ``NNNNNN-NNNN``."""
    first = draw(st.sampled_from("25789"))
    rest = draw(st.text("0123456789", min_size=8, max_size=8))
    digits = first + rest
    digits += _luhn_digit(digits)
    return f"{digits[:6]}-{digits[6:]}"


_AREA_CODES = [
    Area.NATION_CODE,
    *(c.code for c in geography.counties()),
    *(m.code for m in geography.municipalities()),
]


def areas() -> st.SearchStrategy[Area]:
    """The nation, a county or a municipality."""
    return st.sampled_from(_AREA_CODES).map(Area)


@st.composite
def periods(draw: st.DrawFn, open_ended: bool = True) -> Period:
    """Periods, open-ended or not, possibly empty."""
    start = draw(dates)
    if open_ended and draw(st.booleans()):
        return Period(start)
    return Period(start, start + timedelta(days=draw(st.integers(0, 5000))))


measure_refs = st.builds(MeasureRef, slugs, slugs)
cadences = st.builds(
    Cadence,
    weekday=st.integers(0, 6),
    at=st.times(),
    every_weeks=st.integers(1, 8),
    activated_weekdays=st.frozensets(st.integers(0, 6)),
)
actors = st.builds(
    Actor,
    id=slugs,
    name=texts,
    kind=st.sampled_from(OrganisationKind),
    level=st.sampled_from(GovernanceLevel),
    area=st.none() | areas(),
    org_number=st.none() | org_numbers(),
    categories=st.frozensets(slugs, max_size=3),
    part_of=st.none() | slugs,
)
persons = st.builds(Person, id=slugs, name=texts, contact=st.none() | texts)
bodies = st.builds(
    Body,
    id=slugs,
    name=texts,
    kind=st.sampled_from(BodyKind),
    level=st.sampled_from(GovernanceLevel),
    host=st.none() | slugs,
    mandate=texts,
    legal_basis=st.lists(texts, max_size=3).map(tuple),
    work_areas=st.frozensets(slugs, max_size=3),
    cadence=st.none() | cadences,
    active_in=st.frozensets(st.sampled_from(Mode), min_size=1),
    period=st.none() | periods(),
)
memberships = st.builds(
    Membership,
    member=slugs,
    body=slugs,
    role=st.sampled_from(Role),
    period=periods(),
    on_behalf_of=st.none() | slugs,
)
relations = st.builds(
    Relation,
    source=slugs,
    target=slugs,
    kind=st.sampled_from(RelationKind),
    period=st.none() | periods(),
)
agreements = st.builds(
    Agreement,
    id=slugs,
    parties=st.frozensets(slugs, min_size=2, max_size=4),
    kind=st.sampled_from(AgreementKind),
    period=periods(),
    subject=texts,
)
decisions = st.builds(
    Decision,
    id=slugs,
    kind=st.sampled_from(DecisionKind),
    body=slugs,
    decided_on=dates,
    proposed_by=st.none() | slugs,
    text=texts,
    measures=st.lists(measure_refs, max_size=3).map(tuple),
)
coverage_rules = st.builds(
    CoverageRule,
    body=slugs,
    categories=st.frozensets(slugs, min_size=1, max_size=3),
    period=periods(),
    min_people=st.integers(1, 5),
)
coverage_gaps = st.builds(
    CoverageGap,
    period=periods(),
    body=slugs,
    missing=st.frozensets(slugs, max_size=3),
)


@st.composite
def shifts(draw: st.DrawFn) -> Shift:
    """Standby shifts of a positive length."""
    start = draw(datetimes)
    length = draw(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=30)))
    return Shift(draw(slugs), start, start + length, draw(st.none() | slugs))


rosters = st.builds(
    OnCallRoster,
    function=slugs,
    shifts=st.lists(shifts(), max_size=4).map(tuple),
    min_people=st.integers(1, 3),
)
findings = st.builds(
    Finding,
    code=slugs,
    severity=st.sampled_from(Severity),
    message=texts,
    subject=st.lists(slugs, max_size=3).map(tuple),
)
counties = st.sampled_from(geography.counties())
municipalities = st.sampled_from(geography.municipalities())


activations = st.builds(
    Activation,
    on=datetimes,
    mode=st.sampled_from(Mode),
    decided_by=slugs,
    reason=texts,
)


@st.composite
def structures(draw: st.DrawFn) -> Structure:
    """Structures with a few of everything (references need not resolve)."""

    def some(strategy: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(strategy, max_size=2))

    return Structure(
        name=draw(texts),
        actors=some(actors),
        bodies=some(bodies),
        persons=some(persons),
        memberships=some(memberships),
        relations=some(relations),
        agreements=some(agreements),
        decisions=some(decisions),
        coverage_rules=some(coverage_rules),
        rosters=some(rosters),
        activations=some(activations),
    )


# -- risk ------------------------------------------------------------------------------------

# Text with something other than white space: a visible first character, then anything.
blank_free = st.builds(str.__add__, st.sampled_from("Aåz1"), st.text(max_size=20))
colours = st.none() | st.sampled_from(["#A5D6A7", "#fff", "#E57373FF"])


@st.composite
def _level_fields(draw: st.DrawFn, value: int) -> dict[str, Any]:
    name_sv = draw(texts)
    name_en = draw(texts if name_sv.strip() else blank_free)
    return {
        "value": value,
        "abbreviation": draw(texts),
        "name_sv": name_sv,
        "name_en": name_en,
        "description_sv": draw(texts),
        "description_en": draw(texts),
        "colour": draw(colours),
    }


@st.composite
def scales(draw: st.DrawFn, size: int | None = None) -> Scale:
    """Scales of 1 to 6 levels."""
    n = draw(st.integers(1, 6)) if size is None else size
    return Scale(tuple(ScaleLevel(**draw(_level_fields(v))) for v in range(1, n + 1)))


@st.composite
def risk_levels(draw: st.DrawFn, size: int) -> tuple[RiskLevel, ...]:
    """Risk levels 1..size."""
    return tuple(RiskLevel(**draw(_level_fields(v))) for v in range(1, size + 1))


metadata_entries = st.builds(MetadataEntry, path=blank_free, value=texts)


@st.composite
def risk_matrices(draw: st.DrawFn) -> RiskMatrix:
    """Matrices with monotone grids, or any grid with ``allow_decreasing``."""
    likelihood, consequence = draw(scales()), draw(scales())
    levels = draw(risk_levels(draw(st.integers(1, 5))))
    rows, columns, top = likelihood.size, consequence.size, len(levels)
    allow_decreasing = draw(st.booleans())
    if allow_decreasing:
        cell = st.integers(1, top)
        grid = [[draw(cell) for _ in range(columns)] for _ in range(rows)]
    else:
        span = max(1, rows + columns - 2)
        grid = [[1 + (i + j) * (top - 1) // span for j in range(columns)] for i in range(rows)]
    paths = draw(st.lists(blank_free, max_size=3, unique=True))
    return RiskMatrix(
        likelihood,
        consequence,
        levels,
        grid,
        allow_decreasing=allow_decreasing,
        metadata=[MetadataEntry(path, draw(texts)) for path in paths],
    )


evidence = st.builds(Evidence, source=blank_free, note=texts)
living_conditions = st.frozensets(st.sampled_from(LivingCondition), max_size=3)
risks = st.builds(
    Risk,
    id=slugs,
    title=blank_free,
    description=texts,
    living_conditions=living_conditions,
    likelihood=st.integers(1, 7),
    consequence=st.integers(1, 7),
    confidence=st.none() | st.sampled_from(Confidence),
    basis=st.none() | st.sampled_from(Basis),
    evidence=st.lists(evidence, max_size=2).map(tuple),
    protected_values=st.frozensets(st.sampled_from(ProtectedValue), max_size=3),
    behaviour_targets=st.frozensets(st.sampled_from(BehaviourTarget), max_size=3),
    scenario=st.none() | texts,
)
measures = st.builds(
    Measure,
    id=slugs,
    title=blank_free,
    phase=st.sampled_from(Phase),
    responsible=st.frozensets(slugs, min_size=1, max_size=3),
    risks=st.frozensets(slugs, max_size=3),
    living_conditions=living_conditions,
    due=st.none() | dates,
    follow_up=st.none() | dates,
    description=texts,
    link=st.none() | texts,
)
status_changes = st.builds(
    StatusChange,
    measure=slugs,
    on=dates,
    status=st.sampled_from(MeasureStatus),
    note=texts,
    recorded_by=st.none() | slugs,
)
methods = st.builds(
    Method, name=blank_free, builds_on_protected_values=st.booleans(), description=texts
)
follow_up_agreements = st.builds(
    FollowUpAgreement,
    on=dates,
    every_months=st.none() | st.integers(1, 36),
    by=st.none() | slugs,
    note=texts,
)
not_relevant = st.builds(
    NotRelevant, living_condition=st.sampled_from(LivingCondition), reason=blank_free
)


@st.composite
def analyses(draw: st.DrawFn, analysis_id: str | None = None) -> Analysis:
    """Analyses with a few of everything (references need not resolve)."""

    def some(strategy: st.SearchStrategy[Any]) -> list[Any]:
        return draw(st.lists(strategy, max_size=2))

    return Analysis(
        id=analysis_id or draw(slugs),
        title=draw(blank_free),
        area=draw(st.none() | areas()),
        held_on=some(dates),
        method=draw(st.none() | methods),
        participants=draw(st.frozensets(slugs, max_size=3)),
        documentation_owner=draw(st.none() | slugs),
        recipients=draw(st.frozensets(slugs, max_size=3)),
        distribution=draw(st.none() | texts),
        follow_up_agreement=draw(st.none() | follow_up_agreements),
        living_conditions_discussed=draw(living_conditions),
        risks=some(risks),
        measures=some(measures),
        history=some(status_changes),
        risk_matrix=draw(st.just(RiskMatrix.default()) | risk_matrices()),
        not_relevant=some(not_relevant),
    )


@st.composite
def registers(draw: st.DrawFn) -> FollowUpRegister:
    """Registers of up to two analyses with distinct ids."""
    ids = draw(st.lists(slugs, max_size=2, unique=True))
    return FollowUpRegister([draw(analyses(analysis_id)) for analysis_id in ids])


# -- situation, areas, joint work ---------------------------------------------------------


@st.composite
def reporting_periods(draw: st.DrawFn) -> ReportingPeriod:
    """Reporting periods of a positive length."""
    start = draw(datetimes)
    return ReportingPeriod(
        start, start + draw(st.timedeltas(timedelta(minutes=1), timedelta(days=10)))
    )


situation_reports = st.builds(
    SituationReport,
    actor=slugs,
    period=reporting_periods(),
    situation=texts,
    consequences=texts,
    measures_taken=st.lists(texts, max_size=2).map(tuple),
    coordination_needs=st.lists(texts, max_size=2).map(tuple),
    forecast=texts,
    confidence=st.none() | st.sampled_from(Confidence),
    report_number=st.integers(1, 9),
    version=st.integers(1, 3),
)
coordination_needs = st.builds(
    CoordinationNeed, actor=slugs, need=texts, report_number=st.integers(1, 9)
)
situation_pictures = st.builds(
    SituationPicture,
    at=datetimes,
    reports=st.lists(situation_reports, max_size=2).map(tuple),
    missing=st.lists(slugs, max_size=3).map(tuple),
    coordination_needs=st.lists(coordination_needs, max_size=2).map(tuple),
)
area_responsibilities = st.builds(
    AreaResponsibility,
    area=areas(),
    level=st.sampled_from(GovernanceLevel),
    holders=st.lists(slugs, max_size=3).map(tuple),
)
joint_work = st.builds(
    JointWork,
    actor=slugs,
    step=st.sampled_from(JointWorkStep),
    on=datetimes,
    note=texts,
    body=st.none() | slugs,
)
joint_work_logs = st.builds(JointWorkLog, entries=st.lists(joint_work, max_size=3).map(tuple))
finding_codes = st.builds(
    FindingCode, code=slugs, severity=st.sampled_from(Severity), summary=texts, scope=texts
)


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Activation: activations,
    Actor: actors,
    Agreement: agreements,
    Analysis: analyses(),
    Area: areas(),
    AreaResponsibility: area_responsibilities,
    Body: bodies,
    Cadence: cadences,
    CoordinationNeed: coordination_needs,
    CoverageGap: coverage_gaps,
    CoverageRule: coverage_rules,
    Decision: decisions,
    Evidence: evidence,
    Finding: findings,
    FindingCode: finding_codes,
    FollowUpAgreement: follow_up_agreements,
    FollowUpRegister: registers(),
    JointWork: joint_work,
    JointWorkLog: joint_work_logs,
    Measure: measures,
    MeasureRef: measure_refs,
    Membership: memberships,
    MetadataEntry: metadata_entries,
    Method: methods,
    NotRelevant: not_relevant,
    OnCallRoster: rosters,
    Period: periods(),
    Person: persons,
    ProcessModel: st.just(process_model()),
    Relation: relations,
    ReportingPeriod: reporting_periods(),
    Risk: risks,
    RiskLevel: st.integers(1, 5).flatmap(risk_levels).map(lambda levels: levels[-1]),
    RiskMatrix: risk_matrices(),
    Scale: scales(),
    ScaleLevel: scales().map(lambda scale: scale.levels[-1]),
    Shift: shifts(),
    SituationPicture: situation_pictures,
    SituationReport: situation_reports,
    StatusChange: status_changes,
    Structure: structures(),
    geography.County: counties,
    geography.Municipality: municipalities,
}
"""A strategy for every public attrs type."""

any_public_object = st.sampled_from(sorted(STRATEGIES, key=lambda t: t.__name__)).flatmap(
    lambda t: STRATEGIES[t]
)
"""An object of any public attrs type."""


def _type_name(cls: type) -> str:
    return cls.__name__


PUBLIC_TYPES: tuple[type, ...] = tuple(sorted(STRATEGIES, key=_type_name))
"""The types of :data:`STRATEGIES`, by name."""
