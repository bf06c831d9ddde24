"""A deterministic, national-scale collaboration structure on Sweden's real geography.

:func:`national_structure` builds the whole country's collaboration structure: every
municipality with its crisis-management and collaboration groups, sub-regional
partnerships of municipal associations, each county board's regional partnership,
management group, coordination office, collaboration conference and standby functions,
and the central agencies' national delegation, with ten years (2015-2024) of
memberships, rosters and decisions.

At ``factor=1`` it has about 1,000 actors, 1,000 bodies, 20,000 memberships and 10,000
relations. The geography stays real at every factor: below 1 only a sample of the
municipalities (and their counties) takes part; above 1 every municipality does and the
other counts grow. The same ``(factor, seed)`` always gives the same structure; the
generator keeps all its state in one :class:`random.Random`.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from stdnum import luhn

from samverkan_model import (
    Actor,
    Agreement,
    AgreementKind,
    Area,
    Body,
    BodyKind,
    Cadence,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
    Membership,
    Mode,
    OnCallRoster,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Structure,
    weekly_rotation,
)
from samverkan_model import geography as geo

__all__ = [
    "END",
    "START",
    "Counts",
    "NationalPlan",
    "counts",
    "national_structure",
    "plan",
    "slugify",
]

START = date(2015, 1, 1)
"""The first day of the generated history."""
END = date(2025, 1, 1)
"""The day after the generated history (ten years after :data:`START`)."""

MANDATES = (
    Period(date(2015, 1, 1), date(2019, 1, 1)),
    Period(date(2019, 1, 1), date(2023, 1, 1)),
    Period(date(2023, 1, 1)),
)
"""Three mandate periods: many relations and agreements are renewed for each."""

_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """An id slug for a Swedish name: ``"Malung-Sälen"`` becomes ``"malung-salen"``."""
    return _NOT_SLUG.sub("-", text.lower().translate(_ASCII)).strip("-")


def _place(m: geo.Municipality) -> str:
    # Names can share a slug (Håbo and Habo): the code keeps ids unique.
    return f"{slugify(m.name)}-{m.code}"


@dataclass(frozen=True)
class Counts:
    """The sizes the generator aims at for one factor (actual sizes are close to these)."""

    actors: int
    bodies: int
    memberships: int
    relations: int
    municipalities: int
    decisions: int
    agreements: int
    rostered_functions: int


def counts(factor: float) -> Counts:
    """The target sizes at *factor* (1 is the national dataset)."""
    if factor <= 0:
        msg = f"factor: expected a positive number, got {factor!r}"
        raise ValueError(msg)
    return Counts(
        actors=round(1_000 * factor),
        bodies=round(1_000 * factor),
        memberships=round(20_000 * factor),
        relations=round(10_000 * factor),
        municipalities=min(290, max(2, round(290 * factor))),
        decisions=max(2, round(300 * factor)),
        agreements=max(1, round(600 * factor)),
        rostered_functions=max(1, round(21 * factor)),
    )


_AGENCIES: tuple[tuple[str, str, OrganisationKind, frozenset[str]], ...] = (
    (
        "msb",
        "Myndigheten för samhällsskydd och beredskap",
        OrganisationKind.GOVERNMENT_AGENCY,
        frozenset(),
    ),
    ("arbetsformedlingen", "Arbetsförmedlingen", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    ("migrationsverket", "Migrationsverket", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    (
        "polismyndigheten",
        "Polismyndigheten",
        OrganisationKind.GOVERNMENT_AGENCY,
        frozenset({"blaljus"}),
    ),
    ("trafikverket", "Trafikverket", OrganisationKind.GOVERNMENT_AGENCY, frozenset({"trafik"})),
    ("forsakringskassan", "Försäkringskassan", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    ("socialstyrelsen", "Socialstyrelsen", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    (
        "folkhalsomyndigheten",
        "Folkhälsomyndigheten",
        OrganisationKind.GOVERNMENT_AGENCY,
        frozenset(),
    ),
    ("skolverket", "Skolverket", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    ("boverket", "Boverket", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    (
        "kustbevakningen",
        "Kustbevakningen",
        OrganisationKind.GOVERNMENT_AGENCY,
        frozenset({"blaljus"}),
    ),
    ("forsvarsmakten", "Försvarsmakten", OrganisationKind.GOVERNMENT_AGENCY, frozenset()),
    (
        "transportstyrelsen",
        "Transportstyrelsen",
        OrganisationKind.GOVERNMENT_AGENCY,
        frozenset({"trafik"}),
    ),
    ("sos-alarm", "SOS Alarm", OrganisationKind.COMPANY, frozenset({"blaljus"})),
    (
        "skr",
        "Sveriges Kommuner och Regioner",
        OrganisationKind.INTEREST_ORGANISATION,
        frozenset({"kommun"}),
    ),
    ("svenska-kyrkan", "Svenska kyrkan", OrganisationKind.OTHER, frozenset()),
)

_FIRST = (
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Anders",
    "Eva",
    "Per",
    "Lena",
    "Nils",
    "Emma",
    "Oskar",
    "Ida",
    "Ali",
    "Fatima",
    "Mikael",
    "Elin",
    "Jonas",
)
_LAST = (
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Hassan",
    "Lindberg",
)

_ORG_GROUP = {
    OrganisationKind.MUNICIPALITY: "2",
    OrganisationKind.REGION: "2",
    OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD: "2",
    OrganisationKind.GOVERNMENT_AGENCY: "2",
    OrganisationKind.MUNICIPAL_ASSOCIATION: "2",
    OrganisationKind.COMPANY: "5",
    OrganisationKind.NON_PROFIT: "8",
}

_SEAT_ROLES = (
    Role.MEMBER,
    Role.MEMBER,
    Role.MEMBER,
    Role.SECRETARY,
    Role.COORDINATOR,
    Role.CONTACT,
)


@dataclass
class _Site:
    """The actors and bodies of one county, sub-region or municipality, as the build goes."""

    actors: list[Actor] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)


@dataclass
class NationalPlan:
    """What a generated structure is made of, with the handles the benchmarks need.

    Attributes:
        structure: The generated structure.
        municipality_actors: The ids of the municipalities' actors (escalation walks start
            there).
        analysis_areas: ``(analysis id prefix, municipality code, responsible actor ids)``
            per municipality, for the follow-up register generator.
    """

    structure: Structure
    municipality_actors: tuple[str, ...]
    analysis_areas: tuple[tuple[str, str, tuple[str, ...]], ...]


class _Builder:
    """Builds one national structure; all randomness comes from ``self.rng``."""

    def __init__(self, factor: float, seed: int) -> None:
        self.factor = factor
        self.rng = random.Random(seed)
        self.target = counts(factor)
        self.actors: dict[str, Actor] = {}
        self.bodies: dict[str, Body] = {}
        self.persons: dict[str, Person] = {}
        self.pool: dict[str, list[str]] = {}  # lender actor id -> person ids it lends
        self.memberships: list[Membership] = []
        self.membership_keys: set[tuple[object, ...]] = set()
        self.relations: list[Relation] = []
        self.relation_keys: set[tuple[object, ...]] = set()
        self.agreements: list[Agreement] = []
        self.decisions: list[Decision] = []
        self.rules: list[CoverageRule] = []
        self.rosters: list[OnCallRoster] = []
        self.org_serial = 0
        # Who may sit in a body: the actors whose people it draws on.
        self.seat_pool: dict[str, list[str]] = {}
        self.county_of_body: dict[str, str] = {}
        self.municipality_actor: dict[str, str] = {}  # municipality code -> actor id
        self.county_board: dict[str, str] = {}
        self.county_actors: dict[str, list[str]] = {}
        self.local_actors: dict[str, list[str]] = {}  # municipality code -> its other actors
        self.standby: list[str] = []
        self.deciders: list[tuple[str, str]] = []  # (deciding body, proposing body)
        self.offices: list[str] = []  # coordination offices: always under a coverage rule
        self.coverage_bodies: list[str] = []  # other bodies that may get one

    # -- small helpers ---------------------------------------------------------------------

    def org_number(self, kind: OrganisationKind) -> str | None:
        group = _ORG_GROUP.get(kind)
        if group is None:
            return None
        self.org_serial += 1
        digits = f"{group}{(21 if group == '2' else 56):02d}{self.org_serial:06d}"
        return f"{digits[:6]}-{digits[6:]}{luhn.calc_check_digit(digits)}"

    def actor(
        self,
        actor_id: str,
        name: str,
        kind: OrganisationKind,
        level: GovernanceLevel,
        area: Area | None = None,
        categories: frozenset[str] = frozenset(),
        part_of: str | None = None,
    ) -> str:
        if actor_id in self.actors:
            msg = f"generated actor id {actor_id!r} twice"
            raise AssertionError(msg)
        self.actors[actor_id] = Actor(
            actor_id, name, kind, level, area, self.org_number(kind), categories, part_of
        )
        return actor_id

    def body(
        self,
        body_id: str,
        name: str,
        kind: BodyKind,
        level: GovernanceLevel,
        host: str | None,
        pool: Sequence[str],
        county: str,
        **extra: object,
    ) -> str:
        if body_id in self.bodies or body_id in self.actors:
            msg = f"generated body id {body_id!r} twice"
            raise AssertionError(msg)
        self.bodies[body_id] = Body(body_id, name, kind, level, host, **extra)  # type: ignore[arg-type]
        self.seat_pool[body_id] = list(pool)
        self.county_of_body[body_id] = county
        return body_id

    def relate(
        self, source: str, target: str, kind: RelationKind, period: Period | None = None
    ) -> bool:
        key = (source, target, kind, None if period is None else period.start)
        if key in self.relation_keys or source == target:
            return False
        self.relation_keys.add(key)
        self.relations.append(Relation(source, target, kind, period))
        return True

    def person_from(self, lender: str) -> str:
        """A person lent by *lender*: one of its people, or a new one now and then."""
        people = self.pool.setdefault(lender, [])
        if people and self.rng.random() < 0.8:
            return self.rng.choice(people)
        person_id = f"person-{len(self.persons) + 1:06d}"
        name = f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"
        contact = f"{person_id}@example.se" if self.rng.random() < 0.5 else None
        self.persons[person_id] = Person(person_id, name, contact)
        people.append(person_id)
        return person_id

    def seat(
        self,
        body: str,
        member: str,
        role: Role,
        period: Period,
        on_behalf_of: str | None = None,
    ) -> bool:
        key = (body, member, role, period.start, on_behalf_of)
        if key in self.membership_keys:
            return False
        self.membership_keys.add(key)
        self.memberships.append(Membership(member, body, role, period, on_behalf_of))
        return True

    def terms(self, life: Period, longest: int = 4) -> Iterator[Period]:
        """Consecutive terms of one to *longest* years filling *life* (the last one open
        when *life* is)."""
        start = life.start
        end = life.end if life.end is not None else END
        while start < end:
            years = self.rng.randint(1, longest)
            stop = date(start.year + years, start.month, 1)
            if stop >= end:
                yield Period(start, life.end)
                return
            yield Period(start, stop)
            start = stop

    # -- the skeleton ------------------------------------------------------------------------

    def build(self) -> NationalPlan:
        chosen = self.choose_municipalities()
        by_county: dict[str, list[geo.Municipality]] = {}
        for m in chosen:
            by_county.setdefault(m.county_code, []).append(m)
        self.central()
        for code, munis in sorted(by_county.items()):
            self.county(code, munis)
        self.fill_actors()
        self.fill_bodies()
        self.seat_everyone()
        self.fill_relations()
        self.agree()
        self.decide()
        self.roster()
        structure = Structure(
            "Nationell samverkansstruktur",
            actors=tuple(self.actors.values()),
            bodies=tuple(self.bodies.values()),
            persons=tuple(self.persons.values()),
            memberships=tuple(self.memberships),
            relations=tuple(self.relations),
            agreements=tuple(self.agreements),
            decisions=tuple(self.decisions),
            coverage_rules=tuple(self.rules),
            rosters=tuple(self.rosters),
        )
        areas = tuple(
            (
                f"rsa-{_place(geo.municipality(code))}",
                code,
                (actor_id, *self.local_actors.get(code, [])[:3]),
            )
            for code, actor_id in sorted(self.municipality_actor.items())
        )
        return NationalPlan(structure, tuple(sorted(self.municipality_actor.values())), areas)

    def choose_municipalities(self) -> list[geo.Municipality]:
        everyone = list(geo.municipalities())
        n = self.target.municipalities
        if n >= len(everyone):
            return everyone
        return sorted(self.rng.sample(everyone, n), key=lambda m: m.code)

    def central(self) -> None:
        for agency_id, name, kind, categories in _AGENCIES:
            self.actor(agency_id, name, kind, GovernanceLevel.CENTRAL, Area.nation(), categories)
        national = [a[0] for a in _AGENCIES]
        self.body(
            "nationella-delegationen",
            "Nationella samverkansdelegationen",
            BodyKind.DELEGATION,
            GovernanceLevel.CENTRAL,
            "arbetsformedlingen",
            national,
            "SE",
            mandate="Inriktning för samverkan mellan staten, regionerna och kommunerna.",
            cadence=Cadence(weekday=3, at=time(10, 0), every_weeks=4),
        )
        self.body(
            "nationell-isf",
            "Nationell inriktnings- och samordningsfunktion",
            BodyKind.ISF,
            GovernanceLevel.CENTRAL,
            "msb",
            national,
            "SE",
            active_in=frozenset({Mode.ACTIVATED}),
        )
        self.body(
            "nationellt-samverkansforum",
            "Nationellt samverkansforum",
            BodyKind.COLLABORATION_GROUP,
            GovernanceLevel.CENTRAL,
            "msb",
            national,
            "SE",
        )
        self.relate(
            "nationellt-samverkansforum", "nationella-delegationen", RelationKind.REPORTS_TO
        )
        self.relate("msb", "nationell-isf", RelationKind.LEADS)
        self.relate("arbetsformedlingen", "nationella-delegationen", RelationKind.LEADS)
        self.deciders.append(("nationella-delegationen", "nationellt-samverkansforum"))

    def county(self, code: str, munis: list[geo.Municipality]) -> None:
        county = geo.county(code)
        short = slugify(county.name.removesuffix(" län"))
        area = Area(code)
        reg = GovernanceLevel.REGIONAL
        board = self.actor(
            f"lansstyrelsen-{short}",
            f"Länsstyrelsen i {county.name}",
            OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD,
            reg,
            area,
        )
        self.county_board[code] = board
        region = self.actor(
            f"region-{short}",
            f"Region {county.name}",
            OrganisationKind.REGION,
            reg,
            area,
            frozenset({"blaljus"}),
        )
        police = self.actor(
            f"polisen-{short}",
            f"Polisen, {county.name}",
            OrganisationKind.GOVERNMENT_AGENCY,
            reg,
            area,
            frozenset({"blaljus"}),
            "polismyndigheten",
        )
        roads = self.actor(
            f"trafikverket-{short}",
            f"Trafikverket, {county.name}",
            OrganisationKind.GOVERNMENT_AGENCY,
            reg,
            area,
            frozenset({"trafik"}),
            "trafikverket",
        )
        jobs = self.actor(
            f"arbetsformedlingen-{short}",
            f"Arbetsförmedlingen, {county.name}",
            OrganisationKind.GOVERNMENT_AGENCY,
            reg,
            area,
            part_of="arbetsformedlingen",
        )
        transit = self.actor(
            f"kollektivtrafik-{short}",
            f"Kollektivtrafiken i {county.name}",
            OrganisationKind.COMPANY,
            reg,
            area,
            frozenset({"trafik"}),
        )
        rescue = self.actor(
            f"raddningstjansten-{short}",
            f"Räddningstjänsten i {county.name}",
            OrganisationKind.MUNICIPAL_ASSOCIATION,
            GovernanceLevel.SUBREGIONAL,
            area,
            frozenset({"blaljus"}),
        )
        regional = [board, region, police, roads, jobs, transit, rescue]
        self.county_actors[code] = list(regional)

        def regional_body(suffix: str, name: str, kind: BodyKind, **extra: object) -> str:
            return self.body(
                f"{suffix}-{short}",
                f"{name}, {county.name}",
                kind,
                reg,
                board,
                regional,
                code,
                **extra,
            )

        partnership = regional_body(
            "regionalt-partnerskap",
            "Regionalt partnerskap",
            BodyKind.PARTNERSHIP,
            legal_basis=("Lag (2010:197) 4 §",),
            work_areas=frozenset(
                {"arbete", "utbildning", "samhallsorientering", "boende", "halsa"}
            ),
        )
        management = regional_body(
            "regionala-chefsgruppen",
            "Regionala chefsgruppen",
            BodyKind.MANAGEMENT_GROUP,
            mandate="Beslutar om budget och inriktning och säkrar bemanningen av kansliet.",
        )
        coordination = regional_body(
            "regional-samordningsgrupp", "Regional samordningsgrupp", BodyKind.COORDINATION_GROUP
        )
        office = regional_body(
            "samordningskansli", "Samordningskansliet", BodyKind.COORDINATION_OFFICE
        )
        conference = regional_body(
            "samverkanskonferens",
            "Samverkanskonferensen",
            BodyKind.CONFERENCE,
            cadence=Cadence(weekday=1, at=time(9, 0), activated_weekdays=frozenset(range(5))),
        )
        tib = regional_body("tib", "Tjänsteman i beredskap", BodyKind.STANDBY_FUNCTION)
        rsib = regional_body(
            "rsib", "Regional samverkanssamordnare i beredskap", BodyKind.STANDBY_FUNCTION
        )
        rkk = regional_body("rkk", "Regional kommunikationssamordnare", BodyKind.STANDBY_FUNCTION)
        isf = regional_body(
            "isf",
            "Inriktnings- och samordningsfunktion",
            BodyKind.ISF,
            active_in=frozenset({Mode.ACTIVATED}),
        )
        support = regional_body(
            "isf-stod", "ISF-stöd", BodyKind.ISF_SUPPORT, active_in=frozenset({Mode.ACTIVATED})
        )
        analysis = regional_body(
            "analysgrupp",
            "Analysgruppen för mottagandet",
            BodyKind.ANALYSIS_GROUP,
            period=Period(date(2015, 9, 1), date(2018, 1, 1)),
        )
        up = RelationKind.REPORTS_TO
        self.relate(partnership, "nationella-delegationen", RelationKind.ESCALATES_TO)
        self.relate(management, "nationella-delegationen", RelationKind.ESCALATES_TO)
        self.relate(isf, "nationell-isf", RelationKind.ESCALATES_TO)
        for lower, upper in (
            (coordination, management),
            (office, management),
            (conference, coordination),
            (tib, conference),
            (rsib, conference),
            (rkk, conference),
            (support, isf),
            (analysis, coordination),
        ):
            self.relate(lower, upper, up)
        self.relate(board, partnership, RelationKind.LEADS)
        self.relate(board, management, RelationKind.LEADS)
        self.relate(office, coordination, RelationKind.LEADS)
        self.relate(support, isf, RelationKind.SUPPORTS)
        self.standby.extend((rsib, tib, rkk))
        self.deciders.extend(((management, coordination), (isf, support)))
        self.offices.append(office)

        # Sub-regions: the county's municipalities in groups of about seven.
        groups = max(1, math.ceil(len(munis) / 7))
        for g in range(groups):
            members = munis[g::groups]
            self.subregion(code, short, g + 1, members, partnership, regional)

    def subregion(
        self,
        code: str,
        short: str,
        number: int,
        munis: list[geo.Municipality],
        partnership: str,
        regional: list[str],
    ) -> None:
        area = Area(code)
        sub = GovernanceLevel.SUBREGIONAL
        name = f"{geo.county(code).name.removesuffix(' län')} delregion {number}"
        association = self.actor(
            f"kommunalforbund-{short}-{number}",
            f"Kommunalförbundet {name}",
            OrganisationKind.MUNICIPAL_ASSOCIATION,
            sub,
            area,
            frozenset({"kommun"}),
        )
        municipality_ids = []
        for m in munis:
            municipality_ids.append(
                self.actor(
                    f"kommun-{_place(m)}",
                    f"{m.name} kommun",
                    OrganisationKind.MUNICIPALITY,
                    GovernanceLevel.LOCAL,
                    Area(m.code),
                    frozenset({"kommun"}),
                )
            )
            self.municipality_actor[m.code] = municipality_ids[-1]
            self.local_actors[m.code] = []
        pool = [association, *municipality_ids, regional[0]]
        # The county's coordination office borrows staff from its municipalities too.
        self.seat_pool[f"samordningskansli-{short}"].extend(municipality_ids)
        slug = f"{short}-{number}"
        partner = self.body(
            f"delregionalt-partnerskap-{slug}",
            f"Delregionalt partnerskap {name}",
            BodyKind.PARTNERSHIP,
            sub,
            association,
            pool,
            code,
            work_areas=frozenset({"arbete", "boende"}),
        )
        group = self.body(
            f"samverkansgrupp-{slug}",
            f"Samverkansgrupp {name}",
            BodyKind.COLLABORATION_GROUP,
            sub,
            association,
            pool,
            code,
        )
        forum = self.body(
            f"dialogforum-{slug}",
            f"Dialogforum {name}",
            BodyKind.DIALOGUE_FORUM,
            sub,
            association,
            pool,
            code,
            cadence=Cadence(weekday=2, at=time(13, 0), every_weeks=6),
        )
        self.relate(partner, partnership, RelationKind.ESCALATES_TO)
        self.relate(group, partner, RelationKind.REPORTS_TO)
        self.relate(forum, group, RelationKind.REPORTS_TO)
        self.relate(association, partner, RelationKind.LEADS)
        self.deciders.append((partner, group))
        for m, actor_id in zip(munis, municipality_ids, strict=True):
            mslug = _place(m)
            local_pool = [actor_id]
            crisis = self.body(
                f"krisledningsgrupp-{mslug}",
                f"Krisledningsgrupp {m.name}",
                BodyKind.MANAGEMENT_GROUP,
                GovernanceLevel.LOCAL,
                actor_id,
                local_pool,
                code,
            )
            local = self.body(
                f"lokal-samverkansgrupp-{mslug}",
                f"Lokal samverkansgrupp {m.name}",
                BodyKind.COLLABORATION_GROUP,
                GovernanceLevel.LOCAL,
                actor_id,
                local_pool,
                code,
            )
            self.coverage_bodies.append(local)
            self.relate(crisis, partner, RelationKind.ESCALATES_TO)
            self.relate(local, crisis, RelationKind.REPORTS_TO)
            self.relate(actor_id, partner, RelationKind.ESCALATES_TO)
            self.relate(actor_id, association, RelationKind.PART_OF)
            self.deciders.append((crisis, local))
            for other in municipality_ids:
                if other < actor_id:
                    for mandate in MANDATES:
                        self.relate(actor_id, other, RelationKind.COORDINATES_WITH, mandate)

    # -- filling up to the target sizes -------------------------------------------------------

    def fill_actors(self) -> None:
        codes = sorted(self.municipality_actor)
        kinds: tuple[tuple[OrganisationKind, str, frozenset[str]], ...] = (
            (OrganisationKind.COMPANY, "Bolag", frozenset({"trafik"})),
            (OrganisationKind.NON_PROFIT, "Förening", frozenset()),
            (OrganisationKind.NON_PROFIT, "Frivilligorganisation", frozenset({"blaljus"})),
            (OrganisationKind.OTHER, "Församling", frozenset()),
            (OrganisationKind.COMPANY, "Energibolag", frozenset()),
        )
        n = 0
        while len(self.actors) < self.target.actors:
            code = codes[n % len(codes)]
            kind, what, categories = kinds[self.rng.randrange(len(kinds))]
            m = geo.municipality(code)
            actor_id = self.actor(
                f"{slugify(what)}-{_place(m)}-{n // len(codes) + 1}",
                f"{what} {n // len(codes) + 1} i {m.name}",
                kind,
                GovernanceLevel.LOCAL,
                Area(code),
                categories,
            )
            self.local_actors[code].append(actor_id)
            mslug = _place(m)
            for body in (f"krisledningsgrupp-{mslug}", f"lokal-samverkansgrupp-{mslug}"):
                self.seat_pool[body].append(actor_id)
            n += 1

    def fill_bodies(self) -> None:
        codes = sorted(self.municipality_actor)
        n = 0
        while len(self.bodies) < self.target.bodies:
            code = codes[n % len(codes)]
            m = geo.municipality(code)
            mslug = _place(m)
            municipality = self.municipality_actor[code]
            serial = n // len(codes) + 1
            pool = [municipality, *self.local_actors[code]]
            choice = n % 5
            if choice == 0:
                # A regional working group of the county, led by the coordination office.
                county = m.county_code
                short = slugify(geo.county(county).name.removesuffix(" län"))
                body = self.body(
                    f"arbetsgrupp-{short}-{mslug}-{serial}",
                    f"Arbetsgrupp {serial} ({m.name}), {geo.county(county).name}",
                    BodyKind.COMMITTEE,
                    GovernanceLevel.REGIONAL,
                    self.county_board[county],
                    [*self.county_actors[county], municipality],
                    county,
                    period=Period(date(2017 + serial % 4, 1, 1), date(2023 + serial % 2, 1, 1)),
                )
                self.relate(body, f"regional-samordningsgrupp-{short}", RelationKind.REPORTS_TO)
                self.relate(f"samordningskansli-{short}", body, RelationKind.LEADS)
            elif choice == 1:
                body = self.body(
                    f"kommunal-beredskap-{mslug}-{serial}",
                    f"Kommunal beredskapsfunktion {serial} {m.name}",
                    BodyKind.STANDBY_FUNCTION,
                    GovernanceLevel.LOCAL,
                    municipality,
                    pool,
                    code,
                )
                self.relate(body, f"krisledningsgrupp-{mslug}", RelationKind.REPORTS_TO)
                self.standby.append(body)
            else:
                body = self.body(
                    f"lokal-arbetsgrupp-{mslug}-{serial}",
                    f"Lokal arbetsgrupp {serial} {m.name}",
                    BodyKind.COMMITTEE,
                    GovernanceLevel.LOCAL,
                    municipality,
                    pool,
                    code,
                )
                self.relate(body, f"lokal-samverkansgrupp-{mslug}", RelationKind.REPORTS_TO)
                if choice == 2:
                    self.coverage_bodies.append(body)
            n += 1

    def seat_everyone(self) -> None:
        """Give every body a chair chain and seats until the membership target is met."""
        bodies = sorted(self.bodies)
        # Coverage rules grow with the factor: the offices first, then bodies spread over
        # the country.
        wanted_rules = max(1, round(30 * self.factor))
        chosen = self.offices[:wanted_rules]
        rest = wanted_rules - len(chosen)
        if rest > 0:
            step = max(1, len(self.coverage_bodies) // rest)
            chosen += self.coverage_bodies[::step][:rest]
        ruled = set(chosen)
        for index, body_id in enumerate(bodies):
            body = self.bodies[body_id]
            life = body.period or Period(START)
            pool = self.seat_pool[body_id]
            # Spread what is still missing over the bodies still to seat.
            missing = self.target.memberships - len(self.memberships)
            wanted = round(missing / (len(bodies) - index))
            made = 0
            for term in self.terms(life):
                chair = self.rng.choice(pool)
                made += self.seat(body_id, self.person_from(chair), Role.CHAIR, term, chair)
            if body_id in ruled:
                made += self.cover(body_id, life, pool)
            tries = 0
            while made < wanted and tries < 4 * wanted:
                tries += 1
                lender = self.rng.choice(pool)
                as_person = self.rng.random() < 0.6
                role = self.rng.choice(_SEAT_ROLES) if as_person else Role.MEMBER
                for term in self.terms(self.random_start(life)):
                    if made >= wanted:
                        break
                    if as_person:
                        made += self.seat(body_id, self.person_from(lender), role, term, lender)
                    else:
                        made += self.seat(body_id, lender, role, term)

    def random_start(self, life: Period) -> Period:
        end = life.end if life.end is not None else END
        span = (end - life.start).days
        start = life.start + timedelta(days=self.rng.randrange(max(1, span // 2)))
        return Period(max(life.start, date(start.year, start.month, 1)), life.end)

    def cover(self, body_id: str, life: Period, pool: list[str]) -> int:
        """A coverage rule over the categories the body's pool can bring, mostly met."""
        bringers: dict[str, list[str]] = {}
        for actor_id in pool:
            for category in self.actors[actor_id].categories:
                bringers.setdefault(category, []).append(actor_id)
        if not bringers:
            return 0
        self.rules.append(CoverageRule(body_id, frozenset(bringers), life))
        made = 0
        for lenders in bringers.values():
            for term in self.terms(life, longest=3):
                lender = self.rng.choice(lenders)
                held = term
                # Now and then a seat starts a month late: a short, realistic gap.
                if self.rng.random() < 0.1 and term.start > life.start:
                    held = Period(term.start + timedelta(days=30), term.end)
                made += self.seat(body_id, self.person_from(lender), Role.MEMBER, held, lender)
        return made

    def fill_relations(self) -> None:
        counties = sorted(self.county_actors)
        partnerships = {c: self.partnership(c) for c in counties}
        locals_ = sorted(code for code in self.local_actors if self.local_actors[code])
        tries = 0
        limit = 20 * max(1, self.target.relations)
        while len(self.relations) < self.target.relations and tries < limit:
            tries += 1
            mandate = self.rng.choice(MANDATES)
            pick = self.rng.random()
            if pick < 0.3:
                agency = self.rng.choice(_AGENCIES)[0]
                self.relate(
                    agency, partnerships[self.rng.choice(counties)], RelationKind.SUPPORTS, mandate
                )
            elif pick < 0.5 or not locals_:
                county = self.rng.choice(counties)
                source, target = self.rng.sample(self.county_actors[county], 2)
                self.relate(source, target, RelationKind.COORDINATES_WITH, mandate)
            else:
                code = self.rng.choice(locals_)
                actor_id = self.rng.choice(self.local_actors[code])
                others = self.local_actors[code]
                roll = self.rng.random()
                if roll < 0.4 and len(others) > 1:
                    target = self.rng.choice(others)
                    self.relate(actor_id, target, RelationKind.COORDINATES_WITH, mandate)
                elif roll < 0.7:
                    target = self.municipality_actor[code]
                    self.relate(actor_id, target, RelationKind.COORDINATES_WITH, mandate)
                else:
                    mslug = _place(geo.municipality(code))
                    self.relate(
                        actor_id, f"lokal-samverkansgrupp-{mslug}", RelationKind.SUPPORTS, mandate
                    )

    def partnership(self, county: str) -> str:
        return f"regionalt-partnerskap-{slugify(geo.county(county).name.removesuffix(' län'))}"

    def agree(self) -> None:
        codes = sorted(self.municipality_actor)
        n = 0
        while len(self.agreements) < self.target.agreements:
            code = codes[n % len(codes)]
            mandate = MANDATES[(n // len(codes)) % len(MANDATES)]
            county = geo.municipality(code).county_code
            kind = AgreementKind.LOCAL_AGREEMENT if n % 4 else AgreementKind.STAFFING_AGREEMENT
            self.agreements.append(
                Agreement(
                    f"overenskommelse-{code}-{n + 1:06d}",
                    frozenset(
                        {
                            self.municipality_actor[code],
                            self.county_actors[county][4],  # the county's Arbetsförmedlingen
                        }
                    ),
                    kind,
                    mandate,
                    "Lokal överenskommelse om etablering av nyanlända",
                )
            )
            n += 1

    def decide(self) -> None:
        kinds = (DecisionKind.DIRECTION, DecisionKind.COORDINATION, DecisionKind.BUDGET)
        for n in range(self.target.decisions):
            body, proposer = self.deciders[n % len(self.deciders)]
            kind = DecisionKind.COORDINATION
            if self.bodies[body].kind is BodyKind.MANAGEMENT_GROUP:
                kind = kinds[n % len(kinds)]
            elif n % 2:
                kind = DecisionKind.DIRECTION
            day = START + timedelta(days=self.rng.randrange((END - START).days))
            self.decisions.append(
                Decision(
                    f"beslut-{n + 1:06d}",
                    kind,
                    body,
                    day,
                    proposer,
                    "Beslut om inriktning för det gemensamma arbetet.",
                )
            )

    def roster(self) -> None:
        for function in self.standby[: self.target.rostered_functions]:
            pool = self.seat_pool[function]
            people = []
            for _ in range(6):
                lender = self.rng.choice(pool)
                people.append((self.person_from(lender), lender))
            weeks = (END - START).days // 7
            self.rosters.append(weekly_rotation(people, START, weeks, 0, time(8, 0), function))


def plan(factor: float = 1.0, seed: int = 2015) -> NationalPlan:
    """Generate the national structure at *factor* together with its handles.

    Args:
        factor: How large: 1 is the national dataset, 0.01 a tiny one, 10 ten times it.
        seed: The seed of the generator's own :class:`random.Random`.
    """
    return _Builder(factor, seed).build()


def national_structure(factor: float = 1.0, seed: int = 2015) -> Structure:
    """The generated national structure at *factor* (see :func:`plan`)."""
    return plan(factor, seed).structure
