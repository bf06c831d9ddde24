from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given

from samverkan_model import Decision, DecisionKind, MeasureRef
from tests.structure.strategies import SLUGS as slugs


class TestMeasureRef:
    @given(slugs, slugs)
    def test_parse_round_trips(self, analysis: str, measure: str) -> None:
        """str() and parse() are inverse."""
        ref = MeasureRef(analysis, measure)
        assert MeasureRef.parse(str(ref)) == ref

    @pytest.mark.parametrize("text", ["no-slash", ""])
    def test_parse_needs_a_slash(self, text: str) -> None:
        """Text without '/' is refused with the expected form."""
        with pytest.raises(ValueError, match="'analysis-id/measure-id'"):
            MeasureRef.parse(text)

    def test_parts_are_slugs(self) -> None:
        """Each part must be a slug (a second slash makes the measure id invalid)."""
        with pytest.raises(ValueError, match=r"^measure: "):
            MeasureRef.parse("rsa/m/1")
        with pytest.raises(ValueError, match=r"^analysis: "):
            MeasureRef.parse("/m1")

    def test_ordered(self) -> None:
        """References order by analysis, then measure."""
        refs = [MeasureRef("b", "a"), MeasureRef("a", "b"), MeasureRef("a", "a")]
        assert [str(r) for r in sorted(refs)] == ["a/a", "a/b", "b/a"]


class TestDecision:
    def test_contract_kinds(self) -> None:
        """Direction, coordination, budget and staffing decisions."""
        assert [k.name for k in DecisionKind] == ["DIRECTION", "COORDINATION", "BUDGET", "STAFFING"]

    def test_measures_from_strings_sorted(self) -> None:
        """Measures may be given as strings; they are parsed and sorted."""
        d = Decision(
            "beslut-1",
            DecisionKind.DIRECTION,
            "chefsgruppen",
            date(2025, 3, 1),
            measures=["rsa/m2", MeasureRef("rsa", "m1")],
        )
        assert d.measures == (MeasureRef("rsa", "m1"), MeasureRef("rsa", "m2"))
        assert (d.proposed_by, d.text) == (None, "")

    def test_measures_must_be_a_collection_of_references(self) -> None:
        """A bare string, a malformed reference or a non-reference item is refused by name."""
        with pytest.raises(TypeError, match=r"^measures: expected a collection .* \(write"):
            Decision("d", DecisionKind.BUDGET, "c", date(2025, 1, 1), measures="rsa/m1")
        with pytest.raises(TypeError, match=r"^measures: expected a collection"):
            Decision("d", DecisionKind.BUDGET, "c", date(2025, 1, 1), measures=5)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match=r"^measures: 'rsa' is not a measure reference"):
            Decision("d", DecisionKind.BUDGET, "c", date(2025, 1, 1), measures=["rsa"])
        with pytest.raises(TypeError, match=r"^measures: expected 'analysis-id/measure-id'"):
            Decision("d", DecisionKind.BUDGET, "c", date(2025, 1, 1), measures=[3])  # type: ignore[list-item]

    def test_validation(self) -> None:
        """Ids are slugs and the date is a date, not a datetime."""
        with pytest.raises(ValueError, match=r"^body: "):
            Decision("d", DecisionKind.BUDGET, "Chefsgruppen", date(2025, 1, 1))
        with pytest.raises(ValueError, match=r"^proposed_by: "):
            Decision("d", DecisionKind.BUDGET, "c", date(2025, 1, 1), proposed_by="X Y")
        with pytest.raises(TypeError, match=r"^decided_on: expected a date"):
            Decision("d", DecisionKind.BUDGET, "c", datetime(2025, 1, 1, 9))
        with pytest.raises(TypeError, match="kind"):
            Decision("d", "budget", "c", date(2025, 1, 1))  # type: ignore[arg-type]
