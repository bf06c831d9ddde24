from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Actor,
    Area,
    AreaKind,
    AreaResponsibility,
    GovernanceLevel,
    OrganisationKind,
    Structure,
    catalog,
    geography,
)
from samverkan_model.structure.area import area_responsibility

L = GovernanceLevel
K = OrganisationKind

STOCKHOLM = Actor("stockholms-stad", "Stockholms stad", K.MUNICIPALITY, L.LOCAL, Area("0180"))
SOLNA = Actor("solna-stad", "Solna stad", K.MUNICIPALITY, L.LOCAL, Area("0184"))
CAB = Actor(
    "lst-ab", "Länsstyrelsen Stockholm", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, Area("01")
)
GOVERNMENT = Actor("regeringen", "Regeringen", K.OTHER, L.CENTRAL, Area.nation())


def _structure(*actors: Actor) -> Structure:
    return Structure("test", actors=actors)


def _level_findings(structure: Structure) -> list[tuple[str, ...]]:
    return [f.subject for f in structure.validate() if f.code == "area-responsibility-level"]


municipality_codes = st.sampled_from([m.code for m in geography.municipalities()])


class TestAreaResponsibility:
    def test_fields(self) -> None:
        """An entry names the area, the level and the holders; held says whether any."""
        entry = AreaResponsibility(Area("01"), L.REGIONAL, ["lst-ab"])
        assert entry.holders == ("lst-ab",)
        assert entry.held
        assert not AreaResponsibility(Area("SE"), L.CENTRAL).held

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"area": "01"}, "^area: expected an Area"),
            ({"level": "regional"}, "level"),
            ({"holders": "lst-ab"}, "^holders: expected a collection"),
            ({"holders": ["Not A Slug"]}, "^holders: "),
        ],
    )
    def test_invalid_fields_are_refused_by_name(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Each invalid field is refused with a message naming it."""
        fields: dict[str, object] = {"area": Area("01"), "level": L.REGIONAL}
        with pytest.raises((TypeError, ValueError), match=message):
            AreaResponsibility(**(fields | changes))  # type: ignore[arg-type]


class TestStructureAreaResponsibility:
    def test_three_levels_for_a_municipality(self) -> None:
        """A municipality's area is held locally, by the county board and by the Government."""
        s = _structure(STOCKHOLM, SOLNA, CAB, GOVERNMENT)
        assert s.area_responsibility(Area("0180")) == (
            AreaResponsibility(Area("0180"), L.LOCAL, ("stockholms-stad",)),
            AreaResponsibility(Area("01"), L.REGIONAL, ("lst-ab",)),
            AreaResponsibility(Area("SE"), L.CENTRAL, ("regeringen",)),
        )

    def test_two_levels_for_a_county_and_one_for_the_nation(self) -> None:
        """A county has a regional and a national holder; the nation only a national one."""
        s = _structure(STOCKHOLM, CAB, GOVERNMENT)
        assert [r.level for r in s.area_responsibility("01")] == [L.REGIONAL, L.CENTRAL]
        assert s.area_responsibility("SE") == (
            AreaResponsibility(Area.nation(), L.CENTRAL, ("regeringen",)),
        )

    def test_missing_holders_are_empty(self) -> None:
        """Levels the structure has no actor for are listed with no holders."""
        assert [r.holders for r in _structure().area_responsibility("1384")] == [(), (), ()]

    def test_county_of_a_municipality_is_its_own_county(self) -> None:
        """Kungsbacka (1384) is held regionally by the county board of Halland (13)."""
        halland = Actor(
            "lst-n", "Länsstyrelsen Halland", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, Area("13")
        )
        entries = _structure(CAB, halland).area_responsibility("1384")
        assert entries[1] == AreaResponsibility(Area("13"), L.REGIONAL, ("lst-n",))

    def test_other_kinds_and_units_hold_nothing(self) -> None:
        """A region with a county area and a unit of a municipality are no holders."""
        region = Actor("region-stockholm", "Region Stockholm", K.REGION, L.REGIONAL, Area("01"))
        unit = Actor(
            "stockholm-krisledning", "Krisledning", K.MUNICIPALITY, L.LOCAL, Area("0180"),
            part_of="stockholms-stad",
        )  # fmt: skip
        s = _structure(region, unit, STOCKHOLM)
        assert [r.holders for r in s.area_responsibility("0180")] == [("stockholms-stad",), (), ()]
        assert _level_findings(s) == []

    def test_unknown_code(self) -> None:
        """A code that is not in the geography is refused."""
        with pytest.raises(ValueError, match="code"):
            _structure().area_responsibility("9999")

    @given(municipality_codes)
    def test_each_level_covers_the_area(self, code: str) -> None:
        """Entries go from local to central, and each entry's area contains the asked area."""
        entries = area_responsibility((), code)
        assert [e.level for e in entries] == [L.LOCAL, L.REGIONAL, L.CENTRAL]
        assert [e.area.kind for e in entries] == [
            AreaKind.MUNICIPALITY,
            AreaKind.COUNTY,
            AreaKind.NATION,
        ]
        assert all(Area(code).within(e.area) for e in entries)

    @given(municipality_codes)
    def test_held_by_its_municipality_and_county_board(self, code: str) -> None:
        """With its municipality and county board present, both hold it at their levels."""
        area = Area(code)
        county = str(area.county_code)
        here = Actor("kommunen", "Kommunen", K.MUNICIPALITY, L.LOCAL, area)
        board = Actor(
            "lansstyrelsen",
            "Länsstyrelsen",
            K.COUNTY_ADMINISTRATIVE_BOARD,
            L.REGIONAL,
            Area(county),
        )
        holders = [e.holders for e in _structure(here, board).area_responsibility(area)]
        assert holders == [("kommunen",), ("lansstyrelsen",), ()]

    def test_catalog_municipalities_are_held(self) -> None:
        """Every Stockholm municipality is held locally and by the county board in the catalog."""
        region = catalog.stockholm_region()
        for m in geography.municipalities("01"):
            local, regional, _ = region.area_responsibility(m.code)
            assert len(local.holders) == 1
            assert regional.holders == ("lansstyrelsen-stockholm",)
        assert _level_findings(region) == []


class TestAreaResponsibilityLevelFinding:
    @pytest.mark.parametrize(
        ("actor", "words"),
        [
            (
                Actor("kommunen", "Kommunen", K.MUNICIPALITY, L.LOCAL, Area("01")),
                "whose area responsibility is held at the regional level by the county",
            ),
            (
                Actor("kommunen", "Kommunen", K.MUNICIPALITY, L.LOCAL, Area.nation()),
                "held at the central level by the Government",
            ),
            (
                Actor(
                    "lst", "Länsstyrelsen", K.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL, Area("0180")
                ),
                "held at the local level by the municipality",
            ),
            (
                Actor("kommunen", "Kommunen", K.MUNICIPALITY, L.REGIONAL, Area("0180")),
                "works at the regional level",
            ),
            (
                Actor("lst", "Länsstyrelsen", K.COUNTY_ADMINISTRATIVE_BOARD, L.CENTRAL, Area("01")),
                "works at the central level",
            ),
            (
                Actor("msb", "MSB", K.GOVERNMENT_AGENCY, L.REGIONAL, Area.nation()),
                "which is held at the central level",
            ),
        ],
    )
    def test_wrong_level_is_an_error(self, actor: Actor, words: str) -> None:
        """An actor stated for an area at a level that is not its own is an error finding."""
        s = _structure(actor)
        (finding,) = [f for f in s.validate() if f.code == "area-responsibility-level"]
        assert finding.severity.value == "error"
        assert finding.subject == (actor.id,)
        assert words in finding.message
        assert all(actor.id not in e.holders for e in s.area_responsibility(actor.area or "SE"))

    def test_right_levels_are_no_finding(self) -> None:
        """The municipality, the county board and the Government at their levels are fine."""
        assert _level_findings(_structure(STOCKHOLM, SOLNA, CAB, GOVERNMENT)) == []
