"""A relay process killed with SIGKILL, or stopped with SIGTERM, mid-delivery, then restarted:
every lead arrives (exactly once after SIGTERM)."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter

import uvicorn

from tests.bot.hubs.test_relay import add_leads
from tests.fakes.bot_api import FakeBotApi

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklm"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_relay(env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "relay"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


async def serve_fake(fake: FakeBotApi) -> tuple[uvicorn.Server, asyncio.Task, int]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    return server, serving, port


def relay_env(database, port: int, lease_seconds: str) -> dict:
    return {
        **os.environ,
        "CAREPATH_DATABASE_URL": database.url,
        "CAREPATH_TELEGRAM_TOKEN": TOKEN,
        "CAREPATH_TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}",
        "CAREPATH_HUB_CHATS": "nottingham-hub=-1001,national-desk=-1009",
        "CAREPATH_RELAY_LEASE_SECONDS": lease_seconds,
    }


async def exit_code(process: subprocess.Popen, within: float = 10.0) -> int | None:
    """Wait for a process without blocking the loop the fake Bot API server runs on."""
    deadline = time.monotonic() + within
    while process.poll() is None and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    return process.poll()


async def wait_for_refs(fake: FakeBotApi, refs: set[str]) -> None:
    for _ in range(1000):
        if {p["text"].split()[2] for p in fake.sent()} >= refs:
            return
        await asyncio.sleep(0.02)


async def test_sigkill_mid_delivery_loses_nothing(sqlite_database):
    leads = await add_leads(sqlite_database, 10)
    fake = FakeBotApi(delay=0.15)
    server, serving, port = await serve_fake(fake)
    env = relay_env(sqlite_database, port, "1")
    try:
        relay = start_relay(env)
        while len(fake.sent()) < 3:
            await asyncio.sleep(0.02)
            assert relay.poll() is None, relay.stderr.read().decode()[-2000:]
        relay.send_signal(signal.SIGKILL)  # mid-delivery: a send is under way
        relay.wait()
        killed_at = len(fake.sent())
        assert killed_at < 10
        await asyncio.sleep(0.3)  # the interrupted send lands on the server
        relay = start_relay(env)
        await wait_for_refs(fake, {lead.ref for lead in leads})
        relay.send_signal(signal.SIGKILL)
        relay.wait()
    finally:
        server.should_exit = True
        await serving
    counts = Counter(p["text"].split()[2] for p in fake.sent())
    assert set(counts) == {lead.ref for lead in leads}  # none lost
    assert sum(counts.values()) - len(counts) <= 1  # at most the one in flight, twice


async def test_sigterm_mid_delivery_stops_cleanly_and_each_card_goes_once(sqlite_database):
    leads = await add_leads(sqlite_database, 10)
    fake = FakeBotApi(delay=0.15)
    server, serving, port = await serve_fake(fake)
    env = relay_env(sqlite_database, port, "600")  # a lease left behind would hold for 10 min
    try:
        relay = start_relay(env)
        while len(fake.sent()) < 3:
            await asyncio.sleep(0.02)
            assert relay.poll() is None, relay.stderr.read().decode()[-2000:]
        relay.send_signal(signal.SIGTERM)  # mid-delivery: a send is under way
        started = time.monotonic()
        assert await exit_code(relay) == 0
        assert time.monotonic() - started < 10
        log = relay.stderr.read().decode()
        assert "Task was destroyed" not in log and "Traceback" not in log, log[-2000:]
        assert "ERROR" not in log, log[-2000:]
        assert len(fake.sent()) < 10
        relay = start_relay(env)  # the released cards go at once, not after the lease
        await wait_for_refs(fake, {lead.ref for lead in leads})
        relay.send_signal(signal.SIGTERM)
        assert await exit_code(relay) == 0
    finally:
        server.should_exit = True
        await serving
    counts = Counter(p["text"].split()[2] for p in fake.sent())
    assert set(counts) == {lead.ref for lead in leads}
    assert all(count == 1 for count in counts.values()), counts


async def test_a_relay_worker_serves_its_metrics_on_a_port(sqlite_database):
    import httpx

    await add_leads(sqlite_database, 3)
    fake = FakeBotApi()
    server, serving, port = await serve_fake(fake)
    metrics_port = free_port()
    env = relay_env(sqlite_database, port, "60")
    try:
        relay = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "relay", "--metrics-port", str(metrics_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        scraped = ""
        async with httpx.AsyncClient() as client:
            for _ in range(300):
                assert relay.poll() is None, relay.stderr.read().decode()[-2000:]
                try:
                    scraped = (await client.get(f"http://127.0.0.1:{metrics_port}/")).text
                except httpx.TransportError:
                    scraped = ""
                if 'result="sent"} 3.0' in scraped:
                    break
                await asyncio.sleep(0.05)
        relay.send_signal(signal.SIGTERM)
        assert await exit_code(relay) == 0
    finally:
        server.should_exit = True
        await serving
    assert 'carepath_deliveries_total{kind="lead_card",result="sent"} 3.0' in scraped, scraped[
        -1500:
    ]
    assert "carepath_outbox_waiting" in scraped
