"""What the people running CarePath watch: the outbox per hub, parked messages, how fast leads
are claimed and how many wait past their hub's promise. Counts and ages only: no personal data."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Lead, LeadEvent, OutboxMessage, utcnow

WAITING = ("pending", "claimed")
CLAIM_WINDOW = timedelta(days=30)


@dataclass(frozen=True)
class HubHealth:
    """One hub's outbox and claims, as numbers."""

    waiting: int = 0
    oldest_waiting_seconds: float = 0.0
    parked: int = 0
    median_claim_seconds: float | None = None
    unclaimed_past_promise: int = 0


async def hub_health(
    session: AsyncSession, *, promises: dict[str, int], now: datetime | None = None
) -> dict[str, HubHealth]:
    """Each hub's health; `promises` is each hub's promised reply time in hours."""
    now = now or utcnow()
    waiting = {
        hub: (count, oldest)
        for hub, count, oldest in (
            await session.execute(
                select(OutboxMessage.hub_id, func.count(), func.min(OutboxMessage.created_at))
                .where(OutboxMessage.status.in_(WAITING))
                .group_by(OutboxMessage.hub_id)
            )
        ).all()
    }
    parked = dict(
        (
            await session.execute(
                select(OutboxMessage.hub_id, func.count())
                .where(OutboxMessage.status == "parked")
                .group_by(OutboxMessage.hub_id)
            )
        ).all()
    )
    claims: dict[str, list[float]] = {}
    for hub, created, claimed in (
        await session.execute(
            select(Lead.hub_id, Lead.created_at, LeadEvent.at)
            .join(LeadEvent, LeadEvent.lead_id == Lead.id)
            .where(LeadEvent.status == "claimed", LeadEvent.at >= now - CLAIM_WINDOW)
        )
    ).all():
        claims.setdefault(hub, []).append((_aware(claimed) - _aware(created)).total_seconds())
    late: dict[str, int] = {}
    for hub, hours in promises.items():
        late[hub] = (
            await session.scalar(
                select(func.count()).where(
                    Lead.hub_id == hub,
                    Lead.status == "new",
                    Lead.owner_id.is_(None),
                    Lead.created_at < now - timedelta(hours=hours),
                )
            )
        ) or 0
    hubs = set(promises) | {h for h in waiting if h} | {h for h in parked if h}
    return {
        hub: HubHealth(
            waiting=waiting.get(hub, (0, None))[0],
            oldest_waiting_seconds=_age(waiting.get(hub, (0, None))[1], now),
            parked=parked.get(hub, 0),
            median_claim_seconds=statistics.median(claims[hub]) if claims.get(hub) else None,
            unclaimed_past_promise=late.get(hub, 0),
        )
        for hub in sorted(hubs)
    }


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _age(since: datetime | None, now: datetime) -> float:
    return max(0.0, (now - _aware(since)).total_seconds()) if since else 0.0
