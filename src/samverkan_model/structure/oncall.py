"""Who is on standby when: queries over on-call rosters."""

from __future__ import annotations

import itertools
from datetime import datetime, time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samverkan_model.periods import Period
    from samverkan_model.structure.staffing import OnCallRoster

__all__ = ["gaps_between", "on_call", "roster_gaps", "roster_overlaps"]

Span = tuple[datetime, datetime]


def on_call(roster: OnCallRoster, at: datetime) -> str | None:
    """The person on standby at *at*; where shifts overlap, the one that started last."""
    current = None
    for shift in roster.shifts:
        if shift.start > at:
            break
        if at < shift.end:
            current = shift.person
    return current


def _window(period: Period) -> Span:
    if period.end is None:
        msg = "period: roster gaps need a period with an end"
        raise ValueError(msg)
    return datetime.combine(period.start, time()), datetime.combine(period.end, time())


def _levels(roster: OnCallRoster, start: datetime, end: datetime) -> list[tuple[datetime, int]]:
    """How many people are on standby from each change time on, inside ``[start, end)``."""
    changes: dict[datetime, int] = {start: 0, end: 0}
    for shift in roster.shifts:
        lo, hi = max(shift.start, start), min(shift.end, end)
        if lo >= hi:
            continue
        changes[lo] = changes.get(lo, 0) + 1
        changes[hi] = changes.get(hi, 0) - 1
    level = 0
    out = []
    for moment in sorted(changes):
        level += changes[moment]
        out.append((moment, level))
    return out


def _spans(levels: list[tuple[datetime, int]], bad: object) -> tuple[Span, ...]:
    spans: list[Span] = []
    for (moment, level), (following, _) in itertools.pairwise(levels):
        if bad(level):  # type: ignore[operator]
            if spans and spans[-1][1] == moment:
                spans[-1] = (spans[-1][0], following)
            else:
                spans.append((moment, following))
    return tuple(spans)


def gaps_between(roster: OnCallRoster, start: datetime, end: datetime) -> tuple[Span, ...]:
    """The maximal spans of ``[start, end)`` with fewer than ``roster.min_people`` on standby."""
    return _spans(_levels(roster, start, end), lambda n: n < roster.min_people)


def roster_gaps(roster: OnCallRoster, period: Period) -> tuple[Span, ...]:
    """The maximal spans of *period* with fewer than ``roster.min_people`` on standby."""
    return gaps_between(roster, *_window(period))


def roster_overlaps(roster: OnCallRoster) -> tuple[Span, ...]:
    """The maximal spans with more than ``roster.min_people`` on standby at once."""
    span = roster.span
    if span is None:
        return ()
    return _spans(_levels(roster, *span), lambda n: n > roster.min_people)
