from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Area, Period, RelationKind, Role
from samverkan_model._validators import SLUG_PATTERN
from samverkan_model.catalog._build import (
    CITY_CODES,
    KNOWN_ORG_NUMBERS,
    municipality_actor,
    municipality_name,
    period,
    persons,
    relations,
    seats,
    slug,
)
from samverkan_model.geography import municipalities

CATALOG_CODES = [m.code for m in (*municipalities("01"), *municipalities("14"))] + ["1384"]

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéüABCÅÄÖ0123456789", min_size=1)
separators = st.text(alphabet=" -()/,.&", min_size=1, max_size=3)


class TestSlug:
    @given(st.lists(st.tuples(words, separators), min_size=1, max_size=5))
    def test_slug_of_a_name_is_a_valid_id(self, parts: list[tuple[str, str]]) -> None:
        """Any name made of Swedish words and separators becomes a valid slug id."""
        text = "".join(word + sep for word, sep in parts)
        assert SLUG_PATTERN.match(slug(text))

    @given(st.lists(words, min_size=1, max_size=5))
    def test_slug_is_idempotent(self, parts: list[str]) -> None:
        """A slug is its own slug."""
        once = slug(" ".join(parts))
        assert slug(once) == once

    def test_swedish_letters_are_transliterated(self) -> None:
        """Å and ä become a, ö becomes o, as in the project's id convention."""
        assert slug("Länsstyrelsen Stockholm") == "lansstyrelsen-stockholm"
        assert slug("Österåkers kommun") == "osterakers-kommun"


class TestMunicipalityName:
    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("0114", "Upplands Väsby kommun"),
            ("0117", "Österåkers kommun"),
            ("0128", "Salems kommun"),
            ("0139", "Upplands-Bro kommun"),
            ("0180", "Stockholms stad"),
            ("0183", "Sundbybergs stad"),
            ("0192", "Nynäshamns kommun"),
            ("1384", "Kungsbacka kommun"),
            ("1421", "Orust kommun"),
            ("1438", "Dals-Eds kommun"),
            ("1462", "Lilla Edets kommun"),
            ("1480", "Göteborgs stad"),
            ("1489", "Alingsås kommun"),
            ("1460", "Bengtsfors kommun"),
            ("1488", "Trollhättans stad"),
        ],
    )
    def test_official_names(self, code: str, name: str) -> None:
        """Names take the genitive unless they end in a vowel or s; cities say stad."""
        assert municipality_name(code) == name

    @pytest.mark.parametrize("code", CATALOG_CODES)
    def test_every_catalog_name_is_a_municipality_or_city(self, code: str) -> None:
        """Every municipality the catalog uses is named 'X kommun' or 'X stad'."""
        suffix = "stad" if code in CITY_CODES else "kommun"
        assert municipality_name(code).endswith(f" {suffix}")

    def test_unknown_code_raises(self) -> None:
        """An unknown municipality code is a KeyError naming the code."""
        with pytest.raises(KeyError, match="9999"):
            municipality_name("9999")


class TestMunicipalityActor:
    @pytest.mark.parametrize("code", CATALOG_CODES)
    def test_actor_fields(self, code: str) -> None:
        """A municipality actor is local, of category kommun, in its own area."""
        actor = municipality_actor(code)
        assert actor.area == Area(code)
        assert actor.categories == {"kommun"}
        assert actor.level.value == "local"
        assert actor.kind.value == "municipality"
        assert actor.id == slug(actor.name)
        assert actor.org_number == KNOWN_ORG_NUMBERS.get(code)

    def test_known_org_numbers(self) -> None:
        """Only the organisation numbers known to be right are set."""
        assert municipality_actor("0180").org_number == "212000-0142"
        assert municipality_actor("1480").org_number == "212000-1355"
        assert municipality_actor("0181").org_number is None


class TestRowBuilders:
    def test_period_from_text(self) -> None:
        """ISO text becomes a half-open period, open when no end is given."""
        assert period("2025-01-01", "2025-02-01") == Period(date(2025, 1, 1), date(2025, 2, 1))
        assert period("2025-01-01").end is None

    @given(st.lists(st.sampled_from(["a", "b", "c-d", "e1"]), unique=True))
    def test_seats_one_per_member(self, members: list[str]) -> None:
        """seats() gives one membership per member, all alike but for the member."""
        during = period("2025-01-01")
        out = seats(members, "body", Role.MEMBER, during, "lender")
        assert [m.member for m in out] == members
        assert {(m.body, m.role, m.period, m.on_behalf_of) for m in out} <= {
            ("body", Role.MEMBER, during, "lender")
        }

    @given(st.lists(st.sampled_from(["a", "b", "c-d", "e1"]), unique=True))
    def test_relations_one_per_source(self, sources: list[str]) -> None:
        """relations() gives one relation per source, all to the same target."""
        out = relations(sources, "top", RelationKind.ESCALATES_TO)
        assert [(r.source, r.target, r.kind, r.period) for r in out] == [
            (s, "top", RelationKind.ESCALATES_TO, None) for s in sources
        ]

    def test_persons_have_slug_ids_and_no_contact(self) -> None:
        """persons() keeps names, derives ids and records no contact data."""
        out = persons(["Ida Norén", "Ola Björk"])
        assert [(p.id, p.name, p.contact) for p in out] == [
            ("ida-noren", "Ida Norén", None),
            ("ola-bjork", "Ola Björk", None),
        ]
