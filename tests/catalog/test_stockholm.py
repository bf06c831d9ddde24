from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Area,
    BodyKind,
    GovernanceLevel,
    Mode,
    OrganisationKind,
    Period,
    RelationKind,
    Role,
    Severity,
    Structure,
)
from samverkan_model.catalog import stockholm_region
from samverkan_model.catalog.stockholm import (
    COUNTY_BOARD,
    MANAGEMENT_GROUP,
    OFFICE,
    OFFICE_CATEGORIES,
    OFFICE_RULE_PERIOD,
    RSIB,
)
from samverkan_model.geography import municipalities

COORDINATION_GROUP = "regionala-samordningsgruppen"
ISF_BODIES = {"regional-isf", "regionalt-isf-stod"}
GAP = Period(date(2026, 5, 4), date(2026, 5, 18))
ROSTER_START = datetime(2025, 1, 6, 8, 0)
ROSTER_END = datetime(2026, 1, 5, 8, 0)


@pytest.fixture(scope="module")
def region() -> Structure:
    return stockholm_region()


def relation_pairs(s: Structure, kind: RelationKind) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in s.relations if r.kind is kind}


def categories_present(s: Structure, on: date) -> frozenset[str]:
    """Brute-force oracle: the categories the office's seats bring on one day."""
    found: set[str] = set()
    for m in s.members(OFFICE, at=on):
        found |= s.actor(m.on_behalf_of or m.member).categories
    return frozenset(found & OFFICE_CATEGORIES)


class TestValidation:
    def test_no_error_findings(self, region: Structure) -> None:
        """The model validates without a single error."""
        assert [f for f in region.validate() if f.severity is Severity.ERROR] == []

    def test_only_the_intended_coverage_gap(self, region: Structure) -> None:
        """The one finding is the office's blue-light coverage gap, a warning."""
        findings = region.validate()
        assert [(f.code, f.severity, f.subject) for f in findings] == [
            ("coverage-gap", Severity.WARNING, (OFFICE,))
        ]
        assert "2026-05-04" in findings[0].message
        assert "blaljus" in findings[0].message

    def test_check_passes(self, region: Structure) -> None:
        """check() returns the structure: a warning is not an error."""
        assert region.check() is region


class TestActors:
    def test_the_county_has_26_municipalities(self, region: Structure) -> None:
        """Every municipality of Stockholms län is an actor, and no other is."""
        local = [a for a in region.actors if a.kind is OrganisationKind.MUNICIPALITY]
        assert len(local) == 26
        assert {a.area for a in local} == {Area(m.code) for m in municipalities("01")}
        assert all(a.area is not None and a.area.within(Area("01")) for a in local)
        assert all(a.categories == {"kommun"} for a in local)

    def test_named_actors_and_their_categories(self, region: Structure) -> None:
        """The actors named beside the municipalities carry defensible categories."""
        expected = {
            COUNTY_BOARD: set(),
            "region-stockholm": {"trafik", "blaljus"},
            "polisregion-stockholm": {"blaljus"},
            "storstockholms-brandforsvar": {"blaljus"},
            "sodertorns-brandforsvarsforbund": {"blaljus"},
            "brandkaren-attunda": {"blaljus"},
            "sos-alarm": {"blaljus"},
            "trafikverket": {"trafik"},
            "stockholms-hamnar": {"trafik"},
            "kustbevakningen": {"blaljus"},
            "forsvarsmakten-militarregion-mitt": set(),
        }
        for actor_id, categories in expected.items():
            assert region.actor(actor_id).categories == categories
        assert len(region.actors) == 26 + len(expected)

    def test_well_known_ids(self, region: Structure) -> None:
        """Ids follow the slug convention with Swedish letters transliterated."""
        assert region.actor("sodertalje-kommun").name == "Södertälje kommun"
        assert region.actor("stockholms-stad").area == Area("0180")
        assert region.actor(COUNTY_BOARD).name == "Länsstyrelsen Stockholm"

    def test_no_invented_org_numbers(self, region: Structure) -> None:
        """Only Stockholms stad has an organisation number, the one known to be right."""
        numbered = {a.id: a.org_number for a in region.actors if a.org_number is not None}
        assert numbered == {"stockholms-stad": "212000-0142"}


class TestGovernance:
    def test_management_group_chaired_by_the_county_boards_deputy_head(
        self, region: Structure
    ) -> None:
        """The one chair of the management group sits for the county board."""
        chairs = [m for m in region.members(MANAGEMENT_GROUP) if m.role is Role.CHAIR]
        assert len(chairs) == 1
        assert chairs[0].on_behalf_of == COUNTY_BOARD
        assert region.person(chairs[0].member).name == "Eva Sandberg"
        assert region.body(MANAGEMENT_GROUP).host == COUNTY_BOARD

    def test_every_actor_has_a_seat_in_the_management_group(self, region: Structure) -> None:
        """The top managers of every actor meet in the management group."""
        seated = {m.on_behalf_of or m.member for m in region.members(MANAGEMENT_GROUP)}
        assert seated == {a.id for a in region.actors}

    def test_office_reports_to_the_management_group(self, region: Structure) -> None:
        """The coordination office and group report to the management group."""
        graph = region.reporting_graph()
        assert graph.has_edge(OFFICE, MANAGEMENT_GROUP)
        assert graph.has_edge(COORDINATION_GROUP, MANAGEMENT_GROUP)

    def test_head_of_coordination_leads_the_coordination_group(self, region: Structure) -> None:
        """The office's head chairs the coordination group; the office leads it."""
        heads = [m.member for m in region.members(OFFICE) if m.role is Role.HEAD]
        chairs = [m.member for m in region.members(COORDINATION_GROUP) if m.role is Role.CHAIR]
        assert heads == chairs == ["karin-dahl"]
        assert (OFFICE, COORDINATION_GROUP) in relation_pairs(region, RelationKind.LEADS)

    def test_committees_are_led_by_office_staff(self, region: Structure) -> None:
        """Each committee's chair is lent to the office for the same span, by the same actor."""
        committees = [b.id for b in region.bodies if b.kind is BodyKind.COMMITTEE]
        assert len(committees) == 3
        office = {(m.member, m.period, m.on_behalf_of) for m in region.members(OFFICE)}
        for committee in committees:
            chairs = [m for m in region.members(committee) if m.role is Role.CHAIR]
            assert chairs
            assert {(m.member, m.period, m.on_behalf_of) for m in chairs} <= office
            assert (OFFICE, committee) in relation_pairs(region, RelationKind.LEADS)
            assert region.escalation_path(committee)[1] == COORDINATION_GROUP

    def test_joint_bodies_reach_the_management_group(self, region: Structure) -> None:
        """Every body but the county board's TiB and the ISF functions escalates to the top."""
        own_lines = {"tib", *ISF_BODIES}
        for body in region.bodies:
            if body.id not in own_lines:
                assert region.escalation_path(body.id)[-1] == MANAGEMENT_GROUP

    def test_municipalities_escalate_through_the_coordination_group(
        self, region: Structure
    ) -> None:
        """A municipality's question goes to the coordination group, then the management group."""
        for actor in region.actors:
            if actor.kind is OrganisationKind.MUNICIPALITY:
                path = region.escalation_path(actor.id)
                assert path == (actor.id, COORDINATION_GROUP, MANAGEMENT_GROUP)

    def test_all_bodies_are_regional(self, region: Structure) -> None:
        """The collaboration works at the regional level."""
        assert {b.level for b in region.bodies} == {GovernanceLevel.REGIONAL}

    def test_decisions_are_taken_by_the_management_group(self, region: Structure) -> None:
        """Direction and staffing are decided by the management group."""
        assert {d.body for d in region.decisions} == {MANAGEMENT_GROUP}
        assert {d.kind.value for d in region.decisions} == {"direction", "staffing"}


class TestStandbyAndConference:
    def test_conference_led_by_tib_rsib_and_rkk(self, region: Structure) -> None:
        """The weekly conference is led by TiB together with the RSIB and RKK."""
        leaders = {
            s for s, t in relation_pairs(region, RelationKind.LEADS) if t == "samverkanskonferensen"
        }
        assert leaders == {"tib", RSIB, "rkk"}
        assert region.body("tib").host == COUNTY_BOARD
        assert ("tib", RSIB) in relation_pairs(region, RelationKind.COORDINATES_WITH)

    def test_conference_is_weekly_and_more_often_when_activated(self, region: Structure) -> None:
        """One meeting a week in normal mode, more in activated mode."""
        cadence = region.body("samverkanskonferensen").cadence
        assert cadence is not None
        assert cadence.every_weeks == 1
        quarter = Period(date(2025, 1, 6), date(2025, 4, 7))
        normal = cadence.occurrences(quarter)
        activated = cadence.occurrences(quarter, Mode.ACTIVATED)
        assert len(normal) == 13
        assert len(activated) > len(normal)

    def test_standby_functions(self, region: Structure) -> None:
        """RSIB, TiB and RKK are standby functions; RSIB sits in the office."""
        for body_id in (RSIB, "tib", "rkk"):
            assert region.body(body_id).kind is BodyKind.STANDBY_FUNCTION
        assert (RSIB, OFFICE) in relation_pairs(region, RelationKind.PART_OF)


class TestModes:
    def test_activated_mode_keeps_the_isf(self, region: Structure) -> None:
        """In activated mode the ISF and its support are present."""
        activated = region.in_mode(Mode.ACTIVATED)
        assert {b.id for b in activated.bodies} == {b.id for b in region.bodies}
        for body_id in ISF_BODIES:
            assert activated.body(body_id).active_in == {Mode.ACTIVATED}

    def test_normal_mode_drops_the_isf(self, region: Structure) -> None:
        """In normal mode the ISF bodies, their seats and their relations are gone."""
        normal = region.in_mode(Mode.NORMAL)
        for body_id in ISF_BODIES:
            with pytest.raises(KeyError):
                normal.body(body_id)
        assert not {m.body for m in normal.memberships} & ISF_BODIES
        assert not {x for r in normal.relations for x in (r.source, r.target)} & ISF_BODIES
        assert len(normal.bodies) == len(region.bodies) - 2
        assert [f.code for f in normal.validate()] == ["coverage-gap"]

    def test_rsib_leads_the_isf_support(self, region: Structure) -> None:
        """When activated, the RSIB leads the joint work prepared for the ISF."""
        assert (RSIB, "regionalt-isf-stod") in relation_pairs(region, RelationKind.LEADS)
        assert region.escalation_path("regionalt-isf-stod") == (
            "regionalt-isf-stod",
            "regional-isf",
        )


class TestOfficeStaffing:
    def test_rule(self, region: Structure) -> None:
        """The office must have municipal, transport and blue-light competence at once."""
        (rule,) = region.coverage_rules
        assert rule.body == OFFICE
        assert rule.categories == {"kommun", "trafik", "blaljus"}
        assert rule.period == OFFICE_RULE_PERIOD

    def test_gap_exactly_where_it_was_put(self, region: Structure) -> None:
        """coverage_gaps reports the two blue-light weeks of May 2026 and nothing else."""
        gaps = region.coverage_gaps(OFFICE_RULE_PERIOD)
        assert [(g.body, g.period, g.missing) for g in gaps] == [
            (OFFICE, GAP, frozenset({"blaljus"}))
        ]

    @given(st.dates(OFFICE_RULE_PERIOD.start, date(2026, 12, 31)))
    def test_gaps_agree_with_a_day_by_day_oracle(self, on: date) -> None:
        """On any day of the rule, a category is missing exactly when a gap says so."""
        region = stockholm_region()
        missing = OFFICE_CATEGORIES - categories_present(region, on)
        in_gap = {
            c for g in region.coverage_gaps(OFFICE_RULE_PERIOD) if on in g.period for c in g.missing
        }
        assert missing == in_gap

    def test_staff_are_lent_by_actors(self, region: Structure) -> None:
        """Every person in the office is lent by an actor of the structure."""
        for m in region.members(OFFICE):
            assert m.member in region.persons_by_id
            assert m.on_behalf_of in region.actors_by_id

    def test_secondments_change_over_time(self, region: Structure) -> None:
        """The office has different people at different times (people are lent over time)."""
        early = {m.member for m in region.members(OFFICE, at=date(2025, 2, 1))}
        late = {m.member for m in region.members(OFFICE, at=date(2026, 9, 1))}
        assert early != late
        assert early & late == {"karin-dahl"}


class TestRsibRoster:
    def test_a_year_of_weekly_shifts(self, region: Structure) -> None:
        """The roster runs 52 weeks from Monday 6 January 2025 08:00."""
        roster = region.roster(RSIB)
        assert len(roster.shifts) == 52
        assert roster.span == (ROSTER_START, ROSTER_END)
        for shift in roster.shifts:
            assert shift.start.weekday() == 0
            assert shift.start.time() == time(8, 0)
            assert shift.end - shift.start == timedelta(weeks=1)

    def test_no_gaps_or_overlaps(self, region: Structure) -> None:
        """Nobody's week is missing and no two people are on standby at once."""
        year = Period(ROSTER_START.date() + timedelta(days=1), ROSTER_END.date())
        assert region.roster_gaps(RSIB, year) == ()
        roster = region.roster(RSIB)
        for before, after in zip(roster.shifts, roster.shifts[1:], strict=False):
            assert before.end == after.start

    def test_monday_handover(self, region: Structure) -> None:
        """At Monday 07:59 the outgoing person is on standby; at 08:00 the incoming one."""
        first, second = region.roster(RSIB).shifts[:2]
        handover = second.start
        assert handover == datetime(2025, 1, 13, 8, 0)
        assert region.on_call(RSIB, handover - timedelta(minutes=1)) == first.person
        assert region.on_call(RSIB, handover) == second.person
        assert first.person != second.person

    def test_pool_lent_by_different_actors(self, region: Structure) -> None:
        """The pool's people are lent by eight different actors, as their shifts say."""
        pool = {m.member: m.on_behalf_of for m in region.members(RSIB)}
        assert len(pool) == 8
        assert len(set(pool.values())) == 8
        for shift in region.roster(RSIB).shifts:
            assert pool[shift.person] == shift.on_behalf_of

    @given(st.datetimes(ROSTER_START, ROSTER_END - timedelta(microseconds=1)))
    def test_someone_is_always_on_standby(self, at: datetime) -> None:
        """At any moment of the roster's year, a pool member is on standby."""
        region = stockholm_region()
        person = region.on_call(RSIB, at)
        assert person in {m.member for m in region.members(RSIB, at=at.date())}


class TestPersons:
    def test_no_contact_data(self, region: Structure) -> None:
        """The invented people carry no contact data."""
        assert all(p.contact is None for p in region.persons)

    def test_every_person_has_a_seat(self, region: Structure) -> None:
        """No person is listed without a membership."""
        assert {p.id for p in region.persons} == {
            m.member for m in region.memberships if m.member in region.persons_by_id
        }


class TestBuilder:
    def test_cached(self) -> None:
        """Repeated calls return the same immutable object."""
        assert stockholm_region() is stockholm_region()

    def test_deterministic(self) -> None:
        """Building afresh gives an equal structure."""
        assert stockholm_region.__wrapped__() == stockholm_region()
