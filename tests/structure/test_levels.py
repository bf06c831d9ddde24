from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import GovernanceLevel, Mode

levels = st.sampled_from(GovernanceLevel)
COMPARISONS: list[Callable[[Any, Any], Any]] = [
    operator.lt,
    operator.le,
    operator.gt,
    operator.ge,
]


class TestGovernanceLevelOrder:
    def test_order_from_local_to_central(self) -> None:
        """Levels sort from local up to central, as strategic questions travel."""
        assert sorted(GovernanceLevel) == [
            GovernanceLevel.LOCAL,
            GovernanceLevel.SUBREGIONAL,
            GovernanceLevel.REGIONAL,
            GovernanceLevel.CENTRAL,
        ]
        assert GovernanceLevel.LOCAL < GovernanceLevel.REGIONAL
        assert max(GovernanceLevel) is GovernanceLevel.CENTRAL
        assert min(GovernanceLevel) is GovernanceLevel.LOCAL

    def test_ranks(self) -> None:
        """Ranks run 0 (local) to 3 (central)."""
        assert [level.rank for level in sorted(GovernanceLevel)] == [0, 1, 2, 3]

    @given(levels, levels)
    def test_comparisons_follow_rank(self, a: GovernanceLevel, b: GovernanceLevel) -> None:
        """All four comparisons agree with comparing ranks."""
        assert (a < b) == (a.rank < b.rank)
        assert (a <= b) == (a.rank <= b.rank)
        assert (a > b) == (a.rank > b.rank)
        assert (a >= b) == (a.rank >= b.rank)
        assert (a == b) == (a.rank == b.rank)

    @given(levels, levels)
    def test_total_and_antisymmetric(self, a: GovernanceLevel, b: GovernanceLevel) -> None:
        """Exactly one of a < b, a == b, a > b holds."""
        assert [a < b, a == b, a > b].count(True) == 1

    @given(levels, levels, levels)
    def test_transitive(self, a: GovernanceLevel, b: GovernanceLevel, c: GovernanceLevel) -> None:
        """Order is transitive: a <= b <= c implies a <= c."""
        if a <= b <= c:
            assert a <= c

    @given(st.lists(levels))
    def test_sorting_matches_rank(self, items: list[GovernanceLevel]) -> None:
        """Sorting levels sorts them by rank, not alphabetically by value."""
        assert [x.rank for x in sorted(items)] == sorted(x.rank for x in items)

    @pytest.mark.parametrize("compare", COMPARISONS, ids=lambda f: f.__name__)
    @given(level=levels, other=st.one_of(st.integers(), st.text(), st.none(), st.just(Mode.NORMAL)))
    def test_comparing_with_non_levels_raises(
        self, compare: Callable[[Any, Any], Any], level: GovernanceLevel, other: object
    ) -> None:
        """Ordering a level against anything else is a TypeError (both directions)."""
        with pytest.raises(TypeError):
            compare(level, other)
        with pytest.raises(TypeError):
            compare(other, level)

    @given(levels)
    def test_dunders_return_not_implemented(self, level: GovernanceLevel) -> None:
        """The comparison methods hand non-levels back to Python with NotImplemented."""
        for name in ("__lt__", "__le__", "__gt__", "__ge__"):
            assert getattr(level, name)("regional") is NotImplemented

    def test_not_alphabetical(self) -> None:
        """Central sorts above regional although 'central' < 'regional' alphabetically."""
        assert GovernanceLevel.CENTRAL > GovernanceLevel.REGIONAL
        assert GovernanceLevel.CENTRAL.value < GovernanceLevel.REGIONAL.value

    def test_hashable_and_equal_only_to_itself(self) -> None:
        """Levels work as dict keys and are never equal to their value strings."""
        assert {GovernanceLevel.LOCAL: 1}[GovernanceLevel.LOCAL] == 1
        value: object = "local"
        assert value != GovernanceLevel.LOCAL


class TestMode:
    def test_members_and_labels(self) -> None:
        """Normal and activated mode, with Swedish labels."""
        assert [m.value for m in Mode] == ["normal", "activated"]
        assert Mode.ACTIVATED.label("sv") == "Aktiverat läge"
