"""Joint work per actor: information sharing, a shared goal picture, a joint plan.

MSB's common grounds let joint work in an ISF escalate, as needed, in three steps: sharing
information may be enough; sometimes the actors also need a shared goal picture (målbild);
sometimes a joint plan for coordinating their efforts as well. Each actor goes only as far
as it needs to. A :class:`JointWorkLog` records, per actor, when it entered each step and
answers which step every actor is at, at a given moment. Times are naive datetimes in
Swedish local time.

An actor is expected to climb one step at a time and to stay put or climb while the work
goes on. Skipping a step (or starting above information sharing) and stepping back down
are allowed, since a crisis may demand it, but the entry must say why in its ``note``;
:meth:`JointWorkLog.validate` reports entries that do not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import groupby
from typing import TYPE_CHECKING

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import is_datetime, is_slug, is_text, optional_slug
from samverkan_model.findings import Finding, Severity, register, sort_findings

if TYPE_CHECKING:
    from samverkan_model.structure.model import Structure

__all__ = ["JointWork", "JointWorkLog", "JointWorkStep"]

_SCOPE = "joint-work"
STEP_SKIPPED = register(
    "joint-work-step-skipped",
    Severity.WARNING,
    "An actor's joint work skips a step (or starts above information sharing) and the entry "
    "has no note saying why.",
    _SCOPE,
)
STEP_BACK = register(
    "joint-work-step-back",
    Severity.WARNING,
    "An actor's joint work steps back down and the entry has no note saying why.",
    _SCOPE,
)


class JointWorkStep(LabelledEnum):
    """How far an actor's joint work goes, ordered from information sharing up.

    >>> JointWorkStep.INFORMATION_SHARING < JointWorkStep.JOINT_PLAN
    True
    >>> JointWorkStep.SHARED_GOAL_PICTURE.label("sv")
    'Gemensam målbild'
    """

    INFORMATION_SHARING = ("information-sharing", "Informationsdelning", "Information sharing")
    SHARED_GOAL_PICTURE = ("shared-goal-picture", "Gemensam målbild", "Shared goal picture")
    JOINT_PLAN = ("joint-plan", "Gemensam plan", "Joint plan")

    @property
    def rank(self) -> int:
        """1 for information sharing, 2 for a shared goal picture, 3 for a joint plan."""
        return list(JointWorkStep).index(self) + 1

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, JointWorkStep):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, JointWorkStep):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, JointWorkStep):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, JointWorkStep):
            return NotImplemented
        return self.rank >= other.rank


@attrs.frozen
class JointWork:
    """An actor enters a step of joint work at a moment.

    Args:
        actor: The id of the actor.
        step: The step it works at from *on*.
        on: When (naive datetime, Swedish local time).
        note: Why, when the step is skipped or stepped back from.
        body: The id of the body where it was agreed (the ISF, an ISK contact, a conference).
    """

    actor: str = attrs.field(validator=is_slug)
    step: JointWorkStep = attrs.field(validator=attrs.validators.instance_of(JointWorkStep))
    on: datetime = attrs.field(validator=is_datetime)
    note: str = attrs.field(default="", validator=is_text)
    body: str | None = attrs.field(default=None, validator=optional_slug)

    @property
    def sort_key(self) -> tuple[str, datetime, int, str, str]:
        """The order entries are kept in: by actor, time, step (lowest first), body, note."""
        return (self.actor, self.on, self.step.rank, self.body or "", self.note)


def _entry_key(entry: JointWork) -> tuple[str, datetime, int, str, str]:
    return entry.sort_key


def _sort_entries(items: Iterable[JointWork]) -> tuple[JointWork, ...]:
    values: tuple[object, ...] = tuple(items)
    good = [e for e in values if isinstance(e, JointWork)]
    if len(good) < len(values):
        return values  # type: ignore[return-value]  # refused by the field validator
    return tuple(sorted(good, key=_entry_key))


def _entries(
    instance: object,
    attribute: attrs.Attribute[tuple[JointWork, ...]],
    value: tuple[JointWork, ...],
) -> None:
    items: tuple[object, ...] = value
    for index, item in enumerate(items):
        if not isinstance(item, JointWork):
            msg = f"entries[{index}]: expected JointWork, got {item!r}"
            raise TypeError(msg)


def _naive(at: object) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is not None:
        msg = f"at: expected a naive datetime (Swedish local time), got {at!r}"
        raise TypeError(msg)
    return at


@attrs.frozen
class JointWorkLog:
    """The joint-work timeline of one joint effort (one crisis or event), per actor.

    Entries are kept sorted by actor and time. When an actor has two entries at the same
    moment, the higher step is the one that holds then.

    Args:
        entries: The recorded steps.

    >>> from datetime import datetime
    >>> log = JointWorkLog([
    ...     JointWork("polisen", JointWorkStep.INFORMATION_SHARING, datetime(2025, 3, 4, 10)),
    ...     JointWork("polisen", JointWorkStep.SHARED_GOAL_PICTURE, datetime(2025, 3, 5, 9)),
    ...     JointWork("sos-alarm", JointWorkStep.INFORMATION_SHARING, datetime(2025, 3, 4, 10)),
    ... ])
    >>> log.step_at("polisen", datetime(2025, 3, 5, 12)).value
    'shared-goal-picture'
    >>> {a: s.value for a, s in log.steps_at(datetime(2025, 3, 4, 12)).items()}
    {'polisen': 'information-sharing', 'sos-alarm': 'information-sharing'}
    >>> log.validate()
    ()
    """

    entries: tuple[JointWork, ...] = attrs.field(
        default=(), converter=_sort_entries, validator=_entries
    )

    @property
    def actors(self) -> tuple[str, ...]:
        """The ids of the actors with at least one entry, sorted."""
        return tuple(sorted({e.actor for e in self.entries}))

    def history(self, actor: str) -> tuple[JointWork, ...]:
        """The entries of *actor*, in time order (empty for an actor with none)."""
        return tuple(e for e in self.entries if e.actor == actor)

    def step_at(self, actor: str, at: datetime) -> JointWorkStep | None:
        """The step *actor* works at at *at* (``None`` before its first entry).

        Raises:
            TypeError: if *at* is not a naive datetime.
        """
        moment = _naive(at)
        history = self.history(actor)
        index = bisect_right(history, moment, key=lambda e: e.on)
        return None if index == 0 else history[index - 1].step

    def steps_at(self, at: datetime) -> dict[str, JointWorkStep]:
        """Every actor's step at *at*, by actor id (actors not yet started are left out).

        Raises:
            TypeError: if *at* is not a naive datetime.
        """
        moment = _naive(at)
        current: dict[str, JointWorkStep] = {}
        for entry in self.entries:
            if entry.on <= moment:
                current[entry.actor] = entry.step
        return current

    def at_step(self, step: JointWorkStep, at: datetime) -> tuple[str, ...]:
        """The ids of the actors working at exactly *step* at *at*, sorted."""
        return tuple(sorted(a for a, s in self.steps_at(at).items() if s is step))

    def validate(self, structure: Structure | None = None) -> tuple[Finding, ...]:
        """Findings about the timeline, worst first.

        An entry that skips a step (an actor's first entry counts from nothing, so it
        should be information sharing) or steps back down, without a note, is a
        ``joint-work-step-skipped`` or ``joint-work-step-back`` warning. With *structure*,
        an actor or body id that names nothing in it is an ``unresolved-reference`` error.
        """
        return sort_findings(self._findings(structure))

    def _findings(self, structure: Structure | None) -> Iterator[Finding]:
        for _, group in groupby(self.entries, key=lambda e: e.actor):
            previous: JointWork | None = None
            for entry in group:
                yield from _step_change(previous, entry)
                previous = entry
        if structure is None:
            return
        from samverkan_model.structure.validation import UNRESOLVED_REFERENCE  # noqa: PLC0415

        for i, entry in enumerate(self.entries):
            if entry.actor not in structure.actors_by_id:
                yield Finding.of(
                    UNRESOLVED_REFERENCE,
                    f"entries[{i}].actor: {entry.actor!r} is not an actor of the structure",
                    entry.actor,
                )
            if entry.body is not None and entry.body not in structure.bodies_by_id:
                yield Finding.of(
                    UNRESOLVED_REFERENCE,
                    f"entries[{i}].body: {entry.body!r} is not a body of the structure",
                    entry.actor,
                    entry.body,
                )


def _step_change(previous: JointWork | None, entry: JointWork) -> Iterator[Finding]:
    if entry.note.strip():
        return
    before = 0 if previous is None else previous.step.rank
    when = entry.on.isoformat(timespec="minutes")
    if entry.step.rank > before + 1:
        start = "nothing" if previous is None else previous.step.value
        yield Finding.of(
            STEP_SKIPPED,
            f"{entry.actor!r} goes from {start} to {entry.step.value} at {when} without a note "
            "saying why a step is skipped",
            entry.actor,
        )
    elif previous is not None and entry.step.rank < before:
        yield Finding.of(
            STEP_BACK,
            f"{entry.actor!r} steps back from {previous.step.value} to {entry.step.value} at "
            f"{when} without a note saying why",
            entry.actor,
        )
