"""Plots (the optional ``plot`` extra, matplotlib): risk matrix, reporting lines, progress.

Each function returns a :class:`matplotlib.figure.Figure`, which can be shown in a
notebook or saved with ``figure.savefig("matrix.png")`` (PNG, SVG, PDF, ...). Figures are
built with matplotlib's object-oriented API on the Agg canvas, so no display is needed and
no global pyplot state is touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from samverkan_model._labels import Lang
from samverkan_model.reports._text import phrase
from samverkan_model.risk import Analysis, FollowUpRegister, MeasureStatus, RiskMatrix
from samverkan_model.structure import GovernanceLevel

if TYPE_CHECKING:
    from samverkan_model.structure import Structure

__all__ = ["measure_status_figure", "reporting_graph_figure", "risk_matrix_figure"]

_FALLBACK_COLOURS = ("#A5D6A7", "#FFF59D", "#FFCC80", "#EF9A9A", "#CE93D8")


def _figure(width: float, height: float) -> Any:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        msg = "plots need matplotlib: pip install 'samverkan-model[plot]'"
        raise ImportError(msg) from exc
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def risk_matrix_figure(source: Analysis | RiskMatrix, lang: Lang = "sv") -> Any:
    """A heat map of a risk matrix, coloured by its own risk-level colours.

    Given an :class:`Analysis`, each cell shows how many of its risks lie there (on the
    analysis's own matrix); given a :class:`RiskMatrix`, each cell shows its risk level.
    Likelihood grows upwards, consequence to the right.
    """
    from matplotlib.colors import to_rgba  # noqa: PLC0415

    matrix = source.risk_matrix if isinstance(source, Analysis) else source
    summary = source.matrix() if isinstance(source, Analysis) else None
    rows, columns = matrix.shape
    figure = _figure(1.6 + 1.3 * columns, 1.2 + 0.9 * rows)
    axes = figure.add_subplot()
    image = []
    for like in reversed(matrix.likelihood.values):
        row = []
        for cons in matrix.consequence.values:
            level = matrix.level(like, cons)
            colour = level.colour or _FALLBACK_COLOURS[(level.value - 1) % len(_FALLBACK_COLOURS)]
            row.append(to_rgba(colour))
            text = level.label(lang) if summary is None else str(summary.count(like, cons))
            axes.text(cons - 1, rows - like, text, ha="center", va="center", fontsize=9, wrap=True)
        image.append(row)
    axes.imshow(image, aspect="auto")
    axes.set_xticks(range(columns), [lvl.label(lang) for lvl in matrix.consequence.levels])
    axes.set_yticks(range(rows), [lvl.label(lang) for lvl in reversed(matrix.likelihood.levels)])
    axes.tick_params(axis="x", labelrotation=30, labelsize=8)
    axes.tick_params(axis="y", labelsize=8)
    axes.set_xlabel(phrase("consequence", lang))
    axes.set_ylabel(phrase("likelihood", lang))
    axes.set_title(phrase("matrix", lang))
    return figure


def reporting_graph_figure(structure: Structure, at: date | None = None, lang: Lang = "sv") -> Any:
    """The reporting and escalation lines, laid out in rows by governance level.

    Bodies and actors that take part in a reports-to or escalates-to relation on *at* are
    drawn at the height of their level (central on top); arrows point upwards along the
    relations.
    """
    from samverkan_model.structure import RelationKind  # noqa: PLC0415

    kinds = (RelationKind.REPORTS_TO, RelationKind.ESCALATES_TO)
    edges = [(r.source, r.target, r.kind) for r in structure.relations_at(at) if r.kind in kinds]
    nodes = sorted({n for edge in edges for n in edge[:2]})
    levels = {a.id: a.level for a in structure.actors} | {b.id: b.level for b in structure.bodies}
    rank = {node: levels[node].rank if node in levels else -1 for node in nodes}
    steps = _heights_within_level(edges, rank)
    deepest: dict[int, int] = {}
    for node in nodes:
        deepest[rank[node]] = max(deepest.get(rank[node], 0), steps[node])
    rows: dict[tuple[int, int], list[str]] = {}
    for node in nodes:
        rows.setdefault((rank[node], deepest[rank[node]] - steps[node]), []).append(node)
    width = min(max((len(r) for r in rows.values()), default=1), 14)
    targets: dict[str, list[str]] = {}
    for source, target, _ in edges:
        targets.setdefault(source, []).append(target)
    positions: dict[str, tuple[float, float]] = {}
    for (level_rank, up), unordered in sorted(rows.items(), reverse=True):
        # Rows are placed top-down; each node sits under the mean of what it points to,
        # which keeps the arrows short and mostly uncrossed.
        def pull(node: str) -> tuple[float, str]:
            xs = [positions[t][0] for t in targets.get(node, ()) if t in positions]
            return (sum(xs) / len(xs) if xs else float(width), node)

        members = sorted(unordered, key=pull)
        # A row longer than the figure is wide is spread over staggered sub-rows, keeping
        # the left-to-right order.
        layers = -(-len(members) // width)
        band = deepest[level_rank] or 1
        for i, node in enumerate(members):
            x = (i + 0.5) * width / len(members)
            positions[node] = (x, level_rank + 0.5 * up / band + 0.11 * (i % layers))
    figure = _figure(max(6.0, 1.25 * width), 6.5)
    axes = figure.add_subplot()
    for source, target, kind in edges:
        style = "-" if kind is RelationKind.REPORTS_TO else "--"
        axes.annotate(
            "", xy=positions[target], xytext=positions[source],
            arrowprops={"arrowstyle": "->", "linestyle": style, "color": "#555555"},
        )  # fmt: skip
    names = {**{a.id: a.name for a in structure.actors}, **{b.id: b.name for b in structure.bodies}}
    for node, (x, y) in positions.items():
        axes.text(
            x, y, names.get(node, node), ha="center", va="center", fontsize=7,
            bbox={"boxstyle": "round", "facecolor": "#eef2f5", "edgecolor": "#888888"},
        )  # fmt: skip
    present = sorted({r for r, _ in rows})
    axes.set_yticks(present, [_level_label(r, lang) for r in present])
    axes.set_xticks([])
    axes.set_xlim(-0.3, width + 0.3)
    top = max((y for _, y in positions.values()), default=0.0)
    axes.set_ylim(min(present, default=0) - 0.4, top + 0.4)
    axes.set_title(structure.name)
    return figure


def _heights_within_level(
    edges: list[tuple[str, str, Any]], rank: dict[str, int]
) -> dict[str, int]:
    """How many same-level steps lead up from each node to the top of its level."""
    above: dict[str, list[str]] = {}
    for source, target, _ in edges:
        if rank[source] == rank[target] and source != target:
            above.setdefault(source, []).append(target)
    height: dict[str, int] = {}

    def climb(node: str, seen: frozenset[str]) -> int:
        if node in height:
            return height[node]
        steps = [climb(t, seen | {node}) + 1 for t in above.get(node, ()) if t not in seen]
        height[node] = max(steps, default=0)
        return height[node]

    for node in rank:
        climb(node, frozenset())
    return height


def _level_label(rank: int, lang: Lang) -> str:
    """The label of the governance level with *rank* (``"–"`` for nodes without a level)."""
    for level in GovernanceLevel:
        if level.rank == rank:
            return level.label(lang)
    return phrase("none", lang)


def measure_status_figure(
    source: Analysis | FollowUpRegister, days: Iterable[date], lang: Lang = "sv"
) -> Any:
    """How many measures had each status on each of *days*, as stacked areas.

    Measures without a recorded status yet are counted as such, so the stack always adds
    up to the number of measures.
    """
    register = source if isinstance(source, FollowUpRegister) else FollowUpRegister([source])
    when = sorted(days)
    series: dict[MeasureStatus | None, list[int]] = {s: [] for s in (None, *MeasureStatus)}
    for day in when:
        snapshot = register.snapshot(day)
        for status, counts in series.items():
            counts.append(sum(1 for s in snapshot.values() if s is status))
    figure = _figure(7.0, 3.8)
    axes = figure.add_subplot()
    labels = [phrase("unrecorded", lang) if s is None else s.label(lang) for s in series]
    axes.stackplot(when, *series.values(), labels=labels)
    axes.legend(loc="upper left", fontsize=8)
    axes.set_ylabel(phrase("measures", lang))
    axes.set_title(phrase("status", lang))
    figure.autofmt_xdate()
    return figure
