"""`carepath hubs route` and `carepath leads pending`: routing and delivery, from the shell."""

from __future__ import annotations

import asyncio
import sys

from bot.hubs.routing import route
from bot.process.config import Settings
from bot.process.wiring import load_knowledge
from knowledge.base.problems import KnowledgeError
from knowledge.understanding.nations import nation_named
from storage.database import Database
from storage.outbox import pending, requeue


def run_route(place: str, role: str | None) -> int:
    """Print the hub for a postcode or town (and role), and why."""
    try:
        knowledge = load_knowledge(Settings())
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    if role and role not in knowledge.roles:
        print(f"no role with id {role!r}", file=sys.stderr)
        return 1
    named = nation_named(knowledge, place)
    if named is not None:
        nation, where = named
        print(f"outside England: {where} is in {nation.name}; CarePath routes no lead there")
        return 1
    coverage = route(knowledge, place, [f"role:{role}"] if role else [])
    print(f"{coverage.hub.id}: {coverage.hub.name}\nwhy: {coverage.reason}")
    return 0


def run_pending() -> int:
    """List the messages waiting in the outbox (leads taken while the bot was not running)."""
    settings = Settings()

    async def fetch() -> list:
        database = Database(settings.resolved_database_url())
        try:
            async with database.transaction() as session:
                return await pending(session)
        finally:
            await database.close()

    rows = asyncio.run(fetch())
    for row in rows:
        print(
            f"{row.id}\t{row.kind}\t{row.hub_id or '-'}\t{row.status}\t"
            f"attempts {row.attempts}\tsince {row.created_at:%Y-%m-%d %H:%M}"
        )
    print(f"{len(rows)} message(s) waiting; `carepath run` delivers them.")
    return 0


def run_requeue(status: str) -> int:
    """Put parked (or dead-letter) messages back in the queue."""
    settings = Settings()

    async def work() -> int:
        database = Database(settings.resolved_database_url())
        try:
            async with database.transaction() as session:
                return await requeue(session, status=status)
        finally:
            await database.close()

    count = asyncio.run(work())
    print(f"{count} {status} message(s) queued again; a running relay delivers them.")
    return 0
