"""Building blocks shared by the strategies: ids, names, dates, periods and areas."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time, timedelta
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum import luhn

from samverkan_model.geography import Area, AreaKind, counties, municipalities
from samverkan_model.periods import Period
from samverkan_model.structure.actors import (
    COMPETENCE_CATEGORIES,
    OrganisationKind,
    expected_org_groups,
)
from samverkan_model.structure.bodies import WORK_AREAS, Role
from samverkan_model.structure.cadence import Cadence
from samverkan_model.structure.decisions import MeasureRef
from samverkan_model.structure.levels import GovernanceLevel, Mode

T = TypeVar("T")

EPOCH = date(2000, 1, 1)
"""The earliest date the strategies generate; dates shrink towards it."""

HORIZON_DAYS = 30 * 365  # generated dates stay within about 30 years of EPOCH
MAX_SPAN_DAYS = 10 * 365  # the longest generated period

# -- small building blocks -----------------------------------------------------------------


def chosen_codes(codes: Iterable[str] | None, known: Sequence[str], what: str) -> tuple[str, ...]:
    """The finding codes a broken-data strategy should produce, sorted.

    Raises:
        InvalidArgument: for no code, or a code *what* cannot be broken for.
    """
    if codes is None:
        return tuple(known)
    chosen = tuple(sorted(set(codes)))
    unknown = [c for c in chosen if c not in known]
    if unknown or not chosen:
        asked = ", ".join(map(repr, unknown)) or "no code"
        msg = f"codes: cannot break {what} for {asked}; choose from {', '.join(known)}"
        raise InvalidArgument(msg)
    return chosen


_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
_NAMES = (
    "Kommun",
    "Länsstyrelsen",
    "Region",
    "Polisregionen",
    "Räddningstjänsten",
    "Samordningsgruppen",
    "Chefsgruppen",
    "Trafikverket",
    "Ödeshög",
    "Tjänsteman i beredskap",
)
# Enumerations in "simplest first" order: examples shrink towards the first member.
LEVELS = tuple(sorted(GovernanceLevel, key=lambda level: level.rank))
ROLES = (
    Role.MEMBER,
    Role.CONTACT,
    Role.SECRETARY,
    Role.COORDINATOR,
    Role.HEAD,
    Role.DUTY_OFFICER,
    Role.CHAIR,
)
CATEGORIES = tuple(COMPETENCE_CATEGORIES)
WORK_AREA_SLUGS = tuple(WORK_AREAS)
ALL_MODES = frozenset(Mode)
ORG_GROUPS = ("2", "5", "7", "8", "9")

names = st.sampled_from(_NAMES) | st.text(max_size=24)
short_texts = st.just("") | st.text(max_size=40)
offsets = st.integers(0, HORIZON_DAYS)
raw_index = st.integers(0, 255)  # an index into something not yet known; used modulo its size
# An optional index in one draw (cheaper than ``none() | raw_index``): 0 is "none" and
# the simplest value, k > 0 picks item k - 1 (modulo the number of items).
maybe_index = st.integers(0, 256)


Many = tuple[st.SearchStrategy[Any], int, int]
"""An element strategy with the fewest and the most elements, for :func:`many`."""


def many(draw: st.DrawFn, element: st.SearchStrategy[T], least: int, most: int) -> list[T]:
    """A count between *least* and *most*, then that many elements of *element*.

    Hypothesis shrinks a count by lowering it and deleting the draws of any one element,
    so an element that a failing example does not need goes, wherever it sits. The
    "one more?" flags of ``st.lists`` give no such move for elements of many draws.
    """
    return [draw(element) for _ in range(draw(st.integers(least, most)))]


def day(offset: int) -> date:
    return EPOCH + timedelta(days=offset)


def pick(items: Sequence[T], raw: int) -> T:
    return items[raw % len(items)]


def pick_maybe(items: Sequence[T], raw: int) -> T | None:
    """The item *raw* picks, ``None`` when *raw* is 0 or there are no items."""
    return items[(raw - 1) % len(items)] if raw and items else None


def levels_arg(levels: Iterable[GovernanceLevel] | None) -> tuple[GovernanceLevel, ...]:
    if levels is None:
        return LEVELS
    chosen: set[object] = set(levels)
    for level in chosen:
        if not isinstance(level, GovernanceLevel):
            msg = f"levels: expected GovernanceLevel members, got {level!r}"
            raise InvalidArgument(msg)
    if not chosen:
        msg = "levels: give at least one governance level"
        raise InvalidArgument(msg)
    return tuple(level for level in LEVELS if level in chosen)


def check_size(name: str, value: object, least: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        msg = f"{name}: expected a whole number of at least {least}, got {value!r}"
        raise InvalidArgument(msg)


def ids() -> st.SearchStrategy[str]:
    """Slug ids: lowercase ASCII words of letters and digits joined by single hyphens.

    Examples from this strategy shrink towards one-character ids.
    """
    word = st.text(_ID_CHARS, min_size=1, max_size=6)
    return st.lists(word, min_size=1, max_size=3).map("-".join)


def org_number(group: str, payload: int) -> str:
    digits = f"{group}{payload:08d}"
    digits += luhn.calc_check_digit(digits)
    return f"{digits[:6]}-{digits[6:]}"


def org_numbers(kind: OrganisationKind | None = None) -> st.SearchStrategy[str]:
    """Valid Swedish organisation numbers, ``NNNNNN-NNNN``, with a correct Luhn digit.

    Args:
        kind: When given, the group digit fits this kind of organisation (2 for public
            bodies, 5 for companies, 8 for non-profits; any group for the other kinds).

    Examples from this strategy shrink towards group 2 and zeros (``200000-0006``).
    """
    groups = sorted(expected_org_groups(kind)) if kind is not None else []
    return st.builds(org_number, st.sampled_from(groups or ORG_GROUPS), st.integers(0, 10**8 - 1))


_AREA_CODES: dict[AreaKind, tuple[str, ...]] = {}


def area_codes(kind: AreaKind) -> tuple[str, ...]:
    if kind not in _AREA_CODES:
        if kind is AreaKind.NATION:
            codes: tuple[str, ...] = (Area.NATION_CODE,)
        elif kind is AreaKind.COUNTY:
            codes = tuple(c.code for c in counties())
        else:
            codes = tuple(m.code for m in municipalities())
        _AREA_CODES[kind] = codes
    return _AREA_CODES[kind]


def areas(kinds: Iterable[AreaKind] | None = None) -> st.SearchStrategy[Area]:
    """Areas: the nation, Sweden's counties and its municipalities, by official code.

    Args:
        kinds: Which kinds of area to generate (default: all three).

    Examples from this strategy shrink towards the nation, then Stockholms län (``01``),
    then the first municipality of the shipped list.
    """
    wanted = list(AreaKind) if kinds is None else [k for k in AreaKind if k in set(kinds)]
    if not wanted:
        msg = "kinds: give at least one AreaKind"
        raise InvalidArgument(msg)
    codes = [code for kind in wanted for code in area_codes(kind)]
    return st.sampled_from(codes).map(Area)


def periods(*, open_ended: bool = True, allow_empty: bool = True) -> st.SearchStrategy[Period]:
    """Periods ``[start, end)`` from :data:`EPOCH` on, at most about ten years long.

    Args:
        open_ended: Whether some periods have no end.
        allow_empty: Whether some periods have ``end == start`` (no day at all).

    Examples from this strategy shrink towards an open period starting on :data:`EPOCH`
    (a one-day or empty period when *open_ended* is false).
    """
    shortest = 0 if allow_empty else 1
    return st.builds(
        period_from,
        offsets,
        (st.none() | st.integers(shortest, MAX_SPAN_DAYS))
        if open_ended
        else st.integers(shortest, MAX_SPAN_DAYS),
    )


def period_from(offset: int, length: int | None) -> Period:
    start = day(offset)
    return Period(start, None if length is None else start + timedelta(days=length))


period_raw = st.none() | st.tuples(offsets, st.none() | st.integers(1, MAX_SPAN_DAYS))
span_raw = st.tuples(raw_index, raw_index, st.none() | st.integers(0, MAX_SPAN_DAYS))


def period_in(life: Period | None, raw: tuple[int, int, int | None]) -> Period:
    """A non-empty period inside *life* (``None``: no limit) from raw draws."""
    start_raw, length_raw, extra = raw
    if life is None:
        life = Period(EPOCH)
    if life.end is None:
        start = life.start + timedelta(days=start_raw * 7 + start_raw % 7)
        if extra is None:
            return Period(start)
        return Period(start, start + timedelta(days=1 + extra))
    span = (life.end - life.start).days  # generated lives are never empty
    start = life.start + timedelta(days=(start_raw * 7) % span)
    room = (life.end - start).days
    return Period(start, start + timedelta(days=1 + (length_raw * 11 + (extra or 0)) % room))


def cadences() -> st.SearchStrategy[Cadence]:
    """Meeting cadences: a weekday and a time, every one to four weeks.

    Examples from this strategy shrink towards weekly on Monday at midnight, with no
    extra meetings in activated mode.
    """
    return st.builds(
        Cadence,
        weekday=st.integers(0, 6),
        at=st.builds(time, st.integers(0, 23), st.sampled_from((0, 15, 30, 45))),
        every_weeks=st.integers(1, 4),
        activated_weekdays=st.frozensets(st.integers(0, 6), max_size=5),
    )


def measure_refs() -> st.SearchStrategy[MeasureRef]:
    """References ``analysis-id/measure-id`` to measures of analyses.

    Examples from this strategy shrink towards short ids on both sides.
    """
    return st.builds(MeasureRef, ids(), ids())
