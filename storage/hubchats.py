"""Hub chat ids learnt at run time, which override the configured ones."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import HubChat, utcnow


async def learnt_hub_chats(session: AsyncSession) -> dict[str, int]:
    """Hub id to chat id, for every hub whose chat moved."""
    rows = (await session.execute(select(HubChat))).scalars()
    return {row.hub_id: row.chat_id for row in rows}


async def remember_hub_chat(session: AsyncSession, *, hub_id: str, chat_id: int) -> None:
    """Record a hub's new chat id (a group became a supergroup)."""
    row = await session.get(HubChat, hub_id)
    if row is None:
        session.add(HubChat(hub_id=hub_id, chat_id=chat_id))
    else:
        row.chat_id, row.updated_at = chat_id, utcnow()
