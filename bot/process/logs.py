"""Logging set-up: our own messages at INFO, and libraries kept from logging what people send.

aiosqlite and SQLAlchemy log SQL parameters (names, phone numbers) at DEBUG and INFO; httpx
logs request URLs, which for Telegram contain the bot token. They are held at WARNING."""

from __future__ import annotations

import logging
import traceback

QUIET_LIBRARIES = ("aiosqlite", "sqlalchemy", "asyncpg", "httpx", "httpcore", "telegram", "alembic")


def configure_logging(level: int = logging.INFO) -> None:
    """Set up logging for a CarePath process."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)


def without_personal_data(error: BaseException) -> str:
    """The exception's type and traceback (file, line, function and code of each frame, causes
    included), but never its message or any value, which may hold what a person typed."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if lines:
            lines.append("The above was caused by:")
        kind = type(current)
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message withheld)")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)
