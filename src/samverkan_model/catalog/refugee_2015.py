"""The Stockholm county board's coordination of the region's actors in the 2015 refugee influx.

In the autumn of 2015 many more refugees than ever before came to the Stockholm region;
most organisations activated their crisis management, and regional collaboration was
strengthened from November. The county board coordinated the actors through a
coordinating function, and a joint analysis group studied the long-term effects. The
organisations are real; the people, and the exact days, are invented for the example.
"""

from __future__ import annotations

import functools

from samverkan_model.catalog._build import (
    municipality_actor,
    period,
    persons,
    relations,
    seats,
    slug,
)
from samverkan_model.geography import Area, municipalities
from samverkan_model.structure import (
    Actor,
    Body,
    BodyKind,
    GovernanceLevel,
    Membership,
    Mode,
    OrganisationKind,
    Relation,
    RelationKind,
    Role,
    Structure,
)

__all__ = [
    "ANALYSIS_GROUP",
    "ANALYSIS_PERIOD",
    "COORDINATING_FUNCTION",
    "COORDINATION_PERIOD",
    "COUNTY_BOARD",
    "stockholm_refugee_coordination_2015",
]

L = GovernanceLevel
K = OrganisationKind

COUNTY_BOARD = "lansstyrelsen-stockholm"
"""Id of Länsstyrelsen Stockholm, which coordinated the actors."""
COORDINATING_FUNCTION = "koordinerande-funktionen"
"""Id of the coordinating function for the refugee situation."""
ANALYSIS_GROUP = "analysgruppen"
"""Id of the joint analysis group for long-term effects."""
COORDINATION_PERIOD = period("2015-11-02", "2016-07-01")
"""The coordinating function's life: from the strengthening in November 2015."""
ANALYSIS_PERIOD = period("2015-11-16", "2016-04-01")
"""The analysis group's life, ending with its deliverables."""

# The organisations beside the 26 municipalities: (id, name, kind, level, county code).
_ACTORS: tuple[tuple[str, str, K, L, str | None], ...] = (
    (COUNTY_BOARD, "Länsstyrelsen Stockholm", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, "01"),
    # The county council became Region Stockholm only in 2019.
    ("stockholms-lans-landsting", "Stockholms läns landsting", K.REGION, L.REGIONAL, "01"),
    ("migrationsverket", "Migrationsverket", K.GOVERNMENT_AGENCY, L.CENTRAL, None),
    ("arbetsformedlingen", "Arbetsförmedlingen", K.GOVERNMENT_AGENCY, L.CENTRAL, None),
)

_HEAD = ("Per Viklund", COUNTY_BOARD)  # heads the coordinating function

# The analysis group's staff: (name, lending actor, role, from, to). Migrationsverket's
# analyst is replaced half-way through.
_ANALYSTS: tuple[tuple[str, str, Role, str, str], ...] = (
    ("Helena Borg", COUNTY_BOARD, Role.HEAD, "2015-11-16", "2016-04-01"),
    ("Tobias Ekström", "stockholms-stad", Role.MEMBER, "2015-11-16", "2016-04-01"),
    ("Linnea Falk", "stockholms-lans-landsting", Role.MEMBER, "2015-11-16", "2016-04-01"),
    ("Magnus Hellström", "migrationsverket", Role.MEMBER, "2015-11-16", "2016-02-01"),
    ("Annika Roos", "migrationsverket", Role.MEMBER, "2016-02-01", "2016-04-01"),
    ("Camilla Berg", "arbetsformedlingen", Role.MEMBER, "2015-11-16", "2016-04-01"),
    ("David Söderström", "sodertalje-kommun", Role.MEMBER, "2015-11-16", "2016-04-01"),
    ("Nina Åberg", "botkyrka-kommun", Role.MEMBER, "2015-11-23", "2016-04-01"),
)


def _bodies() -> list[Body]:
    activated = frozenset({Mode.ACTIVATED})
    return [
        Body(
            COORDINATING_FUNCTION,
            "Koordinerande funktion för flyktingsituationen",
            BodyKind.COORDINATION_GROUP,
            L.REGIONAL,
            host=COUNTY_BOARD,
            mandate="Coordinates and supports the region's actors in the refugee situation, "
            "on short-term and long-term questions, following the actors' working model "
            "for crisis coordination.",
            active_in=activated,
            period=COORDINATION_PERIOD,
        ),
        Body(
            ANALYSIS_GROUP,
            "Aktörsgemensam analysgrupp",
            BodyKind.ANALYSIS_GROUP,
            L.REGIONAL,
            host=COUNTY_BOARD,
            mandate="Analyses the long-term effects and how the actors should meet them "
            "together; delivers a joint analysis of the long-term challenges and a proposal "
            "for a long-term working method and its staffing.",
            active_in=activated,
            period=ANALYSIS_PERIOD,
        ),
    ]


@functools.cache
def stockholm_refugee_coordination_2015() -> Structure:
    """The county board's coordination of the Stockholm region's actors, 2015-2016.

    Länsstyrelsen Stockholm leads a coordinating function in which the county's 26
    municipalities, the county council (Stockholms läns landsting), Migrationsverket and
    Arbetsförmedlingen take part; a joint analysis group of people lent by the actors
    reports to it. Both bodies are active only in activated mode, so
    ``in_mode(Mode.NORMAL)`` keeps the actors and drops the bodies. Municipalities and the
    county council raise their questions to the coordinating function. Built once and
    cached (it is immutable).

    >>> from samverkan_model import Mode
    >>> from samverkan_model.catalog import stockholm_refugee_coordination_2015
    >>> crisis = stockholm_refugee_coordination_2015()
    >>> crisis.escalation_path("analysgruppen")
    ('analysgruppen', 'koordinerande-funktionen')
    >>> crisis.in_mode(Mode.NORMAL).bodies
    ()
    """
    others = [
        Actor(i, name, kind, level, None if area is None else Area(area))
        for i, name, kind, level, area in _ACTORS
    ]
    local = [municipality_actor(m.code) for m in municipalities("01")]
    members = [a.id for a in [*local, *others] if a.id != COUNTY_BOARD]
    raising = [a.id for a in [*local, *others] if a.level < L.CENTRAL and a.id != COUNTY_BOARD]
    head, lender = _HEAD
    memberships = [
        Membership(slug(head), COORDINATING_FUNCTION, Role.HEAD, COORDINATION_PERIOD, lender),
        *seats(members, COORDINATING_FUNCTION, Role.MEMBER, COORDINATION_PERIOD),
        *(
            Membership(slug(name), ANALYSIS_GROUP, role, period(start, end), by)
            for name, by, role, start, end in _ANALYSTS
        ),
    ]
    return Structure(
        "Flyktingsituationen i Stockholms län 2015",
        actors=[*local, *others],
        bodies=_bodies(),
        persons=persons([head, *(row[0] for row in _ANALYSTS)]),
        memberships=memberships,
        relations=[
            Relation(COUNTY_BOARD, COORDINATING_FUNCTION, RelationKind.LEADS, COORDINATION_PERIOD),
            Relation(
                ANALYSIS_GROUP, COORDINATING_FUNCTION, RelationKind.REPORTS_TO, ANALYSIS_PERIOD
            ),
            *relations(
                raising, COORDINATING_FUNCTION, RelationKind.ESCALATES_TO, COORDINATION_PERIOD
            ),
        ],
    )
