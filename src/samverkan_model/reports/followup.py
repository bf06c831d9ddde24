"""The follow-up report: per responsible actor, overdue measures and follow-ups coming up."""

from __future__ import annotations

from datetime import date, timedelta
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
from samverkan_model.reports.analysis import name_of
from samverkan_model.risk import FollowUpRegister, MeasureStatus

if TYPE_CHECKING:
    from samverkan_model.risk.followup import MeasureEntry
    from samverkan_model.structure import Structure

__all__ = ["followup_document", "followup_report"]

_COUNTED = (MeasureStatus.PLANNED, MeasureStatus.ONGOING, MeasureStatus.IMPLEMENTED)


def _entry(entry: MeasureEntry, structure: Structure | None, lang: Lang, day: date | None) -> str:
    who = ", ".join(sorted(name_of(structure, r) for r in entry.measure.responsible))
    when = "" if day is None else f", {format_date(day, lang)}"
    return f"{entry.analysis}/{entry.measure.id}: {entry.measure.title} ({who}{when})"


def followup_document(
    register: FollowUpRegister,
    as_of: date,
    lang: Lang = "sv",
    within: timedelta = timedelta(days=30),
    structure: Structure | None = None,
) -> Document:
    """The follow-up report as a :class:`Document` (see :func:`followup_report`)."""
    header = (
        phrase("actor", lang),
        *(s.label(lang) for s in _COUNTED),
        phrase("overdue", lang),
    )
    rows = tuple(
        (
            name_of(structure, s.actor),
            *(str(s.count(status)) for status in _COUNTED),
            ", ".join(str(ref) for ref in s.overdue) or phrase("none", lang),
        )
        for s in register.by_responsible(as_of)
    )
    blocks: list[Block] = [Heading(phrase("per_responsible", lang)), Table(header, rows)]
    late = register.overdue(as_of)
    blocks.append(Heading(phrase("overdue", lang)))
    if late:
        blocks.append(BulletList(tuple(_entry(e, structure, lang, e.measure.due) for e in late)))
    else:
        blocks.append(Paragraph(phrase("no_overdue", lang)))
    due = register.follow_ups_due(as_of, within)
    blocks.append(Heading(phrase("follow_ups_due", lang)))
    if due:
        items = tuple(_entry(e, structure, lang, e.measure.follow_up) for e in due)
        blocks.append(BulletList(items))
    else:
        blocks.append(Paragraph(phrase("no_follow_ups", lang)))
    title = phrase("followup_title", lang, date=format_date(as_of, lang))
    return Document(title, lang, tuple(blocks))


def followup_report(
    register: FollowUpRegister,
    as_of: date,
    lang: Lang = "sv",
    fmt: Format = "md",
    within: timedelta = timedelta(days=30),
    structure: Structure | None = None,
) -> str:
    """What a follow-up meeting needs on *as_of*, across all analyses of *register*.

    Per responsible actor: how many measures are planned, ongoing and implemented, and
    which are overdue; then every overdue measure and every follow-up falling due within
    *within* after *as_of*. Measures are named ``analysis-id/measure-id``.

    Args:
        register: The analyses to follow up.
        as_of: The day of the meeting.
        lang: ``"sv"`` (default) or ``"en"``.
        fmt: ``"md"`` (default) or ``"html"``.
        within: How far ahead to list follow-ups.
        structure: The structure whose actor names replace ids, when given.
    """
    return render(followup_document(register, as_of, lang, within, structure), fmt)
