"""Competence coverage of bodies over time, computed by an interval sweep."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from itertools import chain
from typing import TYPE_CHECKING

from samverkan_model.periods import Period
from samverkan_model.structure.staffing import CoverageGap, CoverageRule

if TYPE_CHECKING:
    from samverkan_model.structure.bodies import Membership
    from samverkan_model.structure.model import Structure

__all__ = ["coverage_gaps", "default_horizon", "member_categories", "rule_gaps"]

HORIZON_MARGIN = timedelta(days=365)


def default_horizon(structure: Structure) -> date:
    """One year after the latest date the structure's memberships and rules mention."""
    # A period's end is never before its start, so its latest day is its end, if any.
    latest: date | None = None
    periods = chain(
        (m.period for m in structure.memberships), (r.period for r in structure.coverage_rules)
    )
    for period in periods:
        last = period.start if period.end is None else period.end
        if latest is None or last > latest:
            latest = last
    return (date(2000, 1, 1) if latest is None else latest) + HORIZON_MARGIN


def member_categories(structure: Structure, membership: Membership) -> frozenset[str]:
    """The competence categories a seat brings: the lending actor's, else the member actor's."""
    lender = membership.on_behalf_of or membership.member
    actor = structure.actors_by_id.get(lender)
    return frozenset() if actor is None else actor.categories


def rule_gaps(structure: Structure, rule: CoverageRule, window: Period) -> tuple[CoverageGap, ...]:
    """The gaps of one *rule* inside *window* (a closed period)."""
    assert window.end is not None  # callers close the window
    span = rule.period.intersection(window)
    if span is None or span.end is None or span.is_empty:
        return ()
    end = span.end
    # Every seat adds its member to the holders of its categories over [start, end); the
    # sweep reads the holders between consecutive change dates, so its cost depends on the
    # number of seats, not of days. Holders are counted per member: one person with two
    # seats (say member and secretary) is still one person.
    changes: dict[date, list[tuple[str, frozenset[str], int]]] = {span.start: [], end: []}
    for seat in structure.members(rule.body) if rule.body in structure.bodies_by_id else ():
        seat_span = seat.period.intersection(span)
        if seat_span is None:
            continue
        cats = member_categories(structure, seat) & rule.categories
        if not cats:
            continue
        changes.setdefault(seat_span.start, []).append((seat.member, cats, 1))
        if seat_span.end is not None and seat_span.end < end:
            changes.setdefault(seat_span.end, []).append((seat.member, cats, -1))
    holders: dict[str, Counter[str]] = {c: Counter() for c in rule.categories}
    gaps: list[CoverageGap] = []
    open_start: date | None = None
    open_missing: frozenset[str] = frozenset()
    for day in sorted(d for d in changes if d < end):
        for member, cats, step in changes[day]:
            for c in cats:
                holders[c][member] += step
                if not holders[c][member]:
                    del holders[c][member]
        missing = frozenset(c for c in rule.categories if len(holders[c]) < rule.min_people)
        if missing == open_missing:
            continue
        if open_missing and open_start is not None:
            gaps.append(CoverageGap(Period(open_start, day), rule.body, open_missing))
        open_start, open_missing = day, missing
    if open_missing and open_start is not None:
        gaps.append(CoverageGap(Period(open_start, end), rule.body, open_missing))
    return tuple(gaps)


def coverage_gaps(
    structure: Structure, period: Period, *, horizon: date | None = None
) -> tuple[CoverageGap, ...]:
    """Every coverage gap of every rule of *structure* inside *period*.

    Open ends (of *period* or of a rule) are closed at *horizon*, by default
    :func:`default_horizon`. Gaps are ordered by body, start and missing categories.
    """
    window = period
    if period.end is None:  # only an open period needs the horizon, which reads every seat
        window = period.clip(horizon if horizon is not None else default_horizon(structure))
    gaps = [g for rule in structure.coverage_rules for g in rule_gaps(structure, rule, window)]
    return tuple(sorted(gaps, key=lambda g: (g.body, g.period.start, sorted(g.missing))))
