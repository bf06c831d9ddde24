"""Small attrs validators and converters shared by the domain classes.

Every validator raises with a message that starts with the field name, so a
loader can point at ``actors[3].id`` and say what is wrong there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    import attrs

__all__ = [
    "SLUG_PATTERN",
    "as_frozenset",
    "as_tuple",
    "check_collection",
    "is_date",
    "is_datetime",
    "is_slug",
    "is_slug_text",
    "is_text",
    "is_type_check",
    "keeps",
    "kept_type",
    "non_blank",
    "optional_slug",
    "positive_int",
    "slug_set",
    "slug_tuple",
    "sorted_tuple",
    "str_set",
    "str_tuple",
    "text_tuple",
    "type_check",
]

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Identifiers are lowercase ASCII letters and digits in hyphen-separated words."""

T = TypeVar("T")
V = TypeVar("V")


@functools.lru_cache(maxsize=2**16)
def is_slug_text(text: str) -> bool:
    """Whether the string *text* is a slug id.

    The answers are remembered (a bounded cache): the same ids come back in every
    membership, relation and status change of a large document.
    """
    return SLUG_PATTERN.fullmatch(text) is not None


_TYPE_CHECK = "__samverkan_type_check__"


def type_check(validator: V) -> V:
    """Mark *validator* as checking nothing but what its field's annotation says.

    The data-file reader builds each value from the field's annotation (a ``date`` from
    ISO text, a naive ``datetime``, a ``tuple[Membership, ...]`` from a list of
    mappings), so it skips such a check for the values it builds. A type check may let
    ``None`` through only where the field's default is ``None``.
    """
    setattr(validator, _TYPE_CHECK, True)
    return validator


def is_type_check(validator: object) -> bool:
    """Whether *validator* was marked with :func:`type_check`."""
    return getattr(validator, _TYPE_CHECK, False) is True


_KEEPS = "__samverkan_keeps__"


def keeps(converter: Callable[..., object], kind: type) -> None:
    """Mark *converter* as one that returns a value of exactly type *kind* as it is.

    The data-file reader builds such values itself (a ``frozenset`` from a list), so it
    skips the converter's call for them. (A statement, not a decorator: the attrs plugin
    of mypy takes only plain functions as converters.)
    """
    setattr(converter, _KEEPS, kind)


def kept_type(converter: object) -> type | None:
    """The type *converter* returns as it is, if marked with :func:`keeps`."""
    kind = getattr(converter, _KEEPS, None)
    return kind if isinstance(kind, type) else None


def _describe_slug(value: object) -> str:
    return (
        f"{value!r} is not a valid id: use lowercase ASCII letters, digits and single "
        "hyphens (e.g. 'lansstyrelsen-stockholm')"
    )


def is_slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a slug id."""
    if not isinstance(value, str) or not is_slug_text(value):
        msg = f"{attribute.name}: {_describe_slug(value)}"
        raise ValueError(msg)


def optional_slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is ``None`` or a slug id."""
    if value is not None:
        is_slug(instance, attribute, value)


def check_collection(attribute: attrs.Attribute[Any], value: object) -> Iterable[object]:
    """*value* if it is a collection of items; a bare string or a non-iterable is refused."""
    if type(value) is frozenset or type(value) is tuple:  # what the converters give
        return value
    # The converters pass a bare string through unsplit so that it is refused here, with
    # the field name, instead of silently becoming a set of one-letter items.
    if isinstance(value, str):
        msg = (
            f"{attribute.name}: expected a collection of items, got the single string "
            f"{value!r} (write [{value!r}])"
        )
        raise TypeError(msg)
    if not isinstance(value, Iterable):
        msg = f"{attribute.name}: expected a collection of items, got {value!r}"
        raise TypeError(msg)
    return value


def slug_set(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a collection (not a bare string) of slug ids."""
    for item in check_collection(attribute, value):
        if not isinstance(item, str) or not is_slug_text(item):
            msg = f"{attribute.name}: {_describe_slug(item)}"
            raise ValueError(msg)


@type_check
def text_tuple(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a collection (not a bare string) of strings."""
    for item in check_collection(attribute, value):
        if not isinstance(item, str):
            msg = f"{attribute.name}: expected text items, got {item!r}"
            raise TypeError(msg)


slug_tuple = slug_set


@type_check
def is_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a string (``None`` is allowed where the default is ``None``)."""
    if value is None and attribute.default is None:
        return
    if not isinstance(value, str):
        msg = f"{attribute.name}: expected text, got {value!r}"
        raise TypeError(msg)


def positive_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a whole number of at least 1 (``bool`` is refused)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        msg = f"{attribute.name}: expected a whole number of at least 1, got {value!r}"
        raise ValueError(msg)


def non_blank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is text with something other than white space in it."""
    if not isinstance(value, str):
        msg = f"{attribute.name}: expected text, got {value!r}"
        raise TypeError(msg)
    if not value.strip():
        msg = f"{attribute.name}: must not be empty"
        raise ValueError(msg)


@type_check
def is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a calendar date (not a datetime); ``None`` where it is the default."""
    if value is None and attribute.default is None:
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"{attribute.name}: expected a date, got {value!r}"
        raise TypeError(msg)


@type_check
def is_datetime(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that *value* is a naive datetime (Swedish local time)."""
    if not isinstance(value, datetime):
        msg = f"{attribute.name}: expected a datetime, got {value!r}"
        raise TypeError(msg)
    if value.tzinfo is not None:
        msg = f"{attribute.name}: expected a naive datetime in Swedish local time, got {value!r}"
        raise ValueError(msg)


def as_frozenset(items: Iterable[T]) -> frozenset[T]:
    """*items* as a frozenset; a bare string or a non-iterable is passed through unchanged.

    Passing those through lets the field's validator (:func:`slug_set`,
    :func:`text_tuple`, ...) refuse them by field name: a string is iterable, and
    ``frozenset("kommun")`` would quietly give six letters.
    """
    if type(items) is frozenset:  # already one (as from a data file): no copy, no checks
        return items
    if isinstance(items, str) or not isinstance(items, Iterable):
        return items  # type: ignore[return-value]
    return frozenset(items)


def as_tuple(items: Iterable[T]) -> tuple[T, ...]:
    """*items* as a tuple; a bare string or a non-iterable is passed through unchanged."""
    if type(items) is tuple:
        return items
    if isinstance(items, str) or not isinstance(items, Iterable):
        return items  # type: ignore[return-value]
    return tuple(items)


def str_set(items: Iterable[str]) -> frozenset[str]:
    """Convert any iterable of strings to a frozenset (see :func:`as_frozenset`)."""
    return as_frozenset(items)


def str_tuple(items: Iterable[str]) -> tuple[str, ...]:
    """Convert any iterable of strings to a tuple (see :func:`as_tuple`)."""
    return as_tuple(items)


keeps(str_set, frozenset)
keeps(str_tuple, tuple)


def sorted_tuple(key: Callable[[T], Any]) -> Callable[[Iterable[T]], tuple[T, ...]]:
    """A converter that turns any iterable into a tuple sorted by *key* (stable)."""

    def convert(items: Iterable[T]) -> tuple[T, ...]:
        return tuple(sorted(items, key=key))

    return convert
