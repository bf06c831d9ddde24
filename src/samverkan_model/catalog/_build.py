"""Small builders shared by the catalog models: ids, municipality actors and seats.

The catalog models are written as tables of plain tuples; these helpers turn rows into
:class:`~samverkan_model.Actor`, :class:`~samverkan_model.Person` and
:class:`~samverkan_model.Membership` objects so that no constructor call is written twice.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from samverkan_model.geography import Area, municipality
from samverkan_model.periods import Period
from samverkan_model.structure import (
    Actor,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Person,
    Relation,
    RelationKind,
    Role,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "CITY_CODES",
    "KNOWN_ORG_NUMBERS",
    "day",
    "municipality_actor",
    "municipality_name",
    "period",
    "persons",
    "relations",
    "seats",
    "slug",
]

_TRANSLITERATION = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")

CITY_CODES: frozenset[str] = frozenset(
    {
        "0180",  # Stockholms stad
        "0183",  # Sundbybergs stad
        "0184",  # Solna stad
        "0186",  # Lidingö stad
        "0187",  # Vaxholms stad
        "1480",  # Göteborgs stad
        "1481",  # Mölndals stad
        "1488",  # Trollhättans stad
        "1490",  # Borås stad
    }
)
"""Municipalities of the catalog's counties that call themselves *stad* rather than *kommun*."""

# Names that take no genitive -s although they end in a consonant ("Orust kommun").
_NO_GENITIVE: frozenset[str] = frozenset({"1421"})

KNOWN_ORG_NUMBERS: dict[str, str] = {
    "0180": "212000-0142",  # Stockholms stad
    "1480": "212000-1355",  # Göteborgs stad
}
"""Organisation numbers of municipalities, by municipality code, where they are known.

Every other municipality is left without one: an organisation number is never guessed.
"""


def slug(text: str) -> str:
    """The slug id for a Swedish name: lowercase ASCII words joined by hyphens.

    >>> slug("Södertälje kommun"), slug("Göteborgsregionen (GR)"), slug("Dals-Eds kommun")
    ('sodertalje-kommun', 'goteborgsregionen-gr', 'dals-eds-kommun')
    """
    return _NOT_SLUG.sub("-", text.lower().translate(_TRANSLITERATION)).strip("-")


def municipality_name(code: str) -> str:
    """The official name of a municipality as an organisation, e.g. ``"Salems kommun"``.

    Swedish puts the place name in the genitive (``Salem`` -> ``Salems kommun``) unless it
    already ends in a vowel or an *s*; a few municipalities call themselves *stad*.

    >>> municipality_name("0128"), municipality_name("0181"), municipality_name("0180")
    ('Salems kommun', 'Södertälje kommun', 'Stockholms stad')

    Raises:
        KeyError: if *code* is not a municipality code.
    """
    place = municipality(code).name
    bare = place[-1] in "aeiouyåäös" or code in _NO_GENITIVE
    genitive = place if bare else f"{place}s"
    return f"{genitive} {'stad' if code in CITY_CODES else 'kommun'}"


def municipality_actor(code: str) -> Actor:
    """The municipality with official code *code* as a local actor of category ``kommun``.

    Its id is the slug of its name, its area the municipality itself, and its organisation
    number is set only when it is in :data:`KNOWN_ORG_NUMBERS`.

    >>> municipality_actor("1384").id, municipality_actor("1384").area.county_code
    ('kungsbacka-kommun', '13')
    """
    name = municipality_name(code)
    return Actor(
        slug(name),
        name,
        OrganisationKind.MUNICIPALITY,
        GovernanceLevel.LOCAL,
        area=Area(code),
        org_number=KNOWN_ORG_NUMBERS.get(code),
        categories={"kommun"},
    )


def day(text: str) -> date:
    """A date from ISO text (``"2025-05-18"``); keeps the data tables short."""
    return date.fromisoformat(text)


def period(start: str, end: str | None = None) -> Period:
    """A :class:`~samverkan_model.Period` from ISO text, open-ended when *end* is ``None``."""
    return Period(day(start), None if end is None else day(end))


def seats(
    members: Iterable[str],
    body: str,
    role: Role,
    during: Period,
    on_behalf_of: str | None = None,
) -> list[Membership]:
    """One membership of *body* per member, all with the same role and period."""
    return [Membership(member, body, role, during, on_behalf_of) for member in members]


def relations(
    sources: Iterable[str], target: str, kind: RelationKind, during: Period | None = None
) -> list[Relation]:
    """One relation ``source -> target`` of *kind* per source."""
    return [Relation(source, target, kind, during) for source in sources]


def persons(names: Iterable[str]) -> list[Person]:
    """Persons named *names*, each with the slug of the name as id and no contact data."""
    return [Person(slug(name), name) for name in names]
