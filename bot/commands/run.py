"""`carepath run` (long polling, or --webhook workers) and `carepath webhook set`."""

from __future__ import annotations

import asyncio
import logging
import sys

from bot.config import Settings
from bot.logs import configure_logging
from bot.wiring import DatabaseBehind, build_engine, ensure_current, load_knowledge
from knowledge.problems import KnowledgeError
from storage.database import Database, DatabaseUnavailable

log = logging.getLogger(__name__)


def run_bot(*, webhook: bool, host: str, port: int) -> int:
    """Run the Telegram bot until stopped."""
    from bot.channels.telegram import (
        ALLOWED_UPDATES,
        TokenError,
        build_application,
        check_token,
    )
    from bot.maintenance import maintenance_loop

    configure_logging()
    settings = Settings()
    try:
        token = check_token(
            settings.telegram_token.get_secret_value() if settings.telegram_token else None
        )
        knowledge = load_knowledge(settings)
        hub_chats = settings.hub_chat_ids()
    except (TokenError, KnowledgeError, ValueError) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    if settings.uses_builtin_database:
        from storage.migrate import upgrade

        asyncio.run(upgrade(settings.resolved_database_url()))
    database = Database(settings.resolved_database_url())
    engine = build_engine(knowledge, database, settings)
    application = build_application(
        token=token, engine=engine, hub_chats=hub_chats, base_url=settings.telegram_base_url
    )
    background: set[asyncio.Task[None]] = set()

    async def on_start() -> None:
        await ensure_current(database)
        relay = make_relay(settings, knowledge, database, application.bot, hub_chats)
        for hub_id in relay.missing_chats():
            log.warning("hub %s has no chat configured: its leads go to the national desk", hub_id)
        background.add(asyncio.create_task(relay.run_forever()))
        background.add(
            asyncio.create_task(
                maintenance_loop(
                    database, retention_days=settings.retention_days, knowledge=knowledge
                )
            )
        )

    try:
        if webhook:
            return _serve_webhook(application, database, settings, on_start, host, port)
        application.post_init = _chain(application.post_init, on_start)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return 0
    except (DatabaseBehind, DatabaseUnavailable) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1


def _chain(first: object, then: object) -> object:
    async def both(application: object) -> None:
        if first is not None:
            await first(application)  # type: ignore[operator]
        await then()  # type: ignore[operator]

    return both


def _serve_webhook(
    application: object,
    database: Database,
    settings: Settings,
    on_start: object,
    host: str,
    port: int,
) -> int:
    import uvicorn

    from bot.channels.telegram_webhook import webhook_app

    if not settings.webhook_secret:
        print(
            "Cannot start: CAREPATH_WEBHOOK_SECRET is not set (any long random string, "
            "the same for every worker and for `carepath webhook set`)",
            file=sys.stderr,
        )
        return 1
    app = webhook_app(application, database, settings.webhook_secret.get_secret_value(), on_start)  # type: ignore[arg-type]
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


def set_webhook(url: str | None) -> int:
    """Register the webhook once for all workers (with the shared secret)."""
    from bot.channels.telegram import TokenError, check_token, register_webhook
    from bot.channels.telegram_webhook import WEBHOOK_PATH

    settings = Settings()
    try:
        token = check_token(
            settings.telegram_token.get_secret_value() if settings.telegram_token else None
        )
    except TokenError as error:
        print(f"Cannot set the webhook: {error}", file=sys.stderr)
        return 1
    target = url or settings.webhook_url
    if not target or not settings.webhook_secret:
        print(
            "Cannot set the webhook: give --url (or CAREPATH_WEBHOOK_URL) and set "
            "CAREPATH_WEBHOOK_SECRET",
            file=sys.stderr,
        )
        return 1
    full = target.rstrip("/") + WEBHOOK_PATH

    asyncio.run(
        register_webhook(
            token, full, settings.webhook_secret.get_secret_value(), settings.telegram_base_url
        )
    )
    print(f"webhook set to {full}")
    return 0


def make_relay(
    settings: Settings,
    knowledge: object,
    database: Database,
    bot: object,
    hub_chats: dict[str, int],
) -> object:
    """A relay that delivers through this bot."""
    from datetime import timedelta

    from bot.channels.telegram_relay import TelegramHubChannel
    from bot.maintenance import worker_name
    from bot.relay import Relay

    return Relay(
        knowledge=knowledge,
        database=database,
        channel=TelegramHubChannel(bot),
        hub_chats=hub_chats,
        admin_chat=settings.admin_chat,
        worker=worker_name(),
        lease=timedelta(seconds=settings.relay_lease_seconds),
    )  # type: ignore[arg-type]


def run_relay() -> int:
    """Deliver the outbox until stopped, without answering anyone (a relay-only worker)."""
    from bot.channels.telegram import TokenError, check_token, relay_bot

    configure_logging()
    settings = Settings()
    try:
        token = check_token(
            settings.telegram_token.get_secret_value() if settings.telegram_token else None
        )
        knowledge = load_knowledge(settings)
        hub_chats = settings.hub_chat_ids()
    except (TokenError, KnowledgeError, ValueError) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1

    async def work() -> None:
        database = Database(settings.resolved_database_url())
        await ensure_current(database)
        async with relay_bot(token, settings.telegram_base_url) as bot:
            relay = make_relay(settings, knowledge, database, bot, hub_chats)
            await relay.run_forever(idle=0.2)  # type: ignore[attr-defined]

    try:
        asyncio.run(work())
    except (DatabaseBehind, DatabaseUnavailable) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0
