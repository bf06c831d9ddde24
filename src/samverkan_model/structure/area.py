"""Geographic area responsibility (geografiskt områdesansvar).

The responsibility for an area is held at three levels at once: the municipality for its
own municipality (local level), the county administrative board for its county (regional
level) and the Government for the nation (central level). A higher level may support a
lower one, but never takes its responsibility over.

A structure states who holds it through its actors' ``area``, which is the area an actor
is responsible for:

* a :attr:`~OrganisationKind.MUNICIPALITY` actor whose area is its municipality holds the
  local responsibility there;
* a :attr:`~OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD` actor whose area is its county
  holds the regional responsibility there;
* an actor whose area is the whole nation (:meth:`Area.nation`) stands for the Government
  (Regeringen) and holds the national responsibility. Only the Government has the nation
  as its area: agencies with a national remit leave ``area`` empty.

Units (actors with ``part_of``) hold nothing themselves: the organisation they belong to
does. Other actors may carry an area (a region's healthcare area, for example) without
stating any area responsibility.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from samverkan_model._validators import slug_set, str_tuple
from samverkan_model.geography import Area, AreaKind
from samverkan_model.structure.actors import Actor, OrganisationKind
from samverkan_model.structure.levels import GovernanceLevel

__all__ = [
    "RESPONSIBLE_KIND",
    "RESPONSIBLE_LEVEL",
    "AreaResponsibility",
    "area_responsibility",
    "misplaced_responsibility",
]

RESPONSIBLE_LEVEL: dict[AreaKind, GovernanceLevel] = {
    AreaKind.MUNICIPALITY: GovernanceLevel.LOCAL,
    AreaKind.COUNTY: GovernanceLevel.REGIONAL,
    AreaKind.NATION: GovernanceLevel.CENTRAL,
}
"""The level at which the responsibility for each kind of area is held."""

RESPONSIBLE_KIND: dict[OrganisationKind, AreaKind] = {
    OrganisationKind.MUNICIPALITY: AreaKind.MUNICIPALITY,
    OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD: AreaKind.COUNTY,
}
"""The kind of area each area-responsible kind of organisation holds responsibility for."""


def _is_area(instance: object, attribute: attrs.Attribute[Area], value: object) -> None:
    if not isinstance(value, Area):
        msg = f"area: expected an Area, got {value!r}"
        raise TypeError(msg)


@attrs.frozen
class AreaResponsibility:
    """Who holds the geographic area responsibility for *area* at *level*.

    Attributes:
        area: The municipality, county or nation the responsibility is for.
        level: Local for a municipality, regional for a county, central for the nation.
        holders: Ids of the structure's actors that hold it, sorted; empty when the
            structure does not include the holder (at the national level that is the
            Government, which regional structures usually leave out).

    >>> from samverkan_model import catalog
    >>> region = catalog.stockholm_region()
    >>> [(r.area.code, r.level.value, r.holders) for r in region.area_responsibility("0180")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('0180', 'local', ('stockholms-stad',)),
     ('01', 'regional', ('lansstyrelsen-stockholm',)),
     ('SE', 'central', ())]
    """

    area: Area = attrs.field(validator=_is_area)
    level: GovernanceLevel = attrs.field(validator=attrs.validators.instance_of(GovernanceLevel))
    holders: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=slug_set)

    @property
    def held(self) -> bool:
        """Whether the structure names a holder."""
        return bool(self.holders)


def _stated_area_kind(actor: Actor) -> AreaKind | None:
    """The kind of area *actor* states it holds responsibility for (``None``: none)."""
    if actor.area is None or actor.part_of is not None:
        return None
    if actor.area.kind is AreaKind.NATION:
        return AreaKind.NATION
    if actor.kind in RESPONSIBLE_KIND:
        return actor.area.kind
    return None


def _holds(actor: Actor, area: Area) -> bool:
    """Whether *actor* holds the responsibility for *area* at that area's own level."""
    kind = _stated_area_kind(actor)
    if kind is None or actor.area != area or actor.level is not RESPONSIBLE_LEVEL[kind]:
        return False
    return kind is AreaKind.NATION or RESPONSIBLE_KIND[actor.kind] is kind


def _chain(area: Area) -> tuple[Area, ...]:
    """The areas whose responsibility covers *area*, from the local up to the nation."""
    if area.kind is AreaKind.NATION:
        return (area,)
    county = Area(area.code) if area.kind is AreaKind.COUNTY else Area(str(area.county_code))
    local = (area,) if area.kind is AreaKind.MUNICIPALITY else ()
    return (*local, county, Area.nation())


def area_responsibility(
    actors: Iterable[Actor], area: Area | str
) -> tuple[AreaResponsibility, ...]:
    """Who holds the responsibility for *area* at each level, from local up to central.

    A municipality gets three entries (the municipality, its county, the nation), a county
    two and the nation one. Only actors whose kind and level fit count as holders; an actor
    stated at the wrong level is a finding of :meth:`Structure.validate`
    (``area-responsibility-level``), never a holder.

    Raises:
        ValueError: if *area* is a code that is not in the shipped geography.
    """
    target = area if isinstance(area, Area) else Area(area)
    everyone = tuple(actors)
    return tuple(
        AreaResponsibility(
            part,
            RESPONSIBLE_LEVEL[part.kind],
            tuple(sorted(a.id for a in everyone if _holds(a, part))),
        )
        for part in _chain(target)
    )


def misplaced_responsibility(actors: Iterable[Actor]) -> Iterator[tuple[Actor, str]]:
    """Actors stated to hold area responsibility at a level that is not theirs, with why.

    A municipality stated for a county or the nation, a county board stated for a
    municipality or the nation, or any such actor (or one whose area is the nation) whose
    own level is not the level the responsibility is held at.
    """
    for actor in actors:
        kind = _stated_area_kind(actor)
        if kind is None or actor.area is None:
            continue
        area = actor.area
        level = RESPONSIBLE_LEVEL[kind]
        own = RESPONSIBLE_KIND.get(actor.kind)
        if own is not None and own is not kind:
            yield (
                actor,
                f"{actor.id!r} is a {actor.kind.value} but its area {area.code} "
                f"({area.name}) is a {kind.value}, whose area responsibility is held at the "
                f"{level.value} level by {_holder_name(kind)}",
            )
        elif actor.level is not level:
            yield (
                actor,
                f"{actor.id!r} is stated to hold area responsibility for {area.code} "
                f"({area.name}), which is held at the {level.value} level, but the actor "
                f"works at the {actor.level.value} level",
            )


def _holder_name(kind: AreaKind) -> str:
    return {
        AreaKind.MUNICIPALITY: "the municipality",
        AreaKind.COUNTY: "the county administrative board",
        AreaKind.NATION: "the Government",
    }[kind]
