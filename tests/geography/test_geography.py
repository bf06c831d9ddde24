from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Area, AreaKind, geography
from samverkan_model.geography import County, Municipality

COUNTY_CODES = [c.code for c in geography.counties()]
MUNICIPALITY_CODES = [m.code for m in geography.municipalities()]
areas = st.one_of(
    st.just(Area.nation()),
    st.sampled_from(COUNTY_CODES).map(Area),
    st.sampled_from(MUNICIPALITY_CODES).map(Area),
)


class TestCounties:
    def test_twenty_one_counties_in_code_order(self) -> None:
        """Sweden has 21 counties, listed by code."""
        counties = geography.counties()
        assert len(counties) == 21
        assert [c.code for c in counties] == sorted(c.code for c in counties)
        assert all(len(c.code) == 2 and c.code.isdigit() for c in counties)

    def test_known_counties(self) -> None:
        """County codes map to their official names."""
        assert geography.county("01").name == "Stockholms län"
        assert geography.county("14").name == "Västra Götalands län"
        assert geography.county("13").name == "Hallands län"

    @pytest.mark.parametrize("code", ["02", "00", "1", "014", "", "SE"])
    def test_unknown_county_raises_key_error_naming_the_code(self, code: str) -> None:
        """An unknown county code is a KeyError whose message names the code."""
        with pytest.raises(KeyError, match="no county with code") as info:
            geography.county(code)
        assert repr(code) in str(info.value)

    def test_county_lists_its_municipalities(self) -> None:
        """County.municipalities() is the county's municipalities in code order."""
        stockholm = geography.county("01")
        assert stockholm.municipalities() == geography.municipalities("01")


class TestMunicipalities:
    def test_two_hundred_ninety_municipalities(self) -> None:
        """Sweden has 290 municipalities with unique four-digit codes."""
        ms = geography.municipalities()
        assert len(ms) == 290
        assert len(set(MUNICIPALITY_CODES)) == 290
        assert all(len(m.code) == 4 and m.code.isdigit() for m in ms)
        assert sorted(MUNICIPALITY_CODES) == MUNICIPALITY_CODES

    @pytest.mark.parametrize(("county", "count"), [("01", 26), ("14", 49), ("13", 6)])
    def test_municipalities_per_county(self, county: str, count: int) -> None:
        """Stockholms län has 26 municipalities, Västra Götalands län 49, Hallands län 6."""
        assert len(geography.municipalities(county)) == count
        assert len(geography.municipalities(geography.county(county))) == count

    def test_every_county_partitions_the_country(self) -> None:
        """Each municipality belongs to exactly one county, and the counties hold them all."""
        per_county = [m for c in geography.counties() for m in c.municipalities()]
        assert sorted(per_county, key=lambda m: m.code) == list(geography.municipalities())
        assert all(m.code[:2] == m.county_code for m in per_county)

    def test_known_municipalities(self) -> None:
        """Municipality codes map to names and counties; Kungsbacka lies in Halland."""
        assert geography.municipality("0180").name == "Stockholm"
        assert geography.municipality("1480").name == "Göteborg"
        kungsbacka = geography.municipality("1384")
        assert (kungsbacka.name, kungsbacka.county.name) == ("Kungsbacka", "Hallands län")

    @pytest.mark.parametrize("code", ["0000", "180", "01800", "", "01"])
    def test_unknown_municipality_raises_key_error_naming_the_code(self, code: str) -> None:
        """An unknown municipality code is a KeyError whose message names the code."""
        with pytest.raises(KeyError, match="no municipality with code") as info:
            geography.municipality(code)
        assert repr(code) in str(info.value)

    def test_unknown_county_filter_raises(self) -> None:
        """municipalities(county=...) with an unknown county code is a KeyError naming it."""
        with pytest.raises(KeyError, match="no county with code '99'"):
            geography.municipalities("99")

    def test_records_are_values(self) -> None:
        """County and Municipality are immutable values."""
        assert geography.county("01") == County("01", "Stockholms län")
        assert geography.municipality("0180") == Municipality("0180", "Stockholm", "01")


class TestArea:
    def test_kinds_and_names(self) -> None:
        """An area is the nation, a county or a municipality, named officially."""
        assert (Area.nation().kind, Area.nation().name) == (AreaKind.NATION, "Sverige")
        assert (Area("14").kind, Area("14").name) == (AreaKind.COUNTY, "Västra Götalands län")
        assert (Area("1384").kind, Area("1384").name) == (AreaKind.MUNICIPALITY, "Kungsbacka")

    def test_place_and_county_code(self) -> None:
        """An area knows its record (place) and the county it is or lies in (county_code)."""
        assert Area.nation().place is None
        assert Area.nation().county_code is None
        assert Area("01").place == geography.county("01")
        assert Area("01").county_code == "01"
        assert Area("0180").place == geography.municipality("0180")
        assert Area("1384").county_code == "13"

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("99", "code: no county with code '99'"),
            ("9999", "code: no municipality with code '9999'"),
            ("se", "code: no county with code 'se'"),
            ("stockholm", "code: no municipality with code 'stockholm'"),
        ],
    )
    def test_unknown_codes_are_refused(self, code: str, message: str) -> None:
        """An unknown code is a ValueError that starts with the field name and names the code."""
        with pytest.raises(ValueError, match=f"^{message}"):
            Area(code)

    def test_non_string_code_is_a_type_error(self) -> None:
        """A numeric code is refused (leading zeros matter: 0180 is not 180)."""
        with pytest.raises(TypeError, match="code: expected a string, got 180"):
            Area(180)  # type: ignore[arg-type]

    def test_within(self) -> None:
        """A municipality lies within its county and the nation, not within another county."""
        stockholm, county, nation = Area("0180"), Area("01"), Area.nation()
        assert stockholm.within(county)
        assert stockholm.within(nation)
        assert county.within(nation)
        assert not stockholm.within(Area("14"))
        assert not county.within(stockholm)
        assert not nation.within(county)
        assert not stockholm.within(Area("0181"))
        assert Area("1384").within(Area("13"))
        assert not Area("1384").within(Area("14"))

    @given(areas)
    def test_within_is_reflexive_and_inside_the_nation(self, area: Area) -> None:
        """Every area lies within itself and within the nation."""
        assert area.within(area)
        assert area.within(Area.nation())

    @given(areas, areas, areas)
    def test_within_is_transitive(self, a: Area, b: Area, c: Area) -> None:
        """If a lies in b and b in c, then a lies in c."""
        if a.within(b) and b.within(c):
            assert a.within(c)

    @given(areas, areas)
    def test_within_is_antisymmetric(self, a: Area, b: Area) -> None:
        """Two different areas never lie within each other."""
        if a.within(b) and b.within(a):
            assert a == b
