"""Enquiries: questions passed to a person at a hub, and the card each answer comes back to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.leads import new_ref
from storage.models import Enquiry
from storage.outbox import enqueue


async def create_enquiry(
    session: AsyncSession, *, person_id: int, hub_id: str, question: str
) -> Enquiry:
    """Store a consented question and, in the same transaction, the job that posts its card."""
    enquiry = Enquiry(
        ref=new_ref().replace("CP-", "Q-"),
        person_id=person_id,
        hub_id=hub_id,
        question=question[:1000],
    )
    session.add(enquiry)
    await enqueue(session, kind="enquiry", hub_id=hub_id, payload={"enquiry_id": enquiry.id})
    return enquiry


async def enquiry_for_card(
    session: AsyncSession, *, chat_id: int, message_id: int
) -> Enquiry | None:
    """The enquiry whose card is that message in that chat."""
    query = select(Enquiry).where(
        Enquiry.card_chat_id == chat_id, Enquiry.card_message_id == message_id
    )
    return (await session.execute(query)).scalar_one_or_none()


async def enquiries_of(session: AsyncSession, *, person_id: int) -> list[Enquiry]:
    """A person's enquiries, oldest first."""
    query = select(Enquiry).where(Enquiry.person_id == person_id).order_by(Enquiry.created_at)
    return list((await session.execute(query)).scalars())
