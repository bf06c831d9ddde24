from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Period

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(days)
    length = draw(st.none() | st.integers(min_value=0, max_value=3000))
    return Period(start, None if length is None else start + timedelta(days=length))


class TestConstruction:
    def test_end_before_start_is_refused(self) -> None:
        """An end before the start names the field and both dates."""
        with pytest.raises(ValueError, match=r"end: 2024-12-31 is before start 2025-01-01"):
            Period(date(2025, 1, 1), date(2024, 12, 31))

    def test_datetime_is_refused(self) -> None:
        """A period is made of whole days: a datetime start is a type error."""
        with pytest.raises(TypeError, match="start: expected a date"):
            Period(datetime(2025, 1, 1, 8))  # type: ignore[arg-type]

    def test_empty_period(self) -> None:
        """end == start is an empty period containing no day."""
        p = Period(date(2025, 1, 1), date(2025, 1, 1))
        assert p.is_empty
        assert not p.contains(date(2025, 1, 1))
        assert p.days() == 0

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
