"""Findings: what ``validate()`` reports about a structure or an analysis.

A :class:`Finding` carries a stable ``code`` (documented in the finding-code
reference and listed in :data:`FINDING_CODES`), a :class:`Severity`, a plain
message and the ids of the objects it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from samverkan_model._labels import LabelledEnum
from samverkan_model._validators import str_tuple, text_tuple

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "FINDING_CODES",
    "CheckError",
    "Finding",
    "FindingCode",
    "Findings",
    "Severity",
    "errors",
    "register",
    "sort_findings",
]


class Severity(LabelledEnum):
    """How serious a finding is.

    ``ERROR`` findings make ``check()`` raise; ``WARNING`` and ``INFO`` are advice.
    """

    ERROR = ("error", "Fel", "Error")
    WARNING = ("warning", "Varning", "Warning")
    INFO = ("info", "Information", "Information")

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for information: sorts the worst first."""
        return ("error", "warning", "info").index(self.value)


@attrs.frozen
class FindingCode:
    """The documentation of one finding code.

    Attributes:
        code: The stable code, e.g. ``"duplicate-id"``.
        severity: The severity every finding with this code has.
        summary: One sentence saying what the code means.
        scope: Which ``validate()`` reports it: ``"structure"``, ``"analysis"`` or
            ``"joint-work"`` (``JointWorkLog.validate()``).
    """

    code: str
    severity: Severity
    summary: str
    scope: str


FINDING_CODES: dict[str, FindingCode] = {}
"""Every finding code the library can report, by code."""


def register(code: str, severity: Severity, summary: str, scope: str) -> str:
    """Register a finding code (used once per code by the validators); return the code."""
    if code in FINDING_CODES:  # pragma: no cover - guards the library's own tables
        msg = f"finding code {code!r} registered twice"
        raise AssertionError(msg)
    FINDING_CODES[code] = FindingCode(code, severity, summary, scope)
    return code


@attrs.frozen
class Finding:
    """One thing ``validate()`` found.

    Attributes:
        code: The stable finding code (see :data:`FINDING_CODES`).
        severity: Error, warning or information.
        message: A plain sentence explaining the finding.
        subject: The ids of the objects the finding is about, most specific first.
    """

    code: str
    severity: Severity
    message: str
    subject: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=text_tuple)

    @classmethod
    def of(cls, code: str, message: str, *subject: str) -> Finding:
        """Build a finding with the severity registered for *code*.

        Raises:
            KeyError: if *code* is not a registered finding code.

        >>> str(Finding.of("duplicate-id", "id 'a' is used twice", "a"))
        "error: duplicate-id [a]: id 'a' is used twice"
        """
        try:
            registered = FINDING_CODES[code]
        except KeyError:
            msg = f"{code!r} is not a registered finding code (see FINDING_CODES)"
            raise KeyError(msg) from None
        return cls(code, registered.severity, message, subject)

    def __str__(self) -> str:
        subject = f" [{', '.join(self.subject)}]" if self.subject else ""
        return f"{self.severity.value}: {self.code}{subject}: {self.message}"


def errors(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The error-level findings among *findings*."""
    return tuple(f for f in findings if f.severity is Severity.ERROR)


class Findings(tuple[Finding, ...]):
    """The findings of one ``validate()`` call: a tuple with a few conveniences.

    It compares equal to a plain tuple of the same findings, shows as a table in a
    notebook and turns into records that ``pandas.DataFrame`` takes directly.

    >>> from samverkan_model import Finding, Findings
    >>> found = Findings([Finding.of("isolated-body", "'x' has no members", "x")])
    >>> found.has_errors, len(found.warnings)
    (False, 1)
    >>> found.to_records()[0]["code"]
    'isolated-body'
    """

    __slots__ = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error-level findings."""
        return errors(self)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning-level findings."""
        return tuple(f for f in self if f.severity is Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        """Whether any finding is an error."""
        return any(f.severity is Severity.ERROR for f in self)

    def to_records(self) -> list[dict[str, str]]:
        """One dict per finding (severity, code, subject, message), for tables."""
        return [
            {
                "severity": f.severity.value,
                "code": f.code,
                "subject": ", ".join(f.subject),
                "message": f.message,
            }
            for f in self
        ]

    def _repr_html_(self) -> str:
        from samverkan_model.reports._document import Document, Paragraph, Table, render  # noqa: PLC0415

        if not self:
            body: tuple[Paragraph | Table, ...] = (Paragraph("No findings."),)
        else:
            rows = tuple(tuple(r.values()) for r in self.to_records())
            body = (Table(("severity", "code", "subject", "message"), rows),)
        return render(Document("", "en", body), "fragment")


def sort_findings(findings: Iterable[Finding]) -> Findings:
    """Findings in a stable order: worst first, then by code, subject and message."""
    return Findings(sorted(findings, key=lambda f: (f.severity.rank, f.code, f.subject, f.message)))


class CheckError(ValueError):
    """Raised by ``check()``: carries every error-level finding.

    Attributes:
        findings: The error findings, in validation order.
    """

    def __init__(self, what: str, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        lines = [f"{what} has {len(self.findings)} error(s):"]
        lines += [f"  - {f}" for f in self.findings]
        super().__init__("\n".join(lines))
