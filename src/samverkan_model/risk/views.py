"""Grouped views of an analysis: risks per matrix cell and per living condition."""

from __future__ import annotations

import attrs

from samverkan_model.risk.scales import RiskLevel, RiskMatrix
from samverkan_model.risk.values import LivingCondition

__all__ = ["ConditionGroup", "MatrixCell", "MatrixSummary"]


@attrs.frozen
class MatrixCell:
    """One cell of a risk matrix with the risks placed in it.

    Attributes:
        likelihood: The cell's likelihood step.
        consequence: The cell's consequence step.
        level: The cell's risk level.
        risks: The ids of the risks in the cell, sorted.
    """

    likelihood: int
    consequence: int
    level: RiskLevel
    risks: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many risks are in the cell."""
        return len(self.risks)


@attrs.frozen
class MatrixSummary:
    """An analysis's risks placed in a risk matrix: :meth:`Analysis.matrix`.

    Attributes:
        matrix: The matrix the risks were placed in.
        cells: Every cell of the matrix, row by row from (1, 1), with its risks.
        off_scale: The ids of risks whose likelihood or consequence is not on the matrix's
            scales (they are in no cell).
    """

    matrix: RiskMatrix
    cells: tuple[MatrixCell, ...]
    off_scale: tuple[str, ...] = ()

    def cell(self, likelihood: int, consequence: int) -> MatrixCell:
        """The cell (*likelihood*, *consequence*).

        Raises:
            ValueError: if the cell is not in the matrix.
        """
        self.matrix.level(likelihood, consequence)
        return self.cells[(likelihood - 1) * self.matrix.consequence.size + consequence - 1]

    def count(self, likelihood: int, consequence: int) -> int:
        """How many risks are in the cell (*likelihood*, *consequence*)."""
        return self.cell(likelihood, consequence).count

    def counts(self) -> tuple[tuple[int, ...], ...]:
        """The counts laid out like the matrix's grid: ``counts()[l - 1][c - 1]``."""
        width = self.matrix.consequence.size
        flat = [cell.count for cell in self.cells]
        return tuple(tuple(flat[i : i + width]) for i in range(0, len(flat), width))

    def by_level(self) -> tuple[tuple[RiskLevel, int], ...]:
        """How many risks have each risk level, from the lowest level up."""
        totals = dict.fromkeys(self.matrix.levels, 0)
        for cell in self.cells:
            totals[cell.level] += cell.count
        return tuple(totals.items())


@attrs.frozen
class ConditionGroup:
    """What an analysis says about one living condition: :meth:`Analysis.by_living_condition`.

    Attributes:
        living_condition: The living condition.
        discussed: Whether the workshop discussed it.
        not_relevant: Why it was judged not relevant (``None``: it was not).
        risks: The ids of the risks that touch it, sorted.
        measures: The ids of the measures that address it, directly or through one of
            their risks, sorted.
    """

    living_condition: LivingCondition
    discussed: bool
    not_relevant: str | None = None
    risks: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
