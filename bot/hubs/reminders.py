"""Reminders: a lead nobody claimed within the hub's promised time is posted again; after
twice that it goes to the national desk and the admins. Claimed through the database, so two
workers never both remind."""

from __future__ import annotations

from datetime import timedelta

from knowledge.base.entries import Knowledge
from storage.database import Database
from storage.leads import unclaimed_since
from storage.models import utcnow
from storage.outbox import enqueue
from storage.schedule import claim_due

CHECK_EVERY = timedelta(minutes=5)


async def remind_if_due(database: Database, knowledge: Knowledge, *, worker: str) -> int:
    """Queue reminders and escalations that are due; return how many were queued."""
    async with database.transaction() as session:
        if not await claim_due(session, name="reminders", every=CHECK_EVERY, worker=worker):
            return 0
        now, queued = utcnow(), 0
        shortest = min((hub.response_hours for hub in knowledge.hubs.values()), default=24)
        for lead in await unclaimed_since(session, before=now - timedelta(hours=shortest)):
            hub = knowledge.hubs.get(lead.hub_id)
            promised = timedelta(hours=hub.response_hours if hub else 48)
            age = now - lead.created_at
            if age >= 2 * promised and lead.escalated_at is None:
                lead.escalated_at = now
                kind = "escalation"
            elif age >= promised and lead.reminded_at is None:
                lead.reminded_at = now
                kind = "reminder"
            else:
                continue
            payload = {"hub_name": hub.name if hub else lead.hub_id}
            await enqueue(session, kind=kind, hub_id=lead.hub_id, lead_id=lead.id, payload=payload)
            queued += 1
        return queued
