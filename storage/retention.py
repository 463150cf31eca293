"""Retention: leads, enquiries and logged questions older than the configured period go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.leads import purge_leads
from storage.models import Enquiry, utcnow
from storage.questions import purge_questions


@dataclass(frozen=True)
class Purged:
    """How much a purge deleted."""

    leads: int
    questions: int
    enquiries: int = 0


async def purge_older_than(session: AsyncSession, *, days: int) -> Purged:
    """Delete leads and logged questions created more than `days` days ago."""
    before = utcnow() - timedelta(days=days)
    enquiries = await session.execute(delete(Enquiry).where(Enquiry.created_at < before))
    return Purged(
        leads=await purge_leads(session, before=before),
        questions=await purge_questions(session, before=before),
        enquiries=enquiries.rowcount or 0,
    )
