"""What the aggregates (:class:`Structure`, :class:`Analysis`) share: cached indexes.

Aggregates are immutable, so an index computed once stays right. Each keeps a private
``_cache`` dict (an attrs field with ``init=False, eq=False``) that this mixin fills.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, TypeVar

__all__ = ["CachedIndexes", "first_by_id", "lookup"]

T = TypeVar("T")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


Identified = TypeVar("Identified", bound=_HasId)


class CachedIndexes:
    """Mixin for frozen attrs aggregates with a ``_cache: dict`` field."""

    __slots__ = ()
    _cache: dict[object, Any]

    def _cached(self, key: object, build: Callable[[], T]) -> T:
        """The value cached under *key*, built by *build* on first use."""
        try:
            value: T = self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
        return value


def first_by_id(items: Iterable[Identified]) -> dict[str, Identified]:
    """*items* by id; where ids repeat the first one wins (validation reports the rest)."""
    out: dict[str, Identified] = {}
    for item in items:
        out.setdefault(item.id, item)
    return out


def lookup(index: Mapping[str, T], key: str, what: str, where: str) -> T:
    """``index[key]``, or a ``KeyError`` saying ``no <what> with id '<key>' in <where>``."""
    try:
        return index[key]
    except KeyError:
        msg = f"no {what} with id {key!r} in {where}"
        raise KeyError(msg) from None
