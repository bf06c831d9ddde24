"""Activation: decisions that switch a collaboration structure between modes.

A structure runs in normal mode (normalläge) until a body decides to activate it
(aktivering); a later decision takes it back to normal mode. Each decision is an
:class:`Activation` on the structure's timeline (:attr:`Structure.activations`), and
:meth:`Structure.mode_at` replays them. Times are naive datetimes in Swedish local time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime

import attrs

from samverkan_model._validators import is_datetime, is_slug, is_text
from samverkan_model.structure.bodies import BodyKind
from samverkan_model.structure.levels import Mode

__all__ = ["ACTIVATING_KINDS", "Activation", "mode_at", "sort_activations"]

ACTIVATING_KINDS: frozenset[BodyKind] = frozenset(
    {
        BodyKind.MANAGEMENT_GROUP,
        BodyKind.DELEGATION,
        BodyKind.PARTNERSHIP,
        BodyKind.ISF,
        BodyKind.COORDINATION_GROUP,
        BodyKind.COLLABORATION_GROUP,
        BodyKind.STANDBY_FUNCTION,
    }
)
"""The kinds of body that may decide to switch a structure's mode.

Bodies that take decisions (management groups, delegations, partnerships, the ISF,
coordination and collaboration groups) may, and so may standby functions: the RSIB or the
county board's duty officer (TiB) is who activates joint work at short notice. Offices,
committees, conferences, analysis groups, dialogue forums, ISK contacts and ISF support
do not: they prepare and propose, but the switch is someone else's decision.
"""


@attrs.frozen
class Activation:
    """A decision, at a moment, that the structure runs in *mode* from then on.

    Activating is ``mode=Mode.ACTIVATED``; going back to normal mode is an activation
    with ``mode=Mode.NORMAL``.

    Args:
        on: When the decision takes effect (naive datetime, Swedish local time).
        mode: The mode the structure runs in from *on*.
        decided_by: The id of the body that decided it.
        reason: Why, in plain words.

    >>> from datetime import datetime
    >>> Activation(datetime(2025, 3, 4, 10), Mode.ACTIVATED, "rsib", "storm").mode.label("en")
    'Activated mode'
    """

    on: datetime = attrs.field(validator=is_datetime)
    mode: Mode = attrs.field(validator=attrs.validators.instance_of(Mode))
    decided_by: str = attrs.field(validator=is_slug)
    reason: str = attrs.field(default="", validator=is_text)

    @property
    def sort_key(self) -> tuple[datetime, bool, str, str]:
        """The order activations are kept in: by time, then normal before activated.

        At the same moment an activation to activated mode sorts last, so it is the one
        that holds (see :func:`mode_at`); the decider and reason only make the order total.
        """
        return (self.on, self.mode is Mode.ACTIVATED, self.decided_by, self.reason)


def _activation_key(activation: Activation) -> tuple[datetime, bool, str, str]:
    return activation.sort_key


def sort_activations(items: Iterable[Activation]) -> tuple[Activation, ...]:
    """The activations as a tuple in canonical order (see :attr:`Activation.sort_key`).

    When an item is not an activation, the items are returned unsorted so that the
    structure's field validator can refuse it with its index.
    """
    values: tuple[object, ...] = tuple(items)
    good = [a for a in values if isinstance(a, Activation)]
    if len(good) < len(values):
        return values  # type: ignore[return-value]  # refused by the field validator
    return tuple(sorted(good, key=_activation_key))


def mode_at(activations: Sequence[Activation], at: datetime) -> Mode:
    """The mode set by the latest of *activations* at or before *at* (normal before any).

    *activations* must be in canonical order, as :attr:`Structure.activations` is.

    Raises:
        TypeError: if *at* is not a naive datetime.

    >>> from datetime import datetime
    >>> timeline = [Activation(datetime(2025, 3, 4, 10), Mode.ACTIVATED, "rsib")]
    >>> mode_at(timeline, datetime(2025, 3, 4, 9, 59)), mode_at(timeline, datetime(2025, 3, 4, 10))
    (Mode.NORMAL, Mode.ACTIVATED)
    """
    value: object = at  # checked at run time: callers may pass a date
    if not isinstance(value, datetime) or value.tzinfo is not None:
        msg = f"at: expected a naive datetime (Swedish local time), got {at!r}"
        raise TypeError(msg)
    index = bisect_right(activations, at, key=lambda a: a.on)
    return Mode.NORMAL if index == 0 else activations[index - 1].mode
