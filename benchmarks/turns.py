"""Benchmark: engine turns per second through storage (load state, answer, save), and complete
interest forms per second, on SQLite and on PostgreSQL.

Run from the project root: python -m benchmarks.turns
PostgreSQL is used when CAREPATH_BENCH_DATABASE_URL is set; its tables are dropped and
re-created.
"""

from __future__ import annotations

import asyncio
import time

from benchmarks.databases import on_each_database
from bot.engine import Engine
from bot.incoming import Incoming

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


async def _bench(name: str, engine: Engine) -> str:
    turns = await _turns(engine)
    forms = await _forms(engine)
    return (
        f"{turns:.0f} turns/s ({PEOPLE} people at once, {PEOPLE * TURNS_EACH} turns); "
        f"{forms:.1f} complete forms/s ({FORMS} forms of 9 turns)"
    )


if __name__ == "__main__":
    asyncio.run(on_each_database(_bench))
