"""The structure's graph in portable form: GraphML and networkx node-link JSON.

Both hold :func:`portable_graph`, the graph of :meth:`Structure.graph` with every
attribute turned into text, because GraphML and JSON know no enums or dates:

* enum members become their values (``"regional"``, ``"reports-to"``);
* a ``period`` becomes ``start`` and ``end`` (ISO dates; ``end`` left out when open);
* sets become their sorted items joined by commas (``"blaljus,kommun"``);
* attributes that are ``None`` are left out;
* text is made safe for XML: characters XML cannot hold become U+FFFD and every line
  end becomes a single line feed.

Reading an export back (``nx.read_graphml(..., force_multigraph=True)`` or
``nx.node_link_graph(data, edges="edges")``) gives a graph equal to
:func:`portable_graph` (GraphML readers add ``node_default`` and ``edge_default``
graph attributes).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any

from samverkan_model.export._prepare import prepare
from samverkan_model.periods import Period

if TYPE_CHECKING:
    import networkx as nx

    from samverkan_model.structure.model import Structure

__all__ = ["portable_graph", "to_graphml", "to_node_link"]

# XML 1.0 allows tab, line feed, carriage return and these ranges; nothing else.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value).replace("\r\n", "\n").replace("\r", "\n")


def _scalar(value: object) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Iterable) and not isinstance(value, str):
        return ",".join(sorted(_scalar(v) for v in value))
    return _text(str(value))


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, Period):
            out["start"] = value.start.isoformat()
            if value.end is not None:
                out["end"] = value.end.isoformat()
        else:
            out[key] = _scalar(value)
    return out


def portable_graph(
    structure: Structure, at: date | None = None, redact: bool = False
) -> nx.MultiDiGraph:
    """:meth:`Structure.graph` with every attribute as text, ready for GraphML and JSON.

    Args:
        structure: The structure to export.
        at: Only what holds on this day (everything when ``None``).
        redact: Leave out personal data (see :func:`samverkan_model.export.to_popolo`).

    Returns:
        A new, unfrozen multigraph.
    """
    import networkx as nx  # noqa: PLC0415

    source = prepare(structure, redact).graph(at)
    graph = nx.MultiDiGraph(**_attributes(dict(source.graph)))
    graph.add_nodes_from((node, _attributes(data)) for node, data in source.nodes(data=True))
    graph.add_edges_from(
        (u, v, _text(key), _attributes(data))
        for u, v, key, data in source.edges(keys=True, data=True)
    )
    return graph


def to_graphml(structure: Structure, at: date | None = None, redact: bool = False) -> str:
    """The structure's graph as GraphML text (for Gephi, yEd, Cytoscape, networkx, ...).

    Nodes are actors, bodies and persons, with ``kind`` (``"actor"``, ``"body"``,
    ``"person"``), ``name`` and, for actors and bodies, ``level``; edges are relations and
    memberships, with ``kind`` and their period's ``start`` and ``end``. See
    :func:`portable_graph` for how values are written.

    >>> from samverkan_model import catalog
    >>> text = to_graphml(catalog.stockholm_region())
    >>> text.splitlines()[0]
    '<?xml version="1.0" encoding="UTF-8"?>'
    """
    import networkx as nx  # noqa: PLC0415

    lines = nx.generate_graphml(portable_graph(structure, at, redact), prettyprint=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(lines) + "\n"


def to_node_link(
    structure: Structure, at: date | None = None, redact: bool = False
) -> dict[str, Any]:
    """The structure's graph as networkx node-link data: a JSON-ready ``dict``.

    Read it back with ``nx.node_link_graph(data, edges="edges")``.

    >>> from samverkan_model import catalog
    >>> data = to_node_link(catalog.stockholm_region())
    >>> sorted(data)
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    """
    import networkx as nx  # noqa: PLC0415

    data: dict[str, Any] = nx.node_link_data(portable_graph(structure, at, redact), edges="edges")
    return data
