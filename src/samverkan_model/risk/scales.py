"""Likelihood and consequence scales and the risk matrix that combines them.

Scales are data: a county board or municipality can bring its own. A :class:`Scale` is an
ordered run of :class:`ScaleLevel` values 1, 2, ..., n; a :class:`RiskMatrix` maps each
(likelihood, consequence) cell to a :class:`RiskLevel`. A matrix is checked when it is
built: one grid row per likelihood level, one column per consequence level, every cell a
known risk level and, unless ``allow_decreasing=True``, a risk level that never falls when
likelihood or consequence rises.

The library ships five-level default scales (:data:`DEFAULT_LIKELIHOOD`,
:data:`DEFAULT_CONSEQUENCE`), four risk levels (:data:`DEFAULT_RISK_LEVELS`) and a default
matrix (:meth:`RiskMatrix.default`) built from the product of likelihood and consequence.

>>> matrix = RiskMatrix.default()
>>> matrix.level(4, 3).label("sv"), matrix.level(4, 3).label("en")
('Hög', 'High')
>>> matrix.likelihood.level(5).abbreviation
'S5'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Any, Self

import attrs

from samverkan_model._labels import Lang, check_lang
from samverkan_model._validators import as_tuple, is_text, non_blank, positive_int
from samverkan_model.risk._fields import by_attribute, items_of, sorted_items

__all__ = [
    "DEFAULT_CONSEQUENCE",
    "DEFAULT_LIKELIHOOD",
    "DEFAULT_RISK_LEVELS",
    "MetadataEntry",
    "RiskLevel",
    "RiskMatrix",
    "Scale",
    "ScaleLevel",
]

_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def _colour(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        msg = f"{attribute.name}: expected a hex colour such as '#A5D6A7', got {value!r}"
        raise ValueError(msg)


def _some_name(instance: _Level, attribute: attrs.Attribute[Any], value: object) -> None:
    if not (instance.name_sv.strip() or instance.name_en.strip()):
        msg = f"name_sv: level {instance.value} needs a Swedish or an English name"
        raise ValueError(msg)


@attrs.frozen
class _Level:
    value: int = attrs.field(validator=positive_int)
    abbreviation: str = attrs.field(validator=is_text)
    name_sv: str = attrs.field(validator=is_text)
    name_en: str = attrs.field(validator=[is_text, _some_name])
    description_sv: str = attrs.field(default="", validator=is_text)
    description_en: str = attrs.field(default="", validator=is_text)
    colour: str | None = attrs.field(default=None, validator=_colour)

    def label(self, lang: Lang = "sv") -> str:
        """The level's name in *lang*, or in the other language when it has none in *lang*.

        Raises:
            ValueError: if *lang* is not a supported language code.
        """
        sv, en = self.name_sv, self.name_en
        if check_lang(lang) == "sv":
            return sv or en
        return en or sv

    def description(self, lang: Lang = "sv") -> str:
        """The level's description in *lang* (falling back to the other language)."""
        sv, en = self.description_sv, self.description_en
        if check_lang(lang) == "sv":
            return sv or en
        return en or sv


@attrs.frozen
class ScaleLevel(_Level):
    """One step of a likelihood or consequence scale.

    Args:
        value: The step's position, counted from 1 (the lowest).
        abbreviation: A short code for tables, e.g. ``"S3"``.
        name_sv: The Swedish name (may be empty when *name_en* is given).
        name_en: The English name (may be empty when *name_sv* is given).
        description_sv: What the step means, in Swedish.
        description_en: What the step means, in English.
        colour: An optional display colour, ``"#RRGGBB"`` (3- and 8-digit forms are
            accepted too).

    >>> ScaleLevel(2, "K2", "Begränsade", "Limited").label("en")
    'Limited'
    """


@attrs.frozen
class RiskLevel(_Level):
    """A risk level a matrix cell can hold, such as *Låg* or *Mycket hög*.

    Takes the same arguments as :class:`ScaleLevel`; a higher value is a more serious risk.

    >>> RiskLevel(1, "L", "Låg", "Low", colour="#A5D6A7").label("sv")
    'Låg'
    """


_by_value = by_attribute("value", int, 0)


def _sort_scale_levels(items: Iterable[ScaleLevel]) -> tuple[ScaleLevel, ...]:
    return sorted_items(items, _by_value)


def _sort_risk_levels(items: Iterable[RiskLevel]) -> tuple[RiskLevel, ...]:
    return sorted_items(items, _by_value)


def _contiguous(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    values = [level.value for level in value]  # type: ignore[attr-defined]
    if not values:
        msg = f"{attribute.name}: needs at least one level"
        raise ValueError(msg)
    if values != list(range(1, len(values) + 1)):
        shown = ", ".join(str(v) for v in values)
        msg = (
            f"{attribute.name}: values must run 1, 2, ... {len(values)} without gaps or "
            f"repeats; got {shown}"
        )
        raise ValueError(msg)


@attrs.frozen
class Scale:
    """An ordered likelihood or consequence scale (sannolikhets- eller konsekvensskala).

    Args:
        levels: The steps, in any order; they are kept sorted by value and must run
            1, 2, ..., n without gaps.

    Raises:
        ValueError: if the scale is empty or its values are not contiguous from 1.

    >>> DEFAULT_LIKELIHOOD.size, DEFAULT_LIKELIHOOD.contains(6)
    (5, False)
    """

    levels: tuple[ScaleLevel, ...] = attrs.field(
        converter=_sort_scale_levels, validator=[items_of(ScaleLevel), _contiguous]
    )

    @property
    def size(self) -> int:
        """The number of steps."""
        return len(self.levels)

    @property
    def values(self) -> range:
        """The step values, ``range(1, size + 1)``."""
        return range(1, len(self.levels) + 1)

    def contains(self, value: object) -> bool:
        """Whether *value* is a step of this scale."""
        return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= self.size

    def level(self, value: int) -> ScaleLevel:
        """The step with value *value* (values count from 1).

        Raises:
            ValueError: if *value* is not on the scale.
        """
        if not self.contains(value):
            msg = f"{value!r} is not on the scale (1 to {self.size})"
            raise ValueError(msg)
        return self.levels[value - 1]


@attrs.frozen
class MetadataEntry:
    """A key of an imported risk-matrix library that the model keeps but does not use.

    :func:`samverkan_model.io.matrix_library.load_matrix_library` stores such keys
    (``provider``, a matrix's ``urn``, translations into other languages, ...) so that
    exporting the matrix again writes them back.

    Attributes:
        path: Where the key sits, as ``/``-separated steps from ``library`` or ``matrix``
            (e.g. ``"library/provider"``, ``"matrix/probability/0/translations/fr"``);
            ``~1`` stands for ``/`` and ``~0`` for ``~`` inside a step.
        value: The key's value as compact JSON text.
    """

    path: str = attrs.field(validator=non_blank)
    value: str = attrs.field(validator=is_text)


def _sort_metadata(items: Iterable[MetadataEntry]) -> tuple[MetadataEntry, ...]:
    return sorted_items(items, by_attribute("path", str, ""))


def _unique_paths(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    seen: set[str] = set()
    for entry in value:  # type: ignore[attr-defined]
        if entry.path in seen:
            msg = f"{attribute.name}: path {entry.path!r} appears more than once"
            raise ValueError(msg)
        seen.add(entry.path)


def _grid(rows: Iterable[Iterable[int]]) -> tuple[tuple[int, ...], ...]:
    grid: object = as_tuple(rows)
    if not isinstance(grid, tuple):
        return grid  # type: ignore[return-value]  # refused by the validator, by name
    return tuple(as_tuple(row) for row in grid)


def _check_grid(instance: RiskMatrix, attribute: attrs.Attribute[Any], grid: object) -> None:
    if not isinstance(grid, tuple):
        msg = f"grid: expected rows of risk levels, got {grid!r}"
        raise TypeError(msg)
    rows, columns, top = instance.likelihood.size, instance.consequence.size, len(instance.levels)
    if len(grid) != rows:
        msg = f"grid: has {len(grid)} rows, expected {rows} (one per likelihood level)"
        raise ValueError(msg)
    for i, row in enumerate(grid, start=1):
        if not isinstance(row, tuple):
            msg = f"grid row {i}: expected a row of risk levels, got {row!r}"
            raise TypeError(msg)
        if len(row) != columns:
            msg = (
                f"grid row {i}: has {len(row)} cells, expected {columns} "
                "(one per consequence level)"
            )
            raise ValueError(msg)
        for j, cell in enumerate(row, start=1):
            if not isinstance(cell, int) or isinstance(cell, bool) or not 1 <= cell <= top:
                msg = f"grid row {i}, column {j}: {cell!r} is not a risk level (1 to {top})"
                raise ValueError(msg)
    if not instance.allow_decreasing:
        _check_monotone(grid)


def _check_monotone(grid: tuple[tuple[int, ...], ...]) -> None:
    for i, row in enumerate(grid, start=1):
        for j, cell in enumerate(row, start=1):
            if i > 1 and cell < grid[i - 2][j - 1]:
                msg = (
                    f"grid row {i}, column {j}: risk level {cell} is lower than "
                    f"{grid[i - 2][j - 1]} in row {i - 1} although the likelihood is higher "
                    "(pass allow_decreasing=True if that is intended)"
                )
                raise ValueError(msg)
            if j > 1 and cell < row[j - 2]:
                msg = (
                    f"grid row {i}, column {j}: risk level {cell} is lower than {row[j - 2]} "
                    f"in column {j - 1} although the consequence is higher "
                    "(pass allow_decreasing=True if that is intended)"
                )
                raise ValueError(msg)


@attrs.frozen
class RiskMatrix:
    """A risk matrix: the risk level of every (likelihood, consequence) cell.

    Args:
        likelihood: The likelihood scale; one grid row per level.
        consequence: The consequence scale; one grid column per level.
        levels: The risk levels cells can hold, values 1, 2, ..., k (higher is worse).
        grid: ``grid[l - 1][c - 1]`` is the value of the risk level of likelihood *l* and
            consequence *c*.
        allow_decreasing: Accept a grid whose risk level falls somewhere when likelihood or
            consequence rises (refused by default, since it is almost always a typing
            error).
        metadata: Keys of an imported matrix library kept for export (see
            :class:`MetadataEntry`); sorted by path.

    Raises:
        ValueError: naming the row and column, when the grid has the wrong shape, holds a
            value that is not a risk level, or decreases without ``allow_decreasing``.

    >>> m = RiskMatrix.default()
    >>> [m.level(1, c).value for c in m.consequence.values]
    [1, 1, 1, 1, 2]
    """

    likelihood: Scale = attrs.field(validator=attrs.validators.instance_of(Scale))
    consequence: Scale = attrs.field(validator=attrs.validators.instance_of(Scale))
    levels: tuple[RiskLevel, ...] = attrs.field(
        converter=_sort_risk_levels, validator=[items_of(RiskLevel), _contiguous]
    )
    grid: tuple[tuple[int, ...], ...] = attrs.field(converter=_grid, validator=_check_grid)
    allow_decreasing: bool = attrs.field(
        default=False, validator=attrs.validators.instance_of(bool)
    )
    metadata: tuple[MetadataEntry, ...] = attrs.field(
        default=(),
        converter=_sort_metadata,
        validator=[items_of(MetadataEntry), _unique_paths],
    )

    @staticmethod
    def default() -> RiskMatrix:
        """The default five-by-five matrix (built once; see :meth:`by_product`).

        Its cells are graded by the product of likelihood and consequence: up to 4 *Låg*
        (low), up to 9 *Medel* (medium), up to 16 *Hög* (high), 20 and 25 *Mycket hög*
        (very high). Grading by the product weighs likelihood and consequence equally, as
        the RSA definition of risk does; the very-high band needs one of the two at its top
        step and the other at least one below it.
        """
        return _DEFAULT_MATRIX

    @classmethod
    def by_product(
        cls,
        likelihood: Scale,
        consequence: Scale,
        levels: Iterable[RiskLevel],
        upper_bounds: Iterable[int],
    ) -> Self:
        """A matrix whose cells are graded by the product likelihood × consequence.

        Args:
            likelihood: The likelihood scale.
            consequence: The consequence scale.
            levels: The risk levels, k of them.
            upper_bounds: k - 1 increasing products: a cell whose product is at most
                ``upper_bounds[i]`` gets level ``i + 1`` (the first bound it fits under);
                larger products get level k.

        Raises:
            ValueError: if the bounds are not k - 1 strictly increasing numbers.

        >>> m = RiskMatrix.by_product(DEFAULT_LIKELIHOOD, DEFAULT_CONSEQUENCE,
        ...                           DEFAULT_RISK_LEVELS[:2], [6])
        >>> m.level(2, 3).value, m.level(3, 3).value
        (1, 2)
        """
        risk_levels = tuple(levels)
        bounds = tuple(upper_bounds)
        if len(bounds) != len(risk_levels) - 1 or any(a >= b for a, b in pairwise(bounds)):
            msg = (
                f"upper_bounds: expected {len(risk_levels) - 1} strictly increasing products "
                f"for {len(risk_levels)} risk levels, got {list(bounds)}"
            )
            raise ValueError(msg)

        def grade(product: int) -> int:
            return next((i for i, b in enumerate(bounds, start=1) if product <= b), len(bounds) + 1)

        grid = [[grade(l * c) for c in consequence.values] for l in likelihood.values]  # noqa: E741
        return cls(likelihood, consequence, risk_levels, grid)

    @property
    def shape(self) -> tuple[int, int]:
        """``(likelihood levels, consequence levels)``."""
        return (self.likelihood.size, self.consequence.size)

    def contains(self, likelihood: int, consequence: int) -> bool:
        """Whether (*likelihood*, *consequence*) is a cell of the matrix."""
        return self.likelihood.contains(likelihood) and self.consequence.contains(consequence)

    def level(self, likelihood: int, consequence: int) -> RiskLevel:
        """The risk level of the cell (*likelihood*, *consequence*).

        Raises:
            ValueError: if the likelihood or the consequence is not on its scale.
        """
        if not self.likelihood.contains(likelihood):
            msg = f"likelihood {likelihood!r} is not on the scale (1 to {self.likelihood.size})"
            raise ValueError(msg)
        if not self.consequence.contains(consequence):
            msg = f"consequence {consequence!r} is not on the scale (1 to {self.consequence.size})"
            raise ValueError(msg)
        return self.levels[self.grid[likelihood - 1][consequence - 1] - 1]

    def risk_level(self, value: int) -> RiskLevel:
        """The risk level with value *value*.

        Raises:
            ValueError: if there is no such level.
        """
        if not 1 <= value <= len(self.levels):
            msg = f"{value!r} is not a risk level (1 to {len(self.levels)})"
            raise ValueError(msg)
        return self.levels[value - 1]

    def cells(self) -> tuple[tuple[int, int], ...]:
        """Every (likelihood, consequence) cell, row by row from (1, 1)."""
        return tuple((l, c) for l in self.likelihood.values for c in self.consequence.values)  # noqa: E741

    def _repr_html_(self) -> str:
        from samverkan_model._display import matrix_html  # noqa: PLC0415

        return matrix_html(self)


def _levels(cls: type[Any], abbreviations: str, rows: tuple[tuple[str, str, str, str], ...]) -> Any:
    return tuple(
        cls(i, f"{abbreviations}{i}" if abbreviations else "", sv, en, dsv, den)
        for i, (sv, en, dsv, den) in enumerate(rows, start=1)
    )


DEFAULT_LIKELIHOOD = Scale(
    _levels(
        ScaleLevel,
        "S",
        (
            (
                "Mycket låg",
                "Very low",
                "Väntas inte inträffa inom tio år; inga kända tecken i området.",
                "Not expected within ten years; no known signs in the area.",
            ),
            (
                "Låg",
                "Low",
                "Kan inträffa inom tio år; enstaka tecken i området.",
                "Could happen within ten years; isolated signs in the area.",
            ),
            (
                "Medelhög",
                "Moderate",
                "Kan inträffa inom några år; återkommande tecken, eller har hänt i liknande "
                "områden.",
                "Could happen within a few years; recurring signs, or it has happened in "
                "similar areas.",
            ),
            (
                "Hög",
                "High",
                "Väntas inträffa inom ett till tre år; tydliga tecken i området.",
                "Expected within one to three years; clear signs in the area.",
            ),
            (
                "Mycket hög",
                "Very high",
                "Väntas inträffa inom ett år eller pågår redan.",
                "Expected within a year, or already under way.",
            ),
        ),
    )
)
"""The default five-level likelihood scale (S1-S5).

Social risks rarely have frequencies to count, so the steps combine a time horizon with
how visible the signs are in the area: from no known signs within ten years (S1) to
expected within a year or already under way (S5).
"""

DEFAULT_CONSEQUENCE = Scale(
    _levels(
        ScaleLevel,
        "K",
        (
            (
                "Mycket begränsade",
                "Very limited",
                "Få berörs under kort tid; tilliten till samhällets institutioner påverkas "
                "inte märkbart.",
                "Few people are affected for a short time; trust in society's institutions "
                "is not noticeably affected.",
            ),
            (
                "Begränsade",
                "Limited",
                "En mindre grupp berörs under några veckor; tilliten sviktar lokalt men "
                "återhämtar sig.",
                "A small group is affected for some weeks; trust falters locally but recovers.",
            ),
            (
                "Betydande",
                "Serious",
                "Många i ett område berörs under månader; misstro märks i kontakterna med "
                "myndigheterna.",
                "Many people in an area are affected for months; distrust shows in contacts "
                "with public bodies.",
            ),
            (
                "Allvarliga",
                "Severe",
                "Stora delar av kommunen berörs länge; oönskade beteenden mot andra eller mot "
                "samhället ökar.",
                "Large parts of the municipality are affected for a long time; undesired "
                "behaviour towards others or society increases.",
            ),
            (
                "Mycket allvarliga",
                "Very severe",
                "Tilliten går förlorad i hela området för lång tid; samhällets funktioner kan "
                "inte upprätthållas som vanligt.",
                "Trust is lost across the area for a long time; society's functions cannot "
                "be kept up as usual.",
            ),
        ),
    )
)
"""The default five-level consequence scale (K1-K5).

The steps grow along three lines at once, because that is how a loss of trust spreads:
how many people are affected, for how long, and how far along the process model the
effects reach (from faltering trust to undesired behaviour and society's functions).
"""

DEFAULT_RISK_LEVELS: tuple[RiskLevel, ...] = (
    RiskLevel(
        1,
        "L",
        "Låg",
        "Low",
        "Hanteras i den ordinarie verksamheten; tas upp igen vid nästa analys.",
        "Handled in ordinary work; revisited at the next analysis.",
        "#A5D6A7",
    ),
    RiskLevel(
        2,
        "M",
        "Medel",
        "Medium",
        "Bevakas; åtgärder övervägs i den ordinarie planeringen.",
        "Monitored; measures are considered in ordinary planning.",
        "#FFF59D",
    ),
    RiskLevel(
        3,
        "H",
        "Hög",
        "High",
        "Åtgärder planeras, var och en med en ansvarig och ett datum för uppföljning.",
        "Measures are planned, each with a responsible party and a follow-up date.",
        "#FFB74D",
    ),
    RiskLevel(
        4,
        "MH",
        "Mycket hög",
        "Very high",
        "Gemensamma åtgärder prioriteras och förs in i samverkansorganens inriktning.",
        "Joint measures take priority and go into the collaboration bodies' direction.",
        "#E57373",
    ),
)
"""The four default risk levels, from *Låg* (low) to *Mycket hög* (very high)."""

_DEFAULT_MATRIX = RiskMatrix.by_product(
    DEFAULT_LIKELIHOOD, DEFAULT_CONSEQUENCE, DEFAULT_RISK_LEVELS, (4, 9, 16)
)
