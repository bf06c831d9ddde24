"""Reading and writing plain data as JSON, TOML or YAML text.

JSON uses orjson (the ``fast`` extra) when it is installed and the standard library
otherwise; both write the same bytes. YAML needs PyYAML (the ``yaml`` extra), imported
only when a YAML document is read or written.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import tomli_w

from samverkan_model.io.errors import LoadError

__all__ = [
    "FORMATS",
    "SUFFIXES",
    "Format",
    "format_for_path",
    "parse",
    "render",
    "render_json",
    "writes_dates",
]

Format = Literal["json", "toml", "yaml"]
"""A text format for documents."""

FORMATS: tuple[Format, ...] = ("json", "toml", "yaml")

SUFFIXES: dict[str, Format] = {".json": "json", ".toml": "toml", ".yaml": "yaml", ".yml": "yaml"}
"""File suffixes and the format each one stands for."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def format_for_path(path: Path) -> Format:
    """The format a file's suffix stands for.

    Raises:
        ValueError: if the suffix is none of ``.json``, ``.toml``, ``.yaml`` and ``.yml``.
    """
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(SUFFIXES)
        msg = f"cannot tell the format of {str(path)!r} from its suffix: use one of {known}"
        raise ValueError(msg)
    return fmt


def check_format(fmt: str) -> Format:
    """*fmt* itself when it names a supported format.

    Raises:
        ValueError: for any other name.
    """
    for known in FORMATS:
        if fmt == known:
            return known
    msg = f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}"
    raise ValueError(msg)


def _orjson() -> ModuleType | None:
    try:
        import orjson  # noqa: PLC0415
    except ImportError:
        return None
    return orjson


def _yaml() -> ModuleType:
    try:
        import yaml  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the test environment has PyYAML
        msg = "YAML documents need PyYAML: pip install 'samverkan-model[yaml]'"
        raise ImportError(msg) from None
    return yaml


def _syntax(kind: str, line: int | None, column: int | None, message: str) -> LoadError:
    where = "end of document" if line is None else f"line {line}, column {column}"
    return LoadError([("", f"{where}: {message} (not valid {kind})")])


# -- reading ---------------------------------------------------------------------------------


def _reject_constant(name: str) -> float:
    msg = f"{name} is not allowed in a document"
    raise ValueError(msg)


def _parse_json(text: str) -> Any:
    orjson = _orjson()
    try:
        if orjson is not None:
            return orjson.loads(text)
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise _syntax("JSON", exc.lineno, exc.colno, exc.msg) from None
    except ValueError as exc:
        raise LoadError([("", str(exc))]) from None


def _parse_toml(text: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        if found is not None:
            line, column = int(found.group(1)), int(found.group(2))
            raise _syntax("TOML", line, column, message[: found.start()]) from None
        lines = text.split("\n")
        line, column = len(lines), len(lines[-1]) + 1
        raise _syntax("TOML", line, column, _TOML_END.sub("", message)) from None


# libyaml composes nested collections recursively in C and crashes on very deep
# nesting; documents whose flow brackets nest deeper than this are read by the pure
# Python parser, which stops with a RecursionError instead.
_MAX_C_DEPTH = 1000
_BRACKETS = re.compile(r"[\[\]{}]")


def _flow_depth(text: str) -> int:
    """An upper bound of how deep ``[``/``{`` nest in *text*."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


_YAML_BOOL = "tag:yaml.org,2002:bool"
_YAML_STR = "tag:yaml.org,2002:str"


@functools.cache
def _yaml_loader(fast: bool) -> type:
    """A safe loader that refuses anchors and aliases.

    Documents are plain trees: an alias would make a value shared, or contain itself,
    and a few nested aliases can stand for billions of values.
    """
    yaml = _yaml()
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

    def construct_object(self: Any, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            msg = "anchors and aliases (& and *) are not supported in documents"
            raise yaml.constructor.ConstructorError(None, None, msg, node.start_mark)
        return base.construct_object(self, node, deep)

    def construct_mapping(self: Any, node: Any, deep: bool = False) -> Any:
        # YAML 1.1 reads a plain ``on``, ``off``, ``yes`` or ``no`` as a boolean; as a key
        # it is always meant as text (``on: 2025-03-01`` is a date field called "on").
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag == _YAML_BOOL and not key.style:
                key.tag = _YAML_STR
        return base.construct_mapping(self, node, deep)

    return type(
        "DocumentLoader",
        (base,),
        {"construct_object": construct_object, "construct_mapping": construct_mapping},
    )


def _parse_yaml(text: str) -> Any:
    yaml = _yaml()
    loader = _yaml_loader(_flow_depth(text) <= _MAX_C_DEPTH)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        if mark is None:  # pragma: no cover - PyYAML marks every syntax error
            raise _syntax("YAML", None, None, problem) from None
        raise _syntax("YAML", mark.line + 1, mark.column + 1, problem) from None
    except yaml.YAMLError as exc:
        raise LoadError([("", f"{exc} (not valid YAML)")]) from None


def parse(text: str, fmt: Format) -> Any:
    """The plain data in *text*.

    Raises:
        LoadError: for a syntax error (with its line and column) or a document nested
            too deeply to read.
    """
    try:
        if fmt == "json":
            return _parse_json(text)
        if fmt == "toml":
            return _parse_toml(text)
        return _parse_yaml(text)
    except RecursionError:
        raise LoadError([("", "the document is nested too deeply")]) from None


# -- writing ---------------------------------------------------------------------------------


def writes_dates() -> bool:
    """Whether JSON is written by orjson, which writes dates itself.

    orjson writes a ``date`` as ``"YYYY-MM-DD"``, the very text ``isoformat`` gives, so
    the data it writes may hold dates instead of their text (see :func:`render_json`).
    """
    return _orjson() is not None


def _date_text(value: object) -> str:
    if type(value) is date:
        return value.isoformat()
    msg = f"{type(value).__name__} is not written as JSON"
    raise TypeError(msg)


def render_json(data: Any) -> str:
    """*data* as JSON text; it may hold ``date`` objects, written as ISO text."""
    orjson = _orjson()
    if orjson is not None:
        try:
            options = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
            return str(orjson.dumps(data, option=options).decode())
        except orjson.JSONEncodeError:
            pass  # text the fast encoder refuses (lone surrogates): the stdlib writes it
    return json.dumps(data, indent=2, ensure_ascii=False, default=_date_text) + "\n"


def _render_toml(data: Any) -> str:
    if not isinstance(data, dict):
        msg = "TOML can hold only documents whose top level is a table of keys"
        raise TypeError(msg)
    # Multi-line TOML strings would turn "\r\n" into "\n": newlines stay escaped.
    text = tomli_w.dumps(data)
    return text or "\n"


# Plain scalars that start like a number are read as numbers or dates by some YAML
# readers (YAML 1.2 reads ``0180`` as 180): such text is always quoted.
_NUMBER_LIKE = re.compile(r"[-+.]?[0-9]")
# Text with characters YAML reads as line breaks or does not print is double-quoted,
# where every character is escaped exactly.
_YAML_SPECIAL = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


@functools.cache
def _yaml_dumper() -> type:
    yaml = _yaml()

    def represent_str(dumper: Any, value: str) -> Any:
        if _YAML_SPECIAL.search(value):
            return dumper.represent_scalar(_YAML_STR, value, style='"')
        if _NUMBER_LIKE.match(value):
            return dumper.represent_scalar(_YAML_STR, value, style="'")
        if "\n" in value:
            return dumper.represent_scalar(_YAML_STR, value, style="|")
        return dumper.represent_str(value)

    dumper: type = type("DocumentDumper", (yaml.SafeDumper,), {})
    dumper.add_representer(str, represent_str)  # type: ignore[attr-defined]
    return dumper


def _render_yaml(data: Any) -> str:
    yaml = _yaml()
    text: str = yaml.dump(
        data,
        Dumper=_yaml_dumper(),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )
    return text


def render(data: Any, fmt: Format) -> str:
    """*data* as text in *fmt*, ending with one newline.

    Raises:
        TypeError: for TOML, when the top level of *data* is not a mapping.
    """
    if fmt == "json":
        return render_json(data)
    if fmt == "toml":
        return _render_toml(data)
    return _render_yaml(data)
