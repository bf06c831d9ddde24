from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Period

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))

ORIGIN = date(2025, 1, 1)
WINDOW = 40
"""Small periods live in [ORIGIN, ORIGIN + WINDOW + 20): brute force can look at every day."""
small_days = st.integers(0, WINDOW).map(lambda n: ORIGIN + timedelta(days=n))
FAR = ORIGIN + timedelta(days=10 * WINDOW)
"""A day after every small period's end: in a small period exactly when it is open."""


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(days)
    length = draw(st.none() | st.integers(min_value=0, max_value=3000))
    return Period(start, None if length is None else start + timedelta(days=length))


@st.composite
def small_periods(draw: st.DrawFn) -> Period:
    start = draw(small_days)
    length = draw(st.none() | st.integers(min_value=0, max_value=20))
    return Period(start, None if length is None else start + timedelta(days=length))


def day_set(p: Period) -> set[date]:
    """Every day of a small period inside the brute-force range, plus FAR when open."""
    every = (ORIGIN + timedelta(days=n) for n in range(WINDOW + 21))
    return {d for d in every if p.contains(d)} | ({FAR} if p.is_open else set())


class TestConstruction:
    def test_end_before_start_is_refused(self) -> None:
        """An end before the start names the field and both dates."""
        with pytest.raises(ValueError, match=r"end: 2024-12-31 is before start 2025-01-01"):
            Period(date(2025, 1, 1), date(2024, 12, 31))

    def test_datetime_is_refused(self) -> None:
        """A period is made of whole days: a datetime start is a type error."""
        with pytest.raises(TypeError, match="start: expected a date"):
            Period(datetime(2025, 1, 1, 8))

    def test_empty_period(self) -> None:
        """A period with end == start is empty: it contains no day."""
        p = Period(date(2025, 1, 1), date(2025, 1, 1))
        assert p.is_empty
        assert not p.contains(date(2025, 1, 1))
        assert p.days() == 0

    def test_end_equal_to_start_is_allowed(self) -> None:
        """The end may equal the start (the smallest allowed end)."""
        assert Period(date(2025, 1, 1), date(2025, 1, 1)).end == date(2025, 1, 1)

    def test_datetime_end_is_refused(self) -> None:
        """A datetime end is a type error naming the field."""
        with pytest.raises(TypeError, match="end: expected a date"):
            Period(date(2025, 1, 1), datetime(2025, 2, 1))

    def test_missing_start_is_refused(self) -> None:
        """A period needs a start; None is a type error."""
        with pytest.raises(TypeError, match="start: expected a date, got None"):
            Period(None)  # type: ignore[arg-type]

    def test_open_and_closed(self) -> None:
        """is_open tells open-ended periods from closed ones."""
        assert Period(date(2025, 1, 1)).is_open
        assert not Period(date(2025, 1, 1), date(2025, 2, 1)).is_open
        assert not Period(date(2025, 1, 1)).is_empty

    def test_frozen_and_hashable(self) -> None:
        """Periods are immutable values usable as dict keys."""
        p = Period(date(2025, 1, 1))
        assert {p: 1}[Period(date(2025, 1, 1))] == 1
        with pytest.raises(AttributeError):
            p.start = date(2026, 1, 1)  # type: ignore[misc]

    def test_str(self) -> None:
        """Periods print as half-open ISO spans."""
        assert str(Period(date(2025, 1, 1))) == "[2025-01-01, )"
        assert str(Period(date(2025, 1, 1), date(2025, 2, 1))) == "[2025-01-01, 2025-02-01)"


class TestAlgebra:
    @given(periods(), days)
    def test_contains_matches_bounds(self, p: Period, d: date) -> None:
        """contains() is start <= d < end, with an open end unbounded."""
        assert p.contains(d) == (p.start <= d and (p.end is None or d < p.end))
        assert (d in p) == p.contains(d)

    @given(periods(), periods())
    def test_overlap_is_symmetric(self, a: Period, b: Period) -> None:
        """Overlap does not depend on the order of the operands."""
        assert a.overlaps(b) == b.overlaps(a)

    @given(periods(), periods(), days)
    def test_intersection_contains_exactly_shared_days(self, a: Period, b: Period, d: date) -> None:
        """A day is in the intersection iff it is in both periods."""
        both = a.intersection(b)
        in_both = a.contains(d) and b.contains(d)
        assert (both is not None and both.contains(d)) == in_both

    @given(periods(), periods())
    def test_intersection_is_covered_by_both(self, a: Period, b: Period) -> None:
        """The intersection lies inside each operand."""
        both = a.intersection(b)
        if both is not None:
            assert a.covers(both)
            assert b.covers(both)

    @given(st.lists(periods(), min_size=1, max_size=5))
    def test_span_covers_all(self, items: list[Period]) -> None:
        """span() covers every period it was built from."""
        span = Period.span(items)
        assert span is not None
        assert all(span.covers(p) for p in items)

    def test_span_of_nothing(self) -> None:
        """span() of no periods is None."""
        assert Period.span([]) is None

    @given(periods(), days)
    def test_clip_closes_open_periods(self, p: Period, horizon: date) -> None:
        """clip() leaves closed periods alone and closes open ones at the horizon."""
        clipped = p.clip(horizon)
        assert clipped.end is not None
        if p.end is not None:
            assert clipped == p
        else:
            assert clipped.end == max(horizon, p.start)

    def test_adjacent_periods_do_not_overlap(self) -> None:
        """Half-open spans: one ending where the next starts share no day."""
        a = Period(date(2025, 1, 1), date(2025, 3, 1))
        b = Period(date(2025, 3, 1), date(2025, 6, 1))
        assert not a.overlaps(b)
        assert a.intersection(b) is None


class TestContains:
    def test_datetime_is_refused_with_a_message(self) -> None:
        """contains() and ``in`` refuse a datetime instead of comparing it to dates."""
        p = Period(date(2025, 1, 1))
        with pytest.raises(TypeError, match="whole days"):
            p.contains(datetime(2025, 1, 2, 8))
        with pytest.raises(TypeError, match="whole days"):
            assert datetime(2025, 1, 2, 8) in p

    def test_non_dates_are_not_in_a_period(self) -> None:
        """``in`` answers False for things that are not dates at all."""
        p = Period(date(2025, 1, 1))
        assert "2025-01-02" not in p
        assert None not in p

    def test_contains_refuses_non_dates(self) -> None:
        """contains() itself refuses a non-date."""
        with pytest.raises(TypeError, match="expected a date, got '2025-01-02'"):
            Period(date(2025, 1, 1)).contains("2025-01-02")  # type: ignore[arg-type]

    def test_end_is_excluded_start_included(self) -> None:
        """Half-open: the start is in, the end is out."""
        p = Period(date(2025, 1, 1), date(2025, 1, 3))
        assert [p.contains(date(2025, 1, d)) for d in (1, 2, 3)] == [True, True, False]


class TestAlgebraAgainstDays:
    """Period operations agree with the same operations on sets of days."""

    @given(small_periods(), small_periods())
    def test_overlaps_iff_a_shared_day(self, a: Period, b: Period) -> None:
        """Two periods overlap exactly when they share a day."""
        assert a.overlaps(b) == bool(day_set(a) & day_set(b))

    @given(small_periods(), small_periods())
    def test_intersection_is_set_intersection(self, a: Period, b: Period) -> None:
        """The intersection holds exactly the shared days, and is None when there are none."""
        both = a.intersection(b)
        shared = day_set(a) & day_set(b)
        if both is None:
            assert not shared
        else:
            assert not both.is_empty
            assert day_set(both) == shared

    @given(small_periods(), small_periods())
    def test_intersection_commutes(self, a: Period, b: Period) -> None:
        """Intersection commutes: a ∩ b == b ∩ a."""
        assert a.intersection(b) == b.intersection(a)

    @given(small_periods(), small_periods(), small_periods())
    def test_intersection_associates(self, a: Period, b: Period, c: Period) -> None:
        """(a ∩ b) ∩ c == a ∩ (b ∩ c)."""
        ab, bc = a.intersection(b), b.intersection(c)
        left = None if ab is None else ab.intersection(c)
        right = None if bc is None else a.intersection(bc)
        assert left == right

    @given(small_periods())
    def test_intersection_with_itself(self, p: Period) -> None:
        """A non-empty period intersected with itself is itself; an empty one gives None."""
        assert p.intersection(p) == (None if p.is_empty else p)

    @given(small_periods(), small_periods())
    def test_covers_iff_subset(self, a: Period, b: Period) -> None:
        """A period covers another exactly when it holds every day of the other."""
        assert a.covers(b) == (day_set(b) <= day_set(a))

    @given(small_periods(), small_periods(), small_periods())
    def test_covers_is_transitive(self, a: Period, b: Period, c: Period) -> None:
        """Covering is transitive."""
        if a.covers(b) and b.covers(c):
            assert a.covers(c)

    @given(small_periods())
    def test_covers_is_reflexive(self, p: Period) -> None:
        """Every period covers itself."""
        assert p.covers(p)

    @given(small_periods())
    def test_days_counts_the_days(self, p: Period) -> None:
        """days() is the number of days, None when open."""
        assert p.days() == (None if p.is_open else len(day_set(p)))

    @given(st.lists(small_periods(), min_size=1, max_size=4))
    def test_span_is_the_smallest_cover(self, items: list[Period]) -> None:
        """span() starts at the earliest start and ends at the latest end (open if any is)."""
        span = Period.span(items)
        assert span is not None
        assert span.start == min(p.start for p in items)
        if any(p.is_open for p in items):
            assert span.is_open
        else:
            assert span.end == max(p.end for p in items if p.end is not None)

    @given(small_periods(), small_periods())
    def test_overlapping_periods_are_covered_by_their_span(self, a: Period, b: Period) -> None:
        """When two periods overlap, their span holds exactly the union of their days."""
        span = Period.span([a, b])
        assert span is not None
        if a.overlaps(b):
            assert day_set(span) == day_set(a) | day_set(b)
