"""Benchmark: engine turns per second through storage (load state, answer, save), and complete
interest forms per second, on SQLite and on PostgreSQL.

Run from the project root: python -m benchmarks.turns
PostgreSQL is used when CAREPATH_BENCH_DATABASE_URL is set; its tables are dropped and
re-created.
"""

from __future__ import annotations

import asyncio
import time

from benchmarks.databases import fresh_database, on_each_database
from benchmarks.measure import peak_memory_mb
from bot.engine import Engine
from bot.flows.answer import Answerer
from bot.incoming import Incoming
from knowledge.loader import load

QUESTIONS = (
    "nursing associate pay",
    "how do i become a social worker",
    "jobs in bolton",
    "what is the care certificate",
    "helthcare suport worker",
    "hello",
)
FORM = ("/interest", "care worker", "Sam Jones", "07911 123456", "NG7 2RD")
FORM_BUTTONS = ("form:hours:part", "form:drives:yes", "form:confirm", "form:consent:yes")
PEOPLE = 20  # talking at once, as Telegram updates arrive
TURNS_EACH = 50
FORMS = 100


async def _turns(engine: Engine) -> float:
    async def person(number: int) -> None:
        for turn in range(TURNS_EACH):
            text = QUESTIONS[(number + turn) % len(QUESTIONS)]
            await engine.handle(Incoming(f"bench:{number}", text=text))

    started = time.perf_counter()
    await asyncio.gather(*(person(n) for n in range(PEOPLE)))
    return PEOPLE * TURNS_EACH / (time.perf_counter() - started)


async def _forms(engine: Engine) -> float:
    async def person(number: int) -> None:
        ref = f"form:{number}"
        for line in FORM:
            await engine.handle(Incoming(ref, text=line))
        for payload in FORM_BUTTONS:
            await engine.handle(Incoming(ref, button=payload))

    started = time.perf_counter()
    for batch in range(0, FORMS, PEOPLE):
        await asyncio.gather(*(person(n) for n in range(batch, batch + PEOPLE)))
    return FORMS / (time.perf_counter() - started)


async def _bench(name: str, url: str, knowledge: object, answerer: Answerer) -> None:
    database = await fresh_database(url)
    engine = Engine(knowledge, database, answerer=answerer)
    turns = await _turns(engine)
    forms = await _forms(engine)
    await database.close()
    print(
        f"{name}: {turns:.0f} turns/s ({PEOPLE} people at once, {PEOPLE * TURNS_EACH} turns); "
        f"{forms:.1f} complete forms/s ({FORMS} forms of 9 turns)"
    )


async def main() -> None:
    """Print the figures on SQLite and (when configured) PostgreSQL."""
    knowledge = load()
    answerer = Answerer(knowledge)
    await on_each_database(lambda name, url: _bench(name, url, knowledge, answerer))
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
