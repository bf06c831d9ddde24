"""Golden files: the catalog's models as documents in every format, byte for byte.

A change in how documents are written shows up here as a diff of the files under
``tests/io/golden``. When the change is intended, regenerate them with
``SAMVERKAN_REGENERATE=1 pytest tests/io/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samverkan_model import catalog
from samverkan_model.io import FORMATS, Format, dumps, load

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("SAMVERKAN_REGENERATE") == "1"
SUFFIX = {"json": ".json", "toml": ".toml", "yaml": ".yaml"}

MODELS: dict[str, Callable[[], Any]] = {
    name: getattr(catalog, name)
    for name in (
        "stockholm_region",
        "vastra_gotaland_reception",
        "stockholm_refugee_coordination_2015",
        "social_risk_example",
    )
    if hasattr(catalog, name)
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(MODELS))
def test_golden_file(name: str, fmt: Format) -> None:
    """The catalog model is written exactly as its golden file, and reads back equal."""
    model = MODELS[name]()
    path = GOLDEN / f"{name.replace('_', '-')}{SUFFIX[fmt]}"
    text = dumps(model, fmt)
    if REGENERATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text, (
        f"{path.name} differs: if intended, regenerate with SAMVERKAN_REGENERATE=1"
    )
    assert load(path) == model


def test_no_stray_golden_files() -> None:
    """Every golden file belongs to a catalog model and a format."""
    expected = {f"{name.replace('_', '-')}{SUFFIX[fmt]}" for name in MODELS for fmt in FORMATS}
    assert {p.name for p in GOLDEN.iterdir()} == expected
