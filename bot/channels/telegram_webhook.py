"""Webhook mode: our own Starlette app in front of the PTB Application (N identical workers).

Each update is claimed by its update_id in the database before it is handled, so a retried or
duplicated delivery is handled once. A delivery of an update another worker still holds, or
any delivery while the database is down, is answered 503 and Telegram delivers it again later:
a worker killed mid-update loses nothing."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr
from sqlalchemy import text
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

from storage.database import Database, DatabaseUnavailable
from storage.updates import CLAIM_FOR, claim_update, finish_update, update_done

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram"
MAX_BODY_BYTES = 1024 * 1024  # Telegram's updates are far smaller; anything bigger is not one
MAX_UPDATE_ID = 2**63 - 1  # the column is 64-bit
RETRY_TAKEN_AFTER = int(CLAIM_FOR.total_seconds())


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The request body, or None as soon as it is known to pass `limit` bytes (by its
    Content-Length, or while it streams in), without reading the rest."""
    declared = request.headers.get("content-length", "")
    if declared.isdecimal() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def parse_update(body: bytes, application: Application) -> Update | None:
    """A valid Telegram update, or None for anything else: not JSON, NaN or Infinity, nesting
    too deep to parse, no integer update_id in range, or fields PTB cannot read."""
    try:
        data = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    update_id = data.get("update_id")
    if type(update_id) is not int or not 0 <= update_id <= MAX_UPDATE_ID:
        return None
    try:
        _Shape.model_validate(data)  # what handlers rely on has the right type
        return Update.de_json(data, application.bot)
    except Exception as error:  # PTB raises whatever a wrongly typed field makes it raise
        log.info("refused update %s: %s", update_id, type(error).__name__)
        return None


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class _Chat(_Loose):
    id: StrictInt
    type: StrictStr


class _User(_Loose):
    id: StrictInt


class _Message(_Loose):
    message_id: StrictInt
    chat: _Chat
    sender: _User | None = Field(default=None, alias="from")
    text: StrictStr | None = None
    reply_to_message: _Loose | None = None


class _Callback(_Loose):
    id: StrictStr
    sender: _User = Field(alias="from")
    data: StrictStr | None = None
    message: _Loose | None = None


class _Shape(_Loose):
    """The parts of an update CarePath's handlers read, with the types Telegram sends."""

    message: _Message | None = None
    edited_message: _Message | None = None
    callback_query: _Callback | None = None


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def webhook_app(
    application: Application,
    database: Database,
    secret: str,
    on_start: Callable[[], Awaitable[None]] | None = None,
    on_stop: Callable[[], Awaitable[None]] | None = None,
    extra_routes: Sequence[Route] = (),
) -> Starlette:
    """The ASGI app: POST /telegram for updates, GET /health for the load balancer.
    `on_start` runs before the first update (checks, background work), `on_stop` after the
    last (background work finished or released)."""

    async def receive(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.encode()):
            return Response(status_code=403)
        body = await read_limited(request, MAX_BODY_BYTES)
        if body is None:
            return Response(status_code=413)
        update = parse_update(body, application)
        if update is None:
            return Response(status_code=400)
        update_id = update.update_id
        try:
            async with database.transaction() as session:
                mine = await claim_update(session, update_id=update_id)
                done = not mine and await update_done(session, update_id=update_id)
        except DatabaseUnavailable:
            return Response(status_code=503)
        if done:
            return Response(status_code=200)  # handled already
        if not mine:
            # Another worker has it in hand; if that worker dies, only a redelivery after its
            # claim runs out gets the update handled, so ask Telegram to deliver it again.
            return Response(status_code=503, headers={"Retry-After": str(RETRY_TAKEN_AFTER)})
        await application.process_update(update)
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
            if on_stop is not None:
                await on_stop()

    return Starlette(
        routes=[
            Route(WEBHOOK_PATH, receive, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
            *extra_routes,
        ],
        lifespan=lifespan,
    )
