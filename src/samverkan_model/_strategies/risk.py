"""Strategies for the social-risk method: scales, matrices, risks, measures and analyses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samverkan_model._strategies.common import (
    check_size,
    day,
    ids,
    many,
    maybe_index,
    offsets,
    pick,
    pick_maybe,
    raw_index,
    short_texts,
)
from samverkan_model._strategies.structures import structures
from samverkan_model.geography import Area
from samverkan_model.risk.analysis import Analysis
from samverkan_model.risk.measures import (
    Measure,
    MeasureStatus,
    StatusChange,
    Transition,
    transition,
)
from samverkan_model.risk.register import FollowUpRegister
from samverkan_model.risk.risks import Evidence, Risk
from samverkan_model.risk.scales import (
    RiskLevel,
    RiskMatrix,
    Scale,
    ScaleLevel,
)
from samverkan_model.risk.values import (
    Basis,
    BehaviourTarget,
    Confidence,
    LivingCondition,
    Phase,
    ProtectedValue,
)
from samverkan_model.risk.workshop import FollowUpAgreement, Method, NotRelevant
from samverkan_model.structure.model import Structure

__all__ = [
    "analyses",
    "evidence",
    "follow_up_agreements",
    "follow_up_registers",
    "measures",
    "methods",
    "not_relevant",
    "risk_levels",
    "risk_matrices",
    "risks",
    "scale_levels",
    "scales",
    "status_changes",
    "status_histories",
    "titles",
]

# Text that is never blank: a first character that is not white space (nor a control or
# separator character), then anything.
_TITLES = (
    "Unga lämnar skolan utan behörighet",
    "Ökad otrygghet i centrum",
    "Långtidsarbetslöshet",
    "Misstro mot myndigheter",
)
titles = st.sampled_from(_TITLES) | st.builds(
    str.__add__, st.characters(exclude_categories=("C", "Z")), st.text(max_size=30)
)
_LEVEL_NAMES = (
    ("Låg", "Low"),
    ("Medel", "Medium"),
    ("Hög", "High"),
    ("Mycket hög", "Very high"),
    ("", "Only English"),
    ("Bara svenska", ""),
)
_COLOURS = ("#A5D6A7", "#fff", "#E57373FF")
_METHODS = ("Krisberedskap - för social hållbarhet", "Egen metod")
_conditions = st.frozensets(st.sampled_from(LivingCondition))
_days = offsets.map(day)


def evidence() -> st.SearchStrategy[Evidence]:
    """Evidence an assessment rests on: a non-blank source and a note.

    Examples from this strategy shrink towards the first example text as the source, with
    no note.
    """
    return st.builds(Evidence, titles, short_texts)


L = TypeVar("L", ScaleLevel, RiskLevel)


def _level(kind: type[L], prefix: str, value: int, raw: tuple[int, int | None]) -> L:
    name_at, colour_at = raw
    sv, en = pick(_LEVEL_NAMES, name_at)
    colour = None if colour_at is None else pick(_COLOURS, colour_at)
    return kind(value, f"{prefix}{value}", sv, en, colour=colour)


def _levels(kind: type[L], prefix: str, raws: Sequence[tuple[int, int | None]]) -> list[L]:
    return [_level(kind, prefix, value, raw) for value, raw in enumerate(raws, start=1)]


_level_raw = st.tuples(raw_index, st.none() | raw_index)


def scale_levels() -> st.SearchStrategy[ScaleLevel]:
    """Single steps of a scale, with a Swedish or an English name (or both).

    Examples from this strategy shrink towards step 1, "Låg"/"Low", without a colour.
    """
    return st.builds(lambda v, raw: _level(ScaleLevel, "S", v, raw), st.integers(1, 7), _level_raw)


def risk_levels() -> st.SearchStrategy[RiskLevel]:
    """Single risk levels, as a matrix's cells hold them.

    Examples from this strategy shrink towards level 1, "Låg"/"Low", without a colour.
    """
    return st.builds(lambda v, raw: _level(RiskLevel, "R", v, raw), st.integers(1, 5), _level_raw)


def scales(*, min_size: int = 1, max_size: int = 7) -> st.SearchStrategy[Scale]:
    """Likelihood or consequence scales of *min_size* to *max_size* steps.

    Steps are numbered 1 to n, each with a Swedish or an English name (or both) and
    sometimes a colour.

    Raises:
        hypothesis.errors.InvalidArgument: for sizes below 1 or inconsistent sizes.

    Examples from this strategy shrink towards the shortest scale with plain names.
    """
    check_size("min_size", min_size, 1)
    check_size("max_size", max_size, min_size)
    return st.lists(_level_raw, min_size=min_size, max_size=max_size).map(
        lambda raws: Scale(_levels(ScaleLevel, "S", raws))
    )


@st.composite
def _matrices(draw: st.DrawFn, scale: st.SearchStrategy[Scale]) -> RiskMatrix:
    likelihood = draw(scale)
    consequence = draw(scale)
    levels = _levels(RiskLevel, "R", draw(st.lists(_level_raw, min_size=1, max_size=5)))
    top = len(levels)
    # Each cell is at least its upper and left neighbours, so the grid never falls.
    grid: list[list[int]] = []
    for i in range(likelihood.size):
        row: list[int] = []
        for j in range(consequence.size):
            floor = max(grid[i - 1][j] if i else 1, row[j - 1] if j else 1)
            row.append(floor + draw(st.integers(0, top - floor)))
        grid.append(row)
    return RiskMatrix(likelihood, consequence, levels, grid)


def risk_matrices(*, max_size: int = 6) -> st.SearchStrategy[RiskMatrix]:
    """Risk matrices: the default five-by-five one, or scales and a grid of their own.

    Grids never fall as likelihood or consequence rises, so every matrix is accepted
    without ``allow_decreasing``.

    Args:
        max_size: The most steps on each scale of a generated matrix.

    Raises:
        hypothesis.errors.InvalidArgument: if *max_size* is below 1.

    Examples from this strategy shrink towards :meth:`RiskMatrix.default`, then towards
    a one-by-one matrix with a single risk level.
    """
    check_size("max_size", max_size, 1)
    return st.just(RiskMatrix.default()) | _matrices(scales(max_size=max_size))


_any_matrix = risk_matrices()


_values = st.just(frozenset({ProtectedValue.TRUST})) | st.frozensets(
    st.sampled_from(ProtectedValue)
)


@st.composite
def _risk_drafts(draw: st.DrawFn) -> Risk:
    # Likelihood and consequence are raw steps here: fit() puts them on a matrix's scales.
    return Risk(
        draw(ids()),
        draw(titles),
        draw(short_texts),
        draw(_conditions),
        draw(raw_index) + 1,
        draw(raw_index) + 1,
        draw(st.none() | st.sampled_from(Confidence)),
        draw(st.none() | st.sampled_from(Basis)),
        draw(st.lists(evidence(), max_size=2)),
        draw(_values),
        draw(st.frozensets(st.sampled_from(BehaviourTarget))),
        draw(st.none() | short_texts),
    )


risk_draft = _risk_drafts()


def fit(risk: Risk, matrix: RiskMatrix, risk_id: str | None = None) -> Risk:
    """*risk* with its raw steps read modulo *matrix*'s scales (and *risk_id*, if given)."""
    return attrs.evolve(
        risk,
        id=risk.id if risk_id is None else risk_id,
        likelihood=1 + (risk.likelihood - 1) % matrix.likelihood.size,
        consequence=1 + (risk.consequence - 1) % matrix.consequence.size,
    )


def risks(matrix: RiskMatrix | None = None) -> st.SearchStrategy[Risk]:
    """Risks assessed on *matrix*'s scales (default: :meth:`RiskMatrix.default`).

    Confidence and basis are sometimes left out, as in a draft (a warning, not an error).

    Examples from this strategy shrink towards a risk with a short id, the lowest
    likelihood and consequence, no living condition, no confidence and no basis.
    """
    chosen = RiskMatrix.default() if matrix is None else matrix
    return risk_draft.map(lambda risk: fit(risk, chosen))


def measures() -> st.SearchStrategy[Measure]:
    """Measures with one to three responsible actors, possibly linked to risks.

    The risk and actor ids need not exist: use :func:`analyses` for measures whose
    references resolve.

    Examples from this strategy shrink towards a proactive measure with one responsible
    actor, no risks, no living conditions and no dates.
    """
    return st.builds(
        Measure,
        id=ids(),
        title=titles,
        phase=st.sampled_from(Phase),
        responsible=st.frozensets(ids(), min_size=1, max_size=3),
        risks=st.frozensets(ids(), max_size=3),
        living_conditions=_conditions,
        due=st.none() | _days,
        follow_up=st.none() | _days,
        description=short_texts,
        link=st.none() | st.just("https://example.org/atgard"),
    )


def status_changes() -> st.SearchStrategy[StatusChange]:
    """Single status changes of some measure, of any status.

    Examples from this strategy shrink towards a change to ``planned`` on :data:`EPOCH`
    with no note and no recorder.
    """
    return st.builds(
        StatusChange,
        measure=ids(),
        on=_days,
        status=st.sampled_from(MeasureStatus),
        note=short_texts,
        recorded_by=st.none() | ids(),
    )


_REOPENED = "Återöppnad efter uppföljning"
_change_raw = st.tuples(st.integers(0, 180), raw_index, short_texts, raw_index)


def _history(
    draw: st.DrawFn,
    measure_id: str,
    start: date,
    recorders: Sequence[str],
    most: int,
) -> list[StatusChange]:
    """A measure's changes, each allowed after the one before (a note where one is needed)."""
    out: list[StatusChange] = []
    status: MeasureStatus | None = None
    on = start
    for days_later, status_at, drawn_note, recorder_at in many(draw, _change_raw, 0, most):
        on += timedelta(days=days_later)
        note = drawn_note
        allowed = [s for s in MeasureStatus if transition(status, s) is not Transition.FORBIDDEN]
        status = pick(allowed, status_at)
        if not note.strip() and out and transition(out[-1].status, status) is Transition.NEEDS_NOTE:
            note = _REOPENED
        out.append(StatusChange(measure_id, on, status, note, pick_maybe(recorders, recorder_at)))
    return out


@st.composite
def _histories(
    draw: st.DrawFn, measure_ids: tuple[str, ...], most: int
) -> tuple[StatusChange, ...]:
    return tuple(
        change
        for measure_id in measure_ids
        for change in _history(draw, measure_id, draw(_days), (), most)
    )


def status_histories(
    measure_ids: Sequence[str] = ("m1",), *, max_changes: int = 4
) -> st.SearchStrategy[tuple[StatusChange, ...]]:
    """Follow-up histories of *measure_ids* in which every status change is allowed.

    Each measure's changes come in date order and follow the transition table; reopening
    a closed measure carries a note saying why. Pass the result as ``Analysis.history``.

    Args:
        measure_ids: The measures to record changes for.
        max_changes: The most changes per measure.

    Raises:
        hypothesis.errors.InvalidArgument: if *max_changes* is negative or an id is not
            a string.

    Examples from this strategy shrink towards an empty history.
    """
    check_size("max_changes", max_changes, 0)
    chosen = tuple(measure_ids)
    if not all(isinstance(m, str) for m in chosen):
        msg = f"measure_ids: expected measure ids, got {chosen!r}"
        raise InvalidArgument(msg)
    return _histories(chosen, max_changes)


def methods() -> st.SearchStrategy[Method]:
    """Risk-analysis methods, mostly ones that start from the protected values.

    Examples from this strategy shrink towards the social-risk method itself.
    """
    return st.builds(
        Method, st.sampled_from(_METHODS) | titles, st.booleans().map(lambda b: not b), short_texts
    )


def follow_up_agreements() -> st.SearchStrategy[FollowUpAgreement]:
    """Agreed follow-ups: a first date and maybe a cadence in months.

    Examples from this strategy shrink towards a single follow-up on :data:`EPOCH`.
    """
    return st.builds(
        FollowUpAgreement,
        _days,
        st.none() | st.integers(1, 24),
        st.none() | ids(),
        short_texts,
    )


def not_relevant() -> st.SearchStrategy[NotRelevant]:
    """Living conditions judged not relevant, each with a reason.

    Examples from this strategy shrink towards education, with the first example text as
    the reason.
    """
    return st.builds(NotRelevant, st.sampled_from(LivingCondition), titles)


_held_on = st.lists(_days, max_size=2)
_distributions = st.none() | st.just("E-post till mottagarna") | short_texts
_area_codes = st.none() | st.sampled_from(("SE", "01", "0180", "14", "1480", "1384"))


_mask = st.integers(0, 255)  # a subset of up to eight things, bit by bit; shrinks to none


def subset(items: Sequence[str], mask: int) -> frozenset[str]:
    """The items whose bit is set in *mask* (only the first eight can be chosen)."""
    return frozenset(item for i, item in enumerate(items[:8]) if mask >> i & 1)


_measure_raw = st.tuples(
    titles,
    st.sampled_from(Phase),
    raw_index,
    _mask,
    _mask,
    _conditions,
    st.none() | _days,
    st.none() | _days,
    short_texts,
)
_maybe_method = st.none() | methods()
_maybe_agreement = st.none() | follow_up_agreements()


def analysis_from(
    draw: st.DrawFn,
    analysis_id: str,
    structure: Structure,
    matrix: RiskMatrix,
    max_risks: int,
    max_measures: int,
) -> Analysis:
    """An analysis of *structure* on *matrix*, valid by construction, drawn with *draw*."""
    actor_ids = [a.id for a in structure.actors]
    recipients = [*actor_ids, *(b.id for b in structure.bodies)]
    risk_list = [
        fit(risk, matrix, f"r{i}")
        for i, risk in enumerate(many(draw, risk_draft, 0, max_risks), start=1)
    ]
    risk_ids = [r.id for r in risk_list]
    measure_list = []
    for i, raw in enumerate(many(draw, _measure_raw, 0, max_measures), start=1):
        if not actor_ids:
            continue  # nobody could be responsible for a measure
        title, phase, first, others, addressed, conditions, due, follow_up, text = raw
        responsible = {pick(actor_ids, first)} | subset(actor_ids, others)
        measure = Measure(
            f"m{i}",
            title,
            phase,
            responsible,
            subset(risk_ids, addressed),
            conditions,
            due,
            follow_up,
            text,
        )
        measure_list.append(measure)
    recorders = [*actor_ids, *(p.id for p in structure.persons)]
    history = [
        change for m in measure_list for change in _history(draw, m.id, draw(_days), recorders, 3)
    ]
    discussed = draw(_conditions)
    touched = {c for r in risk_list for c in r.living_conditions}
    touched.update(c for m in measure_list for c in m.living_conditions)
    # Only conditions that were neither discussed nor touched can be judged not relevant.
    free = [c for c in LivingCondition if c not in discussed and c not in touched]
    excluded = [c for i, c in enumerate(free) if draw(_mask) >> i & 1] if free else []
    agreement = draw(_maybe_agreement)
    if agreement is not None:
        agreement = attrs.evolve(agreement, by=pick_maybe(recipients, draw(maybe_index)))
    area_code = draw(_area_codes)
    return Analysis(
        analysis_id,
        draw(titles),
        area=None if area_code is None else Area(area_code),
        held_on=draw(_held_on),
        method=draw(_maybe_method),
        participants=subset(actor_ids, draw(_mask)),
        documentation_owner=pick_maybe(actor_ids, draw(maybe_index)),
        recipients=subset(recipients, draw(_mask)),
        distribution=draw(_distributions),
        follow_up_agreement=agreement,
        living_conditions_discussed=discussed,
        risks=risk_list,
        measures=measure_list,
        history=history,
        risk_matrix=matrix,
        not_relevant=[NotRelevant(c, "Berörs inte i området") for c in excluded],
    )


@st.composite
def _analyses(
    draw: st.DrawFn,
    structure: st.SearchStrategy[Structure],
    matrix: st.SearchStrategy[RiskMatrix],
    max_risks: int,
    max_measures: int,
) -> Analysis:
    return analysis_from(draw, draw(ids()), draw(structure), draw(matrix), max_risks, max_measures)


def _structure_arg(structure: Structure | None) -> st.SearchStrategy[Structure]:
    if structure is None:
        return structures(min_actors=1, max_actors=3, max_bodies=2)
    given: object = structure
    if not isinstance(given, Structure):
        msg = f"structure: expected a Structure or None, got {structure!r}"
        raise InvalidArgument(msg)
    return st.just(structure)


def analyses(
    structure: Structure | None = None,
    *,
    matrix: RiskMatrix | None = None,
    max_risks: int = 4,
    max_measures: int = 4,
) -> st.SearchStrategy[Analysis]:
    """Whole analyses whose :meth:`~Analysis.validate` has no error, even given *structure*.

    Participants, the documentation owner, responsible actors and recorders are actors of
    *structure* (recipients and the follow-up caller may also be bodies, recorders also
    persons), so ``analysis.validate(structure)`` reports nothing ``not-in-structure``.
    Without a structure, the ids come from a generated one (``a1``, ``b1``, ...). Risks are
    assessed on the analysis's matrix, measures address its risks, and every status
    change in the history is allowed. Warnings (a missing method, only reactive measures,
    ...) may occur, as in real drafts.

    Risk ids are ``r1, r2, ...`` and measure ids ``m1, m2, ...``.

    Args:
        structure: The structure the analysis refers to (default: a generated one).
        matrix: The risk matrix (default: drawn from :func:`risk_matrices`).
        max_risks: The most risks.
        max_measures: The most measures.

    Raises:
        hypothesis.errors.InvalidArgument: for negative sizes or a *structure* that is
            not a :class:`Structure`.

    Examples from this strategy shrink towards an analysis with no risks, no measures
    and nothing recorded, on the default matrix.
    """
    check_size("max_risks", max_risks, 0)
    check_size("max_measures", max_measures, 0)
    matrices = _any_matrix if matrix is None else st.just(matrix)
    return _analyses(_structure_arg(structure), matrices, max_risks, max_measures)


@st.composite
def _registers(
    draw: st.DrawFn, structure: st.SearchStrategy[Structure], most: int
) -> FollowUpRegister:
    within = draw(structure)
    count = draw(st.integers(0, most))
    return FollowUpRegister(
        analysis_from(draw, f"rsa{i}", within, draw(_any_matrix), 2, 2) for i in range(1, count + 1)
    )


def follow_up_registers(
    structure: Structure | None = None, *, max_analyses: int = 3
) -> st.SearchStrategy[FollowUpRegister]:
    """Follow-up registers of analyses ``rsa1, rsa2, ...`` of one structure.

    Every analysis is one :func:`analyses` would give; measure ids repeat across them
    (``m1`` in each), as they may.

    Args:
        structure: The structure the analyses refer to (default: a generated one).
        max_analyses: The most analyses.

    Raises:
        hypothesis.errors.InvalidArgument: for a negative size or a *structure* that is
            not a :class:`Structure`.

    Examples from this strategy shrink towards an empty register.
    """
    check_size("max_analyses", max_analyses, 0)
    return _registers(_structure_arg(structure), max_analyses)
