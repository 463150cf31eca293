"""Who a web visitor is and whether to take their message: a random id in a signed, HttpOnly,
SameSite cookie (no personal data in it), a CSRF token that every POST must carry, the address
a request came from, and the security headers on every response."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf"


def visitor_id(request: Request, *, create: bool) -> str | None:
    """The visitor's random id from their session cookie; a new one when `create` is set and
    they have none (a lost or forged cookie is a new person)."""
    session = request.session
    if "id" not in session and create:
        session["id"] = secrets.token_urlsafe(18)
        session["csrf"] = secrets.token_urlsafe(24)
    return session.get("id")


def client_address(request: Request, trusted_proxies: frozenset[str]) -> str:
    """The address a request came from. X-Forwarded-For is believed only when the request came
    through a proxy the operator named: then the nearest address that is not one of them."""
    host = request.client.host if request.client else "unknown"
    if host not in trusted_proxies:
        return host
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",")]
    return next((hop for hop in reversed(hops) if hop and hop not in trusted_proxies), host)


def csrf_token(request: Request) -> str:
    """The token the page embeds and each POST sends back."""
    return request.session.get("csrf", "")


def csrf_ok(request: Request, sent: str | None) -> bool:
    """True when the POST carries the session's own token."""
    expected = request.session.get("csrf")
    return bool(expected and sent) and hmac.compare_digest(expected, sent or "")


class SecurityHeaders:
    """Headers every page gets: only our own scripts, styles and images; never framed (the
    board's buttons cannot be clicked through another site); no sniffing; no referrer sent."""

    HEADERS = (
        (
            b"content-security-policy",
            b"default-src 'self'; img-src 'self'; script-src 'self'; style-src 'self'; "
            b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    )

    HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")

    def __init__(self, app: ASGIApp, https: bool = False) -> None:
        self.app = app
        self.headers = (*self.HEADERS, self.HSTS) if https else self.HEADERS

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        private = scope["path"].startswith("/hub")  # leads' names and phone numbers

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"cache-control", b"no-store")] if private else []
                message["headers"] = [*message.get("headers", []), *self.headers, *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
