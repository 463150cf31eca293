"""`carepath run` (long polling, or --webhook workers), `carepath relay` and `webhook set`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from starlette.routing import Route

from bot.hubs.hub_channel import HubChannel
from bot.hubs.relay import Relay
from bot.process.config import Settings
from bot.process.logs import configure_logging
from bot.process.metrics import metrics_route, refresh_every, serve_on_port
from bot.process.wiring import (
    DatabaseBehind,
    build_engine,
    ensure_current,
    load_knowledge,
    open_database,
)
from knowledge.base.entries import Knowledge
from knowledge.base.problems import KnowledgeError
from storage.database import Database

log = logging.getLogger(__name__)
STOP_WITHIN_SECONDS = 8.0  # the relay finishes its send; the whole process exits within 10 s


@dataclass(frozen=True)
class Startup:
    """What every Telegram-facing process checks before it starts."""

    settings: Settings
    token: str
    knowledge: Knowledge
    hub_chats: dict[str, int]

    def relay(self, database: Database, channel: HubChannel) -> Relay:
        """A relay delivering through `channel`."""
        from bot.process.maintenance import worker_name

        return Relay(
            knowledge=self.knowledge,
            database=database,
            channel=channel,
            hub_chats=self.hub_chats,
            admin_chat=self.settings.admin_chat,
            worker=worker_name(),
            lease=timedelta(seconds=self.settings.relay_lease_seconds),
        )


def _startup() -> Startup | None:
    """Settings, token, knowledge and hub chats, or None after printing what is wrong."""
    from bot.channels.telegram import TokenError, check_token

    configure_logging()
    settings = Settings()
    secret = settings.telegram_token.get_secret_value() if settings.telegram_token else None
    try:
        return Startup(
            settings, check_token(secret), load_knowledge(settings), settings.hub_chat_ids()
        )
    except (TokenError, KnowledgeError, ValueError) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return None


def run_bot(*, webhook: bool, host: str, port: int, metrics_port: int | None = None) -> int:
    """Run the Telegram bot, with its relay and scheduled work, until stopped."""
    from bot.channels.telegram import ALLOWED_UPDATES, build_application
    from bot.channels.telegram_relay import TelegramHubChannel
    from bot.process.maintenance import maintenance_loop

    start = _startup()
    if start is None:
        return 1
    settings = start.settings
    try:
        asyncio.run(_check_database(settings))
    except DatabaseBehind as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    database = Database(settings.resolved_database_url())
    application = build_application(
        token=start.token,
        engine=build_engine(start.knowledge, database, settings),
        hub_chats=start.hub_chats,
        base_url=settings.telegram_base_url,
    )
    work = BackgroundWork()

    async def on_start() -> None:
        await ensure_current(database)
        relay = start.relay(database, TelegramHubChannel(application.bot))
        for hub_id in relay.missing_chats():
            log.warning("hub %s has no chat configured: its leads go to the national desk", hub_id)
        upkeep = [
            maintenance_loop(
                database, retention_days=settings.retention_days, knowledge=start.knowledge
            )
        ]
        if metrics_port:  # on 127.0.0.1; a public port serves /metrics only with a token
            serve_on_port(metrics_port)
            upkeep.append(refresh_every(start.knowledge, database))
        work.start(relay, *upkeep)

    async def on_stop() -> None:
        await work.stop()
        await database.close()
        log.info("stopped cleanly")

    try:
        if webhook:
            token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
            routes = [metrics_route(start.knowledge, database, token)] if token else []
            return _serve_webhook(
                application, database, settings, (on_start, on_stop), routes, host, port
            )
        application.post_init = _then(application.post_init, on_start)
        application.post_stop = _then(application.post_stop, on_stop)
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
        return 0
    except DatabaseBehind as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1


async def _check_database(settings: Settings) -> None:
    """Before any worker starts: the database is reachable and up to date (the built-in file
    is created and migrated). Raises DatabaseUnavailable or DatabaseBehind."""
    database = await open_database(settings)
    await database.close()


class BackgroundWork:
    """The relay and the upkeep loop beside a bot. On stopping, the relay finishes the send
    under way and gives the rest of its batch back; the upkeep loop is simply cancelled."""

    def __init__(self) -> None:
        self.stopping = asyncio.Event()
        self.relay: asyncio.Task[None] | None = None
        self.upkeep: list[asyncio.Task[None]] = []

    def start(self, relay: Relay | None, *upkeep: Coroutine[Any, Any, None]) -> None:
        """Run the relay and the upkeep loops until stop()."""
        if relay is not None:
            self.relay = asyncio.create_task(relay.run_forever(stop=self.stopping))
        self.upkeep = [asyncio.create_task(loop) for loop in upkeep]

    async def stop(self, within: float = STOP_WITHIN_SECONDS) -> None:
        """Stop both, the relay within `within` seconds (then cancelled)."""
        self.stopping.set()
        for task in self.upkeep:
            task.cancel()
        for task in [*self.upkeep, *([self.relay] if self.relay else [])]:
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(task, timeout=within)


def _then(
    first: Callable[..., Awaitable[None]] | None, then: Callable[[], Awaitable[None]]
) -> Callable[..., Awaitable[None]]:
    async def both(application: object) -> None:
        if first is not None:
            await first(application)
        await then()

    return both


def _serve_webhook(
    application: object,
    database: Database,
    settings: Settings,
    hooks: tuple[Callable[[], Awaitable[None]], Callable[[], Awaitable[None]]],
    routes: list[Route],
    host: str,
    port: int,
) -> int:
    from bot.channels.telegram_webhook import webhook_app
    from bot.process.http_server import serve

    if not settings.webhook_secret:
        print(
            "Cannot start: CAREPATH_WEBHOOK_SECRET is not set (any long random string, "
            "the same for every worker and for `carepath webhook set`)",
            file=sys.stderr,
        )
        return 1
    secret = settings.webhook_secret.get_secret_value()
    on_start, on_stop = hooks
    app = webhook_app(application, database, secret, on_start, on_stop, routes)  # type: ignore[arg-type]
    serve(app, host, port)
    return 0


def run_relay(metrics_port: int | None = None) -> int:
    """Deliver the outbox until stopped, without answering anyone (a relay-only worker)."""
    from bot.channels.telegram import relay_bot
    from bot.channels.telegram_relay import TelegramHubChannel

    start = _startup()
    if start is None:
        return 1

    async def work() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        database = Database(start.settings.resolved_database_url())
        try:
            await ensure_current(database)
            async with relay_bot(start.token, start.settings.telegram_base_url) as bot:
                relay = start.relay(database, TelegramHubChannel(bot))
                work = BackgroundWork()
                if metrics_port:
                    serve_on_port(metrics_port)
                    work.start(None, refresh_every(start.knowledge, database))
                await relay.run_forever(idle=0.2, stop=stop)
                await work.stop()
        finally:
            await database.close()
        log.info("relay stopped cleanly")

    try:
        asyncio.run(work())
    except DatabaseBehind as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    return 0


def set_webhook(url: str | None) -> int:
    """Register the webhook once for all workers (with the shared secret)."""
    from bot.channels.telegram import register_webhook
    from bot.channels.telegram_webhook import WEBHOOK_PATH

    start = _startup()
    if start is None:
        return 1
    settings = start.settings
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
            start.token,
            full,
            settings.webhook_secret.get_secret_value(),
            settings.telegram_base_url,
        )
    )
    print(f"webhook set to {full}")
    return 0
