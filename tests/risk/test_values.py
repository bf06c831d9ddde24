from __future__ import annotations

import pytest

from samverkan_model import LANGUAGES
from samverkan_model.risk import (
    Basis,
    BehaviourTarget,
    Confidence,
    Guidance,
    LivingCondition,
    Phase,
    ProtectedValue,
)


class TestProtectedValue:
    def test_msb_five_plus_trust(self) -> None:
        """MSB's five protected values are there with their official Swedish wording, plus trust."""
        assert [v.name for v in ProtectedValue] == [
            "LIFE_AND_HEALTH",
            "SOCIETAL_FUNCTIONALITY",
            "DEMOCRACY_AND_RIGHTS",
            "ECONOMY_AND_ENVIRONMENT",
            "NATIONAL_SOVEREIGNTY",
            "TRUST",
        ]
        assert ProtectedValue.LIFE_AND_HEALTH.label("sv") == "Människors liv och hälsa"
        assert ProtectedValue.DEMOCRACY_AND_RIGHTS.label("sv") == (
            "Demokrati, rättssäkerhet och mänskliga fri- och rättigheter"
        )
        assert ProtectedValue.TRUST.value == "trust"


class TestLivingCondition:
    def test_eight_in_method_order(self) -> None:
        """The eight living conditions carry the Swedish heading labels of the method."""
        assert [c.label("sv") for c in LivingCondition] == [
            "Utbildning",
            "Immateriella värden",
            "Fysisk mobilitet",
            "Ekonomiska förutsättningar",
            "Liv och hälsa",
            "Sysselsättning",
            "Fysisk miljö",
            "Demokrati",
        ]

    @pytest.mark.parametrize("condition", list(LivingCondition))
    @pytest.mark.parametrize("lang", LANGUAGES)
    def test_guidance_in_both_languages(self, condition: LivingCondition, lang: str) -> None:
        """Every living condition has guiding questions and examples in Swedish and English."""
        guidance = condition.guidance(lang)  # type: ignore[arg-type]
        assert isinstance(guidance, Guidance)
        assert len(guidance.questions) >= 2
        assert all(q.endswith("?") for q in guidance.questions)
        assert len(guidance.examples) >= 2
        assert condition.questions(lang) == guidance.questions  # type: ignore[arg-type]
        assert condition.examples(lang) == guidance.examples  # type: ignore[arg-type]

    def test_languages_differ(self) -> None:
        """The Swedish and English guidance are different texts, not copies."""
        for condition in LivingCondition:
            assert condition.questions("sv") != condition.questions("en")

    def test_unknown_language(self) -> None:
        """An unsupported language code is refused."""
        with pytest.raises(ValueError, match="unknown language"):
            LivingCondition.EDUCATION.questions("de")  # type: ignore[arg-type]


class TestSmallEnums:
    def test_members(self) -> None:
        """Behaviour targets, phases, confidence and basis have the documented members."""
        assert [t.value for t in BehaviourTarget] == ["self", "others", "society"]
        assert [p.value for p in Phase] == ["proactive", "reactive"]
        assert [c.value for c in Confidence] == ["low", "medium", "high"]
        assert [b.value for b in Basis] == ["evidence", "experience", "intuition"]

    def test_labels(self) -> None:
        """Swedish labels follow the method's vocabulary."""
        assert Basis.INTUITION.label("sv") == "Magkänsla"
        assert Phase.REACTIVE.label("sv") == "Reaktiv"
        assert BehaviourTarget.SELF.label("en") == "Towards oneself"
