from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import FINDING_CODES, CheckError, Finding, FindingCode, Severity
from samverkan_model._validators import SLUG_PATTERN
from samverkan_model.findings import errors, register, sort_findings

findings = st.builds(
    Finding,
    code=st.sampled_from(sorted(FINDING_CODES)),
    severity=st.sampled_from(Severity),
    message=st.sampled_from(["", "a loop", "gap"]),
    subject=st.lists(st.sampled_from(["a", "b-1", "lansstyrelsen"]), max_size=3),
)


@pytest.fixture
def temporary_code() -> Iterator[str]:
    """Register a throw-away code and remove it again afterwards."""
    code = register("test-only-code", Severity.INFO, "Used by the findings tests.", "structure")
    yield code
    del FINDING_CODES[code]


class TestSeverity:
    def test_rank_sorts_worst_first(self) -> None:
        """Errors rank before warnings, warnings before information."""
        ranked = sorted(Severity, key=lambda s: s.rank)
        assert ranked == [Severity.ERROR, Severity.WARNING, Severity.INFO]

    def test_labels(self) -> None:
        """Severities have Swedish and English labels."""
        assert Severity.WARNING.label("sv") == "Varning"
        assert Severity.ERROR.label("en") == "Error"


class TestFindingCodes:
    def test_codes_are_keyed_by_themselves(self) -> None:
        """Each registered code is stored under its own code, as a slug."""
        assert FINDING_CODES
        for code, entry in FINDING_CODES.items():
            assert isinstance(entry, FindingCode)
            assert entry.code == code
            assert SLUG_PATTERN.match(code)
            assert entry.summary.endswith(".")

    def test_register_returns_the_code(self, temporary_code: str) -> None:
        """register() stores the documentation and hands the code back for use as a constant."""
        assert temporary_code == "test-only-code"
        entry = FINDING_CODES[temporary_code]
        assert (entry.severity, entry.scope) == (Severity.INFO, "structure")


class TestFinding:
    def test_of_uses_the_registered_severity(self) -> None:
        """Finding.of() looks the severity up from the code."""
        f = Finding.of("duplicate-id", "id 'a' is used twice", "a")
        assert f.severity is FINDING_CODES["duplicate-id"].severity
        assert f.subject == ("a",)

    def test_of_refuses_unknown_codes(self) -> None:
        """An unregistered code is a KeyError naming it."""
        with pytest.raises(KeyError, match="'no-such-code' is not a registered finding code"):
            Finding.of("no-such-code", "message")

    def test_str_with_and_without_subject(self) -> None:
        """str() shows severity, code, subject ids (when any) and message."""
        with_subject = Finding("reporting-cycle", Severity.ERROR, "a loop", ("a", "b"))
        assert str(with_subject) == "error: reporting-cycle [a, b]: a loop"
        assert str(Finding("isolated-body", Severity.WARNING, "alone")) == (
            "warning: isolated-body: alone"
        )

    def test_subject_from_any_iterable(self) -> None:
        """The subject is stored as a tuple whatever iterable it is given as."""
        assert Finding("x", Severity.INFO, "m", ["a", "b"]).subject == ("a", "b")

    def test_subject_must_not_be_a_bare_string(self) -> None:
        """A single string subject is refused rather than split into letters."""
        with pytest.raises(TypeError, match=r"^subject: expected a collection"):
            Finding("x", Severity.INFO, "m", "abc")


class TestHelpers:
    @given(st.lists(findings, max_size=6))
    def test_errors_keeps_exactly_the_errors(self, items: list[Finding]) -> None:
        """errors() keeps the error-level findings, in order."""
        assert errors(items) == tuple(f for f in items if f.severity is Severity.ERROR)

    @given(st.lists(findings, max_size=6))
    def test_sort_findings_is_canonical(self, items: list[Finding]) -> None:
        """sort_findings() gives the same order whatever the input order, worst first."""
        ordered = sort_findings(items)
        assert ordered == sort_findings(reversed(items))
        assert sorted(ordered, key=str) == sorted(items, key=str)
        ranks = [f.severity.rank for f in ordered]
        assert ranks == sorted(ranks)


class TestCheckError:
    def test_lists_every_finding(self) -> None:
        """str() names the object and lists each finding with code, subject ids and message."""
        items = [
            Finding.of("duplicate-id", "id 'a' is used by 2 actors", "a"),
            Finding.of("reporting-cycle", "a loop", "b", "c"),
        ]
        error = CheckError("structure 'X'", items)
        assert error.findings == tuple(items)
        lines = str(error).splitlines()
        assert lines[0] == "structure 'X' has 2 error(s):"
        assert lines[1] == "  - error: duplicate-id [a]: id 'a' is used by 2 actors"
        assert lines[2] == "  - error: reporting-cycle [b, c]: a loop"

    def test_is_a_value_error(self) -> None:
        """CheckError can be caught as a ValueError."""
        with pytest.raises(ValueError, match="has 0 error"):
            raise CheckError("thing", [])
