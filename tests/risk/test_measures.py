from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model.risk import (
    TRANSITIONS,
    LivingCondition,
    Measure,
    MeasureStatus,
    Phase,
    StatusChange,
    Transition,
    transition,
)

P, G, H, D, C = (
    MeasureStatus.PLANNED,
    MeasureStatus.ONGOING,
    MeasureStatus.ON_HOLD,
    MeasureStatus.IMPLEMENTED,
    MeasureStatus.CANCELLED,
)
Y, N, X = Transition.ALLOWED, Transition.NEEDS_NOTE, Transition.FORBIDDEN

# The documented table, row by row (before), columns planned/ongoing/on-hold/implemented/cancelled.
TABLE = {
    P: (Y, Y, Y, Y, Y),
    G: (N, Y, Y, Y, Y),
    H: (Y, Y, Y, Y, Y),
    D: (N, N, X, Y, X),
    C: (N, N, X, X, Y),
}
statuses = st.sampled_from(list(MeasureStatus))


class TestMeasureStatus:
    def test_members(self) -> None:
        """Planned, ongoing, on hold, implemented and cancelled, with Swedish labels."""
        assert [s.label("sv") for s in MeasureStatus] == [
            "Planerad",
            "Pågående",
            "Vilande",
            "Genomförd",
            "Avbruten",
        ]

    def test_closed(self) -> None:
        """Only implemented and cancelled measures are closed."""
        assert {s for s in MeasureStatus if s.is_closed} == {D, C}


class TestTransitions:
    def test_table_matches_documentation(self) -> None:
        """The transition table is exactly the one in the module docs."""
        for before, row in TABLE.items():
            for after, rule in zip([P, G, H, D, C], row, strict=True):
                assert transition(before, after) is rule
                assert TRANSITIONS[before, after] is rule
        assert len(TRANSITIONS) == 25

    @given(statuses)
    def test_first_event_always_allowed(self, status: MeasureStatus) -> None:
        """A measure's first status may be anything (it may be implemented already)."""
        assert transition(None, status) is Transition.ALLOWED
        assert StatusChange("m1", date(2025, 1, 1), status).allowed_after(None)

    @given(statuses)
    def test_repeating_a_status_is_allowed(self, status: MeasureStatus) -> None:
        """Confirming the current status at a follow-up is always allowed."""
        assert transition(status, status) is Transition.ALLOWED

    @given(statuses, statuses, st.sampled_from(["", "  ", "ny finansiering"]))
    def test_allowed_after_follows_table(
        self, before: MeasureStatus, after: MeasureStatus, note: str
    ) -> None:
        """allowed_after is the table, with a non-blank note required where it says so."""
        change = StatusChange("m1", date(2025, 1, 1), after, note)
        rule = transition(before, after)
        expected = rule is Y or (rule is N and bool(note.strip()))
        assert change.allowed_after(before) is expected


class TestMeasure:
    def test_needs_responsible(self) -> None:
        """A measure without a responsible actor cannot be built."""
        with pytest.raises(ValueError, match="responsible: a measure needs at least one"):
            Measure("m1", "Läxhjälp", Phase.PROACTIVE, set())

    def test_responsible_must_be_slugs(self) -> None:
        """Responsible ids are slugs, and a bare string is refused."""
        with pytest.raises(ValueError, match="responsible: 'Kommunen' is not a valid id"):
            Measure("m1", "Läxhjälp", Phase.PROACTIVE, {"Kommunen"})
        with pytest.raises(TypeError, match="responsible: expected a collection"):
            Measure("m1", "Läxhjälp", Phase.PROACTIVE, "kommunen")

    def test_fields(self) -> None:
        """All optional fields default to empty or None and convert to frozensets."""
        m = Measure(
            "m1",
            "Läxhjälp",
            Phase.PROACTIVE,
            ["kommunen"],
            risks=["r1"],
            living_conditions=[LivingCondition.EDUCATION],
            due=date(2025, 6, 1),
            follow_up=date(2025, 3, 1),
            description="Tre kvällar i veckan",
            link="https://example.org/atgard/1",
        )
        assert m.responsible == frozenset({"kommunen"})
        assert m.risks == frozenset({"r1"})
        assert m.living_conditions == frozenset({LivingCondition.EDUCATION})
        bare = Measure("m2", "x", Phase.REACTIVE, {"a"})
        assert (bare.risks, bare.living_conditions, bare.due, bare.follow_up) == (
            frozenset(),
            frozenset(),
            None,
            None,
        )
        assert (bare.description, bare.link) == ("", None)

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("phase", "proactive", "phase"),
            ("due", "2025-01-01", "due: expected a date"),
            ("follow_up", date(2025, 1, 1).isoformat(), "follow_up: expected a date"),
            ("risks", ["R1"], "risks: 'R1' is not a valid id"),
            ("link", 5, "link: expected text"),
        ],
    )
    def test_bad_fields(self, field: str, value: object, message: str) -> None:
        """Bad fields are refused by name."""
        args: dict[str, object] = {
            "id": "m1",
            "title": "x",
            "phase": Phase.PROACTIVE,
            "responsible": {"a"},
            field: value,
        }
        with pytest.raises((TypeError, ValueError), match=message):
            Measure(**args)  # type: ignore[arg-type]


class TestStatusChange:
    def test_fields(self) -> None:
        """A status change records the measure, day, status, note and recorder."""
        c = StatusChange("m1", date(2025, 3, 1), G, "startad", "kommunen")
        assert (c.measure, c.status, c.note, c.recorded_by) == ("m1", G, "startad", "kommunen")

    def test_bad_fields(self) -> None:
        """Bad fields are refused by name."""
        with pytest.raises(TypeError, match="on: expected a date"):
            StatusChange("m1", "2025-03-01", G)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="status"):
            StatusChange("m1", date(2025, 3, 1), "ongoing")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="recorded_by"):
            StatusChange("m1", date(2025, 3, 1), G, recorded_by="Anna A")
