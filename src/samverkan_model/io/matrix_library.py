"""Risk matrices in the open "risk matrix library" YAML layout.

A library is one YAML document: a header (``urn``, ``locale``, ``ref_id``, ``name``,
``description``, ``version``, ``translations``, ...) and ``objects.risk_matrix``, a list of
matrices. Each matrix has three scales — ``probability`` (our likelihood), ``impact`` (our
consequence) and ``risk`` (our risk levels) — whose entries carry ``id``,
``abbreviation``, ``name``, ``description``, ``hexcolor`` and ``translations``, and a
``grid`` where ``grid[probability][impact]`` is a risk id.

Mapping to :class:`~samverkan_model.risk.RiskMatrix`:

* the layout counts ids from 0, our scales count from 1: id *k* is value *k* + 1;
* names and descriptions in the library's ``locale`` and in ``translations.sv`` /
  ``translations.en`` become the Swedish and English labels;
* every key the model does not use (``provider``, ``packager``, ``copyright``, a matrix's
  ``urn``/``ref_id``/``name``/``description``, translations into other languages, ...) is
  kept in :attr:`RiskMatrix.metadata <samverkan_model.risk.RiskMatrix.metadata>` and
  written back on export, so import → export → import gives the same matrices.

YAML support is the optional ``yaml`` extra (PyYAML), imported only when a function here
runs; documents are read with ``yaml.safe_load`` (plain data, never Python objects) and
written with PyYAML's safe dumper, so the text is the same with or without libyaml.

>>> from samverkan_model import RiskMatrix
>>> text = dumps_matrix_library([RiskMatrix.default()])
>>> for line in text.splitlines()[:5]:
...     print(line)
urn: urn:samverkan-model:risk:library:risk-matrices
locale: sv
ref_id: risk-matrices
name: Riskmatriser
version: 1
>>> (matrix,) = load_matrix_library(text)
>>> matrix.level(4, 3).label("en"), matrix.likelihood.level(1).label("sv")
('High', 'Mycket låg')
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from samverkan_model.io._formats import _yaml
from samverkan_model.io.errors import LoadError
from samverkan_model.risk.scales import MetadataEntry, RiskLevel, RiskMatrix, Scale, ScaleLevel

__all__ = ["MatrixLibraryError", "dumps_matrix_library", "load_matrix_library"]

_L = TypeVar("_L", ScaleLevel, RiskLevel)
_LANGS = ("sv", "en")
_SCALES = ("probability", "impact", "risk")
_LEVEL_KEYS = frozenset({"id", "abbreviation", "name", "description", "hexcolor", "translations"})
_HEADER_ORDER = (
    "urn",
    "locale",
    "ref_id",
    "name",
    "description",
    "copyright",
    "version",
    "publication_date",
    "provider",
    "packager",
    "translations",
)
_MATRIX_ORDER = ("urn", "ref_id", "name", "description")


class MatrixLibraryError(LoadError):
    """A risk-matrix library that cannot be read: the message names the problem and where.

    It is a :class:`~samverkan_model.io.LoadError` (and so a :class:`ValueError`) with one
    problem, whose path points into the library:

    >>> try:
    ...     load_matrix_library("{locale: sv, objects: {risk_matrix: []}}")
    ... except MatrixLibraryError as exc:
    ...     print(exc)
    objects.risk_matrix: the library has no risk matrix
    """


def _fail(path: str, message: str) -> MatrixLibraryError:
    return MatrixLibraryError([(path, message)])


# -- metadata paths and values ---------------------------------------------------------------


def _step(key: object) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


def _path(*steps: object) -> str:
    return "/".join(_step(s) for s in steps)


def _under(base: str, *steps: object) -> str:
    return f"{base}/{_path(*steps)}"


def _unstep(step: str) -> str:
    return step.replace("~1", "/").replace("~0", "~")


def _show(value: Any) -> str:
    """*value*'s repr, shortened so that a huge value does not flood the message."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


class _Plain:
    """Turns parsed YAML into JSON-ready data, refusing shared (aliased) collections."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def __call__(self, value: Any, where: str) -> Any:
        if isinstance(value, (str, bool, int, float)) or value is None:
            return value
        if isinstance(value, datetime | date):
            return value.isoformat()
        if isinstance(value, dict | list):
            if id(value) in self.seen:
                raise _fail(where, "anchors and aliases (& and *) are not supported")
            self.seen.add(id(value))
            if isinstance(value, dict):
                return {str(k): self(v, where) for k, v in value.items()}
            return [self(v, where) for v in value]
        raise _fail(where, f"unsupported value {_show(value)}")

    def entry(self, path: str, value: Any, where: str) -> MetadataEntry:
        text = json.dumps(self(value, where), ensure_ascii=False, separators=(",", ":"))
        return MetadataEntry(path, text)


# -- reading ---------------------------------------------------------------------------------


def load_matrix_library(
    path_or_text: Path | str, *, allow_decreasing: bool = False
) -> tuple[RiskMatrix, ...]:
    """Read the risk matrices of a risk-matrix library.

    Args:
        path_or_text: A :class:`~pathlib.Path` to a YAML file, or the YAML text itself.
        allow_decreasing: Accept grids whose risk level falls somewhere as probability or
            impact rises (see :class:`~samverkan_model.risk.RiskMatrix`).

    Returns:
        The library's matrices, in file order.

    Raises:
        MatrixLibraryError: (a :class:`ValueError`) naming the problem and where it is:
            a missing ``locale`` or scale, a grid of the wrong shape, an unknown risk id in
            the grid, a decreasing grid, ids that do not run 0, 1, 2, ...
        ImportError: if PyYAML (the ``samverkan-model[yaml]`` extra) is not installed.
        TypeError: if *path_or_text* is neither a path nor a string.
        OSError: if the file cannot be read.
    """
    if isinstance(path_or_text, str):
        source, text = None, path_or_text
    else:
        source = str(path_or_text)
        text = Path(path_or_text).read_text(encoding="utf-8")
    try:
        return _read(_parse(text), allow_decreasing)
    except MatrixLibraryError as exc:
        if source is None:
            raise
        raise MatrixLibraryError(exc.problems, source) from None


def _parse(text: str) -> Any:
    yaml = _yaml()
    try:
        # The pure-Python safe loader: plain data only, and a document nested too deeply
        # ends in a RecursionError rather than a crash inside libyaml.
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = "" if mark is None else f"line {mark.line + 1}, column {mark.column + 1}: "
        problem = exc.problem or exc.context or "syntax error"
        raise _fail("", f"{where}{problem} (not valid YAML)") from None
    except yaml.YAMLError as exc:
        raise _fail("", f"{exc} (not valid YAML)") from None
    except RecursionError:
        raise _fail("", "nested too deeply to read") from None


def _mapping(value: Any, where: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise _fail(where, f"expected a mapping of keys, got {_show(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, f"expected a list, got {_show(value)}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"expected text, got {_show(value)}")
    return value


def _read(doc: Any, allow_decreasing: bool) -> tuple[RiskMatrix, ...]:
    plain = _Plain()
    doc = _mapping(doc, "")
    if "locale" not in doc:
        raise _fail("locale", "missing (it says which language the names are in)")
    locale = _text(doc["locale"], "locale")
    objects = _mapping(doc.get("objects"), "objects")
    if "risk_matrix" not in objects:
        raise _fail("objects", "no 'risk_matrix' list")
    matrices = _list(objects["risk_matrix"], "objects.risk_matrix")
    if not matrices:
        raise _fail("objects.risk_matrix", "the library has no risk matrix")
    header = [plain.entry(_path("library", k), v, str(k)) for k, v in doc.items() if k != "objects"]
    header += [
        plain.entry(_path("library", "objects", k), v, f"objects.{k}")
        for k, v in objects.items()
        if k != "risk_matrix"
    ]
    return tuple(
        _read_matrix(m, f"objects.risk_matrix[{i}]", locale, header, plain, allow_decreasing)
        for i, m in enumerate(matrices)
    )


def _read_matrix(
    raw: Any,
    where: str,
    locale: str,
    header: list[MetadataEntry],
    plain: _Plain,
    allow_decreasing: bool,
) -> RiskMatrix:
    data = _mapping(raw, where)
    metadata = list(header)
    metadata += [
        plain.entry(_path("matrix", k), v, f"{where}.{k}")
        for k, v in data.items()
        if k not in (*_SCALES, "grid")
    ]
    for name in (*_SCALES, "grid"):
        if name not in data:
            raise _fail(where, f"no {name!r}")
    reader = _LevelReader(locale, metadata, plain)
    likelihood = Scale(reader.read(data["probability"], f"{where}.probability", ScaleLevel))
    consequence = Scale(reader.read(data["impact"], f"{where}.impact", ScaleLevel))
    levels = reader.read(data["risk"], f"{where}.risk", RiskLevel)
    grid = _read_grid(data["grid"], f"{where}.grid", likelihood.size, consequence.size, len(levels))
    try:
        return RiskMatrix(likelihood, consequence, levels, grid, allow_decreasing, metadata)
    except ValueError as exc:
        raise _fail(
            where, f"{exc} (rows and columns count from 1, risk levels are ids + 1)"
        ) from None


class _LevelReader:
    """Reads the entries of one scale, keeping what the model does not use as metadata."""

    def __init__(self, locale: str, metadata: list[MetadataEntry], plain: _Plain) -> None:
        self.locale = locale
        self.metadata = metadata
        self.plain = plain

    def keep(self, path: str, value: Any, where: str) -> None:
        self.metadata.append(self.plain.entry(path, value, where))

    def read(self, raw: Any, where: str, kind: type[_L]) -> list[_L]:
        items = _list(raw, where)
        if not items:
            raise _fail(where, "the scale is empty")
        scale = where.rpartition(".")[2]
        levels: dict[int, _L] = {}
        for j, item in enumerate(items):
            at = f"{where}[{j}]"
            level = _mapping(item, at)
            level_id = level.get("id")
            if not isinstance(level_id, int) or isinstance(level_id, bool):
                raise _fail(f"{at}.id", f"expected a whole number, got {_show(level_id)}")
            if level_id in levels:
                raise _fail(f"{at}.id", f"id {level_id} appears more than once")
            levels[level_id] = self.level(level, at, _path("matrix", scale, level_id), kind)
        ids = sorted(levels)
        if ids != list(range(len(ids))):
            shown = ", ".join(str(i) for i in ids)
            raise _fail(where, f"ids must run 0, 1, ... {len(ids) - 1} without gaps; got {shown}")
        return [levels[i] for i in ids]

    def level(self, level: dict[Any, Any], at: str, base: str, kind: type[_L]) -> _L:
        words = {lang: {"name": "", "description": ""} for lang in _LANGS}
        for key in ("name", "description"):
            if key in level:
                value = _text(level[key], f"{at}.{key}")
                if self.locale in words:
                    words[self.locale][key] = value
                else:
                    self.keep(_under(base, key), value, f"{at}.{key}")
        translations = _mapping(level.get("translations", {}), f"{at}.translations")
        for lang, given in translations.items():
            t_at = f"{at}.translations.{lang}"
            if lang not in words or lang == self.locale:
                self.keep(_under(base, "translations", lang), given, t_at)
                continue
            for key, value in _mapping(given, t_at).items():
                if key in ("name", "description"):
                    words[lang][key] = _text(value, f"{t_at}.{key}")
                else:
                    self.keep(_under(base, "translations", lang, key), value, f"{t_at}.{key}")
        for key, value in level.items():
            if key not in _LEVEL_KEYS:
                self.keep(_under(base, key), value, f"{at}.{key}")
        colour = level.get("hexcolor")
        try:
            return kind(
                level["id"] + 1,
                _text(level.get("abbreviation", ""), f"{at}.abbreviation"),
                words["sv"]["name"],
                words["en"]["name"],
                words["sv"]["description"],
                words["en"]["description"],
                None if colour is None else _text(colour, f"{at}.hexcolor"),
            )
        except (TypeError, ValueError) as exc:
            field, _, reason = str(exc).partition(": ")
            field = {"colour": "hexcolor", "name_sv": "name"}.get(field, field)
            raise _fail(f"{at}.{field}", reason) from None


def _read_grid(raw: Any, where: str, rows: int, columns: int, risks: int) -> list[list[int]]:
    grid = _list(raw, where)
    if len(grid) != rows:
        raise _fail(where, f"has {len(grid)} rows, expected {rows} (one per probability level)")
    out = []
    for i, row in enumerate(grid):
        cells = _list(row, f"{where} row {i + 1}")
        if len(cells) != columns:
            raise _fail(
                where,
                f"row {i + 1} (probability id {i}) has {len(cells)} entries, expected "
                f"{columns} (one per impact level)",
            )
        for j, cell in enumerate(cells):
            if not isinstance(cell, int) or isinstance(cell, bool) or not 0 <= cell < risks:
                raise _fail(
                    where,
                    f"row {i + 1}, column {j + 1} (probability id {i}, impact id {j}): "
                    f"{_show(cell)} is not a risk id (0 to {risks - 1})",
                )
        out.append([cell + 1 for cell in cells])
    return out


# -- writing ---------------------------------------------------------------------------------


def dumps_matrix_library(matrices: Iterable[RiskMatrix]) -> str:
    """Write *matrices* as one risk-matrix library (YAML text).

    Library-level keys come from the first matrix's metadata (every matrix read from one
    library carries the same ones); a matrix built in Python, with no library metadata,
    gets a generated ``urn``, ``ref_id`` and ``name``. ``locale`` defaults to ``sv``:
    names are written in that language, the other one goes under ``translations``.

    Raises:
        ValueError: if *matrices* is empty, or a metadata value is not JSON text.
        ImportError: if PyYAML (the ``samverkan-model[yaml]`` extra) is not installed.

    >>> from samverkan_model import RiskMatrix
    >>> text = dumps_matrix_library([RiskMatrix.default()])
    >>> load_matrix_library(text)[0].grid == RiskMatrix.default().grid
    True
    """
    items = tuple(matrices)
    if not items:
        msg = "dumps_matrix_library: no matrices to write"
        raise ValueError(msg)
    yaml = _yaml()
    kept = [_metadata(m) for m in items]
    source = next((k["library"] for k in kept if k["library"]), None)
    header = _nested(source if source is not None else _generated_header())
    header.setdefault("locale", "sv")
    locale = header["locale"] if header["locale"] in _LANGS else None
    objects = header.pop("objects", {})
    if not isinstance(objects, dict):
        objects = {}
    objects["risk_matrix"] = [
        _write_matrix(m, k["matrix"], locale, generated=not k["library"], index=n)
        for n, (m, k) in enumerate(zip(items, kept, strict=True), start=1)
    ]
    doc = _ordered(header, _HEADER_ORDER)
    doc["objects"] = objects
    text: str = yaml.dump(doc, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return text


@functools.cache
def _dumper() -> type:
    """PyYAML's safe dumper, writing text with a NEL (U+0085) in double quotes.

    The plain emitter writes NEL as it is, and readers then take it for a line break;
    inside double quotes it is written as an escape sequence instead.
    """
    yaml = _yaml()

    def represent_str(dumper: Any, data: str) -> Any:
        style = '"' if "\x85" in data else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    dumper = type("LibraryDumper", (yaml.SafeDumper,), {})
    dumper.add_representer(str, represent_str)  # type: ignore[attr-defined]
    return dumper


def _metadata(m: RiskMatrix) -> dict[str, dict[tuple[str, ...], Any]]:
    out: dict[str, dict[tuple[str, ...], Any]] = {"library": {}, "matrix": {}}
    for entry in m.metadata:
        first, *rest = (_unstep(s) for s in entry.path.split("/"))
        if first not in out or not rest:
            msg = f"metadata path {entry.path!r}: must start with 'library/' or 'matrix/'"
            raise ValueError(msg)
        try:
            out[first][tuple(rest)] = json.loads(entry.value)
        except json.JSONDecodeError:
            msg = f"metadata path {entry.path!r}: the value is not JSON text: {entry.value!r}"
            raise ValueError(msg) from None
    return out


def _generated_header() -> dict[tuple[str, ...], Any]:
    return {
        ("urn",): "urn:samverkan-model:risk:library:risk-matrices",
        ("locale",): "sv",
        ("ref_id",): "risk-matrices",
        ("name",): "Riskmatriser",
        ("version",): 1,
    }


def _nested(flat: Mapping[tuple[str, ...], Any]) -> dict[str, Any]:
    """Flat ``{path steps: value}`` as nested mappings."""
    out: dict[str, Any] = {}
    for steps, value in flat.items():
        _put(out, steps, value)
    return out


def _put(target: Any, steps: tuple[str, ...], value: Any) -> None:
    """Set *value* at *steps* inside *target* unless something is there already."""
    *inner, last = steps
    for step in inner:
        if isinstance(target, dict):
            target = target.setdefault(step, {})
        elif isinstance(target, list) and step.isdigit() and int(step) < len(target):
            target = target[int(step)]
        else:
            return  # the path runs into a value the model writes itself: the model wins
    if isinstance(target, dict):
        target.setdefault(last, value)


def _ordered(data: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    first = {k: data[k] for k in order if k in data}
    return first | {k: data[k] for k in sorted(data) if k not in first}


def _write_matrix(
    m: RiskMatrix,
    kept: dict[tuple[str, ...], Any],
    locale: str | None,
    generated: bool,
    index: int,
) -> dict[str, Any]:
    top = {steps[0]: value for steps, value in kept.items() if len(steps) == 1}
    if generated:
        ref = f"risk-matrix-{index}"
        top.setdefault("urn", f"urn:samverkan-model:risk:matrix:{ref}")
        top.setdefault("ref_id", ref)
        rows, columns = m.shape
        top.setdefault("name", f"Riskmatris {rows}×{columns}")
    out = _ordered({k: v for k, v in top.items() if k not in (*_SCALES, "grid")}, _MATRIX_ORDER)
    scales = (("probability", m.likelihood.levels), ("impact", m.consequence.levels))
    for name, levels in (*scales, ("risk", m.levels)):
        out[name] = [_write_level(level, locale) for level in levels]
    out["grid"] = [[cell - 1 for cell in row] for row in m.grid]
    for steps, value in kept.items():
        if len(steps) > 1:
            _put(out, steps, value)
    return out


def _write_level(level: RiskLevel | ScaleLevel, locale: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": level.value - 1}
    if level.abbreviation:
        out["abbreviation"] = level.abbreviation
    words = {
        "sv": (level.name_sv, level.description_sv),
        "en": (level.name_en, level.description_en),
    }
    if locale is not None:
        name, description = words[locale]
        out["name"] = name
        if description:
            out["description"] = description
    if level.colour is not None:
        out["hexcolor"] = level.colour
    translations = {}
    for lang in _LANGS:
        if lang == locale:
            continue
        name, description = words[lang]
        given = {k: v for k, v in (("name", name), ("description", description)) if v}
        if given:
            translations[lang] = given
    if translations:
        out["translations"] = translations
    return out
