"""Recruiters who sign in to a hub's lead board, and their sign-ins kept on the server."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import BoardSession, Recruiter, utcnow


def _hashed(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def add_recruiter(
    session: AsyncSession, *, hub_id: str, name: str, password_hash: str
) -> Recruiter:
    """A new recruiter for a hub (a removed one of the same name is brought back)."""
    found = await find_recruiter(session, hub_id=hub_id, name=name, include_removed=True)
    if found is not None:
        found.password_hash, found.removed_at = password_hash, None
        return found
    recruiter = Recruiter(hub_id=hub_id, name=name, password_hash=password_hash)
    session.add(recruiter)
    return recruiter


async def find_recruiter(
    session: AsyncSession, *, hub_id: str, name: str, include_removed: bool = False
) -> Recruiter | None:
    """A hub's recruiter by name (any case)."""
    query = select(Recruiter).where(Recruiter.hub_id == hub_id)
    wanted = name.strip().casefold()
    for recruiter in (await session.execute(query)).scalars():
        if recruiter.name.casefold() == wanted and (include_removed or not recruiter.removed_at):
            return recruiter
    return None


async def recruiters(session: AsyncSession, *, hub_id: str | None = None) -> list[Recruiter]:
    """Recruiters still able to sign in, by hub and name."""
    query = select(Recruiter).where(Recruiter.removed_at.is_(None))
    if hub_id:
        query = query.where(Recruiter.hub_id == hub_id)
    return list((await session.execute(query.order_by(Recruiter.hub_id, Recruiter.name))).scalars())


async def set_password(session: AsyncSession, *, recruiter: Recruiter, password_hash: str) -> None:
    """A new password; every sign-in made with the old one ends."""
    recruiter.password_hash = password_hash
    await end_sessions(session, recruiter_id=recruiter.id)


async def remove_recruiter(session: AsyncSession, *, recruiter: Recruiter) -> None:
    """The recruiter can no longer sign in, and every sign-in of theirs ends now."""
    recruiter.removed_at = utcnow()
    await end_sessions(session, recruiter_id=recruiter.id)


async def start_session(
    session: AsyncSession, *, recruiter_id: str, token: str, lasts: timedelta
) -> None:
    """Record a sign-in under the hash of the cookie's token."""
    now = utcnow()
    session.add(
        BoardSession(
            token_hash=_hashed(token),
            recruiter_id=recruiter_id,
            created_at=now,
            expires_at=now + lasts,
        )
    )


async def signed_in(session: AsyncSession, *, token: str) -> Recruiter | None:
    """The recruiter of a sign-in that still holds: not ended, not lapsed, not removed."""
    now = utcnow()
    query = (
        select(Recruiter)
        .join(BoardSession, BoardSession.recruiter_id == Recruiter.id)
        .where(
            BoardSession.token_hash == _hashed(token),
            BoardSession.revoked_at.is_(None),
            BoardSession.expires_at > now,
            Recruiter.removed_at.is_(None),
        )
    )
    return (await session.execute(query)).scalar_one_or_none()


async def end_session(session: AsyncSession, *, token: str) -> None:
    """Sign out: this sign-in ends, whoever holds a copy of its cookie."""
    await session.execute(
        update(BoardSession)
        .where(BoardSession.token_hash == _hashed(token))
        .values(revoked_at=utcnow())
    )


async def end_sessions(session: AsyncSession, *, recruiter_id: str) -> None:
    """Every sign-in of a recruiter ends."""
    await session.execute(
        update(BoardSession)
        .where(BoardSession.recruiter_id == recruiter_id, BoardSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def purge_sessions(session: AsyncSession, *, before: datetime) -> None:
    """Forget sign-ins that ended or lapsed before `before`."""
    await session.execute(
        delete(BoardSession).where(
            or_(BoardSession.expires_at < before, BoardSession.revoked_at < before)
        )
    )
