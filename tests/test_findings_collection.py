from __future__ import annotations

from samverkan_model import Finding, Findings, Structure
from samverkan_model.findings import sort_findings


def _two() -> Findings:
    return sort_findings(
        [
            Finding.of("isolated-body", "'b' has no members and no relations", "b"),
            Finding.of("duplicate-id", "id 'a' is used by 2 actors, bodies or persons", "a"),
        ]
    )


class TestFindings:
    def test_is_a_sorted_tuple(self) -> None:
        """sort_findings returns Findings, worst first, equal to a plain tuple."""
        found = _two()
        assert isinstance(found, tuple)
        assert [f.code for f in found] == ["duplicate-id", "isolated-body"]
        assert found == tuple(found)

    def test_groups(self) -> None:
        """errors, warnings and has_errors split the findings by severity."""
        found = _two()
        assert [f.code for f in found.errors] == ["duplicate-id"]
        assert [f.code for f in found.warnings] == ["isolated-body"]
        assert found.has_errors
        assert not Findings().has_errors

    def test_records(self) -> None:
        """to_records gives flat dicts a DataFrame can take."""
        assert _two().to_records()[1] == {
            "severity": "warning",
            "code": "isolated-body",
            "subject": "b",
            "message": "'b' has no members and no relations",
        }

    def test_html(self) -> None:
        """Findings show as an HTML table in notebooks; none as a sentence."""
        assert "<td>duplicate-id</td>" in _two()._repr_html_()
        assert "No findings." in Findings()._repr_html_()

    def test_validate_returns_findings(self) -> None:
        """Structure.validate() returns a Findings collection."""
        assert isinstance(Structure("x").validate(), Findings)
