"""The generated readers and writers agree with cattrs and with the detailed reader.

The fast reader may refuse more than it should (the detailed reader then reads the data
again, only slower) but must never accept what the detailed reader refuses, nor build a
different object. These properties check both directions: on valid documents, and on
documents with one field changed to a tricky value, taken from elsewhere in the
document, or removed, or with a key added.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, cast, get_args

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan_model import Area, LabelledEnum, MeasureRef, Period, strategies
from samverkan_model.io import DOCUMENT_KINDS, converter, to_data
from samverkan_model.io._api import _structure_pair
from samverkan_model.io._converter import _attrs_unstructure_factory, iso_date
from samverkan_model.io._fast import Refused, builds_fast, make_reader, make_writer, supports
from samverkan_model.risk import Analysis, FollowUpRegister
from samverkan_model.risk.scales import MetadataEntry
from samverkan_model.structure.model import Structure
from tests.io.corruption import leaves, objects

REFUSED = "refused"

TRICKY: list[object] = [
    None,
    True,
    0,
    1,
    -1,
    1.5,
    "",
    " ",
    "x",
    "X",
    "a\n",
    "a--b",
    "municipality",
    "planned",
    "2020-02-30",
    "2020-1-01",
    "2020-01-01",
    "1999-12-31",
    "2020-01-01T08:00",
    "08:00",
    "0180",
    "SE",
    "99",
    [],
    ["x"],
    ["a\n"],
    ["x", "x"],
    [1],
    ["healthcare"],
    {},
    {"start": "2020-01-01"},
    date(2020, 1, 1),
    datetime(2020, 1, 1, 8, 0),
]

documents = st.one_of(
    strategies.structures(max_actors=3, max_bodies=3),
    strategies.analyses(max_risks=2, max_measures=2),
    strategies.follow_up_registers(max_analyses=2),
)


def _classes(cls: object, seen: set[type] | None = None) -> Iterator[type]:
    """*cls* and every attrs class its fields hold, at any depth."""
    seen = set() if seen is None else seen
    if not (isinstance(cls, type) and attrs.has(cls)) or cls in seen:
        return
    seen.add(cls)
    yield cls
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        for t in (field.type, *_arguments(field.type)):
            yield from _classes(t, seen)


def _arguments(t: Any) -> Iterator[Any]:
    for arg in get_args(t):
        yield arg
        yield from _arguments(arg)


DOCUMENT_CLASSES = sorted(
    {c for kind in DOCUMENT_KINDS for c in _classes(kind.cls)}, key=lambda c: c.__qualname__
)


def read_both(data: dict[str, Any], cls: type) -> tuple[object, object]:
    """What the fast and the detailed reader make of *data*: an object or ``REFUSED``."""
    fast, detailed = _structure_pair(cls)
    assert fast is not None
    results: list[object] = []
    for reader in (fast, detailed):
        try:
            results.append(reader(data, cls))
        except Exception:
            results.append(REFUSED)
    return results[0], results[1]


def body(document: object) -> tuple[dict[str, Any], type]:
    """The document written as plain data, without its header, and its class."""
    data = to_data(document)
    del data["format"], data["version"]
    return data, type(document)


class TestReaders:
    def test_document_classes_are_read_by_generated_readers(self) -> None:
        """Every class of a document except the scalars written as text is generated."""
        for cls in DOCUMENT_CLASSES:
            fast, _ = _structure_pair(cls)
            assert fast is not None
            generated = getattr(fast, "__name__", "") == f"read_{cls.__name__}"
            assert generated == (builds_fast(cls) and cls not in (Area, MeasureRef))
        assert {Structure, Analysis, FollowUpRegister, Period} <= set(
            filter(builds_fast, DOCUMENT_CLASSES)
        )

    @given(documents)
    def test_valid_documents_read_alike(self, document: object) -> None:
        """A valid document is read by the fast reader into the object it was written from."""
        data, cls = body(document)
        fast, detailed = read_both(data, cls)
        assert fast == detailed == document

    @given(documents, st.data())
    def test_changed_fields_read_alike(self, document: object, data: st.DataObject) -> None:
        """With one field changed, both readers refuse it or both build the same object."""
        plain, cls = body(document)
        places = list(objects(plain, cls))
        _, mapping, mapping_cls = data.draw(st.sampled_from(places))
        names = [f.name for f in attrs.fields(mapping_cls) if f.init]
        key = data.draw(st.sampled_from([*names, "not_a_field"]))
        borrowed = [leaf.parent[leaf.key] for leaf in leaves(plain, cls)]
        how = data.draw(st.sampled_from(["tricky", "borrowed", "removed"]))
        if how == "removed":
            mapping.pop(key, None)
        else:
            pool = TRICKY if how == "tricky" or not borrowed else borrowed
            mapping[key] = copy.deepcopy(data.draw(st.sampled_from(pool)))
        fast, detailed = read_both(plain, cls)
        assert fast == detailed

    @settings(max_examples=10)
    @given(documents)
    def test_every_field_with_every_tricky_value(self, document: object) -> None:
        """Each field of each object in turn, set to each tricky value, reads alike.

        Each object is read as its own class, so that a check a document-wide rule would
        also catch (a likelihood off the matrix) is still checked on its own.
        """
        plain, cls = body(document)
        for _, mapping, mapping_cls in objects(plain, cls):
            for key, kept in list(mapping.items()):
                for value in TRICKY:
                    mapping[key] = value
                    fast, detailed = read_both(mapping, mapping_cls)
                    assert fast == detailed, (mapping_cls, key, value)
                mapping[key] = kept

    @pytest.mark.parametrize("value", ["not a mapping", [], None, 3])
    def test_anything_but_a_mapping_is_refused(self, value: object) -> None:
        """The reader of a class takes only a mapping of keys to values."""
        read = make_reader(Period, converter, iso_date)
        with pytest.raises(Refused):
            read(value, Period)

    def test_checks_beyond_the_type_still_run(self) -> None:
        """Rules the field types do not express (end not before start) are checked."""
        read = make_reader(Period, converter, iso_date)
        assert read({"start": "2020-01-01"}, Period) == Period(date(2020, 1, 1))
        with pytest.raises(ValueError, match="end: 2019-01-01 is before start"):
            read({"start": "2020-01-01", "end": "2019-01-01"}, Period)


def _nested_objects(value: object) -> Iterator[object]:
    """*value* and every attrs object it holds, at any depth."""
    if isinstance(value, tuple | frozenset):
        for item in value:
            yield from _nested_objects(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
            if field.init:
                yield from _nested_objects(getattr(value, field.name))


metadata = st.lists(
    st.builds(MetadataEntry, path=st.sampled_from(["a", "b.c"]), value=st.text(max_size=5)),
    max_size=3,
    unique_by=lambda entry: entry.path,
)
matrices = st.builds(attrs.evolve, strategies.risk_matrices(), metadata=metadata)


class TestWriters:
    @given(st.one_of(documents, matrices))
    def test_writers_write_what_cattrs_writes(self, document: object) -> None:
        """Each generated writer gives the mapping cattrs' own generated function gives."""
        for obj in _nested_objects(document):
            cls = type(obj)
            if not builds_fast(cls):
                continue
            written = make_writer(cls, converter)(obj)
            reference = _attrs_unstructure_factory(cls, converter)(obj)
            assert written == reference
            assert list(written) == list(reference)  # the same keys in the same order

    def test_document_classes_are_written_by_generated_writers(self) -> None:
        """The converter writes the library's classes with the generated writers.

        Areas and measure references are written as text by hooks of their own.
        """
        for cls in DOCUMENT_CLASSES:
            generated = converter.get_unstructure_hook(cls).__name__ == f"write_{cls.__name__}"
            assert generated == (builds_fast(cls) and cls not in (Area, MeasureRef))


class TestEnumHash:
    @given(st.sampled_from([m for e in LabelledEnum.__subclasses__() for m in e]))
    def test_members_hash_by_identity(self, member: LabelledEnum) -> None:
        """Members hash like the singletons they are: equal means identical."""
        assert hash(member) == object.__hash__(member)
        assert {member, type(member)(member.value)} == {member}


@attrs.frozen
class _Plain:
    a: str
    b: list[str] = attrs.field(factory=list)


@attrs.frozen
class _Defaults:
    a: list[str] = attrs.field(factory=list)
    b: str | None = "x"
    c: int | str | None = None


@attrs.frozen
class _NullableFirst:
    a: str | None
    b: str


@attrs.frozen
class _AfterInit:
    a: str

    def __attrs_post_init__(self) -> None:
        pass


@attrs.frozen(cache_hash=True)
class _CachedHash:
    a: str


@attrs.define(slots=False)
class _WithDict:
    a: str


@attrs.frozen
class _ConverterObject:
    a: str = attrs.field(converter=attrs.Converter(str))  # type: ignore[misc]


@attrs.frozen
class _FactoryOfSelf:
    a: str
    b: str = attrs.field(default=attrs.Factory(lambda self: self.a, takes_self=True))


class _NotAttrs:
    a: str


class TestSupports:
    def test_plain_slotted_classes_are_supported(self) -> None:
        """A slotted attrs class with value and factory defaults is supported."""
        assert supports(_Plain)
        assert not builds_fast(_Plain)  # only the library's own classes take the fast path

    @pytest.mark.parametrize(
        "cls",
        [_AfterInit, _CachedHash, _WithDict, _ConverterObject, _FactoryOfSelf, _NotAttrs],
        ids=lambda c: c.__name__,
    )
    def test_classes_built_otherwise_are_not(self, cls: type) -> None:
        """Classes whose __init__ does more than set fields are left to cattrs."""
        assert not supports(cls)


class TestWritersOfOtherDefaults:
    @given(
        st.builds(
            _Defaults,
            st.lists(st.text(max_size=2), max_size=2),
            st.none() | st.sampled_from(["x", "y"]),
            st.none() | st.integers(0, 2) | st.just("z"),
        )
    )
    def test_factory_and_optional_defaults(self, obj: _Defaults) -> None:
        """Factory defaults, optional fields with other defaults and wider unions agree."""
        assert supports(_Defaults)
        written = make_writer(_Defaults, converter)(obj)
        assert written == _attrs_unstructure_factory(_Defaults, converter)(obj)

    @given(st.builds(_NullableFirst, st.none() | st.just("x"), st.just("y")))
    def test_fields_always_written_after_one_that_may_be_left_out(
        self, obj: _NullableFirst
    ) -> None:
        """A required field after one written only when not None keeps its place."""
        written = make_writer(_NullableFirst, converter)(obj)
        reference = _attrs_unstructure_factory(_NullableFirst, converter)(obj)
        assert written == reference
        assert list(written) == list(reference)
