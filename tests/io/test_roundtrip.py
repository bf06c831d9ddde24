"""Every public type survives dumps/loads in every format, and dumping is deterministic."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Area, MeasureRef, Structure
from samverkan_model.io import FORMATS, Format, dumps, loads
from samverkan_model.strategies import structures as valid_structures
from tests.io.strategies import PUBLIC_TYPES, STRATEGIES

# TOML documents are tables: types written as a bare string cannot be a whole TOML file.
_SCALAR_TYPES = (Area, MeasureRef)


def _formats(cls: type) -> tuple[Format, ...]:
    return tuple(f for f in FORMATS if not (f == "toml" and cls in _SCALAR_TYPES))


class TestRoundTrip:
    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=lambda t: getattr(t, "__name__", ""))
    @given(data=st.data())
    def test_loads_dumps_is_identity_and_stable(self, cls: type, data: st.DataObject) -> None:
        """In every format, loads(dumps(x)) == x and re-dumping gives the same text."""
        obj: Any = data.draw(STRATEGIES[cls])
        for fmt in _formats(cls):
            text = dumps(obj, fmt)
            loaded: Any = loads(text, cls, fmt)
            assert loaded == obj, fmt
            assert dumps(loaded, fmt) == text, fmt
            assert text.endswith("\n"), fmt
            assert not text.endswith("\n\n"), fmt

    @given(structure=valid_structures())
    def test_valid_structures(self, structure: Structure) -> None:
        """Whole valid structures (the public strategies) round-trip in every format."""
        for fmt in FORMATS:
            text = dumps(structure, fmt)
            assert loads(text, Structure, fmt) == structure, fmt

    @pytest.mark.parametrize("cls", _SCALAR_TYPES, ids=lambda t: t.__name__)
    def test_toml_refuses_scalar_documents(self, cls: type) -> None:
        """A value written as bare text cannot be a whole TOML document."""
        obj = Area("01") if cls is Area else MeasureRef("a", "b")
        with pytest.raises(TypeError, match="TOML"):
            dumps(obj, "toml")


def _public_attrs_types() -> set[type]:
    """Every attrs class exported by the package and the subpackages data files hold."""
    import samverkan_model
    from samverkan_model import geography, risk

    found: set[type] = set()
    for module in (samverkan_model, geography, risk):
        for name in module.__all__:
            value = getattr(module, name)
            wanted = module is samverkan_model or name in _DATA_NAMES
            if wanted and isinstance(value, type) and attrs.has(value):
                found.add(value)
    return found


# Subpackage classes that are data (the others are query results, built by the library).
_DATA_NAMES = frozenset({"County", "Municipality", "MetadataEntry"})


class TestCoverage:
    def test_every_public_type_has_a_strategy(self) -> None:
        """The round trip covers every public attrs type of the package."""
        missing = {t.__name__ for t in _public_attrs_types()} - {t.__name__ for t in STRATEGIES}
        assert not missing
