from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given

from samverkan_model import (
    Actor,
    Body,
    BodyKind,
    CoverageGap,
    CoverageRule,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Period,
    Person,
    Role,
    Structure,
)
from samverkan_model.structure.coverage import default_horizon, member_categories
from tests.structure.strategies import ORIGIN, CoverageCase, coverage_cases, day, periods

HORIZON = day(150)
"""Open ends in the generated cases are read up to this day."""


def missing_on(structure: Structure, rule: CoverageRule, on: date) -> frozenset[str]:
    """The categories *rule* lacks on day *on*, counted member by member."""
    holders: dict[str, set[str]] = {c: set() for c in rule.categories}
    for m in structure.memberships:
        if m.body == rule.body and m.active_at(on):
            for c in member_categories(structure, m) & rule.categories:
                holders[c].add(m.member)
    return frozenset(c for c, who in holders.items() if len(who) < rule.min_people)


def oracle(structure: Structure, window: Period) -> list[CoverageGap]:
    """Gaps found day by day: maximal runs of days lacking the same categories."""
    gaps: list[CoverageGap] = []
    for rule in structure.coverage_rules:
        span = rule.period.clip(HORIZON).intersection(window.clip(HORIZON))
        if span is None or span.end is None:
            continue
        run_start, run_missing = span.start, missing_on(structure, rule, span.start)
        on = span.start + timedelta(1)
        while on <= span.end:
            now = missing_on(structure, rule, on) if on < span.end else None
            if now != run_missing:
                if run_missing:
                    gaps.append(CoverageGap(Period(run_start, on), rule.body, run_missing))
                if now is not None:
                    run_start, run_missing = on, now
            on += timedelta(1)
    return sorted(gaps, key=lambda g: (g.body, g.period.start, sorted(g.missing)))


def missing_by_day(gaps: tuple[CoverageGap, ...]) -> dict[date, frozenset[str]]:
    out: dict[date, frozenset[str]] = {}
    for gap in gaps:
        assert gap.period.end is not None
        for n in range((gap.period.end - gap.period.start).days):
            out[gap.period.start + timedelta(n)] = gap.missing
    return out


def office(*seats: Membership, rule: CoverageRule, actors: list[Actor]) -> Structure:
    return Structure(
        "office",
        actors=actors,
        bodies=[Body("office", "Office", BodyKind.COORDINATION_OFFICE, GovernanceLevel.REGIONAL)],
        persons=[Person("anna", "Anna"), Person("bo", "Bo")],
        memberships=seats,
        coverage_rules=[rule],
    )


def lender(actor_id: str, *categories: str) -> Actor:
    return Actor(
        actor_id, actor_id, OrganisationKind.OTHER, GovernanceLevel.REGIONAL, categories=categories
    )


class TestAgainstDayByDay:
    @given(coverage_cases())
    def test_equals_the_day_by_day_oracle(self, case: CoverageCase) -> None:
        """The interval sweep finds exactly the gaps a day-by-day check finds."""
        found = case.structure.coverage_gaps(case.window, horizon=HORIZON)
        assert list(found) == oracle(case.structure, case.window)

    @given(coverage_cases())
    def test_gaps_are_maximal_and_disjoint(self, case: CoverageCase) -> None:
        """Gaps do not overlap, are not empty, and touching gaps differ in what is missing."""
        found = case.structure.coverage_gaps(case.window, horizon=HORIZON)
        for gap in found:
            assert not gap.period.is_empty
            assert gap.missing
        for before, after in itertools.pairwise(found):
            assert before.period.end is not None
            assert before.period.end <= after.period.start
            if before.period.end == after.period.start:
                assert before.missing != after.missing

    @given(coverage_cases(), periods(latest_start=40))
    def test_adding_a_membership_never_adds_a_gap(self, case: CoverageCase, seat: Period) -> None:
        """Another seat can only shrink what is missing, day by day; it never adds a gap day."""
        s = case.structure
        extra = Membership(s.actors[0].id, "office", Role.MEMBER, seat)
        more = s.with_(memberships=[*s.memberships, extra])
        before = missing_by_day(s.coverage_gaps(case.window, horizon=HORIZON))
        after = missing_by_day(more.coverage_gaps(case.window, horizon=HORIZON))
        assert set(after) <= set(before)
        for on, missing in after.items():
            assert missing <= before[on]


class TestCoverageRules:
    def test_one_member_counts_once(self) -> None:
        """Two seats of the same person are one person towards min_people."""
        rule = CoverageRule("office", ["kommun"], Period(ORIGIN, day(10)), min_people=2)
        twice = office(
            Membership("anna", "office", Role.MEMBER, Period(ORIGIN), "kommunen"),
            Membership("anna", "office", Role.SECRETARY, Period(ORIGIN), "kommunen"),
            rule=rule,
            actors=[lender("kommunen", "kommun")],
        )
        assert twice.coverage_gaps(rule.period) == (
            CoverageGap(Period(ORIGIN, day(10)), "office", ["kommun"]),
        )
        both = twice.with_(
            memberships=[
                *twice.memberships,
                Membership("bo", "office", Role.MEMBER, Period(day(4)), "kommunen"),
            ]
        )
        assert both.coverage_gaps(rule.period) == (
            CoverageGap(Period(ORIGIN, day(4)), "office", ["kommun"]),
        )

    def test_lender_or_own_categories(self) -> None:
        """A person brings the lender's categories; an actor its own; an unlent person none."""
        rule = CoverageRule("office", ["kommun", "trafik", "blaljus"], Period(ORIGIN, day(10)))
        s = office(
            Membership("anna", "office", Role.MEMBER, Period(ORIGIN), "sl"),
            Membership("polisen", "office", Role.MEMBER, Period(ORIGIN)),
            Membership("bo", "office", Role.MEMBER, Period(ORIGIN)),
            rule=rule,
            actors=[lender("sl", "trafik"), lender("polisen", "blaljus")],
        )
        assert s.coverage_gaps(rule.period) == (
            CoverageGap(Period(ORIGIN, day(10)), "office", ["kommun"]),
        )

    def test_consecutive_gaps_differ(self) -> None:
        """When one category returns mid-gap, the gap splits where the missing set changes."""
        rule = CoverageRule("office", ["kommun", "trafik"], Period(ORIGIN, day(10)))
        s = office(
            Membership("kommunen", "office", Role.MEMBER, Period(day(3), day(6))),
            rule=rule,
            actors=[lender("kommunen", "kommun")],
        )
        assert [(str(g.period), sorted(g.missing)) for g in s.coverage_gaps(rule.period)] == [
            ("[2025-01-01, 2025-01-04)", ["kommun", "trafik"]),
            ("[2025-01-04, 2025-01-07)", ["trafik"]),
            ("[2025-01-07, 2025-01-11)", ["kommun", "trafik"]),
        ]

    def test_rule_for_unknown_body_lacks_everything(self) -> None:
        """A rule for a body the structure does not have is one gap over its whole period."""
        s = Structure(
            "empty", coverage_rules=[CoverageRule("ghost", ["kommun"], Period(ORIGIN, day(5)))]
        )
        assert s.coverage_gaps(Period(ORIGIN, day(30))) == (
            CoverageGap(Period(ORIGIN, day(5)), "ghost", ["kommun"]),
        )

    def test_only_inside_the_asked_period(self) -> None:
        """Gaps are clipped to the asked period; a rule outside it gives none."""
        rule = CoverageRule("office", ["kommun"], Period(day(10), day(20)))
        s = office(rule=rule, actors=[])
        assert s.coverage_gaps(Period(ORIGIN, day(5))) == ()
        assert s.coverage_gaps(Period(day(15), day(30))) == (
            CoverageGap(Period(day(15), day(20)), "office", ["kommun"]),
        )

    def test_open_ends_read_up_to_the_horizon(self) -> None:
        """Open rules and periods end at the horizon: by default a year after the last date."""
        rule = CoverageRule("office", ["kommun"], Period(day(10)))
        s = office(rule=rule, actors=[])
        assert default_horizon(s) == day(10) + timedelta(days=365)
        assert s.coverage_gaps(Period(ORIGIN)) == (
            CoverageGap(Period(day(10), day(375)), "office", ["kommun"]),
        )
        assert s.coverage_gaps(Period(ORIGIN), horizon=day(20)) == (
            CoverageGap(Period(day(10), day(20)), "office", ["kommun"]),
        )

    def test_default_horizon_uses_every_date(self) -> None:
        """The default horizon follows the latest membership or rule date; 2001 when none."""
        assert default_horizon(Structure("nothing")) == date(2000, 1, 1) + timedelta(days=365)
        rule = CoverageRule("office", ["kommun"], Period(ORIGIN, day(5)))
        s = office(
            Membership("anna", "office", Role.MEMBER, Period(ORIGIN, day(40))), rule=rule, actors=[]
        )
        assert default_horizon(s) == day(40) + timedelta(days=365)

    def test_unknown_lender_brings_nothing(self) -> None:
        """A seat lent by an actor the structure lacks brings no category."""
        seat = Membership("anna", "office", Role.MEMBER, Period(ORIGIN), "ghost")
        s = office(seat, rule=CoverageRule("office", ["kommun"], Period(ORIGIN, day(1))), actors=[])
        assert member_categories(s, seat) == frozenset()
