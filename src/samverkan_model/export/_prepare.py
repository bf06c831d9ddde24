"""What every export starts from: the structure, redacted on request."""

from __future__ import annotations

from samverkan_model.structure.model import Structure

__all__ = ["prepare"]


def prepare(structure: Structure, redact: bool) -> Structure:
    """*structure* as exported: with *redact*, :meth:`Structure.redacted`.

    Redacted, persons keep neither names nor contact details, and their ids become
    ``person-1``, ``person-2``, ...
    """
    return structure.redacted() if redact else structure
