"""Document kinds, their format names and versions, and migrations between versions.

Every document starts with two keys: ``format`` names its kind
(``"samverkan-model/structure"``) and ``version`` the layout version it was written in.
A document of an older version is migrated step by step, one pure function per step,
before it is read; a document of a newer version than this library knows is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from samverkan_model.risk.analysis import Analysis
from samverkan_model.risk.register import FollowUpRegister
from samverkan_model.structure.model import Structure

__all__ = [
    "DOCUMENT_KINDS",
    "MIGRATIONS",
    "DocumentKind",
    "Migration",
    "document_kind",
    "kind_named",
    "migrate",
]

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A step from one version to the next: takes and returns the document's body.

The body is the document without its ``format`` and ``version`` keys. A migration must
not change its argument.
"""


@attrs.frozen
class DocumentKind:
    """A kind of document: the class it holds, its format name and current version.

    Attributes:
        cls: The class a document of this kind is read into.
        format: The value of the document's ``format`` key.
        version: The layout version this library writes.
        schema_file: The name of the shipped JSON Schema file for the kind.
    """

    cls: type
    format: str
    version: int
    schema_file: str


def _kinds() -> tuple[DocumentKind, ...]:
    return (
        DocumentKind(Structure, "samverkan-model/structure", 1, "structure.schema.json"),
        DocumentKind(Analysis, "samverkan-model/analysis", 1, "analysis.schema.json"),
        DocumentKind(
            FollowUpRegister,
            "samverkan-model/follow-up-register",
            1,
            "follow-up-register.schema.json",
        ),
    )


DOCUMENT_KINDS: tuple[DocumentKind, ...] = _kinds()
"""Every kind of document this library reads and writes."""

MIGRATIONS: dict[tuple[str, int], Migration] = {}
"""Migration steps by ``(format, version they start from)``; each yields the next version."""


def document_kind(cls: type) -> DocumentKind | None:
    """The kind of document *cls* is written as (``None``: not a document class)."""
    for kind in DOCUMENT_KINDS:
        if kind.cls is cls:
            return kind
    return None


def kind_named(name: str) -> DocumentKind | None:
    """The kind of document whose ``format`` is *name* (``None``: no such kind)."""
    for kind in DOCUMENT_KINDS:
        if kind.format == name:
            return kind
    return None


def migrate(
    body: dict[str, Any],
    kind: DocumentKind,
    version: int,
    migrations: Mapping[tuple[str, int], Migration] | None = None,
) -> dict[str, Any]:
    """*body*, written in *version* of *kind*, brought up to the current version.

    Args:
        body: The document without its ``format`` and ``version`` keys.
        kind: The kind of document.
        version: The version the body was written in.
        migrations: The steps to use (default: :data:`MIGRATIONS`).

    Raises:
        ValueError: if *version* is newer than the current one or no step leads from it.
    """
    steps = MIGRATIONS if migrations is None else migrations
    if version > kind.version:
        msg = (
            f"this is version {version} of {kind.format}, but this library reads versions "
            f"up to {kind.version}: upgrade samverkan-model to read it"
        )
        raise ValueError(msg)
    while version < kind.version:
        step = steps.get((kind.format, version))
        if step is None:
            msg = f"version {version} of {kind.format} is unknown: no migration starts from it"
            raise ValueError(msg)
        body = step(body)
        version += 1
    return body
