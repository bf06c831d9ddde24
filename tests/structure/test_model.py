from __future__ import annotations

from datetime import date, datetime, time
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    REDACTED,
    Activation,
    Actor,
    Body,
    BodyKind,
    CheckError,
    CoverageRule,
    Decision,
    DecisionKind,
    GovernanceLevel,
    Membership,
    Mode,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Structure,
    strategies,
    weekly_rotation,
)
from tests.structure.strategies import clean_structures, day

L = GovernanceLevel
JAN, JUN = date(2025, 1, 1), date(2025, 6, 1)
COLLECTIONS = (
    "actors",
    "bodies",
    "persons",
    "memberships",
    "relations",
    "agreements",
    "decisions",
    "coverage_rules",
    "rosters",
)


def crisis() -> Structure:
    """A management group (always) and an ISF with its support (activated mode only)."""
    return Structure(
        "crisis",
        actors=[
            Actor("lst", "Länsstyrelsen", OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD, L.REGIONAL)
        ],
        bodies=[
            Body("ledning", "Ledning", BodyKind.MANAGEMENT_GROUP, L.REGIONAL),
            Body("isf", "ISF", BodyKind.ISF, L.REGIONAL, active_in={Mode.ACTIVATED}),
            Body("rsib", "RSIB", BodyKind.STANDBY_FUNCTION, L.REGIONAL, active_in={Mode.ACTIVATED}),
        ],
        persons=[
            Person("anna-andersson", "Anna Andersson", "anna@example.se"),
            Person("bo-berg", "Bo Berg", "070-123 45 67"),
            Person("cay-car", "Cay Car"),
        ],
        memberships=[
            Membership("lst", "ledning", Role.CHAIR, Period(JAN)),
            Membership("anna-andersson", "ledning", Role.SECRETARY, Period(JAN)),
            Membership("bo-berg", "isf", Role.COORDINATOR, Period(JAN), on_behalf_of="lst"),
        ],
        relations=[
            Relation("isf", "ledning", RelationKind.REPORTS_TO),
            Relation("lst", "ledning", RelationKind.LEADS),
        ],
        decisions=[
            Decision("d1", DecisionKind.BUDGET, "ledning", JUN),
            Decision("d2", DecisionKind.DIRECTION, "isf", JUN),
            Decision("d3", DecisionKind.DIRECTION, "ledning", JUN, proposed_by="isf"),
        ],
        coverage_rules=[CoverageRule("isf", ["blaljus"], Period(JAN, JUN))],
        rosters=[weekly_rotation(["cay-car"], JAN, 4, 0, time(8), "rsib")],
    )


class TestConstruction:
    @given(clean_structures(), st.randoms())
    def test_order_given_does_not_matter(self, s: Structure, random: Random) -> None:
        """Collections are sorted canonically, so shuffled input builds an equal structure."""
        shuffled = {}
        for name in COLLECTIONS:
            items = list(getattr(s, name))
            random.shuffle(items)
            shuffled[name] = items
        again = Structure(s.name, **shuffled)
        assert again == s
        assert hash(again) == hash(s)

    def test_sorted_by_id(self) -> None:
        """Actors, bodies and persons are stored sorted by id."""
        s = Structure("s", persons=[Person("b", "B"), Person("a", "A")])
        assert [p.id for p in s.persons] == ["a", "b"]

    def test_cache_is_not_part_of_the_value(self) -> None:
        """Using the cached indexes does not change equality, hash or repr."""
        s, t = crisis(), crisis()
        s.graph()
        assert s == t
        assert hash(s) == hash(t)
        assert repr(s) == repr(t)
        assert "_cache" not in repr(s)

    @pytest.mark.parametrize("name", COLLECTIONS)
    def test_wrong_items_are_named(self, name: str) -> None:
        """A wrong item is a TypeError naming the field and its index."""
        with pytest.raises(TypeError, match=rf"^{name}\[0\]: expected "):
            Structure("s", **{name: ["oops"]})  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", ["oops", 5, Person("a", "A")])
    def test_non_collections_are_refused(self, value: object) -> None:
        """A single object or a string where a collection belongs is refused by name."""
        with pytest.raises(TypeError, match=r"^actors: expected a collection of Actor"):
            Structure("s", actors=value)  # type: ignore[arg-type]

    def test_name_is_text(self) -> None:
        """The structure's name is text."""
        with pytest.raises(TypeError, match=r"^name: expected text"):
            Structure(None)  # type: ignore[arg-type]

    def test_with_resorts(self) -> None:
        """with_() applies changes and keeps the canonical order."""
        s = crisis().with_(persons=[Person("zz", "Z"), Person("aa", "A")])
        assert [p.id for p in s.persons] == ["aa", "zz"]


class TestLookups:
    def test_actor_body_person(self) -> None:
        """Objects are found by id; unknown ids are KeyErrors naming the id and structure."""
        s = crisis()
        assert s.actor("lst").name == "Länsstyrelsen"
        assert s.body("isf").kind is BodyKind.ISF
        assert s.person("cay-car").name == "Cay Car"
        for lookup in (s.actor, s.body, s.person):
            with pytest.raises(KeyError, match="'ghost' in structure 'crisis'"):
                lookup("ghost")

    def test_node_kind(self) -> None:
        """node_kind says what an id names."""
        s = crisis()
        assert [s.node_kind(i) for i in ("lst", "isf", "bo-berg", "ghost")] == [
            "actor",
            "body",
            "person",
            None,
        ]

    def test_first_of_duplicates_wins(self) -> None:
        """With duplicate ids (a finding), lookups return the first in canonical order."""
        s = Structure("dup", persons=[Person("a", "First"), Person("a", "Second")])
        assert s.person("a").name == "First"

    def test_members(self) -> None:
        """members() lists a body's seats, only those held on *at* when given."""
        s = crisis()
        assert {m.member for m in s.members("ledning")} == {"lst", "anna-andersson"}
        assert s.members("ledning", at=date(2024, 12, 31)) == ()
        assert len(s.members("ledning", at=JUN)) == 2
        assert s.members("rsib") == ()
        with pytest.raises(KeyError, match="no body with id 'ghost'"):
            s.members("ghost")

    @given(strategies.structures(max_bodies=4))
    def test_members_are_the_seats_of_the_body(self, structure: Structure) -> None:
        """members() gives exactly the body's memberships, in canonical order."""
        for body in structure.bodies:
            expected = tuple(m for m in structure.memberships if m.body == body.id)
            assert structure.members(body.id) == expected

    def test_members_refuses_datetimes(self) -> None:
        """members(at=...) takes a date; a datetime is refused with a message."""
        with pytest.raises(TypeError, match="whole days"):
            crisis().members("ledning", at=datetime(2025, 6, 1, 9))

    def test_ended_seats_and_relations(self) -> None:
        """A seat or relation that ended is not held on a later day."""
        s = Structure(
            "ended",
            memberships=[Membership("a", "b", Role.MEMBER, Period(JAN, JUN))],
            relations=[Relation("a", "b", RelationKind.SUPPORTS, Period(JAN, JUN))],
        )
        assert s.memberships_at(JUN) == ()
        assert s.relations_at(JUN) == ()
        assert len(s.memberships_at(JAN)) == len(s.relations_at(JAN)) == 1
        assert s.memberships_at() == s.memberships
        assert s.relations_at() == s.relations


class TestInMode:
    def test_drops_inactive_bodies_and_everything_on_them(self) -> None:
        """Normal mode drops the ISF and RSIB with all that hangs on them."""
        normal = crisis().in_mode(Mode.NORMAL)
        assert [b.id for b in normal.bodies] == ["ledning"]
        with pytest.raises(KeyError):
            normal.body("isf")
        assert {m.body for m in normal.memberships} == {"ledning"}
        assert [(r.source, r.target) for r in normal.relations] == [("lst", "ledning")]
        assert normal.coverage_rules == ()
        assert normal.rosters == ()
        assert [d.id for d in normal.decisions] == ["d1"]

    def test_drops_activations_decided_by_dropped_bodies(self) -> None:
        """Mode switches decided by a dropped body are not in the view."""
        at = datetime(2025, 3, 1, 9)
        s = crisis().with_(
            activations=[
                Activation(at, Mode.ACTIVATED, "rsib"),
                Activation(at, Mode.ACTIVATED, "ledning"),
            ]
        )
        assert [a.decided_by for a in s.in_mode(Mode.NORMAL).activations] == ["ledning"]

    def test_drops_persons_left_without_seat_or_shift(self) -> None:
        """Persons whose only seats or shifts were on dropped bodies go too."""
        normal = crisis().in_mode(Mode.NORMAL)
        assert [p.id for p in normal.persons] == ["anna-andersson"]
        assert normal.validate() == ()

    def test_nothing_dropped_is_the_same_object(self) -> None:
        """When every body is active in the mode, the structure itself is returned."""
        s = crisis()
        assert s.in_mode(Mode.ACTIVATED) is s

    def test_mode_must_be_a_mode(self) -> None:
        """A string is refused instead of silently dropping every body."""
        with pytest.raises(TypeError, match="mode: expected a Mode, got 'normal'"):
            crisis().in_mode("normal")  # type: ignore[arg-type]

    @given(clean_structures(), st.sampled_from(Mode))
    def test_view_refers_only_to_kept_bodies(self, s: Structure, mode: Mode) -> None:
        """The view keeps the bodies active in the mode and nothing that refers to others."""
        view = s.in_mode(mode)
        kept = {b.id for b in s.bodies if mode in b.active_in}
        assert {b.id for b in view.bodies} == kept
        assert {m.body for m in view.memberships} <= kept
        assert {r.function for r in view.rosters} <= kept
        assert {r.body for r in view.coverage_rules} <= kept
        assert {d.body for d in view.decisions} <= kept
        assert view.actors == s.actors
        assert not [f for f in view.validate() if f.severity.value == "error"]


class TestRedacted:
    def test_no_names_contacts_or_name_like_ids(self) -> None:
        """Names, contact details and person ids are all gone; seats and shifts follow."""
        r = crisis().redacted()
        assert {p.name for p in r.persons} == {REDACTED}
        assert {p.contact for p in r.persons} == {None}
        assert [p.id for p in r.persons] == ["person-1", "person-2", "person-3"]
        seats = {(m.member, m.body) for m in r.memberships}
        assert ("person-1", "ledning") in seats
        assert ("person-2", "isf") in seats
        assert {s.person for s in r.roster("rsib").shifts} == {"person-3"}
        text = repr(r)
        for secret in ("Anna", "anna", "Bo Berg", "bo-berg", "070", "Cay", "cay-car"):
            assert secret not in text

    def test_actors_and_bodies_untouched(self) -> None:
        """Redaction leaves organisations, bodies and relations as they were."""
        s, r = crisis(), crisis().redacted()
        assert (r.actors, r.bodies, r.relations) == (s.actors, s.bodies, s.relations)

    def test_pseudonyms_avoid_other_ids(self) -> None:
        """A pseudonym never takes an id an actor or body already has."""
        s = Structure(
            "clash",
            actors=[Actor("person-1", "Org", OrganisationKind.OTHER, L.LOCAL)],
            persons=[Person("zed", "Zed")],
            memberships=[Membership("zed", "person-1", Role.MEMBER, Period(JAN))],
        )
        assert [p.id for p in s.redacted().persons] == ["person-2"]
        assert s.redacted().memberships[0].member == "person-2"

    def test_person_sharing_an_actor_id_keeps_it(self) -> None:
        """An id shared with an actor (a duplicate-id finding) names the actor: it stays."""
        s = Structure(
            "dup",
            actors=[Actor("x", "Org", OrganisationKind.OTHER, L.LOCAL)],
            persons=[Person("x", "Secret Name", "secret@example.se")],
        )
        r = s.redacted()
        assert r.persons == (Person("x", REDACTED),)

    @given(clean_structures())
    def test_findings_survive_redaction(self, s: Structure) -> None:
        """A redacted clean structure is still clean, with the same shape."""
        r = s.redacted()
        assert r.validate() == ()
        assert len(r.persons) == len(s.persons)
        assert len(r.memberships) == len(s.memberships)
        assert all(p.name == REDACTED and p.contact is None for p in r.persons)


class TestCheck:
    def test_clean_structure_is_returned(self) -> None:
        """check() hands back the structure itself when nothing is wrong."""
        s = crisis()
        assert s.check() is s

    def test_errors_raise_with_every_finding(self) -> None:
        """check() raises one CheckError listing each error's code, subject ids and message."""
        s = crisis().with_(
            memberships=[
                *crisis().memberships,
                Membership("ghost", "ledning", Role.MEMBER, Period(JAN)),
                Membership("anna-andersson", "ledning", Role.CHAIR, Period(day(100))),
            ]
        )
        with pytest.raises(CheckError) as info:
            s.check()
        error = info.value
        assert {f.code for f in error.findings} == {"unresolved-reference", "concurrent-chairs"}
        text = str(error)
        assert text.startswith("structure 'crisis' has 2 error(s):")
        for f in error.findings:
            assert f"{f.code} [{', '.join(f.subject)}]: {f.message}" in text
        assert "ghost" in text
        assert "anna-andersson" in text

    def test_warnings_do_not_raise(self) -> None:
        """Warnings alone never make check() raise."""
        s = Structure("lonely", bodies=[Body("b", "B", BodyKind.COMMITTEE, L.LOCAL)])
        assert [f.code for f in s.validate()] == ["isolated-body"]
        assert s.check() is s
