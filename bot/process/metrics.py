"""Metrics in the Prometheus format, for the people who run CarePath: what the bot handles, how
it answers, leads, deliveries, claims, errors, and each hub's outbox read from the database when
scraped. Every label comes from a fixed set (kinds, outcomes, hub ids): never personal data."""

from __future__ import annotations

import asyncio
import contextlib
import hmac

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    generate_latest,
    start_http_server,
)
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from knowledge.base.entries import Knowledge
from storage.database import Database, DatabaseUnavailable
from storage.health import hub_health

REGISTRY = CollectorRegistry()
UPDATES = Counter("carepath_updates", "Messages handled, by kind", ["kind"], registry=REGISTRY)
ANSWERS = Counter(
    "carepath_answers", "Questions answered, by outcome", ["outcome"], registry=REGISTRY
)
LEADS = Counter("carepath_leads_created", "Leads created, by hub", ["hub"], registry=REGISTRY)
DELIVERIES = Counter(
    "carepath_deliveries",
    "Outbox deliveries, by kind and result",
    ["kind", "result"],
    registry=REGISTRY,
)
CLAIMS = Counter(
    "carepath_claims", "Leads claimed by a recruiter, by hub", ["hub"], registry=REGISTRY
)
ERRORS = Counter("carepath_errors", "Failures, by kind", ["kind"], registry=REGISTRY)
OUTBOX_WAITING = Gauge(
    "carepath_outbox_waiting",
    "Messages waiting to be delivered, by hub",
    ["hub"],
    registry=REGISTRY,
)
OUTBOX_OLDEST = Gauge(
    "carepath_outbox_oldest_waiting_seconds",
    "Age of the oldest waiting message, by hub",
    ["hub"],
    registry=REGISTRY,
)
OUTBOX_PARKED = Gauge(
    "carepath_outbox_parked",
    "Messages parked (chat unreachable), by hub",
    ["hub"],
    registry=REGISTRY,
)
CLAIM_MEDIAN = Gauge(
    "carepath_claim_median_seconds",
    "Median time from lead to claim, last 30 days, by hub",
    ["hub"],
    registry=REGISTRY,
)
UNCLAIMED_LATE = Gauge(
    "carepath_leads_unclaimed_past_promise",
    "Leads not claimed within the hub's promise",
    ["hub"],
    registry=REGISTRY,
)


async def refresh(knowledge: Knowledge, database: Database) -> None:
    """Read each hub's outbox and claims from the database into the gauges."""
    promises = {hub.id: hub.response_hours for hub in knowledge.hubs.values()}
    async with database.transaction() as session:
        health = await hub_health(session, promises=promises)
    for hub, numbers in health.items():
        OUTBOX_WAITING.labels(hub).set(numbers.waiting)
        OUTBOX_OLDEST.labels(hub).set(numbers.oldest_waiting_seconds)
        OUTBOX_PARKED.labels(hub).set(numbers.parked)
        UNCLAIMED_LATE.labels(hub).set(numbers.unclaimed_past_promise)
        if numbers.median_claim_seconds is not None:
            CLAIM_MEDIAN.labels(hub).set(numbers.median_claim_seconds)


def metrics_route(knowledge: Knowledge, database: Database, token: str | None = None) -> Route:
    """GET /metrics for any Starlette app (the webhook worker, the web worker). Hub figures are
    not for everyone: on a public port, give a `token` that scrapers send as a bearer token."""

    async def metrics(request: Request) -> Response:
        if token is not None:
            sent = request.headers.get("authorization", "").removeprefix("Bearer ")
            if not hmac.compare_digest(sent.encode(), token.encode()):
                return Response("Not found", status_code=404)
        try:
            await refresh(knowledge, database)
        except DatabaseUnavailable:
            ERRORS.labels("database-unavailable").inc()
        return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    return Route("/metrics", metrics, methods=["GET"])


def serve_on_port(port: int, host: str = "127.0.0.1") -> None:
    """Serve the metrics on their own port (polling and relay workers, which have no web app),
    from prometheus-client's own small server in a background thread."""
    start_http_server(port, addr=host, registry=REGISTRY)


async def refresh_every(knowledge: Knowledge, database: Database, seconds: float = 15.0) -> None:
    """Keep the database-read gauges fresh for a port served outside any request."""
    while True:
        with contextlib.suppress(DatabaseUnavailable):
            await refresh(knowledge, database)
        await asyncio.sleep(seconds)
