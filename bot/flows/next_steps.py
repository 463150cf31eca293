"""What a person reads about a request they sent: where it stands and what happens next, in
their words (never the operator's), the same in the confirmation, /mystatus, /mydata, the
news of a status change and the answer to 'what happens now'."""

from __future__ import annotations

from knowledge.base.schema import Hub

STATUS_FOR_PEOPLE = {
    "new": "with the hub, waiting for a recruiter",
    "waiting": "waiting to be sent to the hub",
    "claimed": "a recruiter is handling it",
    "contacted": "a recruiter has contacted you",
    "unsuitable": "closed by the hub",
    "started": "you started work. Congratulations!",
}
CHECK = "To see where it stands at any time, send /mystatus."


def where_it_stands(status: str) -> str:
    """The status in a person's words."""
    return STATUS_FOR_PEOPLE.get(status, status)


def next_step(status: str, hub: Hub | None) -> str:
    """What happens next for a request in this status, and what (if anything) the person
    does."""
    name = hub.name if hub else "the recruitment hub"
    promise = hub.response_promise if hub else "soon"
    if status == "waiting":
        return (
            f"It goes to {name} as soon as CarePath next reaches them; you don't need to do "
            f"anything. A recruiter then contacts you {promise}."
        )
    if status == "new":
        return f"A recruiter at {name} will contact you {promise}, by the phone or email you gave."
    if status == "claimed":
        return (
            f"A recruiter at {name} has taken it on and will contact you {promise}: look out "
            "for a call or email, including in your spam folder."
        )
    if status == "contacted":
        return (
            "If you missed them, reply to their message or email; they can tell you about "
            "jobs and training that fit you."
        )
    if status == "unsuitable":
        return (
            f"{name} has nothing that fits right now. You can still plan a route to the job "
            "you want, or send your details again when things change."
        )
    if status == "started":
        return "When you're ready for your next step, ask me 'what's next for me'."
    return ""


def status_notice(ref: str, status: str, hub: Hub | None) -> str:
    """The message a person gets when a recruiter changes their request's status."""
    return (
        f"News about your request {ref}: {where_it_stands(status)}. {next_step(status, hub)}\n\n"
        f"{CHECK}"
    )
