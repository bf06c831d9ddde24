"""The converter: strict primitives, how dates and times are written, omitted fields."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import attrs
import pytest

from samverkan_model import (
    Basis,
    Cadence,
    Confidence,
    LivingCondition,
    MeasureRef,
    Method,
    Mode,
    Period,
    Person,
    Risk,
    Shift,
    Structure,
)
from samverkan_model.io import (
    LoadError,
    converter,
    dumps,
    from_data,
    loads,
    make_converter,
    to_data,
)
from samverkan_model.io._converter import absent_means_none, show


def _problem(data: Any, cls: type) -> tuple[str, str]:
    with pytest.raises(LoadError) as caught:
        from_data(data, cls)
    (problem,) = caught.value.problems
    return problem


class TestStrictPrimitives:
    @pytest.mark.parametrize(
        ("value", "message"),
        [
            (42, "expected text, got 42"),
            (True, "expected text, got true"),
            (None, "expected text, got null"),
            ([1], "expected text, got a list"),
            ({"a": 1}, "expected text, got a mapping"),
            (date(2025, 1, 1), "expected text, got 2025-01-01 (a date)"),
        ],
    )
    def test_text_is_not_coerced(self, value: object, message: str) -> None:
        """Non-text values for text fields are refused, not turned into text."""
        assert _problem({"id": "p", "name": value}, Person) == ("name", message)

    @pytest.mark.parametrize("value", ["1", 1.0, True, None])
    def test_whole_numbers_are_not_coerced(self, value: object) -> None:
        """Numbers must be whole numbers, not text, floats or booleans."""
        data = {"weekday": value, "at": "09:00"}
        path, message = _problem(data, Cadence)
        assert path == "weekday"
        assert message.startswith("expected a whole number")

    def test_booleans_are_not_coerced(self) -> None:
        """Only true and false are booleans."""
        data = {"name": "M", "builds_on_protected_values": "yes"}
        assert _problem(data, Method) == (
            "builds_on_protected_values",
            "expected true or false, got 'yes'",
        )

    def test_long_values_are_shortened(self) -> None:
        """Offending values are shown at most about sixty characters long."""
        shown = show("x" * 200)
        assert len(shown) == 60
        assert shown.endswith("...")


class TestDatesAndTimes:
    def test_written_forms(self) -> None:
        """Dates are YYYY-MM-DD; times and date-times drop zero seconds."""
        assert converter.unstructure(date(2025, 1, 2)) == "2025-01-02"
        assert converter.unstructure(time(9, 30)) == "09:30"
        assert converter.unstructure(time(9, 30, 15)) == "09:30:15"
        assert converter.unstructure(datetime(2025, 1, 6, 8)) == "2025-01-06T08:00"
        assert converter.unstructure(datetime(2025, 1, 6, 8, 0, 1, 5)) == (
            "2025-01-06T08:00:01.000005"
        )

    @pytest.mark.parametrize(
        ("value", "start"),
        [
            ("20250101", "expected a date like '2025-01-31'"),
            ("2025-02-30", "'2025-02-30' is not a valid calendar date"),
            (20250101, "expected a date like"),
            (datetime(2025, 1, 1, 8), "expected a date like"),
        ],
    )
    def test_bad_dates(self, value: object, start: str) -> None:
        """Only real calendar dates in ISO form (or native dates) are dates."""
        path, message = _problem({"start": value}, Period)
        assert path == "start"
        assert message.startswith(start)

    @pytest.mark.parametrize(
        ("value", "start"),
        [
            ("2025-01-06 08:00", "expected a date and time like '2025-01-06T08:00'"),
            ("2025-01-06T08:00+01:00", "expected a date and time like"),
            ("2025-01-06T25:00", "'2025-01-06T25:00' is not a valid date and time"),
            (datetime(2025, 1, 6, 8, tzinfo=UTC), "expected Swedish local time"),
        ],
    )
    def test_bad_datetimes(self, value: object, start: str) -> None:
        """Date-times are naive ISO text with a T (or native naive date-times)."""
        data = {"person": "p", "start": value, "end": "2030-01-01T00:00"}
        path, message = _problem(data, Shift)
        assert path == "start"
        assert message.startswith(start)

    def test_native_datetime(self) -> None:
        """A native naive date-time, as TOML and YAML give, is accepted."""
        data = {"person": "p", "start": datetime(2025, 1, 6, 8), "end": "2025-01-13T08:00"}
        assert from_data(data, Shift).start == datetime(2025, 1, 6, 8)

    @pytest.mark.parametrize(
        ("value", "start"),
        [
            ("9:00", "expected a time of day like '09:00'"),
            ("25:00", "'25:00' is not a valid time of day"),
            (time(9, tzinfo=UTC), "expected Swedish local time"),
        ],
    )
    def test_bad_times(self, value: object, start: str) -> None:
        """Times are HH:MM (seconds optional) or native naive times."""
        path, message = _problem({"weekday": 1, "at": value}, Cadence)
        assert path == "at"
        assert message.startswith(start)

    def test_native_time(self) -> None:
        """A native time of day is accepted."""
        assert from_data({"weekday": 1, "at": time(9)}, Cadence).at == time(9)


class TestScalarsAndCollections:
    def test_measure_refs(self) -> None:
        """Measure references are 'analysis/measure' text."""
        assert converter.unstructure(MeasureRef("rsa", "m1")) == "rsa/m1"
        assert from_data("rsa/m1", MeasureRef) == MeasureRef("rsa", "m1")
        assert _problem("rsa", MeasureRef) == (
            "",
            "'rsa' is not a measure reference of the form 'analysis-id/measure-id'",
        )

    def test_sets_are_sorted_lists(self) -> None:
        """Sets are written sorted, whatever their order in memory."""
        assert converter.unstructure(frozenset(Mode), frozenset[Mode]) == ["activated", "normal"]

    def test_a_bare_string_is_not_a_list(self) -> None:
        """A string where a list belongs is one problem, not one per letter."""
        data = {"weekday": 1, "at": "09:00", "activated_weekdays": "12"}
        assert _problem(data, Cadence) == ("activated_weekdays", "expected a list, got '12'")

    def test_sets_of_mappings_are_sorted_too(self) -> None:
        """A set of objects is written in a canonical order."""

        @attrs.frozen
        class Holder:
            periods: frozenset[Period]

        conv = make_converter()
        a, b = Period(date(2025, 1, 1)), Period(date(2024, 1, 1))
        assert conv.unstructure(Holder(frozenset({a, b}))) == {
            "periods": [{"start": "2024-01-01"}, {"start": "2025-01-01"}]
        }


class TestOmittedFields:
    def test_defaults_are_left_out(self) -> None:
        """Fields equal to their default are not written; reading restores them."""
        structure = Structure("x")
        assert to_data(structure) == {
            "format": "samverkan-model/structure",
            "version": 1,
            "name": "x",
        }

    def test_required_fields_that_may_be_none(self) -> None:
        """A required field that is None is left out, and a missing one reads as None."""
        risk = Risk("r1", "Oro", "", {LivingCondition.EDUCATION}, 2, 3, None, None)
        assert absent_means_none(Risk) == ("confidence", "basis")
        data = converter.unstructure(risk)
        assert "confidence" not in data
        assert "basis" not in data
        assert loads(dumps(risk, "toml"), Risk, "toml") == risk
        sure = attrs.evolve(risk, confidence=Confidence.HIGH, basis=Basis.EVIDENCE)
        assert converter.unstructure(sure)["confidence"] == "high"

    def test_explicit_null_means_absent(self) -> None:
        """An explicit null for a field that may be None is accepted."""
        data = {"id": "p", "name": "P", "contact": None}
        assert from_data(data, Person).contact is None
