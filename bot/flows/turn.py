"""One turn of a conversation: the message, the person, their state and the open transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot.flows.answer import Answerer
from bot.incoming import Incoming
from knowledge.base.entries import Knowledge
from storage.models import ConversationState, Person

KEPT = ("last", "job", "keep_earning")


@dataclass
class Turn:
    """What a flow needs to answer one message and record what changed."""

    incoming: Incoming
    person: Person
    state: ConversationState
    session: AsyncSession
    knowledge: Knowledge
    answerer: Answerer
    retention_days: int

    @property
    def text(self) -> str:
        """The typed text, trimmed ('' for a button)."""
        return (self.incoming.text or "").strip()

    def kept(self) -> dict[str, str]:
        """What outlives any flow: the last role or apprenticeship looked at, the job the
        person said they do, and that they must keep earning."""
        return {key: self.state.data[key] for key in KEPT if self.state.data.get(key)}
