"""Hypothesis entry point: registers a strategy for every public type.

Declared in ``pyproject.toml`` under ``[project.entry-points.hypothesis]``, so
``st.from_type(Structure)`` works as soon as Hypothesis is imported. The strategies
themselves are imported only when first drawn from (``st.deferred``), which keeps
Hypothesis's start-up cheap and avoids an import cycle.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# (public class name, strategy function name in samverkan_model.strategies)
_REGISTRY: tuple[tuple[str, str], ...] = ()


def _strategy(name: str) -> Any:
    from hypothesis import strategies as st  # noqa: PLC0415

    return st.deferred(lambda: getattr(import_module("samverkan_model.strategies"), name)())


def _hypothesis_setup_hook() -> None:
    """Register our strategies with :func:`hypothesis.strategies.register_type_strategy`."""
    from hypothesis import strategies as st  # noqa: PLC0415

    import samverkan_model  # noqa: PLC0415

    for class_name, strategy_name in _REGISTRY:
        st.register_type_strategy(getattr(samverkan_model, class_name), _strategy(strategy_name))
