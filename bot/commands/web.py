"""`carepath web`: the chat page and the hubs' lead board, served by uvicorn."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import sys
from collections.abc import AsyncIterator

from bot.commands.run import _check_database
from bot.process.config import Settings
from bot.process.http_server import serve
from bot.process.logs import configure_logging
from bot.process.metrics import metrics_route, refresh_every, serve_on_port
from bot.process.wiring import DatabaseBehind, build_engine, load_knowledge
from knowledge.base.problems import KnowledgeError
from storage.database import Database


def run_web(host: str, port: int, metrics_port: int | None = None) -> int:
    """Serve the web channel until stopped (SIGTERM or SIGINT: requests finish, exit 0)."""
    from bot.channels.web import web_app

    configure_logging()
    settings = Settings()
    try:
        knowledge = load_knowledge(settings)
        asyncio.run(_check_database(settings))
    except (KnowledgeError, DatabaseBehind) as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        return 1
    database = Database(settings.resolved_database_url())
    engine = build_engine(knowledge, database, settings)

    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None

    @contextlib.asynccontextmanager
    async def lifespan(app: object) -> AsyncIterator[None]:
        if metrics_port:
            serve_on_port(metrics_port)
        scraped = metrics_port or token
        refreshing = asyncio.create_task(refresh_every(knowledge, database)) if scraped else None
        try:
            yield
        finally:
            if refreshing is not None:
                refreshing.cancel()
            await database.close()  # on the server's own loop, before it closes

    app = web_app(
        engine,
        secret_key=web_secret(settings),
        https_only=settings.web_https_only,
        trusted_proxies=settings.proxies(),
        per_minute=(settings.web_messages_per_minute, settings.web_messages_per_address_per_minute),
        extra_routes=[metrics_route(knowledge, database, token)] if token else [],
        lifespan=lifespan,
    )
    serve(app, host, port)
    return 0


def web_secret(settings: Settings) -> str:
    """The key that signs visitors' cookies: CAREPATH_WEB_SECRET (the same on every web
    worker), or one made once and kept in the data directory for a single machine."""
    if settings.web_secret:
        return settings.web_secret.get_secret_value()
    kept = settings.data_dir / "web-secret"
    if not kept.exists():
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(secrets.token_urlsafe(48))
        kept.chmod(0o600)
    return kept.read_text().strip()
