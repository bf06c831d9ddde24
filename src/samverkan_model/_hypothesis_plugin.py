"""Hypothesis entry point: registers a strategy for every public type.

Declared in ``pyproject.toml`` under ``[project.entry-points.hypothesis]``, so
``st.from_type(Structure)`` works as soon as Hypothesis is imported. The strategies
themselves are imported only when first drawn from (``st.deferred``), which keeps
Hypothesis's start-up cheap and avoids an import cycle.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# (public class name in samverkan_model, strategy function name in samverkan_model.strategies)
_REGISTRY: tuple[tuple[str, str], ...] = (
    ("Activation", "activations"),
    ("Actor", "actors"),
    ("Agreement", "agreements"),
    ("Analysis", "analyses"),
    ("Area", "areas"),
    ("Body", "bodies"),
    ("Cadence", "cadences"),
    ("CoverageGap", "coverage_gaps"),
    ("CoverageRule", "coverage_rules"),
    ("Decision", "decisions"),
    ("Evidence", "evidence"),
    ("Finding", "findings"),
    ("FollowUpAgreement", "follow_up_agreements"),
    ("FollowUpRegister", "follow_up_registers"),
    ("JointWork", "joint_work_entries"),
    ("JointWorkLog", "joint_work_logs"),
    ("Measure", "measures"),
    ("MeasureRef", "measure_refs"),
    ("Membership", "memberships"),
    ("Method", "methods"),
    ("NotRelevant", "not_relevant"),
    ("OnCallRoster", "on_call_rosters"),
    ("Period", "periods"),
    ("Person", "persons"),
    ("Relation", "relations"),
    ("ReportingPeriod", "reporting_periods"),
    ("Risk", "risks"),
    ("RiskLevel", "risk_levels"),
    ("RiskMatrix", "risk_matrices"),
    ("Scale", "scales"),
    ("ScaleLevel", "scale_levels"),
    ("Shift", "shifts"),
    ("SituationReport", "situation_reports"),
    ("StatusChange", "status_changes"),
    ("Structure", "structures"),
)


def _strategy(name: str) -> Any:
    from hypothesis import strategies as st  # noqa: PLC0415

    def build() -> Any:
        return getattr(import_module("samverkan_model.strategies"), name)()

    return st.deferred(build)


def _hypothesis_setup_hook() -> None:
    """Register our strategies with :func:`hypothesis.strategies.register_type_strategy`."""
    from hypothesis import strategies as st  # noqa: PLC0415

    import samverkan_model  # noqa: PLC0415

    for class_name, strategy_name in _REGISTRY:
        st.register_type_strategy(getattr(samverkan_model, class_name), _strategy(strategy_name))
