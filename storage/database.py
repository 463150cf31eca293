"""The async engine and transactions, from a URL: SQLite by default, PostgreSQL in production."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.errors import DatabaseUnavailable, DatabaseURLError, safe_url

__all__ = [
    "Database",
    "DatabaseURLError",
    "DatabaseUnavailable",
    "checked_url",
    "safe_url",
    "sqlite_url",
    "unavailable",
]
SQLITE_BUSY_MS = 5000


UNREACHABLE_ERRORS = (OperationalError, DBAPIError, OSError, ConnectionError)


_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}
_EXAMPLES = {
    "sqlite": "sqlite+aiosqlite:///path/to/carepath.db",
    "postgresql": "postgresql+asyncpg://user@host/database",
}


def checked_url(url: str) -> URL:
    """The parsed URL, or DatabaseURLError saying what to write instead: the likeliest slip is
    'postgresql://' without '+asyncpg', the driver CarePath talks to PostgreSQL with."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseURLError(
            "CAREPATH_DATABASE_URL is not a database URL: write "
            f"{_EXAMPLES['postgresql']} or {_EXAMPLES['sqlite']}"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise DatabaseURLError(
            f"CAREPATH_DATABASE_URL names {backend!r}: CarePath works with PostgreSQL "
            f"({_EXAMPLES['postgresql']}) or SQLite ({_EXAMPLES['sqlite']})"
        )
    if parsed.get_driver_name() != _DRIVERS[backend]:
        raise DatabaseURLError(
            f"CAREPATH_DATABASE_URL should start {backend}+{_DRIVERS[backend]}:// "
            f"(for example {_EXAMPLES[backend]}), the driver CarePath uses"
        )
    return parsed


def unavailable(error: BaseException, url: str) -> DatabaseUnavailable:
    """The DatabaseUnavailable for a driver or connection error, named by its root cause."""
    root: BaseException = error
    while getattr(root, "orig", None) is not None or root.__cause__ is not None:
        root = getattr(root, "orig", None) or root.__cause__  # type: ignore[assignment]
    return DatabaseUnavailable(type(root).__name__, url)


def sqlite_url(path: Path) -> str:
    """The URL of a SQLite file, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite+aiosqlite:///{path}"


class Database:
    """One engine and its sessions; `transaction()` is the unit of work."""

    def __init__(
        self, url: str, *, sqlite_busy_ms: int = SQLITE_BUSY_MS, **engine_options: Any
    ) -> None:
        self.url = url
        self.is_sqlite = checked_url(url).get_backend_name() == "sqlite"
        if not self.is_sqlite:
            engine_options.setdefault("pool_pre_ping", True)
        self.engine: AsyncEngine = create_async_engine(url, **engine_options)
        if self.is_sqlite:
            _configure_sqlite(self.engine, sqlite_busy_ms)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time and waits for the lock by sleeping; queueing our own
        # transactions here instead keeps them from sleeping on each other.
        self._writer = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed at the end, rolled back on any error.

        Connection failures and lock time-outs surface as DatabaseUnavailable."""
        try:
            async with self._turn_lock(), self.sessions() as session, session.begin():
                yield session
        except UNREACHABLE_ERRORS as error:
            if isinstance(error, DBAPIError) and not _is_unavailable(error):
                raise
            raise unavailable(error, self.url) from error

    def _turn_lock(self) -> AbstractAsyncContextManager[object]:
        return self._writer if self._writer is not None else nullcontext()

    async def close(self) -> None:
        """Release every connection."""
        await self.engine.dispose()


def _is_unavailable(error: DBAPIError) -> bool:
    if isinstance(error, OperationalError) or error.connection_invalidated:
        return True
    text = str(error.orig).casefold()
    return any(sign in text for sign in ("connection", "locked", "timeout", "terminat"))


def _configure_sqlite(engine: AsyncEngine, busy_ms: int) -> None:
    """WAL for readers beside a writer; BEGIN IMMEDIATE so a turn takes the write lock at once
    and two turns for one person run one after the other instead of failing mid-way."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(connection: Any, _record: Any) -> None:
        connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL is safe against a crashed process (only power loss can drop the
        # last commits) and spares an fsync per turn.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
