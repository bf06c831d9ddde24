from __future__ import annotations

from datetime import date

import pytest

import samverkan_model as sm
from samverkan_model.reports import rsa_report
from tests.reports import data

HEADINGS = {
    "sv": [
        "## 1. Kommunen och dess geografiska område", "## 2. Arbetsprocess och metod",
        "## 3. Identifierad samhällsviktig verksamhet", "## 4. Kritiska beroenden",
        "## 5. Identifierade och analyserade risker",
        "## 6. Sårbarheter och brister i krisberedskapen", "## 7. Behov av åtgärder",
    ],
    "en": [
        "## 1. The municipality and its area", "## 2. Work process and method",
        "## 3. Identified vital societal functions", "## 4. Critical dependencies",
        "## 5. Identified and analysed risks", "## 6. Vulnerabilities and gaps in preparedness",
        "## 7. Need for measures",
    ],
}  # fmt: skip


class TestRsaReport:
    @pytest.mark.parametrize("lang", ["sv", "en"])
    def test_seven_headings_in_order(self, lang: sm.Lang) -> None:
        """The seven required headings appear once each, in order."""
        text = rsa_report(data.structure(), [data.analysis()], "0182", lang)
        positions = [text.index(h) for h in HEADINGS[lang]]
        assert positions == sorted(positions)

    def test_filled_where_known(self) -> None:
        """Facts from the structure and the analyses are filled in."""
        text = rsa_report(data.structure(), [data.analysis()], "0182", "sv", as_of=date(2025, 7, 1))
        assert text.startswith("# Risk- och sårbarhetsanalys för Nacka")
        assert "Nacka (kommunkod 0182) i Stockholms län." in text
        assert "- Chefsgruppen" in text
        assert "Strategiska frågor lyfts: Nacka kommun → Chefsgruppen." in text
        assert "Lokal överenskommelse: Arbetsförmedlingen, Nacka kommun (Etablering" in text
        assert (
            "| Unga lämnar skolan utan behörighet | Sociala risker i Nacka | Hög | Medel |" in text
        )
        assert "| Läxhjälp | Proaktiv | Nacka kommun | Pågående | 1 juni 2025 |" in text
        assert "- Chefsgruppen saknar Blåljus från 1 januari 2025 till 1 februari 2025." in text

    def test_marked_where_a_person_must_write(self) -> None:
        """Every section the model cannot fill carries a to-write note."""
        text = rsa_report(data.structure(), [data.analysis()], "0182", "en")
        assert text.count("> **TO WRITE:") == 6

    def test_other_municipality_has_no_analysis(self) -> None:
        """Analyses of other areas are left out; the gap is stated."""
        text = rsa_report(data.structure(), [data.analysis()], "0180", "en")
        assert "No analysis is recorded for the municipality." in text
        assert "| Läxhjälp |" not in text

    def test_method_lacks(self) -> None:
        """Missing method steps of the analyses are listed as gaps."""
        text = rsa_report(data.structure(), [data.analysis()], "0182", "en")
        assert "Sociala risker i Nacka lacks:" in text

    def test_not_a_municipality(self) -> None:
        """A county code or an unknown code is a ValueError naming it."""
        with pytest.raises(ValueError, match="'01'"):
            rsa_report(data.structure(), [], "01")

    def test_empty_inputs(self) -> None:
        """Without an actor for the municipality or analyses the skeleton is still whole."""
        text = rsa_report(sm.Structure("Tom"), [], "0180", "sv", "html")
        assert text.startswith("<!DOCTYPE html>")
        assert "Stockholm (kommunkod 0180)" in text
