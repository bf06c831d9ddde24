from __future__ import annotations

from datetime import date

import samverkan_model as sm
from samverkan_model import catalog


class TestNotebookDisplay:
    def test_structure_html(self) -> None:
        """A structure shows its report as an HTML fragment."""
        fragment = catalog.stockholm_region()._repr_html_()
        assert fragment.startswith("<div>")
        assert "Regionala chefsgruppen" in fragment
        assert "<html" not in fragment

    def test_structure_markdown(self) -> None:
        """A structure's Markdown is a summary and a Mermaid diagram."""
        text = catalog.stockholm_region()._repr_markdown_()
        assert text.startswith("**Samverkan Stockholmsregionen**: 37 actors")
        assert "```mermaid\nflowchart" in text
        assert text.endswith("```\n")

    def test_analysis_html(self) -> None:
        """An analysis shows its report as an HTML fragment."""
        fragment = catalog.social_risk_example()._repr_html_()
        assert "Riskmatris" in fragment

    def test_matrix_html(self) -> None:
        """A risk matrix is a table with cells in the levels' colours."""
        table = sm.RiskMatrix.default()._repr_html_()
        assert table.count("<tr>") == 6
        assert "background:#" in table


class TestRecords:
    def test_analysis_records(self) -> None:
        """Analysis.to_records gives one flat row per measure with its status then."""
        analysis = catalog.social_risk_example()
        rows = analysis.to_records(date(2025, 9, 16))
        assert len(rows) == len(analysis.measures)
        assert set(rows[0]) == {"analysis", "measure", "title", "phase", "responsible",
                                "status", "due", "follow_up", "overdue"}  # fmt: skip
        assert any(r["overdue"] for r in rows)
        before = analysis.to_records(date(2024, 1, 1))
        assert all(r["status"] is None for r in before)

    def test_register_records(self) -> None:
        """FollowUpRegister.to_records concatenates the analyses' rows."""
        analysis = catalog.social_risk_example()
        register = sm.FollowUpRegister([analysis])
        assert register.to_records(date(2025, 9, 16)) == analysis.to_records(date(2025, 9, 16))
