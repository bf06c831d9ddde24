from __future__ import annotations

from datetime import date
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Agreement, AgreementKind, Period, Relation, RelationKind, Structure
from tests.structure.strategies import periods

relations = st.builds(
    Relation,
    source=st.sampled_from(["a", "b"]),
    target=st.sampled_from(["a", "b"]),
    kind=st.sampled_from(RelationKind),
    period=st.none() | periods(latest_start=3),
)


class TestRelation:
    def test_contract_kinds(self) -> None:
        """The relation kinds of the API contract are all there."""
        assert {k.name for k in RelationKind} >= {
            "REPORTS_TO",
            "LEADS",
            "PART_OF",
            "ESCALATES_TO",
            "SUPPORTS",
            "COORDINATES_WITH",
        }

    @given(st.none() | periods(), st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1)))
    def test_active_at(self, period: Period | None, day: date) -> None:
        """An undated relation always holds; a dated one on the days of its period."""
        r = Relation("a", "b", RelationKind.REPORTS_TO, period)
        assert r.active_at(day) == (period is None or period.contains(day))

    def test_validation(self) -> None:
        """Ends are slugs, kind is a RelationKind and period a Period."""
        with pytest.raises(ValueError, match=r"^source: "):
            Relation("A", "b", RelationKind.LEADS)
        with pytest.raises(ValueError, match=r"^target: "):
            Relation("a", "B b", RelationKind.LEADS)
        with pytest.raises(TypeError, match="kind"):
            Relation("a", "b", "leads")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="period"):
            Relation("a", "b", RelationKind.LEADS, date(2025, 1, 1))  # type: ignore[arg-type]

    @given(st.lists(relations, max_size=6), st.randoms())
    def test_canonical_order(self, items: list[Relation], random: Random) -> None:
        """A structure orders its relations the same way whatever order they come in."""
        shuffled = list(items)
        random.shuffle(shuffled)
        assert Structure("s", relations=items) == Structure("s", relations=shuffled)

    def test_undated_sorts_first(self) -> None:
        """Between the same ends and kind, undated relations sort before dated ones."""
        dated = Relation("a", "b", RelationKind.REPORTS_TO, Period(date(2025, 1, 1)))
        undated = Relation("a", "b", RelationKind.REPORTS_TO)
        assert Structure("s", relations=[dated, undated]).relations == (undated, dated)


class TestAgreement:
    def test_parties(self) -> None:
        """An agreement binds two or more actors, kept as a set."""
        g = Agreement(
            "lok-1",
            ["arbetsformedlingen", "boras"],
            AgreementKind.LOCAL_AGREEMENT,
            Period(date(2025, 1, 1)),
            "Etablering",
        )
        assert g.parties == {"arbetsformedlingen", "boras"}

    def test_needs_two_parties(self) -> None:
        """A single party is refused, naming the field."""
        with pytest.raises(ValueError, match=r"^parties: an agreement needs at least two"):
            Agreement("x", ["a"], AgreementKind.OTHER, Period(date(2025, 1, 1)))
        with pytest.raises(ValueError, match=r"^parties: an agreement needs at least two"):
            Agreement("x", ["a", "a"], AgreementKind.OTHER, Period(date(2025, 1, 1)))

    def test_parties_are_slugs(self) -> None:
        """Party ids are slugs, and a bare string is not split into letters."""
        with pytest.raises(ValueError, match=r"^parties: "):
            Agreement("x", ["a", "B"], AgreementKind.OTHER, Period(date(2025, 1, 1)))
        with pytest.raises(TypeError, match=r"^parties: expected a collection"):
            Agreement("x", "ab", AgreementKind.OTHER, Period(date(2025, 1, 1)))
