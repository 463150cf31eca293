"""How a recruitment hub reads: who covers a place, how to reach them, what they promise."""

from __future__ import annotations

from bot.answers.wording import bullets, compose
from bot.replies import Button, Reply
from knowledge.base.schema import Hub


def hub_reply(hub: Hub, place: str | None = None) -> Reply:
    """Who to contact about jobs in a place, and what they promise."""
    where = f"For {place}, the" if place else "The"
    contact = hub.contact
    lines = [
        f"{where} recruitment hub is {hub.name} ({hub.region}).",
        f"They recruit for {_sectors(hub)} and promise to reply {hub.response_promise}.",
        bullets(
            part
            for part in (
                f"Email: {contact.email}" if contact.email else "",
                f"Phone: {contact.phone}" if contact.phone else "",
                f"Website: {contact.website}" if contact.website else "",
            )
            if part
        ),
        "Register your interest here and, with your permission, I'll pass your details to them.",
    ]
    buttons = (Button("Register interest", f"interest:hub:{hub.id}"),)
    return Reply(compose(*lines), buttons)


def _sectors(hub: Hub) -> str:
    names = {
        "health": "health",
        "social-care": "adult social care",
        "both": "health and adult social care",
    }
    return " and ".join(names[sector] for sector in hub.sectors)
