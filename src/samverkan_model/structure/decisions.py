"""Decisions taken by collaboration bodies."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

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


def _measure_refs(value: Iterable[MeasureRef | str]) -> tuple[MeasureRef, ...]:
    # A bare string or a non-collection is left for ``_is_measure_refs`` to refuse by name.
    given: object = value
    if isinstance(given, str) or not isinstance(given, Iterable):
        return given  # type: ignore[return-value]
    items: list[object] = []
    for v in given:
        if isinstance(v, str):
            try:
                v = MeasureRef.parse(v)  # noqa: PLW2901
            except ValueError as exc:
                msg = f"measures: {exc}"
                raise ValueError(msg) from None
        items.append(v)
    refs = [v for v in items if isinstance(v, MeasureRef)]
    if len(refs) < len(items):
        return tuple(items)  # type: ignore[arg-type]
    return tuple(sorted(refs))


def _is_measure_refs(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        msg = f"measures: expected a collection of measure references, got {value!r}" + (
            f" (write [{value!r}])" if isinstance(value, str) else ""
        )
        raise TypeError(msg)
    for item in value:
        if not isinstance(item, MeasureRef):
            msg = f"measures: expected 'analysis-id/measure-id' references, got {item!r}"
            raise TypeError(msg)


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
    measures: tuple[MeasureRef, ...] = attrs.field(
        default=(), converter=_measure_refs, validator=_is_measure_refs
    )
