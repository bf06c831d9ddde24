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
    FORMATS,
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


@attrs.frozen
class Survey:
    """A user's own class holding library types and plain Python types.

    Args:
        title: What the survey is called, written over
            two lines.

        ratio: A share between 0 and 1.
    """

    title: str
    ratio: float
    pair: tuple[int, str]
    counts: list[int]
    tally: dict[str, int]
    period: Period | None = None


class TestUserClasses:
    def test_round_trip_and_strictness(self) -> None:
        """A user's attrs class is read strictly and round-trips through every format."""
        survey = Survey("Enkät", 0.5, (1, "x"), [1, 2], {"a": 1}, Period(date(2025, 1, 1)))
        for fmt in FORMATS:
            assert loads(dumps(survey, fmt), Survey, fmt) == survey
        assert from_data({**to_data(survey), "ratio": 1}, Survey).ratio == 1.0

    def test_every_problem_of_a_user_class(self) -> None:
        """Problems in a user's class are reported like those in the library's own."""
        data = {
            "title": "x",
            "ratio": "half",
            "pair": [1, "x"],
            "counts": [1, "2"],
            "tally": {"a": "1"},
        }
        with pytest.raises(LoadError) as caught:
            from_data(data, Survey)
        assert [p.path for p in caught.value.problems] == ["ratio", "counts[1]", "tally['a']"]
        assert caught.value.problems[0].message == "expected a number, got 'half'"

    def test_non_text_keys(self) -> None:
        """A key that is not text (possible in YAML) is reported as unknown."""
        text = "format: samverkan-model/structure\nversion: 1\nname: x\n1: one\n"
        with pytest.raises(LoadError) as caught:
            loads(text, Structure, "yaml")
        assert caught.value.problems == (("", "unknown key 1"),)


class TestValidatorMessages:
    def test_detail_after_the_field_name(self) -> None:
        """A validator message that names a field and more detail points at the field."""
        data = {
            "format": "samverkan-model/analysis",
            "version": 1,
            "id": "rsa",
            "title": "RSA",
            "risk_matrix": {
                "likelihood": {
                    "levels": [
                        {"value": 1, "abbreviation": "S1", "name_sv": "Låg", "name_en": "Low"},
                        {"value": 2, "abbreviation": "S2", "name_sv": "Hög", "name_en": "High"},
                    ]
                },
                "consequence": {
                    "levels": [
                        {"value": 1, "abbreviation": "K1", "name_sv": "Liten", "name_en": "Small"}
                    ]
                },
                "levels": [
                    {"value": 1, "abbreviation": "L", "name_sv": "Låg", "name_en": "Low"},
                    {"value": 2, "abbreviation": "H", "name_sv": "Hög", "name_en": "High"},
                ],
                "grid": [[2], [1]],
            },
        }
        from samverkan_model import Analysis

        with pytest.raises(LoadError) as caught:
            from_data(data, Analysis)
        (problem,) = caught.value.problems
        assert problem.path == "risk_matrix.grid"
        assert problem.message.startswith("grid row 2, column 1: risk level 1 is lower")

    @pytest.mark.parametrize(
        ("cls", "value", "message"),
        [
            (MeasureRef, 7, "7 is not a measure reference"),
            (Period, [], "expected a mapping of keys to values, got a list"),
        ],
    )
    def test_scalars_of_the_wrong_type(self, cls: type, value: object, message: str) -> None:
        """A scalar type given a value of the wrong kind says what it expected."""
        assert _problem(value, cls)[1].startswith(message)

    def test_areas_of_the_wrong_type(self) -> None:
        """An area given as a number is refused with the forms it may take."""
        data = {"id": "a", "name": "A", "kind": "other", "level": "local", "area": 180}
        from samverkan_model import Actor

        assert _problem(data, Actor)[1].startswith("180 is not a known area")


def _refuse_all(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    raise ValueError("nothing here is acceptable")


@attrs.frozen
class Picky:
    """A class whose validator names no field."""

    value: int = attrs.field(validator=_refuse_all)


class TestUnattributedMessages:
    def test_message_without_a_field_name(self) -> None:
        """A validator message that names no field is reported at the object."""
        assert _problem({"value": 1}, Picky) == ("", "nothing here is acceptable")


class TestFastPeriods:
    def test_fast_and_detailed_agree(self) -> None:
        """The fast period hook reads what the detailed one reads, null end included."""
        from samverkan_model.io._converter import fast_converter

        for data in (
            {"start": "2025-01-01"},
            {"start": "2025-01-01", "end": None},
            {"start": date(2025, 1, 1), "end": "2025-02-01"},
        ):
            assert fast_converter.structure(data, Period) == converter.structure(data, Period)

    def test_unknown_keys_are_reported_in_detail(self) -> None:
        """A period with a misspelt key fails fast and is then reported with its path."""
        assert _problem({"start": "2025-01-01", "ends": "2025-02-01"}, Period) == (
            "",
            "unknown key 'ends' (did you mean 'end'?)",
        )
