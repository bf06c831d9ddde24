from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model._validators import (
    SLUG_PATTERN,
    is_date,
    is_datetime,
    is_slug,
    is_slug_text,
    is_text,
    is_type_check,
    kept_type,
    optional_slug,
    slug_set,
    sorted_tuple,
    str_set,
    str_tuple,
    text_tuple,
)

slugs = st.from_regex(SLUG_PATTERN, fullmatch=True)
"""Every string the pattern allows (slow to draw: used where the pattern itself is tested)."""
short_slugs = st.sampled_from(["a", "b-2", "lansstyrelsen-stockholm", "0180"])


@attrs.frozen
class Sample:
    """A small class using every validator, as the domain classes do."""

    id: str = attrs.field(validator=is_slug)
    parent: str | None = attrs.field(default=None, validator=optional_slug)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=str_set, validator=slug_set)
    notes: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=text_tuple)
    title: str = attrs.field(default="", validator=is_text)
    comment: str | None = attrs.field(default=None, validator=is_text)
    on: date | None = attrs.field(default=None, validator=is_date)
    since: date = attrs.field(default=date(2025, 1, 1), validator=is_date)
    at: datetime = attrs.field(default=datetime(2025, 1, 1), validator=is_datetime)
    raw: list[str] = attrs.field(factory=list, validator=slug_set)


def build(**fields: Any) -> Sample:
    return Sample(**{"id": "a", **fields})


class TestSlugs:
    @given(slugs)
    def test_slugs_are_accepted(self, value: str) -> None:
        """Lowercase ASCII words joined by single hyphens are valid ids."""
        assert build(id=value, parent=value, tags=[value]).id == value

    @pytest.mark.parametrize(
        "value",
        ["", "Upper", "two  spaces", "a--b", "-a", "a-", "å", "a_b", "a b", "a/b", "a\n", "\na"],
    )
    def test_non_slugs_are_refused_with_the_field_name(self, value: str) -> None:
        """A bad id is a ValueError that starts with the field name and quotes the value."""
        with pytest.raises(ValueError, match=r"^id: .* is not a valid id") as info:
            build(id=value)
        assert repr(value) in str(info.value)
        with pytest.raises(ValueError, match=r"^parent: "):
            build(parent=value)
        with pytest.raises(ValueError, match=r"^tags: "):
            build(tags=[value])

    def test_non_string_id_is_refused(self) -> None:
        """An id that is not a string is refused like a malformed one."""
        with pytest.raises(ValueError, match=r"^id: 42 is not a valid id"):
            build(id=42)

    def test_optional_slug_allows_none(self) -> None:
        """optional_slug lets None through."""
        assert build(parent=None).parent is None


class TestCollections:
    @given(st.lists(short_slugs, max_size=5))
    def test_any_iterable_becomes_a_frozenset(self, items: list[str]) -> None:
        """str_set accepts lists, tuples, sets and generators alike."""
        assert build(tags=items).tags == frozenset(items)
        assert build(tags=(i for i in items)).tags == frozenset(items)

    @given(st.lists(st.text(), max_size=5))
    def test_str_tuple_keeps_order(self, items: list[str]) -> None:
        """str_tuple keeps the items and their order."""
        assert build(notes=items).notes == tuple(items)

    def test_bare_string_is_not_split_into_letters(self) -> None:
        """A single string where a collection belongs is refused, naming the field."""
        with pytest.raises(TypeError, match=r"^tags: expected a collection .* 'kommun'"):
            build(tags="kommun")
        with pytest.raises(TypeError, match=r"^notes: expected a collection .* 'Lag'"):
            build(notes="Lag")

    def test_non_iterable_is_refused(self) -> None:
        """A value that is not a collection at all is refused, naming the field."""
        with pytest.raises(TypeError, match=r"^tags: expected a collection of items, got 7"):
            build(tags=7)
        with pytest.raises(TypeError, match=r"^notes: expected a collection of items, got 7"):
            build(notes=7)

    def test_validators_check_unconverted_collections(self) -> None:
        """slug_set also checks a collection no converter has touched, such as a list."""
        assert build(raw=["a", "b"]).raw == ["a", "b"]
        with pytest.raises(ValueError, match=r"^raw: 'B' is not a valid id"):
            build(raw=["a", "B"])

    def test_text_items_must_be_strings(self) -> None:
        """text_tuple refuses non-string items."""
        with pytest.raises(TypeError, match=r"^notes: expected text items, got 3"):
            build(notes=["a", 3])

    def test_converters_pass_strings_through(self) -> None:
        """The converters leave a bare string alone for the validator to refuse."""
        assert str_set("ab") == "ab"  # type: ignore[comparison-overlap]
        assert str_tuple("ab") == "ab"  # type: ignore[comparison-overlap]

    @given(st.lists(st.tuples(st.integers(0, 3), st.integers()), max_size=8))
    def test_sorted_tuple_is_a_stable_sort(self, items: list[tuple[int, int]]) -> None:
        """sorted_tuple(key) sorts by key and keeps the input order of ties."""

        def first(pair: tuple[int, int]) -> int:
            return pair[0]

        assert sorted_tuple(first)(items) == tuple(sorted(items, key=first))


class TestText:
    def test_text_must_be_a_string(self) -> None:
        """is_text refuses non-strings with the field name."""
        with pytest.raises(TypeError, match=r"^title: expected text, got 3"):
            build(title=3)

    def test_none_only_where_it_is_the_default(self) -> None:
        """None is accepted only by fields whose default is None."""
        assert build(comment=None).comment is None
        with pytest.raises(TypeError, match=r"^title: expected text, got None"):
            build(title=None)


class TestDates:
    def test_date_accepted_and_none_where_default(self) -> None:
        """is_date accepts dates, and None only where the default is None."""
        assert build(on=date(2025, 2, 1), since=date(2025, 3, 1)).on == date(2025, 2, 1)
        assert build(on=None).on is None
        with pytest.raises(TypeError, match=r"^since: expected a date, got None"):
            build(since=None)

    @pytest.mark.parametrize("value", [datetime(2025, 1, 1), "2025-01-01", 20250101])
    def test_non_dates_are_refused(self, value: object) -> None:
        """Datetimes, strings and numbers are not dates."""
        with pytest.raises(TypeError, match=r"^on: expected a date"):
            build(on=value)

    def test_naive_datetime_accepted(self) -> None:
        """is_datetime accepts naive datetimes (Swedish local time)."""
        assert build(at=datetime(2025, 1, 6, 8)).at.hour == 8

    def test_aware_datetime_refused(self) -> None:
        """A datetime with a time zone is refused: on-call times are local and naive."""
        with pytest.raises(ValueError, match=r"^at: expected a naive datetime"):
            build(at=datetime(2025, 1, 6, 8, tzinfo=UTC))

    @pytest.mark.parametrize("value", [date(2025, 1, 1), "2025-01-01T08:00"])
    def test_non_datetimes_refused(self, value: object) -> None:
        """Dates and strings are not datetimes."""
        with pytest.raises(TypeError, match=r"^at: expected a datetime"):
            build(at=value)


class TestMarks:
    @given(st.text(alphabet="ab-0A\n ", max_size=8) | slugs)
    def test_slug_text_is_the_pattern(self, text: str) -> None:
        """The remembered check answers as the pattern does, twice alike."""
        expected = SLUG_PATTERN.fullmatch(text) is not None
        assert is_slug_text(text) is expected
        assert is_slug_text(text) is expected

    def test_type_checks_are_marked(self) -> None:
        """Checks of the type alone are marked; checks of the value are not."""
        assert is_type_check(is_text)
        assert is_type_check(is_date)
        assert not is_type_check(is_slug)
        assert not is_type_check(slug_set)

    def test_converters_that_keep_their_type_are_marked(self) -> None:
        """str_set keeps frozensets and str_tuple tuples; other functions keep nothing."""
        assert kept_type(str_set) is frozenset
        assert kept_type(str_tuple) is tuple
        assert kept_type(sorted) is None
