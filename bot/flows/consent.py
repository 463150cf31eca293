"""The consent screen: plain English, naming the hub, what it will do, by when, and how to
withdraw. Its wording has a version, stored with every lead it was shown for. Then the
confirmation of where the details went."""

from __future__ import annotations

from bot.flows.next_steps import CHECK, next_step
from bot.replies import Button, Reply
from knowledge.base.schema import Hub

VERSION = "2026-11-v1"


def consent_reply(*, hub: Hub, interests: str, retention_days: int) -> Reply:
    """The question a person must answer Yes to before anything is shared."""
    months = max(1, round(retention_days / 30.4))
    return Reply(
        f"May I send your details to {hub.name}?\n\n"
        f"• They will see your name, contact details, postcode or town, hours, whether you "
        f"drive and your interest in {interests}.\n"
        f"• A recruiter there will contact you {hub.response_promise} about jobs and training "
        "that fit, and only for that.\n"
        f"• We keep your details for up to {months} months, then delete them.\n"
        "• You can see what we hold with /mydata and withdraw at any time with /forget; we "
        "then delete it and ask the hub to delete it too.",
        (
            Button("Yes, send my details", "form:consent:yes"),
            Button("No, don't send", "form:consent:no"),
        ),
    )


def confirmation(hub: Hub, *, name: str, ref: str, channel: str) -> Reply:
    """What the person reads after Yes: where their details go, what happens now and by when,
    their reference, how to check on it, and their rights."""
    # the terminal has no hub chat of its own: its leads wait until CarePath next reaches the hub
    status = "waiting" if channel == "terminal" else "new"
    went = "are saved for" if status == "waiting" else "are on their way to"
    return Reply(
        f"Thank you, {name}. Your details {went} {hub.name}. Your reference is {ref}.\n\n"
        f"What happens now: {next_step(status, hub)}\n\n"
        f"{CHECK} /mydata shows everything we hold about you; /forget withdraws it at any "
        "time.",
        (Button("Where my request stands", "status"), Button("Ask another question", "menu")),
    )
