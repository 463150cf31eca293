"""The daily purge runs once a day whichever worker gets there first."""

from datetime import timedelta

from sqlalchemy import update

from bot.process.maintenance import purge_if_due
from storage.leads import create_lead
from storage.models import Lead, utcnow
from storage.people import person_for_turn


async def test_purge_runs_once_a_day_and_removes_old_leads(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="p")
        lead = await create_lead(
            session,
            person_id=person.id,
            name="Old Lead",
            hub_id="national-desk",
            hub_reason="test",
            consent_version="v1",
            consent_at=utcnow(),
        )
    async with database.transaction() as session:
        await session.execute(
            update(Lead).where(Lead.id == lead.id).values(created_at=utcnow() - timedelta(days=500))
        )
    first = await purge_if_due(database, retention_days=365)
    assert first is not None and first.leads == 1
    assert await purge_if_due(database, retention_days=365) is None


def test_the_purge_log_line_says_what_went_without_personal_data():
    from storage.retention import Purged, said

    line = said(Purged(leads=2, questions=3, enquiries=1, conversations=4, people=5))
    assert line == (
        "2 lead(s), 1 question(s) for a person, 3 logged question(s), 4 conversation(s) and "
        "5 person(s) with nothing left to keep"
    )
