"""Bad documents give a LoadError naming every problem's path, and nothing else escapes."""

from __future__ import annotations

import contextlib
import copy
import pickle
from datetime import date
from typing import Any, get_args, get_origin

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Actor, Analysis, GovernanceLevel, OrganisationKind, Structure
from samverkan_model.io import FORMATS, Format, LoadError, Problem, dumps, from_data, loads, to_data
from samverkan_model.io._converter import absent_means_none
from tests.io.corruption import Leaf, is_enum_type, leaves, objects, wrong_type
from tests.io.strategies import actors, analyses, measures, structures

# Every document drawn here holds an actor or a measure, so there is always an enum field
# to break.
_structure_documents = st.tuples(structures(), actors).map(
    lambda pair: (Structure, to_data(pair[0].with_(actors=(*pair[0].actors, pair[1]))))
)
_analysis_documents = st.tuples(analyses(), measures).map(
    lambda pair: (
        Analysis,
        to_data(attrs.evolve(pair[0], measures=(*pair[0].measures, pair[1]))),
    )
)
documents = _structure_documents | _analysis_documents


def _only_problem(data: dict[str, Any], cls: type = Structure) -> Problem:
    with pytest.raises(LoadError) as caught:
        from_data(data, cls)
    assert len(caught.value.problems) == 1, caught.value
    return caught.value.problems[0]


def _enum_leaves(data: dict[str, Any], cls: type) -> list[tuple[str, Any, Any]]:
    """(path, container, key-or-index) of every enum value in the document."""
    found: list[tuple[str, Any, Any]] = []
    for leaf in leaves(data, cls):
        if is_enum_type(leaf.type):
            found.append((leaf.path, leaf.parent, leaf.key))
        elif get_origin(leaf.type) is frozenset and is_enum_type(get_args(leaf.type)[0]):
            values = leaf.parent[leaf.key]
            found.extend((f"{leaf.path}[{i}]", values, i) for i in range(len(values)))
    return found


Document = tuple[type, dict[str, Any]]


class TestSingleFieldCorruption:
    @given(data=st.data(), document=documents)
    def test_wrong_type(self, data: st.DataObject, document: Document) -> None:
        """A field of the wrong type is the one problem, at that field's path."""
        cls, doc = document
        leaf: Leaf = data.draw(st.sampled_from(list(leaves(doc, cls))))
        leaf.parent[leaf.key] = wrong_type(leaf)
        problem = _only_problem(doc, cls)
        assert problem.path == leaf.path

    @given(data=st.data(), document=documents)
    def test_unknown_enum_value(self, data: st.DataObject, document: Document) -> None:
        """An unknown enum value is reported at its path, with the valid values."""
        cls, doc = document
        path, container, key = data.draw(st.sampled_from(_enum_leaves(doc, cls)))
        container[key] = "no-such-value"
        problem = _only_problem(doc, cls)
        assert problem.path == path
        assert problem.message.startswith("'no-such-value' is not one of ")

    @given(data=st.data(), document=documents)
    def test_extra_key(self, data: st.DataObject, document: Document) -> None:
        """An unknown key is reported at the mapping that holds it."""
        cls, doc = document
        path, obj, _ = data.draw(st.sampled_from(list(objects(doc, cls))))
        obj["zz-unknown"] = 1
        problem = _only_problem(doc, cls)
        assert problem == Problem(path, "unknown key 'zz-unknown'")

    @given(data=st.data(), document=documents)
    def test_missing_required_key(self, data: st.DataObject, document: Document) -> None:
        """A missing required key is reported at its own path."""
        cls, doc = document
        required = [
            (path, obj, a.name)
            for path, obj, obj_cls in objects(doc, cls)
            for a in attrs.fields(obj_cls)
            if a.default is attrs.NOTHING
            and a.init
            and a.name in obj
            and a.name not in absent_means_none(obj_cls)
        ]
        path, obj, name = data.draw(st.sampled_from(required))
        del obj[name]
        problem = _only_problem(doc, cls)
        assert problem == Problem(f"{path}.{name}" if path else name, "required key is missing")


class TestMessages:
    def test_issue_examples(self) -> None:
        """The messages read as documented, and str() lists every problem."""
        document = to_data(
            Structure(
                "x",
                actors=[
                    Actor(f"a{i}", "A", OrganisationKind.OTHER, GovernanceLevel.LOCAL)
                    for i in range(4)
                ],
            )
        )
        document["actors"][3]["level"] = "regionl"
        document["actors"][1]["nmae"] = "A"
        with pytest.raises(LoadError) as caught:
            from_data(document)
        assert caught.value.problems == (
            ("actors[1]", "unknown key 'nmae' (did you mean 'name'?)"),
            ("actors[3].level", "'regionl' is not one of central, regional, subregional, local"),
        )
        assert str(caught.value) == (
            "2 problems\n"
            "  actors[1]: unknown key 'nmae' (did you mean 'name'?)\n"
            "  actors[3].level: 'regionl' is not one of central, regional, subregional, local"
        )

    @pytest.mark.parametrize(
        ("field", "value", "path", "message"),
        [
            ("org_number", "212000-0143", "actors[0].org_number", "is not a valid Swedish"),
            ("id", "Not A Slug", "actors[0].id", "'Not A Slug' is not a valid id"),
            ("name", 42, "actors[0].name", "expected text, got 42"),
            ("area", "9999", "actors[0].area", "'9999' is not a known area"),
            ("categories", "kommun", "actors[0].categories", "expected a list, got 'kommun'"),
            ("categories", ["Bad"], "actors[0].categories", "'Bad' is not a valid id"),
        ],
    )
    def test_field_reasons(self, field: str, value: object, path: str, message: str) -> None:
        """Validator failures and wrong values name the field and the reason."""
        document = to_data(
            Structure("x", actors=[Actor("a", "A", OrganisationKind.OTHER, GovernanceLevel.LOCAL)])
        )
        document["actors"][0][field] = value
        problem = _only_problem(document)
        assert problem.path == path
        assert message in problem.message

    def test_analysis_validator(self) -> None:
        """A risk off the positive scale is reported at its field inside the analysis."""
        document = {
            "format": "samverkan-model/analysis",
            "version": 1,
            "id": "rsa",
            "title": "RSA",
            "risks": [
                {
                    "id": "r1",
                    "title": "Oro",
                    "description": "",
                    "living_conditions": [],
                    "likelihood": 0,
                    "consequence": 2,
                }
            ],
        }
        problem = _only_problem(document, Analysis)
        assert problem.path == "risks[0].likelihood"
        assert "0" in problem.message

    def test_period_end_before_start(self) -> None:
        """A period ending before it starts is reported at its end."""
        document = {
            "format": "samverkan-model/structure",
            "version": 1,
            "name": "x",
            "memberships": [
                {
                    "member": "a",
                    "body": "b",
                    "role": "chair",
                    "period": {"start": "2025-01-01", "end": "2024-01-01"},
                }
            ],
        }
        problem = _only_problem(document)
        assert problem == Problem(
            "memberships[0].period.end", "2024-01-01 is before start 2025-01-01"
        )

    def test_not_a_mapping(self) -> None:
        """A list where a mapping belongs is one problem, not one per field."""
        problem = _only_problem(
            {"format": "samverkan-model/structure", "version": 1, "name": "x", "actors": [[1]]}
        )
        assert problem == Problem("actors[0]", "expected a mapping of keys to values, got a list")

    def test_every_problem_is_listed(self) -> None:
        """Problems in different objects are all reported."""
        document = to_data(Structure("x"))
        document["name"] = 1
        document["bodies"] = [{"id": "b"}, {"id": "c", "name": "C", "kind": "x", "level": "local"}]
        with pytest.raises(LoadError) as caught:
            from_data(document)
        paths = [p.path for p in caught.value.problems]
        assert paths == [
            "name",
            "bodies[0].name",
            "bodies[0].kind",
            "bodies[0].level",
            "bodies[1].kind",
        ]

    def test_load_error_is_a_value_error_and_pickles(self) -> None:
        """LoadError is a ValueError and survives pickling with its problems."""
        error = LoadError([("a", "b"), ("", "c")], source="f.json")
        assert isinstance(error, ValueError)
        clone = pickle.loads(pickle.dumps(error))
        assert clone.problems == error.problems
        assert clone.source == "f.json"
        assert str(clone) == "f.json: 2 problems\n  a: b\n  c"

    def test_source_is_named(self) -> None:
        """loads(..., source=...) names the source in the message."""
        with pytest.raises(LoadError, match=r"^here\.json: line 1, column 1: "):
            loads("nonsense", Structure, source="here.json")


def _structure_text(fmt: Format) -> str:
    return dumps(
        Structure(
            "Regionen",
            actors=[Actor("a", "Å", OrganisationKind.REGION, GovernanceLevel.REGIONAL)],
        ),
        fmt,
    )


class TestBadInput:
    @given(raw=st.binary(max_size=300), fmt=st.sampled_from(FORMATS))
    def test_random_bytes(self, raw: bytes, fmt: Format) -> None:
        """Random bytes never raise anything but LoadError."""
        with contextlib.suppress(LoadError):
            loads(raw, Structure, fmt)

    @given(structure=structures(), fmt=st.sampled_from(FORMATS), data=st.data())
    def test_truncated_files(self, structure: Structure, fmt: Format, data: st.DataObject) -> None:
        """A file cut short loads or raises LoadError, nothing else."""
        raw = dumps(structure, fmt).encode()
        cut = data.draw(st.integers(0, len(raw) - 1))
        with contextlib.suppress(LoadError):
            loads(raw[:cut], Structure, fmt)

    @given(fmt=st.sampled_from(FORMATS), data=st.data())
    def test_mangled_bytes(self, fmt: Format, data: st.DataObject) -> None:
        """A file with one byte changed loads or raises LoadError, nothing else."""
        raw = bytearray(_structure_text(fmt).encode())
        index = data.draw(st.integers(0, len(raw) - 1))
        raw[index] = data.draw(st.integers(0, 255))
        with contextlib.suppress(LoadError):
            loads(bytes(raw), Structure, fmt)

    @pytest.mark.parametrize(
        ("text", "fmt", "where"),
        [
            ('{"format": 1,\n  "version" 1}', "json", "line 2, column 13"),
            ("format = 1\nversion = = 1\n", "toml", "line 2, column 11"),
            ("format: x\n  version: [1\n", "yaml", "line 2, column 10"),
            ("a: [1", "yaml", "line 2, column 1"),
            ('name = "x', "toml", "line 1, column 10"),
        ],
    )
    def test_syntax_errors_have_line_and_column(self, text: str, fmt: Format, where: str) -> None:
        """A syntax error names its line and column and the format."""
        with pytest.raises(LoadError) as caught:
            loads(text, Structure, fmt)
        (problem,) = caught.value.problems
        assert problem.path == ""
        assert problem.message.startswith(where + ": ")
        assert problem.message.endswith(f"(not valid {fmt.upper()})")

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 are reported with their line and column."""
        with pytest.raises(LoadError, match=r"line 2, column 3: the file is not UTF-8 text"):
            loads(b'{\n  \xff"x": 1}', Structure)

    def test_byte_order_mark_is_ignored(self) -> None:
        """A UTF-8 byte order mark at the start is skipped."""
        text = _structure_text("json")
        assert loads(b"\xef\xbb\xbf" + text.encode(), Structure) == loads(text, Structure)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("[1, 2]", "expected a samverkan-model/structure document"),
            ('"text"', "expected a samverkan-model/structure document"),
        ],
    )
    def test_wrong_top_level(self, text: str, message: str) -> None:
        """A document that is not a mapping is one clear problem."""
        with pytest.raises(LoadError, match=message):
            loads(text, Structure)

    @pytest.mark.parametrize(
        ("text", "fmt"),
        [("[" * 1100, "yaml"), ("[" * 5000 + "]" * 5000, "json"), ("a = " + "[" * 5000, "toml")],
    )
    def test_deep_nesting(self, text: str, fmt: Format) -> None:
        """A document nested deeper than can be read is a LoadError."""
        with pytest.raises(LoadError):
            loads(text, Structure, fmt)

    def test_self_referencing_yaml(self) -> None:
        """A YAML alias that contains itself is a LoadError, not a crash."""
        text = "format: samverkan-model/structure\nversion: 1\nname: &a [*a]\n"
        with pytest.raises(LoadError):
            loads(text, Structure, "yaml")

    def test_dates_must_be_real(self) -> None:
        """A date of the right form that does not exist is refused."""
        document = to_data(Structure("x"))
        document["decisions"] = [
            {"id": "d", "kind": "budget", "body": "b", "decided_on": "2025-02-30"}
        ]
        problem = _only_problem(copy.deepcopy(document))
        assert problem == Problem(
            "decisions[0].decided_on", "'2025-02-30' is not a valid calendar date"
        )
        document["decisions"][0]["decided_on"] = date(2025, 2, 1)
        assert from_data(document).decisions[0].decided_on == date(2025, 2, 1)
