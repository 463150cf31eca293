"""Timing and memory figures shared by the benchmark scripts."""

from __future__ import annotations

import cProfile
import io
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml


def peak_memory_mb() -> float:
    """The process's peak resident memory so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_ms(action: Callable[[], object], repeat: int) -> list[float]:
    """Run `action` `repeat` times and return each run's milliseconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    """The value below which `fraction` of the samples fall."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary(samples: list[float]) -> str:
    """'median 1.2 ms, p99 3.4 ms' for a list of milliseconds."""
    return f"median {statistics.median(samples):.2f} ms, p99 {percentile(samples, 0.99):.2f} ms"


def profile_top(profile: cProfile.Profile, count: int = 15) -> str:
    """The `count` functions that took the most time of their own, as pstats prints them."""
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs().sort_stats("tottime").print_stats(count)
    lines = out.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    return "\n".join(line for line in lines[start:] if line.strip())


def timed_ms_each(action: Callable[[str], object], inputs: list[str]) -> list[float]:
    """Milliseconds of `action` on each input, one sample an input."""
    samples = []
    for item in inputs:
        samples += timed_ms(lambda item=item: action(item), 1)
    return samples


def cold_ask_ms(question: str, runs: int = 5) -> list[float]:
    """Milliseconds of whole `carepath ask QUESTION` processes, from start to exit."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "ask", question],
            check=True,
            capture_output=True,
        )
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def questions_in(paths: Iterable[Path]) -> list[str]:
    """The questions (`q`) of every evaluation file that exists among `paths`."""
    found = []
    for path in paths:
        if path.exists():
            found += [case["q"] for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return found
