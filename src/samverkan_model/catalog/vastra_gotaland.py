"""Refugee reception in Västra Götaland: collaboration on four levels.

Newcomers' establishment is run by several sector agencies together with the
municipalities; the county board promotes regional collaboration (Lag (2010:197) 4 §).
Collaboration runs on four levels: a national delegation, a regional partnership, a
sub-regional body in each of the four municipal-association areas and, locally, dialogue
forums and the local agreements Arbetsförmedlingen signs with each municipality.

The association membership table is embedded here (the four kommunalförbund and their
member municipalities, by official code), so the package needs no data file for it.
Dates are not given by the sources; memberships and agreements run from the start of the
establishment reform on 1 December 2010 and are left open.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from samverkan_model.catalog._build import (
    municipality_actor,
    period,
    relations,
    seats,
)
from samverkan_model.geography import Area
from samverkan_model.structure import (
    WORK_AREAS,
    Actor,
    Agreement,
    AgreementKind,
    Body,
    BodyKind,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Relation,
    RelationKind,
    Role,
    Structure,
)

__all__ = [
    "ASSOCIATIONS",
    "CENTRAL_DELEGATION",
    "COUNTY_BOARD",
    "LEGAL_BASIS",
    "REGIONAL_PARTNERSHIP",
    "Association",
    "vastra_gotaland_reception",
]

L = GovernanceLevel
K = OrganisationKind

COUNTY_BOARD = "lansstyrelsen-vastra-gotaland"
"""Id of Länsstyrelsen Västra Götaland, which leads the regional partnership."""
EMPLOYMENT_SERVICE = "arbetsformedlingen"
CENTRAL_DELEGATION = "central-samverkansdelegation"
"""Id of the national collaboration delegation (the central level)."""
REGIONAL_PARTNERSHIP = "regionalt-partnerskap"
"""Id of the regional partnership (the regional level)."""
LEGAL_BASIS = "Lag (2010:197) 4 §"
"""The county board's duty to promote regional collaboration on newcomers' establishment."""

_SINCE = period("2010-12-01")


class Association(NamedTuple):
    """A municipal association (kommunalförbund) of Västra Götaland and its area.

    Attributes:
        key: A short slug for the area, used in the ids of the area's bodies.
        area: The area's everyday name (``"Sjuhärad"``).
        id: The association's actor id.
        name: The association's name.
        org_number: Its organisation number, where known.
        body_kind: The kind of the area's sub-regional body (a partnership, or in Fyrbodal
            a collaboration group of municipal representatives).
        takes_part: Whether the association itself sits in the sub-regional body.
        members: The official codes of the member municipalities.
    """

    key: str
    area: str
    id: str
    name: str
    org_number: str | None
    body_kind: BodyKind
    takes_part: bool
    members: tuple[str, ...]

    @property
    def subregional_body(self) -> str:
        """The id of the area's sub-regional partnership or collaboration group."""
        return f"delregional-samverkan-{self.key}"

    @property
    def subregional_name(self) -> str:
        """The name of the area's sub-regional body."""
        if self.body_kind is BodyKind.PARTNERSHIP:
            return f"Delregionalt partnerskap {self.area}"
        return f"Samverkansgrupp {self.area}"

    @property
    def dialogue_forum(self) -> str:
        """The id of the area's local dialogue forum."""
        return f"dialogforum-{self.key}"


_P = BodyKind.PARTNERSHIP
ASSOCIATIONS: tuple[Association, ...] = (
    # Kungsbacka (1384) lies in Hallands län but is a member of Göteborgsregionen.
    Association("goteborgsregionen", "Göteborgsregionen", "goteborgsregionen",
                "Göteborgsregionen (GR)", None, _P, True,
                ("1440", "1489", "1480", "1401", "1384", "1482", "1441",
                 "1462", "1481", "1402", "1415", "1419", "1407")),
    Association("sjuharad", "Sjuhärad", "borasregionen-sjuharads-kommunalforbund",
                "Boråsregionen Sjuhärads kommunalförbund", None, _P, True,
                ("1443", "1490", "1466", "1463", "1465", "1452", "1491", "1442")),
    Association("skaraborg", "Skaraborg", "skaraborgs-kommunalforbund",
                "Skaraborgs kommunalförbund", "222000-2188", _P, False,
                ("1445", "1499", "1444", "1447", "1471", "1497", "1446",
                 "1494", "1493", "1495", "1496", "1472", "1498", "1473", "1470")),
    Association("fyrbodal", "Fyrbodal", "fyrbodals-kommunalforbund",
                "Fyrbodals kommunalförbund", None, BodyKind.COLLABORATION_GROUP, False,
                ("1460", "1438", "1439", "1484", "1461", "1430", "1421",
                 "1427", "1486", "1435", "1488", "1485", "1487", "1492")),
)  # fmt: skip
"""The four municipal associations (kommunalförbund) of Västra Götaland and their members."""

# Organisations beside the municipalities and associations: (id, name, kind, level, area).
_ACTORS: tuple[tuple[str, str, K, L, str | None], ...] = (
    (EMPLOYMENT_SERVICE, "Arbetsförmedlingen", K.GOVERNMENT_AGENCY, L.CENTRAL, None),
    ("migrationsverket", "Migrationsverket", K.GOVERNMENT_AGENCY, L.CENTRAL, None),
    ("skr", "Sveriges Kommuner och Regioner (SKR)", K.INTEREST_ORGANISATION, L.CENTRAL, None),
    (COUNTY_BOARD, "Länsstyrelsen Västra Götaland", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL,
     "14"),
    ("region-vastra-gotaland", "Region Västra Götaland", K.REGION, L.REGIONAL, "14"),
)  # fmt: skip

_WORK_AREAS = frozenset(WORK_AREAS)


def _actors(members: dict[str, list[Actor]]) -> list[Actor]:
    out = [
        Actor(i, name, kind, level, None if area is None else Area(area))
        for i, name, kind, level, area in _ACTORS
    ]
    for a in ASSOCIATIONS:
        out.append(
            Actor(
                a.id,
                a.name,
                K.MUNICIPAL_ASSOCIATION,
                L.SUBREGIONAL,
                org_number=a.org_number,
                categories={"kommun"},
            )
        )
        out.extend(members[a.id])
    return out


def _bodies() -> list[Body]:
    out = [
        Body(
            CENTRAL_DELEGATION,
            "Central samverkansdelegation",
            BodyKind.DELEGATION,
            L.CENTRAL,
            host=EMPLOYMENT_SERVICE,
            mandate="National collaboration on newcomers' establishment, led by "
            "Arbetsförmedlingen with the county boards, Migrationsverket and SKR.",
            work_areas=_WORK_AREAS,
        ),
        Body(
            REGIONAL_PARTNERSHIP,
            "Regionalt partnerskap Västra Götaland",
            BodyKind.PARTNERSHIP,
            L.REGIONAL,
            host=COUNTY_BOARD,
            mandate="Representatives of the actors in establishment, led by the county "
            "leadership; brings the county's strategic questions to the national level.",
            legal_basis=(LEGAL_BASIS,),
            work_areas=_WORK_AREAS,
        ),
    ]
    for a in ASSOCIATIONS:
        out.append(
            Body(
                a.subregional_body,
                a.subregional_name,
                a.body_kind,
                L.SUBREGIONAL,
                mandate="Analyses the sub-region's strategic questions, develops collaboration "
                "in the five work areas, raises what matters to the partnership and the "
                "national level and supplies the county board with follow-up material.",
                work_areas=_WORK_AREAS,
            )
        )
        out.append(
            Body(
                a.dialogue_forum,
                f"Dialogmöten i {a.area}",
                BodyKind.DIALOGUE_FORUM,
                L.LOCAL,
                mandate=f"Dialogue between the municipalities of {a.area} and Arbetsförmedlingen.",
            )
        )
    return out


def _memberships(members: dict[str, list[Actor]]) -> list[Membership]:
    r = Role
    out = [
        Membership(EMPLOYMENT_SERVICE, CENTRAL_DELEGATION, r.CHAIR, _SINCE),
        *seats([COUNTY_BOARD, "migrationsverket", "skr"], CENTRAL_DELEGATION, r.MEMBER, _SINCE),
        Membership(COUNTY_BOARD, REGIONAL_PARTNERSHIP, r.CHAIR, _SINCE),
        *seats(
            [EMPLOYMENT_SERVICE, "migrationsverket", "region-vastra-gotaland"],
            REGIONAL_PARTNERSHIP,
            r.MEMBER,
            _SINCE,
        ),
    ]
    for a in ASSOCIATIONS:
        municipalities = [m.id for m in members[a.id]]
        # Fyrbodal's group is made of municipal representatives only; the partnerships
        # also seat the state actors, and in two areas the association itself.
        partners = municipalities
        if a.body_kind is BodyKind.PARTNERSHIP:
            partners = [*partners, EMPLOYMENT_SERVICE, COUNTY_BOARD]
        if a.takes_part:
            partners = [*partners, a.id]
        out += seats(partners, a.subregional_body, r.MEMBER, _SINCE)
        out += seats([*municipalities, EMPLOYMENT_SERVICE], a.dialogue_forum, r.MEMBER, _SINCE)
    return out


def _relations(members: dict[str, list[Actor]]) -> list[Relation]:
    k = RelationKind
    subregional = [a.subregional_body for a in ASSOCIATIONS]
    out = [
        Relation(EMPLOYMENT_SERVICE, CENTRAL_DELEGATION, k.LEADS),
        Relation(COUNTY_BOARD, REGIONAL_PARTNERSHIP, k.LEADS),
        Relation(REGIONAL_PARTNERSHIP, CENTRAL_DELEGATION, k.ESCALATES_TO),
        *relations(subregional, REGIONAL_PARTNERSHIP, k.ESCALATES_TO),
        # Sub-regional bodies supply the county board with material for its follow-up.
        *relations(subregional, COUNTY_BOARD, k.REPORTS_TO),
    ]
    for a in ASSOCIATIONS:
        municipalities = [m.id for m in members[a.id]]
        out.append(Relation(a.dialogue_forum, a.subregional_body, k.ESCALATES_TO))
        out += relations(municipalities, a.dialogue_forum, k.ESCALATES_TO)
        out += relations(municipalities, a.id, k.PART_OF)
    return out


def _agreements(municipalities: list[Actor]) -> list[Agreement]:
    return [
        Agreement(
            f"lokal-overenskommelse-{m.id}",
            {EMPLOYMENT_SERVICE, m.id},
            AgreementKind.LOCAL_AGREEMENT,
            _SINCE,
            f"Local agreement between Arbetsförmedlingen and {m.name} on collaboration "
            "in newcomers' establishment.",
        )
        for m in municipalities
    ]


@functools.cache
def vastra_gotaland_reception() -> Structure:
    """Refugee reception in Västra Götaland: national, regional, sub-regional and local.

    - **Central**: the national collaboration delegation, led by Arbetsförmedlingen, with
      the county boards (here Länsstyrelsen Västra Götaland), Migrationsverket and SKR.
    - **Regional**: the regional partnership, led by the county leadership, resting on
      Lag (2010:197) 4 §.
    - **Sub-regional**: partnerships in Göteborgsregionen, Sjuhärad and Skaraborg and a
      collaboration group of municipal representatives in Fyrbodal; in Göteborgsregionen
      and Sjuhärad the municipal association takes part too.
    - **Local**: a dialogue forum in each association area and a local agreement between
      Arbetsförmedlingen and every municipality.

    The four municipal associations are actors, and each of their 50 member municipalities
    (all 49 of Västra Götalands län plus Kungsbacka in Hallands län, a member of
    Göteborgsregionen) is ``PART_OF`` its association. Strategic questions travel upwards by
    ``ESCALATES_TO`` from municipality to dialogue forum, sub-regional body, regional
    partnership and the national delegation. Built once and cached (it is immutable).

    >>> from samverkan_model.catalog import vastra_gotaland_reception
    >>> reception = vastra_gotaland_reception()
    >>> reception.escalation_path("kungsbacka-kommun")[1:]
    ('dialogforum-goteborgsregionen', 'delregional-samverkan-goteborgsregionen', \
'regionalt-partnerskap', 'central-samverkansdelegation')
    """
    members = {a.id: [municipality_actor(code) for code in a.members] for a in ASSOCIATIONS}
    municipalities = [m for row in members.values() for m in row]
    return Structure(
        "Mottagande av nyanlända i Västra Götaland",
        actors=_actors(members),
        bodies=_bodies(),
        memberships=_memberships(members),
        relations=_relations(members),
        agreements=_agreements(municipalities),
    )
