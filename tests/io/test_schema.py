"""JSON Schemas: generated from the classes, shipped up to date, and true to dumped documents.

Set ``SAMVERKAN_REGENERATE=1`` to rewrite the shipped schema files instead of failing
when they are stale.
"""

from __future__ import annotations

import functools
import json
import os
import runpy
import sys
from pathlib import Path
from typing import Any, Literal

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Structure
from samverkan_model.io import DOCUMENT_KINDS, json_schema, to_data
from samverkan_model.io.__main__ import main
from samverkan_model.io.schema import DRAFT, dump_schema, shipped_schema, write_schemas
from tests.io.strategies import PUBLIC_TYPES, STRATEGIES

SHIPPED = Path(__file__).resolve().parents[2] / "src" / "samverkan_model" / "schemas"
REGENERATE = os.environ.get("SAMVERKAN_REGENERATE") == "1"


def _name(cls: type) -> str:
    return cls.__name__


@functools.cache
def _validator(cls: type) -> jsonschema.Draft202012Validator:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


class TestShippedSchemas:
    @pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=lambda k: k.format)
    def test_shipped_files_are_current(self, kind: Any) -> None:
        """The shipped schema files are exactly what the classes generate."""
        path = SHIPPED / kind.schema_file
        expected = dump_schema(kind.cls)
        if REGENERATE:
            path.write_text(expected, encoding="utf-8", newline="\n")
        assert path.exists(), f"missing {path}: run python -m samverkan_model.io schemas"
        assert path.read_text("utf-8") == expected, (
            f"{path.name} is stale: run python -m samverkan_model.io schemas"
        )
        assert shipped_schema(kind.cls) == json_schema(kind.cls)

    def test_no_stray_files(self) -> None:
        """Every shipped schema file belongs to a document kind."""
        names = {kind.schema_file for kind in DOCUMENT_KINDS}
        assert {p.name for p in SHIPPED.glob("*.json")} == names

    def test_shipped_schema_of_a_non_document(self) -> None:
        """Only document classes have shipped schema files."""
        with pytest.raises(KeyError, match="not a document class"):
            shipped_schema(int)

    def test_write_and_main(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """The regeneration entry point writes one file per document kind."""
        written = write_schemas(tmp_path / "out")
        assert [p.name for p in written] == [k.schema_file for k in DOCUMENT_KINDS]
        assert main(["schemas", str(tmp_path / "again")]) == 0
        assert "wrote" in capsys.readouterr().out
        for path in written:
            assert path.read_text("utf-8") == (tmp_path / "again" / path.name).read_text("utf-8")

    @pytest.mark.parametrize("argv", [[], ["other"], ["schemas", "a", "b"]])
    def test_main_usage(self, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
        """Wrong arguments print the usage and exit with 2."""
        assert main(argv) == 2
        assert capsys.readouterr().err.startswith("usage: python -m samverkan_model.io")

    def test_module_entry_point(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Running the package as a module calls main() with the command line."""
        monkeypatch.delitem(sys.modules, "samverkan_model.io.__main__", raising=False)
        monkeypatch.setattr(sys, "argv", ["samverkan_model.io", "schemas", str(tmp_path)])
        with pytest.raises(SystemExit) as caught:
            runpy.run_module("samverkan_model.io", run_name="__main__")
        assert caught.value.code == 0
        assert len(list(tmp_path.glob("*.schema.json"))) == len(DOCUMENT_KINDS)
        capsys.readouterr()


class TestSchemaContent:
    @pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=lambda k: k.format)
    def test_valid_draft_2020_12(self, kind: Any) -> None:
        """Each document schema is a valid draft 2020-12 schema covering format and version."""
        schema = json_schema(kind.cls)
        assert schema["$schema"] == DRAFT
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["format"] == {"const": kind.format}
        assert schema["properties"]["version"] == {"const": kind.version}
        assert schema["required"][:2] == ["format", "version"]
        assert schema["additionalProperties"] is False

    @pytest.mark.parametrize("cls", PUBLIC_TYPES, ids=_name)
    def test_every_public_type_has_a_schema(self, cls: type) -> None:
        """Every public attrs type has a schema; every field is described."""
        schema = json_schema(cls)
        jsonschema.Draft202012Validator.check_schema(schema)
        for definition in [schema, *schema["$defs"].values()]:
            for name, prop in definition.get("properties", {}).items():
                if name not in ("format", "version"):
                    assert prop.get("description"), f"{definition['title']}.{name}"

    def test_fields_are_described_from_docstrings(self) -> None:
        """Field descriptions come from the classes' docstrings."""
        actor = json_schema(Structure)["$defs"]["Actor"]
        assert actor["properties"]["org_number"]["description"].startswith(
            "The Swedish organisation number"
        )
        assert actor["properties"]["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
        assert actor["additionalProperties"] is False

    def test_enum_values_and_labels(self) -> None:
        """Enumerations list their values, with their labels in the description."""
        level = json_schema(Structure)["$defs"]["GovernanceLevel"]
        assert level["enum"] == ["central", "regional", "subregional", "local"]
        assert "regional: Regional level (Regional nivå)" in level["description"]

    def test_defaults_are_shown(self) -> None:
        """Fields with a default show it in the form it is written."""
        body = json_schema(Structure)["$defs"]["Body"]["properties"]
        assert body["active_in"]["default"] == ["activated", "normal"]
        assert body["mandate"]["default"] == ""
        assert "default" not in body["host"]

    def test_unknown_types_are_refused(self) -> None:
        """A field type with no JSON form is an error, not a silent hole."""

        @attrs.frozen
        class Odd:
            """Odd.

            Attributes:
                value: Something complex.
            """

            value: complex

        with pytest.raises(TypeError, match="no JSON Schema"):
            json_schema(Odd)


class TestDocumentsMatchTheirSchema:
    @pytest.mark.parametrize("kind", DOCUMENT_KINDS, ids=lambda k: k.format)
    @given(data=st.data())
    def test_generated_documents_validate(self, kind: Any, data: st.DataObject) -> None:
        """Every dumped document is valid against the schema of its kind."""
        document = to_data(data.draw(STRATEGIES[kind.cls]))
        _validator(kind.cls).validate(document)

    def test_the_schema_catches_mistakes(self) -> None:
        """A misspelt key and a wrong enum value are schema errors too."""
        data = to_data(Structure("x"))
        data["actors"] = [{"id": "a", "name": "A", "kind": "region", "level": "regionl"}]
        data["nmae"] = "x"
        errors = list(_validator(Structure).iter_errors(data))
        assert len(errors) == 2

    def test_shipped_schema_is_plain_json(self) -> None:
        """The schema files are plain JSON an editor can read."""
        for kind in DOCUMENT_KINDS:
            assert json.loads(dump_schema(kind.cls)) == json_schema(kind.cls)


@attrs.frozen
class _Plain:
    value: int


@attrs.frozen
class _Borrowing:
    """Takes the same arguments as :class:`NoSuchClass`; unknown names are ignored.

    Args:
        choice: Either a number
            or a word.

        pair: Two things.

        A loose remark that belongs to no argument.

    Returns:
        Nothing: this section ends the arguments.
    """

    choice: int | str
    pair: tuple[int, str]
    counts: list[int]
    tally: dict[str, float]
    mode: Literal["a", "b"]
    plain: _Plain


class TestUserClassSchemas:
    def test_plain_python_types(self) -> None:
        """Unions, fixed tuples, lists, mappings, literals and numbers have schemas."""
        schema = json_schema(_Borrowing)
        jsonschema.Draft202012Validator.check_schema(schema)
        props = schema["properties"]
        assert props["choice"]["anyOf"] == [{"type": "integer"}, {"type": "string"}]
        assert props["choice"]["description"] == "Either a number or a word."
        assert props["pair"]["prefixItems"] == [{"type": "integer"}, {"type": "string"}]
        assert props["counts"] == {"type": "array", "items": {"type": "integer"}}
        assert props["tally"] == {"type": "object", "additionalProperties": {"type": "number"}}
        assert props["mode"] == {"enum": ["a", "b"]}
        assert schema["$defs"]["_Plain"]["description"] == ""
        assert "description" not in schema["$defs"]["_Plain"]["properties"]["value"]
