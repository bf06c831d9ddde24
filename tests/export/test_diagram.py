"""Mermaid and DOT diagrams: grouped by level, escaped, deterministic."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given

from samverkan_model import (
    Actor,
    Body,
    BodyKind,
    GovernanceLevel,
    Membership,
    OrganisationKind,
    Period,
    Person,
    Relation,
    RelationKind,
    Role,
    Structure,
    catalog,
)
from samverkan_model.export import to_dot, to_mermaid
from tests.io.strategies import structures

TRICKY = 'Grupp "A" #1 <b> & `x`\nrad två'


def _structure() -> Structure:
    return Structure(
        "Test",
        actors=[
            Actor("kommun", TRICKY, OrganisationKind.MUNICIPALITY, GovernanceLevel.LOCAL),
            Actor("lan", "Länsstyrelsen", OrganisationKind.OTHER, GovernanceLevel.REGIONAL),
        ],
        bodies=[
            Body("end", "Slutgrupp", BodyKind.PARTNERSHIP, GovernanceLevel.REGIONAL),
            Body("nat", "Delegationen", BodyKind.DELEGATION, GovernanceLevel.CENTRAL),
        ],
        persons=[Person("anna", 'Anna "A"')],
        memberships=[Membership("anna", "end", Role.CHAIR, Period(date(2025, 1, 1)))],
        relations=[
            Relation("kommun", "end", RelationKind.REPORTS_TO),
            Relation("end", "nat", RelationKind.ESCALATES_TO),
            Relation("lan", "end", RelationKind.LEADS),
        ],
    )


EXPECTED_MERMAID = """\
flowchart BT
  subgraph level_central["Central nivå"]
    n_nat("Delegationen")
  end
  subgraph level_regional["Regional nivå"]
    n_lan["Länsstyrelsen"]
    n_end("Slutgrupp")
  end
  subgraph level_local["Lokal nivå"]
    n_kommun["Grupp #quot;A#quot; #35;1 #lt;b#gt; #amp; #96;x#96; rad två"]
  end
  n_kommun -->|"Rapporterar till"| n_end
  n_lan -.->|"Leder"| n_end
  n_end ==>|"Lyfter frågor till"| n_nat
"""


def _check_dot(text: str) -> None:
    """A light syntax check: strings close, braces balance, statements end with ';'."""
    body = re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)
    assert '"' not in body.replace('""', "")
    assert body.count("{") == body.count("}")
    for line in body.splitlines():
        stripped = line.strip()
        assert stripped.endswith(("{", "}", ";")), line


class TestMermaid:
    def test_grouped_by_level_top_down(self) -> None:
        """Levels appear from central down, each as a subgraph; empty levels are left out."""
        text = to_mermaid(_structure())
        subgraphs = re.findall(r"subgraph (\w+)\[", text)
        assert subgraphs == ["level_central", "level_regional", "level_local"]
        assert text.startswith("flowchart BT\n")
        assert text == EXPECTED_MERMAID

    def test_shapes_arrows_and_labels(self) -> None:
        """Actors, bodies and relation kinds each have their own notation."""
        text = to_mermaid(_structure(), lang="en")
        assert 'n_lan["Länsstyrelsen"]' in text
        assert 'n_nat("Delegationen")' in text
        assert 'n_kommun -->|"Reports to"| n_end' in text
        assert 'n_end ==>|"Escalates to"| n_nat' in text
        assert 'n_lan -.->|"Leads"| n_end' in text
        assert 'subgraph level_central["Central level"]' in text

    def test_text_is_escaped(self) -> None:
        """Quotes, #, <, >, & and backticks are entity codes; line breaks become spaces."""
        text = to_mermaid(_structure())
        assert 'n_kommun["Grupp #quot;A#quot; #35;1 #lt;b#gt; #amp; #96;x#96; rad två"]' in text

    def test_memberships_on_request(self) -> None:
        """Persons and their seats appear only when asked for."""
        assert "anna" not in to_mermaid(_structure())
        text = to_mermaid(_structure(), memberships=True, lang="en")
        assert 'subgraph people["People"]' in text
        assert 'n_anna(["Anna #quot;A#quot;"])' in text
        assert 'n_anna --o|"Chair"| n_end' in text

    def test_redacted(self) -> None:
        """Redacted diagrams name no person."""
        text = to_mermaid(_structure(), redact=True, memberships=True)
        assert "Anna" not in text
        assert "n_person_1" in text

    def test_keywords_are_not_ids(self) -> None:
        """A body whose id is a Mermaid keyword gets a prefixed node id."""
        text = to_mermaid(_structure())
        assert "\n    n_end(" in text
        assert not re.search(r"^\s+end\(", text, re.MULTILINE)

    def test_unknown_language(self) -> None:
        """Only Swedish and English labels exist."""
        with pytest.raises(ValueError, match="unknown language"):
            to_mermaid(_structure(), lang="de")  # type: ignore[arg-type]

    @given(structure=structures())
    def test_any_structure(self, structure: Structure) -> None:
        """Any structure gives deterministic text: quoted Mermaid labels, well-formed DOT."""
        text = to_mermaid(structure, memberships=True)
        assert text == to_mermaid(structure, memberships=True)
        for line in text.splitlines()[1:]:
            assert line.strip() == "end" or '"' in line, line
        dot = to_dot(structure, memberships=True)
        assert dot == to_dot(structure, memberships=True)
        _check_dot(dot)

    def test_catalog(self) -> None:
        """The catalog's regional structure draws every actor and body once."""
        region = catalog.stockholm_region()
        text = to_mermaid(region)
        ids = [a.id for a in region.actors] + [b.id for b in region.bodies]
        for node in ids:
            name = "n_" + node.replace("-", "_")
            assert text.count(f"    {name}[") + text.count(f"    {name}(") == 1


class TestDot:
    def test_clusters_and_edges(self) -> None:
        """Each level is a cluster; relations are labelled edges."""
        text = to_dot(_structure(), lang="en")
        assert re.findall(r'subgraph "(cluster_\w+)"', text) == [
            "cluster_central",
            "cluster_regional",
            "cluster_local",
        ]
        assert '"kommun" -> "end" [label="Reports to"];' in text
        assert '"end" -> "nat" [label="Escalates to", penwidth=2];' in text
        assert '"lan" -> "end" [label="Leads", style=dotted];' in text
        _check_dot(text)

    def test_escaping(self) -> None:
        """Quotes and backslashes are escaped; a line break becomes a DOT line-break escape."""
        text = to_dot(Structure('a "b" \\ c\nd'))
        assert text.startswith('digraph "a \\"b\\" \\\\ c\\nd" {\n')
        _check_dot(text)

    def test_memberships(self) -> None:
        """Seats are dashed edges from the person to the body."""
        text = to_dot(_structure(), memberships=True)
        assert '"anna" [label="Anna \\"A\\"", shape=ellipse];' in text
        assert '"anna" -> "end" [label="Ordförande", style=dashed, arrowhead=odot];' in text
        _check_dot(text)
