"""The benchmarks: each one measures the library and its baseline in the same run.

Every benchmark returns a :class:`Row`: the library's median time, the baseline's median
time, their ratio and the target the ratio must not exceed. See ``benchmarks/README.md``
for what each row means.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import attrs

from benchmarks.followup import national_register
from benchmarks.national import END, START, NationalPlan, plan
from benchmarks.timing import CLOCKS, fresh_interpreter, interleaved
from samverkan_model import Period, RelationKind, Structure, io
from samverkan_model.risk import FollowUpRegister

__all__ = ["Config", "Row", "run"]


@dataclass(frozen=True)
class Config:
    """How to run the suite.

    Attributes:
        factors: Dataset sizes; the first is the one the comparisons with baselines use,
            every further one is compared with the first for the scaling rows.
        repeat: Timed runs per measurement (the median is reported), after one warm-up.
        large_repeat: Timed runs for datasets of factor 5 and more (they are slow).
        import_runs: Fresh interpreters per side for the import-time row.
        examples: Hypothesis examples per side for the strategies row.
        seed: The dataset generator's seed.
        pydantic: Run the pydantic comparisons (``None``: when pydantic is installed).
        clock: ``"wall"`` (``time.perf_counter``) or ``"cpu"`` (``time.process_time``,
            steadier when other work shares the machine).
    """

    factors: tuple[float, ...] = (1.0, 10.0)
    repeat: int = 5
    large_repeat: int = 5
    import_runs: int = 7
    examples: int = 100
    seed: int = 2015
    pydantic: bool | None = None
    clock: str = "wall"

    def time(
        self,
        cases: Sequence[tuple[Callable[[Any], object], Callable[[], Any]]],
        factor: float | None = None,
        repeat: int | None = None,
        *,
        single: bool = False,
    ) -> list[float]:
        """Median seconds of each case, in turns (see :func:`interleaved`)."""
        runs = repeat if repeat is not None else self.repeat_for(factor or 1.0)
        return interleaved(cases, repeat=runs, clock=CLOCKS[self.clock], single=single)

    def repeat_for(self, factor: float) -> int:
        """Timed runs for a dataset of *factor*."""
        return min(self.repeat, self.large_repeat) if factor >= 5 else self.repeat

    @property
    def with_pydantic(self) -> bool:
        """Whether the pydantic comparisons run."""
        if self.pydantic is not None:
            return self.pydantic
        return importlib.util.find_spec("pydantic") is not None


@dataclass(frozen=True)
class Row:
    """One line of the results table.

    Attributes:
        name: What is measured.
        ours: The library's median (seconds, or MiB for memory rows).
        baseline: The baseline's median in the same unit (``None``: not measured).
        target: The largest acceptable ratio (``None``: reported only).
        ours_label: What ``ours`` is, in a few words.
        baseline_label: What ``baseline`` is, in a few words.
        unit: ``"s"`` or ``"MiB"``.
        note: Anything a reader needs to read the row.
    """

    name: str
    ours: float
    baseline: float | None
    target: float | None
    ours_label: str = "samverkan_model"
    baseline_label: str = ""
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """``ours / baseline`` (``None`` when the baseline was not measured)."""
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.ours / self.baseline

    @property
    def verdict(self) -> str:
        """``PASS``, ``MISS`` or ``-`` (no target)."""
        ratio = self.ratio
        if self.target is None or ratio is None:
            return "-"
        return "PASS" if ratio <= self.target else "MISS"


@dataclass
class _Datasets:
    """Generated datasets by factor, built once per run.

    Each dataset is written to JSON and read back with :func:`samverkan_model.io.loads`,
    as national data reaches users: from data files.
    """

    seed: int
    plans: dict[float, NationalPlan] = field(default_factory=dict)
    registers: dict[float, FollowUpRegister] = field(default_factory=dict)
    texts: dict[tuple[str, float], str] = field(default_factory=dict)

    def get(self, factor: float) -> NationalPlan:
        if factor not in self.plans:
            generated = plan(factor, self.seed)
            text = io.dumps(generated.structure)
            self.texts["structure", factor] = text
            loaded = io.loads(text, Structure)
            self.plans[factor] = dataclasses.replace(generated, structure=loaded)
        return self.plans[factor]

    def register(self, factor: float) -> FollowUpRegister:
        if factor not in self.registers:
            text = io.dumps(national_register(self.get(factor), factor, self.seed))
            self.texts["register", factor] = text
            self.registers[factor] = io.loads(text, FollowUpRegister)
        return self.registers[factor]

    def text(self, kind: str, factor: float) -> str:
        """The JSON file of the structure or register at *factor*."""
        (self.get if kind == "structure" else self.register)(factor)
        return self.texts[kind, factor]


def _fresh(structure: Structure) -> Callable[[], Structure]:
    """A setup function giving an equal structure with empty caches each time."""
    return lambda: attrs.evolve(structure)


def _fresh_register(register: FollowUpRegister) -> Callable[[], FollowUpRegister]:
    """A setup function giving an equal register whose analyses have empty caches."""
    return lambda: FollowUpRegister([attrs.evolve(a) for a in register.analyses])


def _label(factor: float) -> str:
    return f"{factor:g}x"


# -- data files ----------------------------------------------------------------------------

_KINDS: dict[str, type[Any]] = {"structure": Structure, "register": FollowUpRegister}


def _given(value: Any) -> Callable[[], Any]:
    """A setup function that hands *value* to every run."""
    return lambda: value


def _loader(cls: type[Any]) -> Callable[[str], Any]:
    return lambda text: io.loads(text, cls)


def _document_model(kind: str) -> Any:
    from benchmarks.pydantic_models import RegisterDocument, StructureDocument

    return StructureDocument if kind == "structure" else RegisterDocument


def data_file_rows(config: Config, data: _Datasets) -> Iterator[Row]:
    """Load and dump of the national structure and register vs equivalent pydantic models."""
    factor = config.factors[0]
    for kind, cls in _KINDS.items():
        text = data.text(kind, factor)
        obj: Any = io.loads(text, cls)
        size = f"{len(text.encode()) / 2**20:.1f} MiB of JSON"
        load_case = (_loader(cls), _given(text))
        dump_case = (io.dumps, _given(obj))
        load_name = f"load {kind} ({_label(factor)})"
        dump_name = f"dump {kind} ({_label(factor)})"
        if not config.with_pydantic:
            load, dump = config.time([load_case, dump_case], factor)
            yield Row(load_name, load, None, 1.0, "io.loads", note=f"{size}; pydantic missing")
            yield Row(dump_name, dump, None, 1.0, "io.dumps", note=f"{size}; pydantic missing")
            continue
        model = _document_model(kind)
        document = model.model_validate_json(text)
        load, base_load = config.time(
            [load_case, (model.model_validate_json, _given(text))], factor
        )
        dump, base_dump = config.time([dump_case, (_pydantic_dump, _given(document))], factor)
        yield Row(
            load_name, load, base_load, 1.0, "io.loads", "pydantic model_validate_json", note=size
        )
        yield Row(
            dump_name, dump, base_dump, 1.0, "io.dumps", "pydantic model_dump_json", note=size
        )


def _pydantic_dump(document: Any) -> str:
    return str(document.model_dump_json(indent=2, exclude_defaults=True))


# -- scaling ------------------------------------------------------------------------------


def scaling_rows(config: Config, data: _Datasets) -> Iterator[Row]:
    """validate(), coverage_gaps() and snapshot() at each larger factor vs the first."""
    base = config.factors[0]
    whole = Period(START, END)
    checks: tuple[tuple[str, Callable[[Any], object], Callable[[float], Callable[[], Any]]], ...]
    checks = (
        ("Structure.validate()", Structure.validate, lambda f: _fresh(data.get(f).structure)),
        (
            "Structure.coverage_gaps(ten years)",
            lambda s: s.coverage_gaps(whole),
            lambda f: _fresh(data.get(f).structure),
        ),
        (
            "FollowUpRegister.snapshot(as_of)",
            lambda r: r.snapshot(END),
            lambda f: _fresh_register(data.register(f)),
        ),
    )
    repeat = min(config.repeat_for(f) for f in config.factors)
    for name, fn, fresh in checks:
        cases = [(fn, fresh(f)) for f in config.factors]
        # One call per sample at every size: repeating the small size's quick call within
        # a sample would keep its data in the processor's caches from call to call, which
        # the large size cannot match, and the ratio would measure the caches.
        timings = config.time(cases, repeat=repeat, single=True)
        times = dict(zip(config.factors, timings, strict=True))
        for factor in config.factors[1:]:
            grow = factor / base
            yield Row(
                f"{name} {_label(factor)} vs {_label(base)}",
                times[factor],
                times[base],
                1.2 * grow,
                _label(factor),
                _label(base),
                note=f"linear would be {grow:g}x",
            )


# -- graphs -------------------------------------------------------------------------------


def graph_rows(config: Config, data: _Datasets) -> Iterator[Row]:
    """graph() vs networkx from tuples; escalation walks vs a networkx traversal."""
    import networkx as nx

    factor = config.factors[0]
    national = data.get(factor)
    structure = national.structure
    reference = attrs.evolve(structure).graph()
    nodes = [(n, dict(d)) for n, d in reference.nodes(data=True)]
    edges = [(u, v, k, dict(d)) for u, v, k, d in reference.edges(keys=True, data=True)]

    def from_tuples(_: None) -> object:
        graph = nx.MultiDiGraph(name=structure.name, at=None)
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return nx.freeze(graph)

    ours, base = config.time(
        [(lambda s: s.graph(), _fresh(structure)), (from_tuples, _given(None))], factor
    )
    yield Row(
        f"Structure.graph() ({_label(factor)})",
        ours,
        base,
        2.0,
        "graph() on a fresh structure",
        "MultiDiGraph from ready-made tuples",
        note=f"{reference.number_of_nodes()} nodes, {reference.number_of_edges()} edges",
    )

    starts = national.municipality_actors
    rank = {a.id: a.level.rank for a in structure.actors}
    rank.update({b.id: b.level.rank for b in structure.bodies})

    def ours_walks(s: Structure) -> list[tuple[str, ...]]:
        return [s.escalation_path(node) for node in starts]

    def networkx_walks(_: None) -> list[tuple[str, ...]]:
        return [_nx_walk(reference, node, rank) for node in starts]

    expected = ours_walks(attrs.evolve(structure))
    if networkx_walks(None) != expected:  # the baseline must do the same work
        msg = "the networkx escalation walk disagrees with Structure.escalation_path"
        raise AssertionError(msg)
    ours, base = config.time(
        [(ours_walks, _fresh(structure)), (networkx_walks, _given(None))], factor
    )
    yield Row(
        f"escalation paths of {len(starts)} municipalities ({_label(factor)})",
        ours,
        base,
        1.5,
        "escalation_path on a fresh structure",
        "walk over the ready-made graph",
    )


_ESCALATES = RelationKind.ESCALATES_TO.value
_REPORTS = RelationKind.REPORTS_TO.value
_UPWARD_KINDS = frozenset({_ESCALATES, _REPORTS})


def _nx_walk(graph: Any, start: str, rank: dict[str, int]) -> tuple[str, ...]:
    """The escalation walk written directly against a networkx multigraph."""
    path = [start]
    seen = {start}
    node = start
    while True:
        best: tuple[int, int, str] | None = None
        for target, keyed in graph.succ[node].items():
            for data in keyed.values():
                kind = data["kind"]
                if kind in _UPWARD_KINDS:
                    choice = (0 if kind == _ESCALATES else 1, -rank.get(target, -1), target)
                    if best is None or choice < best:
                        best = choice
        if best is None or best[2] in seen:
            return tuple(path)
        node = best[2]
        path.append(node)
        seen.add(node)


# -- import time and memory ----------------------------------------------------------------

_IMPORT = "import time; t = time.{clock}(); import {module}; print(time.{clock}() - t)"


def import_rows(config: Config) -> Iterator[Row]:
    """``import samverkan_model`` vs ``import networkx`` in fresh interpreters."""
    import statistics

    clock = CLOCKS[config.clock].__name__  # the same clock in the fresh interpreter
    ours_runs: list[float] = []
    base_runs: list[float] = []
    for _ in range(config.import_runs):  # in turns, like interleaved()
        ours_runs.append(fresh_interpreter(_IMPORT.format(clock=clock, module="samverkan_model")))
        base_runs.append(fresh_interpreter(_IMPORT.format(clock=clock, module="networkx")))
    ours = statistics.median(ours_runs)
    base = statistics.median(base_runs)
    yield Row(
        "import samverkan_model",
        ours,
        base,
        1.2,
        "fresh interpreter",
        "import networkx",
        note=f"median of {config.import_runs} interpreters each",
    )


_ROOT = Path(__file__).resolve().parents[1]

_PEAK = """
import json, resource, sys
from pathlib import Path
{imports}
text = Path(sys.argv[1]).read_text("utf-8")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
{load}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([before, peak]))
"""


def _peak_rss(imports: str, load: str, path: Path) -> tuple[float, float]:
    """(MiB before loading, peak MiB) of a fresh interpreter loading *path*."""
    code = _PEAK.format(imports=imports, load=load)
    before, peak = fresh_interpreter(code, str(path), cwd=str(_ROOT))
    return before / 1024, peak / 1024  # ru_maxrss is in KiB on Linux


def memory_rows(config: Config, data: _Datasets) -> Iterator[Row]:
    """Peak RSS of loading the national structure and register files, vs pydantic."""
    factor = config.factors[0]
    for kind, cls in _KINDS.items():
        text = data.text(kind, factor)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"{kind}.json"
            path.write_text(text, "utf-8")
            size = os.path.getsize(path) / 2**20
            before, peak = _peak_rss(
                f"from samverkan_model import io\nfrom {cls.__module__} import {cls.__name__}",
                f"doc = io.loads(text, {cls.__name__})",
                path,
            )
            base: float | None = None
            if config.with_pydantic:
                model = _document_model(kind).__name__
                _, base = _peak_rss(
                    f"from benchmarks.pydantic_models import {model}",
                    f"doc = {model}.model_validate_json(text)",
                    path,
                )
        yield Row(
            f"peak RSS loading the {kind} file ({_label(factor)})",
            peak,
            base,
            None,
            "io.loads",
            "pydantic" if base is not None else "",
            unit="MiB",
            note=f"file {size:.1f} MiB; {before:.0f} MiB before loading",
        )


# -- Hypothesis strategies ------------------------------------------------------------------


def _examples(strategy: Any, n: int) -> Callable[[None], int]:
    """A function drawing *n* examples of *strategy* through ``@given``; returns the count."""
    from hypothesis import HealthCheck, Phase, given, settings

    def draw(_: None) -> int:
        seen: list[object] = []

        @settings(
            max_examples=n,
            database=None,
            derandomize=True,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def collect(example: object) -> None:
            seen.append(example)

        collect()
        return len(seen)

    return draw


def strategy_rows(config: Config) -> Iterator[Row]:
    """``strategies.structures()`` vs an ``st.builds(Actor, ...)`` baseline, reported only."""
    from hypothesis import strategies as st

    from samverkan_model import Actor, GovernanceLevel, OrganisationKind, strategies
    from samverkan_model._validators import SLUG_PATTERN

    baseline = st.builds(
        Actor,
        id=st.from_regex(SLUG_PATTERN, fullmatch=True),
        name=st.text(min_size=1, max_size=20),
        kind=st.sampled_from(OrganisationKind),
        level=st.sampled_from(GovernanceLevel),
    )
    ours_fn = _examples(strategies.structures(), config.examples)
    base_fn = _examples(baseline, config.examples)
    drawn = ours_fn(None), base_fn(None)
    ours, base = config.time(
        [(ours_fn, _given(None)), (base_fn, _given(None))], repeat=max(1, config.repeat // 2)
    )
    yield Row(
        f"{config.examples} examples of strategies.structures()",
        ours,
        base,
        None,
        "structures()",
        "st.builds(Actor, ...)",
        note=f"{drawn[0]} and {drawn[1]} examples drawn",
    )


# -- the whole suite -------------------------------------------------------------------------


def run(config: Config, progress: Callable[[str], None] = lambda _: None) -> list[Row]:
    """Run every benchmark and return the rows of the results table, in order."""
    data = _Datasets(config.seed)
    rows: list[Row] = []
    steps: tuple[tuple[str, Callable[[], Iterator[Row]]], ...] = (
        ("import time", lambda: import_rows(config)),
        ("data files", lambda: data_file_rows(config, data)),
        ("graphs", lambda: graph_rows(config, data)),
        ("scaling", lambda: scaling_rows(config, data)),
        ("memory", lambda: memory_rows(config, data)),
        ("strategies", lambda: strategy_rows(config)),
    )
    for name, step in steps:
        progress(name)
        rows.extend(step())
    return rows
