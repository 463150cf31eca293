"""People's control of their data: /mydata shows all we hold, /forget erases it."""

from __future__ import annotations

from bot.answers.wording import apprenticeship_title
from bot.flows.next_steps import next_step, where_it_stands
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from storage.enquiries import enquiries_of
from storage.interest import interests_of
from storage.leads import lead_events, leads_of
from storage.models import Lead
from storage.outbox import card_delivered, enqueue
from storage.people import erase_person
from storage.questions import questions_of
from storage.state import clear_state, set_state

FLOW = "forget"


def _when(moment: object) -> str:
    return f"{moment:%d %B %Y}" if moment else "unknown"


async def my_data(turn: Turn) -> list[Reply]:
    """Everything held about the person, readably."""
    person, session = turn.person, turn.session
    lines = [
        "Here is everything CarePath holds about you:",
        f"• You first wrote to us on {_when(person.first_seen)} via {person.channel}"
        + (f" (from {person.source})." if person.source else "."),
    ]
    if person.channel == "terminal":  # one computer may be shared
        lines.append(
            f"• This is the data of the person chatting here as '{person.channel_user_id}'. "
            "If that isn't you, quit and start afresh with: carepath chat --new"
        )
    interests = await interests_of(session, person_id=person.id)
    if interests:
        shown = ", ".join(_entry_title(turn, i.kind, i.entry_id) for i in interests)
        lines.append(f"• Things you said you were interested in: {shown}.")
    for lead in await leads_of(session, person_id=person.id):
        hub = turn.knowledge.hubs.get(lead.hub_id)
        contact = lead.phone or lead.email
        place = lead.postcode or lead.town
        history = await lead_events(session, lead_id=lead.id)
        status = where_it_stands(await shown_status(turn, lead))
        lines.append(
            f"• Details sent to {hub.name if hub else lead.hub_id} on {_when(lead.consent_at)} "
            f"(reference {lead.ref}, status: {status}): name {lead.name}, contact "
            f"{contact}, place {place}, hours {lead.hours or 'not said'}, drives "
            f"{ {True: 'yes', False: 'no'}.get(lead.drives, 'not said') }. "
            f"{len(history)} status change(s) recorded."
        )
    if turn.state.flow == "interest":
        held = {k: v for k, v in turn.state.data.items() if k in ("name", "contact", "place")}
        if held:
            lines.append(
                "• An unfinished form with: " + ", ".join(f"{k} {v}" for k, v in held.items())
            )
    lines.extend(_remembered(turn))
    for enquiry in await enquiries_of(session, person_id=person.id):
        lines.append(
            f"• A question you asked a person at {_hub_name(turn, enquiry.hub_id)} on "
            f"{_when(enquiry.created_at)} (reference {enquiry.ref}): {enquiry.question}"
        )
    questions = await questions_of(session, person_id=person.id)
    if questions:
        lines.append(f"• {len(questions)} question(s) you asked, kept to improve our answers:")
        lines.extend(f"   – {q.text}" for q in questions)
    if len(lines) == 2 + (person.channel == "terminal"):
        lines.append("• Nothing else: no details, no interests, no questions.")
    lines.append("\nTo delete all of it, send /forget.")
    return [Reply("\n".join(lines), (Button("Delete my data", "forget:ask"),))]


async def my_status(turn: Turn) -> list[Reply]:
    """Where each of the person's leads stands."""
    leads = await leads_of(turn.session, person_id=turn.person.id)
    if not leads:
        return [
            Reply(
                "You haven't asked a recruiter to contact you yet. When you'd like a "
                "recruitment hub to get in touch, register your interest: it takes a minute.",
                (Button("Register interest", "interest"),),
            )
        ]
    lines = []
    for lead in leads:
        status = await shown_status(turn, lead)
        hub = turn.knowledge.hubs.get(lead.hub_id)
        name = hub.name if hub else lead.hub_id
        lines.append(
            f"• {lead.ref} ({_when(lead.created_at)}), {name}: {where_it_stands(status)}. "
            f"{next_step(status, hub)}"
        )
    return [Reply("Your requests:\n" + "\n".join(lines))]


async def shown_status(turn: Turn, lead: Lead) -> str:
    """The lead's status as the person sees it: a new lead not yet delivered is 'waiting'."""
    if lead.status == "new" and not await card_delivered(turn.session, lead_id=lead.id):
        return "waiting"
    return lead.status


def _hub_name(turn: Turn, hub_id: str) -> str:
    hub = turn.knowledge.hubs.get(hub_id)
    return hub.name if hub else hub_id


def _remembered(turn: Turn) -> list[str]:
    """What the conversation state keeps between messages, such as the last job looked at."""
    lines = []
    for key, what in (
        ("last", "The last job or apprenticeship you looked at"),
        ("job", "The job you told us you do"),
    ):
        value = turn.state.data.get(key)
        if value:
            kind, _, entry_id = str(value).rpartition(":")
            lines.append(f"• {what}: {_entry_title(turn, kind or 'role', entry_id)}.")
    if turn.state.data.get("keep_earning"):
        lines.append("• That you must keep earning while you train.")
    if asked := turn.state.data.get("asked"):
        lines.append(f"• A question you could pass to a person at a hub: {asked}")
    return lines


def ask_to_forget(turn: Turn) -> list[Reply]:
    """Ask the person to confirm before anything is erased."""
    set_state(turn.state, flow=FLOW, step="confirm", data={})
    return [
        Reply(
            "This deletes everything CarePath holds about you: your details, interests, "
            "questions and any form in progress. If your details already went to a recruitment "
            "hub, we'll ask them to delete them too. This can't be undone. Delete it all?",
            (Button("Yes, delete everything", "forget:yes"), Button("No, keep it", "forget:no")),
        )
    ]


async def handle(turn: Turn) -> list[Reply]:
    """The answer to 'Delete it all?'."""
    answer = turn.incoming.button or turn.text.casefold()
    if answer in ("forget:yes", "yes", "yes, delete everything"):
        return await _forget(turn)
    clear_state(turn.state)
    return [Reply("Nothing was deleted.")]


async def _forget(turn: Turn) -> list[Reply]:
    session, person = turn.session, turn.person
    notified = []
    for lead in await leads_of(session, person_id=person.id):
        if await card_delivered(session, lead_id=lead.id):
            card = [lead.card_chat_id, lead.card_message_id] if lead.card_message_id else None
            await enqueue(
                session,
                kind="forget_notice",
                hub_id=lead.hub_id,
                payload={"ref": lead.ref, "card": card},
            )
            notified.append(lead.hub_id)
    for enquiry in await enquiries_of(session, person_id=person.id):
        if enquiry.card_message_id is not None:  # the question reached a hub's chat
            card = [enquiry.card_chat_id, enquiry.card_message_id]
            await enqueue(
                session,
                kind="forget_notice",
                hub_id=enquiry.hub_id,
                payload={"ref": enquiry.ref, "card": card},
            )
            notified.append(enquiry.hub_id)
    notified = [turn.knowledge.hubs[h].name if h in turn.knowledge.hubs else h for h in notified]
    await session.flush()  # write any pending state first, so the erase removes it too
    await erase_person(session, person_id=person.id)
    session.expunge(turn.state)
    session.expunge(person)
    told = (
        f" We've asked {', '.join(sorted(set(notified)))} to delete your details too."
        if notified
        else ""
    )
    return [Reply(f"Done: everything we held about you has been deleted.{told}")]


def _entry_title(turn: Turn, kind: str, entry_id: str) -> str:
    if kind == "role":
        role = turn.knowledge.roles.get(entry_id)
        return role.title if role else entry_id
    item = turn.knowledge.apprenticeships.get(entry_id)
    return apprenticeship_title(item.title) if item else entry_id
