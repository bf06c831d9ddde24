from __future__ import annotations

import operator
from datetime import UTC, date, datetime, timedelta
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    FINDING_CODES,
    Actor,
    Body,
    BodyKind,
    GovernanceLevel,
    JointWork,
    JointWorkLog,
    JointWorkStep,
    OrganisationKind,
    Severity,
    Structure,
)

T0 = datetime(2025, 3, 4, 10, 0)
INFO = JointWorkStep.INFORMATION_SHARING
GOAL = JointWorkStep.SHARED_GOAL_PICTURE
PLAN = JointWorkStep.JOINT_PLAN

moments = st.integers(0, 10).map(lambda h: T0 + timedelta(hours=h))
entries = st.builds(
    JointWork,
    actor=st.sampled_from(["polisen", "sl", "sos-alarm"]),
    step=st.sampled_from(JointWorkStep),
    on=moments,
    note=st.sampled_from(["", "storm worsened"]),
    body=st.none() | st.just("isf"),
)


def _oracle(items: list[JointWork], actor: str, at: datetime) -> JointWorkStep | None:
    """The specification: the latest entry at or before at; the highest step on a tie."""
    earlier = [e for e in items if e.actor == actor and e.on <= at]
    if not earlier:
        return None
    latest = max(e.on for e in earlier)
    return max((e.step for e in earlier if e.on == latest), key=lambda s: s.rank)


def _codes(log: JointWorkLog, structure: Structure | None = None) -> list[str]:
    return [f.code for f in log.validate(structure)]


class TestJointWorkStep:
    def test_order(self) -> None:
        """Information sharing < shared goal picture < joint plan, with ranks 1 to 3."""
        assert INFO < GOAL < PLAN
        assert PLAN > GOAL >= INFO
        assert INFO <= GOAL
        assert not PLAN <= GOAL
        assert [s.rank for s in JointWorkStep] == [1, 2, 3]
        assert max(JointWorkStep) is PLAN

    def test_compares_only_with_steps(self) -> None:
        """Comparing a step with something else is a TypeError, not an answer."""
        for compare in (operator.lt, operator.le, operator.gt, operator.ge):
            with pytest.raises(TypeError):
                compare(INFO, 1)

    def test_labels(self) -> None:
        """Steps carry Swedish and English labels."""
        assert INFO.label("sv") == "Informationsdelning"
        assert PLAN.label("en") == "Joint plan"
        assert JointWorkStep.from_value("shared-goal-picture") is GOAL


class TestJointWork:
    def test_defaults(self) -> None:
        """The note is empty and the body unknown unless given."""
        entry = JointWork("polisen", INFO, T0)
        assert (entry.note, entry.body) == ("", None)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"actor": "Polisen"}, "^actor: "),
            ({"step": "joint-plan"}, "step"),
            ({"on": date(2025, 3, 4)}, "^on: expected a datetime"),
            ({"on": T0.replace(tzinfo=UTC)}, "^on: expected a naive datetime"),
            ({"note": None}, "^note: expected text"),
            ({"body": "ISF"}, "^body: "),
        ],
    )
    def test_invalid_fields_are_refused_by_name(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Each invalid field is refused with a message naming it."""
        fields: dict[str, object] = {"actor": "polisen", "step": INFO, "on": T0}
        with pytest.raises((TypeError, ValueError), match=message):
            JointWork(**(fields | changes))  # type: ignore[arg-type]


class TestJointWorkLog:
    @given(st.lists(entries, max_size=10), st.randoms(use_true_random=False))
    def test_order_given_does_not_matter(self, items: list[JointWork], rnd: Random) -> None:
        """Entries are kept in canonical order, so shuffled input gives an equal log."""
        shuffled = list(items)
        rnd.shuffle(shuffled)
        assert JointWorkLog(items) == JointWorkLog(shuffled)

    def test_refuses_other_items_by_index(self) -> None:
        """Something that is not an entry is refused with its index."""
        with pytest.raises(TypeError, match=r"^entries\[1\]: expected JointWork"):
            JointWorkLog([JointWork("sl", INFO, T0), "sl"])  # type: ignore[list-item]

    def test_actors_and_history(self) -> None:
        """The actors with entries are listed; history gives one actor's entries in order."""
        later = JointWork("sl", GOAL, T0 + timedelta(hours=1))
        first = JointWork("sl", INFO, T0)
        log = JointWorkLog([later, JointWork("polisen", INFO, T0), first])
        assert log.actors == ("polisen", "sl")
        assert log.history("sl") == (first, later)
        assert log.history("nobody") == ()

    @given(st.lists(entries, max_size=12), moments)
    def test_step_at_is_the_latest_entry(self, items: list[JointWork], at: datetime) -> None:
        """step_at is the step of the actor's latest entry at or before at (highest on a tie)."""
        log = JointWorkLog(items)
        for actor in ("polisen", "sl", "sos-alarm"):
            assert log.step_at(actor, at) is _oracle(items, actor, at)

    @given(st.lists(entries, max_size=12), moments)
    def test_steps_at_agrees_with_step_at(self, items: list[JointWork], at: datetime) -> None:
        """steps_at holds every started actor's step_at, and at_step groups them by step."""
        log = JointWorkLog(items)
        steps = log.steps_at(at)
        expected = {a: log.step_at(a, at) for a in log.actors}
        assert steps == {a: s for a, s in expected.items() if s is not None}
        for step in JointWorkStep:
            assert log.at_step(step, at) == tuple(sorted(a for a, s in steps.items() if s is step))

    @pytest.mark.parametrize("at", [date(2025, 3, 4), T0.replace(tzinfo=UTC)])
    def test_refuses_what_is_not_a_naive_datetime(self, at: object) -> None:
        """The queries refuse a date or an aware datetime with a message naming at."""
        log = JointWorkLog([JointWork("sl", INFO, T0)])
        with pytest.raises(TypeError, match=r"^at: expected a naive datetime"):
            log.step_at("sl", at)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^at: "):
            log.steps_at(at)  # type: ignore[arg-type]


class TestJointWorkFindings:
    def test_codes_are_registered_as_warnings(self) -> None:
        """Both step codes are registered warnings of the joint-work scope."""
        for code in ("joint-work-step-skipped", "joint-work-step-back"):
            assert FINDING_CODES[code].severity is Severity.WARNING
            assert FINDING_CODES[code].scope == "joint-work"

    @given(
        st.lists(st.integers(-1, 1), max_size=8),
        st.sampled_from(["polisen", "sl"]),
    )
    def test_one_step_at_a_time_upwards_is_clean(self, moves: list[int], actor: str) -> None:
        """Climbing one step at a time, or staying, never gives a finding."""
        rank, log = 1, [JointWork(actor, INFO, T0)]
        for i, move in enumerate(moves, start=1):
            rank = min(3, rank + max(move, 0))
            log.append(JointWork(actor, list(JointWorkStep)[rank - 1], T0 + timedelta(hours=i)))
        assert _codes(JointWorkLog(log)) == []

    @pytest.mark.parametrize(
        ("steps", "code"),
        [
            ((GOAL,), "joint-work-step-skipped"),
            ((PLAN,), "joint-work-step-skipped"),
            ((INFO, PLAN), "joint-work-step-skipped"),
            ((INFO, GOAL, INFO), "joint-work-step-back"),
            ((INFO, GOAL, PLAN, GOAL), "joint-work-step-back"),
        ],
    )
    def test_unexplained_changes(self, steps: tuple[JointWorkStep, ...], code: str) -> None:
        """A skipped step or a step back without a note is a finding about that actor."""
        log = JointWorkLog(
            JointWork("sl", step, T0 + timedelta(hours=i)) for i, step in enumerate(steps)
        )
        findings = log.validate()
        assert [f.code for f in findings] == [code]
        assert findings[0].subject == ("sl",)
        assert findings[0].severity is Severity.WARNING

    @pytest.mark.parametrize("steps", [(PLAN,), (INFO, PLAN), (INFO, PLAN, INFO)])
    def test_a_note_explains_the_change(self, steps: tuple[JointWorkStep, ...]) -> None:
        """With a note on the entry, skipping or stepping back is no finding."""
        log = JointWorkLog(
            JointWork("sl", step, T0 + timedelta(hours=i), note="the ISF agreed")
            for i, step in enumerate(steps)
        )
        assert _codes(log) == []

    def test_actors_are_judged_separately(self) -> None:
        """One actor's step does not count as another's previous step."""
        log = JointWorkLog(
            [
                JointWork("polisen", INFO, T0),
                JointWork("polisen", GOAL, T0 + timedelta(hours=1)),
                JointWork("sl", INFO, T0 + timedelta(hours=2)),
            ]
        )
        assert _codes(log) == []

    def test_references_are_checked_against_a_structure(self) -> None:
        """With a structure, unknown actor and body ids are unresolved references."""
        structure = Structure(
            "test",
            actors=[Actor("sl", "SL", OrganisationKind.COMPANY, GovernanceLevel.REGIONAL)],
            bodies=[Body("isf", "ISF", BodyKind.ISF, GovernanceLevel.REGIONAL)],
        )
        log = JointWorkLog(
            [
                JointWork("sl", INFO, T0, body="isf"),
                JointWork("polisen", INFO, T0, body="isk"),
            ]
        )
        findings = log.validate(structure)
        assert [f.code for f in findings] == ["unresolved-reference"] * 2
        assert {f.subject for f in findings} == {("polisen",), ("polisen", "isk")}
        assert "entries[0].actor" in findings[0].message
        assert _codes(log) == []


class TestIsk:
    def test_isk_is_a_body_kind_that_agrees_on_direction(self) -> None:
        """ISK, the lighter contact form, is a body kind that may agree on direction."""
        from samverkan_model.structure.validation import DECIDING_KINDS

        assert BodyKind.ISK.value == "isk"
        assert "ISK" in BodyKind.ISK.label("sv")
        assert BodyKind.ISK in DECIDING_KINDS
