"""The Popolo export follows the Popolo schemas and keeps every reference resolvable."""

from __future__ import annotations

import functools
import json
from datetime import date
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    REDACTED,
    Actor,
    Area,
    Body,
    BodyKind,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Structure,
    catalog,
)
from samverkan_model.export import ORGNR_SCHEME, to_popolo
from samverkan_model.strategies import structures as valid_structures
from tests.io.strategies import structures

_DATE = {"type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$"}
_TEXT = {"type": "string"}


def _record(required: list[str], **properties: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


# The parts of the Popolo schemas (organization, person, post, membership, area) that
# the export uses, with the fields each record needs; unknown fields are refused so the
# export sticks to Popolo's names.
POPOLO = {
    "type": "object",
    "required": ["organizations", "persons", "posts", "memberships", "areas"],
    "additionalProperties": False,
    "properties": {
        "organizations": {
            "type": "array",
            "items": _record(
                ["id", "name"],
                id=_TEXT,
                name=_TEXT,
                classification=_TEXT,
                identifiers={
                    "type": "array",
                    "items": _record(["identifier"], identifier=_TEXT, scheme=_TEXT),
                },
                parent_id=_TEXT,
                area_id=_TEXT,
                founding_date=_DATE,
                dissolution_date=_DATE,
            ),
        },
        "persons": {
            "type": "array",
            "items": _record(
                ["id", "name"],
                id=_TEXT,
                name=_TEXT,
                contact_details={
                    "type": "array",
                    "items": _record(["type", "value"], type=_TEXT, value=_TEXT),
                },
            ),
        },
        "posts": {
            "type": "array",
            "items": _record(
                ["id", "label", "role", "organization_id"],
                id=_TEXT,
                label=_TEXT,
                role=_TEXT,
                organization_id=_TEXT,
            ),
        },
        "memberships": {
            "type": "array",
            "items": {
                **_record(
                    ["id", "organization_id", "post_id", "role", "start_date"],
                    id=_TEXT,
                    person_id=_TEXT,
                    member=_record(
                        ["@type", "id"], **{"@type": {"const": "Organization"}, "id": _TEXT}
                    ),
                    organization_id=_TEXT,
                    post_id=_TEXT,
                    role=_TEXT,
                    on_behalf_of_id=_TEXT,
                    start_date=_DATE,
                    end_date=_DATE,
                ),
                "oneOf": [{"required": ["person_id"]}, {"required": ["member"]}],
            },
        },
        "areas": {
            "type": "array",
            "items": _record(["id", "name"], id=_TEXT, name=_TEXT, classification=_TEXT),
        },
    },
}


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(POPOLO)


def _structure() -> Structure:
    return Structure(
        "Test",
        actors=[
            Actor(
                "stockholms-stad",
                "Stockholms stad",
                OrganisationKind.MUNICIPALITY,
                GovernanceLevel.LOCAL,
                area=Area("0180"),
                org_number="2120000142",
            ),
            Actor(
                "enhet",
                "Enheten",
                OrganisationKind.OTHER,
                GovernanceLevel.LOCAL,
                part_of="stockholms-stad",
            ),
        ],
        bodies=[
            Body(
                "grupp",
                "Gruppen",
                BodyKind.COMMITTEE,
                GovernanceLevel.LOCAL,
                period=Period(date(2024, 1, 1), date(2025, 1, 1)),
            ),
            Body("forum", "Forum", BodyKind.DIALOGUE_FORUM, GovernanceLevel.LOCAL),
        ],
        persons=[Person("anna", "Anna", "anna@example.se"), Person("bo", "Bo", "08-123 45")],
        memberships=[
            Membership(
                "anna",
                "grupp",
                Role.CHAIR,
                Period(date(2024, 1, 1), date(2024, 7, 1)),
                on_behalf_of="stockholms-stad",
            ),
            Membership("stockholms-stad", "grupp", Role.MEMBER, Period(date(2024, 1, 1))),
            Membership("bo", "grupp", Role.MEMBER, Period(date(2024, 2, 1))),
        ],
        relations=[Relation("grupp", "forum", RelationKind.PART_OF)],
    )


class TestPopolo:
    def test_organizations(self) -> None:
        """Actors and bodies are organizations with classification, identifiers and parents."""
        orgs = {o["id"]: o for o in to_popolo(_structure())["organizations"]}
        assert orgs["stockholms-stad"] == {
            "id": "stockholms-stad",
            "name": "Stockholms stad",
            "classification": "municipality",
            "identifiers": [{"scheme": ORGNR_SCHEME, "identifier": "212000-0142"}],
            "area_id": "0180",
        }
        assert orgs["enhet"]["parent_id"] == "stockholms-stad"
        assert orgs["grupp"] == {
            "id": "grupp",
            "name": "Gruppen",
            "classification": "committee",
            "parent_id": "forum",
            "founding_date": "2024-01-01",
            "dissolution_date": "2024-12-31",
        }

    def test_memberships_posts_and_persons(self) -> None:
        """Seats become memberships with posts; end dates are the last day held."""
        popolo = to_popolo(_structure(), lang="en")
        chair = next(m for m in popolo["memberships"] if m.get("person_id") == "anna")
        assert chair == {
            "id": "grupp/anna/chair/2024-01-01",
            "person_id": "anna",
            "organization_id": "grupp",
            "post_id": "grupp/chair",
            "role": "chair",
            "on_behalf_of_id": "stockholms-stad",
            "start_date": "2024-01-01",
            "end_date": "2024-06-30",
        }
        seat = next(m for m in popolo["memberships"] if "member" in m)
        assert seat["member"] == {"@type": "Organization", "id": "stockholms-stad"}
        assert "end_date" not in seat
        assert {p["id"]: p["label"] for p in popolo["posts"]} == {
            "grupp/chair": "Chair, Gruppen",
            "grupp/member": "Member, Gruppen",
        }
        persons = {p["id"]: p for p in popolo["persons"]}
        assert persons["anna"]["contact_details"] == [{"type": "email", "value": "anna@example.se"}]
        assert persons["bo"]["contact_details"] == [{"type": "voice", "value": "08-123 45"}]
        assert popolo["areas"] == [
            {"id": "0180", "name": "Stockholm", "classification": "municipality"}
        ]

    def test_redact(self) -> None:
        """Redacted, persons have neither names, contacts nor their own ids."""
        popolo = to_popolo(_structure(), redact=True)
        text = json.dumps(popolo)
        assert "Anna" not in text
        assert "anna" not in text
        assert "example.se" not in text
        assert {p["name"] for p in popolo["persons"]} == {REDACTED}
        assert {m.get("person_id") for m in popolo["memberships"]} >= {"person-1", "person-2"}

    def test_catalog_references_resolve(self) -> None:
        """In the catalog's structures every reference of the export resolves."""
        for structure in (catalog.stockholm_region(), catalog.vastra_gotaland_reception()):
            popolo = to_popolo(structure)
            _validator().validate(popolo)
            orgs = {o["id"] for o in popolo["organizations"]}
            persons = {p["id"] for p in popolo["persons"]}
            posts = {p["id"] for p in popolo["posts"]}
            areas = {a["id"] for a in popolo["areas"]}
            for m in popolo["memberships"]:
                assert m["organization_id"] in orgs
                assert m["post_id"] in posts
                assert m.get("person_id", m.get("member", {}).get("id")) in persons | orgs
            for o in popolo["organizations"]:
                assert o.get("parent_id", next(iter(orgs))) in orgs
                assert o.get("area_id", next(iter(areas), "")) in areas | {""}

    def test_unknown_language(self) -> None:
        """Only Swedish and English post labels exist."""
        with pytest.raises(ValueError, match="unknown language"):
            to_popolo(_structure(), lang="fi")  # type: ignore[arg-type]

    @given(structure=valid_structures(max_actors=4, max_bodies=4), redact=st.booleans())
    def test_references_of_valid_structures_resolve(
        self, structure: Structure, redact: bool
    ) -> None:
        """For a structure without error findings, every id the export uses is defined."""
        popolo = to_popolo(structure, redact=redact)
        orgs = {o["id"] for o in popolo["organizations"]}
        persons = {p["id"] for p in popolo["persons"]}
        posts = {p["id"] for p in popolo["posts"]}
        for m in popolo["memberships"]:
            assert m["organization_id"] in orgs
            assert m["post_id"] in posts
            assert m.get("person_id", m.get("member", {}).get("id")) in persons | orgs
            assert m.get("on_behalf_of_id", next(iter(orgs))) in orgs
        for post in popolo["posts"]:
            assert post["organization_id"] in orgs

    @given(structure=structures(), redact=st.booleans())
    def test_any_structure_follows_the_schema(self, structure: Structure, redact: bool) -> None:
        """Every export is valid Popolo JSON, and deterministic."""
        popolo = to_popolo(structure, redact=redact)
        _validator().validate(json.loads(json.dumps(popolo)))
        assert popolo == to_popolo(structure, redact=redact)
