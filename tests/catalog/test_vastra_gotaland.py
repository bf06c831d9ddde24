from __future__ import annotations

import pytest

from samverkan_model import (
    WORK_AREAS,
    AgreementKind,
    Area,
    BodyKind,
    GovernanceLevel,
    OrganisationKind,
    RelationKind,
    Role,
    Structure,
)
from samverkan_model.catalog import vastra_gotaland_reception
from samverkan_model.catalog.vastra_gotaland import (
    ASSOCIATIONS,
    CENTRAL_DELEGATION,
    COUNTY_BOARD,
    LEGAL_BASIS,
    REGIONAL_PARTNERSHIP,
)
from samverkan_model.geography import municipalities

MEMBER_COUNTS = {
    "goteborgsregionen": 13,
    "borasregionen-sjuharads-kommunalforbund": 8,
    "skaraborgs-kommunalforbund": 15,
    "fyrbodals-kommunalforbund": 14,
}


@pytest.fixture(scope="module")
def reception() -> Structure:
    return vastra_gotaland_reception()


def municipality_ids(s: Structure) -> list[str]:
    return [a.id for a in s.actors if a.kind is OrganisationKind.MUNICIPALITY]


def members_of(s: Structure, association: str) -> set[str]:
    return {
        r.source for r in s.relations if r.kind is RelationKind.PART_OF and r.target == association
    }


class TestValidation:
    def test_no_findings(self, reception: Structure) -> None:
        """The model validates without any finding at all."""
        assert reception.validate() == ()

    def test_every_body_is_anchored_at_the_delegation(self, reception: Structure) -> None:
        """The escalation walk from every body ends at the national delegation."""
        for body in reception.bodies:
            assert reception.escalation_path(body.id)[-1] == CENTRAL_DELEGATION


class TestMunicipalities:
    def test_association_member_counts(self, reception: Structure) -> None:
        """GR has 13 members, Sjuhärad 8, Skaraborg 15 and Fyrbodal 14."""
        assert {a: len(members_of(reception, a)) for a in MEMBER_COUNTS} == MEMBER_COUNTS

    def test_every_municipality_of_the_county_belongs_to_one_association(
        self, reception: Structure
    ) -> None:
        """The associations cover all 49 municipalities of Västra Götalands län, once each."""
        county = {Area(m.code) for m in municipalities("14")}
        assert len(county) == 49
        by_area = {reception.actor(i).area: i for i in municipality_ids(reception)}
        assert county <= set(by_area)
        for area in county:
            owners = [a for a in MEMBER_COUNTS if by_area[area] in members_of(reception, a)]
            assert len(owners) == 1

    def test_kungsbacka_crosses_the_county_border(self, reception: Structure) -> None:
        """Kungsbacka, in Hallands län, is a member of Göteborgsregionen like the others."""
        kungsbacka = reception.actor("kungsbacka-kommun")
        assert kungsbacka.area == Area("1384")
        assert kungsbacka.area.county_code == "13"
        assert "kungsbacka-kommun" in members_of(reception, "goteborgsregionen")
        outside = [
            i
            for i in municipality_ids(reception)
            if (area := reception.actor(i).area) is None or area.county_code != "14"
        ]
        assert outside == ["kungsbacka-kommun"]

    def test_fifty_municipalities_in_all(self, reception: Structure) -> None:
        """49 municipalities of the county plus Kungsbacka are actors."""
        assert len(municipality_ids(reception)) == 50

    def test_embedded_table(self) -> None:
        """The embedded association table has 50 distinct member codes."""
        codes = [code for a in ASSOCIATIONS for code in a.members]
        assert len(codes) == len(set(codes)) == 50


class TestLevels:
    def test_bodies_on_all_four_levels(self, reception: Structure) -> None:
        """Central, regional, sub-regional and local bodies are all present."""
        levels = {b.level for b in reception.bodies}
        assert levels == set(GovernanceLevel)
        assert reception.body(CENTRAL_DELEGATION).level is GovernanceLevel.CENTRAL

    def test_every_municipality_escalates_to_the_central_level(self, reception: Structure) -> None:
        """Local -> sub-regional -> regional -> central from every municipality."""
        for municipality in municipality_ids(reception):
            path = reception.escalation_path(municipality)
            assert path[-1] == CENTRAL_DELEGATION
            levels = [reception.body(node).level for node in path[1:]]
            assert levels == sorted(levels)
            assert set(levels) == set(GovernanceLevel)

    def test_sub_regional_bodies(self, reception: Structure) -> None:
        """Three partnerships and Fyrbodal's group of municipal representatives."""
        sub = [b for b in reception.bodies if b.level is GovernanceLevel.SUBREGIONAL]
        kinds = sorted(b.kind.value for b in sub)
        assert kinds == ["collaboration-group", "partnership", "partnership", "partnership"]
        (fyrbodal,) = [b for b in sub if b.kind is BodyKind.COLLABORATION_GROUP]
        seated = {m.member for m in reception.members(fyrbodal.id)}
        assert seated == members_of(reception, "fyrbodals-kommunalforbund")

    def test_associations_take_part_in_two_areas(self, reception: Structure) -> None:
        """In Göteborgsregionen and Sjuhärad the association sits in the partnership."""
        for a in ASSOCIATIONS:
            seated = {m.member for m in reception.members(a.subregional_body)}
            assert (a.id in seated) is a.takes_part
        assert {a.key for a in ASSOCIATIONS if a.takes_part} == {"goteborgsregionen", "sjuharad"}

    def test_dialogue_forums_are_local(self, reception: Structure) -> None:
        """Each association area has a local dialogue forum with Arbetsförmedlingen."""
        forums = [b for b in reception.bodies if b.kind is BodyKind.DIALOGUE_FORUM]
        assert len(forums) == 4
        for forum in forums:
            assert forum.level is GovernanceLevel.LOCAL
            assert "arbetsformedlingen" in {m.member for m in reception.members(forum.id)}


class TestLeadership:
    def test_delegation_led_by_arbetsformedlingen(self, reception: Structure) -> None:
        """Arbetsförmedlingen leads the delegation with the county boards, Migrationsverket, SKR."""
        seats = {m.member: m.role for m in reception.members(CENTRAL_DELEGATION)}
        assert seats == {
            "arbetsformedlingen": Role.CHAIR,
            COUNTY_BOARD: Role.MEMBER,
            "migrationsverket": Role.MEMBER,
            "skr": Role.MEMBER,
        }
        leads = {(r.source, r.target) for r in reception.relations if r.kind is RelationKind.LEADS}
        assert ("arbetsformedlingen", CENTRAL_DELEGATION) in leads
        assert (COUNTY_BOARD, REGIONAL_PARTNERSHIP) in leads

    def test_regional_partnership(self, reception: Structure) -> None:
        """Led by the county board, resting on Lag (2010:197) 4 §, covering the five work areas."""
        partnership = reception.body(REGIONAL_PARTNERSHIP)
        chairs = [m.member for m in reception.members(partnership.id) if m.role is Role.CHAIR]
        assert chairs == [COUNTY_BOARD]
        assert partnership.legal_basis == (LEGAL_BASIS,)
        assert LEGAL_BASIS == "Lag (2010:197) 4 §"
        assert partnership.work_areas == set(WORK_AREAS)
        assert partnership.host == COUNTY_BOARD

    def test_sub_regions_report_to_the_county_board(self, reception: Structure) -> None:
        """Sub-regional bodies supply the county board with follow-up material."""
        graph = reception.reporting_graph()
        for a in ASSOCIATIONS:
            assert graph.has_edge(a.subregional_body, COUNTY_BOARD)
            assert reception.body(a.subregional_body).work_areas == set(WORK_AREAS)


class TestAgreementsAndActors:
    def test_a_local_agreement_with_every_municipality(self, reception: Structure) -> None:
        """Arbetsförmedlingen has a local agreement with each of the 50 municipalities."""
        agreements = reception.agreements
        assert all(g.kind is AgreementKind.LOCAL_AGREEMENT for g in agreements)
        assert all("arbetsformedlingen" in g.parties and len(g.parties) == 2 for g in agreements)
        partners = {p for g in agreements for p in g.parties} - {"arbetsformedlingen"}
        assert partners == set(municipality_ids(reception))
        assert len(agreements) == 50

    def test_org_numbers_only_where_known(self, reception: Structure) -> None:
        """Skaraborgs kommunalförbund and Göteborgs stad carry their known numbers; nobody else."""
        numbered = {a.id: a.org_number for a in reception.actors if a.org_number is not None}
        assert numbered == {
            "skaraborgs-kommunalforbund": "222000-2188",
            "goteborgs-stad": "212000-1355",
        }

    def test_associations_are_municipal_associations(self, reception: Structure) -> None:
        """The four kommunalförbund are sub-regional actors of their kind."""
        for a in ASSOCIATIONS:
            actor = reception.actor(a.id)
            assert actor.kind is OrganisationKind.MUNICIPAL_ASSOCIATION
            assert actor.level is GovernanceLevel.SUBREGIONAL
            assert actor.area is None


class TestBuilder:
    def test_cached(self) -> None:
        """Repeated calls return the same immutable object."""
        assert vastra_gotaland_reception() is vastra_gotaland_reception()

    def test_deterministic(self) -> None:
        """Building afresh gives an equal structure."""
        assert vastra_gotaland_reception.__wrapped__() == vastra_gotaland_reception()
