"""One turn's starting point: the person behind a message and their conversation state,
read under the turn's lock, so a person's messages are handled one after the other."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationState, Person
from storage.people import person_for_turn
from storage.state import load_state


async def person_and_state(
    session: AsyncSession, *, channel: str, channel_user_id: str, source: str | None = None
) -> tuple[Person, ConversationState]:
    """The person (created on first contact) and their state, in one query when they exist.

    On PostgreSQL the person's row is locked first and the state read after: a row joined to
    a locked one is not re-read when the lock is granted, and would be stale."""
    if session.bind.dialect.name == "postgresql":
        person = await person_for_turn(
            session, channel=channel, channel_user_id=channel_user_id, source=source
        )
        return person, await load_state(session, person_id=person.id)
    query = (
        select(Person, ConversationState)
        .outerjoin(ConversationState, ConversationState.person_id == Person.id)
        .where(Person.channel == channel, Person.channel_user_id == channel_user_id)
        .execution_options(populate_existing=True)
    )
    row = (await session.execute(query)).first()
    if row is None:
        person = await person_for_turn(
            session, channel=channel, channel_user_id=channel_user_id, source=source
        )
        state = None
    else:
        person, state = row
        if source and not person.source:
            person.source = source
    if state is None:
        state = ConversationState(person_id=person.id, flow="", step="", data={})
        session.add(state)
    return person, state
