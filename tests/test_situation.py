from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    CoordinationNeed,
    ReportingPeriod,
    SituationPicture,
    SituationReport,
)
from samverkan_model.risk import Confidence

T0 = datetime(2025, 3, 4, 8, 0)
DAY = ReportingPeriod(T0, T0 + timedelta(days=1))
ACTORS = ["polisen", "sl", "sos-alarm", "stockholms-stad"]


def _report(actor: str = "sl", **changes: object) -> SituationReport:
    fields: dict[str, object] = {"actor": actor, "period": DAY, "situation": "Calm."}
    return SituationReport(**(fields | changes))  # type: ignore[arg-type]


@st.composite
def reporting_periods(draw: st.DrawFn) -> ReportingPeriod:
    start = T0 + timedelta(hours=draw(st.integers(0, 12)))
    return ReportingPeriod(start, start + timedelta(hours=draw(st.integers(1, 12))))


reports = st.builds(
    SituationReport,
    actor=st.sampled_from(ACTORS),
    period=reporting_periods(),
    situation=st.sampled_from(["Calm.", "Trains stopped."]),
    coordination_needs=st.lists(st.sampled_from(["Road closures", "Shelter"]), max_size=2),
    confidence=st.none() | st.sampled_from(Confidence),
    report_number=st.integers(1, 4),
    version=st.integers(1, 3),
)
# Distinct (actor, number, version): a report number and version identify one report.
report_lists = st.lists(reports, max_size=12, unique_by=lambda r: r.key)
moments = st.integers(0, 24).map(lambda h: T0 + timedelta(hours=h))


def _oracle(items: list[SituationReport], at: datetime) -> dict[str, SituationReport]:
    """The specification: a report is chosen when it is current, valid and the latest."""
    current = [
        r
        for r in items
        if not any(
            o.actor == r.actor and o.report_number == r.report_number and o.version > r.version
            for o in items
        )
    ]
    valid = [r for r in current if r.period.contains(at)]
    return {
        r.actor: r
        for r in valid
        if not any(o.actor == r.actor and o.report_number > r.report_number for o in valid)
    }


class TestReportingPeriod:
    def test_is_half_open(self) -> None:
        """A period contains its start and not its end."""
        assert DAY.contains(T0)
        assert not DAY.contains(T0 + timedelta(days=1))
        assert not DAY.contains(T0 - timedelta(minutes=1))
        assert str(DAY) == "[2025-03-04T08:00, 2025-03-05T08:00)"

    @pytest.mark.parametrize(
        ("start", "end", "message"),
        [
            (T0, T0, "^end: .* is not after start"),
            (T0, T0 - timedelta(hours=1), "^end: "),
            (date(2025, 3, 4), T0, "^start: expected a datetime"),
            (T0, T0.replace(tzinfo=UTC), "^end: expected a naive datetime"),
        ],
    )
    def test_invalid_periods_are_refused(self, start: object, end: object, message: str) -> None:
        """A period must run forwards between naive datetimes."""
        with pytest.raises((TypeError, ValueError), match=message):
            ReportingPeriod(start, end)  # type: ignore[arg-type]


class TestSituationReport:
    def test_defaults(self) -> None:
        """Only actor, period and situation are required; numbering starts at 1."""
        report = _report()
        assert report.key == ("sl", 1, 1)
        assert report.consequences == report.forecast == ""
        assert report.measures_taken == report.coordination_needs == ()
        assert report.confidence is None

    def test_lists_become_tuples(self) -> None:
        """Measures and needs given as lists are stored as tuples, in the order given."""
        report = _report(measures_taken=["b", "a"], coordination_needs=["x"])
        assert report.measures_taken == ("b", "a")
        assert report.coordination_needs == ("x",)

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"actor": "SL"}, "^actor: "),
            ({"period": (T0, T0)}, "period"),
            ({"situation": None}, "^situation: expected text"),
            ({"measures_taken": "closed roads"}, "^measures_taken: expected a collection"),
            ({"coordination_needs": [1]}, "^coordination_needs: expected text"),
            ({"confidence": "high"}, "confidence"),
            ({"report_number": 0}, "^report_number: expected a whole number"),
            ({"version": True}, "^version: expected a whole number"),
        ],
    )
    def test_invalid_fields_are_refused_by_name(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Each invalid field is refused with a message naming it."""
        with pytest.raises((TypeError, ValueError), match=message):
            _report(**changes)  # type: ignore[arg-type]

    def test_coordination_need(self) -> None:
        """A coordination need names its actor, text and report number."""
        need = CoordinationNeed("sl", "Shelter", 2)
        assert (need.actor, need.need, need.report_number) == ("sl", "Shelter", 2)
        with pytest.raises(ValueError, match=r"^report_number: "):
            CoordinationNeed("sl", "Shelter", 0)


class TestCompile:
    @given(report_lists, moments)
    def test_picks_the_latest_report_per_actor(
        self, items: list[SituationReport], at: datetime
    ) -> None:
        """Each actor's report is its highest-numbered current report valid at at."""
        picture = SituationPicture.compile(items, at)
        assert {r.actor: r for r in picture.reports} == _oracle(items, at)
        assert picture.actors == tuple(sorted(_oracle(items, at)))
        assert all(r.period.contains(at) for r in picture.reports)

    @given(report_lists, moments, st.lists(st.sampled_from([*ACTORS, "kustbevakningen"])))
    def test_missing_are_the_expected_minus_the_reporters(
        self, items: list[SituationReport], at: datetime, expected: list[str]
    ) -> None:
        """The missing actors are exactly the expected actors without a report in the picture."""
        picture = SituationPicture.compile(items, at, expected_actors=expected)
        assert set(picture.missing) == set(expected) - set(picture.actors)
        assert list(picture.missing) == sorted(picture.missing)

    @given(report_lists, moments, st.randoms(use_true_random=False))
    def test_order_of_reports_does_not_matter(
        self, items: list[SituationReport], at: datetime, rnd: Random
    ) -> None:
        """Compiling shuffled reports gives the same picture."""
        shuffled = list(items)
        rnd.shuffle(shuffled)
        assert SituationPicture.compile(items, at) == SituationPicture.compile(shuffled, at)

    @given(report_lists, moments)
    def test_collects_the_coordination_needs(
        self, items: list[SituationReport], at: datetime
    ) -> None:
        """The needs are those of the chosen reports, by actor and in each report's order."""
        picture = SituationPicture.compile(items, at)
        assert picture.coordination_needs == tuple(
            CoordinationNeed(r.actor, need, r.report_number)
            for r in picture.reports
            for need in r.coordination_needs
        )

    def test_a_correction_replaces_the_earlier_version(self) -> None:
        """A later version of a report replaces it even where only the earlier one is valid."""
        first = _report(report_number=2, version=1)
        narrowed = _report(
            report_number=2, version=2, period=ReportingPeriod(T0, T0 + timedelta(hours=4))
        )
        older = _report(report_number=1, situation="Earlier.")
        picture = SituationPicture.compile([first, narrowed, older], T0 + timedelta(hours=6))
        assert picture.report("sl") == older

    def test_later_report_number_wins(self) -> None:
        """Of two valid reports, the higher report number is in the picture."""
        picture = SituationPicture.compile(
            [_report(report_number=3, situation="New."), _report(report_number=2)], T0
        )
        assert picture.report("sl").situation == "New."

    def test_reports_out_of_their_period_do_not_count(self) -> None:
        """A report whose period does not contain at leaves its actor missing."""
        picture = SituationPicture.compile(
            [_report()], T0 + timedelta(days=2), expected_actors=["sl"]
        )
        assert picture.reports == ()
        assert picture.missing == ("sl",)

    def test_identical_duplicates_are_one_report(self) -> None:
        """The same report given twice counts once."""
        picture = SituationPicture.compile([_report(), _report()], T0)
        assert len(picture.reports) == 1

    def test_conflicting_reports_are_refused(self) -> None:
        """Two different reports with one actor, number and version are an error."""
        with pytest.raises(ValueError, match="two different reports numbered 1, version 1"):
            SituationPicture.compile([_report(), _report(situation="Other.")], T0)

    @pytest.mark.parametrize("at", [date(2025, 3, 4), T0.replace(tzinfo=UTC), "2025-03-04"])
    def test_refuses_what_is_not_a_naive_datetime(self, at: object) -> None:
        """The moment must be a naive datetime."""
        with pytest.raises(TypeError, match=r"^at: expected a naive datetime"):
            SituationPicture.compile([], at)  # type: ignore[arg-type]

    def test_refuses_other_items(self) -> None:
        """Something that is not a report is refused."""
        with pytest.raises(TypeError, match=r"^reports: expected SituationReport"):
            SituationPicture.compile(["sl"], T0)  # type: ignore[list-item]

    def test_refuses_a_bare_string_of_expected_actors(self) -> None:
        """A single string is not split into letters."""
        with pytest.raises(TypeError, match=r"^expected_actors: "):
            SituationPicture.compile([], T0, expected_actors="sl")


class TestPicture:
    def test_report_of_an_absent_actor(self) -> None:
        """Asking for the report of an actor not in the picture is a KeyError."""
        picture = SituationPicture.compile([_report()], T0)
        with pytest.raises(KeyError, match="no report from 'polisen'"):
            picture.report("polisen")

    def test_confidence_is_the_lowest_stated(self) -> None:
        """The picture is as certain as its least certain report; unstated ones are skipped."""
        picture = SituationPicture.compile(
            [
                _report("sl", confidence=Confidence.HIGH),
                _report("polisen", confidence=Confidence.MEDIUM),
                _report("sos-alarm"),
            ],
            T0,
        )
        assert picture.confidence is Confidence.MEDIUM

    def test_confidence_when_none_is_stated(self) -> None:
        """Without any stated confidence the picture has none."""
        assert SituationPicture.compile([_report()], T0).confidence is None
        assert SituationPicture.compile([], T0).confidence is None

    def test_direct_construction_sorts(self) -> None:
        """Built directly, reports are sorted by actor and missing ids sorted."""
        picture = SituationPicture(T0, [_report("sl"), _report("polisen")], ["b", "a"])
        assert picture.actors == ("polisen", "sl")
        assert picture.missing == ("a", "b")
