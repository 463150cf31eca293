"""Retention: leads and logged questions older than the configured period are deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.leads import purge_leads
from storage.models import utcnow
from storage.questions import purge_questions


@dataclass(frozen=True)
class Purged:
    """How much a purge deleted."""

    leads: int
    questions: int


async def purge_older_than(session: AsyncSession, *, days: int) -> Purged:
    """Delete leads and logged questions created more than `days` days ago."""
    before = utcnow() - timedelta(days=days)
    return Purged(
        leads=await purge_leads(session, before=before),
        questions=await purge_questions(session, before=before),
    )
