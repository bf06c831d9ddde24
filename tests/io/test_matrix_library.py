from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model.io.matrix_library import (
    MatrixLibraryError,
    dumps_matrix_library,
    load_matrix_library,
)
from samverkan_model.risk import MetadataEntry, RiskLevel, RiskMatrix, ScaleLevel
from tests.risk.strategies import risk_matrices

LIBRARY = """
urn: urn:example:risk:library:matrix-4x4
locale: en
ref_id: matrix-4x4
name: Example 4x4 matrix
description: A four-by-four matrix for testing
copyright: Example Org
version: 2
provider: Example Org
packager: example
translations:
  fr:
    name: Matrice 4x4
objects:
  risk_matrix:
  - urn: urn:example:risk:matrix:matrix-4x4
    ref_id: matrix-4x4
    name: Example 4x4 matrix
    description: Probability by impact
    probability:
    - id: 0
      abbreviation: L
      name: Low
      description: Unlikely
      hexcolor: '#BBF7D0'
      translations:
        sv:
          name: Låg
          description: Osannolik
        fr:
          name: Faible
    - id: 1
      abbreviation: M
      name: Medium
      translations:
        sv: {name: Medel}
    - id: 3
      abbreviation: VH
      name: Very high
    - id: 2
      abbreviation: H
      name: High
      annotation: kept as it is
    impact:
    - {id: 0, abbreviation: '1', name: Minor}
    - {id: 1, abbreviation: '2', name: Moderate}
    - {id: 2, abbreviation: '3', name: Major}
    - {id: 3, abbreviation: '4', name: Critical}
    risk:
    - {id: 0, abbreviation: L, name: Low, hexcolor: '#A5D6A7'}
    - {id: 1, abbreviation: M, name: Medium, hexcolor: '#FFF59D'}
    - {id: 2, abbreviation: H, name: High, hexcolor: '#E57373'}
    grid:
    - [0, 0, 1, 1]
    - [0, 1, 1, 2]
    - [1, 1, 2, 2]
    - [1, 2, 2, 2]
"""


def library(**changes: Any) -> str:
    """The example library with top-level or matrix-level changes (None deletes a key)."""
    doc = yaml.safe_load(LIBRARY)
    matrix = doc["objects"]["risk_matrix"][0]
    for key, value in changes.items():
        target, name = (matrix, key[2:]) if key.startswith("m_") else (doc, key)
        if value is None:
            del target[name]
        else:
            target[name] = value
    return str(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


def metadata(m: RiskMatrix) -> dict[str, str]:
    return {e.path: e.value for e in m.metadata}


class TestLoad:
    def test_reads_scales_and_grid(self) -> None:
        """Ids 0..n-1 become values 1..n, sorted; the grid maps to risk levels."""
        (m,) = load_matrix_library(LIBRARY)
        assert m.shape == (4, 4)
        assert [lv.abbreviation for lv in m.likelihood.levels] == ["L", "M", "H", "VH"]
        assert m.grid[0] == (1, 1, 2, 2)
        assert m.level(4, 4).label("en") == "High"
        assert m.level(1, 1).colour == "#A5D6A7"

    def test_locale_and_translations_become_labels(self) -> None:
        """The locale's names are English here; translations.sv gives the Swedish ones."""
        (m,) = load_matrix_library(LIBRARY)
        low = m.likelihood.level(1)
        assert (low.name_en, low.name_sv) == ("Low", "Låg")
        assert (low.description_en, low.description_sv) == ("Unlikely", "Osannolik")
        assert low.colour == "#BBF7D0"
        assert m.likelihood.level(2).label("sv") == "Medel"
        assert m.likelihood.level(4).label("sv") == "Very high"  # falls back to English

    def test_unmodelled_keys_are_kept(self) -> None:
        """provider, packager, copyright, a matrix's urn and other translations are kept."""
        (m,) = load_matrix_library(LIBRARY)
        kept = metadata(m)
        assert kept["library/provider"] == '"Example Org"'
        assert kept["library/packager"] == '"example"'
        assert kept["library/copyright"] == '"Example Org"'
        assert kept["library/version"] == "2"
        assert kept["library/translations"] == '{"fr":{"name":"Matrice 4x4"}}'
        assert kept["matrix/urn"] == '"urn:example:risk:matrix:matrix-4x4"'
        assert kept["matrix/description"] == '"Probability by impact"'
        assert kept["matrix/probability/0/translations/fr"] == '{"name":"Faible"}'
        assert kept["matrix/probability/2/annotation"] == '"kept as it is"'

    def test_swedish_locale(self) -> None:
        """With locale sv the names are Swedish and translations.en gives English."""
        text = dumps_matrix_library([RiskMatrix.default()])
        assert "\nlocale: sv\n" in text
        (m,) = load_matrix_library(text)
        assert m.likelihood.level(1).label("en") == "Very low"
        assert m.likelihood.level(1).label("sv") == "Mycket låg"

    def test_other_locale(self) -> None:
        """With another locale the base names are kept; sv and en come from translations."""
        doc = yaml.safe_load(LIBRARY)
        doc["locale"] = "fr"
        for level in doc["objects"]["risk_matrix"][0]["probability"]:
            level.setdefault("translations", {})["en"] = {"name": f"P{level['id']}"}
        for name in ("impact", "risk"):
            for level in doc["objects"]["risk_matrix"][0][name]:
                level["translations"] = {"sv": {"name": f"S{level['id']}", "note": "x"}}
        (m,) = load_matrix_library(yaml.safe_dump(doc, allow_unicode=True))
        assert m.likelihood.level(1).label("en") == "P0"
        assert m.likelihood.level(1).label("sv") == "Låg"
        assert m.consequence.level(2).label("en") == "S1"
        kept = metadata(m)
        assert kept["matrix/probability/0/name"] == '"Low"'
        assert kept["matrix/impact/1/translations/sv/note"] == '"x"'
        again = load_matrix_library(dumps_matrix_library([m]))
        assert again == (m,)

    def test_translation_in_own_locale_is_kept(self) -> None:
        """A translation into the locale's own language is kept as it is, not read."""
        doc = yaml.safe_load(LIBRARY)
        doc["objects"]["risk_matrix"][0]["impact"][0]["translations"] = {"en": {"name": "Tiny"}}
        (m,) = load_matrix_library(yaml.safe_dump(doc))
        assert m.consequence.level(1).name_en == "Minor"
        assert metadata(m)["matrix/impact/0/translations/en"] == '{"name":"Tiny"}'

    def test_dates_and_other_objects(self) -> None:
        """Dates become ISO text; other kinds of objects in the library are kept."""
        text = library(publication_date="2024-05-01", objects=None) + (
            "objects:\n  framework: [{urn: f}]\n  risk_matrix:\n"
        )
        doc = yaml.safe_load(LIBRARY)
        doc["publication_date"] = yaml.safe_load("2024-05-01")
        doc["objects"]["framework"] = [{"urn": "f"}]
        (m,) = load_matrix_library(yaml.safe_dump(doc))
        assert metadata(m)["library/publication_date"] == '"2024-05-01"'
        assert metadata(m)["library/objects/framework"] == '[{"urn":"f"}]'
        assert load_matrix_library(dumps_matrix_library([m])) == (m,)
        assert text

    def test_from_path(self, tmp_path: Path) -> None:
        """A Path is read as a file; its errors name the file."""
        good = tmp_path / "lib.yaml"
        good.write_text(LIBRARY, encoding="utf-8")
        assert load_matrix_library(good) == load_matrix_library(LIBRARY)
        bad = tmp_path / "bad.yaml"
        bad.write_text(library(m_grid=[[0]]), encoding="utf-8")
        with pytest.raises(MatrixLibraryError, match=r"^.*bad\.yaml: objects\.risk_matrix\[0\]"):
            load_matrix_library(bad)

    def test_allow_decreasing(self) -> None:
        """A decreasing grid is refused unless allow_decreasing=True."""
        grid = [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
        with pytest.raises(MatrixLibraryError, match="grid row 1, column 2: risk level 1 is lower"):
            load_matrix_library(library(m_grid=grid))
        (m,) = load_matrix_library(library(m_grid=grid), allow_decreasing=True)
        assert m.allow_decreasing

    def test_several_matrices(self) -> None:
        """Every matrix of a library is read, in order, each with the library's header."""
        doc = yaml.safe_load(LIBRARY)
        second = copy.deepcopy(doc["objects"]["risk_matrix"][0]) | {"ref_id": "second"}
        doc["objects"]["risk_matrix"].append(second)
        first, other = load_matrix_library(yaml.safe_dump(doc))
        assert metadata(other)["matrix/ref_id"] == '"second"'
        assert metadata(other)["library/provider"] == metadata(first)["library/provider"]
        assert load_matrix_library(dumps_matrix_library([first, other])) == (first, other)


BAD = [
    (library(m_grid=[[0, 0, 1, 1]] * 3), r"grid: has 3 rows, expected 4 \(one per probability"),
    (
        library(m_grid=[[0, 0, 1, 1]] * 3 + [[1, 2, 2]]),
        r"grid: row 4 \(probability id 3\) has 3 entries, expected 4 \(one per impact",
    ),
    (
        library(m_grid=[[0, 0, 1, 7]] * 4),
        r"row 1, column 4 \(probability id 0, impact id 3\): 7 is not a risk id \(0 to 2\)",
    ),
    (library(m_grid=[[0, 0, 1, True]] * 4), "True is not a risk id"),
    (library(m_grid=[[0, 0, 1, 1]] * 3 + [5]), r"grid row 4: expected a list"),
    (library(m_grid="none"), "grid: expected a list"),
    (library(m_impact=None), r"objects\.risk_matrix\[0\]: no 'impact'"),
    (library(m_grid=None), "no 'grid'"),
    (library(m_risk=[]), r"risk: the scale is empty"),
    (
        library(m_risk=[{"id": 0, "name": "L"}, {"id": 2, "name": "H"}]),
        r"risk: ids must run 0, 1, \.\.\. 1 without gaps; got 0, 2",
    ),
    (library(m_risk=[{"id": 0, "name": "L"}, {"id": 0, "name": "H"}]), "id 0 appears more"),
    (library(m_risk=[{"name": "L"}]), r"risk\[0\]\.id: expected a whole number, got None"),
    (library(m_risk=[{"id": 0}]), r"risk\[0\]\.name: level 1 needs a Swedish or an English"),
    (library(m_risk=[{"id": 0, "name": "L", "hexcolor": "green"}]), r"risk\[0\]\.hexcolor"),
    (library(m_risk=[{"id": 0, "name": 5}]), r"risk\[0\]\.name: expected text, got 5"),
    (library(m_risk=[{"id": 0, "name": "L", "translations": []}]), r"\.translations: expected"),
    (library(locale=None), "locale: missing"),
    (library(locale=5), "locale: expected text"),
    (library(objects=None), "objects: expected a mapping"),
    (library(objects={"framework": []}), "objects: no 'risk_matrix' list"),
    (library(objects={"risk_matrix": {}}), r"objects\.risk_matrix: expected a list"),
    (library(objects={"risk_matrix": [5]}), r"objects\.risk_matrix\[0\]: expected a mapping"),
    ("- a\n- b\n", "expected a mapping of keys"),
    ("locale: [unclosed\n", r"line 2, column 1: .* \(not valid YAML\)"),
    (LIBRARY + "extra: !!binary aGVsbG8=\n", r"extra: unsupported value b'hello'"),
    ("locale: \x07\n", "not valid YAML"),
    ("locale: " + "[" * 600 + "]" * 600, "nested too deeply to read"),
    ("locale: " + "[" * 100 + "]" * 100, r"locale: expected text, got \[{57}\.\.\.$"),
    (
        LIBRARY + "shared: &a [1]\nagain: *a\n",
        "anchors and aliases",
    ),
]


class TestErrors:
    @pytest.mark.parametrize(("text", "message"), BAD)
    def test_malformed_library_is_refused(self, text: str, message: str) -> None:
        """A malformed library is refused with a message that names the problem and where."""
        with pytest.raises(MatrixLibraryError, match=message):
            load_matrix_library(text)

    def test_error_is_a_value_error(self) -> None:
        """MatrixLibraryError is a ValueError carrying one problem with its path."""
        with pytest.raises(ValueError, match="no 'grid'") as info:
            load_matrix_library(library(m_grid=None))
        assert isinstance(info.value, MatrixLibraryError)
        assert info.value.problems[0].path == "objects.risk_matrix[0]"

    def test_not_a_path(self) -> None:
        """Something that is neither text nor a path is a type error."""
        with pytest.raises(TypeError):
            load_matrix_library(5)  # type: ignore[arg-type]

    def test_yaml_extra_missing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without PyYAML both functions raise an ImportError naming the extra."""
        monkeypatch.setitem(sys.modules, "yaml", None)
        with pytest.raises(ImportError, match=r"samverkan-model\[yaml\]"):
            load_matrix_library(LIBRARY)
        with pytest.raises(ImportError, match=r"samverkan-model\[yaml\]"):
            dumps_matrix_library([RiskMatrix.default()])


class TestDump:
    def test_nothing_to_write(self) -> None:
        """An empty list of matrices is refused."""
        with pytest.raises(ValueError, match="no matrices to write"):
            dumps_matrix_library([])

    def test_generated_header(self) -> None:
        """A matrix built in Python gets a generated urn, ref_id and name."""
        doc = yaml.safe_load(dumps_matrix_library([RiskMatrix.default(), RiskMatrix.default()]))
        assert doc["urn"] == "urn:samverkan-model:risk:library:risk-matrices"
        assert [m["ref_id"] for m in doc["objects"]["risk_matrix"]] == [
            "risk-matrix-1",
            "risk-matrix-2",
        ]
        assert doc["objects"]["risk_matrix"][0]["name"] == "Riskmatris 5×5"
        assert doc["objects"]["risk_matrix"][0]["grid"][4] == [1, 2, 2, 3, 3]

    def test_deterministic(self) -> None:
        """Dumping the same matrices twice gives the same text."""
        (m,) = load_matrix_library(LIBRARY)
        assert dumps_matrix_library([m]) == dumps_matrix_library([m])

    def test_header_order(self) -> None:
        """The header is written in the layout's order, objects last."""
        (m,) = load_matrix_library(LIBRARY)
        keys = list(yaml.safe_load(dumps_matrix_library([m])))
        assert keys[:4] == ["urn", "locale", "ref_id", "name"]
        assert keys[-1] == "objects"

    @pytest.mark.parametrize(
        ("entry", "message"),
        [
            (MetadataEntry("other/x", "1"), "must start with 'library/' or 'matrix/'"),
            (MetadataEntry("library", "1"), "must start with"),
            (MetadataEntry("library/x", "not json"), "the value is not JSON text"),
        ],
    )
    def test_bad_metadata(self, entry: MetadataEntry, message: str) -> None:
        """Metadata that cannot be written back is refused by path."""
        m = attrs.evolve(RiskMatrix.default(), metadata=[entry])
        with pytest.raises(ValueError, match=message):
            dumps_matrix_library([m])

    def test_modelled_keys_win_over_metadata(self) -> None:
        """Metadata never overwrites what the model writes itself."""
        m = attrs.evolve(
            RiskMatrix.default(),
            metadata=[
                MetadataEntry("matrix/grid", "[]"),
                MetadataEntry("matrix/probability/0/name", '"X"'),
                MetadataEntry("library/objects", "5"),
                MetadataEntry("matrix/probability/0/abbreviation/deep", '"X"'),
                MetadataEntry("matrix/probability/0/abbreviation/x/y", '"X"'),
                MetadataEntry("matrix/probability/9/name", '"X"'),
                MetadataEntry("matrix/probability/first/name", '"X"'),
            ],
        )
        (again,) = load_matrix_library(dumps_matrix_library([m]))
        assert again.grid == m.grid
        assert again.likelihood == m.likelihood


# -- round trips ------------------------------------------------------------------------------

extras = st.dictionaries(
    st.sampled_from(["note", "ref", "x/y", "~t"]),
    st.none() | st.integers() | st.text(max_size=5) | st.lists(st.booleans(), max_size=2),
    max_size=2,
)


def _layout_level(level: ScaleLevel | RiskLevel, draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {"id": level.value - 1, "abbreviation": level.abbreviation}
    out["name"] = level.name_en or "E"
    out["translations"] = {"sv": {"name": level.name_sv or "S", "description": "d"}}
    if draw(st.booleans()):
        out["translations"]["de"] = {"name": "D"}
    if level.colour is not None:
        out["hexcolor"] = level.colour
    return out | draw(extras)


@st.composite
def library_texts(draw: st.DrawFn) -> str:
    """A library in the open layout, with unmodelled keys sprinkled at every level."""
    m = draw(risk_matrices(max_size=3))
    matrix: dict[str, Any] = {"urn": "urn:x:matrix", "name": "M"} | draw(extras)
    for name, levels in (
        ("probability", m.likelihood.levels),
        ("impact", m.consequence.levels),
        ("risk", m.levels),
    ):
        matrix[name] = [_layout_level(level, draw) for level in levels]
    matrix["grid"] = [[cell - 1 for cell in row] for row in m.grid]
    locale = draw(st.sampled_from(["sv", "en", "fr"]))
    doc: dict[str, Any] = {"urn": "urn:x", "locale": locale, "provider": "P"} | draw(extras)
    doc["objects"] = {"risk_matrix": [matrix]}
    # libyaml's dumper when available: the text only has to be valid, and it is quicker.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return str(yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False))


class TestRoundTrip:
    @given(library_texts())
    def test_import_export_import_is_identity(self, text: str) -> None:
        """Import → export → import of a library gives the same matrices."""
        first = load_matrix_library(text)
        assert load_matrix_library(dumps_matrix_library(first)) == first

    @given(st.lists(risk_matrices(max_size=3), min_size=1, max_size=2))
    def test_export_keeps_the_model(self, matrices: list[RiskMatrix]) -> None:
        """Exporting matrices and reading them back keeps scales, levels and grids."""
        loaded = load_matrix_library(dumps_matrix_library(matrices))
        assert len(loaded) == len(matrices)
        for before, after in zip(matrices, loaded, strict=True):
            assert after.likelihood == before.likelihood
            assert after.consequence == before.consequence
            assert after.levels == before.levels
            assert after.grid == before.grid
        assert load_matrix_library(dumps_matrix_library(loaded)) == loaded
