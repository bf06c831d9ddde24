"""Report snapshots: the catalog models' reports, in both languages, as reviewed text.

A change to a report shows as a diff of these files. After reviewing it, regenerate them
with ``SAMVERKAN_REGENERATE=1 pytest tests/reports/test_snapshots.py``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from samverkan_model import FollowUpRegister, catalog
from samverkan_model._labels import Lang
from samverkan_model.reports import analysis_report, followup_report, rsa_report, structure_report

SNAPSHOTS = Path(__file__).parent / "snapshots"
MEETING = date(2025, 9, 16)


def _structure(lang: Lang) -> str:
    return structure_report(catalog.stockholm_region(), lang, at=date(2025, 6, 2))


def _analysis(lang: Lang) -> str:
    return analysis_report(
        catalog.social_risk_example(), lang, as_of=MEETING, structure=catalog.stockholm_region()
    )


def _followup(lang: Lang) -> str:
    register = FollowUpRegister([catalog.social_risk_example()])
    return followup_report(register, MEETING, lang, structure=catalog.stockholm_region())


def _rsa(lang: Lang) -> str:
    region, analysis = catalog.stockholm_region(), catalog.social_risk_example()
    return rsa_report(region, [analysis], "0181", lang, as_of=MEETING)


REPORTS: dict[str, Callable[[Lang], str]] = {
    "structure": _structure,
    "analysis": _analysis,
    "followup": _followup,
    "rsa": _rsa,
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", sorted(REPORTS))
def test_report_matches_its_snapshot(name: str, lang: Lang) -> None:
    """The report of the catalog model is exactly the reviewed snapshot."""
    path = SNAPSHOTS / f"{name}.{lang}.md"
    text = REPORTS[name](lang)
    if os.environ.get("SAMVERKAN_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
