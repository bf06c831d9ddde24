from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import BodyKind, Mode, OrganisationKind, RelationKind, Role, Structure
from samverkan_model.catalog import stockholm_refugee_coordination_2015
from samverkan_model.catalog.refugee_2015 import (
    ANALYSIS_GROUP,
    ANALYSIS_PERIOD,
    COORDINATING_FUNCTION,
    COORDINATION_PERIOD,
    COUNTY_BOARD,
)


@pytest.fixture(scope="module")
def crisis() -> Structure:
    return stockholm_refugee_coordination_2015()


class TestValidation:
    def test_no_findings(self, crisis: Structure) -> None:
        """The model validates without any finding at all."""
        assert crisis.validate() == ()

    def test_dates_lie_in_2015_and_2016(self, crisis: Structure) -> None:
        """Every membership and relation is dated inside 2015-2016."""
        periods = [m.period for m in crisis.memberships] + [
            r.period for r in crisis.relations if r.period is not None
        ]
        assert len(periods) == len(crisis.memberships) + len(crisis.relations)
        for p in periods:
            assert p.end is not None
            assert date(2015, 1, 1) <= p.start <= p.end <= date(2017, 1, 1)


class TestBodies:
    def test_coordinating_function_led_by_the_county_board(self, crisis: Structure) -> None:
        """The county board leads the coordinating function and hosts both bodies."""
        leads = {(r.source, r.target) for r in crisis.relations if r.kind is RelationKind.LEADS}
        assert leads == {(COUNTY_BOARD, COORDINATING_FUNCTION)}
        heads = [m for m in crisis.members(COORDINATING_FUNCTION) if m.role is Role.HEAD]
        assert [m.on_behalf_of for m in heads] == [COUNTY_BOARD]
        assert {b.host for b in crisis.bodies} == {COUNTY_BOARD}

    def test_joint_analysis_group(self, crisis: Structure) -> None:
        """A joint analysis group for long-term effects reports to the coordinating function."""
        group = crisis.body(ANALYSIS_GROUP)
        assert group.kind is BodyKind.ANALYSIS_GROUP
        assert group.period == ANALYSIS_PERIOD
        assert "long-term" in group.mandate
        assert crisis.reporting_graph().has_edge(ANALYSIS_GROUP, COORDINATING_FUNCTION)

    def test_analysis_group_staffed_by_several_actors(self, crisis: Structure) -> None:
        """Analysts are lent by the county board, municipalities, county council and agencies."""
        lenders = {m.on_behalf_of for m in crisis.members(ANALYSIS_GROUP)}
        assert {
            COUNTY_BOARD,
            "stockholms-stad",
            "stockholms-lans-landsting",
            "migrationsverket",
            "arbetsformedlingen",
        } <= lenders
        assert all(m.member in crisis.persons_by_id for m in crisis.members(ANALYSIS_GROUP))

    def test_staff_replaced_over_time(self, crisis: Structure) -> None:
        """Migrationsverket's seat changes hands on 1 February 2016."""

        def analyst(on: date) -> list[str]:
            return [
                m.member
                for m in crisis.members(ANALYSIS_GROUP, at=on)
                if m.on_behalf_of == "migrationsverket"
            ]

        assert analyst(date(2016, 1, 31)) == ["magnus-hellstrom"]
        assert analyst(date(2016, 2, 1)) == ["annika-roos"]

    def test_region_actors_take_part(self, crisis: Structure) -> None:
        """All 26 municipalities and the county council sit in the coordinating function."""
        seated = {m.member for m in crisis.members(COORDINATING_FUNCTION)}
        local = {a.id for a in crisis.actors if a.kind is OrganisationKind.MUNICIPALITY}
        assert len(local) == 26
        assert local | {"stockholms-lans-landsting"} <= seated

    @given(st.dates(COORDINATION_PERIOD.start, date(2016, 6, 30)))
    def test_municipalities_escalate_to_the_function(self, on: date) -> None:
        """While the function exists, a municipality's questions go to it."""
        crisis = stockholm_refugee_coordination_2015()
        path = crisis.escalation_path("sodertalje-kommun", at=on)
        assert path == ("sodertalje-kommun", COORDINATING_FUNCTION)

    def test_after_the_function_ends_nothing_escalates(self, crisis: Structure) -> None:
        """Relations are dated, so after July 2016 the graph holds no escalation."""
        assert crisis.escalation_path("sodertalje-kommun", at=date(2016, 7, 1)) == (
            "sodertalje-kommun",
        )


class TestModes:
    def test_active_only_when_activated(self, crisis: Structure) -> None:
        """Both bodies work in activated mode only."""
        assert all(b.active_in == {Mode.ACTIVATED} for b in crisis.bodies)
        assert crisis.in_mode(Mode.ACTIVATED) == crisis

    def test_normal_mode_keeps_only_the_actors(self, crisis: Structure) -> None:
        """In normal mode the bodies, their seats and relations to them are gone."""
        normal = crisis.in_mode(Mode.NORMAL)
        assert normal.bodies == ()
        assert normal.memberships == ()
        assert normal.relations == ()
        assert normal.actors == crisis.actors


class TestBuilder:
    def test_cached(self) -> None:
        """Repeated calls return the same immutable object."""
        assert stockholm_refugee_coordination_2015() is stockholm_refugee_coordination_2015()

    def test_deterministic(self) -> None:
        """Building afresh gives an equal structure."""
        assert stockholm_refugee_coordination_2015.__wrapped__() == (
            stockholm_refugee_coordination_2015()
        )
