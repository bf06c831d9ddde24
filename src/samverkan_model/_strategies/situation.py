"""Strategies for joint crisis work: situation reports and joint-work timelines."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samverkan_model._strategies.common import (
    check_size,
    ids,
    many,
    maybe_index,
    pick_maybe,
    raw_index,
    short_texts,
)
from samverkan_model._strategies.parts import moments
from samverkan_model.risk.values import Confidence
from samverkan_model.situation import ReportingPeriod, SituationReport
from samverkan_model.structure.joint_work import JointWork, JointWorkLog, JointWorkStep
from samverkan_model.structure.model import Structure

__all__ = ["joint_work_entries", "joint_work_logs", "reporting_periods", "situation_reports"]

_STEPS = tuple(JointWorkStep)
_WHY = "Läget kräver det"


def reporting_periods() -> st.SearchStrategy[ReportingPeriod]:
    """Reporting periods of one hour to three days, starting on the hour.

    Examples from this strategy shrink towards one hour from midnight on :data:`EPOCH`.
    """
    return st.builds(
        lambda start, hours: ReportingPeriod(start, start + timedelta(hours=hours)),
        moments,
        st.integers(1, 72),
    )


_items = st.lists(short_texts, max_size=3)


def situation_reports() -> st.SearchStrategy[SituationReport]:
    """Situation reports of some actor, numbered and versioned.

    Examples from this strategy shrink towards version 1 of report 1, with empty texts
    and no stated confidence.
    """
    return st.builds(
        SituationReport,
        actor=ids(),
        period=reporting_periods(),
        situation=short_texts,
        consequences=short_texts,
        measures_taken=_items,
        coordination_needs=_items,
        forecast=short_texts,
        confidence=st.none() | st.sampled_from(Confidence),
        report_number=st.integers(1, 5),
        version=st.integers(1, 3),
    )


def joint_work_entries() -> st.SearchStrategy[JointWork]:
    """Single joint-work entries: an actor entering a step at a moment.

    Examples from this strategy shrink towards information sharing at midnight on
    :data:`EPOCH`, with no note and no body.
    """
    return st.builds(
        JointWork, ids(), st.sampled_from(_STEPS), moments, short_texts, st.none() | ids()
    )


# One entry of an actor's timeline: hours after the previous one, how the step changes
# (0 stays, 1 climbs one step, 2 jumps to any step with a note), the step to jump to and
# the body where it was agreed.
_entry_raw = st.tuples(st.integers(1, 24 * 14), st.integers(0, 2), raw_index, maybe_index)


@st.composite
def _logs(draw: st.DrawFn, structure: Structure | None, max_actors: int) -> JointWorkLog:
    if structure is None:
        actor_ids = [f"a{i}" for i in range(1, draw(st.integers(0, max_actors)) + 1)]
        body_ids: list[str] = []
    else:
        actor_ids = [a.id for a in structure.actors]
        body_ids = [b.id for b in structure.bodies]
    entries = []
    for actor in actor_ids:
        on = draw(moments)
        step: JointWorkStep | None = None
        for hours, change, target, body_at in many(draw, _entry_raw, 0, 4):
            on += timedelta(hours=hours)
            note = ""
            rank = 0 if step is None else step.rank
            if step is None or change == 1:
                step = _STEPS[min(rank, len(_STEPS) - 1)]
            elif change == 2:
                step = _STEPS[target % len(_STEPS)]
                note = _WHY  # a skip or a step back says why
            entries.append(JointWork(actor, step, on, note, pick_maybe(body_ids, body_at)))
    return JointWorkLog(entries)


def joint_work_logs(
    structure: Structure | None = None, *, max_actors: int = 4
) -> st.SearchStrategy[JointWorkLog]:
    """Joint-work timelines whose :meth:`~JointWorkLog.validate` finds nothing.

    Each actor starts at information sharing and climbs one step at a time or stays;
    where it skips a step or steps back, the entry's note says why. With *structure*, the
    actors are its actors and the bodies its bodies, so ``validate(structure)`` finds no
    unresolved reference either.

    Args:
        structure: The structure whose actors and bodies the entries name (default:
            actors ``a1, a2, ...`` and no bodies).
        max_actors: Without a structure, the most actors.

    Raises:
        hypothesis.errors.InvalidArgument: for a negative *max_actors* or a *structure*
            that is not a :class:`Structure`.

    Examples from this strategy shrink towards an empty log.
    """
    given: object = structure
    if given is not None and not isinstance(given, Structure):
        msg = f"structure: expected a Structure or None, got {structure!r}"
        raise InvalidArgument(msg)
    check_size("max_actors", max_actors, 0)
    return _logs(structure, max_actors)
