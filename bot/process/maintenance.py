"""Recurring work any CarePath process does when due: today, the daily retention purge."""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import timedelta

from bot.hubs.reminders import remind_if_due
from bot.process.logs import without_personal_data
from knowledge.base.entries import Knowledge
from storage.database import Database
from storage.retention import Purged, purge_older_than, said
from storage.schedule import claim_due

log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(days=1)
CHECK_EVERY = timedelta(minutes=1)


def worker_name() -> str:
    """A name for this process in claims: host and process id."""
    import os

    return f"{socket.gethostname()}:{os.getpid()}"[:64]


async def maintenance_loop(
    database: Database, *, retention_days: int, knowledge: Knowledge | None = None
) -> None:
    """Every minute, run whatever is due (purge, reminders); errors are logged, never fatal."""
    while True:
        try:
            await purge_if_due(database, retention_days=retention_days)
            if knowledge is not None:
                await remind_if_due(database, knowledge, worker=worker_name())
        except Exception as error:  # a bad turn must not stop the next
            log.warning("maintenance failed this time\n%s", without_personal_data(error))
        await asyncio.sleep(CHECK_EVERY.total_seconds())


async def purge_if_due(database: Database, *, retention_days: int) -> Purged | None:
    """Run the retention purge if no worker has in the last day; None if it was not due."""
    async with database.transaction() as session:
        if not await claim_due(session, name="purge", every=PURGE_EVERY, worker=worker_name()):
            return None
        purged = await purge_older_than(session, days=retention_days)
    log.info("retention purge: %s", said(purged))
    return purged
