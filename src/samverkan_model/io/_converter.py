"""The cattrs converter: how every public type maps to plain data and back.

Plain data is what JSON, TOML and YAML share: ``str``, ``int``, ``bool``, ``list`` and
``dict``. The mapping is strict in both directions:

* wrong primitive types are refused, never coerced (``"name": 42`` is an error);
* enums are written by value and read back only from a valid value;
* an :class:`~samverkan_model.Area` is its code, a :class:`~samverkan_model.MeasureRef`
  its ``"analysis-id/measure-id"`` text, dates are ISO 8601 text (native TOML and YAML
  dates are accepted when reading);
* sets are written as sorted lists, tuples in their (canonical) order;
* a field equal to its default is left out, and a missing field takes its default,
  so ``None`` is never written and files stay short.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin

import attrs
from cattrs import BaseConverter, Converter
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from samverkan_model._labels import LabelledEnum
from samverkan_model.geography import Area
from samverkan_model.io._fast import builds_fast, make_reader, make_writer
from samverkan_model.structure.decisions import MeasureRef

__all__ = [
    "Invalid",
    "absent_means_none",
    "converter",
    "fast_converter",
    "iso_date",
    "json_converter",
    "make_converter",
    "show",
]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CLOCK = r"[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
_TIME = re.compile(_CLOCK)
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T" + _CLOCK)

DATE_PATTERN = "^" + _DATE.pattern + "$"
"""The form dates are written in: ``YYYY-MM-DD``."""
TIME_PATTERN = "^" + _TIME.pattern + "$"
"""The form times of day are written in: ``HH:MM``, seconds optional."""
DATETIME_PATTERN = "^" + _DATETIME.pattern + "$"
"""The form date-times are written in: ``YYYY-MM-DDTHH:MM``, seconds optional, no zone."""


class Invalid(ValueError):
    """A value of a document that has the wrong type or form; its message is shown as is."""


def show(value: object) -> str:
    """A short rendering of an offending value for an error message."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime | date | time):
        return f"{value.isoformat()} (a {type(value).__name__})"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- primitives ------------------------------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if type(value) is str:
        return value
    raise Invalid(f"expected text, got {show(value)}")


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        return value
    raise Invalid(f"expected a whole number, got {show(value)}")


def _structure_bool(value: object, _: object) -> bool:
    if type(value) is bool:
        return value
    raise Invalid(f"expected true or false, got {show(value)}")


def _structure_float(value: object, _: object) -> float:
    if type(value) is float or type(value) is int:
        return float(value)
    raise Invalid(f"expected a number, got {show(value)}")


@functools.lru_cache(maxsize=2**16)
def iso_date(text: str) -> date | None:
    """The day *text* names in the form ``YYYY-MM-DD``; ``None`` if it names none.

    The answers are remembered (a bounded cache): the same days come back throughout a
    large document.
    """
    if _DATE.fullmatch(text) is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _structure_date(value: object, _: object) -> date:
    if type(value) is date:
        return value
    if type(value) is str:
        day = iso_date(value)
        if day is not None:
            return day
        if _DATE.fullmatch(value):
            raise Invalid(f"{value!r} is not a valid calendar date")
    raise Invalid(f"expected a date like '2025-01-31', got {show(value)}")


def _naive(value: datetime | time) -> None:
    if value.tzinfo is not None:
        msg = f"expected Swedish local time without a time zone, got {show(value)}"
        raise Invalid(msg)


def _structure_datetime(value: object, _: object) -> datetime:
    if type(value) is datetime:
        _naive(value)
        return value
    if type(value) is str and _DATETIME.fullmatch(value):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise Invalid(f"{value!r} is not a valid date and time") from None
    raise Invalid(f"expected a date and time like '2025-01-06T08:00', got {show(value)}")


def _structure_time(value: object, _: object) -> time:
    if type(value) is time:
        _naive(value)
        return value
    if type(value) is str and _TIME.fullmatch(value):
        try:
            return time.fromisoformat(value)
        except ValueError:
            raise Invalid(f"{value!r} is not a valid time of day") from None
    hint = " (quote times in YAML)" if type(value) is int else ""
    raise Invalid(f"expected a time of day like '09:00', got {show(value)}{hint}")


# Writing: the same days and times come back throughout a large document, so their text
# is remembered (bounded caches) instead of formatted again.


@functools.lru_cache(maxsize=2**16)
def _unstructure_date(value: date) -> str:
    return value.isoformat()


@functools.lru_cache(maxsize=2**16)
def _unstructure_datetime(value: datetime) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def _unstructure_time(value: time) -> str:
    if value.second == 0 and value.microsecond == 0:
        return value.isoformat(timespec="minutes")
    return value.isoformat()


# -- domain scalars --------------------------------------------------------------------------


def _structure_area(value: object, _: object) -> Area:
    if type(value) is str:
        try:
            return Area(value)
        except ValueError:
            pass
    msg = (
        f"{show(value)} is not a known area: use 'SE' for Sweden, a two-digit county code "
        "or a four-digit municipality code"
    )
    raise Invalid(msg)


def _unstructure_area(value: Area) -> str:
    return value.code


def _structure_measure_ref(value: object, _: object) -> MeasureRef:
    if type(value) is str:
        try:
            return MeasureRef.parse(value)
        except ValueError:
            pass
    msg = f"{show(value)} is not a measure reference of the form 'analysis-id/measure-id'"
    raise Invalid(msg)


def _unstructure_measure_ref(value: MeasureRef) -> str:
    return str(value)


def _is_labelled_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, LabelledEnum)


def _enum_structure_factory(cls: type[LabelledEnum]) -> Callable[[object, object], Enum]:
    members = {member.value: member for member in cls}
    valid = ", ".join(members)

    def structure(value: object, _: object) -> Enum:
        if type(value) is str:
            member = members.get(value)
            if member is not None:
                return member
        raise Invalid(f"{show(value)} is not one of {valid}")

    return structure


def _unstructure_enum(member: LabelledEnum) -> str:
    # ``_value_`` is what ``.value`` returns, without the enum property's lookup.
    return member._value_


# -- collections -----------------------------------------------------------------------------


def _is_homogeneous(t: Any) -> bool:
    origin = get_origin(t)
    if origin is frozenset or origin is list:
        return True
    args = get_args(t)
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(t: Any) -> bool:
    return get_origin(t) is frozenset


def _collection_structure_factory(t: Any, conv: BaseConverter) -> Callable[[object, object], Any]:
    origin = get_origin(t)
    make: Callable[[list[Any]], Any] = origin
    item = get_args(t)[0]
    hook = conv.get_structure_hook(item)

    def check(value: object) -> list[Any] | tuple[Any, ...]:
        if type(value) is list or type(value) is tuple:
            return value
        raise Invalid(f"expected a list, got {show(value)}")

    if not conv.detailed_validation:

        def structure_fast(value: object, _: object) -> Any:
            return make([hook(v, item) for v in check(value)])

        return structure_fast

    def structure(value: object, _: object) -> Any:
        out = []
        errors: list[Exception] = []
        for index, v in enumerate(check(value)):
            try:
                out.append(hook(v, item))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {t!r} @ index {index}", index, item)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return make(out)

    return structure


_SIMPLE_ITEMS = (str, int, date, datetime, time, Area, MeasureRef)


def _canonical_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _set_unstructure_factory(t: Any, conv: BaseConverter) -> Callable[[frozenset[Any]], list[Any]]:
    item = get_args(t)[0] if get_args(t) else object
    hook = conv.get_unstructure_hook(item)
    if _is_labelled_enum(item) or (isinstance(item, type) and issubclass(item, _SIMPLE_ITEMS)):

        def unstructure_simple(value: frozenset[Any]) -> list[Any]:
            return sorted([hook(v) for v in value])

        return unstructure_simple

    def unstructure(value: frozenset[Any]) -> list[Any]:
        return sorted([hook(v) for v in value], key=_canonical_key)

    return unstructure


def _is_optional(t: Any) -> bool:
    return get_origin(t) in (Union, UnionType) and type(None) in get_args(t)


def _is_simple_optional(t: Any) -> bool:
    return _is_optional(t) and len(get_args(t)) == 2


def _optional_structure_factory(t: Any, conv: BaseConverter) -> Callable[[object, object], Any]:
    """``X | None``: the hook for ``X`` is found once, not looked up again for every value."""
    (inner,) = (a for a in get_args(t) if a is not type(None))
    hook = conv.get_structure_hook(inner)

    def structure(value: object, _: object) -> Any:
        return None if value is None else hook(value, inner)

    return structure


def _optional_unstructure_factory(t: Any, conv: BaseConverter) -> Callable[[Any], Any]:
    """``X | None``: written as is where ``X`` is (text, numbers), so no call per value."""
    (inner,) = (a for a in get_args(t) if a is not type(None))
    hook = conv.get_unstructure_hook(inner)
    if hook == identity:
        return identity

    def unstructure(value: Any) -> Any:
        return None if value is None else hook(value)

    return unstructure


def absent_means_none(cl: type) -> tuple[str, ...]:
    """Fields of *cl* that must be given but may be ``None``: written by leaving them out.

    ``None`` is never written (TOML has no null), so a missing key of such a field reads
    as ``None``, as for fields whose default is ``None``.
    """
    attrs.resolve_types(cl)
    return tuple(
        a.name
        for a in attrs.fields(cl)
        if a.init and a.default is attrs.NOTHING and _is_optional(a.type)
    )


def _attrs_structure_factory(cl: type, conv: BaseConverter) -> Callable[[object, object], Any]:
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, conv)
    nullable = absent_means_none(cl)
    if not conv.detailed_validation and not nullable:
        # The fast path needs no check of its own: anything but a mapping fails inside
        # ``inner`` and the detailed converter then reports it.
        return inner

    def structure(value: object, _: object) -> Any:
        if type(value) is dict:
            if nullable and not all(name in value for name in nullable):
                value = {**dict.fromkeys(nullable), **value}
            return inner(value, cl)
        raise Invalid(f"expected a mapping of keys to values, got {show(value)}")

    return structure


def _has_nullable_fields(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t) and bool(absent_means_none(t))


def _attrs_unstructure_factory(cl: type, conv: BaseConverter) -> Callable[[Any], dict[str, Any]]:
    inner: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cl, conv, _cattrs_omit_if_default=True
    )
    nullable = absent_means_none(cl)

    def unstructure(value: Any) -> dict[str, Any]:
        data = inner(value)
        for name in nullable:
            if data.get(name, False) is None:
                del data[name]
        return data

    return unstructure


# -- the converters --------------------------------------------------------------------------


def make_converter(*, detailed_validation: bool = True) -> Converter:
    """A new converter configured like :data:`converter`.

    Args:
        detailed_validation: Collect every error with its path (slower) instead of
            stopping at the first one.
    """
    conv = Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=detailed_validation,
    )
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(date, _structure_date)
    conv.register_structure_hook(datetime, _structure_datetime)
    conv.register_structure_hook(time, _structure_time)
    conv.register_unstructure_hook(date, _unstructure_date)
    conv.register_unstructure_hook(datetime, _unstructure_datetime)
    conv.register_unstructure_hook(time, _unstructure_time)

    conv.register_structure_hook_factory(attrs.has, _attrs_structure_factory)
    conv.register_unstructure_hook_factory(_has_nullable_fields, _attrs_unstructure_factory)
    conv.register_structure_hook(Area, _structure_area)
    conv.register_unstructure_hook(Area, _unstructure_area)
    conv.register_structure_hook(MeasureRef, _structure_measure_ref)
    conv.register_unstructure_hook(MeasureRef, _unstructure_measure_ref)

    conv.register_structure_hook_factory(_is_labelled_enum, _enum_structure_factory)
    conv.register_unstructure_hook_factory(_is_labelled_enum, lambda _: _unstructure_enum)

    conv.register_structure_hook_factory(_is_homogeneous, _collection_structure_factory)
    conv.register_unstructure_hook_factory(_is_frozenset, _set_unstructure_factory)
    conv.register_structure_hook_factory(_is_simple_optional, _optional_structure_factory)
    conv.register_unstructure_hook_factory(_is_simple_optional, _optional_unstructure_factory)
    # The library's own classes: one generated function each (see ``_fast``). The reader
    # says nothing about what it refuses, so only the first, fast try uses it.
    conv.register_unstructure_hook_factory(builds_fast, make_writer)
    if not detailed_validation:
        conv.register_structure_hook_factory(
            builds_fast, lambda cl, c: make_reader(cl, c, iso_date)
        )
    return conv


converter: Converter = make_converter()
"""The library's cattrs converter, with detailed validation (every error, with its path)."""

fast_converter: Converter = make_converter(detailed_validation=False)
"""The same mapping without detailed validation: the first try when loading."""


def _dates_as_objects() -> Converter:
    conv = make_converter()
    conv.register_unstructure_hook(date, identity)
    return conv


json_converter: Converter = _dates_as_objects()
"""The same mapping with dates left as ``date`` objects, for a JSON writer that writes
them itself as the same ISO text (orjson)."""
