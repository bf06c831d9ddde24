"""Documents that must not load: the data of a valid object with one thing wrong."""

from __future__ import annotations

import copy
import types
from collections.abc import Iterable, Iterator
from typing import Any, Union, get_args, get_origin

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from samverkan_model._labels import LabelledEnum
from samverkan_model._strategies.common import pick, raw_index

__all__ = ["CORRUPTIONS", "CorruptedDocument", "corrupted_documents"]

CORRUPTIONS: tuple[str, ...] = ("missing-key", "extra-key", "wrong-type", "unknown-enum-value")
"""The ways :func:`corrupted_documents` breaks a document, simplest first."""

_HEADER = ("format", "version")
_NOT_A_VALUE = "not-a-value"


@attrs.frozen
class CorruptedDocument:
    """The plain data of a valid document with exactly one thing wrong.

    Loading :attr:`data` as :attr:`cls` (``samverkan_model.io.from_data(doc.data,
    doc.cls)``, or :func:`~samverkan_model.io.loads` of it written as JSON) must fail
    with a :class:`~samverkan_model.io.LoadError` that has a problem at :attr:`path`.

    Attributes:
        data: The document as plain data (dicts, lists, text, numbers), corrupted.
        cls: The class the document is written from, which it should load as.
        corruption: How it is broken: ``"missing-key"`` (a required key removed),
            ``"extra-key"`` (a key the class does not have, spelt like one it has),
            ``"wrong-type"`` (a value of the wrong kind, e.g. a number for text) or
            ``"unknown-enum-value"`` (a value that is not one of the allowed values).
        path: Where a loader reports the problem, as :class:`~samverkan_model.io.LoadError`
            writes paths: ``"actors[0].level"``; for an extra key, the mapping that holds
            it (``""`` for the document itself).
        key: The key (or list index) that was changed, added or removed.
        original: The valid object the data was written from.
    """

    data: dict[str, Any]
    cls: type
    corruption: str
    path: str
    key: str | int
    original: object = attrs.field(repr=False)


@attrs.frozen
class _Site:
    corruption: str
    path: str  # where the problem is reported
    container: dict[str, Any] | list[Any]
    key: str | int
    value: Any = None  # for an extra key: the value it is given


def _join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _allows_none(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType) and type(None) in get_args(t)


def _strip_optional(t: Any) -> Any:
    if get_origin(t) in (Union, types.UnionType):
        options = [a for a in get_args(t) if a is not type(None)]
        return options[0] if len(options) == 1 else Any
    return t


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, LabelledEnum)


def _fields(cls: type) -> dict[str, attrs.Attribute[Any]]:
    attrs.resolve_types(cls)
    return {a.name: a for a in attrs.fields(cls) if a.init}


def _walk(value: Any, t: Any, path: str, container: Any, key: str | int) -> Iterator[_Site]:
    """Every way to corrupt *value* (found at ``container[key]``) and what is inside it."""
    t = _strip_optional(t)
    yield _Site("wrong-type", _join(path, key), container, key)
    here = _join(path, key)
    if _is_enum(t) and isinstance(value, str):
        yield _Site("unknown-enum-value", here, container, key)
    elif isinstance(value, dict) and isinstance(t, type) and attrs.has(t):
        yield from _mapping(value, t, here)
    elif isinstance(value, list) and get_origin(t) in (tuple, frozenset, list):
        args = get_args(t)
        item = args[0] if args else Any
        for index, element in enumerate(value):
            yield from _walk(element, item, here, value, index)


def _mapping(data: dict[str, Any], cls: type, path: str) -> Iterator[_Site]:
    fields = _fields(cls)
    if data:
        first = next(iter(data))
        yield _Site("extra-key", path, data, _typo(first, fields), data[first])
    for name, value in data.items():
        field = fields.get(name)
        if field is None:
            continue  # the header of a document: format and version
        # None is written by leaving the key out, so only a key that cannot be None is
        # required.
        if field.default is attrs.NOTHING and not _allows_none(field.type):
            yield _Site("missing-key", _join(path, name), data, name)
        yield from _walk(value, field.type, path, data, name)


def _typo(name: str, fields: Iterable[str]) -> str:
    """*name* with its last letter doubled: close to a real key, but not one."""
    typo = name + name[-1]
    return typo if typo not in set(fields) else typo + "_x"


def _sites(data: dict[str, Any], cls: type) -> dict[str, list[_Site]]:
    by_kind: dict[str, list[_Site]] = {kind: [] for kind in CORRUPTIONS}
    for name in _HEADER:
        by_kind["missing-key"].append(_Site("missing-key", name, data, name))
        by_kind["wrong-type"].append(_Site("wrong-type", name, data, name))
    by_kind["unknown-enum-value"].append(_Site("unknown-enum-value", "format", data, "format"))
    for site in _mapping(data, cls, ""):
        by_kind[site.corruption].append(site)
    return by_kind


def _wrong(value: object) -> object:
    """A value of another kind than *value*: a number for text and the other way round."""
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return 7
    return ["not", "a", "mapping"]


def _corrupt(site: _Site) -> None:
    container: Any = site.container
    if site.corruption == "missing-key":
        del container[site.key]
    elif site.corruption == "extra-key":
        container[site.key] = site.value
    elif site.corruption == "wrong-type":
        container[site.key] = _wrong(container[site.key])
    else:
        container[site.key] = _NOT_A_VALUE


@st.composite
def _corrupted(
    draw: st.DrawFn, objects: st.SearchStrategy[Any], corruptions: tuple[str, ...]
) -> CorruptedDocument:
    from samverkan_model.io import to_data  # noqa: PLC0415  (the io adapter loads lazily)

    original = draw(objects)
    cls = type(original)
    data = copy.deepcopy(to_data(original))
    corruption = draw(st.sampled_from(corruptions))
    sites = _sites(data, cls)[corruption]
    site = pick(sites, draw(raw_index))
    _corrupt(site)
    return CorruptedDocument(data, cls, corruption, site.path, site.key, original)


def _documents() -> st.SearchStrategy[Any]:
    from samverkan_model._strategies.risk import analyses, follow_up_registers  # noqa: PLC0415
    from samverkan_model._strategies.structures import structures  # noqa: PLC0415

    return st.one_of(
        structures(max_actors=3, max_bodies=3),
        analyses(max_risks=2, max_measures=2),
        follow_up_registers(max_analyses=2),
    )


def corrupted_documents(
    corruptions: Iterable[str] | None = None,
    *,
    documents: st.SearchStrategy[Any] | None = None,
) -> st.SearchStrategy[CorruptedDocument]:
    """Documents with one thing wrong, for testing loaders and their error messages.

    Each starts from a valid object (a structure, an analysis or a follow-up register),
    written as plain data by :func:`samverkan_model.io.to_data`, and breaks it in one
    place: a required key removed, a misspelt key added, a value of the wrong kind, or an
    enumeration value that does not exist. Any mapping in the document can be the place,
    the ``format`` and ``version`` header included. See :class:`CorruptedDocument`.

    Args:
        corruptions: The ways to break documents (default: all of :data:`CORRUPTIONS`).
        documents: The valid objects to start from (default: small structures, analyses
            and follow-up registers); each must be of a document class of
            :data:`samverkan_model.io.DOCUMENT_KINDS`.

    Raises:
        hypothesis.errors.InvalidArgument: for an unknown way of breaking a document.

    Examples from this strategy shrink towards removing the ``format`` key of an empty
    structure.
    """
    if corruptions is None:
        chosen = CORRUPTIONS
    else:
        asked = set(corruptions)
        chosen = tuple(c for c in CORRUPTIONS if c in asked)
        if not chosen or asked - set(CORRUPTIONS):
            msg = f"corruptions: choose one or more of {', '.join(CORRUPTIONS)}"
            raise InvalidArgument(msg)
    return _corrupted(_documents() if documents is None else documents, chosen)
