from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from importlib.metadata import version
from types import ModuleType

import pytest

import samverkan_model

HEAVY = ("hypothesis", "matplotlib", "yaml", "networkx")


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def _modules_with_all() -> list[str]:
    """Every importable module of the package that declares ``__all__``.

    ``__main__`` is left out (importing it runs the command line), and so is a module whose
    optional extra is not installed.
    """
    found = ["samverkan_model"]
    for info in pkgutil.walk_packages(samverkan_model.__path__, "samverkan_model."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = _module(info.name)
        except ImportError:  # pragma: no cover - depends on the extras installed
            continue
        if hasattr(module, "__all__"):
            found.append(info.name)
    return found


def _isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps ``__all__`` in: CONSTANTS, then Classes, then the rest."""
    if name.isupper():
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


class TestImport:
    def test_import_pulls_in_no_optional_or_heavy_package(self) -> None:
        """``import samverkan_model`` imports neither hypothesis, matplotlib, yaml nor networkx.

        Checked in a fresh interpreter (this test process has imported them already), with
        warnings turned into errors.
        """
        code = (
            "import sys, samverkan_model\n"
            f"heavy = {HEAVY!r}\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
        )
        result = subprocess.run(
            [sys.executable, "-W", "error", "-c", code],
            capture_output=True,
            text=True,
            check=True,
        )
        assert result.stdout.strip() == "[]", result.stdout + result.stderr

    def test_version(self) -> None:
        """__version__ is the installed distribution's version."""
        assert samverkan_model.__version__ == version("samverkan-model")
        assert samverkan_model.__version__[:1].isdigit()

    def test_unknown_attribute(self) -> None:
        """An unknown attribute is an AttributeError naming it."""
        with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
            _ = samverkan_model.nothing_here


class TestPublicNames:
    @pytest.mark.parametrize("name", _modules_with_all())
    def test_all_is_sorted_unique_and_resolves(self, name: str) -> None:
        """Each __all__ is in RUF022 order, has no repeats, and every name in it exists."""
        module = _module(name)
        names = list(module.__all__)
        assert names == sorted(names, key=_isort_key)
        assert len(set(names)) == len(names)
        missing = [n for n in names if not hasattr(module, n)]
        assert missing == []

    def test_contract_names_are_exported(self) -> None:
        """The structure names of the API contract are importable from the package."""
        contract = {
            "Actor",
            "Agreement",
            "Area",
            "Body",
            "BodyKind",
            "CoverageGap",
            "CoverageRule",
            "Decision",
            "DecisionKind",
            "Finding",
            "GovernanceLevel",
            "Membership",
            "Mode",
            "OnCallRoster",
            "OrganisationKind",
            "Period",
            "Person",
            "Relation",
            "RelationKind",
            "Role",
            "Severity",
            "Shift",
            "Structure",
            "weekly_rotation",
        }
        assert contract <= set(samverkan_model.__all__)

    def test_finding_codes_are_complete_on_import(self) -> None:
        """Structure finding codes are registered as soon as the package is imported."""
        scopes = {c.scope for c in samverkan_model.FINDING_CODES.values()}
        assert "structure" in scopes
