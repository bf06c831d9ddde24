from __future__ import annotations

import attrs
import pytest

from samverkan_model.risk import (
    Basis,
    BehaviourTarget,
    Confidence,
    LivingCondition,
    Measure,
    Phase,
    ProtectedValue,
    Risk,
    Stage,
    process_model,
)


class TestProcessModel:
    def test_chain(self) -> None:
        """The chain runs from living conditions through trust and distrust to consequences."""
        model = process_model()
        assert model.stages == tuple(Stage)
        assert model.protected_value is ProtectedValue.TRUST
        assert model.chain("sv") == (
            "Livsvillkor → Tillit → Misstro och oro → Oönskat beteende → Konsekvenser"
        )
        assert model.living_conditions == tuple(LivingCondition)
        assert model.behaviour_targets == tuple(BehaviourTarget)
        assert process_model() is model

    def test_phases(self) -> None:
        """Trust breaking starts the reactive phase; each phase acts on its own stage."""
        model = process_model()
        assert model.stages_in(Phase.PROACTIVE) == (Stage.LIVING_CONDITIONS, Stage.TRUST)
        assert model.stages_in(Phase.REACTIVE) == (
            Stage.DISTRUST,
            Stage.UNDESIRED_BEHAVIOUR,
            Stage.CONSEQUENCES,
        )
        assert model.acts_on(Phase.PROACTIVE) is Stage.LIVING_CONDITIONS
        assert model.acts_on(Phase.REACTIVE) is Stage.CONSEQUENCES
        for phase in Phase:
            assert model.phase_of(model.acts_on(phase)) is phase

    def test_risk_path(self) -> None:
        """A risk's path starts at its living conditions and reaches behaviour via targets."""
        model = process_model()
        full = Risk(
            "r1",
            "x",
            "",
            {LivingCondition.EMPLOYMENT},
            2,
            2,
            Confidence.LOW,
            Basis.EXPERIENCE,
            behaviour_targets={BehaviourTarget.OTHERS},
        )
        assert model.risk_path(full) == tuple(Stage)
        bare = attrs.evolve(full, living_conditions=frozenset(), behaviour_targets=frozenset())
        assert model.risk_path(bare) == (Stage.TRUST, Stage.DISTRUST, Stage.CONSEQUENCES)

    def test_anchors(self) -> None:
        """Proactive measures anchor on living conditions, reactive ones on risks."""
        model = process_model()
        pro = Measure("m1", "x", Phase.PROACTIVE, {"a"})
        assert model.anchor(Phase.PROACTIVE) == "living_conditions"
        assert model.anchor(Phase.REACTIVE) == "risks"
        assert not model.anchored(pro)
        assert not model.anchored(attrs.evolve(pro, risks=frozenset({"r1"})))
        assert model.anchored(attrs.evolve(pro, living_conditions={LivingCondition.DEMOCRACY}))
        re = attrs.evolve(pro, phase=Phase.REACTIVE)
        assert not model.anchored(re)
        assert not model.anchored(attrs.evolve(re, living_conditions={LivingCondition.DEMOCRACY}))
        assert model.anchored(attrs.evolve(re, risks=frozenset({"r1"})))

    def test_construction_checks(self) -> None:
        """A model whose phases act outside themselves, or whose stages repeat, is refused."""
        model = process_model()
        with pytest.raises(ValueError, match="stages: a stage appears more than once"):
            attrs.evolve(model, stages=(*model.stages, Stage.TRUST))
        with pytest.raises(ValueError, match=r"reactive_from: .* is not one of the stages"):
            attrs.evolve(model, stages=model.stages[:2])
        with pytest.raises(ValueError, match=r"proactive_acts_on: .* outside the proactive phase"):
            attrs.evolve(model, proactive_acts_on=Stage.CONSEQUENCES)
        with pytest.raises(ValueError, match=r"reactive_acts_on: .* outside the reactive phase"):
            attrs.evolve(model, reactive_acts_on=Stage.TRUST)
