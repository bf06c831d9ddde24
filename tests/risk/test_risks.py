from __future__ import annotations

import pytest

from samverkan_model.risk import (
    Basis,
    BehaviourTarget,
    Confidence,
    Evidence,
    LivingCondition,
    ProtectedValue,
    Risk,
    RiskMatrix,
)
from tests.risk.strategies import simple_levels, simple_scale

EDU = frozenset({LivingCondition.EDUCATION})


def risk(**kw: object) -> Risk:
    args: dict[str, object] = {
        "id": "r1",
        "title": "Skolavhopp",
        "description": "",
        "living_conditions": EDU,
        "likelihood": 3,
        "consequence": 4,
        "confidence": Confidence.MEDIUM,
        "basis": Basis.EVIDENCE,
    }
    args.update(kw)
    return Risk(**args)  # type: ignore[arg-type]


class TestRisk:
    def test_defaults(self) -> None:
        """A risk protects trust by default and has no evidence, targets or scenario."""
        r = risk()
        assert r.protected_values == frozenset({ProtectedValue.TRUST})
        assert r.evidence == ()
        assert r.behaviour_targets == frozenset()
        assert r.scenario is None
        assert r.is_assessed

    def test_collections_are_frozen(self) -> None:
        """Lists become frozensets and tuples, so risks are hashable values."""
        r = risk(
            living_conditions=[LivingCondition.EDUCATION, LivingCondition.EDUCATION],
            behaviour_targets=[BehaviourTarget.SELF],
            evidence=[Evidence("Skolenkät")],
        )
        assert r.living_conditions == EDU
        assert r.behaviour_targets == frozenset({BehaviourTarget.SELF})
        assert r.evidence == (Evidence("Skolenkät", ""),)
        assert hash(r) == hash(
            risk(behaviour_targets={BehaviourTarget.SELF}, evidence=[Evidence("Skolenkät")])
        )

    @pytest.mark.parametrize("field", ["likelihood", "consequence"])
    @pytest.mark.parametrize("value", [0, -2, True, 2.0, None])
    def test_non_positive_scores_are_construction_errors(self, field: str, value: object) -> None:
        """A likelihood or consequence that is not a positive whole number cannot be built."""
        with pytest.raises(ValueError, match=f"{field}: expected a whole number of at least 1"):
            risk(**{field: value})

    def test_off_scale_can_be_built(self) -> None:
        """A score above the scale is allowed at construction (validate reports it)."""
        r = risk(likelihood=9)
        assert not r.on_scale(RiskMatrix.default())
        with pytest.raises(ValueError, match="likelihood 9 is not on the scale"):
            r.level(RiskMatrix.default())

    def test_draft_without_confidence(self) -> None:
        """Confidence and basis may be None in a draft."""
        r = risk(confidence=None, basis=None)
        assert not r.is_assessed

    def test_level(self) -> None:
        """level() reads the risk's cell in the matrix it is given."""
        assert risk().level(RiskMatrix.default()).label("en") == "High"
        small = RiskMatrix(simple_scale(5), simple_scale(5), simple_levels(1), [[1] * 5] * 5)
        assert risk().level(small).value == 1

    @pytest.mark.parametrize(
        ("field", "value", "error", "message"),
        [
            ("id", "R 1", ValueError, "id: 'R 1' is not a valid id"),
            ("title", " ", ValueError, "title: must not be empty"),
            (
                "living_conditions",
                "education",
                TypeError,
                "living_conditions: expected a collection",
            ),
            (
                "living_conditions",
                ["education"],
                TypeError,
                "living_conditions: expected LivingCondition",
            ),
            ("confidence", "high", TypeError, "confidence: expected a Confidence or None"),
            ("basis", 1, TypeError, "basis: expected a Basis or None"),
            ("evidence", [("a", "b")], TypeError, r"evidence\[0\]: expected Evidence"),
            ("evidence", 3, TypeError, "evidence: expected a collection"),
            ("protected_values", ["trust"], TypeError, "protected_values: expected ProtectedValue"),
            ("behaviour_targets", [None], TypeError, "behaviour_targets: expected BehaviourTarget"),
            ("scenario", 5, TypeError, "scenario: expected text"),
        ],
    )
    def test_bad_fields_name_themselves(
        self, field: str, value: object, error: type[Exception], message: str
    ) -> None:
        """Every bad field is refused with a message starting with the field name."""
        with pytest.raises(error, match=message):
            risk(**{field: value})


class TestEvidence:
    def test_source_required(self) -> None:
        """Evidence needs a source."""
        with pytest.raises(ValueError, match="source: must not be empty"):
            Evidence("")
        with pytest.raises(TypeError, match="source: expected text"):
            Evidence(None)  # type: ignore[arg-type]
