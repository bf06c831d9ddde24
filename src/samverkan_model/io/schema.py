"""JSON Schemas (draft 2020-12) generated from the attrs classes.

The schemas describe documents exactly as :func:`~samverkan_model.io.dumps` writes them,
``format`` and ``version`` included, with each field's description taken from its class's
docstring, so an editor can complete keys and explain them. The package ships one
schema file per document kind in ``samverkan_model/schemas/``; regenerate them with
``python -m samverkan_model.io schemas``.
"""

from __future__ import annotations

import inspect
import json
import re
import sys
import types
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import SLUG_PATTERN, is_slug, optional_slug, slug_set
from samverkan_model.geography import Area
from samverkan_model.io._converter import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    TIME_PATTERN,
    absent_means_none,
    converter,
)
from samverkan_model.io.documents import DOCUMENT_KINDS, document_kind
from samverkan_model.structure.decisions import MeasureRef

__all__ = ["DRAFT", "dump_schema", "json_schema", "shipped_schema", "write_schemas"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of the generated schemas."""

_SLUG = SLUG_PATTERN.pattern
_SLUG_BODY = _SLUG.removeprefix("^").removesuffix("$")
_SECTION = re.compile(r"^(Args|Arguments|Attributes):\s*$")
_ENTRY = re.compile(r"^(\w+)(?: \([^)]*\))?:\s*(.*)$")


def _first_paragraph(doc: str | None) -> str:
    if not doc:
        return ""
    text = inspect.cleandoc(doc)
    paragraph = text.split("\n\n", 1)[0]
    return " ".join(line.strip() for line in paragraph.splitlines())


_SAME_AS = re.compile(r"same (?:arguments|fields) as :class:`~?([\w.]+)`")


def _own_field_docs(doc: str) -> dict[str, str]:
    """Field descriptions from the ``Args:``/``Attributes:`` sections of a docstring."""
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    entry_indent: int | None = None
    in_section = False
    for raw in inspect.cleandoc(doc).splitlines():
        stripped = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        if _SECTION.match(raw):
            in_section, current, entry_indent = True, None, None
            continue
        if not in_section:
            continue
        if not stripped:
            current = None
            continue
        if indent == 0:
            in_section, current = False, None
            continue
        if entry_indent is None:
            entry_indent = indent
        match = _ENTRY.match(stripped)
        if indent == entry_indent and match:
            current = docs.setdefault(match.group(1), [])
            current.append(match.group(2))
        elif current is not None:
            current.append(stripped)
    return {name: _plain(" ".join(lines)) for name, lines in docs.items()}


def _field_docs(cls: type) -> dict[str, str]:
    """Field descriptions of *cls*, from its docstring and those of its base classes.

    A docstring saying it takes "the same arguments as :class:`Other`" borrows the
    descriptions of ``Other`` (looked up in the class's module).
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        doc = klass.__dict__.get("__doc__")
        if not isinstance(doc, str):
            continue
        same = _SAME_AS.search(" ".join(doc.split()))
        if same is not None:
            module = sys.modules.get(klass.__module__)
            other = getattr(module, same.group(1).rsplit(".", 1)[-1], None)
            if isinstance(other, type) and other is not klass:
                docs.update(_field_docs(other))
        docs.update(_own_field_docs(doc))
    return docs


def _plain(text: str) -> str:
    """Docstring markup made readable in an editor tooltip."""
    text = re.sub(r":\w+:`~?([^`]+)`", lambda m: m.group(1).rsplit(".", 1)[-1], text)
    return text.replace("``", "`")


def _validators(attribute: attrs.Attribute[Any]) -> list[Any]:
    validator = attribute.validator
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    return list(inner) if inner is not None else [validator]


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": f"#/$defs/{name}"}

    def enum(self, cls: type[LabelledEnum]) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            labels = "; ".join(f"{m.value}: {m.label('en')} ({m.label('sv')})" for m in cls)
            self.defs[cls.__name__] = {
                "title": cls.__name__,
                "description": f"{_first_paragraph(cls.__doc__)} Values: {labels}.",
                "type": "string",
                "enum": [m.value for m in cls],
            }
        return self.ref(cls.__name__)

    def type_schema(self, t: Any) -> dict[str, Any]:
        origin = get_origin(t)
        args = get_args(t)
        if origin is Union or origin is types.UnionType:
            options = [a for a in args if a is not type(None)]
            if len(options) == 1:
                return self.type_schema(options[0])
            return {"anyOf": [self.type_schema(a) for a in options]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0])}
        if origin is tuple:
            items = [self.type_schema(a) for a in args]
            return {
                "type": "array",
                "prefixItems": items,
                "minItems": len(items),
                "maxItems": len(items),
            }
        if origin is frozenset or origin is list:
            schema: dict[str, Any] = {"type": "array", "items": self.type_schema(args[0])}
            if origin is frozenset:
                schema["uniqueItems"] = True
            return schema
        if origin is dict:
            return {"type": "object", "additionalProperties": self.type_schema(args[1])}
        if origin is Literal:
            return {"enum": list(args)}
        return self.plain_type_schema(t)

    def plain_type_schema(self, t: Any) -> dict[str, Any]:
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is float:
            return {"type": "number"}
        if t is datetime:
            return {"type": "string", "pattern": DATETIME_PATTERN}
        if t is date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if t is time:
            return {"type": "string", "pattern": TIME_PATTERN}
        if t is Area:
            return {
                "type": "string",
                "description": "An area code: 'SE' (Sweden), a county (2 digits) or a "
                "municipality (4 digits).",
                "pattern": "^(SE|[0-9]{2}|[0-9]{4})$",
            }
        if t is MeasureRef:
            return {
                "type": "string",
                "description": "A measure of an analysis: 'analysis-id/measure-id'.",
                "pattern": f"^{_SLUG_BODY}/{_SLUG_BODY}$",
            }
        if isinstance(t, type) and issubclass(t, LabelledEnum):
            return self.enum(t)
        if isinstance(t, type) and attrs.has(t):
            self.define(t)
            return self.ref(t.__name__)
        msg = f"no JSON Schema for type {t!r}"
        raise TypeError(msg)

    def object_schema(self, cls: type) -> dict[str, Any]:
        attrs.resolve_types(cls)
        docs = _field_docs(cls)
        nullable = absent_means_none(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for attribute in attrs.fields(cls):
            if not attribute.init:
                continue
            prop = dict(self.type_schema(attribute.type))
            description = docs.get(attribute.name)
            if description:
                prop = {"description": description, **prop}
            checks = _validators(attribute)
            if is_slug in checks or optional_slug in checks:
                prop["pattern"] = _SLUG
            if slug_set in checks and prop.get("type") == "array":
                prop["items"] = {**prop["items"], "pattern": _SLUG}
            default = attribute.default
            if default is attrs.NOTHING:
                if attribute.name not in nullable:
                    required.append(attribute.name)
            elif default is not None and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                converted = (
                    attribute.converter(default) if callable(attribute.converter) else default
                )
                prop["default"] = converter.unstructure(converted, attribute.type)
            properties[attribute.name] = prop
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": _first_paragraph(cls.__doc__),
            "type": "object",
            "properties": properties,
        }
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def define(self, cls: type) -> None:
        if cls.__name__ in self.defs:
            return
        self.defs[cls.__name__] = {}  # an empty entry first stops endless recursion
        self.defs[cls.__name__] = self.object_schema(cls)


def json_schema(cls: type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents holding a *cls*.

    For a document class (:class:`~samverkan_model.Structure`, ...) the schema covers the
    whole document, its ``format`` and ``version`` keys included.

    >>> from samverkan_model import Structure
    >>> schema = json_schema(Structure)
    >>> schema["properties"]["format"]
    {'const': 'samverkan-model/structure'}
    >>> schema["$defs"]["Actor"]["required"]
    ['id', 'name', 'kind', 'level']

    Raises:
        TypeError: if *cls* holds a type that has no JSON form.
    """
    builder = _Builder()
    written_as_text = cls is Area or cls is MeasureRef
    root = builder.type_schema(cls) if written_as_text else builder.object_schema(cls)
    kind = document_kind(cls)
    schema: dict[str, Any] = {"$schema": DRAFT}
    if kind is not None:
        schema["$id"] = f"urn:samverkan-model:schema:{kind.schema_file}"
        root["properties"] = {
            "format": {"const": kind.format},
            "version": {"const": kind.version},
            **root["properties"],
        }
        root["required"] = ["format", "version", *root.get("required", [])]
        root["additionalProperties"] = root.pop("additionalProperties")
    schema.update(root)
    schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def dump_schema(cls: type) -> str:
    """:func:`json_schema` of *cls* as the text of its shipped file (2-space indented JSON)."""
    return json.dumps(json_schema(cls), indent=2, ensure_ascii=False) + "\n"


def shipped_schema(cls: type) -> dict[str, Any]:
    """The schema file shipped with the package for the document class *cls*.

    Raises:
        KeyError: if *cls* is not a document class.
    """
    kind = document_kind(cls)
    if kind is None:
        msg = f"{cls.__name__} is not a document class"
        raise KeyError(msg)
    text = (
        resources.files("samverkan_model").joinpath("schemas", kind.schema_file).read_text("utf-8")
    )
    result: dict[str, Any] = json.loads(text)
    return result


def write_schemas(directory: str | Path) -> list[Path]:
    """Write the schema file of every document kind into *directory*; return the paths."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in DOCUMENT_KINDS:
        path = folder / kind.schema_file
        path.write_text(dump_schema(kind.cls), encoding="utf-8", newline="\n")
        written.append(path)
    return written
