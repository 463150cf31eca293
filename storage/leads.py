"""Leads: written with their delivery job in one transaction, listed, exported and purged."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Lead, LeadEvent, OutboxMessage, utcnow
from storage.outbox import enqueue

_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a phone


def new_ref() -> str:
    """A short reference people and recruiters can read out: CP-7K3QX."""
    return "CP-" + "".join(secrets.choice(_REF_ALPHABET) for _ in range(5))


async def create_lead(session: AsyncSession, **details: Any) -> Lead:
    """Store a consented lead and, in the same transaction, the job that delivers its card."""
    lead = Lead(ref=new_ref(), **details)
    while (await session.execute(select(Lead.id).where(Lead.ref == lead.ref))).first():
        lead.ref = new_ref()
    session.add(lead)
    session.add(LeadEvent(lead_id=lead.id, status=lead.status, actor="person"))
    await enqueue(session, kind="lead_card", hub_id=lead.hub_id, lead_id=lead.id, payload={})
    return lead


async def leads_of(session: AsyncSession, *, person_id: int) -> list[Lead]:
    """A person's leads, oldest first."""
    query = select(Lead).where(Lead.person_id == person_id).order_by(Lead.created_at)
    return list((await session.execute(query)).scalars())


async def lead_events(session: AsyncSession, *, lead_id: str) -> list[LeadEvent]:
    """A lead's status history, oldest first."""
    query = select(LeadEvent).where(LeadEvent.lead_id == lead_id).order_by(LeadEvent.id)
    return list((await session.execute(query)).scalars())


async def leads_for_export(
    session: AsyncSession, *, hub_id: str | None = None, since: datetime | None = None
) -> list[Lead]:
    """Leads for recruiters, oldest first, optionally for one hub or since a date."""
    query = select(Lead).order_by(Lead.created_at)
    if hub_id:
        query = query.where(Lead.hub_id == hub_id)
    if since:
        query = query.where(Lead.created_at >= since)
    return list((await session.execute(query)).scalars())


async def purge_leads(session: AsyncSession, *, before: datetime) -> int:
    """Delete leads created before `before`, with their history and undelivered cards."""
    old = select(Lead.id).where(Lead.created_at < before)
    await session.execute(delete(OutboxMessage).where(OutboxMessage.lead_id.in_(old)))
    await session.execute(delete(LeadEvent).where(LeadEvent.lead_id.in_(old)))
    result = await session.execute(delete(Lead).where(Lead.created_at < before))
    return result.rowcount or 0


async def set_status(
    session: AsyncSession, *, lead: Lead, status: str, actor: str, actor_id: str | None = None
) -> None:
    """Change a lead's status and record who did it and when."""
    lead.status = status
    lead.updated_at = utcnow()
    session.add(LeadEvent(lead_id=lead.id, status=status, actor=actor, actor_id=actor_id))


OPEN = ("new", "claimed", "contacted")


async def claim_lead(session: AsyncSession, *, lead_id: str, owner: str, owner_id: str) -> bool:
    """Make the person `owner_id` (shown as `owner`) the lead's one owner if nobody is yet:
    the first tap wins. A lead claimed before owners were people (a name alone) is open."""
    result = await session.execute(
        update(Lead)
        .where(Lead.id == lead_id, Lead.owner_id.is_(None))
        .values(owner=owner, owner_id=owner_id, status="claimed", updated_at=utcnow())
    )
    if result.rowcount == 1:
        session.add(LeadEvent(lead_id=lead_id, status="claimed", actor=owner, actor_id=owner_id))
        return True
    return False


async def find_lead(
    session: AsyncSession, *, lead_id: str | None = None, ref: str | None = None
) -> Lead | None:
    """A lead by id or by its reference (any case)."""
    query = select(Lead).execution_options(populate_existing=True)
    if lead_id:
        query = query.where(Lead.id == lead_id)
    elif ref:
        query = query.where(Lead.ref == ref.strip().upper())
    else:
        return None
    return (await session.execute(query)).scalar_one_or_none()


async def open_leads(session: AsyncSession, *, hub_id: str) -> list[Lead]:
    """A hub's leads still in progress, oldest first."""
    query = (
        select(Lead).where(Lead.hub_id == hub_id, Lead.status.in_(OPEN)).order_by(Lead.created_at)
    )
    return list((await session.execute(query)).scalars())


async def status_counts(session: AsyncSession, *, hub_id: str, since: datetime) -> dict[str, int]:
    """How many of a hub's leads since `since` are in each status."""
    query = (
        select(Lead.status, func.count())
        .where(Lead.hub_id == hub_id, Lead.created_at >= since)
        .group_by(Lead.status)
    )
    return {status: count for status, count in (await session.execute(query)).all()}


async def unclaimed_since(session: AsyncSession, *, before: datetime) -> list[Lead]:
    """Leads nobody has claimed that were created before `before`."""
    query = select(Lead).where(
        Lead.owner_id.is_(None), Lead.status == "new", Lead.created_at < before
    )
    return list((await session.execute(query)).scalars())
