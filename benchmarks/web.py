"""Benchmark: 200 simulated web people, five messages each, against one `carepath web` worker
(its own process, on a fresh SQLite file, and on PostgreSQL when CAREPATH_BENCH_DATABASE_URL
is set): messages a second, p50/p99 per message, and the worker's peak memory.

Run from the project root: python -m benchmarks.web
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.databases import fresh_database, on_each_database_url
from benchmarks.measure import percentile
from benchmarks.soak import free_port

PEOPLE, MESSAGES, AT_ONCE = 200, 5, 50
SCRIPT = [
    "how do I become a nurse",
    "what does a care worker earn",
    "apprenticeships in adult care",
    "jobs in nottingham",
    "what is the care certificate",
]


async def person(
    url: str, transport: httpx.AsyncBaseTransport, gate: asyncio.Semaphore, took: list[float]
) -> None:
    """One visitor with their own cookie jar (over one shared pool): the page, five messages."""
    client = httpx.AsyncClient(base_url=url, timeout=30, transport=transport)
    async with gate:
        page = await client.get("/")
        token = re.search(r'name="csrf-token" content="([^"]+)"', page.text)[1]
        for typed in SCRIPT[:MESSAGES]:
            started = time.perf_counter()
            sent = await client.post("/send", json={"text": typed}, headers={"X-CSRF-Token": token})
            took.append((time.perf_counter() - started) * 1000)
            assert sent.status_code == 200, sent.text


async def load(url: str) -> tuple[float, list[float]]:
    took: list[float] = []
    gate = asyncio.Semaphore(AT_ONCE)
    async with httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=AT_ONCE)) as shared:
        started = time.perf_counter()
        await asyncio.gather(*(person(url, shared, gate, took) for _ in range(PEOPLE)))
        return len(took) / (time.perf_counter() - started), took


def worker_peak_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


async def bench(name: str, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        database = await fresh_database(database_url)
        await database.close()
    port = free_port()
    env = {
        **os.environ,
        "CAREPATH_DATABASE_URL": database_url,
        "CAREPATH_WEB_SECRET": "bench",
        # every simulated person comes from 127.0.0.1: the per-address limit is not measured
        "CAREPATH_WEB_MESSAGES_PER_ADDRESS_PER_MINUTE": "1000000",
    }
    log_path = Path(tempfile.mkdtemp()) / f"web-worker-{name}.log"
    log = log_path.open("wb")
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "web", "--port", str(port)],
        env=env,
        stderr=log,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient() as probe:
            for _ in range(300):
                try:
                    if (await probe.get(f"{url}/health")).status_code == 200:
                        break
                except httpx.TransportError:
                    await asyncio.sleep(0.1)
        rate, took = await load(url)
        peak = worker_peak_mb(worker.pid)
    finally:
        worker.terminate()
        worker.wait(timeout=15)
        log.close()
        logged = log_path.read_text(errors="replace")
        if logged.strip():  # the worker's own account of anything that went wrong
            print(f"{name}: the worker logged (kept in {log_path}):\n{logged[-3000:]}")
    print(
        f"{name}: {PEOPLE} people x {MESSAGES} messages, {AT_ONCE} at once: {rate:.0f} "
        f"messages/s; per message p50 {percentile(took, 0.5):.1f} ms, "
        f"p99 {percentile(took, 0.99):.1f} ms; worker peak memory {peak} MB"
    )


if __name__ == "__main__":
    asyncio.run(on_each_database_url(bench))
