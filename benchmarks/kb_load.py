"""Benchmark: load the shipped knowledge base and synthetic ones of growing size.

Run from the project root: python -m benchmarks.kb_load
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.measure import peak_memory_mb, summary, timed_ms
from benchmarks.synthetic_kb import write
from knowledge.base.loader import DEFAULT_DIR, load


def main() -> None:
    """Print load times for the shipped knowledge base and 1,000 / 5,000 / 10,000 entries."""
    if any(DEFAULT_DIR.glob("*.yaml")):
        total = sum(load().counts().values())
        print(f"shipped knowledge base ({total} entries): {summary(timed_ms(load, 20))}")
    with tempfile.TemporaryDirectory() as scratch:
        for size in (1_000, 5_000, 10_000):
            directory = write(Path(scratch) / str(size), size)
            samples = timed_ms(lambda d=directory: load(d), 3)
            per_entry = min(samples) / size * 1000
            print(f"synthetic {size:>6,} entries: {summary(samples)} ({per_entry:.0f} µs/entry)")
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
