"""The checklist engine: rule data + a situation → the ordered items. A pure function.

No database, no request: ``build(book, situation)`` reads only its arguments, so the scenario suite
can run every combination in a second and the views, the API and the calendar are thin adapters.
DESIGN.md, "The rules, exactly" is the specification:

* a rule is an AND of conditions, each a set of allowed values (empty = any); children's groups
  match when the family has one of the groups; the partner's citizenship matches only with a partner;
* a task applies when any rule matches; its persons are the union of the matched rules' ``for``;
  with ``family=alone`` "household" is reported as "mover";
* ``depends_on`` keeps only keys on the same list; the order is topological, ties broken by phase,
  then days from arrival (none last), then editorial order, then key;
* an item's ``reasons`` are the answers the matched rules' non-empty conditions name, as data;
  ``guides.why`` turns them into the sentence in the reader's language.

Plain Python only (no Django), so the engine can be imported, tested and benchmarked on its own; a
test imports it in an interpreter where Django cannot be imported.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import hashlib
import heapq
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from guides.answers import Situation
from guides.vocabulary import (
    CHILDREN,
    CONDITIONS,
    FAMILIES_WITH_CHILDREN,
    FAMILIES_WITH_PARTNER,
    PERSONS,
    PHASES,
)


@dataclass(frozen=True)
class Rule:
    persons: tuple[str, ...]
    status: frozenset = frozenset()
    permit: frozenset = frozenset()
    family: frozenset = frozenset()
    children: frozenset = frozenset()
    stay: frozenset = frozenset()
    partner: frozenset = frozenset()

    def matches(self, s: Situation) -> bool:
        if self.status and s.status not in self.status:
            return False
        if self.permit and s.permit not in self.permit:
            return False
        if self.family and s.family not in self.family:
            return False
        if self.children and not self.children.intersection(s.children):
            return False
        if self.stay and s.stay not in self.stay:
            return False
        return not (self.partner and (s.partner is None or s.partner not in self.partner))

    def reasons(self, s: Situation) -> list[tuple[str, str]]:
        """The reader's answers that this rule's non-empty conditions name, as (field, value) pairs."""
        out = []
        if self.status:
            out.append(("status", s.status))
        if self.permit:
            out.append(("permit", s.permit))
        # A condition on the children's groups or the partner's citizenship already says who comes.
        if self.family and not self.children and not (self.partner and set(self.family) <= set(FAMILIES_WITH_PARTNER)):
            out.append(("family", _family_reason(self.family)))
        for group in sorted(self.children.intersection(s.children), key=CHILDREN.index):
            out.append(("children", group))
        if self.stay:
            out.append(("stay", s.stay))
        if self.partner:
            out.append(("partner", s.partner))
        return out

    def as_data(self) -> dict:
        data = {"for": sorted(self.persons)}
        for name in CONDITIONS:
            values = getattr(self, name)
            if values:
                data[name] = sorted(values)
        return data


def _family_reason(families: frozenset) -> str:
    if families <= set(FAMILIES_WITH_PARTNER):
        return "with-partner"
    if families <= set(FAMILIES_WITH_CHILDREN):
        return "with-children"
    return "with-family"


@dataclass(frozen=True)
class TaskRules:
    key: str
    phase: str
    order: int
    rules: tuple[Rule, ...]
    depends_on: tuple[str, ...] = ()
    days_from_arrival: int | None = None
    #: "law" or "advice" with a due rule; None without one.
    due_kind: str | None = None

    def as_data(self) -> dict:
        return {
            "key": self.key,
            "phase": self.phase,
            "order": self.order,
            "days_from_arrival": self.days_from_arrival,
            "due_kind": self.due_kind,
            "depends_on": sorted(self.depends_on),
            "rules": sorted((r.as_data() for r in self.rules), key=lambda d: json.dumps(d, sort_keys=True)),
        }


@dataclass(frozen=True)
class RuleBook:
    """All tasks' rule data (no texts). ``version`` identifies it."""

    tasks: tuple[TaskRules, ...]
    version: str = field(default="", compare=False)

    @classmethod
    def of(cls, tasks: Iterable[TaskRules]) -> RuleBook:
        tasks = tuple(sorted(tasks, key=lambda t: t.key))
        return cls(tasks=tasks, version=rules_version(tasks))

    @classmethod
    def from_data(cls, task_dicts: Iterable[dict]) -> RuleBook:
        """From the ``tasks`` list of tasks.yaml (or ``as_data()``): the keys used there."""
        tasks = []
        for t in task_dicts:
            days = t.get("days_from_arrival")
            # A dated task is advice unless the data says law (older snapshots have no kind at all).
            kind = (t.get("due_kind") or "advice") if days is not None else None
            rules = tuple(
                Rule(
                    persons=tuple(r["for"]),
                    **{name: frozenset(r.get(name) or ()) for name in CONDITIONS},
                )
                for r in t["rules"]
            )
            tasks.append(
                TaskRules(
                    key=t["key"],
                    phase=t["phase"],
                    order=int(t.get("order") or 0),
                    rules=rules,
                    depends_on=tuple(t.get("depends_on") or ()),
                    days_from_arrival=days,
                    due_kind=kind,
                )
            )
        return cls.of(tasks)

    def as_data(self) -> list[dict]:
        return [t.as_data() for t in self.tasks]


def rules_version(tasks: Iterable[TaskRules]) -> str:
    """First 12 hex digits of SHA-256 over the canonical JSON of the rule data (never the texts)."""
    data = sorted((t.as_data() for t in tasks), key=lambda d: d["key"])
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Item:
    key: str
    phase: str
    persons: tuple[str, ...]
    depends_on: tuple[str, ...]
    days_from_arrival: int | None
    due: dt.date | None
    #: (field, value) pairs naming the answers that put the item on the list; () = everyone
    #: (``guides.why.explain`` makes the sentence)
    reasons: tuple[tuple[str, str], ...]
    #: the due rule's kind ("law"/"advice"), None without a due rule
    rule_kind: str | None = None

    @property
    def due_kind(self) -> str | None:
        """The kind of ``due``: null when there is no date (DESIGN.md)."""
        return self.rule_kind if self.due is not None else None


def build(book: RuleBook, situation: Situation) -> list[Item]:
    """The ordered checklist for ``situation`` (arrival optional: it only fills in ``due``)."""
    matched: dict[str, tuple[TaskRules, list[Rule]]] = {}
    for task in book.tasks:
        rules = [rule for rule in task.rules if rule.matches(situation)]
        if rules:
            matched[task.key] = (task, rules)

    items: dict[str, Item] = {}
    for key, (task, rules) in matched.items():
        persons = set()
        for rule in rules:
            persons.update(rule.persons)
        if situation.family == "alone" and "household" in persons:
            persons.discard("household")
            persons.add("mover")
        reasons: list[tuple[str, str]] = []
        if not any(rule_has_no_conditions(rule) for rule in rules):
            for rule in rules:
                for reason in rule.reasons(situation):
                    if reason not in reasons:
                        reasons.append(reason)
        due = None
        if situation.arrival is not None and task.days_from_arrival is not None:
            due = situation.arrival + dt.timedelta(days=task.days_from_arrival)
        items[key] = Item(
            key=key,
            phase=task.phase,
            persons=tuple(p for p in PERSONS if p in persons),
            depends_on=tuple(d for d in task.depends_on if d in matched),
            days_from_arrival=task.days_from_arrival,
            due=due,
            reasons=tuple(reasons),
            rule_kind=task.due_kind,
        )
    return topological(items, {k: t for k, (t, _rules) in matched.items()})


def rule_has_no_conditions(rule: Rule) -> bool:
    return not any(getattr(rule, name) for name in CONDITIONS)


def _tie_break(task: TaskRules) -> tuple:
    days = task.days_from_arrival
    return (PHASES.index(task.phase), days is None, days if days is not None else 0, task.order, task.key)


def topological(items: dict[str, Item], tasks: dict[str, TaskRules]) -> list[Item]:
    """graphlib's topological order; among items free to go next the smallest tie-break comes first.

    Raises ``graphlib.CycleError`` (a ``ValueError``) when the dependencies form a cycle.
    """
    sorter = graphlib.TopologicalSorter({key: item.depends_on for key, item in items.items()})
    sorter.prepare()
    ready = [(_tie_break(tasks[key]), key) for key in sorter.get_ready()]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _tie, key = heapq.heappop(ready)
        ordered.append(items[key])
        sorter.done(key)
        for other in sorter.get_ready():
            heapq.heappush(ready, (_tie_break(tasks[other]), other))
    return ordered


# ------------------------------------------------------------------------------------- validation
@dataclass(frozen=True)
class Problem:
    """Something an editor must fix before saving, as data (``guides.forms`` words it).

    ``kind``: "unknown-phase" (``task``), "unknown-dependency" and "later-phase" (``task`` depends
    on ``dependency``), "cycle" (``cycle``: keys, each depending on the next, first = last).
    """

    kind: str
    task: str
    dependency: str | None = None
    cycle: tuple[str, ...] = ()

    def involves(self, key: str) -> bool:
        return key in (self.task, self.dependency) or key in self.cycle


def validate(tasks: Iterable[TaskRules]) -> list[Problem]:
    """Unknown phases, unknown or later-phase dependencies, and a cycle (DESIGN.md, "Order")."""
    tasks = {t.key: t for t in tasks}
    problems = []
    for task in tasks.values():
        if task.phase not in PHASES:
            problems.append(Problem("unknown-phase", task.key))
        for dep in task.depends_on:
            other = tasks.get(dep)
            if other is None:
                problems.append(Problem("unknown-dependency", task.key, dep))
            elif (
                other.phase in PHASES and task.phase in PHASES and PHASES.index(other.phase) > PHASES.index(task.phase)
            ):
                problems.append(Problem("later-phase", task.key, dep))
    cycle = find_cycle({k: [d for d in t.depends_on if d in tasks] for k, t in tasks.items()})
    if cycle:
        problems.append(Problem("cycle", cycle[0], cycle=tuple(cycle)))
    return problems


def find_cycle(graph: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A cycle in ``{key: keys it depends on}`` as keys each depending on the next (first = last), or None."""
    sorter = graphlib.TopologicalSorter({key: sorted(graph[key]) for key in sorted(graph)})
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        return list(reversed(error.args[1]))  # graphlib lists each key before the one depending on it
    return None
