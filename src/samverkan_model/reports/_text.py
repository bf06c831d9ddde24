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
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    # analysis report
    "analysis_title": ("Analys av sociala risker: {title}", "Social-risk analysis: {title}"),
    "area": ("Område", "Area"),
    "held_on": ("Genomförd", "Held on"),
    "status_as_of": ("Åtgärdernas status per {date}.", "Status of measures as of {date}."),
    "status_latest": (
        "Åtgärdernas senast registrerade status.",
        "Latest recorded status of measures.",
    ),
    "method": ("Metod", "Method"),
    "builds_on": (
        "Metoden utgår från skyddsvärden: {answer}.",
        "The method builds on protected values: {answer}.",
    ),
    "participants": ("Deltagare", "Participants"),
    "documentation": ("Dokumentation och spridning", "Documentation and distribution"),
    "owner": ("Dokumentationsansvarig: {owner}.", "Documentation owner: {owner}."),
    "recipients": ("Mottagare: {recipients}.", "Recipients: {recipients}."),
    "distribution": ("Spridning: {text}.", "Distribution: {text}."),
    "follow_up_agreed": ("Uppföljning: {text}.", "Follow-up: {text}."),
    "every_months": ("därefter var {n}:e månad", "then every {n} months"),
    "living_conditions": ("Livsvillkor", "Living conditions"),
    "living_condition": ("Livsvillkor", "Living condition"),
    "discussed": ("Diskuterat", "Discussed"),
    "not_relevant": ("Inte relevant (skäl)", "Not relevant (reason)"),
    "risks": ("Risker", "Risks"),
    "measures": ("Åtgärder", "Measures"),
    "matrix": ("Riskmatris", "Risk matrix"),
    "matrix_intro": (
        "Antal risker per cell; sannolikhet i rader (högst överst), konsekvens i kolumner.",
        "Number of risks per cell; likelihood in rows (highest first), consequence in columns.",
    ),
    "likelihood": ("Sannolikhet", "Likelihood"),
    "consequence": ("Konsekvens", "Consequence"),
    "level": ("Risknivå", "Risk level"),
    "count": ("Antal", "Count"),
    "off_scale": (
        "Utanför matrisens skalor: {ids}.",
        "Outside the matrix's scales: {ids}.",
    ),
    "risk": ("Risk", "Risk"),
    "confidence": ("Säkerhet", "Confidence"),
    "basis": ("Grund", "Basis"),
    "phase": ("Fas", "Phase"),
    "measure": ("Åtgärd", "Measure"),
    "responsible": ("Ansvarig", "Responsible"),
    "status": ("Status", "Status"),
    "due": ("Klart senast", "Due"),
    "unrecorded": ("ej registrerad", "not recorded"),
    "overdue": ("Försenade åtgärder", "Overdue measures"),
    "no_overdue": ("Inga försenade åtgärder.", "No overdue measures."),
    "overdue_unknown": (
        "Ange ett datum för att se försenade åtgärder.",
        "Give a date to see overdue measures.",
    ),
    "lacks": ("Det som metoden ännu saknar", "What the method still lacks"),
    "complete": ("Alla metodsteg är genomförda.", "Every method step is done."),
    # follow-up report
    "followup_title": ("Uppföljning per {date}", "Follow-up as of {date}"),
    "per_responsible": ("Per ansvarig aktör", "Per responsible actor"),
    "actor": ("Aktör", "Actor"),
    "follow_ups_due": ("Uppföljningar som infaller", "Follow-ups coming up"),
    "no_follow_ups": ("Inga uppföljningar inom perioden.", "No follow-ups within the period."),
    "follow_up": ("Uppföljning", "Follow-up"),
    "analysis": ("Analys", "Analysis"),
    # municipal RSA report skeleton
    "rsa_title": (
        "Risk- och sårbarhetsanalys för {name}",
        "Risk and vulnerability analysis for {name}",
    ),
    "rsa_intro": (
        "Underlag sammanställt ur samverkansstrukturen och analyserna. Avsnitt markerade "
        "ATT SKRIVA fylls i av kommunen.",
        "Material compiled from the collaboration structure and the analyses. Sections "
        "marked TO WRITE are completed by the municipality.",
    ),
    "rsa_1": ("1. Kommunen och dess geografiska område", "1. The municipality and its area"),
    "rsa_2": ("2. Arbetsprocess och metod", "2. Work process and method"),
    "rsa_3": (
        "3. Identifierad samhällsviktig verksamhet",
        "3. Identified vital societal functions",
    ),
    "rsa_4": ("4. Kritiska beroenden", "4. Critical dependencies"),
    "rsa_5": ("5. Identifierade och analyserade risker", "5. Identified and analysed risks"),
    "rsa_6": (
        "6. Sårbarheter och brister i krisberedskapen",
        "6. Vulnerabilities and gaps in preparedness",
    ),
    "rsa_7": ("7. Behov av åtgärder", "7. Need for measures"),
    "to_write": ("ATT SKRIVA: {what}", "TO WRITE: {what}"),
    "write_area": (
        "beskriv kommunens geografi, befolkning och särskilda förhållanden.",
        "describe the municipality's geography, population and particular conditions.",
    ),
    "write_process": (
        "beskriv kommunens egen arbetsprocess, vilka som deltagit och hur analysen förankrats.",
        "describe the municipality's own work process, who took part and how the analysis "
        "was anchored.",
    ),
    "write_functions": (
        "förteckna kommunens samhällsviktiga verksamheter.",
        "list the municipality's vital societal functions.",
    ),
    "write_dependencies": (
        "beskriv de kritiska beroendena för de samhällsviktiga verksamheterna.",
        "describe the critical dependencies of the vital societal functions.",
    ),
    "write_vulnerabilities": (
        "bedöm sårbarheter och brister utifrån riskerna ovan.",
        "assess vulnerabilities and gaps in the light of the risks above.",
    ),
    "write_other_risks": (
        "komplettera med risker utöver de sociala riskerna.",
        "add risks beyond the social risks.",
    ),
    "municipality_facts": (
        "{name} (kommunkod {code}) i {county}.",
        "{name} (municipality code {code}) in {county}.",
    ),
    "takes_part": ("Kommunen deltar i:", "The municipality takes part in:"),
    "analyses_held": (
        "{title}: {method}, genomförd {days}, {n} deltagande aktörer.",
        "{title}: {method}, held {days}, {n} participating actors.",
    ),
    "agreements": (
        "Överenskommelser som kommunen är part i:",
        "Agreements the municipality is party to:",
    ),
    "escalates": ("Strategiska frågor lyfts: {path}.", "Strategic questions are raised: {path}."),
    "no_analysis": (
        "Ingen analys för kommunen finns registrerad.",
        "No analysis is recorded for the municipality.",
    ),
    "method_lacks": ("{title} saknar: {steps}.", "{title} lacks: {steps}."),
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
