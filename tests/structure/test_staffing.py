from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given

from samverkan_model import CoverageGap, CoverageRule, OnCallRoster, Period, Shift, weekly_rotation
from samverkan_model.structure.oncall import gaps_between, roster_overlaps
from tests.structure.strategies import rotations

MONDAY = datetime(2025, 1, 6, 8)


class TestCoverageRule:
    def test_defaults_and_conversion(self) -> None:
        """Categories become a frozenset; one person per category by default."""
        rule = CoverageRule("kansli", ["kommun", "trafik"], Period(date(2025, 1, 1)))
        assert rule.categories == {"kommun", "trafik"}
        assert rule.min_people == 1

    def test_needs_a_category(self) -> None:
        """A rule without categories is refused."""
        with pytest.raises(ValueError, match=r"^categories: a coverage rule needs at least one"):
            CoverageRule("kansli", [], Period(date(2025, 1, 1)))

    def test_bad_values(self) -> None:
        """Slugs, a collection rather than one string, a positive min_people and a Period."""
        period = Period(date(2025, 1, 1))
        with pytest.raises(TypeError, match=r"^categories: expected a collection"):
            CoverageRule("kansli", "kommun", period)
        with pytest.raises(ValueError, match=r"^categories: 'Blåljus' is not a valid id"):
            CoverageRule("kansli", ["Blåljus"], period)
        with pytest.raises(ValueError, match=r"^min_people: expected a positive"):
            CoverageRule("kansli", ["kommun"], period, 0)
        with pytest.raises(TypeError, match="period"):
            CoverageRule("kansli", ["kommun"], date(2025, 1, 1))  # type: ignore[arg-type]

    def test_gap_converts_missing(self) -> None:
        """A gap's missing categories are a frozenset."""
        gap = CoverageGap(Period(date(2025, 1, 1), date(2025, 1, 8)), "kansli", ["trafik"])
        assert gap.missing == {"trafik"}


class TestShift:
    def test_covers_is_half_open(self) -> None:
        """A shift covers its start but not its end (the handover moment)."""
        shift = Shift("anna", MONDAY, MONDAY + timedelta(weeks=1))
        assert shift.covers(MONDAY)
        assert shift.covers(MONDAY + timedelta(days=6, hours=23, minutes=59))
        assert not shift.covers(MONDAY + timedelta(weeks=1))
        assert not shift.covers(MONDAY - timedelta(minutes=1))

    def test_end_after_start(self) -> None:
        """A shift must last: end equal to or before start is refused."""
        with pytest.raises(ValueError, match=r"^end: .* is not after start"):
            Shift("anna", MONDAY, MONDAY)

    def test_naive_datetimes_only(self) -> None:
        """Times are naive Swedish local time; dates and aware datetimes are refused."""
        with pytest.raises(ValueError, match=r"^start: expected a naive datetime"):
            Shift("anna", MONDAY.replace(tzinfo=UTC), MONDAY + timedelta(1))
        with pytest.raises(TypeError, match=r"^end: expected a datetime"):
            Shift("anna", MONDAY, date(2025, 1, 13))  # type: ignore[arg-type]


class TestOnCallRoster:
    def test_shifts_sorted_and_span(self) -> None:
        """Shifts are kept in start order; the span runs from the first start to the last end."""
        late = Shift("bo", MONDAY + timedelta(weeks=1), MONDAY + timedelta(weeks=3))
        early = Shift("anna", MONDAY, MONDAY + timedelta(weeks=1))
        roster = OnCallRoster("rsib", [late, early])
        assert roster.shifts == (early, late)
        assert roster.span == (MONDAY, MONDAY + timedelta(weeks=3))
        assert OnCallRoster("rsib").span is None

    def test_min_people_positive(self) -> None:
        """min_people is a positive whole number."""
        with pytest.raises(ValueError, match=r"^min_people: "):
            OnCallRoster("rsib", (), 0)


class TestWeeklyRotation:
    def test_first_handover_on_or_after_start(self) -> None:
        """The first shift starts at the first handover weekday on or after the start day."""
        roster = weekly_rotation(["anna", "bo"], date(2025, 1, 1), 3, 0, time(8), "rsib")
        assert [s.start for s in roster.shifts] == [
            datetime(2025, 1, 6, 8),
            datetime(2025, 1, 13, 8),
            datetime(2025, 1, 20, 8),
        ]
        assert [s.person for s in roster.shifts] == ["anna", "bo", "anna"]
        assert roster.function == "rsib"
        same_day = weekly_rotation(["anna"], date(2025, 1, 6), 1, 0, time(8), "rsib")
        assert same_day.shifts[0].start == datetime(2025, 1, 6, 8)

    def test_lenders(self) -> None:
        """People may be (person, lending actor) pairs."""
        roster = weekly_rotation(
            [("anna", "polisen"), ("bo", None)], date(2025, 1, 6), 2, 0, time(8), "rsib"
        )
        assert [(s.person, s.on_behalf_of) for s in roster.shifts] == [
            ("anna", "polisen"),
            ("bo", None),
        ]

    def test_no_weeks(self) -> None:
        """Zero weeks is an empty roster."""
        assert weekly_rotation(["anna"], date(2025, 1, 1), 0, 0, time(8), "rsib").shifts == ()

    def test_bad_arguments(self) -> None:
        """No people, negative weeks or a weekday out of range are refused, naming the argument."""
        with pytest.raises(ValueError, match=r"^people: a rotation needs at least one"):
            weekly_rotation([], date(2025, 1, 1), 2, 0, time(8), "rsib")
        with pytest.raises(ValueError, match=r"^weeks: expected zero or more"):
            weekly_rotation(["anna"], date(2025, 1, 1), -1, 0, time(8), "rsib")
        with pytest.raises(ValueError, match=r"^handover_weekday: expected 0 \(Monday\)"):
            weekly_rotation(["anna"], date(2025, 1, 1), 2, 7, time(8), "rsib")
        with pytest.raises(ValueError, match=r"^handover_weekday: expected 0 \(Monday\)"):
            weekly_rotation(["anna"], date(2025, 1, 1), 2, 1.5, time(8), "rsib")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^weeks: expected zero or more whole weeks"):
            weekly_rotation(["anna"], date(2025, 1, 1), 2.5, 0, time(8), "rsib")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^weeks: expected zero or more whole weeks"):
            weekly_rotation(["anna"], date(2025, 1, 1), True, 0, time(8), "rsib")

    @given(rotations())
    def test_no_gaps_and_no_overlaps(self, roster: OnCallRoster) -> None:
        """A weekly rotation covers its span without gaps or overlaps, one week per shift."""
        assert roster_overlaps(roster) == ()
        if roster.span is not None:
            assert gaps_between(roster, *roster.span) == ()
        for before, after in itertools.pairwise(roster.shifts):
            assert before.end == after.start
        for shift in roster.shifts:
            assert shift.end - shift.start == timedelta(weeks=1)
            assert shift.start.weekday() == roster.shifts[0].start.weekday()
