"""Collection converters hand back a ready frozenset or tuple as is, and still refuse strings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import Actor, GovernanceLevel, OrganisationKind
from samverkan_model._validators import as_frozenset, as_tuple, str_set, str_tuple

slugs = st.from_regex(r"[a-z]{1,8}", fullmatch=True)


class TestReadyCollections:
    @given(st.frozensets(slugs))
    def test_frozensets_are_kept(self, items: frozenset[str]) -> None:
        """A frozenset is returned itself, not copied."""
        assert str_set(items) is items
        assert as_frozenset(items) is items

    @given(st.lists(slugs).map(tuple))
    def test_tuples_are_kept(self, items: tuple[str, ...]) -> None:
        """A tuple is returned itself, not copied."""
        assert str_tuple(items) is items
        assert as_tuple(items) is items

    @given(st.lists(slugs))
    def test_other_iterables_are_converted(self, items: list[str]) -> None:
        """Lists become a frozenset or a tuple of the same items."""
        assert str_set(items) == frozenset(items) == as_frozenset(items)
        assert str_tuple(items) == tuple(items) == as_tuple(items)

    def test_a_bare_string_is_still_refused(self) -> None:
        """A single string is refused by the field's validator, not split into letters."""
        with pytest.raises(TypeError, match="categories: expected a collection"):
            Actor(
                "a",
                "A",
                OrganisationKind.OTHER,
                GovernanceLevel.LOCAL,
                categories="kommun",
            )
