"""Document headers, kinds and versions, and migrating older versions step by step."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from samverkan_model import Structure
from samverkan_model.io import (
    DOCUMENT_KINDS,
    MIGRATIONS,
    LoadError,
    Problem,
    dumps,
    from_data,
    loads,
    to_data,
)
from samverkan_model.io.documents import document_kind, kind_named, migrate

STRUCTURE = document_kind(Structure)


def _rename_on_call_rosters(body: dict[str, Any]) -> dict[str, Any]:
    """Version 0 -> 1 of a structure: ``on_call_rosters`` became ``rosters``."""
    out = dict(body)
    if "on_call_rosters" in out:
        out["rosters"] = out.pop("on_call_rosters")
    return out


V0_STRUCTURE = {
    "format": "samverkan-model/structure",
    "version": 0,
    "name": "Beredskap",
    "on_call_rosters": [
        {
            "function": "tib",
            "shifts": [{"person": "anna", "start": "2025-01-06T08:00", "end": "2025-01-13T08:00"}],
        }
    ],
}


@pytest.fixture
def v0_migration(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the test's version-0 migration of structures."""
    monkeypatch.setitem(MIGRATIONS, ("samverkan-model/structure", 0), _rename_on_call_rosters)


class TestKinds:
    def test_every_kind_is_found_by_class_and_name(self) -> None:
        """Each document kind is found by its class and by its format name."""
        for kind in DOCUMENT_KINDS:
            assert document_kind(kind.cls) is kind
            assert kind_named(kind.format) is kind
            assert kind.format.startswith("samverkan-model/")
        assert document_kind(int) is None
        assert kind_named("other") is None

    def test_header_comes_first(self) -> None:
        """A document starts with format and version."""
        data = to_data(Structure("x"))
        assert list(data)[:2] == ["format", "version"]
        assert data["version"] == STRUCTURE.version if STRUCTURE else False

    def test_load_without_class_uses_format(self) -> None:
        """With no class given, the format key says what to read."""
        assert loads(dumps(Structure("x"))) == Structure("x")


class TestHeaderProblems:
    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            ({"format": None}, [("format", "required key is missing")]),
            ({"version": None}, [("version", "required key is missing")]),
            ({"format": "samverkan-model/other"}, [("format", "'samverkan-model/other' is not")]),
            ({"format": 3}, [("format", "3 is not a document format")]),
            ({"version": "1"}, [("version", "expected a version number, got '1'")]),
            ({"version": True}, [("version", "expected a version number, got true")]),
            ({"version": -1}, [("version", "expected a version number, got -1")]),
            ({"version": 2}, [("version", "this is version 2 of samverkan-model/structure")]),
            ({"version": 0}, [("version", "version 0 of samverkan-model/structure is unknown")]),
            (
                {"format": None, "version": None},
                [("format", "required key"), ("version", "required key")],
            ),
        ],
    )
    def test_bad_headers(self, change: dict[str, Any], expected: list[tuple[str, str]]) -> None:
        """Missing, unknown or too new headers are clear problems."""
        data = to_data(Structure("x"))
        for key, value in change.items():
            if value is None:
                del data[key]
            else:
                data[key] = value
        with pytest.raises(LoadError) as caught:
            from_data(data, Structure)
        problems = caught.value.problems
        assert [p.path for p in problems] == [path for path, _ in expected]
        for problem, (_, start) in zip(problems, expected, strict=True):
            assert problem.message.startswith(start), problem

    def test_newer_version_says_upgrade(self) -> None:
        """A newer file asks the user to upgrade the library."""
        data = to_data(Structure("x"))
        data["version"] = 9
        with pytest.raises(LoadError, match="upgrade samverkan-model"):
            from_data(data)

    def test_wrong_kind_for_the_class(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading a document of one kind as another names both."""
        from samverkan_model.io import documents

        other = documents.DocumentKind(dict, "samverkan-model/other", 1, "other.schema.json")
        monkeypatch.setattr(documents, "DOCUMENT_KINDS", (*documents.DOCUMENT_KINDS, other))
        data = to_data(Structure("x"))
        data["format"] = "samverkan-model/other"
        with pytest.raises(LoadError) as caught:
            from_data(data, Structure)
        assert caught.value.problems == (
            Problem("format", "expected 'samverkan-model/structure', got 'samverkan-model/other'"),
        )

    def test_names_the_known_formats(self) -> None:
        """A missing format lists the formats there are."""
        with pytest.raises(LoadError, match="'samverkan-model/structure'"):
            from_data({"version": 1})


class TestMigrations:
    @pytest.mark.usefixtures("v0_migration")
    def test_version_0_file_loads(self) -> None:
        """A version-0 file is migrated and loads as the current structure."""
        structure = loads(json.dumps(V0_STRUCTURE), Structure)
        assert structure.rosters[0].function == "tib"
        assert to_data(structure)["version"] == 1

    @pytest.mark.usefixtures("v0_migration")
    def test_migrations_are_pure(self) -> None:
        """Migrating leaves the input untouched."""
        body = {
            k: v for k, v in copy.deepcopy(V0_STRUCTURE).items() if k not in ("format", "version")
        }
        before = copy.deepcopy(body)
        assert STRUCTURE is not None
        migrated = migrate(body, STRUCTURE, 0)
        assert body == before
        assert "rosters" in migrated
        assert "on_call_rosters" not in migrated

    def test_steps_apply_in_order(self) -> None:
        """Each step runs once, from the file's version up to the current one."""
        assert STRUCTURE is not None
        kind = type(STRUCTURE)(Structure, STRUCTURE.format, 3, STRUCTURE.schema_file)
        steps = {
            (kind.format, 1): lambda body: {**body, "trail": [*body.get("trail", []), 1]},
            (kind.format, 2): lambda body: {**body, "trail": [*body.get("trail", []), 2]},
        }
        assert migrate({}, kind, 1, steps) == {"trail": [1, 2]}
        assert migrate({}, kind, 3, steps) == {}

    def test_without_the_step_version_0_is_unknown(self) -> None:
        """With no migration from version 0, such a file is a clear error."""
        with pytest.raises(LoadError, match="no migration starts from it"):
            loads(json.dumps(V0_STRUCTURE), Structure)

    @pytest.mark.usefixtures("v0_migration")
    def test_problems_after_migration_use_current_names(self) -> None:
        """Problems in a migrated file are reported with the current field names."""
        data = copy.deepcopy(V0_STRUCTURE)
        data["on_call_rosters"][0]["min_people"] = 0  # type: ignore[index]
        with pytest.raises(LoadError) as caught:
            from_data(data)
        (problem,) = caught.value.problems
        assert problem.path == "rosters[0].min_people"
