"""Leads and their delivery jobs are written together; export, purge and schedules."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from storage.leads import create_lead, leads_for_export, set_status
from storage.models import Lead, LeadEvent, OutboxMessage, utcnow
from storage.outbox import pending
from storage.people import person_for_turn
from storage.retention import purge_older_than
from storage.schedule import claim_due


async def make_lead(session, person_id: int, hub_id: str = "nottingham-hub", **extra) -> Lead:
    details = dict(
        person_id=person_id,
        name="Sam Jones",
        phone="+447911123456",
        postcode="NG7 2RD",
        interests=["role:care-worker"],
        hub_id=hub_id,
        hub_reason="postcode area NG",
        consent_version="v1",
        consent_at=utcnow(),
    )
    details.update(extra)
    return await create_lead(session, **details)


async def test_a_lead_and_its_card_job_are_written_together(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="a")
        lead = await make_lead(session, person.id)
    async with database.transaction() as session:
        [job] = await pending(session)
        assert (job.kind, job.lead_id, job.hub_id) == ("lead_card", lead.id, "nottingham-hub")
        assert job.payload == {}  # the card is read from the lead when sent: no copy to erase
        assert lead.ref.startswith("CP-") and len(lead.ref) == 8


async def test_a_failed_transaction_leaves_neither_lead_nor_job(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="b")
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            await make_lead(session, person.id)
            await session.flush()
            raise RuntimeError("the worker died mid-way")
    async with database.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 0
        assert await session.scalar(select(func.count()).select_from(OutboxMessage)) == 0


async def test_export_filters_by_hub_and_date_and_status_history_is_kept(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="c")
        first = await make_lead(session, person.id)
        await make_lead(session, person.id, hub_id="north-west-hub")
    async with database.transaction() as session:
        await session.execute(
            update(Lead)
            .where(Lead.id == first.id)
            .values(created_at=datetime(2026, 1, 5, tzinfo=UTC))
        )
    async with database.transaction() as session:
        assert len(await leads_for_export(session)) == 2
        [north_west] = await leads_for_export(session, hub_id="north-west-hub")
        assert north_west.hub_id == "north-west-hub"
        recent = await leads_for_export(session, since=datetime(2026, 6, 1, tzinfo=UTC))
        assert [lead.hub_id for lead in recent] == ["north-west-hub"]
        lead = await session.get(Lead, first.id)
        assert lead.created_at.tzinfo is not None
        await set_status(session, lead=lead, status="claimed", actor="recruiter:1")
    async with database.transaction() as session:
        events = (
            (
                await session.execute(
                    select(LeadEvent.status)
                    .where(LeadEvent.lead_id == first.id)
                    .order_by(LeadEvent.id)
                )
            )
            .scalars()
            .all()
        )
        assert events == ["new", "claimed"]


async def test_purge_deletes_only_what_is_older_than_retention(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="d")
        old = await make_lead(session, person.id)
        await make_lead(session, person.id)
    async with database.transaction() as session:
        await session.execute(
            update(Lead).where(Lead.id == old.id).values(created_at=utcnow() - timedelta(days=400))
        )
    async with database.transaction() as session:
        purged = await purge_older_than(session, days=365)
    assert purged.leads == 1
    async with database.transaction() as session:
        assert await session.scalar(select(func.count()).select_from(Lead)) == 1
        assert len(await pending(session)) == 1  # the old lead's undelivered card went too


async def test_a_scheduled_job_is_claimed_by_one_worker_per_turn(database):
    async def try_claim(worker: str) -> bool:
        async with database.transaction() as session:
            return await claim_due(session, name="purge", every=timedelta(days=1), worker=worker)

    results = await asyncio.gather(*(try_claim(f"w{n}") for n in range(4)))
    assert sorted(results) == [False, False, False, True]
    assert await try_claim("w9") is False  # not due again for a day
