"""Exports of a structure for other tools: graphs, diagrams and open data.

* :func:`to_graphml` and :func:`to_node_link`: the structure's graph for graph tools and
  networkx (every attribute as text; see :func:`portable_graph`);
* :func:`to_mermaid` and :func:`to_dot`: diagrams grouped by governance level;
* :func:`to_popolo`: organisations, persons, posts and memberships in the Popolo
  open-data vocabulary.

Every export takes ``redact=True`` to leave out personal data, so a structure can be
published.

>>> from samverkan_model import catalog
>>> from samverkan_model.export import to_mermaid
>>> "subgraph level_regional" in to_mermaid(catalog.stockholm_region())
True
"""

from samverkan_model.export.diagram import to_dot, to_mermaid
from samverkan_model.export.graph import portable_graph, to_graphml, to_node_link
from samverkan_model.export.popolo import ORGNR_SCHEME, to_popolo

__all__ = [
    "ORGNR_SCHEME",
    "portable_graph",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
    "to_popolo",
]
