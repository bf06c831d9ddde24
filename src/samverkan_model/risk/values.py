"""What the social-risk method protects and the vocabulary it assesses risks with.

* :class:`ProtectedValue` — MSB's five protected values (skyddsvärden) plus trust
  (tillit), the value the social-risk method protects.
* :class:`LivingCondition` — the eight living conditions (livsvillkor), the building
  blocks of a person's trust in society's institutions, each with guiding questions and
  examples for workshop material and reports.
* :class:`BehaviourTarget` — whom undesired behaviour is aimed at.
* :class:`Phase` — whether a measure works before trust breaks (proactive) or after.
* :class:`Confidence` and :class:`Basis` — how certain an assessment is and what it rests on.
"""

from __future__ import annotations

import attrs

from samverkan_model._labels import LabelledEnum, Lang, check_lang

__all__ = [
    "Basis",
    "BehaviourTarget",
    "Confidence",
    "Guidance",
    "LivingCondition",
    "Phase",
    "ProtectedValue",
]


class ProtectedValue(LabelledEnum):
    """What is worth protecting (det skyddsvärda).

    The first five members are MSB's protected values, with their official Swedish
    wording as the Swedish label; ``TRUST`` is trust in society's institutions, the value
    the social-risk method protects (it belongs within the democracy value).

    >>> ProtectedValue.TRUST.label("sv"), ProtectedValue.TRUST.label("en")
    ('Tillit', 'Trust')
    """

    LIFE_AND_HEALTH = ("life-and-health", "Människors liv och hälsa", "Human life and health")
    SOCIETAL_FUNCTIONALITY = (
        "societal-functionality",
        "Samhällets funktionalitet",
        "The functioning of society",
    )
    DEMOCRACY_AND_RIGHTS = (
        "democracy-and-rights",
        "Demokrati, rättssäkerhet och mänskliga fri- och rättigheter",
        "Democracy, the rule of law and human rights and freedoms",
    )
    ECONOMY_AND_ENVIRONMENT = (
        "economy-and-environment",
        "Ekonomiska värden och miljön",
        "Economic values and the environment",
    )
    NATIONAL_SOVEREIGNTY = ("national-sovereignty", "Nationell suveränitet", "National sovereignty")
    TRUST = ("trust", "Tillit", "Trust")


@attrs.frozen
class Guidance:
    """Guiding questions and examples for one living condition in one language.

    Attributes:
        questions: Questions a workshop can ask about the living condition.
        examples: Examples of what to look at (indicators, situations, services).
    """

    questions: tuple[str, ...]
    examples: tuple[str, ...]


class LivingCondition(LabelledEnum):
    """The eight living conditions (livsvillkor): the building blocks of trust.

    Each member carries guiding questions and examples in Swedish and English, written
    for workshop material and reports (:meth:`questions`, :meth:`examples`).

    >>> LivingCondition.EDUCATION.label("sv")
    'Utbildning'
    >>> LivingCondition.PHYSICAL_MOBILITY.questions("en")[0]
    'Can residents reach work, school, care and services in reasonable time and at reasonable cost?'
    """

    EDUCATION = ("education", "Utbildning", "Education")
    IMMATERIAL_VALUES = ("immaterial-values", "Immateriella värden", "Immaterial values")
    PHYSICAL_MOBILITY = ("physical-mobility", "Fysisk mobilitet", "Physical mobility")
    ECONOMIC_CONDITIONS = (
        "economic-conditions",
        "Ekonomiska förutsättningar",
        "Economic conditions",
    )
    LIFE_AND_HEALTH = ("life-and-health", "Liv och hälsa", "Life and health")
    EMPLOYMENT = ("employment", "Sysselsättning", "Employment")
    PHYSICAL_ENVIRONMENT = ("physical-environment", "Fysisk miljö", "Physical environment")
    DEMOCRACY = ("democracy", "Demokrati", "Democracy")

    def guidance(self, lang: Lang = "sv") -> Guidance:
        """The guiding questions and examples in *lang* (Swedish by default).

        Raises:
            ValueError: if *lang* is not a supported language code.
        """
        sv, en = _GUIDANCE[self.value]
        return sv if check_lang(lang) == "sv" else en

    def questions(self, lang: Lang = "sv") -> tuple[str, ...]:
        """Guiding questions for a workshop discussion, in *lang*."""
        return self.guidance(lang).questions

    def examples(self, lang: Lang = "sv") -> tuple[str, ...]:
        """Examples of what to look at, in *lang*."""
        return self.guidance(lang).examples


def _g(questions: tuple[str, ...], examples: tuple[str, ...]) -> Guidance:
    return Guidance(questions, examples)


_GUIDANCE: dict[str, tuple[Guidance, Guidance]] = {
    "education": (
        _g(
            (
                "Fullföljer barn och unga i området skolan, och vad händer med dem som inte "
                "gör det?",
                "Kommer nyanlända och vuxna åt den utbildning de behöver för att gå vidare?",
                "Upplever elever och vårdnadshavare att skolan är trygg och likvärdig?",
            ),
            (
                "Andel elever som blir behöriga till gymnasiet",
                "Frånvaro och avbrutna studier",
                "Tillgång till sfi och vuxenutbildning",
            ),
        ),
        _g(
            (
                "Do children and young people in the area complete school, and what happens "
                "to those who do not?",
                "Can newcomers and adults reach the education they need to move on?",
                "Do pupils and guardians see the school as safe and equal?",
            ),
            (
                "Share of pupils eligible for upper secondary school",
                "Absence and interrupted studies",
                "Access to Swedish for immigrants and adult education",
            ),
        ),
    ),
    "immaterial-values": (
        _g(
            (
                "Känner sig människor delaktiga och sedda i samhället?",
                "Finns mötesplatser, kultur och fritid som når alla grupper?",
                "Förekommer diskriminering eller en känsla av att stå utanför?",
            ),
            (
                "Föreningsliv och fritidsgårdar",
                "Upplevd diskriminering i enkäter",
                "Möjlighet att utöva sin kultur och tro",
            ),
        ),
        _g(
            (
                "Do people feel included and recognised in society?",
                "Are there meeting places, culture and leisure activities that reach everyone?",
                "Is there discrimination or a sense of being left outside?",
            ),
            (
                "Associations and youth centres",
                "Discrimination reported in surveys",
                "Freedom to practise one's culture and faith",
            ),
        ),
    ),
    "physical-mobility": (
        _g(
            (
                "Kan invånarna ta sig till arbete, skola, vård och service på rimlig tid och "
                "till rimlig kostnad?",
                "Blir området avskuret när kollektivtrafiken dras ned eller störs?",
                "Känns resvägarna trygga under dygnets alla timmar?",
            ),
            (
                "Turtäthet i kollektivtrafiken",
                "Resekostnad i förhållande till inkomst",
                "Otrygga gångstråk och hållplatser",
            ),
        ),
        _g(
            (
                "Can residents reach work, school, care and services in reasonable time and "
                "at reasonable cost?",
                "Does the area become cut off when public transport is reduced or disrupted?",
                "Do people feel safe travelling at all hours?",
            ),
            (
                "Public transport frequency",
                "Travel costs relative to income",
                "Unsafe walkways and stops",
            ),
        ),
    ),
    "economic-conditions": (
        _g(
            (
                "Hur många hushåll har svårt att få pengarna att räcka?",
                "Hur slår stigande kostnader för boende, mat och energi mot området?",
                "Når ekonomiskt stöd och budgetrådgivning dem som behöver det?",
            ),
            (
                "Andel hushåll med ekonomiskt bistånd",
                "Trångboddhet och vräkningar",
                "Skulder hos Kronofogden",
            ),
        ),
        _g(
            (
                "How many households struggle to make ends meet?",
                "How do rising costs of housing, food and energy hit the area?",
                "Do financial support and budget advice reach those who need them?",
            ),
            (
                "Share of households receiving social assistance",
                "Overcrowding and evictions",
                "Debts registered with the enforcement authority",
            ),
        ),
    ),
    "life-and-health": (
        _g(
            (
                "Skiljer sig hälsa och livslängd mellan områden eller grupper?",
                "Kommer invånarna åt vård, psykiatri och stöd vid beroende?",
                "Utsätts människor för våld eller hot i sin närmiljö?",
            ),
            (
                "Psykisk ohälsa bland unga",
                "Väntetider till vårdcentralen",
                "Anmälda våldsbrott",
            ),
        ),
        _g(
            (
                "Do health and life expectancy differ between areas or groups?",
                "Can residents reach health care, mental-health care and addiction support?",
                "Are people exposed to violence or threats where they live?",
            ),
            (
                "Mental ill-health among young people",
                "Waiting times at the health centre",
                "Reported violent crime",
            ),
        ),
    ),
    "employment": (
        _g(
            (
                "Hur ser arbetslösheten ut, särskilt bland unga och nyanlända?",
                "Finns vägar in på arbetsmarknaden, till exempel praktik och feriejobb?",
                "Har människor en meningsfull sysselsättning även utan arbete?",
            ),
            (
                "Långtidsarbetslöshet",
                "Unga som varken arbetar eller studerar",
                "Antal feriejobb för ungdomar",
            ),
        ),
        _g(
            (
                "What does unemployment look like, especially among young people and newcomers?",
                "Are there ways into the labour market such as work placements and summer jobs?",
                "Do people have a meaningful occupation even without a job?",
            ),
            (
                "Long-term unemployment",
                "Young people neither working nor studying",
                "Number of summer jobs for young people",
            ),
        ),
    ),
    "physical-environment": (
        _g(
            (
                "Är bostäder, gårdar och offentliga platser välskötta och trygga?",
                "Finns service, handel och grönområden i närheten?",
                "Hur snabbt åtgärdas skadegörelse och nedskräpning?",
            ),
            (
                "Belysning och trygghetsvandringar",
                "Service som flyttat från centrumet",
                "Eftersatt underhåll av bostäder",
            ),
        ),
        _g(
            (
                "Are homes, courtyards and public spaces well kept and safe?",
                "Are services, shops and green spaces close by?",
                "How quickly are vandalism and litter dealt with?",
            ),
            (
                "Lighting and safety walks",
                "Services that have left the local centre",
                "Neglected maintenance of housing",
            ),
        ),
    ),
    "democracy": (
        _g(
            (
                "Hur högt är valdeltagandet, och skiljer det sig mellan områden?",
                "Upplever invånarna att de kan påverka beslut som rör dem?",
                "Når samhällets information alla, på de språk och i de kanaler de använder?",
            ),
            (
                "Valdeltagande per valdistrikt",
                "Medborgardialoger",
                "Förtroende för polis och kommun i enkäter",
            ),
        ),
        _g(
            (
                "How high is voter turnout, and does it differ between areas?",
                "Do residents feel they can influence decisions that affect them?",
                "Does public information reach everyone, in the languages and channels they use?",
            ),
            (
                "Turnout per electoral district",
                "Citizen dialogues",
                "Trust in the police and the municipality in surveys",
            ),
        ),
    ),
}


class BehaviourTarget(LabelledEnum):
    """Whom undesired behaviour is aimed at, once trust gives way to distrust or worry.

    >>> BehaviourTarget.SOCIETY.label("sv")
    'Mot samhället'
    """

    SELF = ("self", "Mot individen själv", "Towards oneself")
    OTHERS = ("others", "Mot andra", "Towards others")
    SOCIETY = ("society", "Mot samhället", "Towards society")


class Phase(LabelledEnum):
    """When a measure works, seen from the process model.

    ``PROACTIVE`` measures strengthen living conditions while trust still holds;
    ``REACTIVE`` measures dampen the consequences once trust has broken.

    >>> Phase.PROACTIVE.label("sv")
    'Proaktiv'
    """

    PROACTIVE = ("proactive", "Proaktiv", "Proactive")
    REACTIVE = ("reactive", "Reaktiv", "Reactive")


class Confidence(LabelledEnum):
    """How certain the workshop is of an assessment (hur säkra är bedömningarna?)."""

    LOW = ("low", "Låg", "Low")
    MEDIUM = ("medium", "Medel", "Medium")
    HIGH = ("high", "Hög", "High")


class Basis(LabelledEnum):
    """What an assessment rests on: evidence, experience or intuition (magkänsla).

    The method allows intuition as long as the analysis says so.
    """

    EVIDENCE = ("evidence", "Belägg", "Evidence")
    EXPERIENCE = ("experience", "Erfarenhet", "Experience")
    INTUITION = ("intuition", "Magkänsla", "Intuition")
