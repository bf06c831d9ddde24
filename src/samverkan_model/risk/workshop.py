"""How the workshop was run and what it agreed: method, follow-up and exclusions."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

import attrs

from samverkan_model._validators import is_date, is_text, non_blank, optional_slug
from samverkan_model.risk.values import LivingCondition

__all__ = ["FollowUpAgreement", "Method", "NotRelevant"]


@attrs.frozen
class Method:
    """The risk-analysis method a workshop used.

    Any RSA method will do as long as it starts from the protected values (det
    skyddsvärda); :meth:`Analysis.validate` warns when *builds_on_protected_values* is false.

    Args:
        name: The method's name, e.g. "Krisberedskap - för social hållbarhet".
        builds_on_protected_values: Whether it starts from the protected values.
        description: How it was applied.

    >>> Method("Krisberedskap - för social hållbarhet").builds_on_protected_values
    True
    """

    name: str = attrs.field(validator=non_blank)
    builds_on_protected_values: bool = attrs.field(
        default=True, validator=attrs.validators.instance_of(bool)
    )
    description: str = attrs.field(default="", validator=is_text)


def _positive_or_none(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"{attribute.name}: expected a whole number of months of at least 1, got {value!r}"
        raise ValueError(msg)


def _add_months(day: date, months: int) -> date:
    # Same day of the month, moved back to the month's last day where it is shorter.
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@attrs.frozen
class FollowUpAgreement:
    """The follow-up the workshop agreed on: a first date and, optionally, a cadence.

    Args:
        on: The first follow-up date.
        every_months: How many months apart later follow-ups are (``None``: only once).
        by: The id of the actor or body that calls the follow-up.
        note: Anything else agreed (format, who attends).

    >>> agreed = FollowUpAgreement(date(2025, 3, 15), every_months=6)
    >>> [d.isoformat() for d in agreed.dates(until=date(2026, 6, 30))]
    ['2025-03-15', '2025-09-15', '2026-03-15']
    """

    on: date = attrs.field(validator=is_date)
    every_months: int | None = attrs.field(default=None, validator=_positive_or_none)
    by: str | None = attrs.field(default=None, validator=optional_slug)
    note: str = attrs.field(default="", validator=is_text)

    def dates(self, until: date) -> tuple[date, ...]:
        """Every agreed follow-up date from :attr:`on` up to and including *until*."""
        if self.every_months is None:
            return (self.on,) if self.on <= until else ()
        out: list[date] = []
        step = 0
        while (day := _add_months(self.on, step * self.every_months)) <= until:
            out.append(day)
            step += 1
        return tuple(out)

    def next_on_or_after(self, day: date) -> date | None:
        """The first agreed follow-up date on or after *day* (``None``: there is none).

        >>> FollowUpAgreement(date(2025, 3, 15), every_months=6).next_on_or_after(
        ...     date(2025, 4, 1))
        datetime.date(2025, 9, 15)
        """
        if self.every_months is None:
            return self.on if self.on >= day else None
        months = (day.year - self.on.year) * 12 + day.month - self.on.month
        step = max(0, months // self.every_months - 1)
        while (candidate := _add_months(self.on, step * self.every_months)) < day:
            step += 1
        return candidate


@attrs.frozen
class NotRelevant:
    """A living condition the workshop judged not relevant, and why.

    Args:
        living_condition: The living condition.
        reason: Why it was judged not relevant; must not be empty.

    >>> NotRelevant(LivingCondition.PHYSICAL_MOBILITY, "Behandlades i förra årets analys").reason
    'Behandlades i förra årets analys'
    """

    living_condition: LivingCondition = attrs.field(
        validator=attrs.validators.instance_of(LivingCondition)
    )
    reason: str = attrs.field(validator=non_blank)
