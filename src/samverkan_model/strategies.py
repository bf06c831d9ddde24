"""Hypothesis strategies for every public type, for your own property-based tests.

Install the extra first: ``pip install 'samverkan-model[hypothesis]'``. Importing this
module without Hypothesis raises an :class:`ImportError` that names the extra.

There is one strategy per public type (:func:`actors`, :func:`bodies`, :func:`risks`,
:func:`periods`, ...), whose values pass the class's own validators; aggregate strategies
whose values are valid *as a whole* (:func:`structures` and :func:`analyses` never have
an error finding, and an analysis's references resolve into its structure); and
strategies of invalid data for testing validators and loaders
(:func:`broken_structures`, :func:`broken_analyses`, :func:`corrupted_documents`).

Nothing is filtered: every value is built valid (or broken in one known way) directly,
with ids taken from small counters (``a1``, ``b2``, ``p3``), so generation is fast and
examples shrink towards few, small objects with short ids and early dates.

``st.from_type(Structure)`` and friends work without importing this module: the
package registers them with Hypothesis through its ``hypothesis`` entry point.

>>> from hypothesis import given, settings
>>> from samverkan_model import Severity
>>> from samverkan_model.strategies import structures
>>> @settings(max_examples=10, deadline=None, database=None)
... @given(structures(max_actors=3))
... def test_no_errors(structure):
...     assert all(f.severity is not Severity.ERROR for f in structure.validate())
>>> test_no_errors()
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401  (imported first so that a missing extra is named)
except ImportError as exc:
    _msg = (
        "samverkan_model.strategies needs Hypothesis; install it with the extra: "
        "pip install 'samverkan-model[hypothesis]'"
    )
    raise ImportError(_msg) from exc

from samverkan_model._strategies.broken import BROKEN_STRUCTURE_CODES, broken_structures
from samverkan_model._strategies.broken_analyses import BROKEN_ANALYSIS_CODES, broken_analyses
from samverkan_model._strategies.common import (
    EPOCH,
    areas,
    cadences,
    ids,
    measure_refs,
    org_numbers,
    periods,
)
from samverkan_model._strategies.documents import (
    CORRUPTIONS,
    CorruptedDocument,
    corrupted_documents,
)
from samverkan_model._strategies.parts import (
    activations,
    actors,
    agreements,
    bodies,
    coverage_gaps,
    coverage_rules,
    decisions,
    findings,
    memberships,
    on_call_rosters,
    persons,
    relations,
    shifts,
)
from samverkan_model._strategies.risk import (
    analyses,
    evidence,
    follow_up_agreements,
    follow_up_registers,
    measures,
    methods,
    not_relevant,
    risk_levels,
    risk_matrices,
    risks,
    scale_levels,
    scales,
    status_changes,
    status_histories,
)
from samverkan_model._strategies.situation import (
    joint_work_entries,
    joint_work_logs,
    reporting_periods,
    situation_reports,
)
from samverkan_model._strategies.structures import structures

__all__ = [
    "BROKEN_ANALYSIS_CODES",
    "BROKEN_STRUCTURE_CODES",
    "CORRUPTIONS",
    "EPOCH",
    "CorruptedDocument",
    "activations",
    "actors",
    "agreements",
    "analyses",
    "areas",
    "bodies",
    "broken_analyses",
    "broken_structures",
    "cadences",
    "corrupted_documents",
    "coverage_gaps",
    "coverage_rules",
    "decisions",
    "evidence",
    "findings",
    "follow_up_agreements",
    "follow_up_registers",
    "ids",
    "joint_work_entries",
    "joint_work_logs",
    "measure_refs",
    "measures",
    "memberships",
    "methods",
    "not_relevant",
    "on_call_rosters",
    "org_numbers",
    "periods",
    "persons",
    "relations",
    "reporting_periods",
    "risk_levels",
    "risk_matrices",
    "risks",
    "scale_levels",
    "scales",
    "shifts",
    "situation_reports",
    "status_changes",
    "status_histories",
    "structures",
]
