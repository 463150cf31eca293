"""The hubs' lead board on the web: each recruiter signs in as themselves and sees, claims and
updates their hub's leads only. Claims and status changes go through the engine as the Telegram
buttons do, so they are the same records and the Telegram card follows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from bot.channels.web_board_auth import actor_of, current_recruiter, sign_in, sign_out
from bot.channels.web_guard import (
    CSRF_FIELD,
    client_address,
    csrf_ok,
    csrf_token,
    visitor_id,
)
from bot.engine import Engine
from bot.hubs.board_chart import chart_svg, median_hours_to_claim, weekly_counts
from bot.hubs.cards import CHANGES, STATUS_LABELS, interest_titles
from bot.hubs.export import leads_csv
from bot.incoming import Incoming
from knowledge.base.entries import Knowledge
from storage.leads import find_lead, leads_for_export
from storage.models import LeadEvent, utcnow


def hub_routes(
    engine: Engine, templates: Jinja2Templates, trusted_proxies: frozenset[str] = frozenset()
) -> list[Route]:
    """/hub (sign in, or the board), claims, status changes, the CSV export and the chart."""
    knowledge = engine.knowledge
    database = engine.database

    async def board(request: Request) -> Response:
        visitor_id(request, create=True)
        recruiter = await current_recruiter(request, database, knowledge)
        if recruiter is None:
            typed = request.session.pop("typed", {})
            return _page(templates, request, "hub_sign_in.html", hubs=_hubs(knowledge), typed=typed)
        async with database.transaction() as session:
            leads = list(reversed(await leads_for_export(session, hub_id=recruiter.hub_id)))
        rows = [
            {
                "lead": lead,
                "status": STATUS_LABELS.get(lead.status, lead.status),
                "interests": interest_titles(knowledge, lead.interests),
                "changes": {k: v for k, v in CHANGES.items() if k != lead.status},
            }
            for lead in leads
        ]
        name, actor_id = actor_of(recruiter)
        hub = knowledge.hubs[recruiter.hub_id]
        return _page(
            templates, request, "hub_board.html", hub=hub, name=name, me=actor_id, rows=rows
        )

    async def sign_in_form(request: Request) -> Response:
        form = await request.form()
        if not csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            return Response("Your session has ended. Reload the page.", status_code=403)
        hub_id, name = str(form.get("hub", "")), str(form.get("name", "")).strip()[:60]
        if not name:
            request.session["notice"] = "Please give your name, as the hub registered it."
            return RedirectResponse("/hub", status_code=303)
        refused = await sign_in(
            request,
            database,
            hub_id=hub_id,
            name=name,
            password=str(form.get("password", "")),
            address=client_address(request, trusted_proxies),
        )
        if refused:
            request.session["notice"] = refused
            request.session["typed"] = {"hub": hub_id, "name": name}  # kept, never the password
        return RedirectResponse("/hub", status_code=303)

    async def sign_out_form(request: Request) -> Response:
        form = await request.form()
        if csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            await sign_out(request, database)
        return RedirectResponse("/hub", status_code=303)

    async def act(request: Request) -> Response:
        recruiter = await current_recruiter(request, database, knowledge)
        form = await request.form()
        if recruiter is None or not csrf_ok(request, str(form.get(CSRF_FIELD, ""))):
            return Response("Please sign in again.", status_code=403)
        hub_id = recruiter.hub_id
        name, actor_id = actor_of(recruiter)
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
        incoming = Incoming(
            f"hub:{hub_id}", button=button, hub_id=hub_id, actor=name, actor_id=actor_id
        )
        replies = await engine.handle(incoming)
        request.session["notice"] = replies[0].text if replies else None
        return RedirectResponse("/hub", status_code=303)

    async def export(request: Request) -> Response:
        recruiter = await current_recruiter(request, database, knowledge)
        if recruiter is None:
            return Response("Please sign in.", status_code=403)
        async with engine.database.transaction() as session:
            leads = await leads_for_export(session, hub_id=recruiter.hub_id)
        name = f"{recruiter.hub_id}-leads-{utcnow():%Y-%m-%d}.csv"
        return Response(
            leads_csv(leads),
            media_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    async def chart(request: Request) -> Response:
        recruiter = await current_recruiter(request, database, knowledge)
        if recruiter is None:
            return Response("Please sign in.", status_code=403)
        today = datetime.now(UTC)
        async with engine.database.transaction() as session:
            since = today - timedelta(weeks=9)
            leads = await leads_for_export(session, hub_id=recruiter.hub_id, since=since)
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
        Route("/hub/sign-in", sign_in_form, methods=["POST"]),
        Route("/hub/sign-out", sign_out_form, methods=["POST"]),
        Route("/hub/leads/{lead_id}/{action}", act, methods=["POST"]),
        Route("/hub/export.csv", export, methods=["GET"]),
        Route("/hub/chart.svg", chart, methods=["GET"]),
    ]


def _hubs(knowledge: Knowledge) -> list[tuple[str, str]]:
    return [(hub.id, hub.name) for hub in knowledge.hubs.values()]


def _page(templates: Jinja2Templates, request: Request, page: str, **context: Any) -> Response:
    notice = context.pop("notice", None) or request.session.pop("notice", None)
    values = {**context, "csrf": csrf_token(request), "notice": notice}
    return templates.TemplateResponse(request, page, values)


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)
