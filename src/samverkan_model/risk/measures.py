"""Measures (åtgärder) and the append-only history their status is derived from.

A :class:`Measure` never stores its status. What was decided at each follow-up is a
:class:`StatusChange` event held by the analysis; the status on any day is the status of
the last event on or before that day. Which changes are allowed is the table
:data:`TRANSITIONS`; a forbidden change is still part of the record, and still sets the
status, but :meth:`Analysis.validate` reports it as the error ``illegal-status-transition``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import (
    is_date,
    is_slug,
    is_text,
    non_blank,
    optional_slug,
    slug_set,
    str_set,
)
from samverkan_model.risk._fields import condition_set, members_of
from samverkan_model.risk.values import LivingCondition, Phase

__all__ = [
    "TRANSITIONS",
    "Measure",
    "MeasureStatus",
    "StatusChange",
    "Transition",
    "transition",
]


class MeasureStatus(LabelledEnum):
    """Where a measure stands: planned, ongoing, on hold, implemented or cancelled.

    >>> MeasureStatus.IMPLEMENTED.label("sv"), MeasureStatus.IMPLEMENTED.is_closed
    ('Genomförd', True)
    """

    PLANNED = ("planned", "Planerad", "Planned")
    ONGOING = ("ongoing", "Pågående", "Ongoing")
    ON_HOLD = ("on-hold", "Vilande", "On hold")
    IMPLEMENTED = ("implemented", "Genomförd", "Implemented")
    CANCELLED = ("cancelled", "Avbruten", "Cancelled")

    @property
    def is_closed(self) -> bool:
        """Whether the measure needs no more work: implemented or cancelled."""
        return self in (MeasureStatus.IMPLEMENTED, MeasureStatus.CANCELLED)


class Transition(LabelledEnum):
    """Whether a change from one status to another is allowed."""

    ALLOWED = ("allowed", "Tillåten", "Allowed")
    NEEDS_NOTE = ("needs-note", "Kräver anteckning", "Needs a note")
    FORBIDDEN = ("forbidden", "Otillåten", "Forbidden")


def _table() -> Mapping[tuple[MeasureStatus, MeasureStatus], Transition]:
    s, t = MeasureStatus, Transition
    rows = {
        s.PLANNED: (t.ALLOWED, t.ALLOWED, t.ALLOWED, t.ALLOWED, t.ALLOWED),
        s.ONGOING: (t.NEEDS_NOTE, t.ALLOWED, t.ALLOWED, t.ALLOWED, t.ALLOWED),
        s.ON_HOLD: (t.ALLOWED, t.ALLOWED, t.ALLOWED, t.ALLOWED, t.ALLOWED),
        s.IMPLEMENTED: (t.NEEDS_NOTE, t.NEEDS_NOTE, t.FORBIDDEN, t.ALLOWED, t.FORBIDDEN),
        s.CANCELLED: (t.NEEDS_NOTE, t.NEEDS_NOTE, t.FORBIDDEN, t.FORBIDDEN, t.ALLOWED),
    }
    return MappingProxyType(
        {
            (before, after): rule
            for before, row in rows.items()
            for after, rule in zip(s, row, strict=True)
        }
    )


TRANSITIONS: Mapping[tuple[MeasureStatus, MeasureStatus], Transition] = _table()
"""Which status changes are allowed: ``TRANSITIONS[before, after]`` is a :class:`Transition`.

==============  =======  =======  =======  ===========  =========
before / after  planned  ongoing  on-hold  implemented  cancelled
==============  =======  =======  =======  ===========  =========
(no event)      yes      yes      yes      yes          yes
planned         yes      yes      yes      yes          yes
ongoing         note     yes      yes      yes          yes
on-hold         yes      yes      yes      yes          yes
implemented     note     note     no       yes          no
cancelled       note     note     no       no           yes
==============  =======  =======  =======  ===========  =========

*yes*: allowed; *note*: a reopening or a step back, allowed only with a note saying why;
*no*: never allowed (reopen the measure first). Repeating the current status is allowed:
it records that a follow-up confirmed it. A measure's first status may be anything, since
a workshop also lists measures that are already under way or done.
"""


def transition(before: MeasureStatus | None, after: MeasureStatus) -> Transition:
    """Whether a measure may go from *before* (``None``: no event yet) to *after*.

    >>> transition(MeasureStatus.IMPLEMENTED, MeasureStatus.PLANNED)
    Transition.NEEDS_NOTE
    >>> transition(None, MeasureStatus.IMPLEMENTED)
    Transition.ALLOWED
    """
    if before is None:
        return Transition.ALLOWED
    return TRANSITIONS[before, after]


def _responsible(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    slug_set(instance, attribute, value)
    if not value:
        msg = f"{attribute.name}: a measure needs at least one responsible actor id"
        raise ValueError(msg)


@attrs.frozen
class Measure:
    """A measure (åtgärd) agreed in the analysis, with a responsible party and follow-up.

    Its status is not stored here: it is derived from the analysis's history of
    :class:`StatusChange` events (see :meth:`Analysis.status`).

    Args:
        id: A slug id, unique within the analysis.
        title: What is to be done.
        phase: Proactive (strengthens living conditions while trust holds) or reactive
            (dampens consequences once trust has broken).
        responsible: The ids of the actors responsible; at least one.
        risks: The ids of the risks it addresses.
        living_conditions: The living conditions it strengthens.
        due: When it should be implemented.
        follow_up: When it is next followed up.
        description: More detail.
        link: An optional link to where the measure is tracked elsewhere.

    Raises:
        ValueError: if *responsible* is empty or an id is not a slug.

    >>> m = Measure("m1", "Läxhjälp på biblioteket", Phase.PROACTIVE, {"sodertalje-kommun"})
    >>> sorted(m.responsible)
    ['sodertalje-kommun']
    """

    id: str = attrs.field(validator=is_slug)
    title: str = attrs.field(validator=non_blank)
    phase: Phase = attrs.field(validator=attrs.validators.instance_of(Phase))
    responsible: frozenset[str] = attrs.field(converter=str_set, validator=_responsible)
    risks: frozenset[str] = attrs.field(default=frozenset(), converter=str_set, validator=slug_set)
    living_conditions: frozenset[LivingCondition] = attrs.field(
        default=frozenset(), converter=condition_set, validator=members_of(LivingCondition)
    )
    due: date | None = attrs.field(default=None, validator=is_date)
    follow_up: date | None = attrs.field(default=None, validator=is_date)
    description: str = attrs.field(default="", validator=is_text)
    link: str | None = attrs.field(default=None, validator=is_text)


@attrs.frozen
class StatusChange:
    """One event in a measure's follow-up history: on *on*, the status became *status*.

    Args:
        measure: The id of the measure (within the analysis).
        on: The day the status changed or was confirmed.
        status: The status from that day.
        note: Why, or what the follow-up found; required to reopen a measure.
        recorded_by: The id of the actor or person who recorded the change.

    >>> from datetime import date
    >>> StatusChange("m1", date(2025, 3, 10), MeasureStatus.ONGOING).status.label("en")
    'Ongoing'
    """

    measure: str = attrs.field(validator=is_slug)
    on: date = attrs.field(validator=is_date)
    status: MeasureStatus = attrs.field(validator=attrs.validators.instance_of(MeasureStatus))
    note: str = attrs.field(default="", validator=is_text)
    recorded_by: str | None = attrs.field(default=None, validator=optional_slug)

    def allowed_after(self, before: MeasureStatus | None) -> bool:
        """Whether this change is allowed when the measure's status was *before*.

        >>> from datetime import date
        >>> back = StatusChange("m1", date(2025, 5, 1), MeasureStatus.PLANNED)
        >>> back.allowed_after(MeasureStatus.IMPLEMENTED)
        False
        >>> attrs.evolve(back, note="Ny finansiering").allowed_after(MeasureStatus.IMPLEMENTED)
        True
        """
        rule = transition(before, self.status)
        if rule is Transition.NEEDS_NOTE:
            return bool(self.note.strip())
        return rule is Transition.ALLOWED
