"""A deterministic follow-up register: one social-risk analysis per municipality and year.

At ``factor=1`` the register holds 290 analyses (one per municipality) with about 9,000
risks, 17,000 measures and 60,000 status changes; the counts scale with the factor, and
above 1 each municipality gets an analysis for several years. Analyses take their areas
and responsible actors from a generated national structure (:mod:`benchmarks.national`),
so measures are owned by actors that exist there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from benchmarks.national import NationalPlan
from samverkan_model import Area
from samverkan_model.risk import (
    Analysis,
    Basis,
    BehaviourTarget,
    Confidence,
    FollowUpAgreement,
    FollowUpRegister,
    LivingCondition,
    Measure,
    MeasureStatus,
    Method,
    Phase,
    Risk,
    StatusChange,
)

__all__ = ["RegisterCounts", "national_register", "register_counts"]

_CONDITIONS = tuple(LivingCondition)
_TARGETS = tuple(BehaviourTarget)
_RISK_TITLES = (
    "Unga lämnar skolan utan gymnasiebehörighet",
    "Långvarig arbetslöshet i delar av kommunen",
    "Bristande tillit till polisen",
    "Trångboddhet och otrygga boendemiljöer",
    "Ungdomar saknar meningsfull fritid",
    "Ojämlik tillgång till vård",
    "Svag kollektivtrafik till arbetsplatser",
    "Låg tilltro till demokratiska processer",
)
_MEASURE_TITLES = (
    "Läxhjälp på biblioteket",
    "Fältassistenter kvällar och helger",
    "Feriearbeten för unga",
    "Trygghetsvandringar med bostadsbolagen",
    "Samhällsorientering på modersmål",
    "Medborgardialog i stadsdelen",
    "Öppen förskola med hälsoinformation",
    "Förstärkt kollektivtrafik på kvällstid",
)


@dataclass(frozen=True)
class RegisterCounts:
    """The sizes the register generator aims at for one factor."""

    analyses: int
    risks: int
    measures: int
    status_changes: int


def register_counts(factor: float) -> RegisterCounts:
    """The target sizes at *factor* (1 is the national register)."""
    if factor <= 0:
        msg = f"factor: expected a positive number, got {factor!r}"
        raise ValueError(msg)
    return RegisterCounts(
        analyses=max(1, round(290 * factor)),
        risks=max(1, round(9_000 * factor)),
        measures=max(2, round(17_000 * factor)),
        status_changes=max(2, round(60_000 * factor)),
    )


def _share(total: int, parts: int, index: int) -> int:
    """Part *index* of *total* split as evenly as possible into *parts*."""
    return total // parts + (1 if index < total % parts else 0)


def _history(
    rng: random.Random, measure: str, start: date, changes: int, by: str
) -> list[StatusChange]:
    """*changes* allowed status changes of one measure, from *start* on."""
    out = [StatusChange(measure, start, MeasureStatus.PLANNED, recorded_by=by)]
    status = MeasureStatus.PLANNED
    day = start
    for n in range(1, changes):
        day += timedelta(days=rng.randint(20, 200))
        last = n == changes - 1
        if status is MeasureStatus.PLANNED:
            status = MeasureStatus.ONGOING
        elif status is MeasureStatus.ONGOING:
            roll = rng.random()
            if last and roll < 0.6:
                status = MeasureStatus.IMPLEMENTED
            elif last and roll < 0.7:
                status = MeasureStatus.CANCELLED
            elif roll < 0.2:
                status = MeasureStatus.ON_HOLD
        elif status is MeasureStatus.ON_HOLD:
            status = MeasureStatus.ONGOING
        # Implemented and cancelled measures are only confirmed at later follow-ups.
        note = "Uppföljning" if rng.random() < 0.3 else ""
        out.append(StatusChange(measure, day, status, note, by))
    return out


def _analysis(
    rng: random.Random,
    analysis_id: str,
    area: str,
    owners: tuple[str, ...],
    year: int,
    sizes: tuple[int, int, int],
) -> Analysis:
    n_risks, n_measures, n_changes = sizes
    held = date(year, rng.randint(2, 11), rng.randint(1, 28))
    risks = []
    for r in range(n_risks):
        conditions = frozenset(rng.sample(_CONDITIONS, rng.randint(1, 3)))
        risks.append(
            Risk(
                f"r-{r + 1:03d}",
                rng.choice(_RISK_TITLES),
                "Strukturella förhållanden som kan minska tilliten.",
                conditions,
                rng.randint(1, 5),
                rng.randint(1, 5),
                rng.choice(tuple(Confidence)),
                rng.choice(tuple(Basis)),
                behaviour_targets=frozenset(rng.sample(_TARGETS, rng.randint(0, 2))),
            )
        )
    measures = []
    history: list[StatusChange] = []
    for m in range(n_measures):
        measure_id = f"m-{m + 1:03d}"
        proactive = m % 3 != 2
        addressed = frozenset(rng.choice(risks).id for _ in range(rng.randint(1, 2)))
        responsible = frozenset(rng.sample(owners, rng.randint(1, min(2, len(owners)))))
        measures.append(
            Measure(
                measure_id,
                rng.choice(_MEASURE_TITLES),
                Phase.PROACTIVE if proactive else Phase.REACTIVE,
                responsible,
                risks=addressed,
                living_conditions=frozenset(rng.sample(_CONDITIONS, rng.randint(1, 2))),
                due=held + timedelta(days=rng.randint(90, 900)),
                follow_up=held + timedelta(days=rng.randint(60, 400)),
            )
        )
        changes = max(1, _share(n_changes, n_measures, m) + rng.randint(-1, 1))
        start = held + timedelta(days=rng.randint(0, 30))
        history.extend(_history(rng, measure_id, start, changes, owners[0]))
    return Analysis(
        analysis_id,
        f"Sociala risker {year}",
        area=Area(area),
        held_on=held,
        method=Method("Krisberedskap – för social hållbarhet", builds_on_protected_values=True),
        participants=frozenset(owners),
        documentation_owner=owners[0],
        recipients=frozenset(owners[:1]),
        distribution="Rapporten skickas till kommunstyrelsen och deltagarna.",
        follow_up_agreement=FollowUpAgreement(held + timedelta(days=180), 6, owners[0]),
        living_conditions_discussed=frozenset(_CONDITIONS),
        risks=risks,
        measures=measures,
        history=history,
    )


def national_register(
    national: NationalPlan, factor: float = 1.0, seed: int = 2015
) -> FollowUpRegister:
    """A follow-up register for the municipalities of *national* at *factor*.

    Analyses go round the municipalities, one year after another from 2015, so at
    ``factor=10`` each municipality has one analysis a year for ten years.

    Args:
        national: The generated structure whose municipalities and actors are used.
        factor: How large: 1 is the national register.
        seed: The seed of the generator's own :class:`random.Random`.
    """
    rng = random.Random(seed)
    target = register_counts(factor)
    areas = national.analysis_areas
    analyses = []
    for n in range(target.analyses):
        prefix, code, owners = areas[n % len(areas)]
        round_ = n // len(areas)
        year = 2015 + round_ % 10
        suffix = "" if round_ < 10 else f"-{round_ // 10 + 1}"
        sizes = (
            max(1, _share(target.risks, target.analyses, n)),
            max(1, _share(target.measures, target.analyses, n)),
            _share(target.status_changes, target.analyses, n),
        )
        analyses.append(_analysis(rng, f"{prefix}-{year}{suffix}", code, owners, year, sizes))
    return FollowUpRegister(analyses)
