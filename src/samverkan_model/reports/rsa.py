"""The municipal RSA report skeleton, with the seven headings municipalities report under.

The skeleton is filled from a :class:`Structure` and its analyses where the model knows
the answer, and marked where a person must write.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from samverkan_model._labels import Lang
from samverkan_model.geography import Area, municipality
from samverkan_model.reports._document import (
    Block,
    BulletList,
    Document,
    Format,
    Heading,
    Note,
    Paragraph,
    Table,
    render,
)
from samverkan_model.reports._text import format_date, phrase
from samverkan_model.reports.analysis import name_of
from samverkan_model.reports.structure import coverage_items
from samverkan_model.structure import OrganisationKind

if TYPE_CHECKING:
    from samverkan_model.risk import Analysis
    from samverkan_model.structure import Actor, Structure

__all__ = ["rsa_document", "rsa_report"]


def _to_write(key: str, lang: Lang) -> Note:
    return Note(phrase("to_write", lang, what=phrase(key, lang)))


def _actor(structure: Structure, code: str) -> Actor | None:
    for actor in structure.actors:
        if (
            actor.kind is OrganisationKind.MUNICIPALITY
            and actor.area is not None
            and actor.area.code == code
        ):
            return actor
    return None


def _area_section(
    structure: Structure, code: str, actor: Actor | None, lang: Lang, as_of: date | None
) -> list[Block]:
    place = municipality(code)
    blocks: list[Block] = [
        Heading(phrase("rsa_1", lang)),
        Paragraph(
            phrase("municipality_facts", lang, name=place.name, code=code, county=place.county.name)
        ),
    ]
    if actor is not None:
        bodies = sorted({m.body for m in structure.memberships_at(as_of) if m.member == actor.id})
        if bodies:
            blocks.append(Paragraph(phrase("takes_part", lang)))
            blocks.append(BulletList(tuple(name_of(structure, b) for b in bodies)))
    return [*blocks, _to_write("write_area", lang)]


def _process_section(
    structure: Structure, analyses: list[Analysis], actor: Actor | None, lang: Lang
) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("rsa_2", lang))]
    for a in analyses:
        method = a.method.name if a.method else phrase("none", lang)
        days = ", ".join(format_date(d, lang) for d in a.held_on) or phrase("none", lang)
        blocks.append(
            Paragraph(
                phrase(
                    "analyses_held",
                    lang,
                    title=a.title,
                    method=method,
                    days=days,
                    n=len(a.participants),
                )
            )
        )
    if not analyses:
        blocks.append(Paragraph(phrase("no_analysis", lang)))
    if actor is not None:
        path = structure.escalation_path(actor.id)
        if len(path) > 1:
            names = " → ".join(name_of(structure, n) for n in path)
            blocks.append(Paragraph(phrase("escalates", lang, path=names)))
    return [*blocks, _to_write("write_process", lang)]


def _dependencies_section(structure: Structure, actor: Actor | None, lang: Lang) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("rsa_4", lang))]
    if actor is not None:
        agreements = [g for g in structure.agreements if actor.id in g.parties]
        if agreements:
            items = tuple(
                f"{g.kind.label(lang)}: "
                + ", ".join(sorted(name_of(structure, p) for p in g.parties))
                + (f" ({g.subject})" if g.subject else "")
                for g in agreements
            )
            blocks += [Paragraph(phrase("agreements", lang)), BulletList(items)]
    return [*blocks, _to_write("write_dependencies", lang)]


def _risks_section(analyses: list[Analysis], lang: Lang) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("rsa_5", lang))]
    rows = []
    for a in analyses:
        matrix = a.risk_matrix
        for r in a.risks:
            level = r.level(matrix).label(lang) if r.on_scale(matrix) else phrase("none", lang)
            conf = r.confidence.label(lang) if r.confidence else phrase("none", lang)
            rows.append((r.title, a.title, level, conf))
    if rows:
        keys = ("risk", "analysis", "level", "confidence")
        blocks.append(Table(tuple(phrase(k, lang) for k in keys), tuple(rows)))
    return [*blocks, _to_write("write_other_risks", lang)]


def _vulnerabilities_section(
    structure: Structure, analyses: list[Analysis], lang: Lang
) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("rsa_6", lang))]
    items = list(coverage_items(structure, lang))
    for a in analyses:
        missing = a.completeness().missing_steps
        if missing:
            steps = ", ".join(step.label(lang) for step in missing)
            items.append(phrase("method_lacks", lang, title=a.title, steps=steps))
    if items:
        blocks.append(BulletList(tuple(items)))
    return [*blocks, _to_write("write_vulnerabilities", lang)]


def _measures_section(
    structure: Structure, analyses: list[Analysis], lang: Lang, as_of: date | None
) -> list[Block]:
    blocks: list[Block] = [Heading(phrase("rsa_7", lang))]
    none = phrase("none", lang)
    rows = []
    for a in analyses:
        for m in a.measures:
            status = a.status(m.id, as_of) if as_of else a.latest_status(m.id)
            rows.append(
                (
                    m.title,
                    m.phase.label(lang),
                    ", ".join(sorted(name_of(structure, r) for r in m.responsible)),
                    status.label(lang) if status else phrase("unrecorded", lang),
                    format_date(m.due, lang) if m.due else none,
                )
            )
    if rows:
        keys = ("measure", "phase", "responsible", "status", "due")
        blocks.append(Table(tuple(phrase(k, lang) for k in keys), tuple(rows)))
    else:
        blocks.append(Paragraph(none))
    return blocks


def rsa_document(
    structure: Structure,
    analyses: Iterable[Analysis],
    municipality_code: str,
    lang: Lang = "sv",
    as_of: date | None = None,
) -> Document:
    """The RSA report skeleton as a :class:`Document` (see :func:`rsa_report`)."""
    try:
        municipality(municipality_code)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None
    area = Area(municipality_code)
    own = [a for a in analyses if a.area is not None and a.area.within(area)]
    actor = _actor(structure, municipality_code)
    blocks: list[Block] = [Paragraph(phrase("rsa_intro", lang))]
    blocks += _area_section(structure, municipality_code, actor, lang, as_of)
    blocks += _process_section(structure, own, actor, lang)
    blocks += [Heading(phrase("rsa_3", lang)), _to_write("write_functions", lang)]
    blocks += _dependencies_section(structure, actor, lang)
    blocks += _risks_section(own, lang)
    blocks += _vulnerabilities_section(structure, own, lang)
    blocks += _measures_section(structure, own, lang, as_of)
    title = phrase("rsa_title", lang, name=municipality(municipality_code).name)
    return Document(title, lang, tuple(blocks))


def rsa_report(
    structure: Structure,
    analyses: Iterable[Analysis],
    municipality_code: str,
    lang: Lang = "sv",
    fmt: Format = "md",
    as_of: date | None = None,
) -> str:
    """A municipal RSA report skeleton under the seven required headings.

    The headings are: the municipality and its area; work process and method; vital
    societal functions; critical dependencies; identified and analysed risks;
    vulnerabilities and gaps; need for measures. What the model knows is filled in (the
    municipality's bodies, agreements and escalation path; the analyses' methods, risks
    and measures; coverage gaps and missing method steps); the rest is marked for a
    person to write.

    Args:
        structure: The collaboration structure the municipality takes part in.
        analyses: Analyses; those whose area lies in the municipality are used.
        municipality_code: The municipality's four-digit code.
        lang: ``"sv"`` (default) or ``"en"``.
        fmt: ``"md"`` (default) or ``"html"``.
        as_of: The day to read memberships and measure statuses on.

    Raises:
        ValueError: if *municipality_code* is not a municipality code.
    """
    return render(rsa_document(structure, analyses, municipality_code, lang, as_of), fmt)
