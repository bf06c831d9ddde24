"""The structure report: levels, bodies, who leads and reports to whom, escalation, staffing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from samverkan_model._labels import Lang
from samverkan_model.reports._document import (
    Block,
    BulletList,
    Document,
    Format,
    Heading,
    Paragraph,
    Table,
    render,
)
from samverkan_model.reports._text import format_date, format_period, phrase
from samverkan_model.structure import GovernanceLevel, Role, category_label

if TYPE_CHECKING:
    from samverkan_model.structure import Structure

__all__ = ["coverage_items", "structure_document", "structure_report"]

_LEADING_ROLES = (Role.CHAIR, Role.HEAD)


def _name(structure: Structure, node_id: str) -> str:
    node = (
        structure.actors_by_id.get(node_id)
        or structure.bodies_by_id.get(node_id)
        or structure.persons_by_id.get(node_id)
    )
    return node_id if node is None else node.name


def _bodies(structure: Structure, at: date | None, lang: Lang) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("levels", lang))]
    for level in sorted(GovernanceLevel, reverse=True):
        bodies = [b for b in structure.bodies if b.level is level]
        if not bodies:
            continue
        rows = []
        for b in bodies:
            seats = structure.members(b.id, at)
            leaders = [_name(structure, m.member) for m in seats if m.role in _LEADING_ROLES]
            rows.append(
                (
                    b.name,
                    b.kind.label(lang),
                    _name(structure, b.host) if b.host else phrase("none", lang),
                    ", ".join(leaders) or phrase("none", lang),
                    str(len(seats)),
                )
            )
        blocks.append(Heading(level.label(lang), 3))
        header = tuple(phrase(k, lang) for k in ("body", "kind", "host", "chair", "members"))
        blocks.append(Table(header, tuple(rows)))
    return blocks


def _relations(structure: Structure, at: date | None, lang: Lang) -> list[Block]:
    relations = structure.relations_at(at)
    if not relations:
        return []
    rows = tuple(
        (_name(structure, r.source), r.kind.label(lang), _name(structure, r.target))
        for r in relations
    )
    header = tuple(phrase(k, lang) for k in ("from", "relation", "to"))
    return [Heading(phrase("relations", lang)), Table(header, rows)]


def _escalation(structure: Structure, at: date | None, lang: Lang) -> list[Block]:
    local = [a for a in structure.actors if a.level is GovernanceLevel.LOCAL]
    paths = [structure.escalation_path(a.id, at) for a in local]
    items = tuple(" → ".join(_name(structure, n) for n in p) for p in paths if len(p) > 1)
    if not items:
        return []
    return [
        Heading(phrase("escalation", lang)),
        Paragraph(phrase("escalation_intro", lang)),
        BulletList(items),
    ]


def coverage_items(structure: Structure, lang: Lang) -> tuple[str, ...]:
    """One sentence per coverage gap of every rule, each rule over its own period."""
    from samverkan_model.structure.coverage import default_horizon, rule_gaps  # noqa: PLC0415

    horizon = default_horizon(structure)
    return tuple(
        phrase(
            "gap",
            lang,
            body=_name(structure, g.body),
            missing=", ".join(category_label(c, lang) for c in sorted(g.missing)),
            period=format_period(g.period.start, g.period.end, lang),
        )
        for rule in structure.coverage_rules
        for g in rule_gaps(structure, rule, rule.period.clip(horizon))
    )


def _staffing(structure: Structure, at: date | None, lang: Lang) -> list[Block]:
    if not structure.coverage_rules and not structure.rosters:
        return []
    from samverkan_model.structure.oncall import gaps_between, roster_overlaps  # noqa: PLC0415

    blocks: list[Block] = [Heading(phrase("staffing", lang))]
    items = coverage_items(structure, lang)
    if items:
        blocks.append(BulletList(items))
    elif structure.coverage_rules:
        blocks.append(Paragraph(phrase("no_gaps", lang)))
    for roster in structure.rosters:
        span = roster.span
        gaps_n = 0 if span is None else len(gaps_between(roster, *span))
        blocks.append(
            Paragraph(
                phrase(
                    "roster",
                    lang,
                    function=_name(structure, roster.function),
                    shifts=len(roster.shifts),
                    gaps=gaps_n,
                    overlaps=len(roster_overlaps(roster)),
                )
            )
        )
    return blocks


def _findings(structure: Structure, lang: Lang) -> list[Block]:
    findings = structure.validate()
    blocks: list[Block] = [Heading(phrase("findings", lang))]
    if not findings:
        return [*blocks, Paragraph(phrase("no_findings", lang))]
    header = tuple(phrase(k, lang) for k in ("severity", "code", "message"))
    rows = tuple((f.severity.label(lang), f.code, f.message) for f in findings)
    return [*blocks, Table(header, rows)]


def structure_document(structure: Structure, lang: Lang = "sv", at: date | None = None) -> Document:
    """The structure report as a :class:`Document` (see :func:`structure_report`)."""
    when = phrase("as_of", lang, date=format_date(at, lang)) if at else phrase("all_times", lang)
    counts = phrase(
        "counts",
        lang,
        actors=len(structure.actors),
        bodies=len(structure.bodies),
        persons=len(structure.persons),
        memberships=len(structure.memberships_at(at)),
        relations=len(structure.relations_at(at)),
    )
    blocks: list[Block] = [Heading(phrase("summary", lang)), Paragraph(f"{when} {counts}")]
    blocks += _bodies(structure, at, lang)
    blocks += _relations(structure, at, lang)
    blocks += _escalation(structure, at, lang)
    blocks += _staffing(structure, at, lang)
    blocks += _findings(structure, lang)
    title = phrase("structure_title", lang, name=structure.name)
    return Document(title, lang, tuple(blocks))


def structure_report(
    structure: Structure, lang: Lang = "sv", fmt: Format = "md", at: date | None = None
) -> str:
    """A readable report of *structure* in Markdown or self-contained HTML.

    It lists the bodies per governance level with their hosts, chairs and heads, the
    relations, the escalation path from every local actor, competence coverage and standby
    rosters, and the validation findings. Terms come from the enumerations' labels.

    Args:
        structure: The structure to report on.
        lang: ``"sv"`` (default) or ``"en"``.
        fmt: ``"md"`` (default) or ``"html"``.
        at: The day to report memberships and relations on (all when ``None``).
    """
    return render(structure_document(structure, lang, at), fmt)
