"""Half-open date spans.

A :class:`Period` is the span ``[start, end)``: it contains ``start`` and every
day up to, but not including, ``end``. ``end=None`` means the period is still
open. Half-open spans make adjacency exact: a membership that ends on
1 March and one that starts on 1 March leave no gap and do not overlap.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from samverkan_model._validators import type_check

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Period"]


@type_check
def _is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # ``datetime`` is a subclass of ``date``; a period is made of whole days.
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"{attribute.name}: expected a date, got {value!r}"
        raise TypeError(msg)


def _end(instance: Period, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"end: expected a date, got {value!r}"
        raise TypeError(msg)
    if value < instance.start:
        msg = f"end: {value.isoformat()} is before start {instance.start.isoformat()}"
        raise ValueError(msg)


@attrs.frozen(order=False)
class Period:
    """A half-open span of days ``[start, end)``; ``end=None`` is open-ended.

    Args:
        start: The first day in the period.
        end: The first day *after* the period, or ``None`` while it is open.

    Raises:
        ValueError: if *end* is before *start*.

    >>> from datetime import date, datetime
    >>> spring = Period(date(2025, 1, 1), date(2025, 7, 1))
    >>> spring.contains(date(2025, 6, 30)), spring.contains(date(2025, 7, 1))
    (True, False)
    >>> spring.overlaps(Period(date(2025, 6, 1)))
    True
    """

    start: date = attrs.field(validator=_is_date)
    end: date | None = attrs.field(default=None, validator=_end)

    @property
    def is_open(self) -> bool:
        """Whether the period has no end yet."""
        return self.end is None

    @property
    def is_empty(self) -> bool:
        """Whether the period contains no day at all (``end == start``)."""
        return self.end == self.start

    def contains(self, day: date) -> bool:
        """Whether *day* lies in the period.

        Raises:
            TypeError: if *day* is a ``datetime`` (a period is made of whole days; use
                ``moment.date()``) or not a date at all.
        """
        value: object = day  # checked at run time: callers may pass anything
        if not isinstance(value, date) or isinstance(value, datetime):
            msg = f"expected a date, got {day!r}: a period is made of whole days"
            raise TypeError(msg)
        return self.start <= day and (self.end is None or day < self.end)

    def __contains__(self, day: object) -> bool:
        # ``in`` answers False for things that are not days at all, but a datetime is a
        # mistake worth a message rather than a silent answer.
        if not isinstance(day, date):
            return False
        return self.contains(day)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.intersection(other) is not None

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None`` when they share none."""
        start = max(self.start, other.start)
        ends = [e for e in (self.end, other.end) if e is not None]
        end = min(ends) if ends else None
        if end is not None and end <= start:
            return None
        return Period(start, end)

    def covers(self, other: Period) -> bool:
        """Whether every day of *other* lies in this period (an empty *other* always does)."""
        if other.is_empty:
            return True
        if other.start < self.start:
            return False
        if self.end is None:
            return True
        return other.end is not None and other.end <= self.end

    def days(self) -> int | None:
        """The number of days in the period, or ``None`` when it is open."""
        return None if self.end is None else (self.end - self.start).days

    def clip(self, horizon: date) -> Period:
        """This period with an open end closed at *horizon* (never before its start)."""
        if self.end is not None:
            return self
        return Period(self.start, max(horizon, self.start))

    @classmethod
    def span(cls, periods: Iterable[Period]) -> Period | None:
        """The smallest period covering all *periods*, or ``None`` for none."""
        items = list(periods)
        if not items:
            return None
        start = min(p.start for p in items)
        ends = [p.end for p in items]
        if any(e is None for e in ends):
            return cls(start)
        return cls(start, max(e for e in ends if e is not None))

    def __str__(self) -> str:
        end = "" if self.end is None else self.end.isoformat()
        return f"[{self.start.isoformat()}, {end})"
