"""The converter's fast paths give what the general ones gave."""

from __future__ import annotations

from datetime import date

import pytest
from cattrs import Converter
from cattrs.fns import identity
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import BodyKind, GovernanceLevel, MeasureStatus, RelationKind, Role
from samverkan_model.io import converter
from samverkan_model.io._converter import Invalid, fast_converter

ENUMS = [GovernanceLevel, Role, RelationKind, BodyKind, MeasureStatus]


class TestOptionalHooks:
    @pytest.mark.parametrize("conv", [converter, fast_converter])
    @given(st.none() | st.dates())
    def test_optional_date(self, conv: Converter, value: date | None) -> None:
        """``date | None`` reads None as None and an ISO date as that date."""
        hook = conv.get_structure_hook(date | None)
        text = None if value is None else value.isoformat()
        assert hook(text, date | None) == value

    def test_optional_refuses_what_the_inner_type_refuses(self) -> None:
        """A wrong value of an optional field gets the inner type's message."""
        hook = fast_converter.get_structure_hook(str | None)
        with pytest.raises(Invalid, match="expected text, got 7"):
            hook(7, str | None)


class TestOptionalWriting:
    def test_optional_text_is_written_as_is(self) -> None:
        """``str | None`` needs no hook call: cattrs inlines it."""
        assert converter.get_unstructure_hook(str | None) is identity

    @given(st.none() | st.dates())
    def test_optional_date_is_written_as_text(self, value: date | None) -> None:
        """``date | None`` writes None as None and a date as ISO text."""
        hook = converter.get_unstructure_hook(date | None)
        assert hook(value) == (None if value is None else value.isoformat())


class TestEnumValues:
    @pytest.mark.parametrize("enum", ENUMS)
    def test_enums_are_written_by_value(self, enum: type[GovernanceLevel]) -> None:
        """Every enum member is written as its value."""
        for member in enum:
            assert converter.unstructure(member) == member.value
