"""People: found or created by channel and id, marked unreachable, or erased entirely."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    ConversationState,
    Enquiry,
    InterestEvent,
    Lead,
    LeadEvent,
    OutboxMessage,
    Person,
    QuestionLog,
)


async def person_for_turn(
    session: AsyncSession, *, channel: str, channel_user_id: str, source: str | None = None
) -> Person:
    """The person behind a message, created on first contact and locked for this turn, so two
    messages from one person are handled one after the other by any number of workers."""
    postgresql = session.bind.dialect.name == "postgresql"
    query = select(Person).where(
        Person.channel == channel, Person.channel_user_id == channel_user_id
    )
    if postgresql:
        query = query.with_for_update()
    query = query.execution_options(populate_existing=True)
    person = (await session.execute(query)).scalar_one_or_none()
    if person is None:
        insert = postgresql_insert if postgresql else sqlite_insert
        await session.execute(
            insert(Person)
            .values(channel=channel, channel_user_id=channel_user_id, source=source)
            .on_conflict_do_nothing(index_elements=["channel", "channel_user_id"])
        )
        person = (await session.execute(query)).scalar_one()
    if source and not person.source:
        person.source = source
    return person


async def find_person(
    session: AsyncSession, *, channel: str, channel_user_id: str
) -> Person | None:
    """The person with this channel id, if we hold one."""
    query = select(Person).where(
        Person.channel == channel, Person.channel_user_id == channel_user_id
    )
    return (await session.execute(query)).scalar_one_or_none()


async def mark_unreachable(session: AsyncSession, *, person_id: int) -> None:
    """The person blocked us: never send to them again unless they write first."""
    person = await session.get(Person, person_id)
    if person is not None:
        person.reachable = False


async def erase_person(session: AsyncSession, *, person_id: int) -> None:
    """Delete the person and everything held about them (children first: no cascade needed)."""
    lead_ids = select(Lead.id).where(Lead.person_id == person_id)
    await session.execute(
        delete(OutboxMessage).where(
            OutboxMessage.lead_id.in_(lead_ids), OutboxMessage.kind == "lead_card"
        )
    )
    await session.execute(delete(LeadEvent).where(LeadEvent.lead_id.in_(lead_ids)))
    for table in (Lead, Enquiry, InterestEvent, QuestionLog, ConversationState):
        await session.execute(delete(table).where(table.person_id == person_id))
    await session.execute(delete(Person).where(Person.id == person_id))
