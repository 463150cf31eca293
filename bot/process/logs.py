"""Logging set-up: our own messages at INFO, and libraries kept from logging what people send.

aiosqlite and SQLAlchemy log SQL parameters (names, phone numbers) at DEBUG and INFO; httpx
logs request URLs, which for Telegram contain the bot token. They are held at WARNING."""

from __future__ import annotations

import logging

QUIET_LIBRARIES = ("aiosqlite", "sqlalchemy", "asyncpg", "httpx", "httpcore", "telegram", "alembic")


def configure_logging(level: int = logging.INFO) -> None:
    """Set up logging for a CarePath process."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
