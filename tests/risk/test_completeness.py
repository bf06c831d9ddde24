from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given

from samverkan_model.risk import (
    Analysis,
    Completeness,
    Measure,
    MeasureStatus,
    Method,
    MethodStep,
    Phase,
    StatusChange,
    StepResult,
)
from tests.risk.strategies import complete_analyses

D = date(2025, 3, 1)


def missing(a: Analysis, step: MethodStep) -> tuple[str, ...]:
    return a.completeness().step(step).missing


class TestCompleteness:
    def test_steps_in_method_order(self) -> None:
        """One result per method step, in the method's order; only scenarios are optional."""
        c = Analysis("rsa", "x").completeness()
        assert [s.step for s in c.steps] == list(MethodStep)
        assert [s.optional for s in c.steps] == [s is MethodStep.SCENARIOS for s in MethodStep]
        assert MethodStep.DOCUMENTATION.label("sv") == "Dokumentation, spridning och uppföljning"

    def test_empty_analysis(self) -> None:
        """An empty analysis says what is missing from every step."""
        a = Analysis("rsa", "x")
        assert not a.completeness().done
        assert missing(a, MethodStep.PREPARATION) == (
            "no method recorded",
            "no participants",
            "no workshop date",
        )
        assert missing(a, MethodStep.LIVING_CONDITIONS)[0].startswith("not considered: education")
        assert missing(a, MethodStep.RISK_ASSESSMENT) == ("no risks recorded",)
        assert missing(a, MethodStep.SCENARIOS) == ("no risk has a scenario",)
        assert missing(a, MethodStep.MEASURES) == ("no measures recorded",)
        assert missing(a, MethodStep.DOCUMENTATION) == (
            "no documentation owner",
            "no recipients",
            "not decided how the result is distributed",
            "no follow-up agreed",
        )

    @given(complete_analyses())
    def test_complete_analysis_is_done(self, a: Analysis) -> None:
        """A complete analysis has every required step done."""
        c = a.completeness()
        assert c.done
        assert c.missing_steps == ()
        assert all(s.done for s in c.steps if not s.optional)

    @given(complete_analyses())
    def test_scenarios_are_optional(self, a: Analysis) -> None:
        """Dropping every scenario leaves the analysis done, with the scenario step open."""
        b = attrs.evolve(a, risks=[attrs.evolve(r, scenario=None) for r in a.risks])
        c = b.completeness()
        assert c.done
        assert not c.step(MethodStep.SCENARIOS).done

    @given(complete_analyses())
    def test_gaps_show_in_their_steps(self, a: Analysis) -> None:
        """Each gap shows in the step it belongs to."""
        r, m = a.risks[0], a.measures[0]
        b = attrs.evolve(
            a,
            method=Method("Egen", builds_on_protected_values=False),
            risks=(attrs.evolve(r, living_conditions=(), likelihood=99, basis=None), *a.risks[1:]),
            measures=(*a.measures, Measure("m0", "Ny", Phase.PROACTIVE, {"a1"})),
        )
        assert missing(b, MethodStep.PREPARATION) == (
            "the method does not start from the protected values",
        )
        assert missing(b, MethodStep.RISK_ASSESSMENT) == (
            f"risks without a living condition: {r.id}",
            f"risks off the matrix's scales: {r.id}",
            f"risks without confidence or basis: {r.id}",
        )
        assert missing(b, MethodStep.MEASURES) == (
            "measures without a status: m0",
            "open measures without a follow-up date: m0",
        )
        assert b.completeness().missing_steps == (
            MethodStep.PREPARATION,
            MethodStep.RISK_ASSESSMENT,
            MethodStep.MEASURES,
        )
        assert m.id in {x.id for x in b.measures}

    def test_closed_measures_need_no_follow_up(self) -> None:
        """An implemented or cancelled measure needs no follow-up date."""
        a = Analysis(
            "rsa",
            "x",
            measures=[Measure("m1", "x", Phase.PROACTIVE, {"a"})],
            history=[StatusChange("m1", D, MeasureStatus.IMPLEMENTED)],
        )
        assert missing(a, MethodStep.MEASURES) == ()
        b = a.record(StatusChange("m1", D, MeasureStatus.ONGOING, "igen"))
        assert missing(b, MethodStep.MEASURES) == ("open measures without a follow-up date: m1",)

    def test_result_types(self) -> None:
        """StepResult.done is 'nothing missing'; Completeness holds the results."""
        ok = StepResult(MethodStep.MEASURES)
        assert ok.done
        assert not ok.optional
        c = Completeness([ok])
        assert c.done
        assert c.step(MethodStep.MEASURES) is ok
