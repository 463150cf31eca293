"""`carepath web`: the chat page and the hubs' lead board, served by uvicorn."""

from __future__ import annotations

import secrets
import sys

from bot.commands.run import _check_database, _stops_with_exit_0
from bot.hubs.passwords import parse_passwords
from bot.process.config import Settings
from bot.process.logs import configure_logging
from bot.process.metrics import metrics_route
from bot.process.wiring import DatabaseBehind, build_engine, load_knowledge
from knowledge.problems import KnowledgeError
from storage.database import Database


def run_web(host: str, port: int) -> int:
    """Serve the web channel until stopped (SIGTERM or SIGINT: requests finish, exit 0)."""
    import asyncio

    import uvicorn

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
    app = web_app(
        engine,
        secret_key=web_secret(settings),
        https_only=settings.web_https_only,
        hub_passwords=parse_passwords(settings.hub_passwords),
        extra_routes=[metrics_route(knowledge, database)],
    )
    server = _stops_with_exit_0(uvicorn)(
        uvicorn.Config(app, host=host, port=port, log_level="warning")
    )
    server.run()
    asyncio.run(database.close())
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
