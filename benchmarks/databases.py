"""The databases a benchmark runs on: a scratch SQLite file, and PostgreSQL when configured."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from benchmarks.measure import peak_memory_mb
from bot.engine import Engine
from bot.flows.answer import Answerer
from knowledge.base.loader import load
from storage.database import Database
from storage.migrate import rebuild, upgrade

POSTGRES_VARIABLE = "CAREPATH_BENCH_DATABASE_URL"


async def fresh_database(url: str) -> Database:
    """A database migrated from empty (PostgreSQL tables are dropped first)."""
    await (upgrade(url) if url.startswith("sqlite") else rebuild(url))
    return Database(url, **({} if url.startswith("sqlite") else {"pool_size": 10}))


async def on_each_database(bench: Callable[[str, Engine], Awaitable[str]]) -> None:
    """Print `bench(name, engine)` for an engine over the shipped knowledge base on a fresh
    SQLite file, then on PostgreSQL if CAREPATH_BENCH_DATABASE_URL names one (its tables are
    dropped and re-created); then the peak memory."""
    knowledge = load()
    answerer = Answerer(knowledge)

    async def run(name: str, url: str) -> None:
        database = await fresh_database(url)
        try:
            print(f"{name}: {await bench(name, Engine(knowledge, database, answerer=answerer))}")
        finally:
            await database.close()

    await on_each_database_url(run, memory_of="")


async def on_each_database_url(
    bench: Callable[[str, str], Awaitable[None]], memory_of: str = " (load generator)"
) -> None:
    """Run `bench(name, url)` on a fresh SQLite file, then on PostgreSQL if
    CAREPATH_BENCH_DATABASE_URL names one; then print this process's peak memory."""
    with tempfile.TemporaryDirectory() as scratch:
        await bench("SQLite", f"sqlite+aiosqlite:///{Path(scratch) / 'bench.db'}")
    postgres = os.environ.get(POSTGRES_VARIABLE)
    if postgres:
        await bench("PostgreSQL", postgres)
    else:
        print(f"PostgreSQL: skipped (set {POSTGRES_VARIABLE})")
    print(f"peak memory{memory_of}: {peak_memory_mb():.0f} MB")
