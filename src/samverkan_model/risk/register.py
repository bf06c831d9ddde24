"""A follow-up register across many analyses, e.g. every municipality of a county."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import attrs

from samverkan_model.risk._fields import by_attribute, sorted_items
from samverkan_model.risk.analysis import Analysis
from samverkan_model.risk.followup import (
    MeasureEntry,
    Progress,
    ResponsibleSummary,
    merge_summaries,
)
from samverkan_model.risk.measures import MeasureStatus
from samverkan_model.structure.decisions import MeasureRef

__all__ = ["FollowUpRegister"]


def _sort_analyses(items: Iterable[Analysis]) -> tuple[Analysis, ...]:
    return sorted_items(items, by_attribute("id", str, ""))


def _unique_analyses(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        msg = f"{attribute.name}: expected a collection of analyses, got {value!r}"
        raise TypeError(msg)
    seen: set[str] = set()
    for index, analysis in enumerate(value):
        if not isinstance(analysis, Analysis):
            msg = f"{attribute.name}[{index}]: expected Analysis, got {analysis!r}"
            raise TypeError(msg)
        if analysis.id in seen:
            msg = f"{attribute.name}: analysis id {analysis.id!r} appears more than once"
            raise ValueError(msg)
        seen.add(analysis.id)


@attrs.frozen
class FollowUpRegister:
    """The follow-up queries of :class:`Analysis` across many analyses at once.

    Measure ids are unique only within one analysis, so every result that lists measures
    tags each with its analysis id (:class:`MeasureEntry`, :class:`MeasureRef`) and
    results are concatenated analysis by analysis, never merged by measure id. Only the
    per-actor view is consolidated: one :class:`ResponsibleSummary` per actor across all
    analyses.

    Args:
        analyses: The analyses, kept sorted by id; ids must be unique.

    Raises:
        ValueError: if two analyses share an id.

    >>> from datetime import date
    >>> from samverkan_model import Analysis, Measure, Phase
    >>> due = date(2025, 6, 1)
    >>> a = Analysis("rsa-a", "A", measures=[Measure("m1", "x", Phase.PROACTIVE, {"ka"}, due=due)])
    >>> b = Analysis("rsa-b", "B", measures=[Measure("m1", "y", Phase.REACTIVE, {"kb"}, due=due)])
    >>> [str(entry.ref) for entry in FollowUpRegister([b, a]).overdue(date(2025, 7, 1))]
    ['rsa-a/m1', 'rsa-b/m1']
    """

    analyses: tuple[Analysis, ...] = attrs.field(
        converter=_sort_analyses, validator=_unique_analyses
    )

    def analysis(self, analysis_id: str) -> Analysis:
        """The analysis with id *analysis_id*.

        Raises:
            KeyError: if there is no such analysis in the register.
        """
        for a in self.analyses:
            if a.id == analysis_id:
                return a
        msg = f"no analysis with id {analysis_id!r} in the register"
        raise KeyError(msg)

    def status(self, ref: MeasureRef | str, as_of: date) -> MeasureStatus | None:
        """The status on *as_of* of the measure *ref* (``"analysis-id/measure-id"``).

        Raises:
            KeyError: if the analysis or the measure is unknown.
        """
        key = MeasureRef.parse(ref) if isinstance(ref, str) else ref
        return self.analysis(key.analysis).status(key.measure, as_of)

    def snapshot(self, as_of: date) -> dict[MeasureRef, MeasureStatus | None]:
        """Every measure's status on *as_of*, keyed by ``analysis-id/measure-id``."""
        return {
            MeasureRef(a.id, measure_id): status
            for a in self.analyses
            for measure_id, status in a.snapshot(as_of).items()
        }

    def overdue(self, as_of: date) -> tuple[MeasureEntry, ...]:
        """Every analysis's overdue measures on *as_of*, tagged with the analysis id."""
        return tuple(MeasureEntry(a.id, m) for a in self.analyses for m in a.overdue(as_of))

    def follow_ups_due(
        self, as_of: date, within: timedelta = timedelta(0)
    ) -> tuple[MeasureEntry, ...]:
        """Every analysis's :meth:`Analysis.follow_ups_due`, tagged with the analysis id."""
        return tuple(
            MeasureEntry(a.id, m) for a in self.analyses for m in a.follow_ups_due(as_of, within)
        )

    def by_responsible(self, as_of: date) -> tuple[ResponsibleSummary, ...]:
        """One summary per responsible actor across all analyses, sorted by actor id.

        Counts add up over the analyses; overdue references are listed analysis by
        analysis.
        """
        return merge_summaries(s for a in self.analyses for s in a.by_responsible(as_of))

    def progress(self, as_of: date) -> Progress:
        """Progress on *as_of* over every measure of every analysis."""
        total = Progress(as_of)
        for a in self.analyses:
            total += a.progress(as_of)
        return total

    def progress_over(self, days: Iterable[date]) -> tuple[Progress, ...]:
        """:meth:`progress` on each of *days*, in the order given."""
        return tuple(self.progress(day) for day in days)

    def to_records(self, as_of: date) -> list[dict[str, object]]:
        """One flat dict per measure of every analysis, for ``pandas.DataFrame``.

        The rows of :meth:`Analysis.to_records`, analysis after analysis.
        """
        return [row for a in self.analyses for row in a.to_records(as_of)]
