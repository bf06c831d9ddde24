"""Governance levels and operating modes."""

from __future__ import annotations

from samverkan_model._labels import LabelledEnum

__all__ = ["GovernanceLevel", "Mode"]

_RANK = {"local": 0, "subregional": 1, "regional": 2, "central": 3}


class GovernanceLevel(LabelledEnum):
    """The level a body or actor works at (nivå), ordered from local up to central.

    Strategic questions travel upwards, direction travels downwards, so levels compare by
    height:

    >>> GovernanceLevel.LOCAL < GovernanceLevel.SUBREGIONAL < GovernanceLevel.REGIONAL
    True
    >>> max(GovernanceLevel).name
    'CENTRAL'
    """

    CENTRAL = ("central", "Central nivå", "Central level")
    REGIONAL = ("regional", "Regional nivå", "Regional level")
    SUBREGIONAL = ("subregional", "Delregional nivå", "Sub-regional level")
    LOCAL = ("local", "Lokal nivå", "Local level")

    @property
    def rank(self) -> int:
        """Height of the level: 0 for local up to 3 for central."""
        return _RANK[self.value]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, GovernanceLevel):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, GovernanceLevel):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, GovernanceLevel):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, GovernanceLevel):
            return NotImplemented
        return self.rank >= other.rank


class Mode(LabelledEnum):
    """The mode a collaboration structure runs in.

    In normal mode (normalläge) the structure works on preparedness; in activated mode
    (aktiverat läge) joint crisis work is under way and functions such as the ISF are active.
    """

    NORMAL = ("normal", "Normalläge", "Normal mode")
    ACTIVATED = ("activated", "Aktiverat läge", "Activated mode")
