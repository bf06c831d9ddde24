"""Walk a document's plain data alongside its classes, to corrupt one field at a time."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

import attrs

from samverkan_model import Area, LabelledEnum, MeasureRef

__all__ = ["Leaf", "leaves", "objects", "wrong_type"]


@attrs.frozen
class Leaf:
    """A field present in a document: where it is, the mapping holding it, its type."""

    path: str
    parent: dict[str, Any]
    key: str
    type: Any


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _strip_optional(t: Any) -> Any:
    if get_origin(t) in (Union, types.UnionType):
        options = [a for a in get_args(t) if a is not type(None)]
        return options[0]
    return t


def is_object_type(t: Any) -> bool:
    """Whether *t* is written as a mapping (an attrs class other than the scalar ones)."""
    return isinstance(t, type) and attrs.has(t) and t not in (Area, MeasureRef)


def is_enum_type(t: Any) -> bool:
    """Whether *t* is one of the library's enumerations."""
    return isinstance(t, type) and issubclass(t, LabelledEnum)


def objects(
    data: dict[str, Any], cls: type, path: str = ""
) -> Iterator[tuple[str, dict[str, Any], type]]:
    """Every mapping of *data* (written from a *cls*) with its path and class."""
    yield path, data, cls
    for leaf in _fields(data, cls, path):
        yield from _nested(leaf.parent[leaf.key], leaf.type, leaf.path)


def _fields(data: dict[str, Any], cls: type, path: str) -> Iterator[Leaf]:
    attrs.resolve_types(cls)
    for a in attrs.fields(cls):
        if a.init and a.name in data:
            yield Leaf(_join(path, a.name), data, a.name, _strip_optional(a.type))


def _nested(value: Any, t: Any, path: str) -> Iterator[tuple[str, dict[str, Any], type]]:
    origin = get_origin(t)
    if origin in (tuple, frozenset, list):
        item = get_args(t)[0]
        for index, v in enumerate(value):
            yield from _nested(v, item, f"{path}[{index}]")
    elif is_object_type(t):
        yield from objects(value, t, path)


def leaves(data: dict[str, Any], cls: type) -> Iterator[Leaf]:
    """Every field present in any mapping of *data*."""
    for path, obj, obj_cls in objects(data, cls):
        yield from _fields(obj, obj_cls, path)


def wrong_type(leaf: Leaf) -> object:
    """A value of a type the field cannot hold."""
    t = leaf.type
    if t is int:
        return "7"
    if t is float or t is bool:
        return "x"
    return 12345
