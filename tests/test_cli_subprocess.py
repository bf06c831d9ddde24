"""The installed ``samverkan`` console script, run as a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from samverkan_model import catalog
from samverkan_model import io as sio
from samverkan_model.cli import EXIT_BAD_INPUT, EXIT_OK

SCRIPT = Path(sys.executable).parent / "samverkan"

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")


def samverkan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("script")
    paths = {
        "structure": folder / "region.json",
        "analysis": folder / "analysis.toml",
        "broken": folder / "broken.json",
    }
    sio.save(catalog.stockholm_region(), paths["structure"])
    sio.save(catalog.social_risk_example(), paths["analysis"])
    paths["broken"].write_text('{"format": "samverkan-model/structure", "version": 1,', "utf-8")
    paths["folder"] = folder
    return paths


GOOD = {
    "validate": (["validate", "{structure}", "{analysis}"], "coverage-gap"),
    "escalation": (["escalation", "{structure}", "sodertalje-kommun"], "sodertalje-kommun ->"),
    "coverage": (["coverage", "{structure}", "--from", "2026-01-01", "--to", "2027-01-01"],
                 "blaljus missing"),
    "graph": (["graph", "{structure}", "--format", "dot"], "digraph"),
    "report": (["report", "{analysis}", "--lang", "en"], "# Social-risk analysis"),
    "followup": (["followup", "{analysis}", "--as-of", "2025-09-16"], "# Uppföljning per"),
    "matrix": (["matrix", "{analysis}"], "K5"),
    "convert": (["convert", "{structure}", "{folder}/region.yaml"], ""),
    "schema": (["schema", "analysis"], '"$schema"'),
    "demo": (["demo"], "Samverkan Stockholmsregionen"),
}  # fmt: skip


@pytest.mark.parametrize("command", sorted(GOOD))
def test_every_subcommand_runs(command: str, files: dict[str, Path]) -> None:
    """Each subcommand succeeds through the console script and prints what it should."""
    argv, expected = GOOD[command]
    done = samverkan(*(a.format(**{k: str(v) for k, v in files.items()}) for a in argv))
    assert done.returncode == EXIT_OK, done.stderr
    assert expected in done.stdout


@pytest.mark.parametrize("command", sorted(GOOD))
def test_every_subcommand_has_help_with_an_example(command: str) -> None:
    """--help of each subcommand exits 0 and shows an example."""
    done = samverkan(command, "--help")
    assert done.returncode == EXIT_OK
    assert "example: samverkan" in done.stdout


BAD = {
    "missing file": (["validate", "{folder}/nope.json"], "nope.json: no such file"),
    "malformed json": (["validate", "{broken}"], "line 1"),
    "unknown node": (["escalation", "{structure}", "no-such-node"], "'no-such-node'"),
    "wrong kind": (["escalation", "{analysis}", "x"], "expected a structure document"),
    "unknown schema": (["schema", "budget"], "unknown document kind"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_exit_two_without_traceback(case: str, files: dict[str, Path]) -> None:
    """Bad input gives exit code 2 and a one-line message, never a traceback."""
    argv, expected = BAD[case]
    done = samverkan(*(a.format(**{k: str(v) for k, v in files.items()}) for a in argv))
    assert done.returncode == EXIT_BAD_INPUT
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("samverkan: ")
