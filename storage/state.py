"""Conversation state: which flow and step a person is on, and what they have given so far."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConversationState, utcnow


async def load_state(session: AsyncSession, *, person_id: int) -> ConversationState:
    """The person's state, or a fresh empty one (added to the session, saved on commit)."""
    state = await session.get(ConversationState, person_id)
    if state is None:
        state = ConversationState(person_id=person_id, flow="", step="", data={})
        session.add(state)
    return state


def set_state(state: ConversationState, *, flow: str, step: str, data: dict[str, Any]) -> None:
    """Move the person to a flow and step; `data` replaces what was held (copied, so JSON
    changes are seen)."""
    state.flow, state.step, state.data = flow, step, dict(data)
    state.updated_at = utcnow()


def remember(state: ConversationState, **values: Any) -> None:
    """Add to what is held without leaving the current flow or step."""
    set_state(state, flow=state.flow, step=state.step, data={**state.data, **values})


def clear_state(state: ConversationState, *, keep: dict[str, Any] | None = None) -> None:
    """Leave any flow; keep only `keep` (such as the last thing the person looked at)."""
    set_state(state, flow="", step="", data=keep or {})
