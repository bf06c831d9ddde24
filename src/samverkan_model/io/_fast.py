"""One generated reader and one generated writer per class: the data files' fast path.

cattrs structures an attrs class by calling a hook per field and then the class, whose
``__init__`` runs every validator again, including the type checks the hooks have just
made. For the library's own classes this module generates instead, once per class, a
single function that reads a mapping and builds the object directly: it checks each
value's type inline, converts it, runs the checks the type does not already guarantee
(ids, periods, cross-field rules) and sets the fields, as the class's ``__init__`` would.

The generated readers serve the first, fast try of reading a document. They need not
say what is wrong: anything they refuse is read again by the detailed converter, which
names every problem with its path. They must accept exactly what the detailed converter
accepts and build equal objects, which the tests check with Hypothesis on valid and
corrupted documents alike.

The generated writers are the other direction: one function per class that writes the
fields cattrs would write (a field equal to its default, or ``None`` where ``None`` is
written by leaving the key out, is left out) in the same order, with text, numbers,
enumeration members and sets of them written inline.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable
from datetime import date
from types import MemberDescriptorType, UnionType
from typing import Any, Union, cast, get_args, get_origin

import attrs
from cattrs import BaseConverter
from cattrs.fns import identity

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import (
    is_slug,
    is_slug_text,
    is_type_check,
    kept_type,
    non_blank,
    optional_slug,
    positive_int,
    slug_set,
)

__all__ = ["Refused", "builds_fast", "is_ours", "make_reader", "make_writer", "supports"]

_PLAIN = (str, int, bool)

# Checks of a value the reader has built with the type given, as conditions for refusing
# it: they run inline instead of being called.
_INLINE_CHECKS: dict[tuple[object, object], str] = {
    (non_blank, str): "not v.strip()",
    (positive_int, int): "v < 1",
}
_FACTORY: type = type(attrs.Factory(list))


class Refused(ValueError):
    """The fast reader does not accept a value: the detailed converter reads it again."""


def is_ours(cl: object) -> bool:
    """Whether *cl* is one of the library's own classes.

    Those are read and written by the generated functions; hooks users register on the
    converter serve their own classes.
    """
    return isinstance(cl, type) and cl.__module__.startswith("samverkan_model.")


def builds_fast(cl: Any) -> bool:
    """Whether *cl* is one of the library's classes and :func:`supports` it."""
    return is_ours(cl) and supports(cl)


def supports(cl: type) -> bool:
    """Whether the generated functions can read and write the class *cl*.

    They handle attrs classes whose fields are all slots and that are built by their
    attrs ``__init__`` alone: no ``__attrs_pre_init__`` or ``__attrs_post_init__``, no
    cached hash, converters that are plain functions and defaults that are values or
    factories not taking ``self``.
    """
    if not attrs.has(cl) or cl.__new__ is not object.__new__:
        return False
    if hasattr(cl, "__attrs_pre_init__") or hasattr(cl, "__attrs_post_init__"):
        return False
    if any("hash" in slot for klass in cl.__mro__ for slot in klass.__dict__.get("__slots__", ())):
        return False
    for field in attrs.fields(cl):
        if field.converter is not None and not _is_function(field.converter):
            return False
        if isinstance(field.default, _FACTORY) and cast("Any", field.default).takes_self:
            return False
        if _slot(cl, field.name) is None:
            return False
    return True


def _is_function(value: object) -> bool:
    return callable(value) and not isinstance(value, attrs.Converter)


def _factory(default: object) -> Callable[[], object] | None:
    """The function that makes a field's default, for an ``attrs.Factory`` default."""
    if isinstance(default, _FACTORY):
        factory: Callable[[], object] = cast("Any", default).factory
        return factory
    return None


def _optional_inner(t: Any) -> Any | None:
    """``X`` for ``X | None``, else ``None``."""
    if get_origin(t) in (Union, UnionType):
        args = get_args(t)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, LabelledEnum)


def _is_item_set(t: Any) -> bool:
    """``frozenset[str]`` or ``frozenset[SomeEnum]``: checked and built inline."""
    args = get_args(t)
    return get_origin(t) is frozenset and len(args) == 1 and (args[0] is str or _is_enum(args[0]))


class _Source:
    """Lines of generated code and the names they use."""

    def __init__(self, cl: type) -> None:
        self.lines: list[str] = []
        self.names: dict[str, object] = {"_Refused": Refused, "_cl": cl}

    def name(self, prefix: str, value: object) -> str:
        key = f"_{prefix}"
        self.names[key] = value
        return key

    def add(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def compile(self, function: str, cl: type) -> Callable[..., Any]:
        """The function named *function* that the lines define, for the class *cl*."""
        text = "\n".join(self.lines) + "\n"
        filename = f"<samverkan_model {function} {cl.__module__}.{cl.__qualname__}>"
        code = compile(text, filename, "exec")
        # Tracebacks through the generated function show its lines.
        linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
        namespace = dict(self.names)
        exec(code, namespace)  # code made above from the class's own fields
        return cast("Callable[..., Any]", namespace[function])


# -- reading ---------------------------------------------------------------------------------


def _skippable(field: attrs.Attribute[Any], validator: object, t: Any, inner: Any) -> bool:
    """Whether *validator* only checks what building the value from *t* guarantees."""
    if is_type_check(validator):
        # Type checks accept None only where the default is None.
        return inner is None or field.default is None
    if inner is None:
        return bool(validator == attrs.validators.instance_of(t))
    return bool(validator == attrs.validators.optional(attrs.validators.instance_of(inner)))


def _read_value(src: _Source, conv: BaseConverter, key: str, t: Any, slug: str, depth: int) -> None:
    """Code that checks ``v``, a value of type *t*, and replaces it by what it stands for.

    *slug* is ``"one"`` when ``v`` (text) must be an id, ``"each"`` when every item of
    ``v`` (a set of text) must be, else ``""``.
    """
    if t is str:
        if slug:
            src.add(depth, "if type(v) is not str or not _slug(v): raise _Refused")
        else:
            src.add(depth, "if type(v) is not str: raise _Refused")
    elif t is int or t is bool:
        src.add(depth, f"if type(v) is not {t.__name__}: raise _Refused")
    elif t is date:
        src.add(depth, "if type(v) is str:")
        src.add(depth + 1, "v = _read_date(v)")
        src.add(depth + 1, "if v is None: raise _Refused")
        src.add(depth, "elif type(v) is not _date: raise _Refused")
    elif _is_enum(t):
        members = src.name(f"members_{key}", {m.value: m for m in t})
        src.add(depth, f"v = {members}.get(v) if type(v) is str else None")
        src.add(depth, "if v is None: raise _Refused")
    elif _is_item_set(t):
        (item,) = get_args(t)
        src.add(depth, "if type(v) is not list: raise _Refused")
        if item is str:
            check = "type(x) is not str or not _slug(x)" if slug else "type(x) is not str"
            src.add(depth, "for x in v:")
            src.add(depth + 1, f"if {check}: raise _Refused")
            src.add(depth, "v = frozenset(v)")
        else:
            members = src.name(f"members_{key}", {m.value: m for m in item})
            src.add(
                depth, f"v = frozenset([{members}.get(x) if type(x) is str else None for x in v])"
            )
            src.add(depth, "if None in v: raise _Refused")
    else:
        hook = src.name(f"hook_{key}", conv.get_structure_hook(t))
        kind = src.name(f"type_{key}", t)
        src.add(depth, f"v = {hook}(v, {kind})")


def make_reader(
    cl: type, conv: BaseConverter, read_date: Callable[[str], date | None]
) -> Callable[[Any, Any], Any]:
    """The generated fast reader of the attrs class *cl* (see :func:`builds_fast`).

    *read_date* reads the text of a date, giving ``None`` for text that is not one.
    """
    attrs.resolve_types(cl)
    fields = attrs.fields(cl)
    src = _Source(cl)
    src.names.update(_new=object.__new__, _slug=is_slug_text, _date=date, _read_date=read_date)
    required = sum(1 for f in fields if f.init and _required(f))
    src.add(0, f"def read_{cl.__name__}(o, _=None):")
    src.add(1, "if type(o) is not dict: raise _Refused")
    # Every key read is counted: any other key makes the count differ from the length.
    src.add(1, f"n = {required}")
    src.add(1, "self = _new(_cl)")
    checks: list[str] = []
    for index, field in enumerate(fields):
        key = str(index)
        if field.init:
            checks += _read_field(src, conv, key, field)
        else:
            _read_default(src, key, field)
        # Setting the slot directly bypasses frozenness, as the class's __init__ does.
        slot = _slot(cl, field.name)
        assert slot is not None  # see supports()
        src.add(1, f"{src.name(f'set_{key}', slot.__set__)}(self, v)")
    src.add(1, "if n != len(o): raise _Refused")
    for check in checks:
        src.add(1, check)
    src.add(1, "return self")
    return src.compile(f"read_{cl.__name__}", cl)


def _built_type(t: Any) -> type | None:
    """The type of the values the reader builds for a field of type *t* (when it knows)."""
    origin = get_origin(t)
    return origin if origin is frozenset or origin is tuple else None


def _required(field: attrs.Attribute[Any]) -> bool:
    """Whether the field's key must be present (it has no default and is not optional)."""
    return field.default is attrs.NOTHING and _optional_inner(field.type) is None


def _read_field(
    src: _Source, conv: BaseConverter, key: str, field: attrs.Attribute[Any]
) -> list[str]:
    """Code reading the field into ``v``; returns the calls of the checks left to run.

    The checks run once every field is set, as in the class's ``__init__``.
    """
    t = field.type
    inner = _optional_inner(t)
    validators = [] if field.validator is None else [field.validator]
    slug = ""
    if validators == [slug_set] and _is_item_set(t) and get_args(t)[0] is str:
        slug, validators = "each", []
    elif (validators == [is_slug] and t is str) or (validators == [optional_slug] and inner is str):
        slug, validators = "one", []
    if _required(field):
        src.add(1, f"v = o[{field.name!r}]")
        _read_value(src, conv, key, t, slug, 1)
    else:
        src.add(1, f"if {field.name!r} in o:")
        src.add(2, "n += 1")
        src.add(2, f"v = o[{field.name!r}]")
        if inner is not None:
            src.add(2, "if v is not None:")
            _read_value(src, conv, key, inner, slug, 3)
        else:
            _read_value(src, conv, key, t, slug, 2)
        src.add(1, "else:")
        if field.default is attrs.NOTHING:  # X | None, and None is written as no key
            src.add(2, "v = None")
        else:
            _read_default(src, key, field, depth=2)
    if field.converter is not None and kept_type(field.converter) is not _built_type(t):
        src.add(1, f"v = {src.name(f'convert_{key}', field.converter)}(v)")
    checks = []
    for validator in validators:
        refuse = _INLINE_CHECKS.get((validator, t))
        if refuse is not None and _required(field) and field.converter is None:
            src.add(1, f"if {refuse}: raise _Refused")
            continue
        if not _skippable(field, validator, t, inner):
            check = src.name(f"check_{key}", validator)
            attribute = src.name(f"attribute_{key}", field)
            checks.append(f"{check}(self, {attribute}, self.{field.name})")
    return checks


def _slot(cl: type, name: str) -> MemberDescriptorType | None:
    """The slot that holds the field *name* of *cl*'s instances, if it is one."""
    for klass in cl.__mro__:
        slot = klass.__dict__.get(name)
        if isinstance(slot, MemberDescriptorType):
            return slot
    return None


def _read_default(src: _Source, key: str, field: attrs.Attribute[Any], depth: int = 1) -> None:
    """Code setting ``v`` to the field's default."""
    factory = _factory(field.default)
    if factory is not None:
        src.add(depth, f"v = {src.name(f'factory_{key}', factory)}()")
    else:
        src.add(depth, f"v = {src.name(f'default_{key}', field.default)}")


# -- writing ---------------------------------------------------------------------------------


def make_writer(cl: type, conv: BaseConverter) -> Callable[[Any], dict[str, Any]]:
    """The generated writer of the attrs class *cl*: the mapping cattrs would write."""
    attrs.resolve_types(cl)
    src = _Source(cl)
    fields = [f for f in attrs.fields(cl) if f.init]
    # The leading fields that are always written make up the mapping's literal; the
    # rest are added in order, each when it differs from its default.
    always = 0
    while always < len(fields) and not _written_when(fields[always]):
        always += 1
    items = []
    for field in fields[:always]:
        value = _write_value(src, conv, field.name, field.type, f"obj.{field.name}")
        items.append(f"{field.name!r}: {value}")
    src.add(0, f"def write_{cl.__name__}(obj):")
    src.add(1, f"out = {{{', '.join(items)}}}")
    for field in fields[always:]:
        src.add(1, f"v = obj.{field.name}")
        depth = 1
        condition = _written_when(field)
        if condition:
            default = _factory(field.default) or field.default
            src.add(1, f"if {condition.format(src.name(f'default_{field.name}', default))}:")
            depth = 2
        inner = _optional_inner(field.type)
        if inner is not None and condition != "v is not None":
            value = f"None if v is None else {_write_value(src, conv, field.name, inner)}"
        else:
            value = _write_value(src, conv, field.name, inner or field.type)
        src.add(depth, f"out[{field.name!r}] = {value}")
    src.add(1, "return out")
    return src.compile(f"write_{cl.__name__}", cl)


def _written_when(field: attrs.Attribute[Any]) -> str:
    """The condition (on ``v``, the value) for writing the field; empty if it always is.

    A field equal to its default is left out, and so is ``None`` (written by leaving the
    key out). ``{}`` stands for the default's name.
    """
    if field.default is attrs.NOTHING:
        return "" if _optional_inner(field.type) is None else "v is not None"
    if field.default is None:
        return "v is not None"
    empty = type(field.default) in (str, tuple, frozenset) and not field.default
    if empty and _optional_inner(field.type) is None:
        return "v"  # text, tuples and sets are true exactly when not empty
    if _factory(field.default) is not None:
        return "v != {}()"
    return "v is not {0} and v != {0}"


def _write_value(src: _Source, conv: BaseConverter, key: str, t: Any, v: str = "v") -> str:
    """An expression writing the value *v* (an expression) of type *t*."""
    if t in _PLAIN:
        return v
    if _is_enum(t):
        return f"{v}._value_"
    if _is_item_set(t):
        (item,) = get_args(t)
        return f"sorted({v})" if item is str else f"sorted([x._value_ for x in {v}])"
    args = get_args(t)
    if get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] is str:
            return f"list({v})"
        if builds_fast(args[0]):
            write = src.name(f"hook_{key}", conv.get_unstructure_hook(args[0]))
            return f"[{write}(x) for x in {v}]"
    hook = conv.get_unstructure_hook(t)
    if hook is identity:
        return v
    return f"{src.name(f'hook_{key}', hook)}({v})"
