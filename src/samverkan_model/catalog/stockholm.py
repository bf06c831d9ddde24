"""Samverkan Stockholmsregionen: the Stockholm region's standing collaboration structure.

The organisations and bodies follow the collaboration's own description of itself; the
people, their secondments, the standby roster and the decisions are invented for the
example (the structure is real, the names are not).
"""

from __future__ import annotations

import functools
from datetime import time

from samverkan_model.catalog._build import (
    day,
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
    Cadence,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
    Membership,
    Mode,
    OrganisationKind,
    Relation,
    RelationKind,
    Role,
    Structure,
    weekly_rotation,
)

__all__ = [
    "COUNTY_BOARD",
    "MANAGEMENT_GROUP",
    "OFFICE",
    "OFFICE_CATEGORIES",
    "OFFICE_RULE_PERIOD",
    "RSIB",
    "stockholm_region",
]

L = GovernanceLevel
K = OrganisationKind

COUNTY_BOARD = "lansstyrelsen-stockholm"
"""Id of Länsstyrelsen Stockholm, the county administrative board."""
MANAGEMENT_GROUP = "regionala-chefsgruppen"
"""Id of the regional management group (Regionala chefsgruppen)."""
COORDINATION_GROUP = "regionala-samordningsgruppen"
OFFICE = "samordningskansliet"
"""Id of the coordination office (Samordningskansliet)."""
RSIB = "rsib"
"""Id of the RSIB standby function (regional collaboration coordinator on standby)."""
TIB = "tib"
RKK = "rkk"
CONFERENCE = "samverkanskonferensen"
ISF = "regional-isf"
ISF_SUPPORT = "regionalt-isf-stod"

OFFICE_CATEGORIES = frozenset({"kommun", "trafik", "blaljus"})
"""The actor categories the office always wants present at the same time."""
OFFICE_RULE_PERIOD = period("2025-01-01", "2027-01-01")
"""The span the office's coverage rule is checked over."""

_SINCE = period("2025-01-01")

# The organisations named beside the 26 municipalities:
# (id, name, kind, level, county code or None, competence categories).
_ACTORS: tuple[tuple[str, str, K, L, str | None, frozenset[str]], ...] = (
    (COUNTY_BOARD, "Länsstyrelsen Stockholm", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, "01",
     frozenset()),
    # Region Stockholm runs the public transport and the ambulance service.
    ("region-stockholm", "Region Stockholm", K.REGION, L.REGIONAL, "01",
     frozenset({"trafik", "blaljus"})),
    ("polisregion-stockholm", "Polisregion Stockholm", K.GOVERNMENT_AGENCY, L.REGIONAL, None,
     frozenset({"blaljus"})),
    ("storstockholms-brandforsvar", "Storstockholms brandförsvar", K.MUNICIPAL_ASSOCIATION,
     L.SUBREGIONAL, None, frozenset({"blaljus"})),
    ("sodertorns-brandforsvarsforbund", "Södertörns brandförsvarsförbund",
     K.MUNICIPAL_ASSOCIATION, L.SUBREGIONAL, None, frozenset({"blaljus"})),
    ("brandkaren-attunda", "Brandkåren Attunda", K.MUNICIPAL_ASSOCIATION, L.SUBREGIONAL, None,
     frozenset({"blaljus"})),
    ("sos-alarm", "SOS Alarm", K.COMPANY, L.CENTRAL, None, frozenset({"blaljus"})),
    ("trafikverket", "Trafikverket", K.GOVERNMENT_AGENCY, L.CENTRAL, None,
     frozenset({"trafik"})),
    ("stockholms-hamnar", "Stockholms Hamnar", K.COMPANY, L.REGIONAL, None,
     frozenset({"trafik"})),
    ("kustbevakningen", "Kustbevakningen", K.GOVERNMENT_AGENCY, L.CENTRAL, None,
     frozenset({"blaljus"})),
    ("forsvarsmakten-militarregion-mitt", "Försvarsmakten, Militärregion Mitt",
     K.GOVERNMENT_AGENCY, L.REGIONAL, None, frozenset()),
)  # fmt: skip

_COMMITTEES: tuple[tuple[str, str, str], ...] = (
    ("arbetsgrupp-lagesbild", "Arbetsgrupp lägesbild och informationsdelning",
     "Develops how the actors share information and compile the regional situation picture."),
    ("arbetsgrupp-framkomlighet", "Arbetsgrupp framkomlighet och transporter",
     "Prepares joint measures that keep roads, public transport and ports running."),
    ("arbetsgrupp-ovning", "Arbetsgrupp övning och utbildning",
     "Plans joint exercises and training for the actors' staff."),
)  # fmt: skip

_CHAIR = "Eva Sandberg"  # the county board's deputy head (länsöverdirektör)
_HEAD = "Karin Dahl"  # head of coordination (samordningschef)

# People lent to the coordination office: (name, lending actor, from, to, committee led).
# The blue-light secondments leave a two-week gap in May 2026 (4 May to 18 May).
_OFFICE_STAFF: tuple[tuple[str, str, str, str, str | None], ...] = (
    ("Anna Lindgren", "stockholms-stad", "2025-01-01", "2025-09-01", "arbetsgrupp-lagesbild"),
    ("Johan Berglund", "huddinge-kommun", "2025-09-01", "2027-01-01", "arbetsgrupp-lagesbild"),
    ("Sara Nyström", "nacka-kommun", "2025-03-03", "2026-03-02", None),
    ("Elin Forsberg", "sodertalje-kommun", "2026-03-02", "2027-01-01", None),
    ("Erik Holm", "trafikverket", "2025-01-01", "2025-10-06", "arbetsgrupp-framkomlighet"),
    ("Maria Ek", "region-stockholm", "2025-10-06", "2026-04-06", "arbetsgrupp-framkomlighet"),
    ("Ola Björk", "stockholms-hamnar", "2026-04-06", "2027-01-01", "arbetsgrupp-framkomlighet"),
    ("Lena Sjöberg", "storstockholms-brandforsvar", "2025-01-01", "2026-05-04",
     "arbetsgrupp-ovning"),
    ("Mikael Strand", "polisregion-stockholm", "2026-05-18", "2027-01-01",
     "arbetsgrupp-ovning"),
)  # fmt: skip

# The RSIB pool, in rotation order: (name, lending actor).
_RSIB_POOL: tuple[tuple[str, str], ...] = (
    ("Fredrik Lund", "polisregion-stockholm"),
    ("Sofia Hedlund", "stockholms-stad"),
    ("Henrik Wall", "sodertorns-brandforsvarsforbund"),
    ("Emma Lindholm", "region-stockholm"),
    ("Jonas Palm", "trafikverket"),
    ("Ida Norén", "solna-stad"),
    ("Anders Blom", "brandkaren-attunda"),
    ("Malin Sund", "sollentuna-kommun"),
)
_RSIB_POOL_PERIOD = period("2025-01-01", "2027-01-01")
_RSIB_WEEKS = 52  # Monday 6 January 2025 08:00 to Monday 5 January 2026 08:00


def _actors() -> list[Actor]:
    others = [
        Actor(i, name, kind, level, None if area is None else Area(area), None, cats)
        for i, name, kind, level, area, cats in _ACTORS
    ]
    return [municipality_actor(m.code) for m in municipalities("01")] + others


def _bodies() -> list[Body]:
    b = BodyKind
    regional = L.REGIONAL
    activated = frozenset({Mode.ACTIVATED})
    return [
        Body(
            MANAGEMENT_GROUP,
            "Regionala chefsgruppen",
            b.MANAGEMENT_GROUP,
            regional,
            host=COUNTY_BOARD,
            mandate="Top managers of every actor: decides the budget, sets the direction of "
            "the joint work and secures staff for the coordination office.",
        ),
        Body(
            COORDINATION_GROUP,
            "Regionala samordningsgruppen",
            b.COORDINATION_GROUP,
            regional,
            mandate="Coordinates follow-up, analysis and proposals for direction decisions in "
            "shared areas and proposes work to the committees; each member carries out "
            "agreed improvements in its own organisation.",
        ),
        Body(
            OFFICE,
            "Samordningskansliet",
            b.COORDINATION_OFFICE,
            regional,
            mandate="Drives the joint work towards the agreed goals with people lent by the "
            "actors, aiming at municipal, transport and blue-light competence at all times.",
        ),
        *(
            Body(i, name, b.COMMITTEE, regional, mandate=mandate)
            for i, name, mandate in _COMMITTEES
        ),
        Body(
            RSIB,
            "Regional samverkanskoordinator i beredskap (RSIB)",
            b.STANDBY_FUNCTION,
            regional,
            mandate="A pool of people on weekly standby who lead and quality-assure the joint "
            "work when the system is activated and lead the weekly collaboration conference.",
        ),
        Body(
            TIB,
            "Tjänsteman i beredskap (TiB), Länsstyrelsen Stockholm",
            b.STANDBY_FUNCTION,
            regional,
            host=COUNTY_BOARD,
            mandate="The county board's duty officer; works closely with the RSIB.",
        ),
        Body(
            RKK,
            "Regional kommunikationskoordinator (RKK)",
            b.STANDBY_FUNCTION,
            regional,
            mandate="Makes sure the actors' communication can always be coordinated.",
        ),
        Body(
            CONFERENCE,
            "Samverkanskonferens",
            b.CONFERENCE,
            regional,
            mandate="Standing weekly meeting: actor reports, information sharing, "
            "collaboration needs and the regional situation picture.",
            cadence=Cadence(weekday=1, at=time(9, 0), activated_weekdays={0, 1, 2, 3, 4}),
        ),
        Body(
            ISF,
            "Regional inriktnings- och samordningsfunktion (ISF)",
            b.ISF,
            regional,
            host=COUNTY_BOARD,
            mandate="Convened in activated mode to agree on direction and coordination.",
            active_in=activated,
        ),
        Body(
            ISF_SUPPORT,
            "Regionalt ISF-stöd",
            b.ISF_SUPPORT,
            regional,
            host=COUNTY_BOARD,
            mandate="Prepares the ISF's decision material; takes no decisions itself.",
            active_in=activated,
        ),
    ]


def _memberships(actor_ids: list[str]) -> list[Membership]:
    r = Role
    out = [
        Membership(slug(_CHAIR), MANAGEMENT_GROUP, r.CHAIR, _SINCE, COUNTY_BOARD),
        *seats([a for a in actor_ids if a != COUNTY_BOARD], MANAGEMENT_GROUP, r.MEMBER, _SINCE),
        *seats(actor_ids, COORDINATION_GROUP, r.MEMBER, _SINCE),
        *seats(actor_ids, CONFERENCE, r.MEMBER, _SINCE),
        *seats(actor_ids, ISF, r.MEMBER, _SINCE),
        *seats([COUNTY_BOARD], ISF_SUPPORT, r.MEMBER, _SINCE),
        # The head of coordination runs the office and leads the coordination group.
        Membership(slug(_HEAD), OFFICE, r.HEAD, OFFICE_RULE_PERIOD, COUNTY_BOARD),
        Membership(slug(_HEAD), COORDINATION_GROUP, r.CHAIR, OFFICE_RULE_PERIOD, COUNTY_BOARD),
    ]
    for name, lender, start, end, committee in _OFFICE_STAFF:
        during = period(start, end)
        out.append(Membership(slug(name), OFFICE, r.COORDINATOR, during, lender))
        if committee is not None:
            out.append(Membership(slug(name), committee, r.CHAIR, during, lender))
    out.extend(
        Membership(slug(name), RSIB, r.COORDINATOR, _RSIB_POOL_PERIOD, lender)
        for name, lender in _RSIB_POOL
    )
    return out


def _relations(escalating: list[str]) -> list[Relation]:
    k = RelationKind
    committees = [i for i, _, _ in _COMMITTEES]
    return [
        *relations([COORDINATION_GROUP, OFFICE], MANAGEMENT_GROUP, k.REPORTS_TO),
        Relation(OFFICE, COORDINATION_GROUP, k.LEADS),
        *relations(committees, COORDINATION_GROUP, k.REPORTS_TO),
        *(Relation(OFFICE, c, k.LEADS) for c in committees),
        *relations([RSIB, RKK], OFFICE, k.PART_OF),
        *relations([RSIB, RKK], OFFICE, k.REPORTS_TO),
        *relations([TIB, RSIB, RKK], CONFERENCE, k.LEADS),
        Relation(TIB, RSIB, k.COORDINATES_WITH),
        Relation(CONFERENCE, COORDINATION_GROUP, k.ESCALATES_TO),
        Relation(CONFERENCE, ISF, k.SUPPORTS),
        Relation(RSIB, ISF_SUPPORT, k.LEADS),
        *relations([ISF_SUPPORT, RKK], ISF, k.SUPPORTS),
        Relation(ISF_SUPPORT, ISF, k.REPORTS_TO),
        # Questions from the local and sub-regional actors go to the coordination group.
        *relations(escalating, COORDINATION_GROUP, k.ESCALATES_TO),
    ]


def _decisions() -> list[Decision]:
    on = day("2025-12-09")
    return [
        Decision(
            "inriktning-2026",
            DecisionKind.DIRECTION,
            MANAGEMENT_GROUP,
            on,
            proposed_by=COORDINATION_GROUP,
            text="Direction for the joint work in 2026: situation picture, transport "
            "resilience and joint exercises.",
        ),
        Decision(
            "bemanning-kansliet-2026",
            DecisionKind.STAFFING,
            MANAGEMENT_GROUP,
            on,
            proposed_by=OFFICE,
            text="The actors lend people to the coordination office for 2026 so that "
            "municipal, transport and blue-light competence stays present.",
        ),
    ]


@functools.cache
def stockholm_region() -> Structure:
    """Samverkan Stockholmsregionen, the Stockholm region's joint collaboration structure.

    About forty actors run it together: the county's 26 municipalities, Länsstyrelsen
    Stockholm, Region Stockholm, Polisregion Stockholm, the three fire and rescue services,
    SOS Alarm, Trafikverket, Stockholms Hamnar, Kustbevakningen and the Armed Forces'
    central military region. The regional management group (chaired by the county board's
    deputy head) sets the direction; the coordination office, led by the head of
    coordination, reports to it and leads the coordination group and the committees. The
    RSIB pool, the county board's TiB and the RKK lead the weekly collaboration conference;
    the ISF and its support are active only in activated mode.

    The people are invented: the office borrows them from the actors over 2025-2026 with a
    two-week blue-light gap in May 2026, and the RSIB pool rotates weekly through 2025 with
    Monday 08:00 handovers. The structure is built once and cached (it is immutable).

    >>> from samverkan_model.catalog import stockholm_region
    >>> from samverkan_model.catalog.stockholm import OFFICE_RULE_PERIOD
    >>> region = stockholm_region()
    >>> region.escalation_path("sodertalje-kommun")
    ('sodertalje-kommun', 'regionala-samordningsgruppen', 'regionala-chefsgruppen')
    >>> [(str(g.period), sorted(g.missing)) for g in region.coverage_gaps(OFFICE_RULE_PERIOD)]
    [('[2026-05-04, 2026-05-18)', ['blaljus'])]
    """
    actors = _actors()
    actor_ids = [a.id for a in actors]
    escalating = [a.id for a in actors if a.level < L.REGIONAL]
    staff = [_CHAIR, _HEAD, *(row[0] for row in _OFFICE_STAFF)]
    pool = [(slug(name), lender) for name, lender in _RSIB_POOL]
    return Structure(
        "Samverkan Stockholmsregionen",
        actors=actors,
        bodies=_bodies(),
        persons=persons([*staff, *(name for name, _ in _RSIB_POOL)]),
        memberships=_memberships(actor_ids),
        relations=_relations(escalating),
        decisions=_decisions(),
        coverage_rules=[CoverageRule(OFFICE, OFFICE_CATEGORIES, OFFICE_RULE_PERIOD)],
        rosters=[weekly_rotation(pool, day("2025-01-01"), _RSIB_WEEKS, 0, time(8, 0), RSIB)],
    )
