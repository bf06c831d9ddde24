"""Geographic areas: the nation, a county or a municipality."""

from __future__ import annotations

from typing import ClassVar

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model.geography._data import County, Municipality, county, municipality

__all__ = ["Area", "AreaKind"]


class AreaKind(LabelledEnum):
    """What kind of area an :class:`Area` is."""

    NATION = ("nation", "Riket", "Nation")
    COUNTY = ("county", "Län", "County")
    MUNICIPALITY = ("municipality", "Kommun", "Municipality")


def _known_code(instance: Area, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        msg = f"code: expected a string, got {value!r}"
        raise TypeError(msg)
    if value == Area.NATION_CODE:
        return
    try:
        if len(value) == 2:
            county(value)
        else:
            municipality(value)
    except KeyError as exc:
        msg = f"code: {exc.args[0]}"
        raise ValueError(msg) from None


@attrs.frozen
class Area:
    """The nation (``"SE"``), a county (two digits) or a municipality (four digits).

    The code must exist in the shipped geography.

    >>> Area("0180").name, Area("01").kind, Area.nation().name
    ('Stockholm', AreaKind.COUNTY, 'Sverige')
    >>> Area("0180").within(Area("01"))
    True
    """

    NATION_CODE: ClassVar[str] = "SE"

    code: str = attrs.field(validator=_known_code)

    @classmethod
    def nation(cls) -> Area:
        """The whole of Sweden."""
        return cls(cls.NATION_CODE)

    @property
    def kind(self) -> AreaKind:
        """Whether this is the nation, a county or a municipality."""
        if self.code == self.NATION_CODE:
            return AreaKind.NATION
        return AreaKind.COUNTY if len(self.code) == 2 else AreaKind.MUNICIPALITY

    @property
    def name(self) -> str:
        """The official name (``"Sverige"`` for the nation)."""
        place = self.place
        return "Sverige" if place is None else place.name

    @property
    def place(self) -> County | Municipality | None:
        """The county or municipality record, or ``None`` for the nation."""
        kind = self.kind
        if kind is AreaKind.NATION:
            return None
        return county(self.code) if kind is AreaKind.COUNTY else municipality(self.code)

    @property
    def county_code(self) -> str | None:
        """The code of the county this area is or lies in (``None`` for the nation)."""
        kind = self.kind
        if kind is AreaKind.NATION:
            return None
        return self.code if kind is AreaKind.COUNTY else municipality(self.code).county_code

    def within(self, other: Area) -> bool:
        """Whether this area lies inside (or is) *other*."""
        if other.kind is AreaKind.NATION or other == self:
            return True
        return other.kind is AreaKind.COUNTY and self.county_code == other.code
