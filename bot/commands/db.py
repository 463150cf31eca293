"""`carepath db upgrade` and `carepath db purge`: look after the database."""

from __future__ import annotations

import asyncio

from bot.process.config import Settings
from storage.database import Database
from storage.migrate import pending, upgrade
from storage.retention import purge_older_than, said


def run_upgrade() -> int:
    """Apply every migration the configured database lacks."""
    settings = Settings()

    async def work() -> int:
        url = settings.resolved_database_url()
        await upgrade(url)
        database = Database(url)
        try:
            left = await pending(database)
        finally:
            await database.close()
        print("database is up to date" if not left else f"still behind: {left}")
        return 0 if not left else 1

    return _run(work())


def run_purge(older_than_days: int | None) -> int:
    """Delete everything older than the retention period (or DAYS), and say how much."""
    settings = Settings()
    days = older_than_days or settings.retention_days

    async def work() -> int:
        database = Database(settings.resolved_database_url())
        try:
            async with database.transaction() as session:
                purged = await purge_older_than(session, days=days)
        finally:
            await database.close()
        print(f"older than {days} days, deleted: {said(purged)}")
        return 0

    return _run(work())


def _run(work: object) -> int:
    return asyncio.run(work)  # type: ignore[arg-type]
