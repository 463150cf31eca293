"""Benchmark: 1,000 leads through two relays with 30% of sends failing in mixed, transient
ways (429 flood control, 500, 502, answers lost on the way back): all delivered, time to
drain, duplicate cards. Group pacing is off here: it would hold one hub to 20 cards a minute.

Run from the project root: python -m benchmarks.relay
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections import Counter
from pathlib import Path

from telegram import Bot

from benchmarks.databases import fresh_database
from benchmarks.measure import peak_memory_mb
from bot.channels.telegram_relay import TelegramHubChannel
from bot.hubs.relay import Relay
from knowledge.base.loader import load
from storage.leads import create_lead
from storage.models import utcnow
from storage.people import person_for_turn
from tests.fakes.bot_api import FakeBotApi, request_to

TOKEN = "123456789:AAHbenchmarkTokenOnly_abcdefghijklmnop"
LEADS = 1000
HUBS = ("nottingham-hub", "north-west-hub", "mid-south-essex-hub", "tower-hamlets-hub")
CHATS = {hub: -1000 - n for n, hub in enumerate((*HUBS, "national-desk"))}


async def main() -> None:
    """Print the time to drain 1,000 leads through failures, and the duplicates."""
    knowledge = load()
    fake = FakeBotApi(chaos=0.3)
    with tempfile.TemporaryDirectory() as scratch:
        database = await fresh_database(f"sqlite+aiosqlite:///{Path(scratch) / 'relay.db'}")
        async with database.transaction() as session:
            for number in range(LEADS):
                person = await person_for_turn(
                    session, channel="bench", channel_user_id=str(number)
                )
                await create_lead(
                    session,
                    person_id=person.id,
                    name=f"Person {number}",
                    phone="+447911123456",
                    interests=["role:care-worker"],
                    hub_id=HUBS[number % len(HUBS)],
                    hub_reason="bench",
                    consent_version="v1",
                    consent_at=utcnow(),
                )
        relays = []
        for worker in ("a", "b"):
            bot = Bot(TOKEN, base_url="http://fake/bot", request=request_to(fake))
            await bot.initialize()
            relays.append(
                Relay(
                    knowledge=knowledge,
                    database=database,
                    channel=TelegramHubChannel(bot),
                    hub_chats=CHATS,
                    admin_chat=None,
                    worker=worker,
                    per_chat_minute=None,
                )
            )
        started = time.perf_counter()
        tasks = [asyncio.create_task(relay.run_forever(idle=0.05)) for relay in relays]
        while len({p["text"].split()[2] for p in fake.sent()}) < LEADS:
            await asyncio.sleep(0.05)
        drained = time.perf_counter() - started
        for task in tasks:
            task.cancel()
        await database.close()
    counts = Counter(p["text"].split()[2] for p in fake.sent())
    failed = sum(1 for call in fake.calls if call.method.endswith("!failed"))
    lost = sum(counts.values()) - len(counts)
    print(
        f"{LEADS} leads, 2 relays, {fake.chaos:.0%} of sends failing: {failed} refused "
        f"(429/500/502) and {fake.answers_lost} answers lost; all {len(counts)} delivered "
        f"in {drained:.1f} s; {lost} duplicate card(s), never more than answers lost"
    )
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
