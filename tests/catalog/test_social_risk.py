from __future__ import annotations

from datetime import date, timedelta

import attrs

from samverkan_model import Decision, DecisionKind, Structure, catalog
from samverkan_model.catalog.social_risk import ANALYSIS_ID, FIRST_FOLLOW_UP, NEXT_FOLLOW_UP
from samverkan_model.risk import (
    Analysis,
    FollowUpRegister,
    LivingCondition,
    MeasureStatus,
    Phase,
    StatusChange,
)

S = MeasureStatus
JUNE = date(2025, 6, 1)


def example() -> Analysis:
    return catalog.social_risk_example()


class TestExample:
    def test_cached_and_named(self) -> None:
        """The example is built once; it is a Södertälje analysis that says it is fictional."""
        a = example()
        assert catalog.social_risk_example() is a
        assert a.id == ANALYSIS_ID
        assert a.area is not None
        assert a.area.name == "Södertälje"
        assert a.area.place is not None
        assert "fiktivt" in a.title

    def test_validates_clean_against_the_region(self) -> None:
        """The example has no finding at all against stockholm_region()."""
        region = catalog.stockholm_region()
        assert example().validate(region) == ()
        assert example().check(region) is example()

    def test_every_method_step_done(self) -> None:
        """Every step of the method is done, the optional scenarios included."""
        c = example().completeness()
        assert c.done
        assert all(step.done for step in c.steps)

    def test_exercises_every_part(self) -> None:
        """Every living condition is considered, and risks and measures use every feature."""
        a = example()
        considered = a.living_conditions_discussed | a.not_relevant_conditions
        assert considered == frozenset(LivingCondition)
        assert all(n.reason for n in a.not_relevant)
        assert any(r.scenario for r in a.risks)
        assert any(r.evidence for r in a.risks)
        assert len({r.confidence for r in a.risks}) == 3
        assert len({r.basis for r in a.risks}) == 3
        assert any(len(r.protected_values) > 1 for r in a.risks)
        assert {m.phase for m in a.measures} == set(Phase)
        assert {c.status for c in a.history} == set(MeasureStatus)
        assert a.follow_up_agreement is not None
        assert a.follow_up_agreement.dates(NEXT_FOLLOW_UP) == (FIRST_FOLLOW_UP, NEXT_FOLLOW_UP)
        assert a.documentation_owner in a.participants


class TestFollowUpMeeting:
    """The follow-up meeting of 16 September 2025, and the preparations for March 2026."""

    def test_june_shows_what_was_known_in_june(self) -> None:
        """The June snapshot shows the cancellation and the hold, not the September decisions."""
        june = example().snapshot(JUNE)
        assert june["medborgardialoger"] is S.CANCELLED
        assert june["budget-och-skuldradgivning"] is S.ON_HOLD
        assert june["laxhjalp-bibliotek"] is S.ONGOING
        september = example().snapshot(FIRST_FOLLOW_UP)
        assert september["medborgardialoger"] is S.PLANNED
        assert september["laxhjalp-bibliotek"] is S.IMPLEMENTED

    def test_reopening_carries_a_note(self) -> None:
        """The cancelled measure was reopened at the meeting with a note saying why."""
        history = example().history_of("medborgardialoger")
        assert [c.status for c in history] == [S.PLANNED, S.CANCELLED, S.PLANNED]
        assert history[-1].note

    def test_overdue_at_the_meeting(self) -> None:
        """At the meeting the reactive joint response is past its due date."""
        overdue = example().overdue(FIRST_FOLLOW_UP)
        assert [m.id for m in overdue] == ["samordnad-insats-vid-oro"]

    def test_per_actor_view(self) -> None:
        """Each responsible actor sees its own counts and overdue measures."""
        view = {s.actor: s for s in example().by_responsible(FIRST_FOLLOW_UP)}
        assert set(view) == {
            "lansstyrelsen-stockholm",
            "polisregion-stockholm",
            "region-stockholm",
            "sodertalje-kommun",
            "sodertorns-brandforsvarsforbund",
        }
        kommun = view["sodertalje-kommun"]
        assert kommun.total == len(example().measures)
        assert (kommun.implemented, kommun.ongoing, kommun.planned) == (2, 4, 2)
        assert [str(r) for r in view["polisregion-stockholm"].overdue] == [
            f"{ANALYSIS_ID}/samordnad-insats-vid-oro"
        ]

    def test_progress_over_the_year(self) -> None:
        """Progress rises from nothing implemented in March to two measures in September."""
        series = example().progress_over([date(2025, 3, 1), JUNE, FIRST_FOLLOW_UP])
        assert [p.implemented for p in series] == [0, 1, 2]
        assert series[1].cancelled == 1
        assert series[-1].share_proactive == 7 / 8

    def test_preparing_the_next_meeting(self) -> None:
        """A month before March, the open measures come up for follow-up."""
        due = example().follow_ups_due(NEXT_FOLLOW_UP - timedelta(days=30), timedelta(days=30))
        assert {m.id for m in due} == {
            m.id
            for m in example().measures
            if not example().status(m.id, NEXT_FOLLOW_UP).is_closed  # type: ignore[union-attr]
        }
        assert "feriejobb" not in {m.id for m in due}

    def test_recording_the_next_meeting_keeps_september(self) -> None:
        """Recording the March decisions leaves the September snapshot as it was."""
        march = example().record(
            StatusChange("budget-och-skuldradgivning", NEXT_FOLLOW_UP, S.IMPLEMENTED),
            StatusChange("feriejobb", NEXT_FOLLOW_UP, S.PLANNED),
        )
        assert march.snapshot(FIRST_FOLLOW_UP) == example().snapshot(FIRST_FOLLOW_UP)
        assert march.status("budget-och-skuldradgivning", NEXT_FOLLOW_UP) is S.IMPLEMENTED
        codes = [f.code for f in march.validate()]
        assert codes == ["illegal-status-transition"]  # feriejobb reopened without a note

    def test_county_register(self) -> None:
        """A county register keeps the same measure ids of two analyses apart."""
        other = attrs.evolve(example(), id="nykvarn-sociala-risker-2025", title="Nykvarn")
        register = FollowUpRegister([example(), other])
        overdue = [str(e.ref) for e in register.overdue(FIRST_FOLLOW_UP)]
        assert overdue == [
            "nykvarn-sociala-risker-2025/samordnad-insats-vid-oro",
            f"{ANALYSIS_ID}/samordnad-insats-vid-oro",
        ]
        kommun = {s.actor: s for s in register.by_responsible(FIRST_FOLLOW_UP)}["sodertalje-kommun"]
        assert kommun.total == 2 * len(example().measures)

    def test_decisions_point_at_the_measures(self) -> None:
        """A direction decision can commission the example's measures; unknown ones are found."""
        region = catalog.stockholm_region()
        decision = Decision(
            "inriktning-sociala-risker",
            DecisionKind.DIRECTION,
            "regionala-chefsgruppen",
            date(2025, 12, 9),
            proposed_by="regionala-samordningsgruppen",
            measures=[f"{ANALYSIS_ID}/trygghetsvandringar", f"{ANALYSIS_ID}/saknas"],
        )
        with_decision: Structure = attrs.evolve(region, decisions=(*region.decisions, decision))
        missing = [
            f.subject
            for f in with_decision.validate([example()])
            if f.code == "decision-measure-missing"
        ]
        assert missing == [("inriktning-sociala-risker", f"{ANALYSIS_ID}/saknas")]
