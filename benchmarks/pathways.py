"""Benchmark: route planning latency (quickest route and two alternatives) and picture time.

Run from the project root: python -m benchmarks.pathways
"""

from __future__ import annotations

import tempfile
from itertools import permutations
from pathlib import Path

from benchmarks.measure import peak_memory_mb, summary, timed_ms
from bot.answers.pictures import draw_route
from knowledge.base.loader import load
from knowledge.guidance.paths import Graph


def main() -> None:
    """Print plan latency over every connected pair of roles and the time to draw a route."""
    knowledge = load()
    graph = Graph.of(knowledge)
    pairs = [(a, b) for a, b in permutations(knowledge.roles, 2) if b in graph.reachable_from(a)]
    samples = []
    for _ in range(20):
        for start, goal in pairs:
            samples += timed_ms(lambda s=start, g=goal: graph.plan(s, g), 1)
    timed = [found[0] for a, b in pairs if (found := graph.plan(a, b))]
    longest = max(timed, key=lambda route: len(route.steps))
    print(
        f"plan (quickest + 2 alternatives), {len(pairs)} connected pairs x 20 "
        f"({len(timed)} with timed routes): {summary(samples)}"
    )
    with tempfile.TemporaryDirectory() as scratch:
        pictures = timed_ms(lambda: draw_route(knowledge, longest, Path(scratch)), 20)
    print(f"picture of a {len(longest.steps)}-step route: {summary(pictures)}")
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
