"""Counts of tries in fixed time windows, kept in the database: shared by every worker and kept
across restarts, so a limit holds however many workers there are."""

from __future__ import annotations

import time

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import RateCount


def _window(window_seconds: int, now: float | None) -> int:
    moment = time.time() if now is None else now
    return int(moment // window_seconds * window_seconds)


async def count_try(
    session: AsyncSession, *, key: str, window_seconds: int, now: float | None = None
) -> int:
    """Count one more try under `key` in the current window and return how many there have
    been in it, this one included (one statement, safe against other workers)."""
    insert = postgresql_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(RateCount)
        .values(key=key[:200], window_start=_window(window_seconds, now), count=1)
        .on_conflict_do_update(
            index_elements=["key", "window_start"], set_={"count": RateCount.count + 1}
        )
        .returning(RateCount.count)
    )
    return int((await session.execute(statement)).scalar_one())


async def tries_so_far(
    session: AsyncSession, *, key: str, window_seconds: int, now: float | None = None
) -> int:
    """How many tries `key` has had in the current window, without counting one."""
    query = select(RateCount.count).where(
        RateCount.key == key[:200], RateCount.window_start == _window(window_seconds, now)
    )
    return int(await session.scalar(query) or 0)


async def forget_try(
    session: AsyncSession, *, key: str, window_seconds: int, now: float | None = None
) -> None:
    """Clear `key`'s count in the current window (a right password clears the wrong ones)."""
    await session.execute(
        delete(RateCount).where(
            RateCount.key == key[:200], RateCount.window_start == _window(window_seconds, now)
        )
    )


async def purge_counts(session: AsyncSession, *, older_than_seconds: int) -> int:
    """Delete windows that ended long ago."""
    cutoff = int(time.time()) - older_than_seconds
    result = await session.execute(delete(RateCount).where(RateCount.window_start < cutoff))
    return result.rowcount or 0
