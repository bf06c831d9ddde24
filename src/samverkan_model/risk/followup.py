"""Follow-up figures: per-actor summaries, progress and measures tagged with their analysis.

These are the results of the follow-up queries of :class:`Analysis` and
:class:`FollowUpRegister`. Every query takes the day it looks from (``as_of``); nothing
here reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from samverkan_model.risk.measures import Measure, MeasureStatus
from samverkan_model.structure.decisions import MeasureRef

__all__ = ["STATUS_FIELDS", "MeasureEntry", "Progress", "ResponsibleSummary", "merge_summaries"]


@attrs.frozen
class MeasureEntry:
    """A measure tagged with the id of the analysis it belongs to.

    Measure ids are unique only within an analysis, so results that span analyses carry
    the analysis id with every measure.

    Attributes:
        analysis: The analysis id.
        measure: The measure.
    """

    analysis: str
    measure: Measure

    @property
    def ref(self) -> MeasureRef:
        """The measure's reference, ``analysis-id/measure-id``."""
        return MeasureRef(self.analysis, self.measure.id)


@attrs.frozen
class ResponsibleSummary:
    """One responsible actor's measures on a given day.

    A measure with several responsible actors counts for each of them.

    Attributes:
        actor: The actor id.
        planned: Measures planned on that day.
        ongoing: Measures ongoing.
        on_hold: Measures on hold.
        implemented: Measures implemented.
        cancelled: Measures cancelled.
        unrecorded: Measures with no status recorded yet.
        overdue: The overdue measures, as ``analysis-id/measure-id`` references.
    """

    actor: str
    planned: int = 0
    ongoing: int = 0
    on_hold: int = 0
    implemented: int = 0
    cancelled: int = 0
    unrecorded: int = 0
    overdue: tuple[MeasureRef, ...] = ()

    @property
    def total(self) -> int:
        """Every measure the actor is responsible for."""
        return (
            self.planned
            + self.ongoing
            + self.on_hold
            + self.implemented
            + self.cancelled
            + self.unrecorded
        )

    def count(self, status: MeasureStatus | None) -> int:
        """How many of the actor's measures have *status* (``None``: none recorded)."""
        return int(getattr(self, STATUS_FIELDS[status]))

    def __add__(self, other: ResponsibleSummary) -> ResponsibleSummary:
        if not isinstance(other, ResponsibleSummary):
            return NotImplemented
        if other.actor != self.actor:
            msg = f"cannot add summaries of different actors ({self.actor!r}, {other.actor!r})"
            raise ValueError(msg)
        counts = {
            name: getattr(self, name) + getattr(other, name) for name in STATUS_FIELDS.values()
        }
        return ResponsibleSummary(self.actor, overdue=(*self.overdue, *other.overdue), **counts)


STATUS_FIELDS: dict[MeasureStatus | None, str] = {
    MeasureStatus.PLANNED: "planned",
    MeasureStatus.ONGOING: "ongoing",
    MeasureStatus.ON_HOLD: "on_hold",
    MeasureStatus.IMPLEMENTED: "implemented",
    MeasureStatus.CANCELLED: "cancelled",
    None: "unrecorded",
}
"""The :class:`ResponsibleSummary` field that counts each status (``None``: unrecorded)."""


def merge_summaries(summaries: Iterable[ResponsibleSummary]) -> tuple[ResponsibleSummary, ...]:
    """One summary per actor, adding up counts and concatenating overdue references.

    The result is sorted by actor id; overdue references keep the order they come in.
    """
    merged: dict[str, ResponsibleSummary] = {}
    for summary in summaries:
        known = merged.get(summary.actor)
        merged[summary.actor] = summary if known is None else known + summary
    return tuple(merged[actor] for actor in sorted(merged))


@attrs.frozen
class Progress:
    """How far the measures had come on a given day.

    Only measures with a recorded status on that day count; cancelled ones are left out
    of the shares.

    Attributes:
        as_of: The day.
        measures: Measures with a recorded status on that day.
        cancelled: Of those, cancelled.
        implemented: Of those, implemented.
        proactive: Of those not cancelled, proactive.
    """

    as_of: date
    measures: int = 0
    cancelled: int = 0
    implemented: int = 0
    proactive: int = 0

    @property
    def active(self) -> int:
        """Measures with a recorded status that are not cancelled."""
        return self.measures - self.cancelled

    @property
    def share_implemented(self) -> float | None:
        """Implemented measures as a share of active ones (``None`` when there are none)."""
        return self.implemented / self.active if self.active else None

    @property
    def share_proactive(self) -> float | None:
        """Proactive measures as a share of active ones (``None`` when there are none)."""
        return self.proactive / self.active if self.active else None

    def __add__(self, other: Progress) -> Progress:
        if not isinstance(other, Progress):
            return NotImplemented
        if other.as_of != self.as_of:
            msg = f"cannot add progress on different days ({self.as_of}, {other.as_of})"
            raise ValueError(msg)
        return Progress(
            self.as_of,
            self.measures + other.measures,
            self.cancelled + other.cancelled,
            self.implemented + other.implemented,
            self.proactive + other.proactive,
        )
