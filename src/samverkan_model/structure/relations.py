"""Relations between actors and bodies, and agreements between actors."""

from __future__ import annotations

from datetime import date

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import is_slug, is_text, slug_set, str_set
from samverkan_model.periods import Period

__all__ = ["Agreement", "AgreementKind", "Relation", "RelationKind"]


class RelationKind(LabelledEnum):
    """How one actor or body relates to another."""

    REPORTS_TO = ("reports-to", "Rapporterar till", "Reports to")
    LEADS = ("leads", "Leder", "Leads")
    PART_OF = ("part-of", "Ingår i", "Part of")
    ESCALATES_TO = ("escalates-to", "Lyfter frågor till", "Escalates to")
    SUPPORTS = ("supports", "Stödjer", "Supports")
    COORDINATES_WITH = ("coordinates-with", "Samordnar med", "Coordinates with")


@attrs.frozen
class Relation:
    """A directed relation ``source -> target`` of some kind, optionally time-bounded.

    Args:
        source: The id of the actor or body the relation starts at.
        target: The id of the actor or body it points to.
        kind: What the relation means.
        period: When it holds; always when ``None``.
    """

    source: str = attrs.field(validator=is_slug)
    target: str = attrs.field(validator=is_slug)
    kind: RelationKind = attrs.field(validator=attrs.validators.instance_of(RelationKind))
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )

    @property
    def sort_key(self) -> tuple[str, str, str, tuple[bool, date, bool, date]]:
        """The natural key relations are ordered by in a structure and in files.

        Source, target, kind, then the period: undated relations first, then by start and
        end (open ends last), so the order never depends on the order given.
        """
        if self.period is None:
            return (self.source, self.target, self.kind.value, (False, date.min, False, date.min))
        end = self.period.end
        when = (True, self.period.start, end is None, date.min if end is None else end)
        return (self.source, self.target, self.kind.value, when)

    def active_at(self, day: object) -> bool:
        """Whether the relation holds on *day* (a ``date``)."""
        return self.period is None or day in self.period


class AgreementKind(LabelledEnum):
    """What kind of agreement binds the parties."""

    LOCAL_AGREEMENT = ("local-agreement", "Lokal överenskommelse", "Local agreement")
    COLLABORATION_AGREEMENT = (
        "collaboration-agreement",
        "Samverkansavtal",
        "Collaboration agreement",
    )
    STAFFING_AGREEMENT = ("staffing-agreement", "Bemanningsavtal", "Staffing agreement")
    OTHER = ("other", "Övrig överenskommelse", "Other agreement")


def _two_parties(
    instance: object, attribute: attrs.Attribute[frozenset[str]], value: object
) -> None:
    slug_set(instance, attribute, value)
    if len(value) < 2:  # type: ignore[arg-type]
        msg = f"parties: an agreement needs at least two parties, got {sorted(value)!r}"  # type: ignore[call-overload]
        raise ValueError(msg)


@attrs.frozen
class Agreement:
    """An agreement between actors, e.g. a local agreement between an agency and a municipality.

    Args:
        id: A slug id, unique among the structure's agreements.
        parties: The ids of the actors that are party to it (at least two).
        kind: What kind of agreement it is.
        period: When it is in force.
        subject: What it is about.
    """

    id: str = attrs.field(validator=is_slug)
    parties: frozenset[str] = attrs.field(converter=str_set, validator=_two_parties)
    kind: AgreementKind = attrs.field(validator=attrs.validators.instance_of(AgreementKind))
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    subject: str = attrs.field(default="", validator=is_text)
