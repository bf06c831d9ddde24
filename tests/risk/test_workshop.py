from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model.risk import FollowUpAgreement, LivingCondition, Method, NotRelevant

starts = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


class TestMethod:
    def test_defaults(self) -> None:
        """A method builds on the protected values unless told otherwise."""
        m = Method("Krisberedskap - för social hållbarhet")
        assert m.builds_on_protected_values
        assert m.description == ""

    def test_name_required(self) -> None:
        """A method needs a name, and the flag must be a bool."""
        with pytest.raises(ValueError, match="name: must not be empty"):
            Method("")
        with pytest.raises(TypeError, match="builds_on_protected_values"):
            Method("x", "yes")  # type: ignore[arg-type]


class TestFollowUpAgreement:
    def test_once(self) -> None:
        """Without a cadence there is a single follow-up date."""
        once = FollowUpAgreement(date(2025, 3, 1))
        assert once.dates(date(2025, 12, 31)) == (date(2025, 3, 1),)
        assert once.dates(date(2025, 2, 28)) == ()
        assert once.next_on_or_after(date(2025, 3, 1)) == date(2025, 3, 1)
        assert once.next_on_or_after(date(2025, 3, 2)) is None

    def test_month_end_is_kept_in_short_months(self) -> None:
        """A 31st moves to the month's last day when the month is shorter."""
        monthly = FollowUpAgreement(date(2024, 1, 31), every_months=1)
        assert monthly.dates(date(2024, 4, 30)) == (
            date(2024, 1, 31),
            date(2024, 2, 29),
            date(2024, 3, 31),
            date(2024, 4, 30),
        )

    @given(starts, st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=2000))
    def test_next_is_first_date_on_or_after(self, start: date, every: int, offset: int) -> None:
        """next_on_or_after is the first of dates() on or after the day."""
        agreed = FollowUpAgreement(start, every_months=every)
        day = start + timedelta(days=offset - 200)
        later = agreed.dates(day + timedelta(days=400))
        expected = next(d for d in later if d >= day)
        assert agreed.next_on_or_after(day) == expected

    @pytest.mark.parametrize("every", [0, -1, True, 1.5])
    def test_cadence_positive(self, every: object) -> None:
        """The cadence is a positive whole number of months."""
        with pytest.raises(ValueError, match="every_months: expected a whole number of months"):
            FollowUpAgreement(date(2025, 1, 1), every)  # type: ignore[arg-type]


class TestNotRelevant:
    def test_reason_required(self) -> None:
        """A living condition judged not relevant needs a reason."""
        with pytest.raises(ValueError, match="reason: must not be empty"):
            NotRelevant(LivingCondition.DEMOCRACY, "  ")
        with pytest.raises(TypeError, match="living_condition"):
            NotRelevant("democracy", "x")  # type: ignore[arg-type]
