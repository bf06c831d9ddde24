"""A social-risk analysis for Södertälje: a fictional example of the whole method.

Everything in the analysis is invented for the example — the workshops, the risks, the
assessments, the measures and their history. Only the municipality and the actors are
real, and their ids are those of :func:`~samverkan_model.catalog.stockholm_region`, so the
analysis validates against that structure.

The record is shown as it stands after the first follow-up meeting on 16 September 2025:
measures were agreed in February, some started in spring, one was put on hold and
resumed, one was cancelled and then reopened with a note, and the next follow-up is in
March 2026.
"""

from __future__ import annotations

import functools

from samverkan_model.catalog._build import day
from samverkan_model.geography import Area
from samverkan_model.risk import (
    Analysis,
    Basis,
    BehaviourTarget,
    Confidence,
    Evidence,
    FollowUpAgreement,
    LivingCondition,
    Measure,
    MeasureStatus,
    Method,
    NotRelevant,
    Phase,
    ProtectedValue,
    Risk,
    StatusChange,
)

__all__ = ["ANALYSIS_ID", "FIRST_FOLLOW_UP", "NEXT_FOLLOW_UP", "social_risk_example"]

ANALYSIS_ID = "sodertalje-sociala-risker-2025"
"""Id of the example analysis."""
FIRST_FOLLOW_UP = day("2025-09-16")
"""The day of the first follow-up meeting, the last day in the example's history."""
NEXT_FOLLOW_UP = day("2026-03-16")
"""The next follow-up meeting, agreed on :data:`FIRST_FOLLOW_UP`."""

_KOMMUN = "sodertalje-kommun"
_LANSSTYRELSEN = "lansstyrelsen-stockholm"
_REGION = "region-stockholm"
_POLISEN = "polisregion-stockholm"
_RADDNINGSTJANST = "sodertorns-brandforsvarsforbund"

LC = LivingCondition
S = MeasureStatus


def _risks() -> list[Risk]:
    return [
        Risk(
            "skolavhopp",
            "Fler unga lämnar grundskolan utan gymnasiebehörighet",
            "Behörigheten sjunker i två skolområden. Unga utan behörighet får svårare att "
            "komma in på arbetsmarknaden, och tilliten till att skolan och samhället ger dem "
            "en chans minskar.",
            {LC.EDUCATION, LC.EMPLOYMENT},
            4,
            3,
            Confidence.HIGH,
            Basis.EVIDENCE,
            evidence=[
                Evidence(
                    "Kommunens skolstatistik 2022-2024",
                    "Andelen behöriga har sjunkit tre år i rad i två skolområden",
                )
            ],
            behaviour_targets={BehaviourTarget.SELF, BehaviourTarget.OTHERS},
        ),
        Risk(
            "ekonomisk-utsatthet",
            "Hushåll med små marginaler får inte ekonomin att gå ihop",
            "Stigande kostnader för boende, mat och energi slår hårdast mot hushåll som "
            "redan har små marginaler; oro och skam gör att stöd söks sent.",
            {LC.ECONOMIC_CONDITIONS, LC.LIFE_AND_HEALTH},
            4,
            4,
            Confidence.MEDIUM,
            Basis.EXPERIENCE,
            evidence=[
                Evidence(
                    "Socialtjänstens ärendestatistik 2024",
                    "Fler ansökningar om ekonomiskt bistånd än året innan",
                )
            ],
            protected_values={ProtectedValue.TRUST, ProtectedValue.LIFE_AND_HEALTH},
            behaviour_targets={BehaviourTarget.SELF, BehaviourTarget.SOCIETY},
            scenario="En vinter med höga elpriser och varsel i industrin gör att många "
            "hushåll söker stöd samtidigt; väntetiderna hos socialtjänsten växer och "
            "missnöjet riktas mot kommunen.",
        ),
        Risk(
            "otrygg-stationsmiljo",
            "Otrygghet kvällstid kring centrum och stationsområdet",
            "Nedlagd service, dålig belysning och skadegörelse gör att färre rör sig i "
            "området på kvällen, vilket i sin tur gör det ännu otryggare.",
            {LC.PHYSICAL_ENVIRONMENT, LC.IMMATERIAL_VALUES},
            3,
            3,
            Confidence.MEDIUM,
            Basis.EVIDENCE,
            evidence=[Evidence("Trygghetsmätning 2024", "Otryggheten kvällstid ökade")],
            behaviour_targets={BehaviourTarget.OTHERS},
        ),
        Risk(
            "sjunkande-fortroende",
            "Förtroendet för kommun och myndigheter sjunker där valdeltagandet är lågt",
            "Invånare som inte upplever att de kan påverka vänder sig bort från samhällets "
            "institutioner. Bedömningen bygger på deltagarnas magkänsla; underlag saknas.",
            {LC.DEMOCRACY},
            3,
            4,
            Confidence.LOW,
            Basis.INTUITION,
            protected_values={ProtectedValue.TRUST, ProtectedValue.DEMOCRACY_AND_RIGHTS},
            behaviour_targets={BehaviourTarget.SOCIETY},
        ),
        Risk(
            "rykten-vid-handelse",
            "Rykten och desinformation sprids snabbt vid en allvarlig händelse",
            "När myndigheternas information dröjer eller inte når fram fyller rykten "
            "tomrummet, och misstron kan leda till konfrontationer.",
            {LC.DEMOCRACY, LC.IMMATERIAL_VALUES},
            3,
            3,
            Confidence.MEDIUM,
            Basis.EXPERIENCE,
            behaviour_targets={BehaviourTarget.OTHERS, BehaviourTarget.SOCIETY},
            scenario="Efter en skottlossning sprids felaktiga uppgifter i sociala medier "
            "under kvällen; information på de vanligaste språken i området kommer först "
            "dagen efter.",
        ),
    ]


def _measures() -> list[Measure]:
    nxt = NEXT_FOLLOW_UP
    return [
        Measure(
            "laxhjalp-bibliotek",
            "Läxhjälp och studiero på biblioteken fyra kvällar i veckan",
            Phase.PROACTIVE,
            {_KOMMUN},
            risks={"skolavhopp"},
            living_conditions={LC.EDUCATION},
            due=day("2025-08-31"),
            follow_up=nxt,
        ),
        Measure(
            "feriejobb",
            "Fler feriejobb för unga mellan 16 och 18 år",
            Phase.PROACTIVE,
            {_KOMMUN},
            risks={"skolavhopp"},
            living_conditions={LC.EMPLOYMENT},
            due=day("2025-06-15"),
            follow_up=nxt,
        ),
        Measure(
            "budget-och-skuldradgivning",
            "Uppsökande budget- och skuldrådgivning i bostadsområdena",
            Phase.PROACTIVE,
            {_KOMMUN},
            risks={"ekonomisk-utsatthet"},
            living_conditions={LC.ECONOMIC_CONDITIONS},
            due=day("2025-12-31"),
            follow_up=nxt,
        ),
        Measure(
            "psykisk-halsa-unga",
            "Samverkan mellan elevhälsan och ungdomsmottagningen om ungas psykiska hälsa",
            Phase.PROACTIVE,
            {_KOMMUN, _REGION},
            risks={"skolavhopp", "ekonomisk-utsatthet"},
            living_conditions={LC.LIFE_AND_HEALTH, LC.EDUCATION},
            due=day("2026-03-31"),
            follow_up=nxt,
        ),
        Measure(
            "trygghetsvandringar",
            "Trygghetsvandringar och bättre belysning kring stationen",
            Phase.PROACTIVE,
            {_KOMMUN, _POLISEN},
            risks={"otrygg-stationsmiljo"},
            living_conditions={LC.PHYSICAL_ENVIRONMENT},
            due=day("2025-10-31"),
            follow_up=nxt,
        ),
        Measure(
            "medborgardialoger",
            "Medborgardialoger i områden med lågt valdeltagande",
            Phase.PROACTIVE,
            {_KOMMUN},
            risks={"sjunkande-fortroende"},
            living_conditions={LC.DEMOCRACY},
            due=day("2026-05-31"),
            follow_up=nxt,
        ),
        Measure(
            "kriskommunikation-flera-sprak",
            "Kriskommunikation på flera språk genom lokala nätverk och föreningar",
            Phase.PROACTIVE,
            {_KOMMUN, _LANSSTYRELSEN},
            risks={"rykten-vid-handelse", "sjunkande-fortroende"},
            living_conditions={LC.DEMOCRACY, LC.IMMATERIAL_VALUES},
            due=day("2025-11-30"),
            follow_up=nxt,
        ),
        Measure(
            "samordnad-insats-vid-oro",
            "Samordnad insats vid oroligheter: gemensam lägesbild och fältassistenter",
            Phase.REACTIVE,
            {_KOMMUN, _POLISEN, _RADDNINGSTJANST},
            risks={"otrygg-stationsmiljo", "rykten-vid-handelse"},
            due=day("2025-06-30"),
            follow_up=nxt,
            description="Rutin för att dela lägesbild och sätta in fältassistenter samma kväll.",
        ),
    ]


def _history() -> list[StatusChange]:
    agreed = day("2025-02-25")
    by = _KOMMUN
    planned = [StatusChange(m.id, agreed, S.PLANNED, recorded_by=by) for m in _measures()]
    return [
        *planned,
        StatusChange("laxhjalp-bibliotek", day("2025-04-01"), S.ONGOING, "Två bibliotek", by),
        StatusChange("trygghetsvandringar", day("2025-04-15"), S.ONGOING, recorded_by=by),
        StatusChange("medborgardialoger", day("2025-05-12"), S.CANCELLED, "Ingen budget", by),
        StatusChange("feriejobb", day("2025-05-20"), S.IMPLEMENTED, "350 platser", by),
        StatusChange(
            "budget-och-skuldradgivning",
            day("2025-05-27"),
            S.ON_HOLD,
            "Vilande i väntan på budgetbeslut",
            by,
        ),
        StatusChange("samordnad-insats-vid-oro", day("2025-06-10"), S.ONGOING, recorded_by=by),
        # The follow-up meeting of 16 September 2025.
        StatusChange(
            "laxhjalp-bibliotek",
            FIRST_FOLLOW_UP,
            S.IMPLEMENTED,
            "Fyra bibliotek; utvärderas i december",
            by,
        ),
        StatusChange(
            "budget-och-skuldradgivning",
            FIRST_FOLLOW_UP,
            S.ONGOING,
            "Budget beslutad, start i oktober",
            by,
        ),
        StatusChange("psykisk-halsa-unga", FIRST_FOLLOW_UP, S.ONGOING, recorded_by=by),
        StatusChange(
            "medborgardialoger",
            FIRST_FOLLOW_UP,
            S.PLANNED,
            "Återupptas med medel från länsstyrelsens utvecklingsbidrag",
            by,
        ),
    ]


@functools.cache
def social_risk_example() -> Analysis:
    """A fictional social-risk analysis for Södertälje kommun, with its first follow-up.

    Two workshops in February 2025 went through the eight living conditions (physical
    mobility was judged not relevant, with a reason), assessed five structural risks on
    the default matrix — with confidence, basis, evidence and two optional scenarios — and
    agreed eight measures, seven proactive and one reactive, each with responsible actors
    of :func:`~samverkan_model.catalog.stockholm_region`, a due date and a follow-up date.
    The history runs to the follow-up meeting of 16 September 2025.

    The analysis is built once and cached (it is immutable).

    >>> from datetime import date
    >>> from samverkan_model import catalog
    >>> example = catalog.social_risk_example()
    >>> example.validate(catalog.stockholm_region())
    ()
    >>> example.status("medborgardialoger", date(2025, 6, 1)).label("en")
    'Cancelled'
    >>> [m.id for m in example.overdue(date(2025, 9, 16))]
    ['samordnad-insats-vid-oro']
    """
    return Analysis(
        ANALYSIS_ID,
        "Sociala risker i Södertälje 2025 (fiktivt exempel)",
        area=Area("0181"),
        held_on=[day("2025-02-11"), day("2025-02-25")],
        method=Method(
            "Krisberedskap - för social hållbarhet",
            builds_on_protected_values=True,
            description="Två workshoppar: livsvillkoren och riskbedömning den 11 februari, "
            "åtgärder den 25 februari.",
        ),
        participants={_KOMMUN, _LANSSTYRELSEN, _REGION, _POLISEN, _RADDNINGSTJANST},
        documentation_owner=_KOMMUN,
        recipients={_KOMMUN, _LANSSTYRELSEN, "regionala-samordningsgruppen"},
        distribution="Rapporten skickas som pdf till mottagarna och presenteras för den "
        "regionala samordningsgruppen.",
        follow_up_agreement=FollowUpAgreement(
            FIRST_FOLLOW_UP,
            every_months=6,
            by=_KOMMUN,
            note="Uppföljning i kommunens krisledningsforum med alla ansvariga aktörer.",
        ),
        living_conditions_discussed={
            LC.EDUCATION,
            LC.IMMATERIAL_VALUES,
            LC.ECONOMIC_CONDITIONS,
            LC.LIFE_AND_HEALTH,
            LC.EMPLOYMENT,
            LC.PHYSICAL_ENVIRONMENT,
            LC.DEMOCRACY,
        },
        not_relevant=[
            NotRelevant(
                LC.PHYSICAL_MOBILITY,
                "Kollektivtrafiken analyserades i kommunens RSA 2024 och har inte ändrats "
                "sedan dess.",
            )
        ],
        risks=_risks(),
        measures=_measures(),
        history=_history(),
    )
