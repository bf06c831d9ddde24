"""Actors (organisations) and persons."""

from __future__ import annotations

import attrs

from samverkan_model._labels import LabelledEnum, check_lang
from samverkan_model._validators import is_slug, is_text, optional_slug, slug_set, str_set
from samverkan_model.geography import Area
from samverkan_model.structure.levels import GovernanceLevel

__all__ = [
    "COMPETENCE_CATEGORIES",
    "Actor",
    "OrganisationKind",
    "Person",
    "category_label",
    "expected_org_groups",
]


class OrganisationKind(LabelledEnum):
    """What kind of organisation an actor is."""

    MUNICIPALITY = ("municipality", "Kommun", "Municipality")
    REGION = ("region", "Region", "Region")
    COUNTY_ADMINISTRATIVE_BOARD = (
        "county-administrative-board",
        "Länsstyrelse",
        "County administrative board",
    )
    GOVERNMENT_AGENCY = ("government-agency", "Statlig myndighet", "Government agency")
    MUNICIPAL_ASSOCIATION = ("municipal-association", "Kommunalförbund", "Municipal association")
    COMPANY = ("company", "Bolag", "Company")
    NON_PROFIT = ("non-profit", "Ideell organisation", "Non-profit organisation")
    INTEREST_ORGANISATION = (
        "interest-organisation",
        "Intresseorganisation",
        "Interest organisation",
    )
    OTHER = ("other", "Övrig", "Other")


_GROUPS: dict[OrganisationKind, frozenset[str]] = {
    OrganisationKind.MUNICIPALITY: frozenset("2"),
    OrganisationKind.REGION: frozenset("2"),
    OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD: frozenset("2"),
    OrganisationKind.GOVERNMENT_AGENCY: frozenset("2"),
    OrganisationKind.MUNICIPAL_ASSOCIATION: frozenset("2"),
    OrganisationKind.COMPANY: frozenset("5"),
    OrganisationKind.NON_PROFIT: frozenset("8"),
}


def expected_org_groups(kind: OrganisationKind) -> frozenset[str]:
    """The organisation-number group digits that fit *kind* (empty: any group fits).

    Group 2 is the state, regions, municipalities and their associations; 5 limited
    companies; 8 non-profit associations and foundations.
    """
    return _GROUPS.get(kind, frozenset())


COMPETENCE_CATEGORIES: dict[str, tuple[str, str]] = {
    "kommun": ("Kommun", "Municipal"),
    "trafik": ("Trafik", "Transport"),
    "blaljus": ("Blåljus", "Blue-light services"),
}
"""Display labels (Swedish, English) for the well-known competence categories."""


def category_label(category: str, lang: str = "sv") -> str:
    """The display label of a competence category (the slug itself when unknown).

    Raises:
        ValueError: if *lang* is neither ``"sv"`` nor ``"en"``.

    >>> category_label("blaljus"), category_label("blaljus", "en")
    ('Blåljus', 'Blue-light services')
    """
    swedish = check_lang(lang) == "sv"
    labels = COMPETENCE_CATEGORIES.get(category)
    if labels is None:
        return category
    return labels[0] if swedish else labels[1]


def _normalise_org_number(value: str | None) -> str | None:
    if value is None or not isinstance(value, str):
        return value
    # python-stdnum is imported on first use: its utilities pull in ssl and sockets,
    # which would otherwise make up much of ``import samverkan_model``.
    from stdnum.exceptions import ValidationError  # noqa: PLC0415
    from stdnum.se import orgnr  # noqa: PLC0415

    try:
        return str(orgnr.format(orgnr.validate(value)))
    except ValidationError:
        return value


def _valid_org_number(
    instance: Actor, attribute: attrs.Attribute[str | None], value: object
) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        msg = f"org_number: expected text, got {value!r}"
        raise TypeError(msg)
    from stdnum.exceptions import ValidationError  # noqa: PLC0415
    from stdnum.se import orgnr  # noqa: PLC0415

    try:
        orgnr.validate(value)
    except ValidationError as exc:
        msg = f"org_number: {value!r} is not a valid Swedish organisation number ({exc})"
        raise ValueError(msg) from None


def _is_area(instance: object, attribute: attrs.Attribute[Area | None], value: object) -> None:
    if value is not None and not isinstance(value, Area):
        msg = f"area: expected an Area, got {value!r}"
        raise TypeError(msg)


@attrs.frozen
class Actor:
    """An organisation taking part in collaboration (aktör).

    Args:
        id: A slug id, unique in the structure.
        name: The organisation's name.
        kind: What kind of organisation it is.
        level: The governance level it works at.
        area: The county or municipality it is responsible for, if any.
        org_number: The Swedish organisation number, ``NNNNNN-NNNN``; checked with its Luhn
            digit and normalised to that form.
        categories: Competence categories it brings (``"kommun"``, ``"trafik"``, ``"blaljus"``).
        part_of: The id of the actor it belongs to (e.g. a unit of an agency).

    >>> from samverkan_model import Actor, OrganisationKind, GovernanceLevel, Area
    >>> Actor("stockholms-stad", "Stockholms stad", OrganisationKind.MUNICIPALITY,
    ...       GovernanceLevel.LOCAL, area=Area("0180"), org_number="2120000142").org_number
    '212000-0142'
    """

    id: str = attrs.field(validator=is_slug)
    name: str = attrs.field(validator=is_text)
    kind: OrganisationKind = attrs.field(validator=attrs.validators.instance_of(OrganisationKind))
    level: GovernanceLevel = attrs.field(validator=attrs.validators.instance_of(GovernanceLevel))
    area: Area | None = attrs.field(default=None, validator=_is_area)
    org_number: str | None = attrs.field(
        default=None, converter=_normalise_org_number, validator=_valid_org_number
    )
    categories: frozenset[str] = attrs.field(
        default=frozenset(), converter=str_set, validator=slug_set
    )
    part_of: str | None = attrs.field(default=None, validator=optional_slug)

    @property
    def org_group(self) -> str | None:
        """The group digit of the organisation number (``"2"``, ``"5"``, ...), if any."""
        return None if self.org_number is None else self.org_number[0]


@attrs.frozen
class Person:
    """A person who takes part in a body, possibly lent by an actor.

    Names and contact details are personal data: :meth:`Structure.redacted` removes them.

    Args:
        id: A slug id, unique in the structure.
        name: The person's name (or a role description when the name is not recorded).
        contact: Contact details (e-mail or telephone), optional.
    """

    id: str = attrs.field(validator=is_slug)
    name: str = attrs.field(validator=is_text)
    contact: str | None = attrs.field(default=None, validator=is_text)
