"""Interest events: a light record that someone was interested in a role or apprenticeship."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import InterestEvent


async def record_interest(
    session: AsyncSession, *, person_id: int, kind: str, entry_id: str
) -> InterestEvent:
    """Note that a person showed interest in an entry."""
    event = InterestEvent(person_id=person_id, kind=kind, entry_id=entry_id)
    session.add(event)
    return event


async def interests_of(session: AsyncSession, *, person_id: int) -> list[InterestEvent]:
    """A person's interest events, oldest first."""
    query = (
        select(InterestEvent)
        .where(InterestEvent.person_id == person_id)
        .order_by(InterestEvent.created_at, InterestEvent.id)
    )
    return list((await session.execute(query)).scalars())
