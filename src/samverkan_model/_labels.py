"""Bilingual (Swedish/English) labels for the library's enumerations.

Every enumeration in the public API derives from :class:`LabelledEnum`: its
``value`` is a stable, lowercase English identifier used in data files, and
each member carries a Swedish and an English label for display.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal, Self, get_args

__all__ = ["LANGUAGES", "LabelledEnum", "Lang", "check_lang"]

Lang = Literal["sv", "en"]
"""A language code accepted by ``label()``: ``"sv"`` (Swedish) or ``"en"`` (English)."""

LANGUAGES: tuple[Lang, ...] = get_args(Lang)


def check_lang(lang: str) -> Lang:
    """Return *lang* if it is a supported language code.

    Raises:
        ValueError: if *lang* is neither ``"sv"`` nor ``"en"``.
    """
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    msg = f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}"
    raise ValueError(msg)


class LabelledEnum(Enum):
    """An enumeration whose members carry Swedish and English labels.

    Members are declared as ``NAME = ("value", "Svensk etikett", "English label")``.

    >>> from samverkan_model import GovernanceLevel
    >>> GovernanceLevel.REGIONAL.value
    'regional'
    >>> GovernanceLevel.REGIONAL.label("sv")
    'Regional nivå'
    """

    _value_: str
    _sv: str
    _en: str

    # The defaults are for type checkers only: members are always declared with all three
    # items, and after class creation ``Mode("normal")`` is Enum's lookup by value, which
    # this signature lets type-check.
    def __new__(cls, value: str, sv: str = "", en: str = "") -> LabelledEnum:
        member = object.__new__(cls)
        member._value_ = value
        member._sv = sv
        member._en = en
        return member

    def label(self, lang: Lang = "sv") -> str:
        """The member's display label in *lang* (Swedish by default).

        Raises:
            ValueError: if *lang* is not a supported language code.
        """
        return self._sv if check_lang(lang) == "sv" else self._en

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    # Members are singletons compared by identity, so the identity hash agrees with
    # equality, and it is computed in C instead of hashing the name in Python: sets of
    # members (living conditions, modes, protected values) are everywhere.
    __hash__ = object.__hash__

    @classmethod
    def from_value(cls, value: str) -> Self:
        """Return the member whose value is *value*, with a message listing the valid values.

        Raises:
            ValueError: if no member has that value.
        """
        for member in cls:
            if member.value == value:
                return member
        valid = ", ".join(m.value for m in cls)
        msg = f"{value!r} is not one of {valid}"
        raise ValueError(msg)
