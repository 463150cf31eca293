"""Benchmark: load the shipped knowledge base and synthetic ones of growing size, read and
checked afresh, and read back once kept.

Run from the project root: python -m benchmarks.kb_load
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from benchmarks.measure import peak_memory_mb, summary, timed_ms
from benchmarks.synthetic_kb import write
from knowledge.base.loader import DEFAULT_DIR, check, load


def main() -> None:
    """Print load times for the shipped knowledge base and 1,000 / 5,000 / 10,000 entries."""
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["CAREPATH_CACHE_DIR"] = str(Path(scratch) / "cache")
        if any(DEFAULT_DIR.glob("*.yaml")):
            total = sum(load().counts().values())
            afresh = summary(timed_ms(lambda: check(DEFAULT_DIR), 10))
            kept = summary(timed_ms(load, 20))
            print(f"shipped knowledge base ({total} entries): afresh {afresh}; kept {kept}")
        for size in (1_000, 5_000, 10_000):
            directory = write(Path(scratch) / str(size), size)
            samples = timed_ms(lambda d=directory: check(d), 3)
            per_entry = min(samples) / size * 1000
            load(directory)
            kept = summary(timed_ms(lambda d=directory: load(d), 3))
            print(
                f"synthetic {size:>6,} entries: afresh {summary(samples)} "
                f"({per_entry:.0f} µs/entry); kept {kept}"
            )
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
