"""The web channel: a chat page any careers or hub website can link to, over the same engine,
flows and database as Telegram. A visitor is a random id in a signed cookie."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.answers.pictures import picture_dir
from bot.channels.telegram_webhook import read_limited
from bot.channels.web_guard import (
    CSRF_HEADER,
    SecurityHeaders,
    client_address,
    csrf_ok,
    csrf_token,
    visitor_id,
)
from bot.channels.web_hub import hub_routes
from bot.engine import Engine
from bot.incoming import Incoming
from bot.replies import Reply
from storage.database import DatabaseUnavailable
from storage.rates import count_try

PAGES = Path(__file__).with_name("web_pages")
MAX_MESSAGE_CHARS = 4096
MAX_BODY_BYTES = 64 * 1024
COOKIE = "carepath"
_PICTURE = re.compile(r"route-[0-9a-f]{6,64}\.png")
_START_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
TOO_LONG = (
    f"That message is over {MAX_MESSAGE_CHARS:,} characters. Please ask one thing at a time, "
    "in a shorter message."
)
NO_SESSION = "Your session has ended. Reload the page to start again."
PER_PERSON, PER_ADDRESS = 20, 120  # messages a minute, counted in the database
TOO_FAST = "You're sending messages very quickly. Please wait a minute, then try again."
templates = Jinja2Templates(directory=str(PAGES))


def web_app(
    engine: Engine,
    *,
    secret_key: str,
    https_only: bool = False,
    trusted_proxies: Sequence[str] = (),
    per_minute: tuple[int, int] = (PER_PERSON, PER_ADDRESS),
    extra_routes: Sequence[BaseRoute] = (),
    lifespan: Any = None,
) -> Starlette:
    """The ASGI app: / (the chat page), POST /send, /picture/NAME, /health, and /hub, the
    hubs' lead board. `https_only`: served over HTTPS, so cookies are Secure and browsers are
    told to keep to HTTPS (HSTS). `trusted_proxies`: the only addresses whose X-Forwarded-For
    is believed. `per_minute`: messages a person, and an address, may send a minute."""
    proxies = frozenset(trusted_proxies)

    async def page(request: Request) -> Response:
        # A visit is not a person: nothing is stored until they first send something.
        visitor_id(request, create=True)
        start = request.query_params.get("start", "")
        payload = start if _START_PAYLOAD.match(start) else ""
        if payload:
            request.session["came_from"] = payload
        return templates.TemplateResponse(
            request,
            "chat.html",
            {
                "replies": [_shown(reply) for reply in engine.opening(payload)],
                "csrf": csrf_token(request),
            },
        )

    async def send(request: Request) -> Response:
        person = visitor_id(request, create=False)
        if person is None:
            return _refused(403, NO_SESSION)
        if not csrf_ok(request, request.headers.get(CSRF_HEADER)):
            return _refused(403, NO_SESSION)
        body = await read_limited(request, MAX_BODY_BYTES)
        if body is None:
            return _refused(413, TOO_LONG)
        message = _message(body)
        if message is None:
            return _refused(400, "Send a message as text, or tap one of the buttons.")
        if len(message.get("text") or "") > MAX_MESSAGE_CHARS:
            return _refused(400, TOO_LONG)
        address = client_address(request, proxies)
        async with engine.database.transaction() as session:
            sent = await count_try(session, key=f"send:{person}", window_seconds=60)
            from_address = await count_try(session, key=f"send-from:{address}", window_seconds=60)
        if sent > per_minute[0] or from_address > per_minute[1]:
            return _refused(429, TOO_FAST)
        came_from = request.session.pop("came_from", None)
        incoming = Incoming(f"web:{person}", source="web", came_from=came_from, **message)
        replies = await engine.handle(incoming, raise_unavailable=True)
        return JSONResponse({"replies": [_shown(reply) for reply in replies]})

    async def picture(request: Request) -> Response:
        name = request.path_params["name"]
        path = picture_dir() / name
        if not _PICTURE.fullmatch(name) or not path.is_file():
            return Response(status_code=404)
        return FileResponse(path, media_type="image/png")

    async def health(request: Request) -> Response:
        try:
            async with engine.database.transaction() as session:
                await session.execute(text("SELECT 1"))
        except DatabaseUnavailable:
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        return JSONResponse({"status": "ok"})

    return Starlette(
        routes=[
            Route("/", page, methods=["GET"]),
            Route("/send", send, methods=["POST"]),
            Route("/picture/{name}", picture, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
            Mount("/static", StaticFiles(directory=str(PAGES / "static")), name="static"),
            *hub_routes(engine, templates, proxies),
            *extra_routes,
        ],
        exception_handlers={DatabaseUnavailable: _database_down},
        lifespan=lifespan,
        middleware=[
            Middleware(SecurityHeaders, https=https_only),
            Middleware(
                SessionMiddleware,
                secret_key=secret_key,
                session_cookie=COOKIE,
                same_site="lax",
                https_only=https_only,
                max_age=60 * 60 * 24 * 30,
            ),
        ],
    )


def _message(body: bytes) -> dict[str, str] | None:
    """{'text': ...} or {'button': ...} from a JSON body, or None for anything else."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    for field in ("text", "button"):
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            return {field: value}
    return None


def _shown(reply: Reply) -> dict[str, Any]:
    """A reply as the page shows it: plain text (escaped by the page), buttons, a picture."""
    image = Path(reply.image_path).name if reply.image_path else None
    return {
        "text": reply.text,
        "buttons": [{"label": b.label, "payload": b.payload} for b in reply.buttons],
        "image": f"/picture/{image}" if image else None,
    }


async def _database_down(request: Request, error: Exception) -> Response:
    """Any page while the database is unreachable: 503, and nothing lost (nothing was saved)."""
    message = "CarePath can't reach its database just now. Please try again in a few minutes."
    if request.url.path == "/send":
        return _refused(503, message)
    return Response(message, status_code=503, media_type="text/plain")


def _refused(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)
