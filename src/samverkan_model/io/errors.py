"""Load errors: every problem of a document, each with the path of the value at fault."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, NamedTuple

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

__all__ = ["LoadError", "Problem", "problems_from"]


class Problem(NamedTuple):
    """One problem of a document.

    Attributes:
        path: Where it is, e.g. ``"actors[3].level"`` (``""``: the document as a whole).
        message: What is wrong, in plain words, with the offending value.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class LoadError(ValueError):
    """A document could not be loaded; :attr:`problems` lists every problem found.

    Its text names the source (when known) and every problem with its path:

    >>> err = LoadError([("actors[3].level", "'regionl' is not one of central, regional")],
    ...                 source="region.json")
    >>> print(err)
    region.json: actors[3].level: 'regionl' is not one of central, regional

    Args:
        problems: ``(path, message)`` pairs.
        source: The file or other source the document came from, if known.
    """

    def __init__(self, problems: Iterable[tuple[str, str]], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(Problem(*p) for p in problems)
        self.source = source
        super().__init__(self._render())

    def _render(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return f"{prefix}{self.problems[0]}"
        lines = [f"{prefix}{len(self.problems)} problems"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self._render()

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems, self.source))


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _field_names(cl: type) -> list[str]:
    return [a.name for a in attrs.fields(cl) if a.init]


def _unknown_key(key: object, allowed: list[str]) -> str:
    message = f"unknown key {key!r}"
    if isinstance(key, str):
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            message += f" (did you mean {close[0]!r}?)"
    return message


def _validator_problem(path: str, exc: BaseException, cl: type) -> Problem:
    """A failed attrs validator: its message starts with the field it is about.

    ``"end: ... is before start ..."`` is reported at the field with the rest as the
    message; a message that starts with a field name and more detail (``"grid row 2,
    column 3: ..."``) is reported at that field, whole.
    """
    text = str(exc) or type(exc).__name__
    names = _field_names(cl)
    field, sep, reason = text.partition(": ")
    if sep and field in names:
        return Problem(_join(path, field), reason)
    first = text.split(" ", 1)[0].rstrip(":,")
    if first in names:
        return Problem(_join(path, first), text)
    return Problem(path, text)


def problems_from(exc: BaseException, path: str = "") -> list[Problem]:
    """Every problem of a cattrs structuring error tree, with its path.

    Args:
        exc: The error raised by a converter with detailed validation.
        path: The path of the value the error is about (``""``: the document).
    """
    problems: list[Problem] = []
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            sub_path = _join(path, note.name)
            if type(sub) is KeyError and sub.args == (note.name,):
                problems.append(Problem(sub_path, "required key is missing"))
            else:
                problems.extend(problems_from(sub, sub_path))
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                allowed = _field_names(sub.cl)
                problems.extend(
                    Problem(path, _unknown_key(key, allowed))
                    for key in sorted(sub.extra_fields, key=str)
                )
            else:
                problems.append(_validator_problem(path, sub, exc.cl))
    elif isinstance(exc, IterableValidationError):
        with_notes_i, without_i = exc.group_exceptions()
        for sub, inote in with_notes_i:
            problems.extend(problems_from(sub, f"{path}[{inote.index!r}]"))
        problems.extend(Problem(path, str(sub) or type(sub).__name__) for sub in without_i)
    else:
        problems.append(Problem(path, str(exc) or type(exc).__name__))
    return problems
