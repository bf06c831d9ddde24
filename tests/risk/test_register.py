from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import MeasureRef
from samverkan_model.risk import (
    Analysis,
    FollowUpRegister,
    MeasureEntry,
    Progress,
)
from samverkan_model.risk.followup import merge_summaries
from tests.risk.strategies import days, followed_analyses


@st.composite
def registers(draw: st.DrawFn) -> FollowUpRegister:
    """A register of up to four analyses whose measure ids overlap (m1, m2, ...)."""
    n = draw(st.integers(min_value=0, max_value=4))
    return FollowUpRegister([draw(followed_analyses(f"rsa-{i}", legal=False)) for i in range(n)])


class TestRegister:
    def test_sorted_unique(self) -> None:
        """Analyses are kept sorted by id; a repeated id or a non-analysis is refused."""
        a, b = Analysis("b", "x"), Analysis("a", "x")
        assert [x.id for x in FollowUpRegister([a, b]).analyses] == ["a", "b"]
        with pytest.raises(ValueError, match="analysis id 'a' appears more than once"):
            FollowUpRegister([b, b])
        with pytest.raises(TypeError, match=r"analyses\[0\]: expected Analysis"):
            FollowUpRegister(["a"])  # type: ignore[list-item]
        with pytest.raises(TypeError, match="analyses: expected a collection of analyses"):
            FollowUpRegister(5)  # type: ignore[arg-type]

    def test_lookups(self) -> None:
        """analysis() and status() find by id and raise KeyError otherwise."""
        register = FollowUpRegister([Analysis("a", "x")])
        assert register.analysis("a").id == "a"
        with pytest.raises(KeyError, match="no analysis with id 'b'"):
            register.analysis("b")
        with pytest.raises(KeyError, match="no measure with id 'm1'"):
            register.status("a/m1", date(2025, 1, 1))

    @given(registers(), days)
    def test_snapshot_is_union(self, register: FollowUpRegister, as_of: date) -> None:
        """The register's snapshot is every analysis's snapshot, keyed by analysis/measure."""
        expected = {
            MeasureRef(a.id, k): v for a in register.analyses for k, v in a.snapshot(as_of).items()
        }
        assert register.snapshot(as_of) == expected
        for ref, status in expected.items():
            assert register.status(ref, as_of) is status
            assert register.status(str(ref), as_of) is status

    @given(registers(), days, st.integers(min_value=0, max_value=60))
    def test_lists_are_concatenations(
        self, register: FollowUpRegister, as_of: date, within: int
    ) -> None:
        """Overdue and follow-up lists are the per-analysis lists, tagged and concatenated."""
        window = timedelta(days=within)
        assert register.overdue(as_of) == tuple(
            MeasureEntry(a.id, m) for a in register.analyses for m in a.overdue(as_of)
        )
        assert register.follow_ups_due(as_of, window) == tuple(
            MeasureEntry(a.id, m)
            for a in register.analyses
            for m in a.follow_ups_due(as_of, window)
        )

    @given(registers(), days)
    def test_never_merged_by_measure_id(self, register: FollowUpRegister, as_of: date) -> None:
        """Measures with the same id in two analyses stay two entries."""
        total = sum(len(a.measures) for a in register.analyses)
        assert len(register.snapshot(as_of)) == total
        refs = [e.ref for e in register.overdue(as_of)]
        assert len(refs) == len(set(refs))

    @given(registers(), days)
    def test_by_responsible_consolidates(self, register: FollowUpRegister, as_of: date) -> None:
        """One summary per actor equals adding up that actor's per-analysis summaries."""
        per_analysis = [s for a in register.analyses for s in a.by_responsible(as_of)]
        assert register.by_responsible(as_of) == merge_summaries(per_analysis)
        for s in register.by_responsible(as_of):
            mine = [x for x in per_analysis if x.actor == s.actor]
            assert s.total == sum(x.total for x in mine)
            assert s.overdue == tuple(r for x in mine for r in x.overdue)

    @given(registers(), st.lists(days, max_size=3))
    def test_progress_adds_up(self, register: FollowUpRegister, when: list[date]) -> None:
        """Progress over the register is the sum over its analyses, day by day."""
        for p in register.progress_over(when):
            parts = [a.progress(p.as_of) for a in register.analyses]
            assert p.measures == sum(x.measures for x in parts)
            assert p.implemented == sum(x.implemented for x in parts)
            assert p.cancelled == sum(x.cancelled for x in parts)
            assert p.proactive == sum(x.proactive for x in parts)
        assert register.progress_over([]) == ()

    def test_empty(self) -> None:
        """An empty register answers with empty results."""
        register = FollowUpRegister([])
        d = date(2025, 1, 1)
        assert register.snapshot(d) == {}
        assert register.overdue(d) == ()
        assert register.by_responsible(d) == ()
        assert register.progress(d) == Progress(d)

    def test_same_measure_ids_in_two_analyses(self) -> None:
        """Two analyses with a measure m1 each give two tagged entries."""
        from samverkan_model.risk import Measure, Phase

        m = Measure("m1", "x", Phase.PROACTIVE, {"a"}, due=date(2025, 1, 1))
        a = Analysis("a", "x", measures=[m])
        register = FollowUpRegister([a, attrs.evolve(a, id="b")])
        assert [str(e.ref) for e in register.overdue(date(2025, 2, 1))] == ["a/m1", "b/m1"]
        assert register.by_responsible(date(2025, 2, 1))[0].unrecorded == 2
