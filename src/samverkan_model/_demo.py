"""The ``samverkan demo`` run: the main checks on the embedded example models."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from samverkan_model import catalog
from samverkan_model.periods import Period
from samverkan_model.structure import GovernanceLevel, category_label

if TYPE_CHECKING:
    from typing import TextIO

    from samverkan_model._labels import Lang
    from samverkan_model.structure import Structure

__all__ = ["run_demo"]

AT = date(2025, 6, 2)
"""The day the demo reads the example structures on."""


def _heading(out: TextIO, text: str) -> None:
    out.write(f"\n{text}\n{'=' * len(text)}\n")


def _validation(out: TextIO, structure: Structure) -> None:
    findings = structure.validate()
    counts = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning")}
    out.write(f"validation: {counts['error']} errors, {counts['warning']} warnings\n")
    for f in findings:
        out.write(f"  {f}\n")


def _reporting_lines(out: TextIO, structure: Structure) -> None:
    out.write(f"reporting lines on {AT.isoformat()}:\n")
    for source, target in sorted(structure.reporting_graph(AT).edges):
        out.write(f"  {source} -> {target}\n")


def _escalation(out: TextIO, structure: Structure, node: str) -> None:
    path = structure.escalation_path(node, AT)
    top = structure.bodies_by_id.get(path[-1])
    level = "" if top is None else f" ({top.level.label('en')})"
    out.write(f"escalation from {node}: {' -> '.join(path)}{level}\n")


def _stockholm(out: TextIO, lang: Lang) -> None:
    region = catalog.stockholm_region()
    _heading(out, region.name)
    _validation(out, region)
    _reporting_lines(out, region)
    _escalation(out, region, "sodertalje-kommun")
    year = Period(date(2025, 1, 1), date(2027, 1, 1))
    gaps = region.coverage_gaps(year)
    out.write(f"coverage gaps {year}: {len(gaps)}\n")
    for gap in gaps:
        missing = ", ".join(category_label(c, lang) for c in sorted(gap.missing))
        out.write(f"  {gap.body}: {missing} missing during {gap.period}\n")
    for moment in (datetime(2025, 6, 2, 7, 59), datetime(2025, 6, 2, 8, 0)):
        out.write(f"on call for rsib at {moment.isoformat(' ', 'minutes')}: ")
        out.write(f"{region.on_call('rsib', moment)}\n")


def _vastra_gotaland(out: TextIO) -> None:
    reception = catalog.vastra_gotaland_reception()
    _heading(out, reception.name)
    _validation(out, reception)
    local = [a.id for a in reception.actors if a.level is GovernanceLevel.LOCAL]
    central = {b.id for b in reception.bodies if b.level is GovernanceLevel.CENTRAL}
    reached = sum(reception.escalation_path(a, AT)[-1] in central for a in local)
    out.write(
        f"municipalities whose escalation reaches the central level: {reached}/{len(local)}\n"
    )
    _escalation(out, reception, "kungsbacka-kommun")


def _social_risk(out: TextIO, lang: Lang) -> None:
    from samverkan_model.reports import followup_report  # noqa: PLC0415
    from samverkan_model.risk import FollowUpRegister  # noqa: PLC0415

    analysis = catalog.social_risk_example()
    region = catalog.stockholm_region()
    _heading(out, analysis.title)
    findings = analysis.validate(region)
    out.write(f"validation against {region.name}: {len(findings)} findings\n")
    meeting = analysis.follow_up_agreement.on if analysis.follow_up_agreement else AT
    progress = analysis.progress(meeting)
    share = progress.share_implemented
    done = "-" if share is None else f"{share:.0%}"
    out.write(f"measures implemented on {meeting.isoformat()}: {done}\n\n")
    out.write(followup_report(FollowUpRegister([analysis]), meeting, lang, structure=region))


def run_demo(out: TextIO, lang: Lang = "en") -> None:
    """Write the demo to *out*.

    It validates the embedded structures and prints their reporting lines, escalation
    paths, competence coverage and standby, then a follow-up report of the example
    social-risk analysis on the day of its first follow-up meeting.
    """
    out.write("samverkan_model demo: the embedded example models\n")
    _stockholm(out, lang)
    _vastra_gotaland(out)
    _social_risk(out, lang)
