"""Retention: leads, enquiries, logged questions, unfinished conversations and the people they
belonged to go once they are older than the configured period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.leads import purge_leads
from storage.models import (
    ConversationState,
    Enquiry,
    InterestEvent,
    Lead,
    Person,
    QuestionLog,
    utcnow,
)
from storage.questions import purge_questions
from storage.rates import purge_counts
from storage.recruiters import purge_sessions

COUNTS_KEPT_FOR = 24 * 60 * 60  # seconds: rate counts are only ever read for minutes


@dataclass(frozen=True)
class Purged:
    """How much a purge deleted."""

    leads: int
    questions: int
    enquiries: int = 0
    conversations: int = 0  # states left past retention: unfinished forms, questions asked
    people: int = 0  # people with nothing left to keep


async def purge_older_than(session: AsyncSession, *, days: int) -> Purged:
    """Delete what is older than `days` days: leads and enquiries (by when they were made),
    logged questions, interest shown, conversation states not touched since, and then every
    person with nothing left to keep."""
    before = utcnow() - timedelta(days=days)
    enquiries = await session.execute(delete(Enquiry).where(Enquiry.created_at < before))
    leads = await purge_leads(session, before=before)
    questions = await purge_questions(session, before=before)
    await session.execute(delete(InterestEvent).where(InterestEvent.created_at < before))
    states = await session.execute(
        delete(ConversationState).where(ConversationState.updated_at < before)
    )
    people = await session.execute(
        delete(Person).where(
            Person.first_seen < before,
            *(
                ~exists(select(table.person_id).where(table.person_id == Person.id))
                for table in (ConversationState, Lead, Enquiry, QuestionLog, InterestEvent)
            ),
        )
    )
    await purge_counts(session, older_than_seconds=COUNTS_KEPT_FOR)
    await purge_sessions(session, before=utcnow() - timedelta(days=1))
    return Purged(
        leads=leads,
        questions=questions,
        enquiries=enquiries.rowcount or 0,
        conversations=states.rowcount or 0,
        people=people.rowcount or 0,
    )


def said(purged: Purged) -> str:
    """'3 lead(s), 0 enquiries, ...' for a log line or the command line."""
    return (
        f"{purged.leads} lead(s), {purged.enquiries} question(s) for a person, "
        f"{purged.questions} logged question(s), {purged.conversations} conversation(s) and "
        f"{purged.people} person(s) with nothing left to keep"
    )
