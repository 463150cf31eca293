"""The SQLModel tables: people, conversation state, interest, leads, questions and the outbox."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, DateTime, Dialect, Index, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in UTC on every database: SQLite keeps no zone, so read values are made aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def _when(**kwargs: Any) -> Any:
    return Field(sa_column=Column(UTCDateTime(), **kwargs))


class Person(SQLModel, table=True):
    """Someone who talked to CarePath on a channel. Holds no contact details itself."""

    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("channel", "channel_user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    channel_user_id: str = Field(max_length=64)
    first_seen: datetime = _when(nullable=False, default=utcnow)
    source: str | None = Field(default=None, max_length=64)
    reachable: bool = True


class ConversationState(SQLModel, table=True):
    """Where a person is in a conversation: which flow, which step, what they gave so far."""

    __tablename__ = "conversation_states"

    person_id: int = Field(foreign_key="people.id", primary_key=True, ondelete="CASCADE")
    flow: str = Field(default="", max_length=32)
    step: str = Field(default="", max_length=32)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = _when(nullable=False, default=utcnow)


class InterestEvent(SQLModel, table=True):
    """A person showed interest in a role, apprenticeship or hub."""

    __tablename__ = "interest_events"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=20)
    entry_id: str = Field(max_length=64)
    created_at: datetime = _when(nullable=False, default=utcnow)


class Lead(SQLModel, table=True):
    """A person's consented details for a recruitment hub, and where the lead stands."""

    __tablename__ = "leads"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    ref: str = Field(unique=True, max_length=12)
    person_id: int = Field(foreign_key="people.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=100)
    phone: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    postcode: str | None = Field(default=None, max_length=10)
    town: str | None = Field(default=None, max_length=60)
    interests: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hours: str | None = Field(default=None, max_length=20)
    drives: bool | None = None
    hub_id: str = Field(max_length=64, index=True)
    hub_reason: str = Field(max_length=200)
    source: str | None = Field(default=None, max_length=64)
    consent_version: str = Field(max_length=20)
    consent_at: datetime = _when(nullable=False)
    status: str = Field(default="new", max_length=20)
    owner: str | None = Field(default=None, max_length=100)  # the owner's name, as shown
    # who owns it: "telegram:<user id>" or "board:<recruiter id>"; a name proves nothing
    owner_id: str | None = Field(default=None, max_length=64)
    created_at: datetime = _when(nullable=False, default=utcnow, index=True)
    updated_at: datetime = _when(nullable=False, default=utcnow)
    card_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    card_message_id: int | None = Field(default=None, sa_type=BigInteger)
    reminded_at: datetime | None = _when(nullable=True)
    escalated_at: datetime | None = _when(nullable=True)


class LeadEvent(SQLModel, table=True):
    """One change in a lead's status: what, who and when."""

    __tablename__ = "lead_events"

    id: int | None = Field(default=None, primary_key=True)
    lead_id: str = Field(foreign_key="leads.id", index=True, ondelete="CASCADE", max_length=36)
    status: str = Field(max_length=20)
    actor: str = Field(max_length=100)  # as shown
    actor_id: str | None = Field(default=None, max_length=64)  # who, as in Lead.owner_id
    at: datetime = _when(nullable=False, default=utcnow)


class QuestionLog(SQLModel, table=True):
    """A question asked, the best match and whether it was answered: what to curate next."""

    __tablename__ = "question_log"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int | None = Field(
        default=None, foreign_key="people.id", index=True, ondelete="CASCADE"
    )
    text: str = Field(max_length=1000)
    best_kind: str | None = Field(default=None, max_length=20)
    best_id: str | None = Field(default=None, max_length=64)
    score: float | None = None
    answered: bool
    # answered, unanswered, not-meant ('None of these' tapped) or asked-person
    outcome: str = Field(default="answered", max_length=20)
    created_at: datetime = _when(nullable=False, default=utcnow, index=True)


class OutboxMessage(SQLModel, table=True):
    """A message to deliver (a lead card, a deletion notice), written with what caused it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "available_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=30)
    hub_id: str | None = Field(default=None, max_length=64)
    lead_id: str | None = Field(default=None, max_length=36, index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="pending", max_length=20)
    attempts: int = 0
    claimed_by: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = _when(nullable=True)
    available_at: datetime = _when(nullable=False, default=utcnow)
    created_at: datetime = _when(nullable=False, default=utcnow)
    sent_at: datetime | None = _when(nullable=True)
    last_error: str | None = Field(default=None, max_length=300)


class ScheduledJob(SQLModel, table=True):
    """Recurring work (purges, reminders) claimed through the database so one worker runs it."""

    __tablename__ = "scheduled_jobs"

    name: str = Field(primary_key=True, max_length=50)
    next_run_at: datetime = _when(nullable=False)
    claimed_by: str | None = Field(default=None, max_length=64)


class InboundUpdate(SQLModel, table=True):
    """A Telegram update, stored by its update_id before it is acknowledged: handled once."""

    __tablename__ = "inbound_updates"

    update_id: int = Field(
        primary_key=True, sa_type=BigInteger, sa_column_kwargs={"autoincrement": False}
    )
    status: str = Field(default="received", max_length=20)
    received_at: datetime = _when(nullable=False, default=utcnow)
    claimed_until: datetime = _when(nullable=False)


class HubChat(SQLModel, table=True):
    """A hub chat id learnt at run time (a group that became a supergroup moves its id);
    it overrides the configured one."""

    __tablename__ = "hub_chats"

    hub_id: str = Field(primary_key=True, max_length=64)
    chat_id: int = Field(sa_type=BigInteger)
    updated_at: datetime = _when(nullable=False, default=utcnow)


class Enquiry(SQLModel, table=True):
    """A question a person asked to pass to a person at a hub, and where its card went."""

    __tablename__ = "enquiries"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    ref: str = Field(unique=True, max_length=12)
    person_id: int = Field(foreign_key="people.id", index=True, ondelete="CASCADE")
    hub_id: str = Field(max_length=64)
    question: str = Field(max_length=1000)
    status: str = Field(default="new", max_length=20)
    card_chat_id: int | None = Field(default=None, sa_type=BigInteger)
    card_message_id: int | None = Field(default=None, sa_type=BigInteger, index=True)
    created_at: datetime = _when(nullable=False, default=utcnow)


class Recruiter(SQLModel, table=True):
    """A person who may sign in to a hub's lead board, with their own password (scrypt)."""

    __tablename__ = "recruiters"
    __table_args__ = (UniqueConstraint("hub_id", "name"),)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    hub_id: str = Field(max_length=64, index=True)
    name: str = Field(max_length=60)
    password_hash: str = Field(max_length=200)
    created_at: datetime = _when(nullable=False, default=utcnow)
    removed_at: datetime | None = _when(nullable=True)


class BoardSession(SQLModel, table=True):
    """A board sign-in, kept on the server: signing out, a new password or the recruiter's
    removal ends every copy of its cookie at once. Only a hash of the cookie's token is kept."""

    __tablename__ = "board_sessions"

    token_hash: str = Field(primary_key=True, max_length=64)
    recruiter_id: str = Field(
        foreign_key="recruiters.id", index=True, ondelete="CASCADE", max_length=36
    )
    created_at: datetime = _when(nullable=False, default=utcnow)
    expires_at: datetime = _when(nullable=False)
    revoked_at: datetime | None = _when(nullable=True)


class RateCount(SQLModel, table=True):
    """How many times something was tried in one time window, shared by every worker and kept
    across restarts: sign-in attempts, messages from one address."""

    __tablename__ = "rate_counts"

    key: str = Field(primary_key=True, max_length=200)
    window_start: int = Field(primary_key=True, sa_type=BigInteger)
    count: int = 0
