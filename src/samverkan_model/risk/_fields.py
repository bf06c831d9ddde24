"""Validators and converters shared by the risk classes (private).

Like :mod:`samverkan_model._validators`, every validator raises with a message that
starts with the field name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, TypeVar

import attrs

from samverkan_model._validators import as_frozenset, as_tuple, check_collection, keeps, type_check
from samverkan_model.risk.values import BehaviourTarget, LivingCondition, ProtectedValue

__all__ = [
    "ByAttribute",
    "behaviour_set",
    "by_attribute",
    "condition_set",
    "items_of",
    "members_of",
    "optional_member",
    "sorted_items",
    "value_set",
]


def members_of(kind: type) -> Any:
    """A validator: every item of a collection is a member of the enumeration *kind*."""

    @type_check
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        for item in check_collection(attribute, value):
            if not isinstance(item, kind):
                msg = f"{attribute.name}: expected {kind.__name__} members, got {item!r}"
                raise TypeError(msg)

    return check


def optional_member(kind: type) -> Any:
    """A validator: ``None`` or a member of the enumeration *kind*."""

    @type_check
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            msg = f"{attribute.name}: expected a {kind.__name__} or None, got {value!r}"
            raise TypeError(msg)

    return check


def items_of(kind: type) -> Any:
    """A validator: every item of a tuple is an instance of *kind* (index in the message)."""

    @type_check
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        for index, item in enumerate(check_collection(attribute, value)):
            if not isinstance(item, kind):
                msg = f"{attribute.name}[{index}]: expected {kind.__name__}, got {item!r}"
                raise TypeError(msg)

    return check


T = TypeVar("T")


def sorted_items(items: Iterable[T], key: Callable[[object], Any]) -> tuple[T, ...]:
    """*items* as a tuple sorted (stably) by *key*; anything else is passed through."""
    out: object = as_tuple(items)
    if not isinstance(out, tuple):
        return out  # type: ignore[return-value]  # refused by the validator, by name
    if isinstance(key, ByAttribute):
        try:
            return tuple(sorted(out, key=key.plain))
        except (AttributeError, TypeError):
            pass  # a wrong item, which the field's validator refuses by index
    return tuple(sorted(out, key=key))


class ByAttribute:
    """A sort key reading attribute *name*, or *default* where it is missing or not a *kind*.

    The default keeps sorting from failing on a wrong item, so the field's validator can
    refuse the item by name and index. :func:`sorted_items` first sorts by the attribute
    alone (:attr:`plain`, read in C), which gives the same order when every item is right.
    """

    __slots__ = ("default", "kind", "name", "plain")

    def __init__(self, name: str, kind: type, default: object) -> None:
        self.name = name
        self.kind = kind
        self.default = default
        self.plain = attrgetter(name)

    def __call__(self, item: object) -> Any:
        value = getattr(item, self.name, self.default)
        return value if isinstance(value, self.kind) else self.default


def by_attribute(name: str, kind: type, default: object) -> Callable[[object], Any]:
    """A sort key reading attribute *name*: see :class:`ByAttribute`."""
    return ByAttribute(name, kind, default)


def condition_set(items: Iterable[LivingCondition]) -> frozenset[LivingCondition]:
    """Convert any iterable of living conditions to a frozenset."""
    return as_frozenset(items)


def value_set(items: Iterable[ProtectedValue]) -> frozenset[ProtectedValue]:
    """Convert any iterable of protected values to a frozenset."""
    return as_frozenset(items)


def behaviour_set(items: Iterable[BehaviourTarget]) -> frozenset[BehaviourTarget]:
    """Convert any iterable of behaviour targets to a frozenset."""
    return as_frozenset(items)


keeps(condition_set, frozenset)
keeps(value_set, frozenset)
keeps(behaviour_set, frozenset)
