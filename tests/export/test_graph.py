"""GraphML and node-link exports read back into a graph equal to the portable graph."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from samverkan_model import (
    REDACTED,
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
from samverkan_model.export import portable_graph, to_graphml, to_node_link
from tests.io.strategies import structures

GRAPHML_DEFAULTS = ("node_default", "edge_default")


def _snapshot(graph: nx.MultiDiGraph) -> tuple[Any, ...]:
    """Everything two graphs must share to be equal, in a comparable form."""
    graph_attrs = {k: v for k, v in graph.graph.items() if k not in GRAPHML_DEFAULTS}
    return (
        graph.is_directed(),
        graph.is_multigraph(),
        graph_attrs,
        sorted(graph.nodes(data=True)),
        sorted((u, v, k, sorted(d.items())) for u, v, k, d in graph.edges(keys=True, data=True)),
    )


def _small_structure() -> Structure:
    return Structure(
        "Län & <kommun>",
        actors=[
            Actor(
                "lan",
                "Länsstyrelsen",
                OrganisationKind.COUNTY_ADMINISTRATIVE_BOARD,
                GovernanceLevel.REGIONAL,
                categories={"kommun", "blaljus"},
            ),
        ],
        bodies=[
            Body(
                "grupp",
                "Gruppen",
                BodyKind.COORDINATION_GROUP,
                GovernanceLevel.REGIONAL,
                host="lan",
                period=Period(date(2024, 1, 1), date(2026, 1, 1)),
            )
        ],
        persons=[Person("anna-andersson", "Anna Andersson", "anna@example.se")],
        memberships=[
            Membership(
                "anna-andersson", "grupp", Role.CHAIR, Period(date(2025, 1, 1)), on_behalf_of="lan"
            )
        ],
        relations=[Relation("grupp", "lan", RelationKind.REPORTS_TO)],
    )


class TestPortableGraph:
    def test_values_are_text(self) -> None:
        """Enums, dates, periods and sets become text; None is left out."""
        graph = portable_graph(_small_structure())
        assert graph.graph == {"name": "Län & <kommun>"}
        assert graph.nodes["lan"]["level"] == "regional"
        assert graph.nodes["lan"]["categories"] == "blaljus,kommun"
        assert "area" not in graph.nodes["lan"]
        assert graph.nodes["grupp"]["start"] == "2024-01-01"
        assert graph.nodes["grupp"]["end"] == "2026-01-01"
        (edge,) = graph.get_edge_data("anna-andersson", "grupp").values()
        assert edge == {
            "kind": "member-of",
            "role": "chair",
            "start": "2025-01-01",
            "on_behalf_of": "lan",
        }

    def test_at_filters(self) -> None:
        """With a day, only what holds then is in the graph."""
        graph = portable_graph(_small_structure(), at=date(2024, 6, 1))
        assert graph.graph["at"] == "2024-06-01"
        assert not graph.has_edge("anna-andersson", "grupp")

    def test_redact(self) -> None:
        """Redacted, no name or id of a person is left."""
        text = to_graphml(_small_structure(), redact=True)
        assert "Anna" not in text
        assert "anna" not in text
        assert REDACTED in text

    def test_text_is_made_xml_safe(self) -> None:
        """Characters XML cannot hold are replaced and line ends normalised."""
        structure = Structure("a\x00b\r\nc\rd")
        assert portable_graph(structure).graph["name"] == "a\ufffdb\nc\nd"


class TestRoundTrip:
    @given(structure=structures(), redact=st.booleans())
    def test_exports_read_back_equal(self, structure: Structure, redact: bool) -> None:
        """GraphML, and node-link JSON through a JSON round trip, read back equal."""
        expected = _snapshot(portable_graph(structure, redact=redact))
        text = to_graphml(structure, redact=redact)
        read = nx.read_graphml(io.BytesIO(text.encode()), force_multigraph=True)
        assert _snapshot(read) == expected
        data = json.loads(json.dumps(to_node_link(structure, redact=redact)))
        assert _snapshot(nx.node_link_graph(data, edges="edges")) == expected

    def test_catalog_graphml(self) -> None:
        """The catalog's structures export and read back, deterministically."""
        for structure in (catalog.stockholm_region(), catalog.vastra_gotaland_reception()):
            text = to_graphml(structure)
            assert text == to_graphml(structure)
            read = nx.read_graphml(io.BytesIO(text.encode()), force_multigraph=True)
            assert _snapshot(read) == _snapshot(portable_graph(structure))
