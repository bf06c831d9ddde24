"""The documentation stays in step with the code.

These checks read the Markdown sources under ``docs/``; the Sphinx build itself (``make
docs``) renders them with warnings as errors and runs every example.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from enum import Enum
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

import samverkan_model
from samverkan_model import FINDING_CODES, Actor, LabelledEnum, Mode, structure

DOCS = Path(__file__).resolve().parents[1] / "docs"
REFERENCE = DOCS / "reference"
PACKAGE = "samverkan_model"

_DIRECTIVE = re.compile(
    r"^\s*(?:\.\.\s+(?P<rst>[\w:-]+)::|```\{(?P<myst>[\w:-]+)\})\s*(?P<arg>\S*)\s*$"
)
_OPTION = re.compile(r"^\s*:(?P<name>[\w-]+):\s*(?P<value>.*)$")
_ROLE = re.compile(r"\{py:\w+\}`(?P<target>[^`]+)`")
_FENCE = re.compile(r"^(?P<fence>`{3,}|~{3,}|:{3,})\s*(?P<info>\S*)")


def _resolve(dotted: str) -> object:
    """The object a dotted name under ``samverkan_model`` refers to; ``None`` if none."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr, None)
        return obj
    return None


def _same(found: object, obj: object) -> bool:
    return found is obj or (isinstance(obj, str) and found == obj)


def _documented_in(page: Path) -> list[str]:
    """The dotted names the autodoc and ``py:`` directives of *page* document.

    Follows the same rules as autodoc: ``automodule`` with a bare ``:members:`` documents
    the names in the module's ``__all__``; other directives document the name they are
    given, relative to the current module; ``:no-index:`` entries are not counted.
    """
    found: list[str] = []
    module = PACKAGE
    pending: tuple[str, str, dict[str, str]] | None = None

    def flush() -> None:
        if pending is None:
            return
        directive, arg, options = pending
        if "no-index" in options or "noindex" in options:
            return
        if directive == "automodule":
            members = options.get("members")
            if members is None:
                return
            excluded = {m.strip() for m in options.get("exclude-members", "").split(",")}
            names = (
                [m.strip() for m in members.split(",") if m.strip()]
                if members.strip()
                else list(getattr(importlib.import_module(arg), "__all__", ()))
            )
            found.extend(f"{arg}.{name}" for name in names if name not in excluded)
        elif directive.startswith(("auto", "py:")):
            found.append(arg if arg.startswith(PACKAGE + ".") else f"{module}.{arg}")

    for line in page.read_text("utf-8").splitlines():
        match = _DIRECTIVE.match(line)
        if match is not None:
            flush()
            pending = None
            directive = match["rst"] or match["myst"]
            arg = match["arg"]
            if directive in {"currentmodule", "py:currentmodule", "py:module", "module"}:
                module = arg
            elif directive == "automodule":
                module = arg
                pending = (directive, arg, {})
            elif directive.startswith(("auto", "py:")):
                pending = (directive, arg, {})
            continue
        option = _OPTION.match(line)
        if option is not None and pending is not None:
            pending[2][option["name"]] = option["value"]
    flush()
    return found


@cache
def _reference_places() -> dict[str, list[str]]:
    """For each name in ``samverkan_model.__all__``: the dotted names documenting it."""
    documented = [name for page in sorted(REFERENCE.glob("*.md")) for name in _documented_in(page)]
    places: dict[str, list[str]] = {}
    for name in samverkan_model.__all__:
        obj = getattr(samverkan_model, name)
        places[name] = [
            dotted
            for dotted in documented
            if dotted.rsplit(".", 1)[-1] == name and _same(_resolve(dotted), obj)
        ]
    return places


def _table_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row in *text* (header and rule rows included)."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in text.splitlines()
        if line.lstrip().startswith("|")
    ]


class TestFindingCodes:
    PAGE = REFERENCE / "finding-codes.md"

    def rows(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for cells in _table_rows(self.PAGE.read_text("utf-8")):
            match = re.fullmatch(r"`([a-z0-9-]+)`", cells[0])
            if match is not None:
                out[match[1]] = cells
        return out

    @pytest.mark.parametrize("code", sorted(FINDING_CODES))
    def test_registered_code_is_documented_with_its_severity(self, code: str) -> None:
        """Every registered finding code has a row giving its severity and a meaning."""
        rows = self.rows()
        assert code in rows, f"{code!r} has no row in docs/reference/finding-codes.md"
        cells = rows[code]
        assert len(cells) >= 3, cells
        assert cells[1] == FINDING_CODES[code].severity.value
        assert len(cells[2]) > 20, f"{code!r}: the meaning is missing"

    def test_documented_codes_are_registered(self) -> None:
        """The page names no code that the library does not register."""
        assert set(self.rows()) <= set(FINDING_CODES)


class TestReference:
    @pytest.mark.parametrize("name", sorted(samverkan_model.__all__))
    def test_public_name_is_documented_once(self, name: str) -> None:
        """Each name in ``samverkan_model.__all__`` is documented on exactly one reference page."""
        places = _reference_places()[name]
        assert len(places) == 1, f"{name!r} is documented at {places or 'no place'}"

    def test_parser_follows_automodule_members(self) -> None:
        """The page parser counts an ``automodule`` with ``:members:`` as its ``__all__``."""
        documented = _documented_in(REFERENCE / "findings.md")
        assert "samverkan_model.findings.Finding" in documented
        assert "samverkan_model.findings.sort_findings" in documented

    def test_every_reference_page_is_in_a_toctree(self) -> None:
        """The reference index globs its folder, so every page there is listed."""
        index = (REFERENCE / "index.md").read_text("utf-8")
        assert re.search(r":glob:\s*\n(?:.*\n)*?\*\s*\n", index), "reference/index.md must glob *"


class TestGlossary:
    PAGE = DOCS / "explanation" / "glossary.md"

    def targets(self) -> list[str]:
        return [m["target"].lstrip("~.") for m in _ROLE.finditer(self.PAGE.read_text("utf-8"))]

    def test_enum_labels_are_generated(self) -> None:
        """The enumeration labels come from the code, through the enum-glossary directive."""
        assert "```{enum-glossary}" in self.PAGE.read_text("utf-8")

    def test_identifiers_exist(self) -> None:
        """Every identifier the glossary names is a real public name, method or field."""
        assert self.targets()
        missing = [
            t
            for t in self.targets()
            if _resolve(t if t.startswith(PACKAGE) else f"{PACKAGE}.{t}") is None
        ]
        assert missing == []

    def test_enum_members_are_not_written_by_hand(self) -> None:
        """Enum members are left to the generated tables, so no label is written twice."""
        written = []
        for target in self.targets():
            obj = _resolve(target if target.startswith(PACKAGE) else f"{PACKAGE}.{target}")
            if isinstance(obj, Enum) and isinstance(obj, LabelledEnum):
                written.append(target)
        assert written == []


def _markdown_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)


class TestExamples:
    @pytest.mark.parametrize("page", _markdown_pages(), ids=lambda p: str(p.relative_to(DOCS)))
    def test_examples_are_doctest_blocks(self, page: Path) -> None:
        """A ``>>>`` example in a page sits in a ``{doctest}`` block, so the docs build runs it."""
        fence: str | None = None
        runnable = False
        stray: list[int] = []
        for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
            match = _FENCE.match(line.strip())
            if fence is None and match is not None:
                fence, runnable = match["fence"], match["info"] in {"{doctest}", "{testcode}"}
                if match["info"] == "{eval-rst}":
                    runnable = True  # reST ``.. doctest::`` blocks live here
            elif fence is not None and line.strip() == fence:
                fence = None
            elif line.lstrip().startswith(">>>") and not runnable:
                stray.append(number)
            if fence is None:
                runnable = False
        assert stray == [], f"{page.name}: >>> outside a doctest block on lines {stray}"


@cache
def _extension() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "samverkan_docs", DOCS / "_ext" / "samverkan_docs.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TestDocsExtension:
    def test_home_is_the_shortest_public_module_exporting_the_name(self) -> None:
        """A re-exported class is documented in its subpackage, not its defining module."""
        ext = _extension()
        assert ext.home_module("Actor", Actor) == "samverkan_model.structure"
        assert ext.home_module("LabelledEnum", LabelledEnum) == "samverkan_model"

    def test_prose_before_a_colon_is_not_a_type(self) -> None:
        """Napoleon's type-colon reading is undone only when the words are prose."""
        ext = _extension()
        assert ext._looks_like_type("int")
        assert ext._looks_like_type("dict[str, Period] | None")
        assert not ext._looks_like_type("Height of the level")
        assert not ext._looks_like_type("Alias of :attr:`period`")
        lines = ["0 for local up to 3 for central.", "", ":type: Height of the level"]
        ext.keep_property_summary(None, "property", "rank", None, None, lines)
        assert lines == ["Height of the level: 0 for local up to 3 for central."]

    def test_enum_docstrings_get_a_member_table(self) -> None:
        """Every labelled enumeration's docstring ends with its members and labels."""
        ext = _extension()
        lines: list[str] = []
        ext.enum_members(None, "class", "Mode", Mode, None, lines)
        text = "\n".join(lines)
        assert ".. list-table:: Members" in text
        assert '``"activated"``' in text
        assert "Aktiverat läge" in text

    def test_reexported_constant_gets_its_own_docstring(self) -> None:
        """A constant re-exported by a package is described by the docstring at its definition."""
        ext = _extension()
        lines = ["str(object='') -> str"]
        ext.constant_docs(None, "data", "samverkan_model.REDACTED", structure.REDACTED, None, lines)
        assert lines[0].startswith("The name a redacted person is given")
