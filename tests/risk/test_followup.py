from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given

from samverkan_model import MeasureRef
from samverkan_model.risk import (
    Analysis,
    Measure,
    MeasureEntry,
    MeasureStatus,
    Phase,
    Progress,
    ResponsibleSummary,
    StatusChange,
)
from samverkan_model.risk.followup import STATUS_FIELDS, merge_summaries
from tests.risk.strategies import days, followed_analyses

D = date(2025, 3, 1)
S = MeasureStatus


def analysis() -> Analysis:
    return Analysis(
        "rsa",
        "x",
        measures=[
            Measure("m1", "x", Phase.PROACTIVE, {"a", "b"}, due=D, follow_up=D),
            Measure("m2", "x", Phase.REACTIVE, {"a"}, due=D, follow_up=D + timedelta(days=10)),
            Measure("m3", "x", Phase.PROACTIVE, {"b"}, due=D + timedelta(days=30)),
            Measure("m4", "x", Phase.PROACTIVE, {"c"}),
        ],
        history=[
            StatusChange("m1", D - timedelta(days=60), S.PLANNED),
            StatusChange("m2", D - timedelta(days=60), S.ONGOING),
            StatusChange("m2", D - timedelta(days=1), S.IMPLEMENTED),
            StatusChange("m4", D, S.CANCELLED),
        ],
    )


class TestOverdue:
    def test_due_date_itself_is_not_overdue(self) -> None:
        """A measure is overdue from the day after its due date."""
        a = analysis()
        assert a.overdue(D) == ()
        assert [m.id for m in a.overdue(D + timedelta(days=1))] == ["m1"]

    def test_without_status_counts_as_not_done(self) -> None:
        """A measure with no recorded status past its due date is overdue."""
        a = analysis()
        assert [m.id for m in a.overdue(D + timedelta(days=31))] == ["m1", "m3"]

    @given(followed_analyses(legal=False), days)
    def test_overdue_definition(self, a: Analysis, as_of: date) -> None:
        """overdue() is exactly: due before as_of and not implemented or cancelled then."""
        expected = [
            m.id
            for m in a.measures
            if m.due is not None
            and m.due < as_of
            and a.status(m.id, as_of) not in (S.IMPLEMENTED, S.CANCELLED)
        ]
        assert [m.id for m in a.overdue(as_of)] == expected


class TestFollowUpsDue:
    def test_window(self) -> None:
        """follow_ups_due includes follow-ups up to as_of + within, skipping closed measures."""
        a = analysis()
        assert [m.id for m in a.follow_ups_due(D)] == ["m1"]
        assert [m.id for m in a.follow_ups_due(D - timedelta(days=5), timedelta(days=5))] == ["m1"]
        assert [m.id for m in a.follow_ups_due(D - timedelta(days=5))] == []
        # m2 was implemented before its follow-up date, so it does not come up.
        assert [m.id for m in a.follow_ups_due(D, timedelta(days=30))] == ["m1"]

    @given(followed_analyses(legal=False), days)
    def test_missed_follow_ups_stay_due(self, a: Analysis, as_of: date) -> None:
        """A follow-up date already passed is still due until the measure is closed."""
        due = {m.id for m in a.follow_ups_due(as_of)}
        for m in a.measures:
            status = a.status(m.id, as_of)
            open_ = status is None or not status.is_closed
            assert (m.id in due) == (m.follow_up is not None and m.follow_up <= as_of and open_)


class TestByResponsible:
    def test_counts_and_overdue(self) -> None:
        """Each actor gets its measures' status counts and overdue references."""
        a = analysis()
        summary = {s.actor: s for s in a.by_responsible(D + timedelta(days=1))}
        assert list(summary) == ["a", "b", "c"]
        assert summary["a"] == ResponsibleSummary(
            "a", planned=1, implemented=1, overdue=(MeasureRef("rsa", "m1"),)
        )
        assert summary["b"] == ResponsibleSummary(
            "b", planned=1, unrecorded=1, overdue=(MeasureRef("rsa", "m1"),)
        )
        assert summary["c"].cancelled == 1
        assert summary["c"].total == 1

    @given(followed_analyses(legal=False), days)
    def test_every_measure_counts_for_each_responsible(self, a: Analysis, as_of: date) -> None:
        """Per actor, the counts add up to the measures it is responsible for, status by status."""
        for s in a.by_responsible(as_of):
            mine = [m for m in a.measures if s.actor in m.responsible]
            assert s.total == len(mine)
            statuses = Counter(a.status(m.id, as_of) for m in mine)
            for status in STATUS_FIELDS:
                assert s.count(status) == statuses[status]
            overdue = {m.id for m in a.overdue(as_of)}
            assert s.overdue == tuple(MeasureRef(a.id, m.id) for m in mine if m.id in overdue)

    def test_add_and_merge(self) -> None:
        """Summaries of one actor add up; different actors cannot be added."""
        x = ResponsibleSummary("a", planned=1, overdue=(MeasureRef("r1", "m1"),))
        y = ResponsibleSummary("a", ongoing=2, overdue=(MeasureRef("r2", "m1"),))
        total = x + y
        assert (total.planned, total.ongoing, total.total) == (1, 2, 3)
        assert total.overdue == (MeasureRef("r1", "m1"), MeasureRef("r2", "m1"))
        with pytest.raises(ValueError, match="different actors"):
            x + ResponsibleSummary("b")
        assert x.__add__(5) is NotImplemented  # type: ignore[operator]
        merged = merge_summaries([y, ResponsibleSummary("0"), x])
        assert [s.actor for s in merged] == ["0", "a"]
        assert merged[1].overdue == (MeasureRef("r2", "m1"), MeasureRef("r1", "m1"))


class TestProgress:
    def test_figures(self) -> None:
        """Progress counts recorded measures; shares leave cancelled measures out."""
        a = analysis()
        p = a.progress(D)
        assert p == Progress(D, measures=3, cancelled=1, implemented=1, proactive=1)
        assert p.active == 2
        assert p.share_implemented == 0.5
        assert p.share_proactive == 0.5

    def test_nothing_recorded(self) -> None:
        """Shares are None when no measure is active."""
        p = analysis().progress(D - timedelta(days=100))
        assert p == Progress(D - timedelta(days=100))
        assert p.share_implemented is None
        assert p.share_proactive is None

    def test_over_time(self) -> None:
        """progress_over gives one figure per day, in the order given."""
        a = analysis()
        series = a.progress_over([D - timedelta(days=60), D])
        assert [p.as_of for p in series] == [D - timedelta(days=60), D]
        assert [p.share_implemented for p in series] == [0.0, 0.5]

    def test_add(self) -> None:
        """Progress on the same day adds up; different days cannot be added."""
        total = Progress(D, 2, 1, 1, 0) + Progress(D, 3, 0, 1, 2)
        assert total == Progress(D, 5, 1, 2, 2)
        with pytest.raises(ValueError, match="different days"):
            Progress(D) + Progress(D + timedelta(days=1))
        assert Progress(D).__add__(1) is NotImplemented  # type: ignore[operator]


class TestMeasureEntry:
    def test_ref(self) -> None:
        """A tagged measure knows its analysis-id/measure-id reference."""
        entry = MeasureEntry("rsa", Measure("m1", "x", Phase.PROACTIVE, {"a"}))
        assert entry.ref == MeasureRef("rsa", "m1")
        assert str(entry.ref) == "rsa/m1"
