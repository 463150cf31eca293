"""Benchmark: one `carepath run --webhook` worker in its own process, as deployed, with the
fake Bot API and the load in this process (on the other core), on a fresh SQLite file and on
PostgreSQL when CAREPATH_BENCH_DATABASE_URL is set: updates a second at 20 in flight, and the
worker's peak memory. Unlike benchmarks/telegram.py this worker keeps PTB's AIORateLimiter, as
deployed: it holds replies to Telegram's limit of about 30 messages a second per bot, so this
measures what a person waits when more arrive than Telegram lets a bot answer.

Run from the project root: python -m benchmarks.webhook_process
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import httpx
import uvicorn

from benchmarks.databases import fresh_database, on_each_database_url
from benchmarks.measure import percentile
from benchmarks.soak import SECRET, TOKEN, free_port
from benchmarks.web import worker_peak_mb
from tests.fakes.bot_api import FakeBotApi, message_update

UPDATES, IN_FLIGHT = 1500, 20
QUESTIONS = ("nursing associate pay", "jobs in bolton", "what is the care certificate", "hello")


async def bench(name: str, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        await (await fresh_database(database_url)).close()
    fake = FakeBotApi()
    api_port, port = free_port(), free_port()
    api = uvicorn.Server(uvicorn.Config(fake.app, port=api_port, log_level="critical"))
    serving = asyncio.create_task(api.serve())
    env = {
        **os.environ,
        "CAREPATH_DATABASE_URL": database_url,
        "CAREPATH_TELEGRAM_TOKEN": TOKEN,
        "CAREPATH_TELEGRAM_BASE_URL": f"http://127.0.0.1:{api_port}",
        "CAREPATH_WEBHOOK_SECRET": SECRET,
    }
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run", "--webhook", "--port", str(port)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    took: list[float] = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            while True:
                try:
                    if (await client.get("/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
            gate = asyncio.Semaphore(IN_FLIGHT)

            async def post(number: int) -> None:
                update = message_update(number, 10_000 + number % 300, QUESTIONS[number % 4])
                async with gate:
                    began = time.perf_counter()
                    sent = await client.post(
                        "/telegram",
                        json=update,
                        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                    )
                    took.append((time.perf_counter() - began) * 1000)
                    assert sent.status_code == 200

            started = time.perf_counter()
            await asyncio.gather(*(post(n) for n in range(1, UPDATES + 1)))
            rate = UPDATES / (time.perf_counter() - started)
        peak = worker_peak_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=15)
        api.should_exit = True
        await serving
    print(
        f"{name}: one webhook worker process, {IN_FLIGHT} in flight: {rate:.0f} updates/s; "
        f"p50 {percentile(took, 0.5):.1f} ms, p99 {percentile(took, 0.99):.1f} ms; "
        f"replies sent {len(fake.sent())}; worker peak memory {peak} MB"
    )


if __name__ == "__main__":
    asyncio.run(on_each_database_url(bench))
