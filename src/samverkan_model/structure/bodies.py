"""Collaboration bodies, roles and memberships."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import (
    is_slug,
    is_text,
    optional_slug,
    slug_set,
    str_set,
    str_tuple,
    text_tuple,
)
from samverkan_model.periods import Period
from samverkan_model.structure.cadence import Cadence
from samverkan_model.structure.levels import GovernanceLevel, Mode

__all__ = ["WORK_AREAS", "Body", "BodyKind", "Membership", "Role"]


class BodyKind(LabelledEnum):
    """What kind of collaboration body (samverkansorgan) a body is.

    ``ISK`` (inriktnings- och samordningskontakt) is the lighter contact form beside the
    ISF: actors reach direction and coordination through contacts, without convening one.
    """

    MANAGEMENT_GROUP = ("management-group", "Chefsgrupp", "Management group")
    COORDINATION_GROUP = ("coordination-group", "Samordningsgrupp", "Coordination group")
    COORDINATION_OFFICE = ("coordination-office", "Samordningskansli", "Coordination office")
    COMMITTEE = ("committee", "Utskott/arbetsgrupp", "Committee or working group")
    PARTNERSHIP = ("partnership", "Partnerskap", "Partnership")
    DELEGATION = ("delegation", "Delegation", "Delegation")
    COLLABORATION_GROUP = ("collaboration-group", "Samverkansgrupp", "Collaboration group")
    CONFERENCE = ("conference", "Samverkanskonferens", "Collaboration conference")
    ANALYSIS_GROUP = ("analysis-group", "Analysgrupp", "Analysis group")
    STANDBY_FUNCTION = ("standby-function", "Beredskapsfunktion", "Standby function")
    ISF = (
        "isf",
        "Inriktnings- och samordningsfunktion (ISF)",
        "Direction and coordination function (ISF)",
    )
    ISF_SUPPORT = ("isf-support", "ISF-stöd", "ISF support")
    DIALOGUE_FORUM = ("dialogue-forum", "Dialogforum", "Dialogue forum")
    ISK = (
        "isk",
        "Inriktnings- och samordningskontakt (ISK)",
        "Direction and coordination contact (ISK)",
    )


WORK_AREAS: dict[str, tuple[str, str]] = {
    "arbete": ("Arbete", "Work"),
    "utbildning": ("Utbildning", "Education"),
    "samhallsorientering": ("Samhällsorientering", "Civic orientation"),
    "boende": ("Boende", "Housing"),
    "halsa": ("Hälsa", "Health"),
}
"""Display labels (Swedish, English) of the reception work areas used in the catalog."""


def _is_modes(instance: object, attribute: attrs.Attribute[frozenset[Mode]], value: object) -> None:
    if not isinstance(value, frozenset):
        msg = f"active_in: expected a collection of modes, got {value!r} (write {{{value!r}}})"
        raise TypeError(msg)
    for mode in value:
        if not isinstance(mode, Mode):
            msg = f"active_in: expected Mode members, got {mode!r}"
            raise TypeError(msg)
    if not value:
        msg = "active_in: a body must be active in at least one mode"
        raise ValueError(msg)


def _mode_set(modes: Iterable[Mode]) -> frozenset[Mode]:
    if not isinstance(modes, Iterable):
        return modes  # type: ignore[unreachable]  # refused by _is_modes with the field name
    return frozenset(modes)


@attrs.frozen
class Body:
    """A collaboration body: a group, office, partnership, conference or standby function.

    Args:
        id: A slug id, unique in the structure (shared with actor and person ids).
        name: The body's name.
        kind: What kind of body it is.
        level: The governance level it works at.
        host: The id of the actor that hosts it (e.g. the county board hosts the office).
        mandate: What the body is for and may decide, in plain words.
        legal_basis: Laws and rules the body rests on, e.g. ``"Lag (2010:197) 4 §"``.
        work_areas: The work areas it covers (slugs such as ``"boende"``).
        cadence: How often it meets, when it meets regularly.
        active_in: The modes it is active in (default: all).
        period: The body's life; open when ``None`` (it has always existed and still does).
    """

    id: str = attrs.field(validator=is_slug)
    name: str = attrs.field(validator=is_text)
    kind: BodyKind = attrs.field(validator=attrs.validators.instance_of(BodyKind))
    level: GovernanceLevel = attrs.field(validator=attrs.validators.instance_of(GovernanceLevel))
    host: str | None = attrs.field(default=None, validator=optional_slug)
    mandate: str = attrs.field(default="", validator=is_text)
    legal_basis: tuple[str, ...] = attrs.field(
        default=(), converter=str_tuple, validator=text_tuple
    )
    work_areas: frozenset[str] = attrs.field(
        default=frozenset(), converter=str_set, validator=slug_set
    )
    cadence: Cadence | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Cadence))
    )
    active_in: frozenset[Mode] = attrs.field(
        default=frozenset(Mode), converter=_mode_set, validator=_is_modes
    )
    period: Period | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Period))
    )

    @property
    def life(self) -> Period | None:
        """Alias of :attr:`period`: the span the body exists in (``None``: always)."""
        return self.period

    def exists_at(self, day: object) -> bool:
        """Whether the body exists on *day* (a ``date``)."""
        return self.period is None or day in self.period


class Role(LabelledEnum):
    """The role a member has in a body."""

    CHAIR = ("chair", "Ordförande", "Chair")
    HEAD = ("head", "Chef", "Head")
    MEMBER = ("member", "Ledamot", "Member")
    SECRETARY = ("secretary", "Sekreterare", "Secretary")
    COORDINATOR = ("coordinator", "Samordnare", "Coordinator")
    CONTACT = ("contact", "Kontaktperson", "Contact")
    DUTY_OFFICER = ("duty-officer", "Tjänsteman i beredskap", "Duty officer")


@attrs.frozen
class Membership:
    """A time-bounded seat of an actor or a person in a body.

    Args:
        member: The id of the actor or person holding the seat.
        body: The id of the body.
        role: The role held.
        period: When the seat is held.
        on_behalf_of: For a person, the id of the actor that lends them (inlånad resurs).
    """

    member: str = attrs.field(validator=is_slug)
    body: str = attrs.field(validator=is_slug)
    role: Role = attrs.field(validator=attrs.validators.instance_of(Role))
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    on_behalf_of: str | None = attrs.field(default=None, validator=optional_slug)

    @property
    def sort_key(self) -> tuple[str, str, str, date, tuple[bool, date], str]:
        """The natural key memberships are ordered by in a structure and in files.

        Body, member, role, start, end (open ends last) and lender: two memberships that
        differ in any field sort the same way whatever order they were given in.
        """
        end = self.period.end
        return (
            self.body,
            self.member,
            self.role.value,
            self.period.start,
            (end is None, date.min if end is None else end),
            self.on_behalf_of or "",
        )

    def active_at(self, day: object) -> bool:
        """Whether the seat is held on *day* (a ``date``)."""
        return day in self.period
