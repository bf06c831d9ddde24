"""The text formats: orjson and the standard library agree byte for byte; YAML and TOML details."""

from __future__ import annotations

import builtins
from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Person, Structure, strategies
from samverkan_model.io import LoadError, converter, dumps, loads
from samverkan_model.io import _formats as formats
from tests.io.strategies import structures


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as if the ``fast`` extra were not installed."""
    monkeypatch.setattr(formats, "_orjson", lambda: None)


@attrs.frozen
class _Stamp:
    """A user's own class, written by a hook the user registers."""

    day: date


class TestJsonBackends:
    @given(structure=structures())
    def test_same_bytes_with_and_without_orjson(self, structure: Structure) -> None:
        """Orjson and the standard library write identical text."""
        fast = dumps(structure)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formats, "_orjson", lambda: None)
            plain = dumps(structure)
        assert fast.encode() == plain.encode()

    @given(document=st.one_of(strategies.analyses(), strategies.follow_up_registers()))
    def test_same_bytes_for_dates_written_by_orjson(self, document: object) -> None:
        """Dates orjson writes itself come out as the text the standard library gets."""
        fast = dumps(document)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formats, "_orjson", lambda: None)
            plain = dumps(document)
        assert fast == plain

    @pytest.mark.parametrize("orjson", [True, False])
    def test_dates_in_data_are_written_as_iso_text(self, orjson: bool) -> None:
        """render_json() takes dates as they are and refuses other objects by name."""
        with pytest.MonkeyPatch.context() as patch:
            if not orjson:
                patch.setattr(formats, "_orjson", lambda: None)
            assert formats.render_json([date(999, 12, 31)]) == '[\n  "0999-12-31"\n]\n'
            with pytest.raises(TypeError, match="object is not written as JSON"):
                formats.render_json([object()])

    def test_hooks_users_register_are_used_for_their_classes(self) -> None:
        """A hook registered on the converter writes the user's class, orjson or not."""
        converter.register_unstructure_hook(_Stamp, lambda s: {"day": f"{s.day:%d.%m.%Y}"})
        expected = '{\n  "day": "02.01.2025"\n}\n'
        assert dumps(_Stamp(date(2025, 1, 2))) == expected
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formats, "_orjson", lambda: None)
            assert dumps(_Stamp(date(2025, 1, 2))) == expected

    @given(name=st.text())
    def test_same_bytes_for_any_text(self, name: str) -> None:
        """Any text, control and non-BMP characters included, is escaped the same way."""
        structure = Structure(name, persons=[Person("p", name)])
        fast = formats.render({"name": name}, "json")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(formats, "_orjson", lambda: None)
            plain = formats.render({"name": name}, "json")
            assert loads(dumps(structure), Structure) == structure
        assert fast == plain

    def test_orjson_is_really_used(self) -> None:
        """With the extra installed, the fast path is the one taken."""
        assert formats._orjson() is not None

    def test_orjson_import_error_means_stdlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without orjson importable, the standard library is used."""
        real_import = builtins.__import__

        def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
            if name == "orjson":
                raise ImportError(name)
            return real_import(name, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", fake_import)
        assert formats._orjson() is None

    def test_text_orjson_refuses_falls_back(self) -> None:
        """Text orjson cannot encode (a lone surrogate) is written by the standard library."""
        assert formats.render({"a": "\ud800"}, "json") == '{\n  "a": "\ud800"\n}\n'

    @pytest.mark.usefixtures("without_orjson")
    def test_stdlib_reads_and_reports(self) -> None:
        """The standard-library path reads documents and reports syntax errors alike."""
        structure = Structure("x")
        assert loads(dumps(structure), Structure) == structure
        with pytest.raises(LoadError, match=r"line 1, column 2: .* \(not valid JSON\)"):
            loads("{,}", Structure)

    @pytest.mark.usefixtures("without_orjson")
    def test_stdlib_refuses_nan(self) -> None:
        """NaN and Infinity are not JSON values the library accepts."""
        with pytest.raises(LoadError, match="NaN is not allowed"):
            loads('{"name": NaN}', Structure)

    @pytest.mark.usefixtures("without_orjson")
    def test_stdlib_deep_nesting(self) -> None:
        """Deep nesting is a LoadError with the standard library too."""
        with pytest.raises(LoadError, match="nested too deeply"):
            loads("[" * 100_000 + "]" * 100_000, Structure)


class TestYaml:
    def test_number_like_text_is_quoted(self) -> None:
        """Codes and dates are quoted, so no YAML reader takes them for numbers."""
        text = formats.render({"area": "0180", "start": "2025-01-01", "at": "10:30"}, "yaml")
        assert text == "area: '0180'\nstart: '2025-01-01'\nat: '10:30'\n"

    def test_multiline_text_is_a_block(self) -> None:
        """Text with line breaks is written as a literal block."""
        assert formats.render({"mandate": "a\nb"}, "yaml") == "mandate: |-\n  a\n  b\n"

    def test_native_dates_are_accepted(self) -> None:
        """Unquoted YAML dates, as people write them, are read as dates."""
        text = (
            "format: samverkan-model/structure\nversion: 1\nname: x\n"
            "decisions:\n- {id: d, kind: budget, body: b, decided_on: 2025-03-01}\n"
        )
        assert loads(text, Structure, "yaml").decisions[0].decided_on == date(2025, 3, 1)

    def test_unquoted_clock_time_hint(self) -> None:
        """YAML 1.1 reads 10:30 as a number; the message says to quote it."""
        text = (
            "format: samverkan-model/structure\nversion: 1\nname: x\nbodies:\n"
            "- {id: b, name: B, kind: conference, level: local,"
            " cadence: {weekday: 1, at: 10:30}}\n"
        )
        with pytest.raises(LoadError, match=r"bodies\[0\]\.cadence\.at: .*quote times in YAML"):
            loads(text, Structure, "yaml")

    @pytest.mark.parametrize(
        "text",
        [
            "format: samverkan-model/structure\nversion: 1\nname: &n x\nbodies: *n\n",
            "a: &a [*a]\n",
        ],
    )
    def test_aliases_are_refused(self, text: str) -> None:
        """Anchors and aliases are refused, with the line of the alias."""
        with pytest.raises(LoadError, match=r"line .*anchors and aliases"):
            loads(text, Structure, "yaml")

    def test_on_and_off_keys_are_text(self) -> None:
        """An unquoted key such as on (a YAML 1.1 boolean) is read as the field name."""
        text = (
            "format: samverkan-model/structure\nversion: 1\nname: x\n"
            "activations:\n- on: 2025-03-04T10:00:00\n  mode: activated\n  decided_by: rsib\n"
        )
        assert loads(text, Structure, "yaml").activations[0].mode.value == "activated"

    def test_several_documents_are_refused(self) -> None:
        """A YAML stream of several documents is not one document."""
        with pytest.raises(LoadError, match="not valid YAML"):
            loads("a: 1\n---\nb: 2\n", Structure, "yaml")

    def test_unreadable_characters(self) -> None:
        """A control character YAML cannot hold is reported as a YAML problem."""
        with pytest.raises(LoadError, match="not valid YAML"):
            loads("name: a\x07b\n", Structure, "yaml")

    def test_flow_depth(self) -> None:
        """The nesting bound counts open brackets and ignores stray closing ones."""
        assert formats._flow_depth("]] [[a] {b: [c]}]") == 3


class TestToml:
    def test_native_dates_are_accepted(self) -> None:
        """Unquoted TOML dates are read as dates."""
        text = (
            'format = "samverkan-model/structure"\nversion = 1\nname = "x"\n'
            '[[decisions]]\nid = "d"\nkind = "budget"\nbody = "b"\ndecided_on = 2025-03-01\n'
        )
        assert loads(text, Structure, "toml").decisions[0].decided_on == date(2025, 3, 1)


class TestFormatNames:
    def test_unknown_format(self) -> None:
        """An unknown format name is a ValueError naming the known ones."""
        with pytest.raises(ValueError, match="json, toml, yaml"):
            dumps(Structure("x"), "xml")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="json, toml, yaml"):
            loads("", Structure, "xml")  # type: ignore[call-overload]
