from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model.risk import (
    DEFAULT_CONSEQUENCE,
    DEFAULT_LIKELIHOOD,
    DEFAULT_RISK_LEVELS,
    MetadataEntry,
    RiskLevel,
    RiskMatrix,
    Scale,
    ScaleLevel,
)
from tests.risk.strategies import any_grids, risk_matrices, simple_levels, simple_scale


def is_monotone(m: RiskMatrix) -> bool:
    return all(
        m.level(lik, con).value <= m.level(lik2, con2).value
        for lik, con in m.cells()
        for lik2, con2 in ((lik + 1, con), (lik, con + 1))
        if m.contains(lik2, con2)
    )


class TestScaleLevel:
    def test_label_falls_back(self) -> None:
        """A level named in one language only shows that name in both."""
        level = ScaleLevel(1, "", "", "Rare")
        assert level.label("sv") == level.label("en") == "Rare"
        assert ScaleLevel(1, "", "Sällan", "").label("en") == "Sällan"

    def test_description_falls_back(self) -> None:
        """Descriptions fall back to the other language too."""
        level = ScaleLevel(1, "S1", "Låg", "Low", description_en="Hardly ever")
        assert level.description("sv") == "Hardly ever"
        assert level.description("en") == "Hardly ever"
        assert ScaleLevel(1, "", "a", "b", "beskr").description("en") == "beskr"

    def test_needs_a_name(self) -> None:
        """A level with no name in either language is refused."""
        with pytest.raises(ValueError, match="level 2 needs a Swedish or an English name"):
            ScaleLevel(2, "S2", " ", "")

    @pytest.mark.parametrize("value", [0, -1, True, 1.5])
    def test_value_positive_integer(self, value: object) -> None:
        """Values are whole numbers from 1."""
        with pytest.raises(ValueError, match="value: expected a whole number"):
            ScaleLevel(value, "S", "a", "b")  # type: ignore[arg-type]

    @pytest.mark.parametrize("colour", ["red", "#12345", "A5D6A7", 5, "#A5D6A7\n"])
    def test_colour_must_be_hex(self, colour: object) -> None:
        """Colours are hex codes."""
        with pytest.raises(ValueError, match="colour: expected a hex colour"):
            ScaleLevel(1, "S", "a", "b", colour=colour)  # type: ignore[arg-type]

    def test_kinds_are_distinct(self) -> None:
        """A risk level never equals a scale level with the same fields."""
        risk_level: object = RiskLevel(1, "L", "Låg", "Low")
        assert risk_level != ScaleLevel(1, "L", "Låg", "Low")


class TestScale:
    def test_sorted_and_contiguous(self) -> None:
        """Levels given in any order are kept sorted by value."""
        scale = Scale([ScaleLevel(2, "b", "b", ""), ScaleLevel(1, "a", "a", "")])
        assert [lv.value for lv in scale.levels] == [1, 2]
        assert scale.size == 2
        assert list(scale.values) == [1, 2]

    def test_gap_is_refused(self) -> None:
        """A scale with a gap names the values it got."""
        with pytest.raises(ValueError, match=r"levels: values must run 1, 2, \.\.\. 2 .*got 1, 3"):
            Scale([ScaleLevel(1, "a", "a", ""), ScaleLevel(3, "c", "c", "")])

    def test_repeat_is_refused(self) -> None:
        """Two levels with the same value are refused."""
        with pytest.raises(ValueError, match="got 1, 1"):
            Scale([ScaleLevel(1, "a", "a", ""), ScaleLevel(1, "b", "b", "")])

    def test_empty_is_refused(self) -> None:
        """A scale needs at least one level."""
        with pytest.raises(ValueError, match="levels: needs at least one level"):
            Scale([])

    def test_items_must_be_levels(self) -> None:
        """Anything but a ScaleLevel is refused with its index."""
        with pytest.raises(TypeError, match=r"levels\[0\]: expected ScaleLevel"):
            Scale([RiskLevel(1, "a", "a", "")])  # type: ignore[list-item]

    def test_contains_and_level(self) -> None:
        """contains() and level() agree; off-scale values raise."""
        assert DEFAULT_LIKELIHOOD.contains(5)
        assert not DEFAULT_LIKELIHOOD.contains(0)
        assert not DEFAULT_LIKELIHOOD.contains(True)
        assert not DEFAULT_LIKELIHOOD.contains("3")
        assert DEFAULT_LIKELIHOOD.level(3).abbreviation == "S3"
        with pytest.raises(ValueError, match=r"6 is not on the scale \(1 to 5\)"):
            DEFAULT_LIKELIHOOD.level(6)


class TestDefaults:
    def test_five_levels_with_descriptions(self) -> None:
        """The default scales have five levels, each named and described in both languages."""
        for scale, prefix in ((DEFAULT_LIKELIHOOD, "S"), (DEFAULT_CONSEQUENCE, "K")):
            assert scale.size == 5
            for level in scale.levels:
                assert level.abbreviation == f"{prefix}{level.value}"
                assert level.name_sv
                assert level.name_en
                assert level.description_sv
                assert level.description_en
        assert [lv.label("en") for lv in DEFAULT_RISK_LEVELS] == [
            "Low",
            "Medium",
            "High",
            "Very high",
        ]

    def test_default_grid(self) -> None:
        """The default matrix grades cells by the product of likelihood and consequence."""
        m = RiskMatrix.default()
        assert m.shape == (5, 5)
        for lik, con in m.cells():
            product = lik * con
            expected = 1 if product <= 4 else 2 if product <= 9 else 3 if product <= 16 else 4
            assert m.level(lik, con).value == expected
        assert RiskMatrix.default() is m

    def test_default_is_monotone(self) -> None:
        """The default matrix never decreases."""
        assert is_monotone(RiskMatrix.default())


class TestRiskMatrix:
    def _matrix(self, grid: list[list[int]], allow_decreasing: bool = False) -> RiskMatrix:
        return RiskMatrix(
            simple_scale(len(grid)), simple_scale(2), simple_levels(3), grid, allow_decreasing
        )

    def test_too_few_rows(self) -> None:
        """A grid with a missing row is refused."""
        with pytest.raises(ValueError, match=r"grid: has 1 rows, expected 2 \(one per likelihood"):
            RiskMatrix(simple_scale(2), simple_scale(2), simple_levels(2), [[1, 1]])

    def test_short_row(self) -> None:
        """A short row names the row."""
        with pytest.raises(ValueError, match=r"grid row 2: has 1 cells, expected 2"):
            self._matrix([[1, 1], [1]])

    def test_unknown_level(self) -> None:
        """A cell that is not a risk level names the row and column."""
        with pytest.raises(
            ValueError, match=r"grid row 1, column 2: 4 is not a risk level \(1 to 3\)"
        ):
            self._matrix([[1, 4], [1, 1]])

    def test_bool_cell(self) -> None:
        """True is not a risk level."""
        with pytest.raises(ValueError, match="grid row 1, column 1: True"):
            self._matrix([[True, 1], [1, 1]])

    def test_decreasing_down_a_column(self) -> None:
        """A level that falls as likelihood rises names the cell."""
        with pytest.raises(
            ValueError, match=r"grid row 2, column 1: risk level 1 is lower than 2 in row 1"
        ):
            self._matrix([[2, 2], [1, 2]])

    def test_decreasing_along_a_row(self) -> None:
        """A level that falls as consequence rises names the cell."""
        with pytest.raises(
            ValueError, match=r"grid row 1, column 2: risk level 1 is lower than 2 in column 1"
        ):
            self._matrix([[2, 1], [2, 2]])

    def test_allow_decreasing(self) -> None:
        """allow_decreasing=True accepts a decreasing grid."""
        m = self._matrix([[2, 1], [1, 1]], allow_decreasing=True)
        assert m.level(1, 1).value == 2

    def test_grid_not_rows(self) -> None:
        """A grid must be made of rows."""
        with pytest.raises(TypeError, match="grid: expected rows"):
            RiskMatrix(simple_scale(1), simple_scale(1), simple_levels(1), 5)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="grid row 1: expected a row"):
            RiskMatrix(simple_scale(1), simple_scale(1), simple_levels(1), [1])  # type: ignore[list-item]

    def test_level_off_scale(self) -> None:
        """level() outside the scales raises, naming which scale."""
        m = RiskMatrix.default()
        with pytest.raises(ValueError, match="likelihood 6 is not on the scale"):
            m.level(6, 1)
        with pytest.raises(ValueError, match="consequence 0 is not on the scale"):
            m.level(1, 0)

    def test_risk_level(self) -> None:
        """risk_level() finds a level by value."""
        m = RiskMatrix.default()
        assert m.risk_level(4).label("sv") == "Mycket hög"
        with pytest.raises(ValueError, match="5 is not a risk level"):
            m.risk_level(5)

    def test_metadata_sorted_and_unique(self) -> None:
        """Metadata is kept sorted by path and a repeated path is refused."""
        m = RiskMatrix(
            simple_scale(1),
            simple_scale(1),
            simple_levels(1),
            [[1]],
            metadata=[MetadataEntry("matrix/urn", '"u"'), MetadataEntry("library/a", "1")],
        )
        assert [e.path for e in m.metadata] == ["library/a", "matrix/urn"]
        with pytest.raises(ValueError, match="metadata: path 'x' appears more than once"):
            RiskMatrix(
                simple_scale(1),
                simple_scale(1),
                simple_levels(1),
                [[1]],
                metadata=[MetadataEntry("x", "1"), MetadataEntry("x", "2")],
            )
        with pytest.raises(ValueError, match="path: must not be empty"):
            MetadataEntry("", "1")

    def test_by_product_bounds(self) -> None:
        """by_product needs k - 1 strictly increasing bounds."""
        with pytest.raises(ValueError, match=re.escape("expected 3 strictly increasing")):
            RiskMatrix.by_product(
                DEFAULT_LIKELIHOOD, DEFAULT_CONSEQUENCE, DEFAULT_RISK_LEVELS, [4, 9]
            )
        with pytest.raises(ValueError, match="strictly increasing"):
            RiskMatrix.by_product(
                DEFAULT_LIKELIHOOD, DEFAULT_CONSEQUENCE, DEFAULT_RISK_LEVELS, [4, 4, 9]
            )

    @given(any_grids())
    def test_constructed_matrices_are_monotone_and_total(
        self, case: tuple[int, int, int, list[list[int]]]
    ) -> None:
        """Every matrix that passes construction has a level in every cell and never decreases."""
        rows, columns, top, grid = case
        try:
            m = RiskMatrix(simple_scale(rows), simple_scale(columns), simple_levels(top), grid)
        except ValueError:
            return
        assert len(m.cells()) == rows * columns
        assert all(1 <= m.level(lik, con).value <= top for lik, con in m.cells())
        assert is_monotone(m)

    @given(risk_matrices())
    def test_generated_monotone_grids_pass(self, m: RiskMatrix) -> None:
        """Every monotone grid of the right shape is accepted and read back cell by cell."""
        assert is_monotone(m)
        for lik, con in m.cells():
            assert m.level(lik, con).value == m.grid[lik - 1][con - 1]

    @given(st.lists(st.integers(min_value=1, max_value=30), min_size=3, max_size=3, unique=True))
    def test_by_product_is_monotone(self, bounds: list[int]) -> None:
        """Any increasing bounds give a monotone matrix."""
        m = RiskMatrix.by_product(
            DEFAULT_LIKELIHOOD, DEFAULT_CONSEQUENCE, DEFAULT_RISK_LEVELS, sorted(bounds)
        )
        assert is_monotone(m)
