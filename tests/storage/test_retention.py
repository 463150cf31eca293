"""Retention covers everyone: past it, every person with nothing left to keep goes, with what
unfinished forms and conversations held; recent people and their leads stay."""

from datetime import timedelta

from sqlalchemy import func, select, update

from storage.leads import create_lead
from storage.models import ConversationState, Person, utcnow
from storage.people import person_for_turn
from storage.retention import purge_older_than
from storage.state import load_state, set_state


async def test_past_retention_people_and_their_unfinished_forms_go(database):
    long_ago = utcnow() - timedelta(days=400)
    async with database.transaction() as session:
        quiet = await person_for_turn(session, channel="web", channel_user_id="quiet")
        unfinished = await person_for_turn(session, channel="web", channel_user_id="unfinished")
        state = await load_state(session, person_id=unfinished.id)
        set_state(
            state, flow="interest", step="place", data={"name": "Sam Jones", "contact": "07911"}
        )
        active = await person_for_turn(session, channel="web", channel_user_id="active")
        with_lead = await person_for_turn(session, channel="web", channel_user_id="lead")
        await create_lead(
            session,
            person_id=with_lead.id,
            name="Kept Lead",
            hub_id="national-desk",
            hub_reason="test",
            consent_version="v1",
            consent_at=utcnow(),
        )
    async with database.transaction() as session:
        old = [quiet.id, unfinished.id, active.id, with_lead.id]
        await session.execute(update(Person).where(Person.id.in_(old)).values(first_seen=long_ago))
        await session.execute(
            update(ConversationState)
            .where(ConversationState.person_id == unfinished.id)
            .values(updated_at=long_ago)
        )
        state = await load_state(session, person_id=active.id)
        set_state(state, flow="", step="", data={"last": "role:care-worker"})  # talked today
    async with database.transaction() as session:
        purged = await purge_older_than(session, days=365)
    assert (purged.people, purged.conversations) == (2, 1)
    async with database.transaction() as session:
        left = set((await session.execute(select(Person.channel_user_id))).scalars())
        forms = await session.scalar(select(func.count()).select_from(ConversationState))
    assert left == {"active", "lead"}
    assert forms == 1  # the active person's; the unfinished form's name and phone are gone
