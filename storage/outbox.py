"""The transactional outbox: messages written beside what caused them, delivered later."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage, utcnow

DELIVERED_OR_IN_FLIGHT = ("sent", "claimed")
# these go to people or admins, not to a hub's group
UNPACED = ("enquiry_answer", "status_notice", "alert")
PACE_WINDOW = timedelta(minutes=1)


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


async def _sent_last_minute(session: AsyncSession, now: datetime) -> dict[str, int]:
    """Messages each hub's chat had in the last minute, or has under way."""
    query = (
        select(OutboxMessage.hub_id, func.count())
        .where(
            OutboxMessage.hub_id.is_not(None),
            OutboxMessage.kind.not_in(UNPACED),
            or_(OutboxMessage.sent_at > now - PACE_WINDOW, OutboxMessage.status == "claimed"),
        )
        .group_by(OutboxMessage.hub_id)
    )
    return {hub_id: count for hub_id, count in (await session.execute(query)).all()}


def _claimable(now: datetime) -> object:
    return or_(
        and_(OutboxMessage.status == "pending", OutboxMessage.available_at <= now),
        and_(OutboxMessage.status == "claimed", OutboxMessage.lease_until < now),
    )


async def claim_batch(
    session: AsyncSession,
    *,
    worker: str,
    lease: timedelta,
    limit: int,
    per_chat_minute: int | None = None,
) -> list[OutboxMessage]:
    """Claim up to `limit` due messages for this worker. Each is taken by a conditional UPDATE
    (works alike on SQLite and PostgreSQL); a row another worker took first is skipped, and a
    row whose lease ran out (its worker died) can be taken again. With `per_chat_minute`, a
    hub whose chat already had that many messages in the last minute waits."""
    now = utcnow()
    used = await _sent_last_minute(session, now) if per_chat_minute else {}
    rows = (
        await session.execute(
            select(OutboxMessage.id, OutboxMessage.hub_id, OutboxMessage.kind)
            .where(_claimable(now))
            .order_by(OutboxMessage.id)
            .limit(limit * 4)
        )
    ).all()
    candidates = []
    for message_id, hub_id, kind in rows:
        paced = per_chat_minute and hub_id and kind not in UNPACED
        if paced and used.get(hub_id, 0) >= per_chat_minute:
            continue
        if paced:
            used[hub_id] = used.get(hub_id, 0) + 1
        candidates.append(message_id)
        if len(candidates) == limit:
            break
    claimed = []
    for message_id in candidates:
        result = await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, _claimable(now))
            .values(
                status="claimed",
                claimed_by=worker,
                lease_until=now + lease,
                attempts=OutboxMessage.attempts + 1,
            )
        )
        if result.rowcount == 1:
            claimed.append(message_id)
    if not claimed:
        return []
    query = select(OutboxMessage).where(OutboxMessage.id.in_(claimed)).order_by(OutboxMessage.id)
    return list((await session.execute(query.execution_options(populate_existing=True))).scalars())


async def settle(
    session: AsyncSession,
    *,
    message_id: int,
    worker: str,
    status: str,
    error: str | None = None,
    retry_in: timedelta | None = None,
) -> bool:
    """Record how a claimed message went: 'sent', 'pending' again (retry), 'parked', 'dead' or
    'cancelled'. Only the worker holding the claim may settle it; False if it lost the claim."""
    now = utcnow()
    values: dict[str, object] = {"status": status, "last_error": error, "lease_until": None}
    if status == "sent":
        values["sent_at"] = now
    if retry_in is not None:
        values["available_at"] = now + retry_in
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.claimed_by == worker,
            OutboxMessage.status == "claimed",
        )
        .values(**values)
    )
    return result.rowcount == 1


async def release(session: AsyncSession, *, worker: str, message_ids: list[int]) -> int:
    """Give claimed messages back to the outbox at once (a relay stopping), uncounted."""
    if not message_ids:
        return 0
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(message_ids),
            OutboxMessage.claimed_by == worker,
            OutboxMessage.status == "claimed",
        )
        .values(status="pending", lease_until=None, attempts=OutboxMessage.attempts - 1)
    )
    return result.rowcount or 0


async def requeue(session: AsyncSession, *, status: str) -> int:
    """Send parked or dead messages again (after the chat or the message was fixed)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == status)
        .values(status="pending", available_at=utcnow(), last_error=None)
    )
    return result.rowcount or 0
