"""What the interest form asks at each step, its summary, and its consent screen."""

from __future__ import annotations

from bot.answers.wording import apprenticeship_title
from bot.flows import consent
from bot.flows.turn import Turn
from bot.hubs.routing import route
from bot.replies import Button, Reply
from knowledge.base import Knowledge

HOURS = {"full": "Full-time", "part": "Part-time", "flexible": "Flexible"}


def interest_title(knowledge: Knowledge, interest: str) -> str | None:
    """'Care worker' or 'the Adult Care Worker apprenticeship' for 'role:...'/'app:...'."""
    kind, _, entry_id = interest.partition(":")
    if kind == "role" and entry_id in knowledge.roles:
        return knowledge.roles[entry_id].title
    if kind == "app" and entry_id in knowledge.apprenticeships:
        return f"the {apprenticeship_title(knowledge.apprenticeships[entry_id].title)}"
    return None


def _interest_list(turn: Turn, interests: list[str]) -> str:
    titles = [title for title in (interest_title(turn.knowledge, i) for i in interests) if title]
    return ", ".join(titles) or "jobs in health and care (not sure yet)"


def prompt(turn: Turn, step: str) -> Reply:
    """What the form asks at `step`, with its buttons."""
    data = turn.state.data
    back = Button("Back", "form:back")
    if step == "interests":
        last = data.get("last")
        options = (
            [Button(interest_title(turn.knowledge, last)[:48], f"form:interest:{last}")]
            if (last and interest_title(turn.knowledge, last))
            else []
        )
        return Reply(
            "What are you interested in? Type a job (for example 'care worker') or choose one.",
            (
                *options,
                Button("Not sure yet", "form:interest:any"),
                Button("Cancel", "form:cancel"),
            ),
        )
    if step == "name":
        return Reply("What's your name?", (back,))
    if step == "contact":
        return Reply(
            "What's the best phone number or email address for the recruiter to contact you on?",
            (back,),
            ask_contact=True,
        )
    if step == "place":
        return Reply(
            "What's your postcode? The first half (like NG7) is enough. Or tell me your town.",
            (back,),
        )
    if step == "hours":
        return Reply(
            "What hours would suit you?",
            (
                *(Button(label, f"form:hours:{key}") for key, label in HOURS.items()),
                Button("Skip", "form:hours:skip"),
                back,
            ),
        )
    if step == "drives":
        return Reply(
            "Do you drive?",
            (
                Button("Yes", "form:drives:yes"),
                Button("No", "form:drives:no"),
                Button("Skip", "form:drives:skip"),
                back,
            ),
        )
    if step == "summary":
        return Reply(
            _summary_text(turn),
            (
                Button("Yes, that's right", "form:confirm"),
                Button("Change interest", "form:edit:interests"),
                Button("Change name", "form:edit:name"),
                Button("Change contact", "form:edit:contact"),
                Button("Change postcode or town", "form:edit:place"),
                Button("Cancel", "form:cancel"),
            ),
        )
    coverage = route(turn.knowledge, data["place"], data.get("interests", []))
    return consent.consent_reply(
        hub=coverage.hub,
        interests=_interest_list(turn, data.get("interests", [])),
        retention_days=turn.retention_days,
    )


def _summary_text(turn: Turn) -> str:
    data = turn.state.data
    drives = {True: "Yes", False: "No"}.get(data.get("drives"), "Not said")
    return (
        "Please check your details:\n"
        f"• Interested in: {_interest_list(turn, data.get('interests', []))}\n"
        f"• Name: {data.get('name')}\n"
        f"• Contact: {data.get('contact')}\n"
        f"• Postcode or town: {data.get('place')}\n"
        f"• Hours: {data.get('hours') or 'Not said'}\n"
        f"• Drives: {drives}"
    )
