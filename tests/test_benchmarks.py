"""Smoke tests of the national-scale benchmarks: they run, at a tiny size, with no timing checks."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks package lives beside src/, not inside it
    sys.path.insert(0, str(ROOT))

from benchmarks import followup, national, suite  # noqa: E402
from benchmarks.__main__ import main  # noqa: E402
from benchmarks.report import markdown, table  # noqa: E402

from samverkan_model import Severity  # noqa: E402

TINY = suite.Config(factors=(0.01, 0.02), repeat=1, large_repeat=1, import_runs=1, examples=3)


class TestNationalGenerator:
    def test_same_seed_same_structure(self) -> None:
        """The generator is deterministic: a factor and a seed give one structure."""
        assert national.national_structure(0.01, 7) == national.national_structure(0.01, 7)

    def test_seed_changes_the_structure(self) -> None:
        """Different seeds give different structures."""
        assert national.national_structure(0.01, 1) != national.national_structure(0.01, 2)

    @pytest.mark.parametrize("factor", [0.01, 0.1])
    def test_generated_structure_has_no_error(self, factor: float) -> None:
        """Generated structures validate without error findings."""
        findings = national.national_structure(factor).validate()
        assert [f for f in findings if f.severity is Severity.ERROR] == []

    def test_sizes_follow_the_factor(self) -> None:
        """At 0.1x the structure has about a tenth of the national sizes, on real geography."""
        generated = national.plan(0.1)
        s = generated.structure
        target = national.counts(0.1)
        assert len(s.memberships) == pytest.approx(target.memberships, rel=0.05)
        assert len(s.relations) == pytest.approx(target.relations, rel=0.05)
        assert len(generated.municipality_actors) == target.municipalities == 29
        assert all(s.actor(a).area is not None for a in generated.municipality_actors)

    def test_factor_must_be_positive(self) -> None:
        """A factor of zero or less is refused."""
        with pytest.raises(ValueError, match="factor"):
            national.counts(0)

    def test_slugify_makes_ascii_ids(self) -> None:
        """Swedish names become ASCII slugs."""
        assert national.slugify("Malung-Sälen") == "malung-salen"
        assert national.slugify("Västra Götalands län") == "vastra-gotalands-lan"


class TestFollowUpGenerator:
    def test_register_sizes_and_validity(self) -> None:
        """The register has the target sizes and its analyses have no error findings."""
        national_plan = national.plan(0.01)
        register = followup.national_register(national_plan, 0.01)
        target = followup.register_counts(0.01)
        analyses = register.analyses
        assert len(analyses) == target.analyses
        assert sum(len(a.risks) for a in analyses) == target.risks
        assert sum(len(a.measures) for a in analyses) == target.measures
        changes = sum(len(a.history) for a in analyses)
        assert changes == pytest.approx(target.status_changes, rel=0.1)
        for a in analyses:
            found = a.validate(national_plan.structure)
            assert [f for f in found if f.severity is Severity.ERROR] == []

    def test_same_seed_same_register(self) -> None:
        """The register generator is deterministic."""
        national_plan = national.plan(0.01)
        first = followup.national_register(national_plan, 0.01, 3)
        assert first == followup.national_register(national_plan, 0.01, 3)

    def test_several_years_per_municipality_above_one(self) -> None:
        """With more analyses than municipalities, each municipality gets later years."""
        national_plan = national.plan(0.01)
        areas = len(national_plan.analysis_areas)
        register = followup.national_register(national_plan, 0.03)
        years = {a.id.rsplit("-", 1)[1] for a in register.analyses}
        assert len(register.analyses) > areas
        assert len(years) > 1

    def test_factor_must_be_positive(self) -> None:
        """A factor of zero or less is refused."""
        with pytest.raises(ValueError, match="factor"):
            followup.register_counts(-1)


class TestSuite:
    def test_whole_suite_runs(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """`python -m benchmarks` runs every benchmark and writes the results file."""
        out = tmp_path / "results.md"
        argv = ["--factors", "0.01,0.02", "--repeat", "1", "--large-repeat", "1"]
        argv += ["--import-runs", "1", "--examples", "3", "--clock", "cpu", "--output", str(out)]
        assert main(argv) == 0
        printed = capsys.readouterr().out
        text = out.read_text("utf-8")
        for name in (
            "import samverkan_model",
            "load structure",
            "dump structure",
            "load register",
            "dump register",
            "Structure.graph()",
            "escalation paths",
            "Structure.validate() 0.02x vs 0.01x",
            "Structure.coverage_gaps",
            "FollowUpRegister.snapshot(as_of) 0.02x vs 0.01x",
            "peak RSS loading the structure file",
            "peak RSS loading the register file",
            "strategies.structures()",
        ):
            assert name in printed
            assert name in text
        assert "## Environment" in text

    def test_rows_without_pydantic(self) -> None:
        """Without pydantic the data-file rows are still measured, with no baseline."""
        config = dataclasses.replace(TINY, pydantic=False)
        data = suite._Datasets(config.seed)
        rows = [*suite.data_file_rows(config, data), *suite.memory_rows(config, data)]
        assert len(rows) == 6
        assert all(r.baseline is None for r in rows)
        assert all(r.ours > 0 and r.verdict == "-" for r in rows)
        assert "pydantic missing" in table(rows)

    def test_markdown_lists_the_environment(self) -> None:
        """results.md records the Python and package versions next to the table."""
        rows = [suite.Row("x", 2.0, 1.0, 1.5)]
        text = markdown(rows, TINY, 1.0)
        assert "- Python: 3." in text
        assert "- networkx: " in text
        assert "MISS" in text


class TestRow:
    def test_verdicts(self) -> None:
        """A ratio at or under the target passes, over it misses, no target is reported only."""
        assert suite.Row("a", 1.0, 1.0, 1.0).verdict == "PASS"
        assert suite.Row("a", 1.1, 1.0, 1.0).verdict == "MISS"
        assert suite.Row("a", 1.1, 1.0, None).verdict == "-"
        assert suite.Row("a", 1.1, None, 1.0).ratio is None

    def test_bad_factors_are_refused(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The command line refuses factors that are not positive numbers."""
        for bad in ("x", "0", ""):
            with pytest.raises(SystemExit):
                main(["--factors", bad])
        assert "factors" in capsys.readouterr().err
