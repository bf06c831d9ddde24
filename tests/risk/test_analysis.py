from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import CheckError, Structure
from samverkan_model.geography import Area
from samverkan_model.risk import (
    Analysis,
    Basis,
    Confidence,
    LivingCondition,
    Measure,
    MeasureStatus,
    NotRelevant,
    Phase,
    Risk,
    RiskMatrix,
    StatusChange,
)
from tests.risk.strategies import days, followed_analyses, simple_levels, simple_scale

D = date(2025, 3, 1)
EDU, DEM = LivingCondition.EDUCATION, LivingCondition.DEMOCRACY


def risk(risk_id: str, lik: int = 2, con: int = 2, *conds: LivingCondition) -> Risk:
    return Risk(risk_id, "x", "", conds or {EDU}, lik, con, Confidence.LOW, Basis.INTUITION)


def replay(
    history: tuple[StatusChange, ...] | list[StatusChange], measure: str, as_of: date
) -> MeasureStatus | None:
    """The reference: walk the changes in stable date order and keep the last one in time."""
    status = None
    for change in sorted(history, key=lambda c: c.on):
        if change.measure == measure and change.on <= as_of:
            status = change.status
    return status


class TestConstruction:
    def test_minimal(self) -> None:
        """Only id and title are required; everything else defaults to None or empty."""
        a = Analysis("rsa", "Sociala risker")
        assert a.area is None
        assert a.held_on == ()
        assert a.method is None
        assert a.participants == frozenset()
        assert a.documentation_owner is None
        assert a.recipients == frozenset()
        assert a.distribution is None
        assert a.follow_up_agreement is None
        assert a.living_conditions_discussed == frozenset()
        assert (a.risks, a.measures, a.history, a.not_relevant) == ((), (), (), ())
        assert a.risk_matrix == RiskMatrix.default()

    def test_canonical_order(self) -> None:
        """Risks and measures sort by id, the history stably by date, exclusions by condition."""
        m = [Measure(i, "x", Phase.PROACTIVE, {"a"}) for i in ("m2", "m1")]
        history = [
            StatusChange("m2", date(2025, 2, 1), MeasureStatus.PLANNED),
            StatusChange("m1", date(2025, 1, 1), MeasureStatus.ONGOING, "first"),
            StatusChange("m1", date(2025, 1, 1), MeasureStatus.PLANNED, "second"),
        ]
        a = Analysis(
            "rsa",
            "x",
            risks=[risk("r2"), risk("r1")],
            measures=m,
            history=history,
            not_relevant=[NotRelevant(DEM, "a"), NotRelevant(EDU, "b")],
        )
        assert [r.id for r in a.risks] == ["r1", "r2"]
        assert [x.id for x in a.measures] == ["m1", "m2"]
        assert [c.note for c in a.history] == ["first", "second", ""]
        assert [n.living_condition for n in a.not_relevant] == [EDU, DEM]
        assert a == Analysis(
            "rsa",
            "x",
            risks=a.risks,
            measures=a.measures,
            history=a.history,
            not_relevant=a.not_relevant,
        )
        assert hash(a) == hash(attrs.evolve(a))

    def test_held_on(self) -> None:
        """held_on takes a single date or several, kept sorted."""
        assert Analysis("rsa", "x", held_on=D).held_on == (D,)
        assert Analysis("rsa", "x", held_on=[D, date(2025, 2, 1)]).held_on == (date(2025, 2, 1), D)
        with pytest.raises(TypeError, match="held_on: expected dates"):
            Analysis("rsa", "x", held_on=[D, datetime(2025, 1, 1)])
        with pytest.raises(TypeError, match="held_on: expected a date or a collection"):
            Analysis("rsa", "x", held_on=5)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("area", "0181", "area"),
            ("participants", "kommunen", "participants: expected a collection"),
            ("documentation_owner", "Kommunen", "documentation_owner"),
            ("risks", [1], r"risks\[0\]: expected Risk"),
            ("risks", 5, "risks: expected a collection"),
            ("measures", ["m1"], r"measures\[0\]: expected Measure"),
            ("history", [None], "history"),
            ("risk_matrix", None, "risk_matrix"),
            ("method", "RSA", "method"),
            ("distribution", 5, "distribution: expected text"),
        ],
    )
    def test_bad_fields(self, field: str, value: object, message: str) -> None:
        """Bad fields are refused by name."""
        with pytest.raises((TypeError, ValueError, AttributeError), match=message):
            Analysis("rsa", "x", **{field: value})  # type: ignore[arg-type]

    def test_area(self) -> None:
        """The area is a geography Area."""
        assert Analysis("rsa", "x", area=Area("0181")).area == Area("0181")


class TestLookups:
    def test_risk_and_measure(self) -> None:
        """risk() and measure() find by id and raise KeyError naming the analysis otherwise."""
        a = Analysis(
            "rsa", "x", risks=[risk("r1")], measures=[Measure("m1", "x", Phase.REACTIVE, {"a"})]
        )
        assert a.risk("r1").id == "r1"
        assert a.measure("m1").id == "m1"
        with pytest.raises(KeyError, match="no risk with id 'r9' in analysis 'rsa'"):
            a.risk("r9")
        with pytest.raises(KeyError, match="no measure with id 'm9' in analysis 'rsa'"):
            a.measure("m9")
        with pytest.raises(KeyError):
            a.status("m9", D)

    def test_duplicates_first_wins(self) -> None:
        """With repeated ids the index keeps the first (validate reports the repeat)."""
        a = Analysis("rsa", "x", risks=[risk("r1", 1), risk("r1", 2)])
        assert a.risk("r1").likelihood in (1, 2)
        assert len(a.risks) == 2


class TestStatus:
    def test_same_day_keeps_recorded_order(self) -> None:
        """Two changes on the same day apply in the order recorded: the last one wins."""
        m = Measure("m1", "x", Phase.PROACTIVE, {"a"})
        a = Analysis(
            "rsa",
            "x",
            measures=[m],
            history=[
                StatusChange("m1", D, MeasureStatus.PLANNED),
                StatusChange("m1", D, MeasureStatus.ONGOING),
            ],
        )
        assert a.status("m1", D) is MeasureStatus.ONGOING
        assert a.status("m1", D - timedelta(days=1)) is None
        assert a.latest_status("m1") is MeasureStatus.ONGOING
        assert [c.status for c in a.history_of("m1")] == [
            MeasureStatus.PLANNED,
            MeasureStatus.ONGOING,
        ]

    def test_record_appends(self) -> None:
        """record() returns a new version with the changes appended; the original is untouched."""
        a = Analysis("rsa", "x", measures=[Measure("m1", "x", Phase.PROACTIVE, {"a"})])
        b = a.record(StatusChange("m1", D, MeasureStatus.PLANNED))
        assert a.history == ()
        assert a.latest_status("m1") is None
        assert b.status("m1", D) is MeasureStatus.PLANNED

    @given(followed_analyses(legal=False), days)
    def test_status_equals_replay(self, a: Analysis, as_of: date) -> None:
        """status(as_of) equals replaying the events up to as_of."""
        for m in a.measures:
            assert a.status(m.id, as_of) is replay(a.history, m.id, as_of)

    @given(followed_analyses(legal=False), days)
    def test_snapshot_is_every_status(self, a: Analysis, as_of: date) -> None:
        """snapshot(as_of) maps every measure id to its status on that day."""
        snap = a.snapshot(as_of)
        assert list(snap) == [m.id for m in a.measures]
        assert all(snap[m.id] is a.status(m.id, as_of) for m in a.measures)

    @given(
        followed_analyses(legal=False),
        days,
        st.integers(min_value=1, max_value=400),
        st.sampled_from(list(MeasureStatus)),
        st.data(),
    )
    def test_later_event_never_changes_snapshot(
        self, a: Analysis, as_of: date, later: int, status: MeasureStatus, data: st.DataObject
    ) -> None:
        """Adding an event dated after as_of never changes the snapshot at as_of."""
        ids = [m.id for m in a.measures] or ["m9"]
        measure = data.draw(st.sampled_from(ids))
        b = a.record(StatusChange(measure, as_of + timedelta(days=later), status))
        assert b.snapshot(as_of) == a.snapshot(as_of)


class TestViews:
    def test_matrix_counts(self) -> None:
        """matrix() counts risks per cell, lists them and keeps off-scale risks apart."""
        a = Analysis(
            "rsa",
            "x",
            risks=[risk("r1", 4, 3), risk("r2", 4, 3), risk("r3", 1, 1), risk("r4", 6, 1)],
        )
        summary = a.matrix()
        assert summary.cell(4, 3).risks == ("r1", "r2")
        assert summary.count(4, 3) == 2
        assert summary.count(1, 1) == 1
        assert summary.off_scale == ("r4",)
        assert sum(sum(row) for row in summary.counts()) == 3
        assert summary.counts()[3][2] == 2
        assert len(summary.cells) == 25
        assert {lv.value: n for lv, n in summary.by_level()} == {1: 1, 2: 0, 3: 2, 4: 0}
        with pytest.raises(ValueError, match="likelihood 6 is not on the scale"):
            summary.cell(6, 1)

    def test_matrix_other(self) -> None:
        """matrix(m) places the risks in another matrix."""
        other = RiskMatrix(simple_scale(2), simple_scale(3), simple_levels(1), [[1, 1, 1]] * 2)
        a = Analysis("rsa", "x", risks=[risk("r1", 2, 3), risk("r2", 3, 3)])
        summary = a.matrix(other)
        assert summary.matrix is other
        assert summary.counts() == ((0, 0, 0), (0, 0, 1))
        assert summary.off_scale == ("r2",)

    def test_by_living_condition(self) -> None:
        """Risks and measures group by living condition; measures also through their risks."""
        a = Analysis(
            "rsa",
            "x",
            living_conditions_discussed={EDU},
            not_relevant=[NotRelevant(DEM, "tas i annan analys")],
            risks=[risk("r1", 2, 2, EDU)],
            measures=[
                Measure("m1", "x", Phase.REACTIVE, {"a"}, risks={"r1", "r9"}),
                Measure("m2", "x", Phase.PROACTIVE, {"a"}, living_conditions={DEM}),
            ],
        )
        groups = {g.living_condition: g for g in a.by_living_condition()}
        assert list(groups) == list(LivingCondition)
        assert groups[EDU].discussed
        assert groups[EDU].risks == ("r1",)
        assert groups[EDU].measures == ("m1",)
        assert groups[EDU].not_relevant is None
        assert groups[DEM].measures == ("m2",)
        assert groups[DEM].not_relevant == "tas i annan analys"
        assert not groups[LivingCondition.EMPLOYMENT].discussed
        assert a.not_relevant_conditions == frozenset({DEM})


class TestCheck:
    def test_check_returns_self_or_raises(self) -> None:
        """check() returns the analysis when nothing is an error, else lists the errors."""
        a = Analysis("rsa", "x", risks=[risk("r1", 9)])
        with pytest.raises(CheckError, match="analysis 'rsa' has 1 error") as info:
            a.check()
        assert info.value.findings[0].code == "assessment-off-scale"
        ok = Analysis("rsa", "x")
        assert ok.check() is ok
        assert ok.check(Structure("s")) is ok
