"""The databases a benchmark runs on: a scratch SQLite file, and PostgreSQL when configured."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from storage.database import Database
from storage.migrate import rebuild, upgrade

POSTGRES_VARIABLE = "CAREPATH_BENCH_DATABASE_URL"


async def fresh_database(url: str) -> Database:
    """A database migrated from empty (PostgreSQL tables are dropped first)."""
    await (upgrade(url) if url.startswith("sqlite") else rebuild(url))
    return Database(url, **({} if url.startswith("sqlite") else {"pool_size": 10}))


async def on_each_database(bench: Callable[[str, str], Awaitable[None]]) -> None:
    """Run `bench(name, url)` on SQLite, then on PostgreSQL if CAREPATH_BENCH_DATABASE_URL
    names one (its tables are dropped and re-created)."""
    with tempfile.TemporaryDirectory() as scratch:
        await bench("SQLite", f"sqlite+aiosqlite:///{Path(scratch) / 'bench.db'}")
    postgres = os.environ.get(POSTGRES_VARIABLE)
    if postgres:
        await bench("PostgreSQL", postgres)
    else:
        print(f"PostgreSQL: skipped (set {POSTGRES_VARIABLE})")
