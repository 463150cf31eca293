"""The question log: what people asked and whether we could answer, to curate what is missing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select
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
            created_at=utcnow(),
        )
    )


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
