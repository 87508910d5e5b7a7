"""Sets of case states derived from the workflow table (`cases.workflow.STEPS`), never typed twice.

The transition graph is acyclic (a test checks it), so a case enters each state at most once: counting
Transition rows per `to_state` counts cases (rows of steps that keep the state, `Step.target` None, have
`from_state == to_state` and are left out). `passed_through(state)` is the set of current states that
prove a case went through `state` (every path from `received` to them passes `state`), so "how many cases
ever entered S" is the count of cases now in `passed_through(S)` plus, for the few cases now in
`maybe_passed_through(S)`, a look at their transition rows.
"""

from __future__ import annotations

from collections import deque
from functools import cache

from netral.cases.workflow import STEPS, State

START = State.RECEIVED


def edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for step in STEPS:
        if step.target is None:  # a step that keeps the state (e.g. an extension)
            continue
        for source in step.sources:
            graph.setdefault(source, set()).add(step.target)
            graph.setdefault(step.target, set())
    return graph


def all_states() -> set[str]:
    return set(edges())


def _reachable(graph: dict[str, set[str]], start: str, removed: str | None = None) -> set[str]:
    if start == removed:
        return set()
    seen = {start}
    queue = deque([start])
    while queue:
        for target in graph.get(queue.popleft(), ()):
            if target != removed and target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def is_acyclic() -> bool:
    graph = edges()
    return not any(
        source in _reachable(graph, target) for source, targets in graph.items() for target in targets
    )


@cache
def passed_through(state: str) -> frozenset[str]:
    """The states whose cases certainly went through `state` (`state` itself included)."""
    graph = edges()
    reachable = _reachable(graph, START)
    without = _reachable(graph, START, removed=state)
    return frozenset(reachable - without)


@cache
def maybe_passed_through(state: str) -> frozenset[str]:
    """States reachable from `state` whose cases may or may not have gone through it (the transition rows
    tell); a case in any other state did not go through `state` (the graph is acyclic)."""
    return frozenset(_reachable(edges(), state) - passed_through(state))


def terminal_states() -> frozenset[str]:
    """States no rule leaves."""
    graph = edges()
    return frozenset(state for state, targets in graph.items() if not targets)


# Cases no one has to act on any more: the terminal states, and a sanctioned case or one whose ASN left
# the service (the system may still take `unblock` on them).
CLOSED_STATES: frozenset[str] = terminal_states() | {State.SANCTIONED, State.LEFT_SERVICE}
# A recommendation the PPK has not executed past its deadline (the state says so by itself).
PPK_OVERDUE_STATES: frozenset[str] = frozenset({State.PPK_OVERDUE, State.WARNED, State.BLOCKED})
# A recommendation the PPK executed (by a decree or because the ASN left the service).
EXECUTED_STATES: frozenset[str] = frozenset({State.SANCTIONED, State.LEFT_SERVICE, State.UNBLOCKED})
