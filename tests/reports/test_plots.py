from __future__ import annotations

import io
from datetime import date

import pytest

import samverkan_model as sm
from samverkan_model.reports.plots import (
    measure_status_figure,
    reporting_graph_figure,
    risk_matrix_figure,
)
from tests.reports import data

pytest.importorskip("matplotlib")


def _png_size(figure: object) -> tuple[int, int]:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")  # type: ignore[attr-defined]
    raw = buffer.getvalue()
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(raw[16:20], "big"), int.from_bytes(raw[20:24], "big")


def _texts(figure: object) -> list[str]:
    axes = figure.axes[0]  # type: ignore[attr-defined]
    return [t.get_text() for t in axes.texts]


class TestRiskMatrixFigure:
    def test_counts_from_an_analysis(self) -> None:
        """Each cell shows the number of the analysis's risks in it; PNG of the set size."""
        figure = risk_matrix_figure(data.analysis(), "en")
        texts = _texts(figure)
        assert len(texts) == 25
        assert sorted(texts).count("1") == 2
        assert _png_size(figure) == (int(1.6 * 100 + 1.3 * 5 * 100), int(1.2 * 100 + 0.9 * 5 * 100))

    def test_levels_from_a_matrix(self) -> None:
        """Given a matrix, each cell shows its risk level, coloured by the level's colour."""
        figure = risk_matrix_figure(sm.RiskMatrix.default(), "sv")
        assert "Mycket hög" in _texts(figure)
        assert figure.axes[0].get_xlabel() == "Konsekvens"

    def test_svg(self) -> None:
        """Figures save as SVG as well."""
        buffer = io.StringIO()
        risk_matrix_figure(sm.RiskMatrix.default()).savefig(buffer, format="svg")
        assert buffer.getvalue().lstrip().startswith("<?xml")


class TestReportingGraphFigure:
    def test_nodes_by_level(self) -> None:
        """Nodes are drawn at the height of their governance level, with names."""
        figure = reporting_graph_figure(data.structure(), lang="en")
        axes = figure.axes[0]
        heights = {t.get_text(): t.get_position()[1] for t in axes.texts if t.get_text()}
        assert heights["Nacka kommun"] == sm.GovernanceLevel.LOCAL.rank
        assert heights["Chefsgruppen"] == sm.GovernanceLevel.REGIONAL.rank
        assert [t.get_text() for t in axes.get_yticklabels()] == ["Local level", "Regional level"]
        assert _png_size(figure)[0] >= 600

    def test_empty_structure(self) -> None:
        """A structure without reporting lines gives an empty but valid figure."""
        figure = reporting_graph_figure(sm.Structure("Tom"))
        assert _texts(figure) == []
        _png_size(figure)

    def test_unknown_node_level(self) -> None:
        """A relation to an unknown id is drawn on a row of its own, labelled with a dash."""
        s = data.structure()
        s = s.with_(relations=(*s.relations, sm.Relation("chefsgruppen", "okand",
                                                         sm.RelationKind.REPORTS_TO)))  # fmt: skip
        figure = reporting_graph_figure(s, at=date(2025, 6, 1))
        assert "–" in [t.get_text() for t in figure.axes[0].get_yticklabels()]


class TestMeasureStatusFigure:
    def test_stack_adds_up(self) -> None:
        """The stacked areas add up to the number of measures on every day."""
        days = [date(2025, 1, 1), date(2025, 3, 1), date(2025, 5, 1)]
        figure = measure_status_figure(data.analysis(), days, "en")
        axes = figure.axes[0]
        tops = axes.collections[-1].get_paths()[0].vertices[:, 1].max()
        assert tops == len(data.analysis().measures)
        assert [t.get_text() for t in axes.get_legend().get_texts()][:2] == [
            "not recorded",
            "Planned",
        ]

    def test_register(self) -> None:
        """A register over several analyses is plotted the same way."""
        register = sm.FollowUpRegister([data.analysis()])
        figure = measure_status_figure(register, [date(2025, 4, 1)], "sv")
        _png_size(figure)
