"""Fixed phrases of the reports in Swedish and English, and date formatting.

Domain terms come from the enumerations' labels; only report phrasing lives here.
"""

from __future__ import annotations

from datetime import date

from samverkan_model._labels import Lang, check_lang

__all__ = ["format_date", "phrase"]

_MONTHS = {
    "sv": (
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

_PHRASES: dict[str, tuple[str, str]] = {
    # structure report
    "structure_title": ("Samverkansstruktur: {name}", "Collaboration structure: {name}"),
    "as_of": ("Läge per {date}.", "As of {date}."),
    "all_times": ("Alla tidpunkter.", "All dates."),
    "summary": ("Sammanfattning", "Summary"),
    "counts": (
        "{actors} aktörer, {bodies} samverkansorgan, {persons} personer, "
        "{memberships} medlemskap och {relations} relationer.",
        "{actors} actors, {bodies} collaboration bodies, {persons} persons, "
        "{memberships} memberships and {relations} relations.",
    ),
    "levels": ("Nivåer och organ", "Levels and bodies"),
    "body": ("Organ", "Body"),
    "kind": ("Typ", "Kind"),
    "host": ("Värd", "Host"),
    "chair": ("Ordförande/chef", "Chair/head"),
    "members": ("Medlemmar", "Members"),
    "relations": ("Relationer", "Relations"),
    "from": ("Från", "From"),
    "relation": ("Relation", "Relation"),
    "to": ("Till", "To"),
    "escalation": ("Eskaleringsvägar", "Escalation paths"),
    "escalation_intro": (
        "Vägen som en strategisk fråga tar uppåt från varje lokal aktör.",
        "The path a strategic question travels upwards from each local actor.",
    ),
    "staffing": ("Bemanning och beredskap", "Staffing and standby"),
    "no_gaps": ("Inga luckor i kompetenstäckningen.", "No gaps in competence coverage."),
    "gap": ("{body} saknar {missing} {period}.", "{body} lacks {missing} {period}."),
    "roster": (
        "{function}: {shifts} pass, {gaps} luckor, {overlaps} överlapp.",
        "{function}: {shifts} shifts, {gaps} gaps, {overlaps} overlaps.",
    ),
    "findings": ("Kontrollresultat", "Validation findings"),
    "no_findings": ("Inga anmärkningar.", "No findings."),
    "severity": ("Allvarlighet", "Severity"),
    "code": ("Kod", "Code"),
    "message": ("Beskrivning", "Message"),
    "period_from": ("från {start}", "from {start}"),
    "period_span": ("från {start} till {end}", "from {start} to {end}"),
    "none": ("–", "–"),
}


def phrase(key: str, lang: Lang, **values: object) -> str:
    """The phrase *key* in *lang*, with ``{placeholders}`` filled from *values*."""
    sv, en = _PHRASES[key]
    text = sv if check_lang(lang) == "sv" else en
    return text.format(**values) if values else text


def format_date(day: date, lang: Lang) -> str:
    """A date as Swedish (``"3 mars 2025"``) or English (``"3 March 2025"``) text.

    >>> from datetime import date
    >>> format_date(date(2025, 3, 3), "sv"), format_date(date(2025, 3, 3), "en")
    ('3 mars 2025', '3 March 2025')
    """
    return f"{day.day} {_MONTHS[check_lang(lang)][day.month - 1]} {day.year}"


def format_period(start: date, end: date | None, lang: Lang) -> str:
    """A period as text: ``"från 1 januari 2025 till 1 mars 2025"``."""
    if end is None:
        return phrase("period_from", lang, start=format_date(start, lang))
    return phrase("period_span", lang, start=format_date(start, lang), end=format_date(end, lang))
