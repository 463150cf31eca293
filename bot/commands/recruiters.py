"""`carepath recruiters add|password|remove|list`: who may sign in to a hub's lead board.

Each recruiter has their own password (a scrypt hash in the database), chosen over a sign-in
link because a link needs an email service or the hub's Telegram group, and the board is for
recruiters outside that group. Removing one recruiter changes nobody else's sign-in."""

from __future__ import annotations

import asyncio
import sys

from bot.hubs.passwords import hash_password, new_password
from bot.process.config import Settings
from bot.process.wiring import load_knowledge, open_database
from knowledge.base.problems import KnowledgeError
from storage.recruiters import (
    add_recruiter,
    find_recruiter,
    recruiters,
    remove_recruiter,
    set_password,
)


def run_recruiters(action: str, hub_id: str | None, name: str | None) -> int:
    """Carry out one recruiters command and print what changed."""
    settings = Settings()
    try:
        knowledge = load_knowledge(settings)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    if hub_id is not None and hub_id not in knowledge.hubs:
        print(
            f"no hub with id {hub_id!r}; the hubs are: {', '.join(knowledge.hubs)}", file=sys.stderr
        )
        return 1
    return asyncio.run(_run(settings, action, hub_id, (name or "").strip()))


async def _run(settings: Settings, action: str, hub_id: str | None, name: str) -> int:
    database = await open_database(settings)
    try:
        async with database.transaction() as session:
            if action == "list":
                for recruiter in await recruiters(session, hub_id=hub_id):
                    since = f"{recruiter.created_at:%d %b %Y}"
                    print(f"{recruiter.hub_id}: {recruiter.name} (since {since})")
                return 0
            assert hub_id is not None
            if not 2 <= len(name) <= 60:
                print("Give the recruiter's name, 2 to 60 characters.", file=sys.stderr)
                return 1
            found = await find_recruiter(session, hub_id=hub_id, name=name)
            if action == "add" and found is not None:
                print(
                    f"{name} can already sign in to {hub_id}; use `password` for a new one.",
                    file=sys.stderr,
                )
                return 1
            if action != "add" and found is None:
                print(f"{hub_id} has no recruiter called {name!r}.", file=sys.stderr)
                return 1
            if action == "remove":
                await remove_recruiter(session, recruiter=found)
                print(f"{name} can no longer sign in to {hub_id}; their sign-ins have ended.")
                return 0
            password = new_password()
            if action == "add":
                await add_recruiter(
                    session, hub_id=hub_id, name=name, password_hash=hash_password(password)
                )
            else:
                await set_password(session, recruiter=found, password_hash=hash_password(password))
        print(f"{name} signs in to {hub_id}'s lead board with this password (shown once; only a")
        print(f"hash is kept): {password}")
        return 0
    finally:
        await database.close()
