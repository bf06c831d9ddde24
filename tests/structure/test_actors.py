from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    COMPETENCE_CATEGORIES,
    Actor,
    Area,
    GovernanceLevel,
    OrganisationKind,
    Person,
    category_label,
)
from samverkan_model.structure.actors import expected_org_groups
from tests.structure.strategies import org_number

L = GovernanceLevel
K = OrganisationKind


def actor(**changes: object) -> Actor:
    fields: dict[str, object] = {
        "id": "stockholms-stad",
        "name": "Stockholms stad",
        "kind": K.MUNICIPALITY,
        "level": L.LOCAL,
        **changes,
    }
    return Actor(**fields)  # type: ignore[arg-type]


class TestActor:
    def test_defaults(self) -> None:
        """Area, organisation number, categories and part-of are optional."""
        a = actor()
        assert (a.area, a.org_number, a.categories, a.part_of) == (None, None, frozenset(), None)
        assert a.org_group is None

    def test_contract_kinds_exist(self) -> None:
        """The organisation kinds of the API contract are all there."""
        names = {k.name for k in OrganisationKind}
        assert {
            "MUNICIPALITY",
            "REGION",
            "COUNTY_ADMINISTRATIVE_BOARD",
            "GOVERNMENT_AGENCY",
            "MUNICIPAL_ASSOCIATION",
            "COMPANY",
            "NON_PROFIT",
            "INTEREST_ORGANISATION",
            "OTHER",
        } <= names

    @pytest.mark.parametrize(
        "number", ["2120000142", "212000-0142", " 212000-0142 ", "21200 00142"]
    )
    def test_org_number_is_normalised(self, number: str) -> None:
        """Organisation numbers are checked and written NNNNNN-NNNN."""
        a = actor(org_number=number)
        assert a.org_number == "212000-0142"
        assert a.org_group == "2"

    @given(st.sampled_from("25789"), st.integers(0, 99_999_999))
    def test_any_luhn_valid_number_is_accepted(self, group: str, payload: int) -> None:
        """Every ten-digit number with a correct Luhn digit is accepted, in any group."""
        a = actor(org_number=org_number(group, payload))
        assert a.org_group == group
        assert a.org_number is not None
        assert len(a.org_number) == 11
        assert a.org_number[6] == "-"

    @pytest.mark.parametrize("number", ["2120000143", "212000014", "abcdefghij", ""])
    def test_invalid_org_number_names_the_field(self, number: str) -> None:
        """A bad checksum, length or format is a ValueError starting with the field name."""
        with pytest.raises(ValueError, match=r"^org_number: .* is not a valid Swedish"):
            actor(org_number=number)

    def test_non_text_org_number(self) -> None:
        """A number instead of text is a TypeError (leading zeros and the dash matter)."""
        with pytest.raises(TypeError, match=r"^org_number: expected text, got 2120000142"):
            actor(org_number=2120000142)

    def test_bad_id_kind_and_level(self) -> None:
        """Ids must be slugs; kind and level must be the enums, not their values."""
        with pytest.raises(ValueError, match=r"^id: "):
            actor(id="Stockholms stad")
        with pytest.raises(TypeError, match="kind"):
            actor(kind="municipality")
        with pytest.raises(TypeError, match="level"):
            actor(level="local")

    def test_area_must_be_an_area(self) -> None:
        """The area is an Area object; a bare code is refused."""
        assert actor(area=Area("0180")).area == Area("0180")
        with pytest.raises(TypeError, match=r"^area: expected an Area, got '0180'"):
            actor(area="0180")

    def test_categories(self) -> None:
        """Categories are a frozenset of slugs; a bare string is refused."""
        assert actor(categories=["kommun", "blaljus"]).categories == {"kommun", "blaljus"}
        with pytest.raises(TypeError, match=r"^categories: expected a collection"):
            actor(categories="kommun")
        with pytest.raises(ValueError, match=r"^categories: 'Blåljus' is not a valid id"):
            actor(categories=["Blåljus"])

    def test_part_of_is_a_slug(self) -> None:
        """part_of names another actor by id."""
        assert actor(part_of="stockholms-stad-parent").part_of == "stockholms-stad-parent"
        with pytest.raises(ValueError, match=r"^part_of: "):
            actor(part_of="Not a slug")

    def test_frozen(self) -> None:
        """Actors are immutable."""
        a = actor()
        with pytest.raises(AttributeError):
            a.name = "x"  # type: ignore[misc]


class TestOrgGroups:
    @pytest.mark.parametrize(
        ("kind", "groups"),
        [
            (K.MUNICIPALITY, {"2"}),
            (K.REGION, {"2"}),
            (K.COUNTY_ADMINISTRATIVE_BOARD, {"2"}),
            (K.GOVERNMENT_AGENCY, {"2"}),
            (K.MUNICIPAL_ASSOCIATION, {"2"}),
            (K.COMPANY, {"5"}),
            (K.NON_PROFIT, {"8"}),
            (K.INTEREST_ORGANISATION, set()),
            (K.OTHER, set()),
        ],
    )
    def test_expected_groups(self, kind: OrganisationKind, groups: set[str]) -> None:
        """Public bodies are group 2, companies 5, non-profits 8; others may be any group."""
        assert expected_org_groups(kind) == groups


class TestCategoryLabel:
    @pytest.mark.parametrize("category", sorted(COMPETENCE_CATEGORIES))
    def test_known_categories(self, category: str) -> None:
        """Known categories have Swedish and English labels."""
        sv, en = COMPETENCE_CATEGORIES[category]
        assert category_label(category) == sv
        assert category_label(category, "en") == en

    def test_contract_categories(self) -> None:
        """The office's three categories are known; Blåljus is spelled with its å."""
        assert set(COMPETENCE_CATEGORIES) == {"kommun", "trafik", "blaljus"}
        assert category_label("blaljus") == "Blåljus"

    def test_unknown_category_is_its_slug(self) -> None:
        """An unknown category is shown as its slug."""
        assert category_label("sjukvard", "en") == "sjukvard"

    def test_unknown_language(self) -> None:
        """An unknown language is refused, not silently English."""
        with pytest.raises(ValueError, match="unknown language 'de'"):
            category_label("kommun", "de")


class TestPerson:
    def test_contact_is_optional(self) -> None:
        """A person needs an id and a name; contact details are optional."""
        assert Person("anna", "Anna").contact is None
        assert Person("anna", "Anna", "anna@example.se").contact == "anna@example.se"

    def test_validation(self) -> None:
        """Ids are slugs and names are text."""
        with pytest.raises(ValueError, match=r"^id: "):
            Person("Anna A", "Anna")
        with pytest.raises(TypeError, match=r"^name: expected text"):
            Person("anna", None)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^contact: expected text"):
            Person("anna", "Anna", 701234567)  # type: ignore[arg-type]
