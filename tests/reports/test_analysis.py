from __future__ import annotations

from datetime import date

import attrs
import pytest

import samverkan_model as sm
from samverkan_model.reports import analysis_report
from tests.reports import data


class TestAnalysisReport:
    @pytest.mark.parametrize("lang", ["sv", "en"])
    def test_sections(self, lang: sm.Lang) -> None:
        """Every section is present, with terms from the enum labels."""
        text = analysis_report(data.analysis(), lang, as_of=date(2025, 7, 1))
        expected = {
            "sv": ["# Analys av sociala risker: Sociala risker i Nacka", "## Metod",
                   "## Deltagare", "## Livsvillkor", "Utbildning", "## Riskmatris",
                   "## Risker", "Medel", "Belägg", "### Proaktiv", "Pågående",
                   "## Försenade åtgärder", "Läxhjälp", "1 juli 2025", "## Kontrollresultat"],
            "en": ["# Social-risk analysis: Sociala risker i Nacka", "## Method",
                   "## Participants", "## Living conditions", "Education", "## Risk matrix",
                   "## Risks", "Medium", "Evidence", "### Proactive", "Ongoing",
                   "## Overdue measures", "1 July 2025", "## Validation findings"],
        }  # fmt: skip
        for word in expected[lang]:
            assert word in text, word

    def test_matrix_counts(self) -> None:
        """The matrix row of likelihood 4 shows one risk in consequence column 3."""
        text = analysis_report(data.analysis(), "en")
        assert "| Likelihood / Consequence | Very limited |" in text
        row = next(line for line in text.splitlines() if line.startswith("| High |"))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[3].startswith("1 ")

    def test_status_as_of_and_overdue(self) -> None:
        """Statuses are read on as_of; a measure past due and not done is overdue."""
        early = analysis_report(data.analysis(), "en", as_of=date(2025, 3, 1))
        late = analysis_report(data.analysis(), "en", as_of=date(2025, 7, 1))
        assert "No overdue measures." in early
        assert "| Läxhjälp | nacka-kommun | Planned |" in early
        assert "- Läxhjälp (nacka-kommun; due 1 June 2025)" in late

    def test_names_from_structure(self) -> None:
        """With a structure, actor ids are replaced by names."""
        text = analysis_report(data.analysis(), "en", structure=data.structure())
        assert "Documentation owner: Nacka kommun." in text
        assert "Recipients: Chefsgruppen." in text

    def test_without_as_of(self) -> None:
        """Without as_of the latest status is shown and overdue needs a date."""
        text = analysis_report(data.analysis(), "sv")
        assert "Åtgärdernas senast registrerade status." in text
        assert "Ange ett datum" in text
        assert "ej registrerad" in text

    def test_documentation_and_lacks(self) -> None:
        """Documentation, follow-up agreement and not-relevant reasons are reported."""
        text = analysis_report(data.analysis(), "sv")
        assert "Uppföljning: 1 september 2025, därefter var 6:e månad." in text
        assert "Behandlas i annan analys" in text
        assert "## Det som metoden ännu saknar" in text

    def test_minimal_draft(self) -> None:
        """A bare draft still reports, listing what the method lacks and the findings."""
        text = analysis_report(sm.Analysis("utkast", "Utkast"), "en", as_of=date(2025, 1, 1))
        assert "What the method still lacks" in text
        assert "## Risks" not in text
        assert "warning" in text.lower() or "Warning" in text

    def test_off_scale_risk(self) -> None:
        """A risk off the matrix's scales is listed below the matrix, not placed in it."""
        a = data.analysis()
        odd = sm.Risk("r9", "Utanför", "", {sm.LivingCondition.EDUCATION}, 9, 1,
                      sm.Confidence.HIGH, sm.Basis.EXPERIENCE)  # fmt: skip
        text = analysis_report(attrs.evolve(a, risks=(*a.risks, odd)), "en")
        assert "Outside the matrix's scales: r9." in text

    def test_html(self) -> None:
        """The HTML version is a complete page."""
        assert analysis_report(data.analysis(), "sv", "html").startswith("<!DOCTYPE html>")

    def test_complete_analysis(self) -> None:
        """A complete analysis says every method step is done."""
        a = data.analysis()
        a = attrs.evolve(
            a,
            risks=tuple(attrs.evolve(r, scenario="Scenario") for r in a.risks),
            measures=tuple(attrs.evolve(m, follow_up=date(2025, 9, 1)) for m in a.measures),
            history=(*a.history, sm.StatusChange("m3", date(2025, 3, 1), sm.MeasureStatus.PLANNED)),
        )
        assert a.completeness().done
        assert "Every method step is done." in analysis_report(a, "en")
