"""Inbound updates: each Telegram update_id is taken by one worker, once, before it is handled."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InboundUpdate, utcnow

CLAIM_FOR = timedelta(seconds=60)


async def claim_update(session: AsyncSession, *, update_id: int) -> bool:
    """True if this worker should handle the update: it is new, or a worker that took it
    died before finishing (its claim ran out). A done or freshly claimed update is False."""
    now = utcnow()
    insert = postgresql_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    inserted = await session.execute(
        insert(InboundUpdate)
        .values(
            update_id=update_id, status="received", received_at=now, claimed_until=now + CLAIM_FOR
        )
        .on_conflict_do_nothing(index_elements=["update_id"])
    )
    if inserted.rowcount == 1:
        return True
    retaken = await session.execute(
        update(InboundUpdate)
        .where(
            InboundUpdate.update_id == update_id,
            InboundUpdate.status == "received",
            InboundUpdate.claimed_until < now,
        )
        .values(claimed_until=now + CLAIM_FOR)
    )
    return retaken.rowcount == 1


async def finish_update(session: AsyncSession, *, update_id: int) -> None:
    """Mark an update handled, so a redelivery is acknowledged and ignored."""
    await session.execute(
        update(InboundUpdate).where(InboundUpdate.update_id == update_id).values(status="done")
    )


async def update_done(session: AsyncSession, *, update_id: int) -> bool:
    """True once an update has been handled (not merely taken by a worker)."""
    status = await session.scalar(
        select(InboundUpdate.status).where(InboundUpdate.update_id == update_id)
    )
    return status == "done"
