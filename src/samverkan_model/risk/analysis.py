"""The :class:`Analysis` aggregate: a whole social-risk workshop and its follow-up."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Self

import attrs

from samverkan_model._aggregate import CachedIndexes, first_by_id, lookup
from samverkan_model._validators import (
    is_slug,
    is_text,
    non_blank,
    optional_slug,
    slug_set,
    str_set,
)
from samverkan_model.findings import CheckError, Findings, errors
from samverkan_model.geography import Area
from samverkan_model.risk._fields import (
    by_attribute,
    condition_set,
    items_of,
    members_of,
    sorted_items,
)
from samverkan_model.risk.completeness import Completeness, completeness
from samverkan_model.risk.followup import STATUS_FIELDS, Progress, ResponsibleSummary
from samverkan_model.risk.measures import Measure, MeasureStatus, StatusChange
from samverkan_model.risk.risks import Risk
from samverkan_model.risk.scales import RiskMatrix
from samverkan_model.risk.validation import validate_analysis
from samverkan_model.risk.values import LivingCondition, Phase
from samverkan_model.risk.views import ConditionGroup, MatrixCell, MatrixSummary
from samverkan_model.risk.workshop import FollowUpAgreement, Method, NotRelevant
from samverkan_model.structure.decisions import MeasureRef

if TYPE_CHECKING:
    from samverkan_model.structure.model import Structure

__all__ = ["Analysis"]

_CONDITION_ORDER = {c: i for i, c in enumerate(LivingCondition)}


def _held_on(value: date | Iterable[date]) -> tuple[date, ...]:
    if isinstance(value, date):
        return (value,)
    return sorted_items(value, _day_number)


def _day_number(day: object) -> int:
    # By ordinal, so that a stray datetime sorts too and is refused by the validator.
    return day.toordinal() if isinstance(day, date) else 0


def _dates(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        msg = f"{attribute.name}: expected a date or a collection of dates, got {value!r}"
        raise TypeError(msg)
    for day in value:
        if not isinstance(day, date) or isinstance(day, datetime):
            msg = f"{attribute.name}: expected dates, got {day!r}"
            raise TypeError(msg)


_by_id = by_attribute("id", str, "")
_by_day = by_attribute("on", date, date.min)


def _sort_risks(items: Iterable[Risk]) -> tuple[Risk, ...]:
    return sorted_items(items, _by_id)


def _sort_measures(items: Iterable[Measure]) -> tuple[Measure, ...]:
    return sorted_items(items, _by_id)


def _sort_history(items: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    # Stable: two changes on the same day keep the order they were recorded in.
    return sorted_items(items, _by_day)


def _condition_rank(item: object) -> int:
    return _CONDITION_ORDER.get(getattr(item, "living_condition", None), -1)  # type: ignore[arg-type]


def _sort_not_relevant(items: Iterable[NotRelevant]) -> tuple[NotRelevant, ...]:
    return sorted_items(items, _condition_rank)


def _optional(kind: type) -> Any:
    return attrs.validators.optional(attrs.validators.instance_of(kind))


@attrs.frozen
class Analysis(CachedIndexes):
    """A social-risk analysis (RSA workshop) with its risks, measures and follow-up history.

    Collections are kept in canonical order whatever order they are given in: risks and
    measures by id, the history by date (changes on the same day keep their recorded
    order), the not-relevant list in the order of :class:`LivingCondition`. Whether the
    record is complete and consistent is reported by :meth:`validate`, so a draft can be
    built and inspected while the workshop is still going on.

    Args:
        id: A slug id, e.g. ``"sodertalje-sociala-risker-2025"``.
        title: The analysis's title.
        area: The county or municipality analysed.
        held_on: The day, or days, the workshop was held.
        method: The method used.
        participants: The ids of the participating actors.
        documentation_owner: The id of the actor who owns the documentation.
        recipients: The ids of the actors or bodies that receive the result.
        distribution: How the recipients receive it.
        follow_up_agreement: The agreed follow-up.
        living_conditions_discussed: The living conditions the workshop discussed.
        risks: The risks identified.
        measures: The measures agreed.
        history: The follow-up history: every status change of every measure.
        risk_matrix: The scales and matrix the risks are assessed on.
        not_relevant: Living conditions judged not relevant, each with a reason.

    >>> from datetime import date
    >>> from samverkan_model import Measure, MeasureStatus, Phase, StatusChange
    >>> a = Analysis("rsa", "Sociala risker", measures=[
    ...     Measure("m1", "Läxhjälp", Phase.PROACTIVE, {"kommunen"}, due=date(2025, 6, 1))],
    ...     history=[StatusChange("m1", date(2025, 2, 1), MeasureStatus.PLANNED)])
    >>> a.status("m1", date(2025, 1, 31)), a.status("m1", date(2025, 2, 1))
    (None, MeasureStatus.PLANNED)
    >>> [m.id for m in a.overdue(date(2025, 6, 2))]
    ['m1']
    """

    id: str = attrs.field(validator=is_slug)
    title: str = attrs.field(validator=non_blank)
    area: Area | None = attrs.field(default=None, validator=_optional(Area))
    held_on: tuple[date, ...] = attrs.field(default=(), converter=_held_on, validator=_dates)
    method: Method | None = attrs.field(default=None, validator=_optional(Method))
    participants: frozenset[str] = attrs.field(
        default=frozenset(), converter=str_set, validator=slug_set
    )
    documentation_owner: str | None = attrs.field(default=None, validator=optional_slug)
    recipients: frozenset[str] = attrs.field(
        default=frozenset(), converter=str_set, validator=slug_set
    )
    distribution: str | None = attrs.field(default=None, validator=is_text)
    follow_up_agreement: FollowUpAgreement | None = attrs.field(
        default=None, validator=_optional(FollowUpAgreement)
    )
    living_conditions_discussed: frozenset[LivingCondition] = attrs.field(
        default=frozenset(), converter=condition_set, validator=members_of(LivingCondition)
    )
    risks: tuple[Risk, ...] = attrs.field(
        default=(), converter=_sort_risks, validator=items_of(Risk)
    )
    measures: tuple[Measure, ...] = attrs.field(
        default=(), converter=_sort_measures, validator=items_of(Measure)
    )
    history: tuple[StatusChange, ...] = attrs.field(
        default=(), converter=_sort_history, validator=items_of(StatusChange)
    )
    risk_matrix: RiskMatrix = attrs.field(
        default=RiskMatrix.default(), validator=attrs.validators.instance_of(RiskMatrix)
    )
    not_relevant: tuple[NotRelevant, ...] = attrs.field(
        default=(), converter=_sort_not_relevant, validator=items_of(NotRelevant)
    )
    _cache: dict[object, Any] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )

    # -- indexes ---------------------------------------------------------------------------

    @property
    def risks_by_id(self) -> Mapping[str, Risk]:
        """Risks by id (the first wins when ids repeat; see ``analysis-duplicate-id``)."""
        return self._cached("risks", lambda: first_by_id(self.risks))

    @property
    def measures_by_id(self) -> Mapping[str, Measure]:
        """Measures by id (the first wins when ids repeat)."""
        return self._cached("measures", lambda: first_by_id(self.measures))

    @property
    def not_relevant_conditions(self) -> frozenset[LivingCondition]:
        """The living conditions judged not relevant."""
        return frozenset(n.living_condition for n in self.not_relevant)

    def risk(self, risk_id: str) -> Risk:
        """The risk with id *risk_id*.

        Raises:
            KeyError: if there is no such risk.
        """
        return lookup(self.risks_by_id, risk_id, "risk", f"analysis {self.id!r}")

    def measure(self, measure_id: str) -> Measure:
        """The measure with id *measure_id*.

        Raises:
            KeyError: if there is no such measure.
        """
        return lookup(self.measures_by_id, measure_id, "measure", f"analysis {self.id!r}")

    def _histories(self) -> dict[str, tuple[tuple[date, ...], tuple[StatusChange, ...]]]:
        def build() -> dict[str, tuple[tuple[date, ...], tuple[StatusChange, ...]]]:
            grouped: dict[str, list[StatusChange]] = {}
            for change in self.history:
                grouped.setdefault(change.measure, []).append(change)
            return {k: (tuple(c.on for c in v), tuple(v)) for k, v in grouped.items()}

        return self._cached("history", build)

    def history_of(self, measure_id: str) -> tuple[StatusChange, ...]:
        """The status changes recorded for *measure_id*, in order (empty when none).

        Raises:
            KeyError: if there is no such measure.
        """
        self.measure(measure_id)
        return self._histories().get(measure_id, ((), ()))[1]

    # -- status ----------------------------------------------------------------------------

    def status(self, measure_id: str, as_of: date) -> MeasureStatus | None:
        """The status of *measure_id* on *as_of*: that of its last change on or before it.

        ``None`` before the measure's first recorded change. Changes on the same day apply
        in the order they were recorded, so the last one wins.

        Raises:
            KeyError: if there is no such measure.
        """
        self.measure(measure_id)
        days, changes = self._histories().get(measure_id, ((), ()))
        index = bisect_right(days, as_of)
        return changes[index - 1].status if index else None

    def latest_status(self, measure_id: str) -> MeasureStatus | None:
        """The status after the last recorded change of *measure_id* (``None``: no change).

        Raises:
            KeyError: if there is no such measure.
        """
        changes = self.history_of(measure_id)
        return changes[-1].status if changes else None

    def snapshot(self, as_of: date) -> dict[str, MeasureStatus | None]:
        """Every measure's status on *as_of*, by measure id (``None``: nothing recorded yet).

        This is what a follow-up meeting held on *as_of* could know: changes recorded for
        later days do not show.
        """
        return {m.id: self.status(m.id, as_of) for m in self.measures}

    def record(self, *changes: StatusChange) -> Self:
        """A new version of the analysis with *changes* appended to the history.

        >>> from datetime import date
        >>> from samverkan_model import Measure, MeasureStatus, Phase, StatusChange
        >>> a = Analysis("rsa", "Sociala risker",
        ...              measures=[Measure("m1", "Läxhjälp", Phase.PROACTIVE, {"kommunen"})])
        >>> a.record(StatusChange("m1", date(2025, 3, 1), MeasureStatus.ONGOING)).status(
        ...     "m1", date(2025, 3, 1))
        MeasureStatus.ONGOING
        """
        return attrs.evolve(self, history=(*self.history, *changes))

    # -- follow-up -------------------------------------------------------------------------

    def overdue(self, as_of: date) -> tuple[Measure, ...]:
        """Measures past their due date and not implemented or cancelled on *as_of*.

        A measure is past due when its due date is before *as_of*; one with no recorded
        status counts as not done.
        """
        out = []
        for m in self.measures:
            if m.due is None or m.due >= as_of:
                continue
            status = self.status(m.id, as_of)
            if status is None or not status.is_closed:
                out.append(m)
        return tuple(out)

    def follow_ups_due(self, as_of: date, within: timedelta = timedelta(0)) -> tuple[Measure, ...]:
        """Measures whose next follow-up falls on or before *as_of* + *within*.

        Missed follow-ups (dates already passed) are included; measures that are
        implemented or cancelled on *as_of* are not.
        """
        limit = as_of + within
        out = []
        for m in self.measures:
            if m.follow_up is None or m.follow_up > limit:
                continue
            status = self.status(m.id, as_of)
            if status is None or not status.is_closed:
                out.append(m)
        return tuple(out)

    def by_responsible(self, as_of: date) -> tuple[ResponsibleSummary, ...]:
        """Per responsible actor, the measures of each status on *as_of* and the overdue ones.

        Overdue measures are listed as ``analysis-id/measure-id`` references. The result is
        sorted by actor id; a measure with several responsible actors counts for each.
        """
        overdue = {m.id for m in self.overdue(as_of)}
        counts: dict[str, dict[str, int]] = {}
        late: dict[str, list[MeasureRef]] = {}
        for m in self.measures:
            field = STATUS_FIELDS[self.status(m.id, as_of)]
            for actor in sorted(m.responsible):
                tally = counts.setdefault(actor, {})
                tally[field] = tally.get(field, 0) + 1
                if m.id in overdue:
                    late.setdefault(actor, []).append(MeasureRef(self.id, m.id))
        return tuple(
            ResponsibleSummary(actor, overdue=tuple(late.get(actor, ())), **counts[actor])
            for actor in sorted(counts)
        )

    def progress(self, as_of: date) -> Progress:
        """Progress on *as_of*: measures recorded, implemented, cancelled and proactive."""
        recorded = cancelled = implemented = proactive = 0
        for m in self.measures:
            status = self.status(m.id, as_of)
            if status is None:
                continue
            recorded += 1
            if status is MeasureStatus.CANCELLED:
                cancelled += 1
                continue
            implemented += status is MeasureStatus.IMPLEMENTED
            proactive += m.phase is Phase.PROACTIVE
        return Progress(as_of, recorded, cancelled, implemented, proactive)

    def progress_over(self, days: Iterable[date]) -> tuple[Progress, ...]:
        """:meth:`progress` on each of *days*, in the order given: progress over time."""
        return tuple(self.progress(day) for day in days)

    # -- views -----------------------------------------------------------------------------

    def matrix(self, matrix: RiskMatrix | None = None) -> MatrixSummary:
        """The risks placed in *matrix* (the analysis's own matrix by default).

        >>> from samverkan_model import Basis, Confidence, LivingCondition, Risk
        >>> risk = Risk("r1", "Skolavhopp", "", {LivingCondition.EDUCATION}, 4, 3,
        ...             Confidence.MEDIUM, Basis.EVIDENCE)
        >>> summary = Analysis("rsa", "Sociala risker", risks=[risk]).matrix()
        >>> summary.cell(4, 3).risks, summary.cell(4, 3).level.label("en")
        (('r1',), 'High')
        """
        m = self.risk_matrix if matrix is None else matrix
        placed: dict[tuple[int, int], list[str]] = {}
        off_scale = []
        for r in self.risks:
            if r.on_scale(m):
                placed.setdefault((r.likelihood, r.consequence), []).append(r.id)
            else:
                off_scale.append(r.id)
        cells = tuple(
            MatrixCell(lik, con, m.level(lik, con), tuple(placed.get((lik, con), ())))
            for lik, con in m.cells()
        )
        return MatrixSummary(m, cells, tuple(off_scale))

    def by_living_condition(self) -> tuple[ConditionGroup, ...]:
        """What the analysis says about each of the eight living conditions, in order.

        A measure belongs to a living condition it names itself or that one of its risks
        touches.
        """
        reasons = {n.living_condition: n.reason for n in self.not_relevant}
        risks = self.risks_by_id
        groups = []
        for condition in LivingCondition:
            risk_ids = tuple(r.id for r in self.risks if condition in r.living_conditions)
            measure_ids = tuple(
                m.id
                for m in self.measures
                if condition in m.living_conditions
                or any(r in risks and condition in risks[r].living_conditions for r in m.risks)
            )
            groups.append(
                ConditionGroup(
                    condition,
                    condition in self.living_conditions_discussed,
                    reasons.get(condition),
                    risk_ids,
                    measure_ids,
                )
            )
        return tuple(groups)

    def completeness(self) -> Completeness:
        """Which steps of the method are done, and what is missing from the others."""
        return completeness(self)

    # -- validation ------------------------------------------------------------------------

    def validate(self, structure: Structure | None = None) -> Findings:
        """Check the analysis against the method and return every finding, worst first.

        Args:
            structure: When given, participants, owners, recipients, responsible actors and
                recorders must be in it.

        The finding codes are listed in :data:`samverkan_model.FINDING_CODES` (scope
        ``"analysis"``).
        """
        return validate_analysis(self, structure)

    def check(self, structure: Structure | None = None) -> Self:
        """Return the analysis itself when :meth:`validate` finds no error.

        Raises:
            CheckError: listing every error-level finding.
        """
        found = errors(self.validate(structure))
        if found:
            raise CheckError(f"analysis {self.id!r}", found)
        return self

    def to_records(self, as_of: date) -> list[dict[str, object]]:
        """One flat dict per measure with its status on *as_of*, for ``pandas.DataFrame``.

        Keys: ``analysis``, ``measure``, ``title``, ``phase``, ``responsible`` (ids joined
        by ", "), ``status`` (``None`` before the first event), ``due``, ``follow_up`` and
        ``overdue``.
        """
        late = {m.id for m in self.overdue(as_of)}
        snapshot = self.snapshot(as_of)

        def status(measure_id: str) -> str | None:
            value = snapshot[measure_id]
            return None if value is None else value.value

        return [
            {
                "analysis": self.id,
                "measure": m.id,
                "title": m.title,
                "phase": m.phase.value,
                "responsible": ", ".join(sorted(m.responsible)),
                "status": status(m.id),
                "due": m.due,
                "follow_up": m.follow_up,
                "overdue": m.id in late,
            }
            for m in self.measures
        ]

    def _repr_html_(self) -> str:
        from samverkan_model._display import analysis_html  # noqa: PLC0415

        return analysis_html(self)
