from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from samverkan_model import Structure, catalog
from samverkan_model import io as sio
from samverkan_model.cli import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, build_parser, main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


@pytest.fixture(scope="module")
def region_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "region.json"
    sio.save(catalog.stockholm_region(), path)
    return path


class TestDemo:
    def test_demo_runs_on_the_catalog(self) -> None:
        """The demo validates, lists reporting lines, escalation, coverage and standby."""
        code, text = run("demo")
        assert code == EXIT_OK
        assert "Samverkan Stockholmsregionen" in text
        assert "validation: 0 errors" in text
        assert "samordningskansliet -> regionala-chefsgruppen" in text
        assert "escalation from kungsbacka-kommun:" in text
        assert "(Central level)" in text
        assert "coverage gaps" in text
        assert "on call for rsib at 2025-06-02 08:00:" in text
        assert "Sociala risker i Södertälje" in text
        assert "# Follow-up as of 16 September 2025" in text

    def test_demo_in_swedish(self) -> None:
        """--lang sv labels categories in Swedish."""
        code, text = run("demo", "--lang", "sv")
        assert code == EXIT_OK
        assert "Blåljus" in text


class TestValidate:
    def test_clean_file(self, region_file: Path) -> None:
        """A structure with only warnings exits 0 and prints its findings."""
        code, text = run("validate", str(region_file))
        assert code == EXIT_OK
        assert "coverage-gap" in text

    def test_json_output(self, region_file: Path) -> None:
        """--format json gives machine-readable findings per file."""
        code, text = run("validate", str(region_file), "--format", "json")
        data = json.loads(text)
        assert code == EXIT_OK
        assert data[str(region_file)][0]["code"] == "coverage-gap"

    def test_errors_exit_one(self, tmp_path: Path) -> None:
        """A structure with an error finding exits 1."""
        path = tmp_path / "bad.json"
        data = sio.to_data(catalog.stockholm_region())
        data["relations"].append(
            {"source": "regionala-chefsgruppen", "target": "nowhere", "kind": "reports-to"}
        )
        path.write_text(json.dumps(data), encoding="utf-8")
        code, text = run("validate", str(path))
        assert code == EXIT_FINDINGS
        assert "unresolved-reference" in text

    def test_no_findings(self, tmp_path: Path) -> None:
        """An empty structure prints that nothing was found."""
        path = tmp_path / "empty.toml"
        sio.save(Structure("Tom"), path)
        code, text = run("validate", str(path))
        assert code == EXIT_OK
        assert "no findings" in text

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is exit 2 with a one-line message."""
        code, _ = run("validate", "does-not-exist.json")
        assert code == EXIT_BAD_INPUT
        assert "does-not-exist.json: no such file" in capsys.readouterr().err

    def test_malformed_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Malformed JSON is exit 2 with the loader's message and no traceback."""
        path = tmp_path / "broken.json"
        path.write_text('{"format": "samverkan-model/structure", "version": 1,', "utf-8")
        code, _ = run("validate", str(path))
        err = capsys.readouterr().err
        assert code == EXIT_BAD_INPUT
        assert "line 1" in err
        assert "Traceback" not in err


class TestEscalation:
    def test_path(self, region_file: Path) -> None:
        """The escalation path is printed with arrows."""
        code, text = run("escalation", str(region_file), "sodertalje-kommun")
        assert code == EXIT_OK
        assert text.startswith("sodertalje-kommun -> ")

    def test_unknown_node(self, region_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown node is exit 2 naming the node."""
        code, _ = run("escalation", str(region_file), "no-such-node", "--at", "2025-06-01")
        assert code == EXIT_BAD_INPUT
        assert "no-such-node" in capsys.readouterr().err


class TestNotAStructure:
    def test_analysis_given_as_structure(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file of another document kind is refused with exit 2."""
        path = tmp_path / "analysis.json"
        sio.save(catalog.social_risk_example(), path)
        code, _ = run("escalation", str(path), "x")
        assert code == EXIT_BAD_INPUT
        assert "expected a structure document" in capsys.readouterr().err


class TestCoverage:
    def test_gaps(self, region_file: Path) -> None:
        """Coverage gaps in the period are listed with their categories."""
        code, text = run("coverage", str(region_file), "--from", "2026-01-01", "--to", "2026-12-31")
        assert code == EXIT_OK
        assert "samordningskansliet: blaljus missing during" in text

    def test_no_gaps(self, region_file: Path) -> None:
        """A period without gaps says so."""
        code, text = run("coverage", str(region_file), "--from", "2025-02-01", "--to", "2025-03-01")
        assert code == EXIT_OK
        assert text.startswith("no coverage gaps")

    def test_bad_period(self, region_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An end before the start is exit 2 with the period's message."""
        code, _ = run("coverage", str(region_file), "--from", "2026-01-01", "--to", "2025-01-01")
        assert code == EXIT_BAD_INPUT
        assert "before start" in capsys.readouterr().err

    def test_bad_date_argument(self, region_file: Path) -> None:
        """A malformed date is an argparse error (exit 2)."""
        with pytest.raises(SystemExit) as exc:
            main(["coverage", str(region_file), "--from", "soon", "--to", "2025-01-01"])
        assert exc.value.code == 2


class TestHelp:
    @pytest.mark.parametrize(
        "command",
        [
            "validate",
            "escalation",
            "coverage",
            "convert",
            "schema",
            "report",
            "followup",
            "matrix",
            "graph",
            "demo",
        ],
    )
    def test_every_command_has_an_example(self, command: str) -> None:
        """--help of every subcommand shows an example."""
        parser = build_parser()
        sub = next(a for a in parser._actions if a.dest == "command")
        help_text = sub.choices[command].format_help()  # type: ignore[index]
        assert "example: samverkan" in help_text


class TestConvert:
    @pytest.mark.parametrize("suffix", [".toml", ".yaml", ".json"])
    def test_roundtrip(self, region_file: Path, tmp_path: Path, suffix: str) -> None:
        """Converting to another format keeps the structure equal."""
        target = tmp_path / f"region{suffix}"
        code, _ = run("convert", str(region_file), str(target))
        assert code == EXIT_OK
        assert sio.load(target) == catalog.stockholm_region()

    def test_unknown_suffix(
        self, region_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An output suffix with no format is exit 2."""
        code, _ = run("convert", str(region_file), str(tmp_path / "region.docx"))
        assert code == EXIT_BAD_INPUT
        assert ".docx" in capsys.readouterr().err

    def test_missing_input(self, tmp_path: Path) -> None:
        """A missing input file is exit 2."""
        code, _ = run("convert", str(tmp_path / "nope.json"), str(tmp_path / "out.toml"))
        assert code == EXIT_BAD_INPUT

    def test_bad_input(self, tmp_path: Path) -> None:
        """An input file that does not load is exit 2."""
        bad = tmp_path / "bad.toml"
        bad.write_text("format = ", encoding="utf-8")
        code, _ = run("convert", str(bad), str(tmp_path / "out.json"))
        assert code == EXIT_BAD_INPUT


class TestSchema:
    def test_structure_schema(self) -> None:
        """The structure schema is printed as JSON."""
        code, text = run("schema", "structure")
        assert code == EXIT_OK
        assert json.loads(text)["$schema"].endswith("2020-12/schema")

    def test_to_file(self, tmp_path: Path) -> None:
        """--output writes the schema to a file instead of stdout."""
        target = tmp_path / "s.json"
        code, text = run("schema", "structure", "--output", str(target))
        assert code == EXIT_OK
        assert text == ""
        assert json.loads(target.read_text("utf-8"))["type"] == "object"

    def test_unknown_kind(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown kind is exit 2 listing the kinds."""
        code, _ = run("schema", "budget")
        assert code == EXIT_BAD_INPUT
        assert "structure" in capsys.readouterr().err


class TestReport:
    def test_markdown_in_swedish_by_default(self, region_file: Path) -> None:
        """The default report is Swedish Markdown."""
        code, text = run("report", str(region_file), "--as-of", "2025-06-02")
        assert code == EXIT_OK
        assert text.startswith("# Samverkansstruktur: Samverkan Stockholmsregionen")
        assert "2 juni 2025" in text

    def test_html_to_file(self, region_file: Path, tmp_path: Path) -> None:
        """--format html --output writes a complete page."""
        target = tmp_path / "r.html"
        code, _ = run("report", str(region_file), "--lang", "en", "--format", "html",
                      "--output", str(target))  # fmt: skip
        assert code == EXIT_OK
        assert target.read_text("utf-8").startswith("<!DOCTYPE html>")

    def test_output_directory_missing(
        self, region_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An output path in a missing directory is exit 2 naming the path."""
        code, _ = run("report", str(region_file), "--output", str(tmp_path / "no" / "r.md"))
        assert code == EXIT_BAD_INPUT
        assert "No such file or directory" in capsys.readouterr().err


@pytest.fixture(scope="module")
def analysis_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.reports import data

    path = tmp_path_factory.mktemp("cli") / "nacka.json"
    sio.save(data.analysis(), path)
    return path


@pytest.fixture(scope="module")
def small_structure_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.reports import data

    path = tmp_path_factory.mktemp("cli") / "lan.toml"
    sio.save(data.structure(), path)
    return path


class TestAnalysisReports:
    def test_analysis_report(self, analysis_file: Path, small_structure_file: Path) -> None:
        """An analysis file gives the analysis report, with names from --structure."""
        code, text = run("report", str(analysis_file), "--structure", str(small_structure_file),
                         "--lang", "en", "--as-of", "2025-07-01")  # fmt: skip
        assert code == EXIT_OK
        assert text.startswith("# Social-risk analysis: Sociala risker i Nacka")
        assert "Documentation owner: Nacka kommun." in text

    def test_kind_analysis_refuses_a_structure(self, region_file: Path) -> None:
        """--kind analysis with a structure file is exit 2."""
        code, _ = run("report", str(region_file), "--kind", "analysis")
        assert code == EXIT_BAD_INPUT

    def test_rsa(self, analysis_file: Path, small_structure_file: Path) -> None:
        """--kind rsa builds the municipal skeleton from a structure and analyses."""
        code, text = run("report", str(small_structure_file), "--kind", "rsa",
                         "--analysis", str(analysis_file), "--municipality", "0182")  # fmt: skip
        assert code == EXIT_OK
        assert "## 7. Behov av åtgärder" in text

    def test_rsa_needs_a_municipality(self, small_structure_file: Path) -> None:
        """--kind rsa without --municipality, or with a county code, is exit 2."""
        assert run("report", str(small_structure_file), "--kind", "rsa")[0] == EXIT_BAD_INPUT
        code, _ = run("report", str(small_structure_file), "--kind", "rsa", "--municipality", "01")
        assert code == EXIT_BAD_INPUT

    def test_rsa_refuses_a_structure_as_analysis(self, small_structure_file: Path) -> None:
        """A structure given as --analysis is exit 2."""
        code, _ = run("report", str(small_structure_file), "--kind", "rsa", "--municipality",
                      "0182", "--analysis", str(small_structure_file))  # fmt: skip
        assert code == EXIT_BAD_INPUT


class TestFollowup:
    def test_per_actor(self, analysis_file: Path, small_structure_file: Path) -> None:
        """Follow-up lists per-actor counts and overdue measures as of the date."""
        code, text = run("followup", str(analysis_file), "--as-of", "2025-07-01",
                         "--structure", str(small_structure_file), "--lang", "en")  # fmt: skip
        assert code == EXIT_OK
        assert "| Nacka kommun | 0 | 1 | 0 | nacka-2025/m1 |" in text

    def test_register_file(self, analysis_file: Path, tmp_path: Path) -> None:
        """A follow-up register document is read like its analyses."""
        register = tmp_path / "register.json"
        sio.save(sm_register(analysis_file), register)
        code, text = run("followup", str(register), "--as-of", "2025-07-01", "--within", "90")
        assert code == EXIT_OK
        assert "nacka-2025/m1" in text

    def test_duplicate_analyses(self, analysis_file: Path) -> None:
        """The same analysis twice is refused with exit 2."""
        code, _ = run("followup", str(analysis_file), str(analysis_file), "--as-of", "2025-07-01")
        assert code == EXIT_BAD_INPUT


def sm_register(analysis_file: Path) -> object:
    from samverkan_model import FollowUpRegister

    return FollowUpRegister([sio.load(analysis_file)])


class TestMatrix:
    def test_text_with_counts(self, analysis_file: Path) -> None:
        """The text matrix shows counts and level abbreviations, with a legend."""
        code, text = run("matrix", str(analysis_file), "--lang", "en")
        assert code == EXIT_OK
        assert text.splitlines()[0].split() == ["K1", "K2", "K3", "K4", "K5"]
        assert "Very high" in text

    def test_png(self, analysis_file: Path, tmp_path: Path) -> None:
        """--format png writes an image; without --output it is exit 2."""
        target = tmp_path / "m.png"
        assert run("matrix", str(analysis_file), "--format", "png", "--output", str(target))[0] == 0
        assert target.read_bytes()[:4] == b"\x89PNG"
        assert run("matrix", str(analysis_file), "--format", "png")[0] == EXIT_BAD_INPUT

    def test_library(self, tmp_path: Path) -> None:
        """A risk-matrix library in YAML is shown level by level."""
        from samverkan_model import RiskMatrix
        from samverkan_model.io import dumps_matrix_library

        lib = tmp_path / "lib.yaml"
        lib.write_text(dumps_matrix_library([RiskMatrix.default()]), "utf-8")
        code, text = run("matrix", str(lib))
        assert code == EXIT_OK
        assert "Mycket hög" in text

    def test_bad_library(self, tmp_path: Path) -> None:
        """A malformed library or a missing one is exit 2."""
        lib = tmp_path / "lib.yml"
        lib.write_text("objects: {risk_matrix: [{grid: [[0]]}]}\n", "utf-8")
        assert run("matrix", str(lib))[0] == EXIT_BAD_INPUT
        assert run("matrix", str(tmp_path / "none.yaml"))[0] == EXIT_BAD_INPUT

    def test_structure_is_refused(self, region_file: Path) -> None:
        """A structure is not a matrix source."""
        assert run("matrix", str(region_file))[0] == EXIT_BAD_INPUT

    def test_yaml_document(self, analysis_file: Path, tmp_path: Path) -> None:
        """An analysis saved as YAML is read as a document, not as a library."""
        target = tmp_path / "a.yaml"
        sio.save(sio.load(analysis_file), target)
        code, text = run("matrix", str(target))
        assert code == EXIT_OK
        assert "K5" in text


class TestGraph:
    @pytest.mark.parametrize(
        ("fmt", "marker"),
        [("mermaid", "flowchart"), ("dot", "digraph"), ("graphml", "<graphml"),
         ("node-link", '"edges"'), ("popolo", '"organizations"')],
    )  # fmt: skip
    def test_formats(self, region_file: Path, fmt: str, marker: str) -> None:
        """Every text format is printed."""
        code, text = run("graph", str(region_file), "--format", fmt, "--at", "2025-06-02")
        assert code == EXIT_OK
        assert marker in text

    def test_activated_and_redacted(self, region_file: Path) -> None:
        """--mode activated keeps the ISF; --redact removes person names."""
        code, text = run("graph", str(region_file), "--mode", "activated", "--redact",
                         "--format", "node-link")  # fmt: skip
        assert code == EXIT_OK
        assert "regional-isf" in text

    def test_png(self, region_file: Path, tmp_path: Path) -> None:
        """--format png draws the reporting lines; it needs --output."""
        target = tmp_path / "g.png"
        assert run("graph", str(region_file), "--format", "png", "--output", str(target))[0] == 0
        assert target.read_bytes()[:4] == b"\x89PNG"
        assert run("graph", str(region_file), "--format", "png")[0] == EXIT_BAD_INPUT


def test_module_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m samverkan_model`` runs main() and exits with its code."""
    import runpy

    monkeypatch.setattr(sys, "argv", ["samverkan", "schema", "nothing"])
    with pytest.raises(SystemExit) as exc:
        runpy.run_module("samverkan_model", run_name="__main__")
    assert exc.value.code == EXIT_BAD_INPUT
    assert "unknown document kind" in capsys.readouterr().err
