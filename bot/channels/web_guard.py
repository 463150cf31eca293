"""Who a web visitor is and whether to take their message: a random id in a signed, HttpOnly,
SameSite cookie (no personal data in it), a CSRF token that every POST must carry, a
per-person rate limit, and the security headers on every response."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import defaultdict, deque

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


def csrf_token(request: Request) -> str:
    """The token the page embeds and each POST sends back."""
    return request.session.get("csrf", "")


def csrf_ok(request: Request, sent: str | None) -> bool:
    """True when the POST carries the session's own token."""
    expected = request.session.get("csrf")
    return bool(expected and sent) and hmac.compare_digest(expected, sent or "")


class RateLimit:
    """At most `limit` messages per person in any `window` seconds (per worker)."""

    def __init__(self, limit: int = 20, window: float = 60.0) -> None:
        self.limit, self.window = limit, window
        self.sent: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, person: str, now: float | None = None) -> bool:
        """Count this message; False when the person is over the limit."""
        now = time.monotonic() if now is None else now
        times = self.sent[person]
        while times and now - times[0] > self.window:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self.sent) > 100_000:  # forget idle people rather than grow without end
            for key in [k for k, v in self.sent.items() if not v or now - v[-1] > self.window]:
                del self.sent[key]
        return True


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

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        private = scope["path"].startswith("/hub")  # leads' names and phone numbers

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"cache-control", b"no-store")] if private else []
                message["headers"] = [*message.get("headers", []), *self.HEADERS, *extra]
            await send(message)

        await self.app(scope, receive, with_headers)
