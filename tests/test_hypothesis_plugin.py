"""Tests for the Hypothesis entry point that registers a strategy for every public type."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import samverkan_model
from samverkan_model import strategies
from samverkan_model._hypothesis_plugin import _REGISTRY, _hypothesis_setup_hook

QUICK = settings(database=None, max_examples=10)
# Public classes whose values the library computes (query results, the finding-code table,
# the one process model) rather than users writing them: no strategy is registered.
COMPUTED = {
    "AreaResponsibility",
    "CoordinationNeed",
    "FindingCode",
    "ProcessModel",
    "SituationPicture",
}


class TestRegistry:
    def test_names_resolve(self) -> None:
        """Every entry names a public class and a public strategy function."""
        for class_name, strategy_name in _REGISTRY:
            assert class_name in samverkan_model.__all__
            assert attrs.has(getattr(samverkan_model, class_name))
            assert strategy_name in strategies.__all__

    def test_every_public_attrs_class_is_registered_or_a_result(self) -> None:
        """Every public attrs class has a strategy, except results the library computes."""
        public = {
            name
            for name in samverkan_model.__all__
            if _is_attrs_class(getattr(samverkan_model, name))
        }
        registered = {c for c, _ in _REGISTRY}
        assert len(registered) == len({s for _, s in _REGISTRY}) == len(_REGISTRY)
        assert public - registered == COMPUTED

    @pytest.mark.parametrize(("class_name", "strategy_name"), _REGISTRY)
    def test_from_type_draws_instances(self, class_name: str, strategy_name: str) -> None:
        """st.from_type(cls) draws instances of cls through the registered strategy."""
        cls = getattr(samverkan_model, class_name)

        @settings(max_examples=10)
        @given(st.from_type(cls))
        def run(value: object) -> None:
            assert isinstance(value, cls)

        run()

    def test_hook_can_run_again(self) -> None:
        """Running the hook again (as a second entry-point load would) keeps from_type working."""
        _hypothesis_setup_hook()
        actor = find(st.from_type(samverkan_model.Actor), lambda _: True, settings=QUICK)
        assert isinstance(actor, samverkan_model.Actor)


def _is_attrs_class(obj: object) -> bool:
    return isinstance(obj, type) and attrs.has(obj)


def test_entry_point_registers_on_import_without_importing_strategies() -> None:
    """In a fresh interpreter, importing Hypothesis registers our types lazily.

    ``samverkan_model.strategies`` and networkx are not imported until a strategy is drawn
    from, and ``st.from_type(Structure)`` then gives valid structures.
    """
    code = textwrap.dedent(
        """
        import sys
        import hypothesis
        from hypothesis import given, settings, strategies as st
        assert "samverkan_model.strategies" not in sys.modules, "imported too early"
        assert "networkx" not in sys.modules, "networkx imported too early"
        from samverkan_model import Severity, Structure

        @settings(max_examples=5, database=None, deadline=None)
        @given(st.from_type(Structure))
        def check(structure):
            assert isinstance(structure, Structure)
            assert not [f for f in structure.validate() if f.severity is Severity.ERROR]

        check()
        assert "samverkan_model.strategies" in sys.modules
        print("ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
