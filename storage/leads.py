"""Leads: written with their delivery job in one transaction, listed, exported and purged."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
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


async def set_status(session: AsyncSession, *, lead: Lead, status: str, actor: str) -> None:
    """Change a lead's status and record who did it and when."""
    lead.status = status
    lead.updated_at = utcnow()
    session.add(LeadEvent(lead_id=lead.id, status=status, actor=actor))
