"""Situation reports and the joint situation picture (aktörsgemensam lägesbild).

Each actor reports its situation for a reporting period: what is happening, the
consequences, what it has done, what it needs to coordinate with others, what it expects
next and how certain it is. Reports are numbered per actor and versioned, as in the OASIS
EDXL-SitRep situation report: a later report number replaces an earlier one, and a later
version of the same report corrects it. :meth:`SituationPicture.compile` merges the latest
report of every actor that is valid at a moment into one picture, says who has not
reported, and collects the coordination needs for the ISF to take up.

Times are naive datetimes in Swedish local time. Everything here is pure: the moment of
the picture is a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import attrs

from samverkan_model._validators import is_datetime, is_slug, is_text, str_tuple, text_tuple
from samverkan_model.risk.values import Confidence

__all__ = ["CoordinationNeed", "ReportingPeriod", "SituationPicture", "SituationReport"]


def _after_start(instance: ReportingPeriod, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, datetime) and value <= instance.start:
        msg = f"end: {value.isoformat()} is not after start {instance.start.isoformat()}"
        raise ValueError(msg)


@attrs.frozen
class ReportingPeriod:
    """The span ``[start, end)`` a situation report is valid for (naive datetimes).

    Args:
        start: The first moment the report covers.
        end: The moment it stops covering (reports are time-boxed, so there is always one).

    Raises:
        ValueError: if *end* is not after *start*.

    >>> from datetime import datetime
    >>> shift = ReportingPeriod(datetime(2025, 3, 4, 8), datetime(2025, 3, 4, 16))
    >>> shift.contains(datetime(2025, 3, 4, 15, 59)), shift.contains(datetime(2025, 3, 4, 16))
    (True, False)
    """

    start: datetime = attrs.field(validator=is_datetime)
    end: datetime = attrs.field(validator=[is_datetime, _after_start])

    def contains(self, at: datetime) -> bool:
        """Whether *at* lies in the period."""
        return self.start <= at < self.end

    def __str__(self) -> str:
        start = self.start.isoformat(timespec="minutes")
        return f"[{start}, {self.end.isoformat(timespec='minutes')})"


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"{attribute.name}: expected a whole number of at least 1, got {value!r}"
        raise ValueError(msg)


@attrs.frozen
class SituationReport:
    """One actor's situation report (lägesrapport) for a reporting period.

    Args:
        actor: The id of the reporting actor.
        period: The span the report is valid for.
        situation: What is happening now, in the actor's own area of responsibility.
        consequences: What it leads to, for the actor and for those it serves.
        measures_taken: What the actor has done, one item per measure.
        coordination_needs: What the actor needs to coordinate with others, one item per need.
        forecast: What the actor expects next.
        confidence: How certain the actor is of the report (``None``: not stated). This is
            the same scale the risk method uses for its assessments.
        report_number: The actor's running number for its reports (1, 2, ...).
        version: The version of that report; a correction gets a higher version.

    >>> from datetime import datetime
    >>> from samverkan_model.risk import Confidence
    >>> report = SituationReport(
    ...     "sl", ReportingPeriod(datetime(2025, 3, 4, 8), datetime(2025, 3, 5, 8)),
    ...     "Commuter trains stopped north of the city.",
    ...     coordination_needs=["Replacement buses need police traffic control"],
    ...     confidence=Confidence.HIGH, report_number=3)
    >>> report.key
    ('sl', 3, 1)
    """

    actor: str = attrs.field(validator=is_slug)
    period: ReportingPeriod = attrs.field(validator=attrs.validators.instance_of(ReportingPeriod))
    situation: str = attrs.field(validator=is_text)
    consequences: str = attrs.field(default="", validator=is_text)
    measures_taken: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=text_tuple
    )
    coordination_needs: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=text_tuple
    )
    forecast: str = attrs.field(default="", validator=is_text)
    confidence: Confidence | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Confidence))
    )
    report_number: int = attrs.field(default=1, validator=_positive)
    version: int = attrs.field(default=1, validator=_positive)

    @property
    def key(self) -> tuple[str, int, int]:
        """``(actor, report_number, version)``: what identifies the report."""
        return (self.actor, self.report_number, self.version)


@attrs.frozen
class CoordinationNeed:
    """A coordination need an actor raised, for the ISF to take up.

    Attributes:
        actor: The id of the actor that raised it.
        need: The need, as the actor wrote it.
        report_number: The number of the report it was raised in.
    """

    actor: str = attrs.field(validator=is_slug)
    need: str = attrs.field(validator=is_text)
    report_number: int = attrs.field(validator=_positive)


_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


def _naive(at: object) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is not None:
        msg = f"at: expected a naive datetime (Swedish local time), got {at!r}"
        raise TypeError(msg)
    return at


def _by_actor(report: SituationReport) -> str:
    return report.actor


def _sort_reports(items: Iterable[SituationReport]) -> tuple[SituationReport, ...]:
    return tuple(sorted(items, key=_by_actor))


def _sorted_ids(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(items))


def _latest(reports: Iterable[SituationReport], at: datetime) -> dict[str, SituationReport]:
    """The report each actor has valid at *at*, after corrections are applied."""
    by_key: dict[tuple[str, int, int], SituationReport] = {}
    items: Iterable[object] = reports
    for report in items:
        if not isinstance(report, SituationReport):
            msg = f"reports: expected SituationReport items, got {report!r}"
            raise TypeError(msg)
        known = by_key.setdefault(report.key, report)
        if known != report:
            actor, number, version = report.key
            msg = (
                f"reports: {actor!r} has two different reports numbered {number}, "
                f"version {version}; a report number and version identify one report"
            )
            raise ValueError(msg)
    # The highest version of each report replaces the earlier versions, whatever period
    # they had; of the corrected reports valid at *at*, the highest number is the latest.
    current: dict[tuple[str, int], SituationReport] = {}
    for report in by_key.values():
        seen = current.get((report.actor, report.report_number))
        if seen is None or report.version > seen.version:
            current[report.actor, report.report_number] = report
    latest: dict[str, SituationReport] = {}
    for report in current.values():
        if not report.period.contains(at):
            continue
        seen = latest.get(report.actor)
        if seen is None or report.report_number > seen.report_number:
            latest[report.actor] = report
    return latest


@attrs.frozen
class SituationPicture:
    """The joint situation picture at a moment: the latest valid report of each actor.

    Build it with :meth:`compile`.

    Attributes:
        at: The moment the picture is compiled for.
        reports: The report each actor has valid at *at*, one per actor, sorted by actor.
        missing: The expected actors with no report valid at *at*, sorted.
        coordination_needs: The coordination needs raised in *reports*, by actor and in the
            order each report lists them.
    """

    at: datetime = attrs.field(validator=is_datetime)
    reports: tuple[SituationReport, ...] = attrs.field(default=(), converter=_sort_reports)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_sorted_ids)
    coordination_needs: tuple[CoordinationNeed, ...] = attrs.field(default=())

    @classmethod
    def compile(
        cls,
        reports: Iterable[SituationReport],
        at: datetime,
        expected_actors: Iterable[str] = (),
    ) -> SituationPicture:
        """Merge *reports* into the picture at *at*.

        For each actor, the highest version of each report number replaces its earlier
        versions; of those valid at *at* (the reporting period contains it), the one with
        the highest report number is the actor's report in the picture. An actor in
        *expected_actors* without such a report is listed in :attr:`missing`.

        Args:
            reports: Situation reports from any number of actors, in any order.
            at: The moment of the picture (naive datetime, Swedish local time).
            expected_actors: The ids of the actors that should have reported.

        Raises:
            TypeError: if *at* is not a naive datetime or an item is not a report.
            ValueError: if two different reports share an actor, number and version.

        >>> from datetime import datetime
        >>> day = ReportingPeriod(datetime(2025, 3, 4, 8), datetime(2025, 3, 5, 8))
        >>> picture = SituationPicture.compile(
        ...     [SituationReport("sl", day, "Trains stopped.", report_number=1),
        ...      SituationReport("sl", day, "Trains running again.", report_number=2),
        ...      SituationReport("polisen", day, "Calm.", coordination_needs=["Road closures"])],
        ...     datetime(2025, 3, 4, 12),
        ...     expected_actors=["sl", "polisen", "sos-alarm"],
        ... )
        >>> [(r.actor, r.situation) for r in picture.reports]
        [('polisen', 'Calm.'), ('sl', 'Trains running again.')]
        >>> picture.missing
        ('sos-alarm',)
        >>> [(n.actor, n.need) for n in picture.coordination_needs]
        [('polisen', 'Road closures')]
        """
        moment = _naive(at)
        latest = _latest(reports, moment)
        chosen = [latest[actor] for actor in sorted(latest)]
        needs = tuple(
            CoordinationNeed(r.actor, need, r.report_number)
            for r in chosen
            for need in r.coordination_needs
        )
        if isinstance(expected_actors, str):
            msg = f"expected_actors: expected a collection of actor ids, got {expected_actors!r}"
            raise TypeError(msg)
        expected = set(expected_actors)
        return cls(moment, tuple(chosen), tuple(expected - latest.keys()), needs)

    @property
    def actors(self) -> tuple[str, ...]:
        """The ids of the actors in the picture, sorted."""
        return tuple(r.actor for r in self.reports)

    def report(self, actor: str) -> SituationReport:
        """The report of *actor* in the picture.

        Raises:
            KeyError: if *actor* has no report in the picture.
        """
        for r in self.reports:
            if r.actor == actor:
                return r
        msg = f"no report from {actor!r} in the situation picture at {self.at.isoformat()}"
        raise KeyError(msg)

    @property
    def confidence(self) -> Confidence | None:
        """The lowest confidence stated in the picture's reports (``None``: none stated).

        A joint picture is only as certain as its least certain part.
        """
        stated = [r.confidence for r in self.reports if r.confidence is not None]
        return min(stated, key=_RANK.__getitem__) if stated else None
