"""Meeting cadences for recurring bodies such as the weekly collaboration conference."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from samverkan_model._labels import check_lang
from samverkan_model._validators import is_date
from samverkan_model.structure.levels import Mode

if TYPE_CHECKING:
    from collections.abc import Iterable

    from samverkan_model.periods import Period

__all__ = ["WEEKDAYS", "Cadence"]

WEEKDAYS: tuple[tuple[str, str], ...] = (
    ("måndag", "Monday"),
    ("tisdag", "Tuesday"),
    ("onsdag", "Wednesday"),
    ("torsdag", "Thursday"),
    ("fredag", "Friday"),
    ("lördag", "Saturday"),
    ("söndag", "Sunday"),
)
"""Weekday names (Swedish, English), Monday first as in :meth:`datetime.date.weekday`."""


def _weekday(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 6:
        msg = f"{attribute.name}: expected a weekday 0 (Monday) to 6 (Sunday), got {value!r}"
        raise ValueError(msg)


def _weekdays(instance: object, attribute: attrs.Attribute[Any], value: frozenset[int]) -> None:
    for day in value:
        _weekday(instance, attribute, day)


def _int_set(items: Iterable[int]) -> frozenset[int]:
    return frozenset(items)


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"{attribute.name}: expected a positive whole number, got {value!r}"
        raise ValueError(msg)


@attrs.frozen
class Cadence:
    """When a body meets: a weekday and time, every *every_weeks* weeks.

    In activated mode a body may meet more often: *activated_weekdays* lists the weekdays
    it meets on then (at the same time of day). Times are Swedish local time.

    Args:
        weekday: 0 (Monday) to 6 (Sunday).
        at: The time of day the meeting starts.
        every_weeks: 1 for weekly, 2 for every other week, ...
        activated_weekdays: Weekdays of meetings in activated mode (empty: as in normal mode).
        anchor: Any day in a week the body meets in. With *every_weeks* above 1 it fixes
            which weeks those are, so the same meetings are found whatever period is asked
            about; without it the first matching weekday of the asked period starts the
            count.

    >>> from datetime import date, time
    >>> from samverkan_model import Cadence, Mode, Period
    >>> weekly = Cadence(weekday=1, at=time(9, 0), activated_weekdays={0, 1, 2, 3, 4})
    >>> [d.isoformat() for d in weekly.occurrences(Period(date(2025, 3, 1), date(2025, 3, 15)))]
    ['2025-03-04T09:00:00', '2025-03-11T09:00:00']
    >>> len(weekly.occurrences(Period(date(2025, 3, 3), date(2025, 3, 10)), Mode.ACTIVATED))
    5
    """

    weekday: int = attrs.field(validator=_weekday)
    at: time = attrs.field(validator=attrs.validators.instance_of(time))
    every_weeks: int = attrs.field(default=1, validator=_positive)
    activated_weekdays: frozenset[int] = attrs.field(
        default=frozenset(), converter=_int_set, validator=_weekdays
    )
    anchor: date | None = attrs.field(default=None, validator=is_date)

    def occurrences(self, period: Period, mode: Mode = Mode.NORMAL) -> tuple[datetime, ...]:
        """Every meeting start in *period* (a closed date period), in order.

        In normal mode the body meets on its weekday every *every_weeks* weeks: in the
        weeks a whole number of *every_weeks* from the *anchor*'s week, or, without an
        anchor, counting from the first matching weekday on or after the period's start.
        In activated mode, with *activated_weekdays* set, the body meets on each of those
        weekdays every week.

        Raises:
            ValueError: if *period* is open-ended.
        """
        if period.end is None:
            msg = "occurrences: the period must have an end"
            raise ValueError(msg)
        if mode is Mode.ACTIVATED and self.activated_weekdays:
            days = sorted(self.activated_weekdays)
            step = 1
        else:
            days = [self.weekday]
            step = self.every_weeks
        out: list[datetime] = []
        for weekday in days:
            first = period.start + timedelta(days=(weekday - period.start.weekday()) % 7)
            if self.anchor is not None and step > 1:
                # The meeting in the anchor's week, then whole cycles of *step* weeks
                # forward to the first one on or after the period's start.
                meeting = self.anchor + timedelta(days=weekday - self.anchor.weekday())
                cycle = 7 * step
                first = meeting + timedelta(days=-((meeting - period.start).days // cycle) * cycle)
            day: date = first
            while day < period.end:
                out.append(datetime.combine(day, self.at))
                day += timedelta(weeks=step)
        return tuple(sorted(out))

    def describe(self, lang: str = "sv") -> str:
        """A short description, e.g. ``"varje tisdag 09:00"`` or ``"every Tuesday 09:00"``.

        Raises:
            ValueError: if *lang* is neither ``"sv"`` nor ``"en"``.
        """
        sv, en = WEEKDAYS[self.weekday]
        clock = self.at.strftime("%H:%M")
        if check_lang(lang) == "sv":
            every = "varje" if self.every_weeks == 1 else f"var {self.every_weeks}:e vecka,"
            return f"{every} {sv} {clock}"
        every = "every" if self.every_weeks == 1 else f"every {self.every_weeks} weeks on"
        return f"{every} {en} {clock}"
