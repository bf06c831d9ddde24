"""Staffing rules and on-call rosters: competence coverage and standby shifts.

On-call times are naive datetimes in Swedish local time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

import attrs

from samverkan_model._validators import (
    is_datetime,
    is_slug,
    optional_slug,
    slug_set,
    str_set,
)
from samverkan_model.periods import Period

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["CoverageGap", "CoverageRule", "OnCallRoster", "Shift", "weekly_rotation"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"{attribute.name}: expected a positive whole number, got {value!r}"
        raise ValueError(msg)


def _some_categories(
    instance: object, attribute: attrs.Attribute[frozenset[str]], value: frozenset[str]
) -> None:
    slug_set(instance, attribute, value)
    if not value:
        msg = "categories: a coverage rule needs at least one category"
        raise ValueError(msg)


@attrs.frozen
class CoverageRule:
    """During *period*, *body* must at every moment have each category covered.

    A category is covered when at least *min_people* members of the body carry it, through
    the actor that lends them (``on_behalf_of``) or, for actor members, the actor itself.

    Args:
        body: The id of the body the rule is about.
        categories: The competence categories that must be present at the same time.
        period: When the rule applies (open-ended when its end is ``None``).
        min_people: How many members must carry each category.
    """

    body: str = attrs.field(validator=is_slug)
    categories: frozenset[str] = attrs.field(converter=str_set, validator=_some_categories)
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    min_people: int = attrs.field(default=1, validator=_positive)


@attrs.frozen
class CoverageGap:
    """A maximal span during which a body lacks some required categories.

    Attributes:
        period: The span of the gap.
        body: The id of the body.
        missing: The categories not covered during the whole span.
    """

    period: Period
    body: str
    missing: frozenset[str] = attrs.field(converter=str_set, validator=slug_set)


def _end_after_start(
    instance: Shift, attribute: attrs.Attribute[datetime], value: datetime
) -> None:
    if value <= instance.start:
        msg = f"end: {value.isoformat()} is not after start {instance.start.isoformat()}"
        raise ValueError(msg)


@attrs.frozen
class Shift:
    """One person's standby shift ``[start, end)`` (naive datetimes, Swedish local time).

    Args:
        person: The id of the person on standby.
        start: When the shift begins (e.g. Monday 08:00).
        end: When it is handed over.
        on_behalf_of: The id of the actor that lends the person.
    """

    person: str = attrs.field(validator=is_slug)
    start: datetime = attrs.field(validator=is_datetime)
    end: datetime = attrs.field(validator=[is_datetime, _end_after_start])
    on_behalf_of: str | None = attrs.field(default=None, validator=optional_slug)

    def covers(self, at: datetime) -> bool:
        """Whether the shift is running at *at*."""
        return self.start <= at < self.end


def _shift_key(shift: Shift) -> tuple[datetime, datetime, str]:
    return (shift.start, shift.end, shift.person)


def _sorted_shifts(shifts: Iterable[Shift]) -> tuple[Shift, ...]:
    return tuple(sorted(shifts, key=_shift_key))


@attrs.frozen
class OnCallRoster:
    """The standby shifts of one standby function (e.g. the RSIB pool, TiB or RKK).

    Args:
        function: The id of the standby-function body.
        shifts: The shifts, kept sorted by start.
        min_people: How many people must be on standby at once (1: a single-person standby,
            where two overlapping shifts are a finding).
    """

    function: str = attrs.field(validator=is_slug)
    shifts: tuple[Shift, ...] = attrs.field(default=(), converter=_sorted_shifts)
    min_people: int = attrs.field(default=1, validator=_positive)

    @property
    def span(self) -> tuple[datetime, datetime] | None:
        """From the first shift's start to the last shift's end, or ``None`` when empty."""
        if not self.shifts:
            return None
        return self.shifts[0].start, max(s.end for s in self.shifts)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def weekly_rotation(
    people: Sequence[str] | Sequence[tuple[str, str | None]],
    start: date,
    weeks: int,
    handover_weekday: int,
    handover_time: time,
    function: str,
) -> OnCallRoster:
    """A roster in which *people* take one week of standby each, in turn.

    The first shift starts at the first *handover_weekday* on or after *start*, at
    *handover_time*; each shift lasts seven days and is handed over to the next person.

    Args:
        people: Person ids, or ``(person id, lending actor id)`` pairs, in rotation order.
        start: The first day the rotation may start.
        weeks: How many weekly shifts to build.
        handover_weekday: 0 (Monday) to 6 (Sunday), as :meth:`datetime.date.weekday`.
        handover_time: The time of day of the handover.
        function: The id of the standby-function body.

    Raises:
        ValueError: if *people* is empty, *weeks* is negative or the weekday is out of range.

    >>> from datetime import date, time
    >>> roster = weekly_rotation(["anna", "bo"], date(2025, 1, 1), 3, 0, time(8), "rsib")
    >>> [(s.person, s.start.isoformat(timespec="hours")) for s in roster.shifts]
    [('anna', '2025-01-06T08'), ('bo', '2025-01-13T08'), ('anna', '2025-01-20T08')]
    """
    if not people:
        msg = "people: a rotation needs at least one person"
        raise ValueError(msg)
    if not _whole(weeks) or weeks < 0:
        msg = f"weeks: expected zero or more whole weeks, got {weeks!r}"
        raise ValueError(msg)
    if not _whole(handover_weekday) or not 0 <= handover_weekday <= 6:
        msg = f"handover_weekday: expected 0 (Monday) to 6 (Sunday), got {handover_weekday!r}"
        raise ValueError(msg)
    pairs = [(p, None) if isinstance(p, str) else p for p in people]
    first = start + timedelta(days=(handover_weekday - start.weekday()) % 7)
    begin = datetime.combine(first, handover_time)
    shifts = []
    for week in range(weeks):
        person, lender = pairs[week % len(pairs)]
        shift_start = begin + timedelta(weeks=week)
        shifts.append(Shift(person, shift_start, shift_start + timedelta(weeks=1), lender))
    return OnCallRoster(function, tuple(shifts))
