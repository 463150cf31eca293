"""Soak benchmark: two webhook workers (each with its relay) and two relay-only workers on
PostgreSQL, fed 30 updates a second for 10 minutes (`--minutes`) by people asking questions and
filling in the interest form, while the fake Bot API fails 20% of sends (flood control, 500s,
502s, answers lost on the way back), 5% of updates are delivered twice (to both workers), and
every 2 minutes one worker or relay is killed with SIGKILL and started again.

It prints the updates handled once, leads created, cards delivered, duplicates, lost leads
(must be 0), p50/p99 handling time and each process's peak memory. Not part of `make test`.

Run from the project root:
CAREPATH_BENCH_DATABASE_URL=postgresql+asyncpg://... python -m benchmarks.soak [--minutes M]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
import uvicorn
import yaml
from sqlalchemy import func, select

from benchmarks.databases import POSTGRES_VARIABLE, fresh_database
from benchmarks.measure import peak_memory_mb, percentile
from storage.models import InboundUpdate, Lead
from tests.fakes.bot_api import FakeBotApi, message_update

TOKEN = "123456789:AAHsoakBenchmarkTokenOnly_abcdefghijklm"
SECRET = "soak-benchmark-secret"
RATE = 30.0  # updates a second
DUPLICATED = 0.05
CHAOS = 0.2
KILL_EVERY = 120.0
GRACE = 120.0  # after the load ends, for redeliveries of updates a killed worker held
PEOPLE_AT_ONCE = 300  # enough that people waiting on a redelivery never hold the rate down
HUB_CHATS = (
    "nottingham-hub=-1001,north-west-hub=-1002,mid-south-essex-hub=-1003,"
    "tower-hamlets-hub=-1004,national-desk=-1009"
)
PLACES = ["NG7 2RD", "M1 1AA", "SS1 1AA", "E1 6AN", "LS1 4AP"]  # one for each hub's chat
FORM_SHARE = 0.1  # of people, who fill in the whole interest form (each group takes 20 a minute)
QUESTIONS = [
    case["q"]
    for case in yaml.safe_load(
        (Path(__file__).resolve().parents[2] / "shared" / "eval" / "questions.yaml").read_text()
    )
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Workers:
    """The worker processes, started, killed and started again by name."""

    def __init__(self, env: dict[str, str], ports: list[int], logs: Path) -> None:
        self.env, self.ports, self.logs = env, ports, logs
        self.processes: dict[str, subprocess.Popen] = {}
        self.peaks: Counter[str] = Counter()

    def command(self, name: str) -> list[str]:
        if name.startswith("webhook"):
            port = self.ports[int(name[-1])]
            return ["run", "--webhook", "--port", str(port)]
        return ["relay"]

    def start(self, name: str) -> None:
        log = (self.logs / f"{name}.log").open("a")
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *self.command(name)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )

    def note_peak(self, name: str) -> None:
        process = self.processes[name]
        status = Path(f"/proc/{process.pid}/status")
        if process.poll() is None and status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    self.peaks[name] = max(self.peaks[name], int(line.split()[1]) // 1024)

    def kill(self, name: str) -> None:
        self.note_peak(name)
        self.processes[name].send_signal(signal.SIGKILL)
        self.processes[name].wait()

    def stop_all(self) -> None:
        for name, process in self.processes.items():
            self.note_peak(name)
            process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


class Load:
    """People writing to the bot at a steady rate, each person's messages in order."""

    def __init__(self, ports: list[int], minutes: float) -> None:
        self.ports = ports
        self.until = time.monotonic() + minutes * 60
        self.ids = itertools.count(1)
        self.people = itertools.count(10_000)
        self.sent: set[int] = set()
        self.latencies: list[float] = []
        self.acknowledged: set[int] = set()
        self.retries = 0
        self.refusals: Counter[str] = Counter()
        self.random = random.Random(11)
        self.gate = asyncio.Semaphore(0)

    async def ticker(self) -> None:
        while time.monotonic() < self.until:
            self.gate.release()
            await asyncio.sleep(1 / RATE)

    async def person(self, client: httpx.AsyncClient) -> None:
        user = next(self.people)
        if self.random.random() < FORM_SHARE:
            place = PLACES[user % len(PLACES)]
            script = ["/interest", "care worker", "Sam Person", "07911 123456", place,
                      "Part-time", "no", "yes", "yes"]  # fmt: skip
        else:
            script = self.random.sample(QUESTIONS, 3)
        for typed in script:
            try:
                await asyncio.wait_for(self.gate.acquire(), self.until - time.monotonic())
            except TimeoutError:
                return  # the load is over; what was sent is still being delivered
            await self.post(client, user, typed)

    async def post(self, client: httpx.AsyncClient, user: int, typed: str) -> None:
        update_id = next(self.ids)
        update = message_update(update_id, user, typed)
        self.sent.add(update_id)
        targets = list(self.ports)
        self.random.shuffle(targets)
        if self.random.random() < DUPLICATED:  # Telegram delivers it twice, to both workers
            await asyncio.gather(*(self.deliver(client, port, update) for port in targets))
        else:
            await self.deliver(client, targets[0], update, fallback=targets[1])

    async def deliver(
        self, client: httpx.AsyncClient, port: int, update: dict, fallback: int | None = None
    ) -> None:
        """POST until a worker takes it, as Telegram retries a webhook that did not answer,
        waiting as long as a 503's Retry-After asks (an update another worker holds)."""
        for attempt in itertools.count():
            target = port if attempt % 2 == 0 or fallback is None else fallback
            started = time.perf_counter()
            wait = 0.25
            try:
                response = await client.post(
                    f"http://127.0.0.1:{target}/telegram",
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                    timeout=10,
                )
                if response.status_code == 200:
                    self.latencies.append((time.perf_counter() - started) * 1000)
                    self.acknowledged.add(update["update_id"])
                    return
                self.refusals[str(response.status_code)] += 1
                wait = float(response.headers.get("retry-after", wait))
            except httpx.TransportError as error:
                self.refusals[type(error).__name__] += 1
            if time.monotonic() + wait > self.until + GRACE:
                return
            self.retries += 1
            await asyncio.sleep(wait)

    async def run(self) -> None:
        async with httpx.AsyncClient(limits=httpx.Limits(max_connections=200)) as client:
            ticker = asyncio.create_task(self.ticker())
            people: set[asyncio.Task] = set()
            while time.monotonic() < self.until:
                people = {task for task in people if not task.done()}
                while len(people) < PEOPLE_AT_ONCE:
                    people.add(asyncio.create_task(self.person(client)))
                await asyncio.sleep(0.1)
            await ticker
            await asyncio.gather(*people, return_exceptions=True)


async def chaos_monkey(workers: Workers, until: float) -> int:
    """Every KILL_EVERY seconds, SIGKILL the next worker in turn and start it again."""
    names = itertools.cycle(["webhook0", "relay0", "webhook1", "relay1"])
    kills = 0
    while time.monotonic() + KILL_EVERY < until:
        await asyncio.sleep(KILL_EVERY)
        name = next(names)
        workers.kill(name)
        kills += 1
        await asyncio.sleep(2)
        workers.start(name)
    return kills


async def main(minutes: float) -> None:
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        print(f"soak: skipped (set {POSTGRES_VARIABLE} to a PostgreSQL database to drop)")
        return
    database = await fresh_database(url)
    fake = FakeBotApi(chaos=CHAOS)
    api_port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(fake.app, host="127.0.0.1", port=api_port, log_level="critical")
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    ports = [free_port(), free_port()]
    env = {
        **os.environ,
        "CAREPATH_DATABASE_URL": url,
        "CAREPATH_TELEGRAM_TOKEN": TOKEN,
        "CAREPATH_TELEGRAM_BASE_URL": f"http://127.0.0.1:{api_port}",
        "CAREPATH_WEBHOOK_SECRET": SECRET,
        "CAREPATH_HUB_CHATS": HUB_CHATS,
        "CAREPATH_RELAY_LEASE_SECONDS": "20",
    }
    with tempfile.TemporaryDirectory() as logs:
        workers = Workers(env, ports, Path(logs))
        for name in ("webhook0", "webhook1", "relay0", "relay1"):
            workers.start(name)
        await asyncio.sleep(4)
        load = Load(ports, minutes)
        started = time.monotonic()
        kills, _ = await asyncio.gather(chaos_monkey(workers, load.until), load.run())
        elapsed = time.monotonic() - started
        leads, handled = await _counts(database)
        delivered = await _drain(fake, leads, within=300)
        for name in workers.processes:
            workers.note_peak(name)
        workers.stop_all()
        errors = sum(
            (Path(logs) / f"{name}.log").read_text().count("Task was destroyed")
            for name in workers.processes
        )
    server.should_exit = True
    await serving
    await database.close()
    cards = Counter(delivered)
    lost = len(set(leads) - set(cards))
    print(f"soak: {minutes:g} min at {RATE:.0f} updates/s offered, {CHAOS:.0%} Bot API faults,")
    print(f"  {DUPLICATED:.0%} duplicated deliveries, {kills} worker(s) SIGKILLed and restarted")
    print(
        f"updates sent: {len(load.sent)} in {elapsed:.0f} s; acknowledged: "
        f"{len(load.acknowledged)}; handled (done, once each by update_id): {handled}"
    )
    print(f"  updates never handled: {len(load.sent) - handled}")
    print(
        f"  webhook redeliveries: {load.retries} ("
        + ", ".join(f"{why} {n}" for why, n in load.refusals.most_common())
        + ")"
    )
    print(f"leads created: {len(leads)}; cards delivered: {len(cards)}")
    print(
        f"  duplicate cards: {sum(cards.values()) - len(cards)} (ambiguous sends: "
        f"{fake.answers_lost} answers lost on the way back, {kills} kills); lost: {lost}"
    )
    print(f"handling time: p50 {percentile(load.latencies, 0.5):.1f} ms, "
          f"p99 {percentile(load.latencies, 0.99):.1f} ms")  # fmt: skip
    print("peak memory per worker: " + ", ".join(f"{n} {mb} MB" for n, mb in workers.peaks.items()))
    print(f"'Task was destroyed' in worker logs: {errors}")
    print(f"peak memory (load generator): {peak_memory_mb():.0f} MB")


async def _counts(database) -> tuple[list[str], int]:
    async with database.transaction() as session:
        refs = list((await session.execute(select(Lead.ref))).scalars())
        handled = await session.scalar(
            select(func.count()).select_from(InboundUpdate).where(InboundUpdate.status == "done")
        )
    return refs, handled or 0


async def _drain(fake: FakeBotApi, refs: list[str], within: float) -> list[str]:
    """Every lead reference posted in a hub chat, once the relays have caught up."""
    deadline = time.monotonic() + within
    while True:
        cards = [
            params["text"].split()[2]
            for params in fake.sent()
            if int(params.get("chat_id", 0)) < 0 and params.get("text", "").startswith("New lead")
        ]
        if set(refs) <= set(cards) or time.monotonic() > deadline:
            return cards
        await asyncio.sleep(1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    asyncio.run(main(parser.parse_args().minutes))
