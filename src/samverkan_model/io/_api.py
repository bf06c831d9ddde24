"""dumps/loads/save/load: documents as text and files."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

from samverkan_model.io._converter import converter, fast_converter, json_converter, show
from samverkan_model.io._fast import is_ours
from samverkan_model.io._formats import (
    Format,
    check_format,
    format_for_path,
    parse,
    render,
    render_json,
    writes_dates,
)
from samverkan_model.io.documents import (
    DOCUMENT_KINDS,
    DocumentKind,
    document_kind,
    kind_named,
    migrate,
)
from samverkan_model.io.errors import LoadError, Problem, problems_from

__all__ = ["dumps", "from_data", "load", "loads", "save", "to_data"]

T = TypeVar("T")

_HEADER_KEYS = frozenset({"format", "version"})

_unstructure_hooks: dict[tuple[type, bool], Callable[[Any], Any]] = {}
_structure_hooks: dict[type, tuple[Callable[[Any, type], Any] | None, Callable[[Any, type], Any]]]
_structure_hooks = {}


def _unstructure_hook(cls: type, dates: bool = False) -> Callable[[Any], Any]:
    """The writer of *cls*; with *dates*, one that may leave dates as ``date`` objects."""
    hook = _unstructure_hooks.get((cls, dates))
    if hook is None:
        conv = json_converter if dates and is_ours(cls) else converter
        hook = _unstructure_hooks[cls, dates] = conv.get_unstructure_hook(cls)
    return hook


def _structure_pair(
    cls: type,
) -> tuple[Callable[[Any, type], Any] | None, Callable[[Any, type], Any]]:
    pair = _structure_hooks.get(cls)
    if pair is None:
        # Hooks users register on ``converter`` for their own classes are not on the fast
        # converter: only the library's own classes take the fast path.
        fast = fast_converter.get_structure_hook(cls) if is_ours(cls) else None
        pair = _structure_hooks[cls] = (fast, converter.get_structure_hook(cls))
    return pair


def to_data(obj: object) -> Any:
    """*obj* as plain data (dicts, lists, text, numbers), as written to files.

    A document (a :class:`~samverkan_model.Structure`, ...) starts with its ``format`` and
    ``version`` keys.

    >>> from datetime import date
    >>> from samverkan_model import Period
    >>> to_data(Period(date(2025, 1, 1)))
    {'start': '2025-01-01'}
    """
    return _to_data(obj, dates=False)


def _to_data(obj: object, *, dates: bool) -> Any:
    data = _unstructure_hook(type(obj), dates)(obj)
    kind = document_kind(type(obj))
    if kind is None:
        return data
    return {"format": kind.format, "version": kind.version, **data}


def _header(data: dict[str, Any], wanted: DocumentKind | None) -> tuple[DocumentKind, int]:
    """The kind and version a document declares, checked against the kind *wanted*."""
    problems: list[Problem] = []
    names = ", ".join(repr(k.format) for k in DOCUMENT_KINDS)
    name = data.get("format")
    kind: DocumentKind | None = None
    if "format" not in data:
        problems.append(Problem("format", f"required key is missing (one of {names})"))
    elif type(name) is not str or (kind := kind_named(name)) is None:
        problems.append(
            Problem("format", f"{show(name)} is not a document format: use one of {names}")
        )
    elif wanted is not None and kind is not wanted:
        problems.append(Problem("format", f"expected {wanted.format!r}, got {name!r}"))
    version = data.get("version")
    if "version" not in data:
        problems.append(Problem("version", "required key is missing"))
    elif type(version) is not int or version < 0:
        problems.append(Problem("version", f"expected a version number, got {show(version)}"))
    if problems:
        raise LoadError(problems)
    assert kind is not None
    assert type(version) is int
    return kind, version


def _structure(data: Any, cls: type[T]) -> T:
    fast, detailed = _structure_pair(cls)
    if fast is not None:
        try:
            result: T = fast(data, cls)
        except Exception:
            pass
        else:
            return result
    try:
        result = detailed(data, cls)
    except Exception as exc:
        raise LoadError(problems_from(exc)) from None
    return result


@overload
def from_data(data: Any, cls: type[T]) -> T: ...
@overload
def from_data(data: Any, cls: None = None) -> Any: ...
def from_data(data: Any, cls: type[T] | None = None) -> T | Any:
    """Read plain data (as from :func:`to_data`) into an object of *cls*.

    A document is checked for its ``format`` and ``version`` and migrated from an older
    version first. With *cls* ``None``, the ``format`` key says which class to read.

    Raises:
        LoadError: listing every problem of the data, each with its path.
    """
    wanted = None if cls is None else document_kind(cls)
    if cls is not None and wanted is None:
        return _structure(data, cls)
    if type(data) is not dict:
        what = "a document" if wanted is None else f"a {wanted.format} document"
        raise LoadError(
            [("", f"expected {what} (a mapping with 'format' and 'version'), got {show(data)}")]
        )
    kind, version = _header(data, wanted)
    body = {k: v for k, v in data.items() if k not in _HEADER_KEYS}
    try:
        body = migrate(body, kind, version)
    except ValueError as exc:
        raise LoadError([("version", str(exc))]) from None
    return _structure(body, kind.cls)


def dumps(obj: object, format: Format = "json") -> str:
    """*obj* as a document in *format*: ``"json"``, ``"toml"`` or ``"yaml"``.

    The text is deterministic: fields in declared order, collections in canonical order,
    fields equal to their default left out, one trailing newline.

    Raises:
        ValueError: for an unknown format.
        TypeError: for TOML, when *obj* is not written as a table (e.g. an ``Area``).
        ImportError: for YAML without PyYAML installed.
    """
    fmt = check_format(format)
    if fmt == "json" and writes_dates():
        # orjson writes dates as the same text, faster than formatting each one here.
        return render_json(_to_data(obj, dates=True))
    return render(to_data(obj), fmt)


@overload
def loads(
    text: str | bytes, cls: type[T], format: Format = "json", *, source: str | None = None
) -> T: ...
@overload
def loads(
    text: str | bytes, cls: None = None, format: Format = "json", *, source: str | None = None
) -> Any: ...
def loads(
    text: str | bytes,
    cls: type[T] | None = None,
    format: Format = "json",
    *,
    source: str | None = None,
) -> T | Any:
    """Read a document from *text* in *format*.

    Args:
        text: The document (bytes are read as UTF-8).
        cls: The class to read; ``None`` reads whichever document kind ``format`` names.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        source: Where the text came from, named in error messages.

    Raises:
        LoadError: listing every problem (a syntax error with its line and column).
        ValueError: for an unknown format.
        ImportError: for YAML without PyYAML installed.
    """
    fmt = check_format(format)
    try:
        if isinstance(text, bytes):
            text = _decode(text)
        return from_data(parse(text, fmt), cls)
    except LoadError as exc:
        if source is None:
            raise
        raise LoadError(exc.problems, source) from None


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        msg = f"line {line}, column {column}: the file is not UTF-8 text"
        raise LoadError([("", msg)]) from None
    return text.removeprefix("\ufeff")


@overload
def load(path: str | os.PathLike[str], cls: type[T]) -> T: ...
@overload
def load(path: str | os.PathLike[str], cls: None = None) -> Any: ...
def load(path: str | os.PathLike[str], cls: type[T] | None = None) -> T | Any:
    """Read the document in the file at *path*; its suffix says the format.

    With *cls* ``None`` the document's ``format`` key says what it holds (a
    :class:`~samverkan_model.Structure`, ...).

    Raises:
        LoadError: listing every problem of the file, or naming an unknown suffix.
        OSError: when the file cannot be read (e.g. ``FileNotFoundError``).
    """
    file = Path(path)
    try:
        fmt = format_for_path(file)
    except ValueError as exc:
        raise LoadError([("", str(exc))], str(file)) from None
    return loads(file.read_bytes(), cls, fmt, source=str(file))


def save(obj: object, path: str | os.PathLike[str], format: Format | None = None) -> Path:
    """Write *obj* to the file at *path*, atomically; return the path.

    The format is *format* or else the one the suffix stands for (``.json``, ``.toml``,
    ``.yaml``/``.yml``). The text goes to a temporary file in the same directory that
    then replaces *path*, so the file is never left half-written: it holds either the
    old document or the new one. An existing file keeps its permissions.

    Raises:
        ValueError: for an unknown suffix or format.
        OSError: when the directory cannot be written.
    """
    file = Path(path)
    fmt = check_format(format) if format is not None else format_for_path(file)
    data = dumps(obj, fmt).encode("utf-8")
    try:
        mode: int | None = os.stat(file).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = file.with_name(f".{file.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(temp, flags, 0o666)
        except FileExistsError:  # pragma: no cover - a 48-bit random name is taken
            continue
        break
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, file)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    return file
