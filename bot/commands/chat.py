"""`carepath chat`: the terminal chat, on the built-in SQLite database unless configured."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.channels.terminal import chat
from bot.channels.terminal_person import terminal_person
from bot.process.config import Settings
from bot.process.maintenance import purge_if_due
from bot.process.wiring import DatabaseBehind, build_engine, load_knowledge, open_database
from knowledge.base.problems import KnowledgeError


def run_chat(knowledge_dir: Path | None, *, new_person: bool = False) -> int:
    """Open the terminal chat, as the person last chatting here or (`new_person`) someone new."""
    settings = Settings()
    try:
        knowledge = load_knowledge(settings, knowledge_dir)
    except KnowledgeError as error:
        print(f"The knowledge base has problems:\n{error}", file=sys.stderr)
        return 1
    try:
        person = terminal_person(settings.data_dir, new=new_person)
        return asyncio.run(_chat(knowledge, settings, person))
    except DatabaseBehind as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nGoodbye!")
        return 0


async def _chat(knowledge: object, settings: Settings, person: str) -> int:
    database = await open_database(settings)
    await purge_if_due(database, retention_days=settings.retention_days)
    try:
        return await chat(build_engine(knowledge, database, settings), person_ref=person)
    finally:
        await database.close()
