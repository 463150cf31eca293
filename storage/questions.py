"""The question log: what people asked and whether we could answer, to curate what is missing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import QuestionLog, utcnow


async def log_question(
    session: AsyncSession,
    *,
    person_id: int | None,
    text: str,
    best_kind: str | None,
    best_id: str | None,
    score: float | None,
    answered: bool,
) -> None:
    """Record one question and how it went."""
    await session.execute(
        insert(QuestionLog).values(
            person_id=person_id,
            text=text[:1000],
            best_kind=best_kind,
            best_id=best_id,
            score=score,
            answered=answered,
            outcome="answered" if answered else "unanswered",
            created_at=utcnow(),
        )
    )


async def mark_last_question(
    session: AsyncSession, *, person_id: int, outcome: str, text: str | None = None
) -> None:
    """Record what became of the person's latest logged question (or the latest with `text`):
    'not-meant' when they said none of the suggestions fitted, 'asked-person' when they passed
    it to a hub."""
    query = select(QuestionLog.id).where(QuestionLog.person_id == person_id)
    if text is not None:
        query = query.where(QuestionLog.text == text[:1000])
    latest = (await session.execute(query.order_by(QuestionLog.id.desc()).limit(1))).scalar()
    if latest is not None:
        await session.execute(
            update(QuestionLog).where(QuestionLog.id == latest).values(outcome=outcome)
        )


async def to_curate(session: AsyncSession, *, since: datetime | None = None) -> list[QuestionLog]:
    """The questions a curator should look at: not confidently answered, not what the person
    meant, or passed to a person; oldest first."""
    query = select(QuestionLog).where(QuestionLog.outcome != "answered")
    if since is not None:
        query = query.where(QuestionLog.created_at >= since)
    return list((await session.execute(query.order_by(QuestionLog.id))).scalars())


async def questions_of(session: AsyncSession, *, person_id: int) -> list[QuestionLog]:
    """A person's logged questions, oldest first."""
    query = select(QuestionLog).where(QuestionLog.person_id == person_id).order_by(QuestionLog.id)
    return list((await session.execute(query)).scalars())


async def unanswered(session: AsyncSession, *, limit: int = 100) -> list[QuestionLog]:
    """The most recent questions we could not answer."""
    query = (
        select(QuestionLog)
        .where(QuestionLog.answered.is_(False))
        .order_by(QuestionLog.id.desc())
        .limit(limit)
    )
    return list((await session.execute(query)).scalars())


async def purge_questions(session: AsyncSession, *, before: datetime) -> int:
    """Delete questions logged before `before`; return how many."""
    result = await session.execute(delete(QuestionLog).where(QuestionLog.created_at < before))
    return result.rowcount or 0
