from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from random import Random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    Activation,
    Body,
    BodyKind,
    GovernanceLevel,
    Mode,
    Period,
    Structure,
)
from samverkan_model.structure import ACTIVATING_KINDS
from samverkan_model.structure.activation import mode_at, sort_activations

T0 = datetime(2025, 3, 4, 8, 0)
REGIONAL = GovernanceLevel.REGIONAL
ACTIVATED_ONLY = frozenset({Mode.ACTIVATED})


def _body(body_id: str, kind: BodyKind, **kwargs: object) -> Body:
    return Body(body_id, body_id.upper(), kind, REGIONAL, **kwargs)  # type: ignore[arg-type]


BODIES = (
    _body("rsib", BodyKind.STANDBY_FUNCTION),
    _body("isf", BodyKind.ISF, active_in=ACTIVATED_ONLY),
    _body("isf-stod", BodyKind.ISF_SUPPORT, active_in=ACTIVATED_ONLY),
    _body("utskott", BodyKind.COMMITTEE),
    _body("chefsgrupp", BodyKind.MANAGEMENT_GROUP, period=Period(date(2025, 1, 1))),
)


def _structure(*activations: Activation) -> Structure:
    return Structure("test", bodies=BODIES, activations=activations)


_OURS = {"activation-not-allowed", "simultaneous-activations", "unresolved-reference"}


def _codes(structure: Structure) -> list[str]:
    """The activation-related finding codes (the test bodies are isolated on purpose)."""
    return [f.code for f in structure.validate() if f.code in _OURS]


moments = st.integers(0, 12).map(lambda h: T0 + timedelta(hours=h))
activations = st.builds(
    Activation,
    on=moments,
    mode=st.sampled_from(Mode),
    decided_by=st.sampled_from(["rsib", "chefsgrupp"]),
    reason=st.sampled_from(["", "storm", "all clear"]),
)


def _oracle(items: list[Activation], at: datetime) -> Mode:
    """The specification of mode_at: latest moment at or before *at*, activated on a tie."""
    earlier = [a for a in items if a.on <= at]
    if not earlier:
        return Mode.NORMAL
    latest = max(a.on for a in earlier)
    modes = {a.mode for a in earlier if a.on == latest}
    return Mode.ACTIVATED if Mode.ACTIVATED in modes else Mode.NORMAL


class TestActivation:
    def test_fields(self) -> None:
        """An activation keeps its moment, mode, decider and reason; the reason is optional."""
        a = Activation(T0, Mode.ACTIVATED, "rsib")
        assert (a.on, a.mode, a.decided_by, a.reason) == (T0, Mode.ACTIVATED, "rsib", "")

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"on": date(2025, 3, 4)}, "^on: expected a datetime"),
            ({"on": T0.replace(tzinfo=UTC)}, "^on: expected a naive datetime"),
            ({"mode": "activated"}, "mode"),
            ({"decided_by": "Not A Slug"}, "^decided_by: "),
            ({"reason": 3}, "^reason: expected text"),
        ],
    )
    def test_invalid_fields_are_refused_by_name(
        self, changes: dict[str, object], message: str
    ) -> None:
        """Each invalid field is refused with a message naming it."""
        fields: dict[str, object] = {"on": T0, "mode": Mode.ACTIVATED, "decided_by": "rsib"}
        with pytest.raises((TypeError, ValueError), match=message):
            Activation(**(fields | changes))  # type: ignore[arg-type]

    def test_sort_key_puts_activated_last_at_the_same_moment(self) -> None:
        """At one moment, normal sorts before activated, so activated mode holds."""
        up = Activation(T0, Mode.ACTIVATED, "a")
        down = Activation(T0, Mode.NORMAL, "z")
        assert sort_activations([up, down]) == (down, up)


class TestStructureActivations:
    @given(st.lists(activations, max_size=8), st.randoms(use_true_random=False))
    def test_order_given_does_not_matter(self, items: list[Activation], rnd: Random) -> None:
        """Activations are stored in canonical order, so shuffled input gives an equal structure."""
        shuffled = list(items)
        rnd.shuffle(shuffled)
        assert _structure(*items) == _structure(*shuffled)
        times = [a.on for a in _structure(*items).activations]
        assert times == sorted(times)

    def test_default_is_empty(self) -> None:
        """A structure without activations has an empty timeline."""
        assert Structure("x").activations == ()

    def test_refuses_other_items_by_index(self) -> None:
        """Something that is not an activation is refused with its index in the field."""
        good = Activation(T0, Mode.ACTIVATED, "rsib")
        with pytest.raises(TypeError, match=r"^activations\[1\]: expected Activation"):
            Structure("x", activations=[good, "rsib"])  # type: ignore[list-item]

    def test_is_the_last_public_field(self) -> None:
        """The activations come after every other data field (data files list them last)."""
        public = [f.name for f in attrs.fields(Structure) if f.init]
        assert public[-1] == "activations"


class TestModeAt:
    def test_normal_before_any_activation(self) -> None:
        """Without activations the structure runs in normal mode."""
        assert _structure().mode_at(T0) is Mode.NORMAL

    def test_activation_holds_from_its_own_moment(self) -> None:
        """An activation takes effect at its moment and holds until the next one."""
        s = _structure(
            Activation(T0, Mode.ACTIVATED, "rsib", "storm"),
            Activation(T0 + timedelta(days=2), Mode.NORMAL, "isf", "all clear"),
        )
        assert s.mode_at(T0 - timedelta(seconds=1)) is Mode.NORMAL
        assert s.mode_at(T0) is Mode.ACTIVATED
        assert s.mode_at(T0 + timedelta(days=1)) is Mode.ACTIVATED
        assert s.mode_at(T0 + timedelta(days=2)) is Mode.NORMAL

    @given(st.lists(activations, max_size=10), moments)
    def test_equals_replaying_the_timeline(self, items: list[Activation], at: datetime) -> None:
        """mode_at is the mode of the latest activation at or before at (activated on a tie)."""
        assert _structure(*items).mode_at(at) is _oracle(items, at)

    @given(st.lists(activations, max_size=10), moments)
    def test_equals_a_plain_replay(self, items: list[Activation], at: datetime) -> None:
        """Replaying the stored timeline step by step up to at gives the same mode."""
        s = _structure(*items)
        mode = Mode.NORMAL
        for a in s.activations:
            if a.on <= at:
                mode = a.mode
        assert s.mode_at(at) is mode

    @pytest.mark.parametrize("at", [date(2025, 3, 4), T0.replace(tzinfo=UTC), "2025-03-04"])
    def test_refuses_what_is_not_a_naive_datetime(self, at: object) -> None:
        """A date, an aware datetime or text is refused with a message naming at."""
        with pytest.raises(TypeError, match=r"^at: expected a naive datetime"):
            _structure().mode_at(at)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match=r"^at: "):
            mode_at((), at)  # type: ignore[arg-type]

    def test_in_mode_of_mode_at_is_the_running_structure(self) -> None:
        """in_mode(mode_at(at)) keeps the ISF only while the structure is activated."""
        s = _structure(Activation(T0, Mode.ACTIVATED, "rsib"))
        assert "isf" not in s.in_mode(s.mode_at(T0 - timedelta(hours=1))).bodies_by_id
        assert "isf" in s.in_mode(s.mode_at(T0)).bodies_by_id


class TestActivationFindings:
    def test_a_proper_timeline_has_no_activation_finding(self) -> None:
        """The RSIB activates, the ISF (running in activated mode) returns to normal mode."""
        s = _structure(
            Activation(T0, Mode.ACTIVATED, "rsib"),
            Activation(T0 + timedelta(days=1), Mode.NORMAL, "isf"),
            Activation(T0 + timedelta(days=2), Mode.ACTIVATED, "chefsgrupp"),
        )
        assert _codes(s) == []

    def test_unknown_decider_is_an_unresolved_reference(self) -> None:
        """An activation decided by an id that is no body is an unresolved reference."""
        s = _structure(Activation(T0, Mode.ACTIVATED, "nobody"))
        findings = [f for f in s.validate() if f.code == "unresolved-reference"]
        assert len(findings) == 1
        assert findings[0].subject == ("nobody",)
        assert "activations[0].decided_by" in findings[0].message
        assert "activation-not-allowed" not in _codes(s)

    @pytest.mark.parametrize("body", ["utskott", "isf-stod"])
    def test_body_kind_that_does_not_activate(self, body: str) -> None:
        """A committee or ISF support deciding a switch is activation-not-allowed."""
        s = _structure(Activation(T0, Mode.ACTIVATED, body))
        (finding,) = [f for f in s.validate() if f.code == "activation-not-allowed"]
        assert finding.severity.value == "error"
        assert finding.subject == (body,)
        assert "does not decide activation" in finding.message

    def test_body_outside_its_life(self) -> None:
        """A body cannot decide before it exists."""
        s = _structure(Activation(datetime(2024, 12, 31, 23), Mode.ACTIVATED, "chefsgrupp"))
        (finding,) = [f for f in s.validate() if f.code == "activation-not-allowed"]
        assert "does not exist then" in finding.message

    def test_isf_cannot_activate_from_normal_mode(self) -> None:
        """The ISF runs only in activated mode, so it cannot be the one that activates."""
        s = _structure(Activation(T0, Mode.ACTIVATED, "isf"))
        (finding,) = [f for f in s.validate() if f.code == "activation-not-allowed"]
        assert "active only in activated mode" in finding.message
        assert "runs in normal mode" in finding.message

    def test_simultaneous_activations_setting_different_modes(self) -> None:
        """Two activations at one moment setting different modes is a warning."""
        s = _structure(Activation(T0, Mode.ACTIVATED, "rsib"), Activation(T0, Mode.NORMAL, "rsib"))
        (finding,) = [f for f in s.validate() if f.code == "simultaneous-activations"]
        assert finding.severity.value == "warning"
        assert finding.subject == ("rsib",)
        assert s.mode_at(T0) is Mode.ACTIVATED

    def test_simultaneous_activations_agreeing_are_fine(self) -> None:
        """Two deciders activating at the same moment is no finding."""
        s = _structure(
            Activation(T0, Mode.ACTIVATED, "rsib"), Activation(T0, Mode.ACTIVATED, "chefsgrupp")
        )
        assert _codes(s) == []

    def test_activating_kinds_exclude_those_that_take_no_decisions(self) -> None:
        """ISF support, offices and committees never decide a mode switch."""
        assert BodyKind.ISF_SUPPORT not in ACTIVATING_KINDS
        assert BodyKind.COMMITTEE not in ACTIVATING_KINDS
        assert BodyKind.STANDBY_FUNCTION in ACTIVATING_KINDS
