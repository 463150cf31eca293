"""What recruiters see in their hub chat: lead cards, reminders, enquiries, deletion notices."""

from __future__ import annotations

from bot.answers.wording import apprenticeship_title
from bot.replies import Button
from knowledge.base.entries import Knowledge
from storage.models import Enquiry, Lead

STATUS_LABELS = {
    "new": "New, not yet claimed",
    "claimed": "Claimed",
    "contacted": "Contacted",
    "unsuitable": "Not suitable",
    "started": "Started work",
}
CHANGES = {"contacted": "Contacted", "unsuitable": "Not suitable", "started": "Started work"}


def interest_titles(knowledge: Knowledge, interests: list[str]) -> str:
    """'Care worker, the Nursing Associate apprenticeship', or 'not sure yet'."""
    titles = []
    for interest in interests:
        kind, _, entry_id = interest.partition(":")
        table = knowledge.roles if kind == "role" else knowledge.apprenticeships
        entry = table.get(entry_id)
        if entry is not None:
            titles.append(entry.title if kind == "role" else apprenticeship_title(entry.title))
    return ", ".join(titles) or "not sure yet"


def lead_card(knowledge: Knowledge, lead: Lead, header: str = "New lead") -> str:
    """The card text: reference first, so a duplicate card is easy to spot."""
    drives = {True: "yes", False: "no"}.get(lead.drives, "not said")
    status = STATUS_LABELS.get(lead.status, lead.status)
    owner = f" by {lead.owner}" if lead.owner else ""
    return (
        f"{header} {lead.ref}\n"
        f"Interested in: {interest_titles(knowledge, lead.interests)}\n"
        f"Name: {lead.name}\n"
        f"Contact: {lead.phone or lead.email}\n"
        f"Postcode or town: {lead.postcode or lead.town}\n"
        f"Hours: {lead.hours or 'not said'}; drives: {drives}\n"
        f"Came from: {lead.source or 'direct'}\n"
        f"Consent: {lead.consent_at:%d %b %Y %H:%M} UTC ({lead.consent_version})\n"
        f"Status: {status}{owner}"
    )


def lead_buttons(lead: Lead) -> tuple[Button, ...]:
    """Claim while unclaimed; then the outcomes."""
    if lead.owner_id is None:
        return (Button("Claim", f"claim:{lead.id}"),)
    if lead.status in ("unsuitable", "started"):
        return ()
    return tuple(
        Button(label, f"status:{lead.id}:{status}")
        for status, label in CHANGES.items()
        if status != lead.status
    )


def enquiry_card(enquiry: Enquiry) -> str:
    """A person's question for the hub; a reply to this message goes back to them."""
    return (
        f"Question {enquiry.ref} from someone using CarePath:\n\n{enquiry.question}\n\n"
        "Reply to this message to answer them; your reply is sent to them by the bot."
    )


def erased_card(ref: str) -> str:
    """What a card says once the person asked to be forgotten: their details are gone."""
    return (
        f"{ref}: removed at the person's request. CarePath has erased what they shared, so "
        "their details are no longer shown here."
    )


def forget_notice(ref: str) -> str:
    """Ask the hub to delete a lead's details."""
    return (
        f"Please delete {ref}: the person asked CarePath to erase what they shared. "
        "Remove it from any list or system you copied it into."
    )
