from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Body,
    BodyKind,
    GovernanceLevel,
    OnCallRoster,
    Period,
    Person,
    Shift,
    Structure,
    weekly_rotation,
)
from samverkan_model.structure.oncall import gaps_between, on_call, roster_gaps, roster_overlaps
from tests.structure.strategies import ORIGIN, shift_lists

START = datetime.combine(ORIGIN, time())
HOURS = 6 * 24
"""Generated shifts lie within the first five days; the window runs one day further."""

Span = tuple[datetime, datetime]


def hours_where(roster: OnCallRoster, bad: object, start: int = 0, end: int = HOURS) -> set[int]:
    """The whole hours in [start, end) where the number on standby satisfies *bad*."""
    out = set()
    for h in range(start, end):
        moment = START + timedelta(hours=h)
        if bad(sum(s.covers(moment) for s in roster.shifts)):  # type: ignore[operator]
            out.add(h)
    return out


def hours_of(spans: tuple[Span, ...]) -> set[int]:
    out: set[int] = set()
    for lo, hi in spans:
        first = int((lo - START).total_seconds()) // 3600
        last = int((hi - START).total_seconds()) // 3600
        out.update(range(first, last))
    return out


def assert_maximal_and_disjoint(spans: tuple[Span, ...]) -> None:
    for lo, hi in spans:
        assert lo < hi
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start  # touching spans would have been merged


def rsib(roster: OnCallRoster) -> Structure:
    return Structure(
        "standby",
        bodies=[Body(roster.function, "RSIB", BodyKind.STANDBY_FUNCTION, GovernanceLevel.REGIONAL)],
        persons=[Person(p, p) for p in sorted({s.person for s in roster.shifts})],
        rosters=[roster],
    )


class TestOnCall:
    def test_handover_instants(self) -> None:
        """At a handover the incoming person is on standby; a minute before, the outgoing one."""
        roster = weekly_rotation(["anna", "bo"], date(2025, 1, 1), 2, 0, time(8), "rsib")
        s = rsib(roster)
        handover = datetime(2025, 1, 13, 8)
        assert s.on_call("rsib", handover - timedelta(minutes=1)) == "anna"
        assert s.on_call("rsib", handover) == "bo"
        assert s.on_call("rsib", datetime(2025, 1, 6, 8)) == "anna"
        assert s.on_call("rsib", datetime(2025, 1, 6, 7, 59)) is None
        assert s.on_call("rsib", datetime(2025, 1, 20, 8)) is None

    def test_unknown_function(self) -> None:
        """Asking about a function without a roster is a KeyError naming it."""
        s = rsib(OnCallRoster("rsib"))
        with pytest.raises(KeyError, match="no on-call roster for 'tib'"):
            s.on_call("tib", START)
        with pytest.raises(KeyError, match="no on-call roster for 'tib'"):
            s.roster_gaps("tib", Period(ORIGIN, ORIGIN + timedelta(1)))
        assert s.roster("rsib").function == "rsib"

    def test_latest_start_wins_when_overlapping(self) -> None:
        """Where shifts overlap, the one that started last is on standby."""
        roster = OnCallRoster(
            "rsib",
            [
                Shift("anna", START, START + timedelta(days=3)),
                Shift("bo", START + timedelta(days=1), START + timedelta(days=2)),
            ],
        )
        assert on_call(roster, START + timedelta(hours=30)) == "bo"
        assert on_call(roster, START + timedelta(hours=50)) == "anna"

    @given(
        shift_lists(), st.integers(0, HOURS * 4).map(lambda q: START + timedelta(minutes=15 * q))
    )
    def test_matches_brute_force(self, shifts: list[Shift], at: datetime) -> None:
        """on_call is the person of the covering shift that sorts last (latest start)."""
        roster = OnCallRoster("rsib", shifts)
        covering = [s for s in roster.shifts if s.covers(at)]
        assert on_call(roster, at) == (covering[-1].person if covering else None)


class TestGapsAndOverlaps:
    @given(shift_lists(), st.integers(1, 2))
    def test_gaps_match_hour_by_hour(self, shifts: list[Shift], need: int) -> None:
        """Roster gaps are exactly the hours with fewer than min_people on standby."""
        roster = OnCallRoster("rsib", shifts, need)
        gaps = gaps_between(roster, START, START + timedelta(hours=HOURS))
        assert hours_of(gaps) == hours_where(roster, lambda n: n < need)
        assert_maximal_and_disjoint(gaps)

    @given(shift_lists(), st.integers(1, 2))
    def test_overlaps_match_hour_by_hour(self, shifts: list[Shift], need: int) -> None:
        """Overlaps are exactly the hours with more than min_people on standby."""
        roster = OnCallRoster("rsib", shifts, need)
        overlaps = roster_overlaps(roster)
        assert hours_of(overlaps) == hours_where(roster, lambda n: n > need)
        assert_maximal_and_disjoint(overlaps)

    def test_empty_roster(self) -> None:
        """An empty roster has no overlaps, and its whole window is a gap."""
        roster = OnCallRoster("rsib")
        assert roster_overlaps(roster) == ()
        window = Period(ORIGIN, ORIGIN + timedelta(2))
        assert roster_gaps(roster, window) == ((START, START + timedelta(2)),)

    def test_date_period_reads_midnight_to_midnight(self) -> None:
        """roster_gaps reads a date period as [start 00:00, end 00:00)."""
        roster = weekly_rotation(["anna"], date(2025, 1, 6), 1, 0, time(8), "rsib")
        gaps = rsib(roster).roster_gaps("rsib", Period(date(2025, 1, 6), date(2025, 1, 14)))
        assert gaps == (
            (datetime(2025, 1, 6), datetime(2025, 1, 6, 8)),
            (datetime(2025, 1, 13, 8), datetime(2025, 1, 14)),
        )

    def test_shifts_outside_the_window_do_not_count(self) -> None:
        """Shifts wholly before or after the asked window leave it a gap."""
        roster = weekly_rotation(["anna"], date(2025, 1, 6), 1, 0, time(8), "rsib")
        window = Period(date(2025, 2, 1), date(2025, 2, 2))
        assert roster_gaps(roster, window) == ((datetime(2025, 2, 1), datetime(2025, 2, 2)),)

    def test_open_and_empty_periods(self) -> None:
        """An open period is refused; an empty one has no gaps."""
        roster = OnCallRoster("rsib")
        with pytest.raises(ValueError, match="roster gaps need a period with an end"):
            roster_gaps(roster, Period(ORIGIN))
        assert roster_gaps(roster, Period(ORIGIN, ORIGIN)) == ()

    def test_two_person_standby(self) -> None:
        """With min_people=2, the handover spans of a rotation count as gaps until doubled."""
        one = weekly_rotation(["anna", "bo"], date(2025, 1, 6), 2, 0, time(8), "rsib")
        two = OnCallRoster(
            "rsib",
            [*one.shifts, Shift("cay", datetime(2025, 1, 6, 8), datetime(2025, 1, 20, 8))],
            2,
        )
        assert gaps_between(two, datetime(2025, 1, 6, 8), datetime(2025, 1, 20, 8)) == ()
        assert roster_overlaps(two) == ()
