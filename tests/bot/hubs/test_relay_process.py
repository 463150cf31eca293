"""A relay process killed with SIGKILL mid-delivery, then restarted: every lead arrives."""

import asyncio
import os
import signal
import socket
import subprocess
import sys
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


async def test_sigkill_mid_delivery_loses_nothing(sqlite_database):
    leads = await add_leads(sqlite_database, 10)
    fake = FakeBotApi(delay=0.15)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    env = {
        **os.environ,
        "CAREPATH_DATABASE_URL": sqlite_database.url,
        "CAREPATH_TELEGRAM_TOKEN": TOKEN,
        "CAREPATH_TELEGRAM_BASE_URL": f"http://127.0.0.1:{port}",
        "CAREPATH_HUB_CHATS": "nottingham-hub=-1001,national-desk=-1009",
        "CAREPATH_RELAY_LEASE_SECONDS": "1",
    }
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
        for _ in range(1000):
            refs = {p["text"].split()[2] for p in fake.sent()}
            if refs >= {lead.ref for lead in leads}:
                break
            await asyncio.sleep(0.02)
        relay.send_signal(signal.SIGKILL)
        relay.wait()
    finally:
        server.should_exit = True
        await serving
    counts = Counter(p["text"].split()[2] for p in fake.sent())
    assert set(counts) == {lead.ref for lead in leads}  # none lost
    assert sum(counts.values()) - len(counts) <= 1  # at most the one in flight, twice
