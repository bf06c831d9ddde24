"""The annotated example file of the file-format guide is a valid, clean document."""

from __future__ import annotations

import re
from pathlib import Path

from samverkan_model import Severity, Structure
from samverkan_model.io import Format, dumps, loads

PAGE = Path(__file__).resolve().parents[2] / "docs" / "how-to" / "file-formats.md"


def _annotated_example() -> str:
    blocks = re.findall(r"^```yaml\n(.*?)^```", PAGE.read_text("utf-8"), re.S | re.M)
    (example,) = [b for b in blocks if b.lstrip("# \n").count("\n") > 20]
    return str(example)


class TestAnnotatedExample:
    def test_loads_without_errors(self) -> None:
        """The example loads, and validates without error findings."""
        structure = loads(_annotated_example(), Structure, "yaml")
        assert structure.name == "Samverkan i länet (exempel)"
        errors = [f for f in structure.validate() if f.severity is Severity.ERROR]
        assert errors == []

    def test_holds_every_section(self) -> None:
        """The example shows every collection a structure file can hold."""
        data = loads(_annotated_example(), Structure, "yaml")
        for field in (
            "actors",
            "bodies",
            "persons",
            "memberships",
            "relations",
            "agreements",
            "decisions",
            "coverage_rules",
            "rosters",
            "activations",
        ):
            assert getattr(data, field), field

    def test_same_in_every_format(self) -> None:
        """Written as JSON and TOML, the example reads back equal."""
        structure = loads(_annotated_example(), Structure, "yaml")
        formats: tuple[Format, ...] = ("json", "toml")
        for fmt in formats:
            assert loads(dumps(structure, fmt), Structure, fmt) == structure
