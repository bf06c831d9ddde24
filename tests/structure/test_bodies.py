from __future__ import annotations

from datetime import date, time
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    WORK_AREAS,
    Body,
    BodyKind,
    Cadence,
    GovernanceLevel,
    Membership,
    Mode,
    Period,
    Role,
    Structure,
)
from tests.structure.strategies import periods

L = GovernanceLevel


def body(**changes: object) -> Body:
    fields: dict[str, object] = {
        "id": "chefsgruppen",
        "name": "Regionala chefsgruppen",
        "kind": BodyKind.MANAGEMENT_GROUP,
        "level": L.REGIONAL,
        **changes,
    }
    return Body(**fields)  # type: ignore[arg-type]


class TestBody:
    def test_defaults(self) -> None:
        """A body is active in every mode and exists always unless told otherwise."""
        b = body()
        assert b.active_in == frozenset(Mode)
        assert (b.host, b.mandate, b.legal_basis, b.work_areas) == (None, "", (), frozenset())
        assert b.cadence is None
        assert b.period is None
        assert b.life is None
        assert b.exists_at(date(1900, 1, 1))

    def test_contract_kinds_exist(self) -> None:
        """The body kinds of the API contract are all there."""
        assert {
            "MANAGEMENT_GROUP",
            "COORDINATION_GROUP",
            "COORDINATION_OFFICE",
            "COMMITTEE",
            "PARTNERSHIP",
            "DELEGATION",
            "COLLABORATION_GROUP",
            "CONFERENCE",
            "ANALYSIS_GROUP",
            "STANDBY_FUNCTION",
            "ISF",
            "ISF_SUPPORT",
            "DIALOGUE_FORUM",
        } <= {k.name for k in BodyKind}

    def test_roles(self) -> None:
        """The roles of the API contract are all there."""
        assert {r.name for r in Role} >= {
            "CHAIR",
            "HEAD",
            "MEMBER",
            "SECRETARY",
            "COORDINATOR",
            "CONTACT",
            "DUTY_OFFICER",
        }

    @given(periods(), st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1)))
    def test_exists_at_follows_its_life(self, life: Period, day: date) -> None:
        """A body exists exactly on the days of its life."""
        b = body(period=life)
        assert b.exists_at(day) == life.contains(day)
        assert b.life == life

    def test_collections(self) -> None:
        """Legal basis keeps its order; work areas are a set of slugs."""
        b = body(legal_basis=["Lag (2010:197) 4 §", "Förordning"], work_areas=["boende", "arbete"])
        assert b.legal_basis == ("Lag (2010:197) 4 §", "Förordning")
        assert b.work_areas == {"arbete", "boende"}
        assert set(WORK_AREAS) >= b.work_areas

    def test_single_legal_basis_string_is_refused(self) -> None:
        """A forgotten comma (one string for legal_basis) is caught, not split in letters."""
        with pytest.raises(TypeError, match=r"^legal_basis: expected a collection"):
            body(legal_basis="Lag (2010:197) 4 §")
        with pytest.raises(TypeError, match=r"^legal_basis: expected text items"):
            body(legal_basis=[4])

    def test_active_in(self) -> None:
        """active_in takes any collection of modes and must not be empty."""
        assert body(active_in=[Mode.ACTIVATED]).active_in == {Mode.ACTIVATED}
        with pytest.raises(ValueError, match=r"^active_in: a body must be active in at least"):
            body(active_in=[])
        with pytest.raises(TypeError, match=r"^active_in: expected Mode members, got 'normal'"):
            body(active_in=["normal"])

    def test_single_mode_is_refused_with_a_hint(self) -> None:
        """A single Mode instead of a collection is refused with the field name."""
        with pytest.raises(TypeError, match=r"^active_in: expected a collection of modes"):
            body(active_in=Mode.ACTIVATED)

    def test_typed_fields(self) -> None:
        """Cadence and period must be the right types; host is a slug."""
        cadence = Cadence(1, time(9))
        assert body(cadence=cadence, host="lansstyrelsen").cadence == cadence
        with pytest.raises(TypeError, match="cadence"):
            body(cadence="weekly")
        with pytest.raises(TypeError, match="period"):
            body(period=(date(2025, 1, 1), None))
        with pytest.raises(ValueError, match=r"^host: "):
            body(host="Länsstyrelsen")


def seat(**changes: object) -> Membership:
    fields: dict[str, object] = {
        "member": "anna",
        "body": "kansliet",
        "role": Role.MEMBER,
        "period": Period(date(2025, 1, 1)),
        **changes,
    }
    return Membership(**fields)  # type: ignore[arg-type]


memberships = st.builds(
    Membership,
    member=st.sampled_from(["anna", "bo"]),
    body=st.sampled_from(["kansliet", "gruppen"]),
    role=st.sampled_from(Role),
    period=periods(latest_start=3),
    on_behalf_of=st.none() | st.sampled_from(["polisen", "sl"]),
)


class TestMembership:
    @given(periods(), st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1)))
    def test_active_at_follows_its_period(self, period: Period, day: date) -> None:
        """A seat is held exactly on the days of its period."""
        assert seat(period=period).active_at(day) == period.contains(day)

    def test_validation(self) -> None:
        """Member, body and lender are slugs; role and period have their types."""
        with pytest.raises(ValueError, match=r"^member: "):
            seat(member="Anna")
        with pytest.raises(ValueError, match=r"^on_behalf_of: "):
            seat(on_behalf_of="SL AB")
        with pytest.raises(TypeError, match="role"):
            seat(role="chair")
        with pytest.raises(TypeError, match="period"):
            seat(period=date(2025, 1, 1))

    @given(st.lists(memberships, max_size=6), st.randoms())
    def test_canonical_order_does_not_depend_on_input_order(
        self, items: list[Membership], random: Random
    ) -> None:
        """A structure orders its memberships the same way whatever order they come in."""
        shuffled = list(items)
        random.shuffle(shuffled)
        assert Structure("s", memberships=items) == Structure("s", memberships=shuffled)

    def test_sort_key_tells_ends_apart(self) -> None:
        """Seats that differ only in their end sort closed before open, earlier end first."""
        open_ = seat(period=Period(date(2025, 1, 1)))
        late = seat(period=Period(date(2025, 1, 1), date(2025, 6, 1)))
        early = seat(period=Period(date(2025, 1, 1), date(2025, 3, 1)))
        s = Structure("s", memberships=[open_, late, early])
        assert s.memberships == (early, late, open_)
