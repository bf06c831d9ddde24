"""Open data in the Popolo vocabulary: organizations, persons, posts and memberships.

`Popolo <https://www.popoloproject.com/>`_ is a set of JSON schemas for people,
organisations and their seats, used by open-government data projects. The export maps:

* actors and bodies to **organizations**: ``classification`` is the organisation kind or
  body kind value, an organisation number is an **identifier** with scheme
  ``"se-orgnr"``, ``parent_id`` is the actor an actor is part of (or, for a body, the
  target of its ``part-of`` relation), ``area_id`` the area code, and a body's period
  becomes ``founding_date`` and ``dissolution_date``;
* persons to **persons** with their contact as a ``contact_details`` entry (type
  ``"email"`` when it holds an ``@``, else ``"voice"``);
* each role held in a body to a **post** (id ``"<body>/<role>"``);
* memberships to **memberships**: a person member by ``person_id``, an actor by
  ``member`` (``{"@type": "Organization", "id": ...}``), with ``post_id``,
  ``on_behalf_of_id``, ``start_date`` and ``end_date``;
* areas used by actors to **areas** (``classification``: nation, county, municipality).

Popolo end dates are the last day *in* the membership; periods here are half-open, so
``end_date`` is the day before the period's end.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from samverkan_model._labels import Lang, check_lang
from samverkan_model.export._prepare import prepare
from samverkan_model.geography import Area
from samverkan_model.periods import Period
from samverkan_model.structure.actors import Actor, Person
from samverkan_model.structure.bodies import Body, Membership
from samverkan_model.structure.model import Structure
from samverkan_model.structure.relations import RelationKind

__all__ = ["ORGNR_SCHEME", "to_popolo"]

ORGNR_SCHEME = "se-orgnr"
"""The identifier scheme of Swedish organisation numbers in the Popolo export."""


def _last_day(period: Period) -> str | None:
    if period.end is None:
        return None
    return max(period.start, period.end - timedelta(days=1)).isoformat()


def _compact(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v != []}


def _actor(actor: Actor) -> dict[str, Any]:
    identifiers = (
        [{"scheme": ORGNR_SCHEME, "identifier": actor.org_number}] if actor.org_number else []
    )
    return _compact(
        {
            "id": actor.id,
            "name": actor.name,
            "classification": actor.kind.value,
            "identifiers": identifiers,
            "parent_id": actor.part_of,
            "area_id": None if actor.area is None else actor.area.code,
        }
    )


def _body(body: Body, parent: str | None) -> dict[str, Any]:
    period = body.period
    return _compact(
        {
            "id": body.id,
            "name": body.name,
            "classification": body.kind.value,
            "parent_id": parent,
            "founding_date": None if period is None else period.start.isoformat(),
            "dissolution_date": None if period is None else _last_day(period),
        }
    )


def _person(person: Person) -> dict[str, Any]:
    contact = person.contact
    details = []
    if contact:
        kind = "email" if "@" in contact else "voice"
        details.append({"type": kind, "value": contact})
    return _compact({"id": person.id, "name": person.name, "contact_details": details})


def _membership(m: Membership, persons: set[str]) -> dict[str, Any]:
    start = m.period.start.isoformat()
    record: dict[str, Any] = {"id": f"{m.body}/{m.member}/{m.role.value}/{start}"}
    if m.member in persons:
        record["person_id"] = m.member
    else:
        record["member"] = {"@type": "Organization", "id": m.member}
    record.update(
        {
            "organization_id": m.body,
            "post_id": f"{m.body}/{m.role.value}",
            "role": m.role.value,
            "on_behalf_of_id": m.on_behalf_of,
            "start_date": start,
            "end_date": _last_day(m.period),
        }
    )
    return _compact(record)


def _area(area: Area) -> dict[str, Any]:
    return {"id": area.code, "name": area.name, "classification": area.kind.value}


def to_popolo(structure: Structure, redact: bool = False, *, lang: Lang = "sv") -> dict[str, Any]:
    """The structure as a Popolo JSON document (a JSON-ready ``dict``).

    Args:
        structure: The structure to export.
        redact: Leave out personal data: names become ``"(redacted)"``, contact details
            go and person ids become ``person-1``, ``person-2``, ... (as in
            :meth:`Structure.redacted`).
        lang: ``"sv"`` or ``"en"`` for the post labels.

    Returns:
        ``{"organizations": [...], "persons": [...], "posts": [...], "memberships": [...],
        "areas": [...]}``, each list in a stable order.

    >>> from samverkan_model import catalog
    >>> popolo = to_popolo(catalog.stockholm_region(), redact=True)
    >>> sorted(popolo)
    ['areas', 'memberships', 'organizations', 'persons', 'posts']
    >>> {p["name"] for p in popolo["persons"]}
    {'(redacted)'}
    """
    check_lang(lang)
    source = prepare(structure, redact)
    parents: dict[str, str] = {}
    for relation in source.relations:
        if relation.kind is RelationKind.PART_OF:
            parents.setdefault(relation.source, relation.target)
    persons = {p.id for p in source.persons}
    posts: dict[str, dict[str, Any]] = {}
    bodies = source.bodies_by_id
    for m in source.memberships:
        post_id = f"{m.body}/{m.role.value}"
        if post_id not in posts:
            body = bodies.get(m.body)
            where = m.body if body is None else body.name
            posts[post_id] = {
                "id": post_id,
                "label": f"{m.role.label(lang)}, {where}",
                "role": m.role.value,
                "organization_id": m.body,
            }
    areas = {a.area.code: a.area for a in source.actors if a.area is not None}
    return {
        "organizations": [_actor(a) for a in source.actors]
        + [_body(b, parents.get(b.id)) for b in source.bodies],
        "persons": [_person(p) for p in source.persons],
        "posts": [posts[key] for key in sorted(posts)],
        "memberships": [_membership(m, persons) for m in source.memberships],
        "areas": [_area(areas[code]) for code in sorted(areas)],
    }
