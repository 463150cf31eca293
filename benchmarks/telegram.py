"""Benchmark: Telegram updates end to end (fake Bot API -> PTB -> engine -> database ->
sendMessage), in polling and webhook mode, on SQLite and PostgreSQL; and p99 latency per
update when 30 updates a second are offered to one webhook worker.

Run from the project root: python -m benchmarks.telegram [--profile]
PostgreSQL is used when CAREPATH_BENCH_DATABASE_URL is set (its tables are re-created).
With --profile, the webhook burst runs under cProfile and the top entries are printed too.
"""

from __future__ import annotations

import asyncio
import cProfile
import sys
import time

import httpx

from benchmarks.databases import on_each_database
from benchmarks.measure import percentile, profile_top
from bot.channels.telegram import build_application
from bot.channels.telegram_webhook import SECRET_HEADER, webhook_app
from bot.engine import Engine
from tests.fakes.bot_api import FakeBotApi, message_update, request_to

TOKEN = "123456789:AAHbenchmarkTokenOnly_abcdefghijklmnop"
QUESTIONS = ("nursing associate pay", "jobs in bolton", "what is the care certificate", "hello")
UPDATES = 600
SECRET = "bench"
PROFILE = "--profile" in sys.argv


def _application(fake: FakeBotApi, engine: Engine):
    return build_application(
        token=TOKEN,
        engine=engine,
        base_url="http://fake",
        request=request_to(fake),
        updates_request=request_to(fake),
        rate_limit=False,
    )


def _updates(start: int, count: int) -> list[dict]:
    return [
        message_update(start + n, 10_000 + n % 200, QUESTIONS[n % len(QUESTIONS)])
        for n in range(count)
    ]


async def _polling(engine: Engine) -> float:
    fake = FakeBotApi()
    application = _application(fake, engine)
    fake.updates.extend(_updates(1, UPDATES))
    async with application:
        await application.start()
        started = time.perf_counter()
        await application.updater.start_polling(poll_interval=0)
        while len(fake.sent()) < UPDATES:
            await asyncio.sleep(0.005)
        elapsed = time.perf_counter() - started
        await application.updater.stop()
        await application.stop()
    return UPDATES / elapsed


async def _webhook(engine: Engine, *, start_id: int) -> tuple[float, list[float]]:
    fake = FakeBotApi()
    application = _application(fake, engine)
    async with application:
        app = webhook_app(application, engine.database, SECRET)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://worker"
        ) as client:

            async def post(update: dict) -> float:
                began = time.perf_counter()
                response = await client.post(
                    "/telegram", json=update, headers={SECRET_HEADER: SECRET}
                )
                assert response.status_code == 200
                return (time.perf_counter() - began) * 1000

            burst = _updates(start_id, UPDATES)
            profile = cProfile.Profile() if PROFILE else None
            started = time.perf_counter()
            if profile:
                profile.enable()
            for batch in range(0, UPDATES, 20):
                await asyncio.gather(*(post(u) for u in burst[batch : batch + 20]))
            rate = UPDATES / (time.perf_counter() - started)
            if profile:
                profile.disable()
                print(f"profile of {UPDATES} webhook updates (own time, top 15):")
                print(profile_top(profile))

            paced, tasks = _updates(start_id + UPDATES, 300), []
            for update in paced:  # 30 a second, as Telegram's limit for one bot
                tasks.append(asyncio.create_task(post(update)))
                await asyncio.sleep(1 / 30)
            latencies = await asyncio.gather(*tasks)
    return rate, list(latencies)


async def _bench(name: str, engine: Engine) -> str:
    polling = await _polling(engine)
    webhook, latencies = await _webhook(engine, start_id=1_000_000)
    return (
        f"polling {polling:.0f} updates/s; webhook {webhook:.0f} updates/s; "
        f"at 30 updates/s offered: p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p99 {percentile(latencies, 0.99):.1f} ms"
    )


if __name__ == "__main__":
    asyncio.run(on_each_database(_bench))
