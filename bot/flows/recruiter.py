"""The recruiters' side, in a hub's chat: claim leads, record outcomes, list, export, stats,
and answer people's questions by replying to their cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.flows.next_steps import status_notice
from bot.hubs.cards import CHANGES, STATUS_LABELS, lead_card
from bot.hubs.export import leads_csv
from bot.incoming import Incoming
from bot.process import metrics
from bot.replies import Reply
from knowledge.base.entries import Knowledge
from storage.enquiries import enquiry_for_card
from storage.leads import (
    claim_lead,
    find_lead,
    lead_events,
    leads_for_export,
    open_leads,
    set_status,
    status_counts,
)
from storage.outbox import enqueue

HELP = (
    "Recruiter commands here: /leads (open leads, oldest first), /lead REF (one lead and its "
    "history), /export (all this hub's leads as CSV), /stats (this month). Tap Claim on a card "
    "to take a lead; reply to a question card to answer the person."
)


async def handle(session: AsyncSession, knowledge: Knowledge, incoming: Incoming) -> list[Reply]:
    """One recruiter message or tap in a hub chat."""
    hub_id = incoming.hub_id or ""
    actor = Actor(incoming.actor or "a recruiter", incoming.actor_id or "")
    button = incoming.button
    if button:
        if not actor.id:
            return [Reply("Only a signed-in recruiter can do that.")]
        kind, _, rest = button.partition(":")
        if kind == "claim":
            return await _claim(session, knowledge, hub_id, rest, actor)
        if kind == "status":
            lead_id, _, status = rest.partition(":")
            return await _change(session, knowledge, hub_id, lead_id, status, actor)
        return [Reply("That button is out of date.")]
    text = (incoming.text or "").strip()
    if incoming.reply_to is not None and incoming.chat_id is not None and text:
        return await _answer_enquiry(session, incoming.chat_id, incoming.reply_to, text, actor.name)
    command, _, argument = text.partition(" ")
    command = command.split("@")[0].casefold()
    if command == "/leads":
        return await _open(session, hub_id)
    if command == "/lead":
        return await _one(session, knowledge, hub_id, argument)
    if command == "/export":
        return await _export(session, hub_id)
    if command == "/stats":
        return await _stats(session, hub_id)
    if command in ("/help", "/start"):
        return [Reply(HELP)]
    return []  # ordinary chat between recruiters: not for the bot


@dataclass(frozen=True)
class Actor:
    """A recruiter as shown (`name`) and as known (`id`): only the id proves who acts."""

    name: str
    id: str


async def _claim(
    session: AsyncSession, knowledge: Knowledge, hub_id: str, lead_id: str, actor: Actor
) -> list[Reply]:
    lead = await find_lead(session, lead_id=lead_id)
    if lead is None or not _hub_may_act(knowledge, hub_id, lead.hub_id):
        return [Reply("That lead is not this hub's, or it was deleted at the person's request.")]
    if not await claim_lead(session, lead_id=lead_id, owner=actor.name, owner_id=actor.id):
        lead = await find_lead(session, lead_id=lead_id)
        return [Reply(f"{lead.ref} is already claimed by {lead.owner}.")]
    await enqueue(session, kind="card_update", hub_id=lead.hub_id, lead_id=lead.id, payload={})
    metrics.CLAIMS.labels(lead.hub_id).inc()
    return [Reply(f"{lead.ref} is yours, {actor.name}. Please contact them soon.")]


async def _change(
    session: AsyncSession,
    knowledge: Knowledge,
    hub_id: str,
    lead_id: str,
    status: str,
    actor: Actor,
) -> list[Reply]:
    lead = await find_lead(session, lead_id=lead_id)
    if lead is None or status not in CHANGES or not _hub_may_act(knowledge, hub_id, lead.hub_id):
        return [Reply("That lead or button is out of date.")]
    if lead.owner_id is None:
        return [Reply(f"Please claim {lead.ref} first.")]
    if lead.owner_id != actor.id:
        return [Reply(f"{lead.ref} belongs to {lead.owner}; only they can change it.")]
    await set_status(session, lead=lead, status=status, actor=actor.name, actor_id=actor.id)
    await enqueue(session, kind="card_update", hub_id=lead.hub_id, lead_id=lead.id, payload={})
    await enqueue(  # the person hears what changed and what happens next
        session,
        kind="status_notice",
        hub_id=lead.hub_id,
        lead_id=lead.id,
        payload={
            "person_id": lead.person_id,
            "text": status_notice(lead.ref, status, knowledge.hubs.get(lead.hub_id)),
        },
    )
    return [Reply(f"{lead.ref}: {CHANGES[status]} (by {actor.name}).")]


async def _open(session: AsyncSession, hub_id: str) -> list[Reply]:
    leads = await open_leads(session, hub_id=hub_id)
    if not leads:
        return [Reply("No open leads. Well done!")]
    lines = [
        f"{lead.ref} · {lead.created_at:%d %b} · {STATUS_LABELS.get(lead.status, lead.status)}"
        + (f" ({lead.owner})" if lead.owner else "")
        for lead in leads
    ]
    return [Reply(f"Open leads, oldest first ({len(leads)}):\n" + "\n".join(lines))]


async def _one(session: AsyncSession, knowledge: Knowledge, hub_id: str, ref: str) -> list[Reply]:
    lead = await find_lead(session, ref=ref) if ref else None
    if lead is None or lead.hub_id != hub_id:
        return [Reply("No lead with that reference for this hub. Try /leads.")]
    history = await lead_events(session, lead_id=lead.id)
    lines = [f"{event.at:%d %b %H:%M} {event.status} by {event.actor}" for event in history]
    return [Reply(lead_card(knowledge, lead, "Lead") + "\n\nHistory:\n" + "\n".join(lines))]


async def _export(session: AsyncSession, hub_id: str) -> list[Reply]:
    leads = await leads_for_export(session, hub_id=hub_id)
    name = f"{hub_id}-leads-{datetime.now(UTC):%Y-%m-%d}.csv"
    return [
        Reply(f"{len(leads)} lead(s) for this hub.", document=(name, leads_csv(leads).encode()))
    ]


async def _stats(session: AsyncSession, hub_id: str) -> list[Reply]:
    now = datetime.now(UTC)
    counts = await status_counts(
        session, hub_id=hub_id, since=now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    )
    if not counts:
        return [Reply(f"No leads yet in {now:%B %Y}.")]
    lines = [
        f"{STATUS_LABELS.get(status, status)}: {count}" for status, count in sorted(counts.items())
    ]
    return [Reply(f"Leads in {now:%B %Y} ({sum(counts.values())}):\n" + "\n".join(lines))]


async def _answer_enquiry(
    session: AsyncSession, chat_id: int, message_id: int, text: str, actor: str
) -> list[Reply]:
    # the card was posted in this chat (the desk's, when a hub has none), to its members
    enquiry = await enquiry_for_card(session, chat_id=chat_id, message_id=message_id)
    if enquiry is None:
        return []
    await enqueue(
        session,
        kind="enquiry_answer",
        hub_id=enquiry.hub_id,
        payload={
            "person_id": enquiry.person_id,
            "text": f"An answer to your question ({enquiry.ref}) from a recruiter:\n\n{text}",
        },
    )
    enquiry.status = "answered"
    return [Reply(f"Sent to the person who asked {enquiry.ref}.")]


def _hub_may_act(knowledge: Knowledge, hub_id: str, lead_hub_id: str) -> bool:
    """A hub acts on its own leads; the national desk also on the leads escalated to it."""
    desk = knowledge.national_hub
    return lead_hub_id == hub_id or (desk is not None and desk.id == hub_id)
