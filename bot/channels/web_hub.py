"""The hubs' lead board on the web: a hub manager signs in with the hub's password and sees,
claims and updates that hub's leads only. Claims and status changes go through the engine as
the Telegram buttons do, so they are the same records and the Telegram card follows."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from bot.channels.web_guard import CSRF_FIELD, RateLimit, csrf_ok, csrf_token, visitor_id
from bot.engine import Engine
from bot.hubs.board_chart import chart_svg, median_hours_to_claim, weekly_counts
from bot.hubs.cards import CHANGES, STATUS_LABELS, interest_titles
from bot.hubs.export import leads_csv
from bot.hubs.passwords import password_matches
from bot.incoming import Incoming
from knowledge.base import Knowledge
from storage.leads import find_lead, leads_for_export
from storage.models import LeadEvent, utcnow

SIGN_IN_TRIES, SIGN_IN_WINDOW = 5, 300.0  # per hub and address: slows password guessing
SIGNED_IN_FOR = 12 * 60 * 60  # seconds: a board cookie, even a copied one, lapses after this


def hub_routes(
    engine: Engine, passwords: dict[str, str], templates: Jinja2Templates
) -> list[Route]:
    """/hub (sign in, or the board), claims, status changes, the CSV export and the chart."""
    knowledge = engine.knowledge
    tries = RateLimit(limit=SIGN_IN_TRIES, window=SIGN_IN_WINDOW)

    def signed_in(request: Request) -> tuple[str, str] | None:
        """The hub and recruiter of a sign-in that still holds: the hub still exists, its
        password has not changed since, and it is under SIGNED_IN_FOR old."""
        session = request.session
        hub_id, name = session.get("hub"), session.get("recruiter")
        if hub_id not in passwords or hub_id not in knowledge.hubs or not name:
            return None
        fresh = time.time() - session.get("signed_at", 0) < SIGNED_IN_FOR
        if not fresh or session.get("hub_key") != _key_of(passwords[hub_id]):
            return None
        return hub_id, name

    async def board(request: Request) -> Response:
        visitor_id(request, create=True)
        who = signed_in(request)
        if who is None:
            return _page(templates, request, "hub_sign_in.html", hubs=_hubs(knowledge, passwords))
        hub_id, name = who
        async with engine.database.transaction() as session:
            leads = list(reversed(await leads_for_export(session, hub_id=hub_id)))
        rows = [
            {
                "lead": lead,
                "status": STATUS_LABELS.get(lead.status, lead.status),
                "interests": interest_titles(knowledge, lead.interests),
                "changes": {k: v for k, v in CHANGES.items() if k != lead.status},
            }
            for lead in leads
        ]
        hub = knowledge.hubs[hub_id]
        return _page(templates, request, "hub_board.html", hub=hub, name=name, rows=rows)

    async def sign_in(request: Request) -> Response:
        form = await request.form()
        if not csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            return Response("Your session has ended. Reload the page.", status_code=403)
        hub_id, name = str(form.get("hub", "")), str(form.get("name", "")).strip()[:60]
        address = request.client.host if request.client else "?"
        if not tries.allow(f"{hub_id}:{address}"):
            request.session["notice"] = "Too many tries. Please wait five minutes."
        elif not name:
            request.session["notice"] = "Please give your name: it shows on the leads you claim."
        elif await run_in_threadpool(  # scrypt is slow on purpose: not on the event loop
            _right_password, passwords, hub_id, str(form.get("password", ""))
        ):
            request.session.update(
                hub=hub_id,
                recruiter=f"{name} (web)",
                hub_key=_key_of(passwords[hub_id]),
                signed_at=int(time.time()),
                csrf=secrets.token_urlsafe(24),
            )
        else:
            request.session["notice"] = "That hub and password do not match."
        return RedirectResponse("/hub", status_code=303)

    async def sign_out(request: Request) -> Response:
        form = await request.form()
        if csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            for key in ("hub", "recruiter", "hub_key", "signed_at"):
                request.session.pop(key, None)
        return RedirectResponse("/hub", status_code=303)

    async def act(request: Request) -> Response:
        who = signed_in(request)
        form = await request.form()
        if who is None or not csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            return Response("Please sign in again.", status_code=403)
        hub_id, name = who
        lead_id = request.path_params["lead_id"]
        async with engine.database.transaction() as session:
            lead = await find_lead(session, lead_id=lead_id)
        if lead is None or lead.hub_id != hub_id:
            return Response("There is no such lead for this hub.", status_code=404)
        action = request.path_params["action"]
        if action == "claim":
            button = f"claim:{lead_id}"
        elif action == "status" and str(form.get("status")) in CHANGES:
            button = f"status:{lead_id}:{form.get('status')}"
        else:
            return Response("Choose a status from the list.", status_code=400)
        incoming = Incoming(f"hub:{hub_id}", button=button, hub_id=hub_id, actor=name)
        replies = await engine.handle(incoming)
        request.session["notice"] = replies[0].text if replies else None
        return RedirectResponse("/hub", status_code=303)

    async def export(request: Request) -> Response:
        who = signed_in(request)
        if who is None:
            return Response("Please sign in.", status_code=403)
        async with engine.database.transaction() as session:
            leads = await leads_for_export(session, hub_id=who[0])
        name = f"{who[0]}-leads-{utcnow():%Y-%m-%d}.csv"
        return Response(
            leads_csv(leads),
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def chart(request: Request) -> Response:
        who = signed_in(request)
        if who is None:
            return Response("Please sign in.", status_code=403)
        today = datetime.now(UTC)
        async with engine.database.transaction() as session:
            leads = await leads_for_export(session, hub_id=who[0], since=today - timedelta(weeks=9))
            claims = await session.execute(
                select(LeadEvent.lead_id, LeadEvent.at).where(
                    LeadEvent.lead_id.in_([lead.id for lead in leads]),
                    LeadEvent.status == "claimed",
                )
            )
        created = {lead.id: _aware(lead.created_at) for lead in leads}
        waits = [_aware(at) - created[lead_id] for lead_id, at in claims.all()]
        weeks = weekly_counts([(created[lead.id], lead.status) for lead in leads], today)
        first = today - timedelta(days=today.weekday(), weeks=len(weeks) - 1)
        svg = chart_svg(weeks, median_hours_to_claim(waits), first)
        return Response(svg, media_type="image/svg+xml")

    return [
        Route("/hub", board, methods=["GET"]),
        Route("/hub/sign-in", sign_in, methods=["POST"]),
        Route("/hub/sign-out", sign_out, methods=["POST"]),
        Route("/hub/leads/{lead_id}/{action}", act, methods=["POST"]),
        Route("/hub/export.csv", export, methods=["GET"]),
        Route("/hub/chart.svg", chart, methods=["GET"]),
    ]


def _key_of(stored: str) -> str:
    """A short fingerprint of a hub's stored hash: a new password ends every sign-in."""
    return hashlib.sha256(stored.encode()).hexdigest()[:16]


def _right_password(passwords: dict[str, str], hub_id: str, password: str) -> bool:
    return hub_id in passwords and password_matches(password, passwords[hub_id])


def _hubs(knowledge: Knowledge, passwords: dict[str, str]) -> list[tuple[str, str]]:
    return [(hub.id, hub.name) for hub in knowledge.hubs.values() if hub.id in passwords]


def _page(templates: Jinja2Templates, request: Request, page: str, **context: Any) -> Response:
    notice = context.pop("notice", None) or request.session.pop("notice", None)
    values = {**context, "csrf": csrf_token(request), "notice": notice}
    return templates.TemplateResponse(request, page, values)


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)
