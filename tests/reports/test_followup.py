from __future__ import annotations

from datetime import date, timedelta

import attrs

import samverkan_model as sm
from samverkan_model.reports import followup_report
from tests.reports import data


def _register() -> sm.FollowUpRegister:
    other = attrs.evolve(data.analysis(), id="nacka-2026", title="Uppföljning 2026")
    return sm.FollowUpRegister([data.analysis(), other])


class TestFollowupReport:
    def test_per_responsible_table(self) -> None:
        """Each responsible actor gets its counts, across analyses, and its overdue items."""
        text = followup_report(_register(), date(2025, 7, 1), "en")
        assert "| Actor | Planned | Ongoing | Implemented | Overdue measures |" in text
        assert "| nacka-kommun | 0 | 2 | 0 | nacka-2025/m1, nacka-2026/m1 |" in text

    def test_overdue_and_follow_ups(self) -> None:
        """Overdue measures and coming follow-ups are listed with analysis-tagged ids."""
        text = followup_report(
            _register(), date(2025, 8, 20), "sv", within=timedelta(days=30),
            structure=data.structure(),
        )  # fmt: skip
        assert "- nacka-2025/m1: Läxhjälp (Nacka kommun, 1 juni 2025)" in text
        assert "## Uppföljningar som infaller" in text
        assert "nacka-2026/m1: Läxhjälp (Nacka kommun, 1 september 2025)" in text

    def test_nothing_due(self) -> None:
        """Before anything is due the report says so."""
        text = followup_report(_register(), date(2025, 3, 1), "en", within=timedelta(0))
        assert "No overdue measures." in text
        assert "No follow-ups within the period." in text

    def test_html(self) -> None:
        """The HTML version is a page titled with the date."""
        page = followup_report(_register(), date(2025, 7, 1), "sv", "html")
        assert "<title>Uppföljning per 1 juli 2025</title>" in page
