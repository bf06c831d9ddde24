from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Cadence, Mode, Period
from samverkan_model.structure.cadence import WEEKDAYS
from tests.structure.strategies import ORIGIN

weekdays = st.integers(0, 6)
times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 30]))
windows = st.builds(
    lambda start, length: Period(ORIGIN + timedelta(start), ORIGIN + timedelta(start + length)),
    st.integers(0, 60),
    st.integers(0, 60),
)
anchors = st.integers(-400, 400).map(lambda n: ORIGIN + timedelta(n))


def every_day(period: Period) -> list[date]:
    assert period.end is not None
    return [period.start + timedelta(n) for n in range((period.end - period.start).days)]


class TestConstruction:
    @pytest.mark.parametrize("weekday", [-1, 7, True, 1.0, "1"])
    def test_weekday_range(self, weekday: object) -> None:
        """Weekdays are whole numbers 0 (Monday) to 6 (Sunday)."""
        with pytest.raises(ValueError, match=r"^weekday: expected a weekday 0 \(Monday\)"):
            Cadence(weekday, time(9))  # type: ignore[arg-type]

    @pytest.mark.parametrize("every", [0, -1, True])
    def test_every_weeks_positive(self, every: object) -> None:
        """every_weeks is a positive whole number."""
        with pytest.raises(ValueError, match=r"^every_weeks: expected a positive"):
            Cadence(1, time(9), every)  # type: ignore[arg-type]

    def test_activated_weekdays_range(self) -> None:
        """Activated weekdays are checked like the weekday."""
        assert Cadence(1, time(9), activated_weekdays=[0, 4]).activated_weekdays == {0, 4}
        with pytest.raises(ValueError, match=r"^activated_weekdays: expected a weekday"):
            Cadence(1, time(9), activated_weekdays=[7])

    def test_time_and_anchor_types(self) -> None:
        """The time is a time of day; the anchor a date, not a datetime."""
        with pytest.raises(TypeError, match="at"):
            Cadence(1, "09:00")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^anchor: expected a date"):
            Cadence(1, time(9), 2, anchor=datetime(2025, 1, 1, 9))
        assert Cadence(1, time(9), 2, anchor=ORIGIN).anchor == ORIGIN


class TestOccurrences:
    @given(weekdays, times, windows)
    def test_weekly_matches_every_day_check(self, weekday: int, at: time, window: Period) -> None:
        """A weekly cadence meets on each day of the period with its weekday, at its time."""
        expected = [datetime.combine(d, at) for d in every_day(window) if d.weekday() == weekday]
        assert list(Cadence(weekday, at).occurrences(window)) == expected

    @given(weekdays, st.sets(weekdays, min_size=1), times, windows)
    def test_activated_weekdays(
        self, weekday: int, active: set[int], at: time, window: Period
    ) -> None:
        """In activated mode the body meets on every activated weekday, in time order."""
        cadence = Cadence(weekday, at, 3, activated_weekdays=active)
        expected = [datetime.combine(d, at) for d in every_day(window) if d.weekday() in active]
        assert list(cadence.occurrences(window, Mode.ACTIVATED)) == expected

    @given(weekdays, st.integers(1, 4), times, windows)
    def test_activated_without_weekdays_is_normal(
        self, weekday: int, every: int, at: time, window: Period
    ) -> None:
        """Without activated weekdays, activated mode meets as normal mode does."""
        cadence = Cadence(weekday, at, every)
        assert cadence.occurrences(window, Mode.ACTIVATED) == cadence.occurrences(window)

    @given(weekdays, st.integers(1, 4), times, windows)
    def test_spacing_without_anchor(
        self, weekday: int, every: int, at: time, window: Period
    ) -> None:
        """Without an anchor, meetings start at the first matching day, every_weeks apart."""
        found = Cadence(weekday, at, every).occurrences(window)
        days = [d for d in every_day(window) if d.weekday() == weekday]
        assert [m.date() for m in found] == days[::every]

    @given(weekdays, st.integers(1, 4), times, anchors, windows, st.integers(0, 60))
    def test_anchor_makes_meetings_independent_of_the_window(
        self, weekday: int, every: int, at: time, anchor: date, window: Period, cut: int
    ) -> None:
        """With an anchor, splitting the period in two finds the same meetings."""
        assert window.end is not None
        middle = min(window.start + timedelta(cut), window.end)
        cadence = Cadence(weekday, at, every, anchor=anchor)
        whole = cadence.occurrences(window)
        parts = cadence.occurrences(Period(window.start, middle)) + cadence.occurrences(
            Period(middle, window.end)
        )
        assert whole == parts
        anchor_monday = anchor - timedelta(anchor.weekday())
        for meeting in whole:
            assert meeting.weekday() == weekday
            weeks = (meeting.date() - anchor_monday).days // 7
            assert weeks % every == 0

    def test_every_other_week_from_the_anchor(self) -> None:
        """Every other Tuesday, in the anchor's weeks, whatever window is asked about."""
        cadence = Cadence(1, time(9), every_weeks=2, anchor=date(2025, 3, 4))
        march = cadence.occurrences(Period(date(2025, 3, 10), date(2025, 4, 1)))
        assert [m.date().isoformat() for m in march] == ["2025-03-18"]

    def test_open_period_is_refused(self) -> None:
        """An open-ended period has infinitely many meetings: a ValueError."""
        with pytest.raises(ValueError, match="the period must have an end"):
            Cadence(0, time(9)).occurrences(Period(ORIGIN))

    def test_empty_period(self) -> None:
        """An empty period has no meetings."""
        assert Cadence(2, time(9)).occurrences(Period(ORIGIN, ORIGIN)) == ()


class TestDescribe:
    def test_weekly(self) -> None:
        """Weekly cadences read 'varje tisdag 09:00' / 'every Tuesday 09:00'."""
        cadence = Cadence(1, time(9))
        assert cadence.describe() == "varje tisdag 09:00"
        assert cadence.describe("en") == "every Tuesday 09:00"

    def test_every_few_weeks(self) -> None:
        """Other cadences say how many weeks apart."""
        cadence = Cadence(4, time(13, 30), 2)
        assert cadence.describe("sv") == "var 2:e vecka, fredag 13:30"
        assert cadence.describe("en") == "every 2 weeks on Friday 13:30"

    def test_unknown_language(self) -> None:
        """An unknown language is refused."""
        with pytest.raises(ValueError, match="unknown language"):
            Cadence(1, time(9)).describe("fi")

    def test_weekday_names(self) -> None:
        """Seven weekday names, Monday first."""
        assert WEEKDAYS[0] == ("måndag", "Monday")
        assert len(WEEKDAYS) == 7
