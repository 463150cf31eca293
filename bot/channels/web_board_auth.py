"""Signing in to the hubs' lead board: each recruiter with their own password, tries counted in
the database (shared by every worker, kept across restarts) per account and per address, and
sign-ins kept on the server, so signing out, a new password or a removal ends every copy."""

from __future__ import annotations

import secrets
from datetime import timedelta

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from bot.hubs.passwords import hash_password, password_matches
from knowledge.base.entries import Knowledge
from storage.database import Database
from storage.models import Recruiter
from storage.rates import count_try, forget_try
from storage.recruiters import end_session, find_recruiter, signed_in, start_session

TRIES, WINDOW = 5, 300  # per account (and per known device): five tries in five minutes
ADDRESS_TRIES = 30  # per address in the same window: an office shares one address
SIGNED_IN_FOR = timedelta(hours=12)  # a sign-in lapses after this, even if never ended
KNOWN_DEVICES = 5  # accounts this browser has signed in to, remembered in its signed cookie
TOO_MANY = "Too many tries. Please wait five minutes, or sign in from a device you have used."
NO_MATCH = "That name and password do not match this hub's."
_NOBODY = hash_password(secrets.token_urlsafe(16))  # checked when there is no such recruiter


def actor_of(recruiter: Recruiter) -> tuple[str, str]:
    """How a board recruiter shows on leads, and who they are (never confused with a name)."""
    return f"{recruiter.name} (board)", f"board:{recruiter.id}"


async def current_recruiter(
    request: Request, database: Database, knowledge: Knowledge
) -> Recruiter | None:
    """The recruiter of this browser's sign-in, if it still holds."""
    token = request.session.get("board")
    if not token:
        return None
    async with database.transaction() as session:
        recruiter = await signed_in(session, token=token)
    if recruiter is None or recruiter.hub_id not in knowledge.hubs:
        return None
    return recruiter


async def sign_in(
    request: Request, database: Database, *, hub_id: str, name: str, password: str, address: str
) -> str | None:
    """Sign in, or the reason not. A browser that has signed in to the account before counts
    its tries apart, so guesses from elsewhere can never lock its own recruiter out."""
    account = f"{hub_id}:{name.casefold()}"
    known = list(request.session.get("known", []))
    device = request.session.get("id", "")
    bucket = f"sign-in:device:{account}:{device}" if account in known else f"sign-in:{account}"
    async with database.transaction() as session:
        tries = await count_try(session, key=bucket, window_seconds=WINDOW)
        from_address = await count_try(
            session, key=f"sign-in:address:{address}", window_seconds=WINDOW
        )
        recruiter = await find_recruiter(session, hub_id=hub_id, name=name)
    if tries > TRIES or from_address > ADDRESS_TRIES:
        return TOO_MANY
    stored = recruiter.password_hash if recruiter else _NOBODY
    # scrypt is slow on purpose: off the event loop, and as slow for a name that does not exist
    right = await run_in_threadpool(password_matches, password, stored)
    if recruiter is None or not right:
        return NO_MATCH
    token = secrets.token_urlsafe(32)
    async with database.transaction() as session:
        await start_session(session, recruiter_id=recruiter.id, token=token, lasts=SIGNED_IN_FOR)
        await forget_try(session, key=bucket, window_seconds=WINDOW)
    others = [key for key in known if key != account][-(KNOWN_DEVICES - 1) :]
    known = [*others, account]
    request.session.update(board=token, known=known, csrf=secrets.token_urlsafe(24))
    return None


async def sign_out(request: Request, database: Database) -> None:
    """End this sign-in for every copy of its cookie."""
    token = request.session.pop("board", None)
    if token:
        async with database.transaction() as session:
            await end_session(session, token=token)
