"""The progression graph (roles joined by pathway steps) and route planning over it."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from knowledge.base.entries import Knowledge
from knowledge.base.schema import Step


@dataclass(frozen=True)
class Route:
    """A way from one role to another: the steps, in order, and their typical total length."""

    steps: tuple[Step, ...]

    @property
    def months(self) -> int:
        """The typical time of all steps together."""
        return sum(step.months for step in self.steps)

    @property
    def roles(self) -> tuple[str, ...]:
        """Every role on the route, start first."""
        return (self.steps[0].from_role, *(step.to_role for step in self.steps))

    @property
    def earning_throughout(self) -> bool:
        """True when every step can be done while earning (apprenticeships, paid training)."""
        return all(step.earning for step in self.steps)


class Graph:
    """Roles as nodes; each pathway step an edge that carries how and how long. A role's
    `leads_to` is an onward edge too, untimed: it can be chosen, and its route is how to get in."""

    def __init__(
        self, steps: Iterable[Step], onward: Mapping[str, Iterable[str]] | None = None
    ) -> None:
        self.edges: dict[str, dict[str, Step]] = defaultdict(dict)
        for step in steps:
            known = self.edges[step.from_role].get(step.to_role)
            if known is None or step.months < known.months:
                self.edges[step.from_role][step.to_role] = step
        self.onward: dict[str, set[str]] = defaultdict(set)
        for role_id, targets in (onward or {}).items():
            self.onward[role_id].update(targets)
        for role_id, steps_from in self.edges.items():
            self.onward[role_id].update(steps_from)

    @classmethod
    def of(cls, knowledge: Knowledge) -> Graph:
        """The graph made by every step of every pathway, and every role's `leads_to`."""
        return cls(
            (step for pathway in knowledge.pathways.values() for step in pathway.steps),
            {role.id: role.leads_to for role in knowledge.roles.values() if role.leads_to},
        )

    @property
    def starts(self) -> set[str]:
        """Every role with somewhere to go."""
        return {role_id for role_id, targets in self.onward.items() if targets}

    def reachable_from(self, start: str) -> set[str]:
        """Every role that some route or onward step from `start` reaches."""
        seen, stack = {start}, [start]
        while stack:
            for target in self.onward.get(stack.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen - {start}

    def plan(self, start: str, goal: str, alternatives: int = 2) -> list[Route]:
        """The quickest route by typical time and up to `alternatives` more (Yen's algorithm)."""
        first = self._quickest(start, goal, banned_edges=set(), banned_nodes=set())
        if first is None:
            return []
        found: list[list[str]] = [first]
        candidates: list[tuple[int, list[str]]] = []
        while len(found) <= alternatives:
            previous = found[-1]
            for index in range(len(previous) - 1):
                root = previous[: index + 1]
                banned_edges = {
                    (path[index], path[index + 1])
                    for path in found
                    if len(path) > index + 1 and path[: index + 1] == root
                }
                spur = self._quickest(root[-1], goal, banned_edges, set(root[:-1]))
                if spur is not None:
                    path = root[:-1] + spur
                    if path not in found and all(path != c for _, c in candidates):
                        heapq.heappush(candidates, (self._months(path), path))
            if not candidates:
                break
            found.append(heapq.heappop(candidates)[1])
        return [self._route(path) for path in found]

    def _quickest(
        self, start: str, goal: str, banned_edges: set[tuple[str, str]], banned_nodes: set[str]
    ) -> list[str] | None:
        queue: list[tuple[int, list[str]]] = [(0, [start])]
        settled: set[str] = set()
        while queue:
            months, path = heapq.heappop(queue)
            node = path[-1]
            if node == goal:
                return path
            if node in settled:
                continue
            settled.add(node)
            for target, step in sorted(self.edges.get(node, {}).items()):
                if target in banned_nodes or (node, target) in banned_edges or target in path:
                    continue
                heapq.heappush(queue, (months + step.months, [*path, target]))
        return None

    def _months(self, path: list[str]) -> int:
        return sum(self.edges[a][b].months for a, b in pairwise(path))

    def _route(self, path: list[str]) -> Route:
        return Route(tuple(self.edges[a][b] for a, b in pairwise(path)))
