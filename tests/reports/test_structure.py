from __future__ import annotations

from datetime import date, time

import pytest

import samverkan_model as sm
from samverkan_model.reports import format_date, structure_report

L = sm.GovernanceLevel
START = date(2025, 1, 1)


def _structure() -> sm.Structure:
    lender = sm.Actor(
        "polisen",
        "Polisen",
        sm.OrganisationKind.GOVERNMENT_AGENCY,
        L.REGIONAL,
        categories={"blaljus"},
    )
    kommun = sm.Actor(
        "nacka-kommun",
        "Nacka kommun",
        sm.OrganisationKind.MUNICIPALITY,
        L.LOCAL,
        area=sm.Area("0182"),
        categories={"kommun"},
    )
    top = sm.Body(
        "chefsgruppen", "Chefsgruppen", sm.BodyKind.MANAGEMENT_GROUP, L.REGIONAL, host="polisen"
    )
    office = sm.Body("kansliet", "Kansliet", sm.BodyKind.COORDINATION_OFFICE, L.REGIONAL)
    rsib = sm.Body("rsib", "RSIB", sm.BodyKind.STANDBY_FUNCTION, L.REGIONAL)
    return sm.Structure(
        "Testregionen",
        actors=[lender, kommun],
        bodies=[top, office, rsib],
        persons=[sm.Person("anna", "Anna A"), sm.Person("bo", "Bo B")],
        memberships=[
            sm.Membership("polisen", "chefsgruppen", sm.Role.CHAIR, sm.Period(START)),
            sm.Membership(
                "anna",
                "kansliet",
                sm.Role.COORDINATOR,
                sm.Period(START, date(2025, 6, 1)),
                on_behalf_of="polisen",
            ),
            sm.Membership("anna", "rsib", sm.Role.DUTY_OFFICER, sm.Period(START)),
            sm.Membership("bo", "rsib", sm.Role.DUTY_OFFICER, sm.Period(START)),
        ],
        relations=[
            sm.Relation("kansliet", "chefsgruppen", sm.RelationKind.REPORTS_TO),
            sm.Relation("rsib", "chefsgruppen", sm.RelationKind.REPORTS_TO),
            sm.Relation("nacka-kommun", "chefsgruppen", sm.RelationKind.ESCALATES_TO),
        ],
        coverage_rules=[
            sm.CoverageRule("kansliet", {"blaljus"}, sm.Period(START, date(2025, 12, 1)))
        ],
        rosters=[sm.weekly_rotation(["anna", "bo"], START, 4, 0, time(8), "rsib")],
    )


class TestStructureReport:
    @pytest.mark.parametrize("lang", ["sv", "en"])
    def test_sections_in_both_languages(self, lang: sm.Lang) -> None:
        """Headings and terms come in the requested language."""
        text = structure_report(_structure(), lang=lang, at=date(2025, 3, 1))
        words = {
            "sv": ["Samverkansstruktur: Testregionen", "Regional nivå", "Chefsgrupp",
                   "Rapporterar till", "Eskaleringsvägar", "1 mars 2025", "Blåljus"],
            "en": ["Collaboration structure: Testregionen", "Regional level",
                   "Management group", "Reports to", "Escalation paths", "1 March 2025",
                   "Blue-light services"],
        }  # fmt: skip
        for word in words[lang]:
            assert word in text

    def test_chair_and_escalation(self) -> None:
        """The chair is named in the body table and escalation paths are listed."""
        text = structure_report(_structure(), lang="en", at=date(2025, 3, 1))
        assert "| Chefsgruppen | Management group | Polisen | Polisen | 1 |" in text
        assert "- Nacka kommun → Chefsgruppen" in text

    def test_coverage_gap_and_roster(self) -> None:
        """A coverage gap is reported with its period, and roster counts are given."""
        text = structure_report(_structure(), lang="en")
        assert "Kansliet lacks Blue-light services from 1 June 2025 to 1 December 2025." in text
        assert "RSIB: 4 shifts, 0 gaps, 0 overlaps." in text
        assert "coverage-gap" in text

    def test_empty_structure(self) -> None:
        """An empty structure still gives a complete report without findings."""
        text = structure_report(sm.Structure("Tom"), lang="sv")
        assert "Alla tidpunkter." in text
        assert "Inga anmärkningar." in text

    def test_no_gaps_sentence(self) -> None:
        """When every rule is met the report says so."""
        s = _structure()
        full = s.with_(coverage_rules=[sm.CoverageRule("kansliet", {"blaljus"},
                       sm.Period(START, date(2025, 5, 1)))])  # fmt: skip
        assert "No gaps in competence coverage." in structure_report(full, lang="en")

    def test_html(self) -> None:
        """The HTML report is a complete page."""
        page = structure_report(_structure(), lang="sv", fmt="html")
        assert page.startswith("<!DOCTYPE html>")
        assert "<table>" in page


def test_format_date() -> None:
    """Dates are written in words, Swedish months in lower case."""
    assert format_date(date(2026, 11, 23), "sv") == "23 november 2026"
    assert format_date(date(2026, 11, 23), "en") == "23 November 2026"
