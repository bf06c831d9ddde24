"""The :class:`Structure` aggregate: a whole collaboration structure."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date, datetime
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Literal, Self

import attrs

from samverkan_model._aggregate import CachedIndexes, first_by_id, lookup
from samverkan_model._validators import is_text, type_check
from samverkan_model.findings import CheckError, Findings
from samverkan_model.periods import Period
from samverkan_model.structure.activation import Activation, sort_activations
from samverkan_model.structure.activation import mode_at as _replay_mode
from samverkan_model.structure.actors import Actor, Person
from samverkan_model.structure.bodies import Body, Membership
from samverkan_model.structure.decisions import Decision
from samverkan_model.structure.levels import Mode
from samverkan_model.structure.relations import Agreement, Relation
from samverkan_model.structure.staffing import CoverageGap, CoverageRule, OnCallRoster

if TYPE_CHECKING:
    import networkx as nx

    from samverkan_model.geography import Area
    from samverkan_model.risk import Analysis
    from samverkan_model.structure.area import AreaResponsibility

__all__ = ["NodeKind", "Structure"]

NodeKind = Literal["actor", "body", "person"]


def _by_id(item: Actor | Body | Person | Agreement | Decision) -> str:
    return item.id


def _membership_key(m: Membership) -> tuple[object, ...]:
    return m.sort_key


def _relation_key(r: Relation) -> tuple[object, ...]:
    return r.sort_key


def _rule_key(r: CoverageRule) -> tuple[object, ...]:
    end = r.period.end
    return (
        r.body,
        r.period.start,
        (end is None, date.min if end is None else end),
        tuple(sorted(r.categories)),
        r.min_people,
    )


def _roster_key(r: OnCallRoster) -> tuple[object, ...]:
    shifts = tuple((x.start, x.end, x.person, x.on_behalf_of or "") for x in r.shifts)
    return (r.function, r.min_people, shifts)


def _canonical(items: Any, kind: type, key: Any) -> Any:
    """*items* as a tuple sorted by *key*; anything malformed is left for ``_items_of``.

    A bare string, a single object or a collection with items of the wrong type is
    returned unsorted, so the field's validator can say which field and item is wrong
    instead of the sort failing on a missing attribute.
    """
    if isinstance(items, str) or not isinstance(items, Iterable):
        return items
    items = tuple(items)
    if not all(isinstance(item, kind) for item in items):
        return items
    return tuple(sorted(items, key=key))


def _sort_actors(items: Iterable[Actor]) -> tuple[Actor, ...]:
    return _canonical(items, Actor, _by_id)  # type: ignore[no-any-return]


def _sort_bodies(items: Iterable[Body]) -> tuple[Body, ...]:
    return _canonical(items, Body, _by_id)  # type: ignore[no-any-return]


def _sort_persons(items: Iterable[Person]) -> tuple[Person, ...]:
    return _canonical(items, Person, _by_id)  # type: ignore[no-any-return]


def _sort_agreements(items: Iterable[Agreement]) -> tuple[Agreement, ...]:
    return _canonical(items, Agreement, _by_id)  # type: ignore[no-any-return]


def _sort_decisions(items: Iterable[Decision]) -> tuple[Decision, ...]:
    return _canonical(items, Decision, _by_id)  # type: ignore[no-any-return]


def _sort_memberships(items: Iterable[Membership]) -> tuple[Membership, ...]:
    return _canonical(items, Membership, _membership_key)  # type: ignore[no-any-return]


def _sort_relations(items: Iterable[Relation]) -> tuple[Relation, ...]:
    return _canonical(items, Relation, _relation_key)  # type: ignore[no-any-return]


def _sort_coverage_rules(items: Iterable[CoverageRule]) -> tuple[CoverageRule, ...]:
    return _canonical(items, CoverageRule, _rule_key)  # type: ignore[no-any-return]


def _sort_rosters(items: Iterable[OnCallRoster]) -> tuple[OnCallRoster, ...]:
    return _canonical(items, OnCallRoster, _roster_key)  # type: ignore[no-any-return]


def _items_of(kind: type) -> Any:
    @type_check
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            msg = f"{attribute.name}: expected a collection of {kind.__name__}, got {value!r}"
            raise TypeError(msg)
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                msg = f"{attribute.name}[{index}]: expected {kind.__name__}, got {item!r}"
                raise TypeError(msg)

    return check


@attrs.frozen
class Structure(CachedIndexes):
    """A collaboration structure: actors, bodies, persons and how they are connected.

    Collections are stored as tuples in canonical order (by id; memberships and relations
    by their natural key), whatever order they are given in. Global rules (references
    resolve, no cycles, anchoring, staffing) are checked by :meth:`validate`, not at
    construction, so an unfinished draft can still be built and inspected.

    Args:
        name: The structure's name.
        actors: The organisations taking part.
        bodies: The collaboration bodies.
        persons: People with seats in bodies or on standby rosters (personal data).
        memberships: Seats of actors and persons in bodies.
        relations: Reporting, leading, escalation and other relations.
        agreements: Agreements between actors.
        decisions: Decisions taken by bodies.
        coverage_rules: Competence-coverage rules for bodies.
        rosters: On-call rosters of standby functions.
        activations: Decisions that switch the structure's mode, kept in time order
            (see :meth:`mode_at`).

    >>> from samverkan_model import catalog
    >>> region = catalog.stockholm_region()
    >>> region.body("regionala-chefsgruppen").name
    'Regionala chefsgruppen'
    >>> [f for f in region.validate() if f.severity.value == "error"]
    []
    """

    name: str = attrs.field(validator=is_text)
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=_sort_actors, validator=_items_of(Actor)
    )
    bodies: tuple[Body, ...] = attrs.field(
        default=(), converter=_sort_bodies, validator=_items_of(Body)
    )
    persons: tuple[Person, ...] = attrs.field(
        default=(), converter=_sort_persons, validator=_items_of(Person)
    )
    memberships: tuple[Membership, ...] = attrs.field(
        default=(), converter=_sort_memberships, validator=_items_of(Membership)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_sort_relations, validator=_items_of(Relation)
    )
    agreements: tuple[Agreement, ...] = attrs.field(
        default=(), converter=_sort_agreements, validator=_items_of(Agreement)
    )
    decisions: tuple[Decision, ...] = attrs.field(
        default=(), converter=_sort_decisions, validator=_items_of(Decision)
    )
    coverage_rules: tuple[CoverageRule, ...] = attrs.field(
        default=(), converter=_sort_coverage_rules, validator=_items_of(CoverageRule)
    )
    rosters: tuple[OnCallRoster, ...] = attrs.field(
        default=(), converter=_sort_rosters, validator=_items_of(OnCallRoster)
    )
    activations: tuple[Activation, ...] = attrs.field(
        default=(), converter=sort_activations, validator=_items_of(Activation)
    )
    _cache: dict[object, Any] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )

    # -- indexes ---------------------------------------------------------------------------

    @property
    def actors_by_id(self) -> dict[str, Actor]:
        """Actors by id (the first one wins when ids repeat; see ``duplicate-id``)."""
        return self._cached("actors", lambda: first_by_id(self.actors))

    @property
    def bodies_by_id(self) -> dict[str, Body]:
        """Bodies by id (the first one wins when ids repeat)."""
        return self._cached("bodies", lambda: first_by_id(self.bodies))

    @property
    def persons_by_id(self) -> dict[str, Person]:
        """Persons by id (the first one wins when ids repeat)."""
        return self._cached("persons", lambda: first_by_id(self.persons))

    def node_kind(self, node_id: str) -> NodeKind | None:
        """Whether *node_id* names an actor, a body or a person (``None``: nothing)."""
        if node_id in self.actors_by_id:
            return "actor"
        if node_id in self.bodies_by_id:
            return "body"
        if node_id in self.persons_by_id:
            return "person"
        return None

    def actor(self, actor_id: str) -> Actor:
        """The actor with id *actor_id*.

        Raises:
            KeyError: if there is no such actor.
        """
        return lookup(self.actors_by_id, actor_id, "actor", f"structure {self.name!r}")

    def body(self, body_id: str) -> Body:
        """The body with id *body_id*.

        Raises:
            KeyError: if there is no such body.
        """
        return lookup(self.bodies_by_id, body_id, "body", f"structure {self.name!r}")

    def person(self, person_id: str) -> Person:
        """The person with id *person_id*.

        Raises:
            KeyError: if there is no such person.
        """
        return lookup(self.persons_by_id, person_id, "person", f"structure {self.name!r}")

    def members(self, body_id: str, at: date | None = None) -> tuple[Membership, ...]:
        """The memberships of body *body_id*, only those held on *at* when given.

        Raises:
            KeyError: if there is no such body.
        """
        self.body(body_id)
        # Memberships are sorted by body first: a body's seats are one run of them.
        start = bisect_left(self.memberships, body_id, key=_BODY)
        end = bisect_right(self.memberships, body_id, lo=start, key=_BODY)
        seats = self.memberships[start:end]
        if at is None:
            return seats
        return tuple(m for m in seats if m.active_at(at))

    def relations_at(self, at: date | None = None) -> tuple[Relation, ...]:
        """The relations that hold on *at* (all of them when *at* is ``None``)."""
        if at is None:
            return self.relations
        return tuple(r for r in self.relations if r.active_at(at))

    def memberships_at(self, at: date | None = None) -> tuple[Membership, ...]:
        """The memberships held on *at* (all of them when *at* is ``None``)."""
        if at is None:
            return self.memberships
        return tuple(m for m in self.memberships if m.active_at(at))

    # -- validation ------------------------------------------------------------------------

    def validate(
        self,
        analyses: Iterable[Analysis] | None = None,
        *,
        horizon: date | None = None,
    ) -> Findings:
        """Check the structure's global rules and return every finding, worst first.

        Args:
            analyses: Analyses whose measures decisions may refer to; when given, a decision
                that commissions a measure missing from them is a finding.
            horizon: The last day open-ended coverage rules are checked up to (default: one
                year after the latest date the structure mentions).

        The finding codes are listed in :data:`samverkan_model.FINDING_CODES`.
        """
        from samverkan_model.structure.validation import validate_structure  # noqa: PLC0415

        return validate_structure(self, analyses=analyses, horizon=horizon)

    def check(
        self, analyses: Iterable[Analysis] | None = None, *, horizon: date | None = None
    ) -> Self:
        """Return the structure itself when :meth:`validate` finds no error.

        Args:
            analyses: As for :meth:`validate`.
            horizon: As for :meth:`validate`.

        Raises:
            CheckError: listing every error-level finding with its code, subject ids and
                message (warnings do not make it raise).
        """
        errors = [
            f for f in self.validate(analyses, horizon=horizon) if f.severity.value == "error"
        ]
        if errors:
            raise CheckError(f"structure {self.name!r}", errors)
        return self

    # -- graphs ----------------------------------------------------------------------------

    def graph(self, at: date | None = None) -> nx.MultiDiGraph:
        """All actors, bodies and persons with memberships and relations as keyed edges.

        Nodes carry ``kind`` (``"actor"``, ``"body"``, ``"person"``), ``name`` and, for
        actors and bodies, ``level``; edges carry ``kind`` (a :class:`RelationKind` value or
        ``"member-of"``), ``period`` and, for memberships, ``role`` and ``on_behalf_of``.
        Edge keys are ``"<kind>"`` or ``"<kind>@<start>"`` (membership kinds are
        ``"member-of:<role>"``), with ``#2``, ``#3``, ... added where the same key repeats
        between two nodes.

        With *at*, only what holds on that day is in the graph: memberships and relations
        whose period contains *at*, and bodies that exist then (edges to a body that has
        ceased to exist go with it). Edges whose ends are not in the structure (see the
        ``unresolved-reference`` finding) are left out. The graph is frozen and cached:
        call ``.copy()`` before changing it.
        """
        from samverkan_model.structure.graphs import build_graph  # noqa: PLC0415

        return self._cached(("graph", at), lambda: build_graph(self, at))

    def reporting_graph(self, at: date | None = None) -> nx.DiGraph:
        """The ``REPORTS_TO`` relations holding on *at*, as a frozen directed graph.

        Its nodes are the actors and bodies at either end of such a relation, with the
        attributes they have in :meth:`graph`; like :meth:`graph` it leaves out edges to
        unknown ids and, with *at*, to bodies that do not exist then.
        """
        from samverkan_model.structure.graphs import build_reporting_graph  # noqa: PLC0415

        return self._cached(("reporting", at), lambda: build_reporting_graph(self, at))

    def escalation_path(self, node_id: str, at: date | None = None) -> tuple[str, ...]:
        """The path a strategic question travels upwards from *node_id*.

        The walk follows ``ESCALATES_TO``, else ``REPORTS_TO``, edges (never host,
        ``LEADS`` or membership); where several leave a node it prefers ``ESCALATES_TO``,
        then the target of the higher level, then the smaller id. It ends at the first node
        with no such edge (or before a node it has already visited). With *at*, only
        relations holding on *at* between nodes of :meth:`graph` on *at* count.

        >>> from samverkan_model import catalog
        >>> catalog.stockholm_region().escalation_path("sodertalje-kommun")
        ('sodertalje-kommun', 'regionala-samordningsgruppen', 'regionala-chefsgruppen')

        Raises:
            KeyError: if *node_id* is not an actor, body or person of the structure.
        """
        from samverkan_model.structure.graphs import escalation_path  # noqa: PLC0415

        if self.node_kind(node_id) is None:
            msg = f"no actor, body or person with id {node_id!r} in structure {self.name!r}"
            raise KeyError(msg)
        return escalation_path(self, node_id, at)

    # -- staffing --------------------------------------------------------------------------

    def coverage_gaps(
        self, period: Period, *, horizon: date | None = None
    ) -> tuple[CoverageGap, ...]:
        """Every maximal span in *period* where a coverage rule's categories are missing.

        Each rule is checked over the part of *period* inside the rule's own period. A gap
        is a maximal span over which the same categories are missing, so consecutive gaps
        differ in what is missing. Open ends are read up to *horizon* (default: one year
        after the latest date the structure's memberships and rules mention).
        """
        from samverkan_model.structure.coverage import coverage_gaps  # noqa: PLC0415

        return coverage_gaps(self, period, horizon=horizon)

    def roster(self, function: str) -> OnCallRoster:
        """The on-call roster of standby function *function*.

        Raises:
            KeyError: if the structure has no roster for *function*.
        """
        for roster in self.rosters:
            if roster.function == function:
                return roster
        msg = f"no on-call roster for {function!r} in structure {self.name!r}"
        raise KeyError(msg)

    def on_call(self, function: str, at: datetime) -> str | None:
        """The id of the person on standby for *function* at *at* (``None``: nobody).

        When shifts overlap, the one that started last is on standby.

        Raises:
            KeyError: if the structure has no roster for *function*.
        """
        from samverkan_model.structure.oncall import on_call  # noqa: PLC0415

        return on_call(self.roster(function), at)

    def roster_gaps(self, function: str, period: Period) -> tuple[tuple[datetime, datetime], ...]:
        """The uncovered spans of *function*'s roster during *period*.

        A date period is read as ``[start 00:00, end 00:00)``.

        Raises:
            KeyError: if the structure has no roster for *function*.
            ValueError: if *period* is open-ended.
        """
        from samverkan_model.structure.oncall import roster_gaps  # noqa: PLC0415

        return roster_gaps(self.roster(function), period)

    # -- area responsibility ---------------------------------------------------------------

    def area_responsibility(self, area: Area | str) -> tuple[AreaResponsibility, ...]:
        """Who holds the geographic area responsibility for *area*, level by level.

        One entry per level, from local up to central: a municipality gets three (the
        municipality, its county board, the Government), a county two, the nation one.
        Holders are read from the actors' kinds, levels and areas (see
        :mod:`samverkan_model.structure.area`); an entry with no holders means the
        structure does not include that level's holder.

        Raises:
            ValueError: if *area* is a code that is not in the shipped geography.
        """
        from samverkan_model.structure.area import area_responsibility  # noqa: PLC0415

        return area_responsibility(self.actors, area)

    # -- modes -----------------------------------------------------------------------------

    def mode_at(self, at: datetime) -> Mode:
        """The mode the structure runs in at *at*, replaying :attr:`activations`.

        Normal mode before the first activation; after that, the mode of the latest
        activation at or before *at* (an activation holds from its own moment on). When
        two activations share a moment, activated mode wins. ``in_mode(mode_at(at))`` is
        the structure as it runs then.

        Raises:
            TypeError: if *at* is not a naive datetime.
        """
        return _replay_mode(self.activations, at)

    # -- views -----------------------------------------------------------------------------

    def in_mode(self, mode: Mode) -> Structure:
        """The structure as it runs in *mode*: bodies not active in it are dropped.

        Everything that hangs on a dropped body goes with it: its memberships, relations
        from or to it, coverage rules, rosters, decisions it took or proposed, activations
        it decided, and persons whose only seats or shifts were in dropped bodies. So
        ``body(id)`` of a dropped body raises ``KeyError`` and the view validates without
        findings it did not cause.

        Raises:
            TypeError: if *mode* is not a :class:`Mode`.
        """
        given: object = mode  # checked at run time: a string would silently drop everything
        if not isinstance(given, Mode):
            msg = f"mode: expected a Mode, got {mode!r}"
            raise TypeError(msg)
        kept = tuple(b for b in self.bodies if mode in b.active_in)
        dropped = {b.id for b in self.bodies} - {b.id for b in kept}
        if not dropped:
            return self
        view = attrs.evolve(
            self,
            bodies=kept,
            memberships=tuple(m for m in self.memberships if m.body not in dropped),
            relations=tuple(
                r for r in self.relations if r.source not in dropped and r.target not in dropped
            ),
            decisions=tuple(
                d for d in self.decisions if d.body not in dropped and d.proposed_by not in dropped
            ),
            coverage_rules=tuple(r for r in self.coverage_rules if r.body not in dropped),
            rosters=tuple(r for r in self.rosters if r.function not in dropped),
            activations=tuple(a for a in self.activations if a.decided_by not in dropped),
        )
        unseated = _seated(self) - _seated(view)
        if not unseated:
            return view
        return attrs.evolve(view, persons=tuple(p for p in self.persons if p.id not in unseated))

    def redacted(self) -> Structure:
        """The structure with no personal data left.

        Person names become ``"(redacted)"``, contact details are dropped, and person ids
        (often made from names) are replaced by ``person-1``, ``person-2``, ... in the
        order of the original ids, everywhere they are used. Reporting lines, seats and
        rosters stay checkable while no person can be identified from the result.

        >>> from samverkan_model import catalog
        >>> region = catalog.stockholm_region().redacted()
        >>> {p.name for p in region.persons}, {p.contact for p in region.persons}
        ({'(redacted)'}, {None})
        """
        taken = set(self.actors_by_id) | set(self.bodies_by_id)
        pseudonyms = (f"person-{n}" for n in itertools.count(1))
        aliases: dict[str, str] = {}
        for p in self.persons:
            if p.id not in taken and p.id not in aliases:
                aliases[p.id] = next(a for a in pseudonyms if a not in taken)

        def alias(node_id: str) -> str:
            return aliases.get(node_id, node_id)

        return attrs.evolve(
            self,
            persons=tuple(
                attrs.evolve(p, id=alias(p.id), name=REDACTED, contact=None) for p in self.persons
            ),
            memberships=tuple(attrs.evolve(m, member=alias(m.member)) for m in self.memberships),
            relations=tuple(
                attrs.evolve(r, source=alias(r.source), target=alias(r.target))
                for r in self.relations
            ),
            rosters=tuple(
                attrs.evolve(
                    r, shifts=tuple(attrs.evolve(x, person=alias(x.person)) for x in r.shifts)
                )
                for r in self.rosters
            ),
        )

    def with_(self, **changes: Any) -> Structure:
        """A copy with *changes* applied (``attrs.evolve``); collections are re-sorted."""
        return attrs.evolve(self, **changes)

    # -- notebook display ------------------------------------------------------------------

    def _repr_html_(self) -> str:
        from samverkan_model._display import structure_html  # noqa: PLC0415

        return structure_html(self)

    def _repr_markdown_(self) -> str:
        from samverkan_model._display import structure_markdown  # noqa: PLC0415

        return structure_markdown(self)


REDACTED = "(redacted)"
"""The name a redacted person is given."""


def _seated(structure: Structure) -> set[str]:
    """Ids holding a seat in some body or a shift on some roster."""
    seated = {m.member for m in structure.memberships}
    seated.update(shift.person for roster in structure.rosters for shift in roster.shifts)
    return seated


_BODY = attrgetter("body")
