"""Webhook mode: our own Starlette app in front of the PTB Application (N identical workers).

Each update is claimed by its update_id in the database before it is handled, so a retried or
duplicated delivery is handled once; when the database is down the answer is 503 and
Telegram delivers the update again later."""

from __future__ import annotations

import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from storage.database import Database, DatabaseUnavailable
from storage.updates import claim_update, finish_update

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram"


def webhook_app(
    application: Application,
    database: Database,
    secret: str,
    on_start: Callable[[], Awaitable[None]] | None = None,
) -> Starlette:
    """The ASGI app: POST /telegram for updates, GET /health for the load balancer.
    `on_start` runs before the first update (checks, background work)."""

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        try:
            data = await request.json()
            update_id = int(data["update_id"])
        except (ValueError, KeyError, TypeError):
            return Response(status_code=400)
        try:
            async with database.transaction() as session:
                mine = await claim_update(session, update_id=update_id)
        except DatabaseUnavailable:
            return Response(status_code=503)
        if not mine:
            return Response(status_code=200)  # handled already, or being handled
        await application.process_update(Update.de_json(data, application.bot))
        try:
            async with database.transaction() as session:
                await finish_update(session, update_id=update_id)
        except DatabaseUnavailable:
            log.warning("update %s handled but not marked done", update_id)
        return Response(status_code=200)

    async def health(request: Request) -> Response:
        try:
            async with database.transaction() as session:
                await session.execute(text("SELECT 1"))
        except DatabaseUnavailable:
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if on_start is not None:
            await on_start()
        async with application:
            if application.post_init:
                await application.post_init(application)
            await application.start()
            yield
            await application.stop()

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, receive, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
