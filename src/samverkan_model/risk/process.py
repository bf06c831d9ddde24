"""The protected-value process model of the social-risk method, as data.

The chain runs from the living conditions (the building blocks of a person's trust in
society's institutions) through trust itself to distrust and worry, which displace trust
as it gives way; somewhere in that shift undesired behaviour appears, aimed at oneself,
at others or at society, and it has consequences. Until trust breaks the chain is in its
*proactive* phase, after that in its *reactive* phase:

* a proactive measure acts on living conditions while trust still holds, so it has to
  say which living conditions it strengthens;
* a reactive measure dampens the consequences once trust has broken, so it has to say
  which risks it answers.

:meth:`Analysis.validate` uses :meth:`ProcessModel.anchored` to warn about measures that
do neither.

>>> model = process_model()
>>> model.chain("en")
'Living conditions → Trust → Distrust and worry → Undesired behaviour → Consequences'
>>> model.phase_of(Stage.TRUST), model.acts_on(Phase.REACTIVE)
(Phase.PROACTIVE, Stage.CONSEQUENCES)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from samverkan_model._labels import LabelledEnum, Lang
from samverkan_model.risk.measures import Measure
from samverkan_model.risk.risks import Risk
from samverkan_model.risk.values import BehaviourTarget, LivingCondition, Phase, ProtectedValue

__all__ = ["ProcessModel", "Stage", "process_model"]


class Stage(LabelledEnum):
    """A step of the process model's chain, from living conditions to consequences."""

    LIVING_CONDITIONS = ("living-conditions", "Livsvillkor", "Living conditions")
    TRUST = ("trust", "Tillit", "Trust")
    DISTRUST = ("distrust", "Misstro och oro", "Distrust and worry")
    UNDESIRED_BEHAVIOUR = ("undesired-behaviour", "Oönskat beteende", "Undesired behaviour")
    CONSEQUENCES = ("consequences", "Konsekvenser", "Consequences")


def _stages(items: Iterable[Stage]) -> tuple[Stage, ...]:
    return tuple(items)


def _conditions(items: Iterable[LivingCondition]) -> tuple[LivingCondition, ...]:
    return tuple(items)


def _targets(items: Iterable[BehaviourTarget]) -> tuple[BehaviourTarget, ...]:
    return tuple(items)


@attrs.frozen
class ProcessModel:
    """The process model: the chain of stages and where each phase's measures act.

    Args:
        protected_value: The value the chain protects (trust).
        stages: The chain, in order.
        reactive_from: The first stage after trust has broken; stages before it belong to
            the proactive phase.
        proactive_acts_on: The stage proactive measures act on.
        reactive_acts_on: The stage reactive measures act on.
        living_conditions: The building blocks at the start of the chain.
        behaviour_targets: Whom undesired behaviour can be aimed at.

    Raises:
        ValueError: if a stage repeats, or a phase acts on a stage outside that phase.
    """

    protected_value: ProtectedValue = attrs.field(
        validator=attrs.validators.instance_of(ProtectedValue)
    )
    stages: tuple[Stage, ...] = attrs.field(converter=_stages)
    reactive_from: Stage = attrs.field(validator=attrs.validators.instance_of(Stage))
    proactive_acts_on: Stage = attrs.field(validator=attrs.validators.instance_of(Stage))
    reactive_acts_on: Stage = attrs.field(validator=attrs.validators.instance_of(Stage))
    living_conditions: tuple[LivingCondition, ...] = attrs.field(converter=_conditions)
    behaviour_targets: tuple[BehaviourTarget, ...] = attrs.field(converter=_targets)

    def __attrs_post_init__(self) -> None:
        if len(set(self.stages)) != len(self.stages):
            msg = "stages: a stage appears more than once"
            raise ValueError(msg)
        for name in ("reactive_from", "proactive_acts_on", "reactive_acts_on"):
            if getattr(self, name) not in self.stages:
                msg = f"{name}: {getattr(self, name)!r} is not one of the stages"
                raise ValueError(msg)
        for phase, name in ((Phase.PROACTIVE, "proactive"), (Phase.REACTIVE, "reactive")):
            stage = self.acts_on(phase)
            if self.phase_of(stage) is not phase:
                msg = f"{name}_acts_on: {stage!r} lies outside the {name} phase"
                raise ValueError(msg)

    def phase_of(self, stage: Stage) -> Phase:
        """The phase *stage* belongs to: proactive before trust breaks, reactive after."""
        reactive = self.stages.index(self.reactive_from)
        return Phase.PROACTIVE if self.stages.index(stage) < reactive else Phase.REACTIVE

    def stages_in(self, phase: Phase) -> tuple[Stage, ...]:
        """The stages of *phase*, in chain order.

        >>> process_model().stages_in(Phase.PROACTIVE)
        (Stage.LIVING_CONDITIONS, Stage.TRUST)
        """
        return tuple(s for s in self.stages if self.phase_of(s) is phase)

    def acts_on(self, phase: Phase) -> Stage:
        """The stage that measures of *phase* act on."""
        return self.proactive_acts_on if phase is Phase.PROACTIVE else self.reactive_acts_on

    def chain(self, lang: Lang = "sv") -> str:
        """The chain as one line of text, e.g. for a report or a slide."""
        return " → ".join(s.label(lang) for s in self.stages)

    def risk_path(self, risk: Risk) -> tuple[Stage, ...]:
        """The stages *risk* runs through.

        A risk starts at the living conditions it erodes (or at trust when it names none),
        passes through trust and distrust, reaches undesired behaviour when it says whom
        that behaviour targets, and ends in its consequences.

        >>> from samverkan_model import Basis, Confidence, LivingCondition, Risk
        >>> r = Risk("r1", "Otrygghet i centrum", "", {LivingCondition.PHYSICAL_ENVIRONMENT},
        ...          3, 3, Confidence.LOW, Basis.INTUITION)
        >>> [s.value for s in process_model().risk_path(r)]
        ['living-conditions', 'trust', 'distrust', 'consequences']
        """
        skip: set[Stage] = set()
        if not risk.living_conditions:
            skip.add(Stage.LIVING_CONDITIONS)
        if not risk.behaviour_targets:
            skip.add(Stage.UNDESIRED_BEHAVIOUR)
        return tuple(s for s in self.stages if s not in skip)

    def anchor(self, phase: Phase) -> Literal["living_conditions", "risks"]:
        """The :class:`Measure` field that ties a measure of *phase* into the chain.

        Proactive measures name the living conditions they strengthen; reactive measures
        name the risks whose consequences they dampen.
        """
        return "living_conditions" if phase is Phase.PROACTIVE else "risks"

    def anchored(self, measure: Measure) -> bool:
        """Whether *measure* names what its phase acts on (see :meth:`anchor`).

        >>> from samverkan_model import Measure
        >>> m = Measure("m1", "Fältassistenter kvällstid", Phase.REACTIVE, {"kommunen"})
        >>> process_model().anchored(m)
        False
        """
        return bool(getattr(measure, self.anchor(measure.phase)))


_MODEL = ProcessModel(
    protected_value=ProtectedValue.TRUST,
    stages=tuple(Stage),
    reactive_from=Stage.DISTRUST,
    proactive_acts_on=Stage.LIVING_CONDITIONS,
    reactive_acts_on=Stage.CONSEQUENCES,
    living_conditions=tuple(LivingCondition),
    behaviour_targets=tuple(BehaviourTarget),
)


def process_model() -> ProcessModel:
    """The social-risk method's process model (the same object every call)."""
    return _MODEL
