from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import attrs
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import FINDING_CODES, Severity
from samverkan_model.risk import (
    Analysis,
    FollowUpAgreement,
    LivingCondition,
    Measure,
    MeasureStatus,
    Method,
    NotRelevant,
    Phase,
    StatusChange,
    Transition,
    transition,
)
from tests.risk.strategies import ACTORS, complete_analyses, structure_with

Break = Callable[[Analysis], Analysis]

ANALYSIS_CODES = {
    "analysis-duplicate-id": Severity.ERROR,
    "analysis-unresolved-reference": Severity.ERROR,
    "assessment-off-scale": Severity.ERROR,
    "illegal-status-transition": Severity.ERROR,
    "not-in-structure": Severity.ERROR,
    "risk-without-living-condition": Severity.WARNING,
    "assessment-without-confidence": Severity.WARNING,
    "living-condition-not-considered": Severity.WARNING,
    "living-condition-conflict": Severity.WARNING,
    "no-method": Severity.WARNING,
    "method-not-on-protected-values": Severity.WARNING,
    "no-participants": Severity.WARNING,
    "no-documentation-owner": Severity.WARNING,
    "no-recipients": Severity.WARNING,
    "no-follow-up-agreement": Severity.WARNING,
    "only-reactive-measures": Severity.WARNING,
    "proactive-measure-without-living-condition": Severity.WARNING,
    "reactive-measure-without-risk": Severity.WARNING,
    "measure-without-status": Severity.WARNING,
    "measure-without-follow-up": Severity.WARNING,
}


def codes(a: Analysis, with_structure: bool = True) -> list[str]:
    return sorted({f.code for f in a.validate(structure_with() if with_structure else None)})


T = TypeVar("T")


def _replace_first(items: tuple[T, ...], new: T) -> tuple[T, ...]:
    return (new, *items[1:])


def _last_day(a: Analysis) -> date:
    return max(c.on for c in a.history)


def with_fresh_measure(a: Analysis, **changes: Any) -> Analysis:
    """*a* with one more measure, ``m0``, anchored like the first and with no history yet."""
    fresh = attrs.evolve(a.measures[0], id="m0", **changes)
    return attrs.evolve(a, measures=(*a.measures, fresh))


# Each way of taking one required piece away, with the single code it must produce.
BREAKS: list[tuple[str, Break]] = [
    ("no-method", lambda a: attrs.evolve(a, method=None)),
    (
        "method-not-on-protected-values",
        lambda a: attrs.evolve(
            a, method=Method("Egen checklista", builds_on_protected_values=False)
        ),
    ),
    ("no-participants", lambda a: attrs.evolve(a, participants=frozenset())),
    ("no-documentation-owner", lambda a: attrs.evolve(a, documentation_owner=None)),
    ("no-recipients", lambda a: attrs.evolve(a, recipients=frozenset())),
    ("no-recipients", lambda a: attrs.evolve(a, distribution=None)),
    ("no-follow-up-agreement", lambda a: attrs.evolve(a, follow_up_agreement=None)),
    (
        "risk-without-living-condition",
        lambda a: attrs.evolve(
            a, risks=_replace_first(a.risks, attrs.evolve(a.risks[0], living_conditions=()))
        ),
    ),
    (
        "assessment-off-scale",
        lambda a: attrs.evolve(
            a,
            risks=_replace_first(
                a.risks, attrs.evolve(a.risks[0], likelihood=a.risk_matrix.likelihood.size + 1)
            ),
        ),
    ),
    (
        "assessment-off-scale",
        lambda a: attrs.evolve(
            a,
            risks=_replace_first(
                a.risks, attrs.evolve(a.risks[0], consequence=a.risk_matrix.consequence.size + 3)
            ),
        ),
    ),
    (
        "assessment-without-confidence",
        lambda a: attrs.evolve(
            a, risks=_replace_first(a.risks, attrs.evolve(a.risks[0], confidence=None))
        ),
    ),
    (
        "assessment-without-confidence",
        lambda a: attrs.evolve(
            a, risks=_replace_first(a.risks, attrs.evolve(a.risks[0], basis=None))
        ),
    ),
    (
        "living-condition-not-considered",
        lambda a: (
            attrs.evolve(a, not_relevant=a.not_relevant[1:])
            if a.not_relevant
            else attrs.evolve(
                a,
                # Forget having discussed a condition no risk or measure uses... or that one does:
                # nothing ties "discussed" to the risks, so any condition will do.
                living_conditions_discussed=a.living_conditions_discussed
                - {min(a.living_conditions_discussed, key=list(LivingCondition).index)},
            )
        ),
    ),
    (
        "living-condition-conflict",
        lambda a: attrs.evolve(
            a,
            not_relevant=(
                *a.not_relevant,
                NotRelevant(next(iter(a.risks[0].living_conditions)), "utanför uppdraget"),
            ),
        ),
    ),
    (
        "only-reactive-measures",
        lambda a: attrs.evolve(
            a, measures=[attrs.evolve(m, phase=Phase.REACTIVE) for m in a.measures]
        ),
    ),
    (
        "proactive-measure-without-living-condition",
        lambda a: attrs.evolve(
            a,
            measures=_replace_first(
                a.measures,
                attrs.evolve(a.measures[0], living_conditions=frozenset()),
            ),
        ),
    ),
    (
        "reactive-measure-without-risk",
        lambda a: attrs.evolve(
            a,
            measures=(
                *a.measures,
                Measure("m0", "Nattvandring", Phase.REACTIVE, {"a1"}, follow_up=_last_day(a)),
            ),
            history=(*a.history, StatusChange("m0", a.history[0].on, MeasureStatus.PLANNED)),
        ),
    ),
    (
        "measure-without-follow-up",
        lambda a: with_fresh_measure(a, follow_up=None).record(
            StatusChange("m0", _last_day(a), MeasureStatus.ONGOING)
        ),
    ),
    (
        "measure-without-status",
        lambda a: attrs.evolve(a, history=[c for c in a.history if c.measure != a.measures[0].id]),
    ),
    (
        "analysis-duplicate-id",
        lambda a: attrs.evolve(a, risks=(*a.risks, attrs.evolve(a.risks[0], title="kopia"))),
    ),
    (
        "analysis-duplicate-id",
        lambda a: attrs.evolve(
            a,
            measures=(*a.measures, attrs.evolve(a.measures[0], title="kopia")),
        ),
    ),
    (
        "analysis-unresolved-reference",
        lambda a: attrs.evolve(
            a,
            measures=_replace_first(
                a.measures, attrs.evolve(a.measures[0], risks=a.measures[0].risks | {"r99"})
            ),
        ),
    ),
    (
        "analysis-unresolved-reference",
        lambda a: a.record(StatusChange("m99", a.history[0].on, MeasureStatus.PLANNED)),
    ),
    (
        "illegal-status-transition",
        lambda a: a.record(
            StatusChange(
                a.measures[0].id, _last_day(a) + timedelta(days=1), MeasureStatus.IMPLEMENTED
            ),
            StatusChange(a.measures[0].id, _last_day(a) + timedelta(days=2), MeasureStatus.PLANNED),
        ),
    ),
    ("not-in-structure", lambda a: attrs.evolve(a, participants=a.participants | {"okand"})),
    ("not-in-structure", lambda a: attrs.evolve(a, documentation_owner="okand")),
    ("not-in-structure", lambda a: attrs.evolve(a, recipients={"okand"})),
    (
        "not-in-structure",
        lambda a: attrs.evolve(
            a, follow_up_agreement=FollowUpAgreement(date(2025, 9, 1), by="okand")
        ),
    ),
    (
        "not-in-structure",
        lambda a: attrs.evolve(
            a,
            measures=_replace_first(a.measures, attrs.evolve(a.measures[0], responsible={"okand"})),
        ),
    ),
    (
        "not-in-structure",
        lambda a: a.record(
            attrs.evolve(a.history[-1], on=_last_day(a), recorded_by="okand", note="")
        ),
    ),
]


class TestCodes:
    def test_registered_with_severity(self) -> None:
        """Every analysis finding code is registered with the documented severity."""
        registered = {c.code: c.severity for c in FINDING_CODES.values() if c.scope == "analysis"}
        assert registered == ANALYSIS_CODES


class TestValidate:
    @given(complete_analyses())
    def test_complete_analysis_has_no_findings(self, a: Analysis) -> None:
        """A complete analysis has no finding at all, with or without the structure."""
        assert a.validate() == ()
        assert a.validate(structure_with()) == ()
        assert a.check(structure_with()) is a

    @given(complete_analyses())
    def test_each_missing_piece_yields_its_code(self, a: Analysis) -> None:
        """Removing or breaking each required piece yields exactly its finding code."""
        for code, breaking in BREAKS:
            assert codes(breaking(a)) == [code], code

    def test_every_code_can_be_broken_into(self) -> None:
        """The breaking table reaches every analysis finding code."""
        assert {code for code, _ in BREAKS} == set(ANALYSIS_CODES)

    def test_structure_not_checked_without_one(self) -> None:
        """Without a structure, unknown actors are not findings."""
        a = Analysis("rsa", "x", participants={"okand"})
        assert "not-in-structure" not in {f.code for f in a.validate()}
        assert "not-in-structure" in {f.code for f in a.validate(structure_with())}

    def test_subject_ends_with_analysis_id(self) -> None:
        """Every finding's subject ends with the analysis id."""
        a = Analysis(
            "rsa",
            "x",
            participants={"okand"},
            measures=[Measure("m1", "x", Phase.REACTIVE, {"okand"}, risks={"r1"})],
            history=[StatusChange("m2", date(2025, 1, 1), MeasureStatus.PLANNED)],
        )
        findings = a.validate(structure_with(ACTORS))
        assert findings
        assert all(f.subject[-1] == "rsa" for f in findings)
        assert findings[0].severity is Severity.ERROR

    def test_messages(self) -> None:
        """Messages say what is wrong in plain words."""
        a = Analysis(
            "rsa",
            "x",
            measures=[Measure("m1", "x", Phase.PROACTIVE, {"a"})],
            history=[
                StatusChange("m1", date(2025, 1, 1), MeasureStatus.IMPLEMENTED),
                StatusChange("m1", date(2025, 2, 1), MeasureStatus.ONGOING),
                StatusChange("m1", date(2025, 3, 1), MeasureStatus.CANCELLED),
                StatusChange("m1", date(2025, 4, 1), MeasureStatus.IMPLEMENTED),
            ],
            distribution="e-post",
        )
        messages = {f.message for f in a.validate() if f.code == "illegal-status-transition"}
        assert messages == {
            "measure 'm1' goes from implemented to ongoing on 2025-02-01, which needs a note "
            "saying why it is reopened",
            "measure 'm1' goes from cancelled to implemented on 2025-04-01, which is not allowed",
        }
        recipients = [f.message for f in a.validate() if f.code == "no-recipients"]
        assert recipients == ["not decided: who receives the result"]

    @given(
        complete_analyses(),
        st.sampled_from([MeasureStatus.IMPLEMENTED, MeasureStatus.CANCELLED]),
        st.sampled_from([MeasureStatus.PLANNED, MeasureStatus.ONGOING]),
    )
    def test_reopening_with_note_is_fine(
        self, a: Analysis, closed: MeasureStatus, status: MeasureStatus
    ) -> None:
        """Reopening an implemented or cancelled measure with a note is not a finding."""
        b = with_fresh_measure(a)
        last = max(c.on for c in a.history)
        b = b.record(
            StatusChange("m0", last + timedelta(days=1), closed),
            StatusChange("m0", last + timedelta(days=2), status, "Effekten uteblev, tas upp igen"),
        )
        assert b.validate() == ()

    @given(complete_analyses(), st.data())
    def test_illegal_transition_always_found(self, a: Analysis, data: st.DataObject) -> None:
        """Any forbidden change, or a reopening without a note, is always an error finding."""
        pairs = [
            (before, after)
            for before in MeasureStatus
            for after in MeasureStatus
            if transition(before, after) is not Transition.ALLOWED
        ]
        before, after = data.draw(st.sampled_from(pairs))
        last = max(c.on for c in a.history)
        same_day = data.draw(st.booleans())
        b = with_fresh_measure(a).record(
            StatusChange("m0", last + timedelta(days=1), before),
            StatusChange("m0", last + timedelta(days=1 if same_day else 5), after, " "),
        )
        illegal = [f for f in b.validate() if f.code == "illegal-status-transition"]
        assert len(illegal) == 1
        assert illegal[0].severity is Severity.ERROR
        assert illegal[0].subject == ("m0", a.id)
        assert codes(b) == ["illegal-status-transition"]
