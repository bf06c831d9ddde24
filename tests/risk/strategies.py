"""Composite Hypothesis strategies for the risk tests, valid by construction (no filtering)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from samverkan_model.geography import Area
from samverkan_model.risk import (
    Analysis,
    Basis,
    BehaviourTarget,
    Confidence,
    Evidence,
    FollowUpAgreement,
    LivingCondition,
    Measure,
    MeasureStatus,
    MetadataEntry,
    Method,
    NotRelevant,
    Phase,
    ProtectedValue,
    Risk,
    RiskLevel,
    RiskMatrix,
    Scale,
    ScaleLevel,
    StatusChange,
    Transition,
    transition,
)
from samverkan_model.structure import Actor, GovernanceLevel, OrganisationKind, Structure

DAY0 = date(2024, 1, 1)
days = st.integers(min_value=0, max_value=900).map(lambda n: DAY0 + timedelta(days=n))
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ", min_size=1, max_size=12).map(
    lambda s: s.strip() or "x"
)
colours = st.none() | st.sampled_from(["#A5D6A7", "#fff", "#E57373FF"])
ACTORS = ("a1", "a2", "a3", "a4")


@st.composite
def level_rows(draw: st.DrawFn, size: int) -> list[tuple[str, str, str, str, str | None]]:
    """Names, descriptions and colours for *size* levels (one of sv/en may be empty)."""
    rows = []
    for _ in range(size):
        sv = draw(st.sampled_from(["", "Låg", "Hög", "Medel"]))
        en = draw(words) if not sv else draw(st.sampled_from(["", "Low", "High"]))
        rows.append(
            (sv, en, draw(st.sampled_from(["", "beskrivning"])), draw(words), draw(colours))
        )
    return rows


@st.composite
def scales(draw: st.DrawFn, min_size: int = 1, max_size: int = 6) -> Scale:
    """A scale of contiguous levels with assorted names."""
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    rows = draw(level_rows(size))
    return Scale(
        ScaleLevel(i, f"S{i}", sv, en, dsv, den, colour)
        for i, (sv, en, dsv, den, colour) in enumerate(rows, start=1)
    )


@st.composite
def risk_levels(draw: st.DrawFn, min_size: int = 1, max_size: int = 5) -> tuple[RiskLevel, ...]:
    """Contiguous risk levels."""
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    rows = draw(level_rows(size))
    return tuple(
        RiskLevel(i, f"R{i}", sv, en, dsv, den, colour)
        for i, (sv, en, dsv, den, colour) in enumerate(rows, start=1)
    )


@st.composite
def monotone_grids(draw: st.DrawFn, rows: int, columns: int, top: int) -> list[list[int]]:
    """A grid whose values never fall along a row or down a column, within 1..top."""
    grid: list[list[int]] = []
    for i in range(rows):
        row: list[int] = []
        for j in range(columns):
            floor = max(grid[i - 1][j] if i else 1, row[j - 1] if j else 1)
            row.append(draw(st.integers(min_value=floor, max_value=top)))
        grid.append(row)
    return grid


metadata_entries = st.lists(
    st.builds(
        MetadataEntry,
        st.sampled_from(["library/provider", "matrix/urn", "library/copyright", "matrix/x~1y"]),
        st.sampled_from(['"ACME"', "1", '{"a":[1,2]}', "null"]),
    ),
    max_size=3,
    unique_by=lambda e: e.path,
)


@st.composite
def risk_matrices(draw: st.DrawFn, max_size: int = 6) -> RiskMatrix:
    """A valid (monotone, total) matrix with its own scales, levels and metadata."""
    likelihood = draw(scales(max_size=max_size))
    consequence = draw(scales(max_size=max_size))
    levels = draw(risk_levels())
    grid = draw(monotone_grids(likelihood.size, consequence.size, len(levels)))
    return RiskMatrix(likelihood, consequence, levels, grid, metadata=draw(metadata_entries))


@st.composite
def any_grids(draw: st.DrawFn) -> tuple[int, int, int, list[list[int]]]:
    """Scale sizes, a level count and an arbitrary grid, often of the wrong shape."""
    rows = draw(st.integers(min_value=1, max_value=4))
    columns = draw(st.integers(min_value=1, max_value=4))
    top = draw(st.integers(min_value=1, max_value=4))
    shape_rows = draw(st.sampled_from([rows, rows, rows, rows + 1, max(rows - 1, 0)]))
    grid = [
        draw(
            st.lists(
                st.integers(min_value=0, max_value=top + 1),
                min_size=max(columns - 1, 0),
                max_size=columns + 1,
            )
        )
        for _ in range(shape_rows)
    ]
    return rows, columns, top, grid


def simple_scale(size: int) -> Scale:
    """A plain scale of *size* levels."""
    return Scale(ScaleLevel(i, f"S{i}", f"Nivå {i}", f"Level {i}") for i in range(1, size + 1))


def simple_levels(size: int) -> tuple[RiskLevel, ...]:
    """Plain risk levels."""
    return tuple(RiskLevel(i, f"R{i}", f"Risk {i}", f"Risk {i}") for i in range(1, size + 1))


# -- risks, measures and histories ---------------------------------------------------------
# Analyses are drawn often, so their pieces come from small prebuilt pools: scales and
# matrices have their own properties above.

MATRICES = (
    RiskMatrix.default(),
    RiskMatrix(
        simple_scale(3), simple_scale(3), simple_levels(2), [[1, 1, 2], [1, 2, 2], [2, 2, 2]]
    ),
    RiskMatrix(simple_scale(4), simple_scale(6), simple_levels(1), [[1] * 6] * 4),
)
CONDITIONS = list(LivingCondition)
condition_sets = st.frozensets(st.sampled_from(CONDITIONS), min_size=1)
value_sets = st.sampled_from(
    [
        frozenset({ProtectedValue.TRUST}),
        frozenset({ProtectedValue.TRUST, ProtectedValue.LIFE_AND_HEALTH}),
        frozenset({ProtectedValue.DEMOCRACY_AND_RIGHTS}),
    ]
)
target_sets = st.sampled_from(
    [frozenset(), frozenset({BehaviourTarget.SELF}), frozenset(BehaviourTarget)]
)
evidence_lists = st.sampled_from([(), (Evidence("SCB", "Sysselsättning 2024"),)])
scenarios = st.sampled_from([None, "Ett scenario"])
confidences = st.sampled_from(list(Confidence))
bases = st.sampled_from(list(Basis))
actor_sets = st.frozensets(st.sampled_from(ACTORS), min_size=1, max_size=2)
phases = st.sampled_from(list(Phase))
optional_days = st.none() | days


def _subset(draw: st.DrawFn, pool: list[LivingCondition]) -> frozenset[LivingCondition]:
    """A non-empty subset of *pool* drawn as a bit mask (one draw, shrinks towards one item)."""
    mask = draw(st.integers(min_value=1, max_value=2 ** len(pool) - 1))
    return frozenset(c for i, c in enumerate(pool) if mask >> i & 1)


@st.composite
def risks(
    draw: st.DrawFn,
    risk_id: str,
    matrix: RiskMatrix,
    allowed: frozenset[LivingCondition] = frozenset(LivingCondition),
) -> Risk:
    """A fully assessed risk on *matrix*'s scales touching some of *allowed*."""
    pool = [c for c in CONDITIONS if c in allowed]
    return Risk(
        risk_id,
        "Risk",
        "",
        _subset(draw, pool),
        draw(st.integers(min_value=1, max_value=matrix.likelihood.size)),
        draw(st.integers(min_value=1, max_value=matrix.consequence.size)),
        draw(confidences),
        draw(bases),
        evidence=draw(evidence_lists),
        protected_values=draw(value_sets),
        behaviour_targets=draw(target_sets),
        scenario=draw(scenarios),
    )


_ALL = list(MeasureStatus)
_NEXT: dict[MeasureStatus | None, list[MeasureStatus]] = {
    before: [s for s in MeasureStatus if transition(before, s) is not Transition.FORBIDDEN]
    for before in (None, *MeasureStatus)
}
recorders = st.none() | st.sampled_from(ACTORS)


@st.composite
def status_runs(
    draw: st.DrawFn, measure: str, start: date, legal: bool = True
) -> list[StatusChange]:
    """One measure's status changes in date order; legal ones follow the transition table."""
    out: list[StatusChange] = []
    day = start
    before: MeasureStatus | None = None
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        day += timedelta(days=draw(st.integers(min_value=0, max_value=120)))
        options = _NEXT[before] if legal else _ALL
        status = draw(st.sampled_from(options))
        needs_note = legal and transition(before, status) is Transition.NEEDS_NOTE
        note = "återöppnad" if needs_note else ""
        out.append(StatusChange(measure, day, status, note, draw(recorders)))
        before = status
    return out


@st.composite
def complete_analyses(draw: st.DrawFn, analysis_id: str = "rsa") -> Analysis:
    """An analysis that has every piece the method asks for and no finding at all.

    Every measure names both a risk and a living condition, so changing a measure's phase
    never takes away its anchor in the process model; at least one measure is proactive.
    """
    matrix = draw(st.sampled_from(MATRICES))
    discussed = draw(condition_sets)
    pool = [c for c in CONDITIONS if c in discussed]
    n_risks = draw(st.integers(min_value=1, max_value=3))
    risk_list = [draw(risks(f"r{i}", matrix, discussed)) for i in range(1, n_risks + 1)]
    n_measures = draw(st.integers(min_value=1, max_value=3))
    measures = [
        Measure(
            f"m{i}",
            "Åtgärd",
            Phase.PROACTIVE if i == 1 else draw(phases),
            draw(actor_sets),
            risks={f"r{draw(st.integers(min_value=1, max_value=n_risks))}"},
            living_conditions=_subset(draw, pool),
            due=draw(optional_days),
            follow_up=draw(days),
        )
        for i in range(1, n_measures + 1)
    ]
    history = [c for m in measures for c in draw(status_runs(m.id, draw(days)))]
    return Analysis(
        analysis_id,
        "Sociala risker",
        area=Area("0181"),
        held_on=draw(days),
        method=Method("Krisberedskap - för social hållbarhet"),
        participants=draw(actor_sets),
        documentation_owner=draw(st.sampled_from(ACTORS)),
        recipients=draw(actor_sets),
        distribution="Rapport via e-post",
        follow_up_agreement=FollowUpAgreement(draw(days), draw(st.sampled_from([None, 6]))),
        living_conditions_discussed=discussed,
        risks=risk_list,
        measures=measures,
        history=history,
        risk_matrix=matrix,
        not_relevant=[
            NotRelevant(c, "Inte aktuellt i området") for c in CONDITIONS if c not in discussed
        ],
    )


@st.composite
def followed_analyses(draw: st.DrawFn, analysis_id: str = "rsa", legal: bool = True) -> Analysis:
    """A small analysis whose measures have due dates, follow-ups and a history.

    With ``legal=False`` the history may break the transition table.
    """
    n = draw(st.integers(min_value=0, max_value=5))
    measures = [
        Measure(
            f"m{i}",
            "åtgärd",
            draw(st.sampled_from(list(Phase))),
            draw(st.frozensets(st.sampled_from(ACTORS), min_size=1, max_size=3)),
            due=draw(st.none() | days),
            follow_up=draw(st.none() | days),
        )
        for i in range(1, n + 1)
    ]
    history: list[StatusChange] = []
    for m in measures:
        if draw(st.booleans()):
            history += draw(status_runs(m.id, draw(days), legal=legal))
    # Shuffle measures' runs together; the analysis sorts stably by date, which keeps each
    # measure's same-day changes in their recorded order.
    history = draw(st.permutations(history)) if not legal else history
    return Analysis(analysis_id, "Uppföljning", measures=measures, history=history)


def structure_with(actor_ids: tuple[str, ...] = ACTORS) -> Structure:
    """A structure whose actors are exactly *actor_ids*."""
    return Structure(
        "test",
        actors=[
            Actor(a, a.upper(), OrganisationKind.MUNICIPALITY, GovernanceLevel.LOCAL)
            for a in actor_ids
        ],
    )
