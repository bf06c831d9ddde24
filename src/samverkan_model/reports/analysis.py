"""The analysis report: method, participants, living conditions, matrix, risks and measures."""

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
from samverkan_model.reports._text import format_date, phrase
from samverkan_model.risk import Analysis, LivingCondition, MeasureStatus, Phase

if TYPE_CHECKING:
    from samverkan_model.structure import Structure

__all__ = ["analysis_document", "analysis_report", "name_of"]


def name_of(structure: Structure | None, node_id: str) -> str:
    """The name of an actor or body of *structure*, or the id when it is not known."""
    if structure is None:
        return node_id
    node = structure.actors_by_id.get(node_id) or structure.bodies_by_id.get(node_id)
    return node_id if node is None else node.name


def _names(structure: Structure | None, ids: frozenset[str]) -> str:
    return ", ".join(sorted(name_of(structure, i) for i in ids))


def _status(analysis: Analysis, measure_id: str, as_of: date | None) -> MeasureStatus | None:
    if as_of is None:
        return analysis.latest_status(measure_id)
    return analysis.status(measure_id, as_of)


def _intro(analysis: Analysis, lang: Lang, as_of: date | None) -> list[Block]:
    facts = []
    if analysis.area is not None:
        facts.append(f"{phrase('area', lang)}: {analysis.area.name}.")
    if analysis.held_on:
        days = ", ".join(format_date(d, lang) for d in analysis.held_on)
        facts.append(f"{phrase('held_on', lang)}: {days}.")
    if as_of is None:
        facts.append(phrase("status_latest", lang))
    else:
        facts.append(phrase("status_as_of", lang, date=format_date(as_of, lang)))
    return [Paragraph(" ".join(facts))]


def _method(analysis: Analysis, structure: Structure | None, lang: Lang) -> list[Block]:
    blocks: list[Block] = []
    if analysis.method is not None:
        answer = phrase("yes" if analysis.method.builds_on_protected_values else "no", lang)
        text = f"{analysis.method.name}. {phrase('builds_on', lang, answer=answer)}"
        if analysis.method.description:
            text += f" {analysis.method.description}"
        blocks += [Heading(phrase("method", lang)), Paragraph(text)]
    if analysis.participants:
        names = tuple(sorted(name_of(structure, p) for p in analysis.participants))
        blocks += [Heading(phrase("participants", lang)), BulletList(names)]
    return blocks


def _documentation(analysis: Analysis, structure: Structure | None, lang: Lang) -> list[Block]:
    items = []
    if analysis.documentation_owner is not None:
        items.append(phrase("owner", lang, owner=name_of(structure, analysis.documentation_owner)))
    if analysis.recipients:
        items.append(phrase("recipients", lang, recipients=_names(structure, analysis.recipients)))
    if analysis.distribution:
        items.append(phrase("distribution", lang, text=analysis.distribution))
    agreement = analysis.follow_up_agreement
    if agreement is not None:
        text = format_date(agreement.on, lang)
        if agreement.every_months:
            text += ", " + phrase("every_months", lang, n=agreement.every_months)
        items.append(phrase("follow_up_agreed", lang, text=text))
    if not items:
        return []
    return [Heading(phrase("documentation", lang)), BulletList(tuple(items))]


def _living_conditions(analysis: Analysis, lang: Lang) -> list[Block]:
    rows = tuple(
        (
            g.living_condition.label(lang),
            phrase("yes" if g.discussed else "no", lang),
            g.not_relevant or phrase("none", lang),
            str(len(g.risks)),
            str(len(g.measures)),
        )
        for g in analysis.by_living_condition()
    )
    keys = ("living_condition", "discussed", "not_relevant", "risks", "measures")
    header = tuple(phrase(k, lang) for k in keys)
    return [Heading(phrase("living_conditions", lang)), Table(header, rows)]


def _matrix(analysis: Analysis, lang: Lang) -> list[Block]:
    summary = analysis.matrix()
    matrix = summary.matrix
    header = (
        f"{phrase('likelihood', lang)} / {phrase('consequence', lang)}",
        *(level.label(lang) for level in matrix.consequence.levels),
    )
    rows = []
    for like in reversed(matrix.likelihood.levels):
        cells = []
        for cons in matrix.consequence.levels:
            cell = summary.cell(like.value, cons.value)
            cells.append(f"{cell.count} ({cell.level.label(lang)})")
        rows.append((like.label(lang), *cells))
    blocks: list[Block] = [
        Heading(phrase("matrix", lang)),
        Paragraph(phrase("matrix_intro", lang)),
        Table(header, tuple(rows)),
        Table(
            (phrase("level", lang), phrase("count", lang)),
            tuple((level.label(lang), str(n)) for level, n in summary.by_level()),
        ),
    ]
    if summary.off_scale:
        blocks.append(Paragraph(phrase("off_scale", lang, ids=", ".join(summary.off_scale))))
    return blocks


def _risks(analysis: Analysis, lang: Lang) -> list[Block]:
    if not analysis.risks:
        return []
    matrix = analysis.risk_matrix
    none = phrase("none", lang)
    rows = []
    for r in analysis.risks:
        on_scale = r.on_scale(matrix)
        rows.append(
            (
                r.title,
                ", ".join(c.label(lang) for c in sorted(r.living_conditions, key=_rank)),
                matrix.likelihood.level(r.likelihood).label(lang)
                if on_scale
                else str(r.likelihood),
                matrix.consequence.level(r.consequence).label(lang)
                if on_scale
                else str(r.consequence),
                r.level(matrix).label(lang) if on_scale else none,
                r.confidence.label(lang) if r.confidence else none,
                r.basis.label(lang) if r.basis else none,
            )
        )
    keys = ("risk", "living_condition", "likelihood", "consequence", "level", "confidence", "basis")
    return [
        Heading(phrase("risks", lang)),
        Table(tuple(phrase(k, lang) for k in keys), tuple(rows)),
    ]


def _rank(item: LivingCondition) -> int:
    return list(LivingCondition).index(item)


def _measures(
    analysis: Analysis, structure: Structure | None, lang: Lang, as_of: date | None
) -> list[Block]:
    if not analysis.measures:
        return []
    none = phrase("none", lang)
    blocks: list[Block] = [Heading(phrase("measures", lang))]
    keys = ("measure", "responsible", "status", "due")
    for phase in Phase:
        measures = [m for m in analysis.measures if m.phase is phase]
        if not measures:
            continue
        rows = []
        for m in measures:
            status = _status(analysis, m.id, as_of)
            rows.append(
                (
                    m.title,
                    _names(structure, m.responsible),
                    status.label(lang) if status else phrase("unrecorded", lang),
                    format_date(m.due, lang) if m.due else none,
                )
            )
        blocks += [
            Heading(phase.label(lang), 3),
            Table(tuple(phrase(k, lang) for k in keys), tuple(rows)),
        ]
    return blocks


def _overdue(
    analysis: Analysis, structure: Structure | None, lang: Lang, as_of: date | None
) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("overdue", lang))]
    if as_of is None:
        return [*blocks, Paragraph(phrase("overdue_unknown", lang))]
    late = analysis.overdue(as_of)
    if not late:
        return [*blocks, Paragraph(phrase("no_overdue", lang))]
    items = tuple(
        f"{m.title} ({_names(structure, m.responsible)}; "
        f"{phrase('due', lang).lower()} {format_date(m.due, lang) if m.due else ''})"
        for m in late
    )
    return [*blocks, BulletList(items)]


def _lacks(analysis: Analysis, lang: Lang) -> list[Block]:
    completeness = analysis.completeness()
    blocks: list[Block] = [Heading(phrase("lacks", lang))]
    missing = [s for s in completeness.steps if not s.done]
    if not missing:
        return [*blocks, Paragraph(phrase("complete", lang))]
    items = tuple(f"{s.step.label(lang)}: {'; '.join(s.missing)}" for s in missing)
    return [*blocks, BulletList(items)]


def _findings(analysis: Analysis, structure: Structure | None, lang: Lang) -> list[Block]:
    findings = analysis.validate(structure)
    blocks: list[Block] = [Heading(phrase("findings", lang))]
    if not findings:
        return [*blocks, Paragraph(phrase("no_findings", lang))]
    header = tuple(phrase(k, lang) for k in ("severity", "code", "message"))
    rows = tuple((f.severity.label(lang), f.code, f.message) for f in findings)
    return [*blocks, Table(header, rows)]


def analysis_document(
    analysis: Analysis,
    lang: Lang = "sv",
    as_of: date | None = None,
    structure: Structure | None = None,
) -> Document:
    """The analysis report as a :class:`Document` (see :func:`analysis_report`)."""
    blocks: list[Block] = [Heading(phrase("summary", lang))]
    blocks += _intro(analysis, lang, as_of)
    blocks += _method(analysis, structure, lang)
    blocks += _documentation(analysis, structure, lang)
    blocks += _living_conditions(analysis, lang)
    blocks += _matrix(analysis, lang)
    blocks += _risks(analysis, lang)
    blocks += _measures(analysis, structure, lang, as_of)
    blocks += _overdue(analysis, structure, lang, as_of)
    blocks += _lacks(analysis, lang)
    blocks += _findings(analysis, structure, lang)
    return Document(phrase("analysis_title", lang, title=analysis.title), lang, tuple(blocks))


def analysis_report(
    analysis: Analysis,
    lang: Lang = "sv",
    fmt: Format = "md",
    as_of: date | None = None,
    structure: Structure | None = None,
) -> str:
    """A readable report of a social-risk analysis in Markdown or self-contained HTML.

    It covers the method and participants, documentation and follow-up agreements, the
    living conditions, the risk matrix with counts per cell, the risks with likelihood,
    consequence, level, confidence and basis, the measures by phase with their status on
    *as_of*, overdue measures, what the method still lacks and the validation findings.

    Args:
        analysis: The analysis to report on.
        lang: ``"sv"`` (default) or ``"en"``.
        fmt: ``"md"`` (default) or ``"html"``.
        as_of: The day to read measure statuses on (latest recorded when ``None``).
        structure: The structure whose actor names replace ids, when given.
    """
    return render(analysis_document(analysis, lang, as_of, structure), fmt)
