"""Decisions taken by collaboration bodies."""

from __future__ import annotations

from datetime import date

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import is_date, is_slug, is_text, optional_slug

__all__ = ["Decision", "DecisionKind", "MeasureRef"]


class DecisionKind(LabelledEnum):
    """What a decision settles."""

    DIRECTION = ("direction", "Inriktning", "Direction")
    COORDINATION = ("coordination", "Samordning", "Coordination")
    BUDGET = ("budget", "Budget", "Budget")
    STAFFING = ("staffing", "Bemanning", "Staffing")


@attrs.frozen(order=True)
class MeasureRef:
    """A reference to a measure in an analysis (measure ids are unique only per analysis).

    Written in files as ``"analysis-id/measure-id"``.

    >>> MeasureRef.parse("rsa-2025/m1")
    MeasureRef(analysis='rsa-2025', measure='m1')
    >>> str(MeasureRef("rsa-2025", "m1"))
    'rsa-2025/m1'
    """

    analysis: str = attrs.field(validator=is_slug)
    measure: str = attrs.field(validator=is_slug)

    @classmethod
    def parse(cls, text: str) -> MeasureRef:
        """Read ``"analysis-id/measure-id"``.

        Raises:
            ValueError: if *text* is not two slugs separated by one ``/``.
        """
        analysis, sep, measure = text.partition("/")
        if not sep:
            msg = f"{text!r} is not a measure reference of the form 'analysis-id/measure-id'"
            raise ValueError(msg)
        return cls(analysis, measure)

    def __str__(self) -> str:
        return f"{self.analysis}/{self.measure}"


def _measure_refs(value: object) -> tuple[MeasureRef, ...]:
    items = [MeasureRef.parse(v) if isinstance(v, str) else v for v in value]  # type: ignore[attr-defined]
    return tuple(sorted(items))


@attrs.frozen
class Decision:
    """A decision taken by a body on a date (e.g. an inriktningsbeslut).

    Args:
        id: A slug id, unique among the structure's decisions.
        kind: Direction, coordination, budget or staffing.
        body: The id of the body that took it.
        decided_on: The date it was taken.
        proposed_by: The id of the body that proposed it, if any.
        text: What was decided.
        measures: The measures it commissions, as :class:`MeasureRef` or
            ``"analysis-id/measure-id"`` strings.
    """

    id: str = attrs.field(validator=is_slug)
    kind: DecisionKind = attrs.field(validator=attrs.validators.instance_of(DecisionKind))
    body: str = attrs.field(validator=is_slug)
    decided_on: date = attrs.field(validator=is_date)
    proposed_by: str | None = attrs.field(default=None, validator=optional_slug)
    text: str = attrs.field(default="", validator=is_text)
    measures: tuple[MeasureRef, ...] = attrs.field(default=(), converter=_measure_refs)
