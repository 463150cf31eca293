"""The transactional outbox: messages written beside what caused them, delivered later."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage

DELIVERED_OR_IN_FLIGHT = ("sent", "claimed")


async def enqueue(
    session: AsyncSession,
    *,
    kind: str,
    hub_id: str | None,
    lead_id: str | None = None,
    payload: dict[str, Any],
) -> OutboxMessage:
    """Add a message to deliver; it is committed (or not) with the caller's transaction."""
    message = OutboxMessage(kind=kind, hub_id=hub_id, lead_id=lead_id, payload=payload)
    session.add(message)
    return message


async def card_delivered(session: AsyncSession, *, lead_id: str) -> bool:
    """True once a lead's card has gone out, or may have (a send was under way)."""
    query = select(OutboxMessage.id).where(
        OutboxMessage.lead_id == lead_id,
        OutboxMessage.kind == "lead_card",
        OutboxMessage.status.in_(DELIVERED_OR_IN_FLIGHT),
    )
    return (await session.execute(query)).first() is not None


async def pending(session: AsyncSession) -> list[OutboxMessage]:
    """Messages not yet delivered, oldest first."""
    query = (
        select(OutboxMessage)
        .where(OutboxMessage.status.in_(("pending", "claimed")))
        .order_by(OutboxMessage.id)
    )
    return list((await session.execute(query)).scalars())
