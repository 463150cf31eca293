"""Recurring jobs claimed with a conditional UPDATE, so among many workers one runs each turn."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ScheduledJob, utcnow


async def claim_due(session: AsyncSession, *, name: str, every: timedelta, worker: str) -> bool:
    """True if this worker won the job's turn now; its next turn is then `every` from now."""
    now = utcnow()
    insert = postgresql_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    await session.execute(
        insert(ScheduledJob)
        .values(name=name, next_run_at=now)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    result = await session.execute(
        update(ScheduledJob)
        .where(ScheduledJob.name == name, ScheduledJob.next_run_at <= now)
        .values(next_run_at=now + every, claimed_by=worker)
    )
    return result.rowcount == 1
