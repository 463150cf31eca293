"""The interest form: what, name, contact, place, hours, driving, a summary, then consent."""

from __future__ import annotations

import re
from typing import Any

from bot.flows import consent
from bot.flows.checks import check_contact, check_name, check_place
from bot.flows.interest_prompts import HOURS, QUESTIONS, interest_title, miss, prompt
from bot.flows.questions import yes_or_no
from bot.flows.turn import Turn
from bot.hubs.routing import route
from bot.process import metrics
from bot.replies import Button, Reply
from storage.interest import record_interest
from storage.leads import create_lead
from storage.models import utcnow
from storage.state import clear_state, set_state

FLOW = "interest"
STEPS = (*QUESTIONS, "summary", "consent")
APPLY_INTENT = re.compile(
    r"\b(i( want| would like|'?d like) to apply|how (do|can) i apply|sign me up|"
    r"register (my )?interest|i'?m interested|i am interested|apply (for|now|today)|"
    r"get in touch with a recruiter|contact a recruiter)\b",
    re.IGNORECASE,
)
JOB_AT = 0.05  # a job the reading finds this likely, in answer to 'what are you interested in'...
JOB_LEAD = 2.0  # ...and this many times likelier than the next job, is the one meant
CANCEL_WORDS = {"cancel", "/cancel", "stop", "quit form", "exit"}
BACK_WORDS = {"back", "go back", "/back"}
SKIP_WORDS = {"skip", "pass", "rather not say", "prefer not to say"}
_YES = {"yes", "y", "yeah", "yep", "yes please", "sure", "ok", "okay"}
_NO = {"no", "n", "nope", "no thanks"}


def wants_to_apply(text: str) -> bool:
    """True for messages like 'I want to apply' or 'sign me up'."""
    return bool(APPLY_INTENT.search(text))


def in_form(turn: Turn) -> bool:
    """True while the person is filling in the form."""
    return turn.state.flow == FLOW


async def light_interest(turn: Turn, kind: str, entry_id: str) -> list[Reply]:
    """'I'm interested' on a role or apprenticeship: note it and offer the full form."""
    title = interest_title(turn.knowledge, f"{kind}:{entry_id}")
    if title is None:
        return []
    await record_interest(turn.session, person_id=turn.person.id, kind=kind, entry_id=entry_id)
    return [
        Reply(
            f"Noted: you're interested in {title}. Would you like a recruiter from your local "
            "hub to contact you about it? It takes a minute, and nothing is shared unless you "
            "say yes at the end.",
            (
                Button("Yes, contact me", f"form:start:{kind}:{entry_id}"),
                Button("Not now", "menu"),
            ),
        )
    ]


async def start(turn: Turn, interest: str | None = None) -> list[Reply]:
    """Begin the form, pre-filled with what the person was looking at, if anything."""
    data: dict[str, Any] = {**turn.kept(), "interests": [], "misses": 0}
    chosen = interest if interest and interest_title(turn.knowledge, interest) else None
    if chosen:
        data["interests"] = [chosen]
    first = "name" if chosen else "interests"
    set_state(turn.state, flow=FLOW, step=first, data=data)
    intro = Reply(
        "Let's put you in touch with a recruiter. I'll ask a few quick questions; type 'back' "
        "to change an answer or 'cancel' to stop. Nothing is shared until you say yes."
    )
    return [intro, prompt(turn, first)]


async def handle(turn: Turn) -> list[Reply]:
    """Take the person's answer to the current step (typed, tapped or shared)."""
    button = turn.incoming.button or ""
    text = turn.text
    lowered = text.casefold()
    if button == "form:cancel" or lowered in CANCEL_WORDS:
        return cancel(turn)
    if button == "form:back" or lowered in BACK_WORDS:
        return _back(turn)
    if button.startswith("form:edit:"):
        return _edit(turn, button.removeprefix("form:edit:"))
    step = turn.state.step
    handler = _HANDLERS[step]
    return await handler(turn, text, button)


def cancel(turn: Turn) -> list[Reply]:
    """Stop the form and forget its answers."""
    _leave(turn)
    return [
        Reply("Cancelled. Nothing was saved or shared. Ask me anything else whenever you like.")
    ]


def _leave(turn: Turn) -> None:
    clear_state(turn.state, keep=turn.kept())


def _data(turn: Turn) -> dict[str, Any]:
    return dict(turn.state.data)


def _go(turn: Turn, step: str, data: dict[str, Any]) -> list[Reply]:
    data["misses"] = 0
    if data.pop("return_to", None) == "summary" and step not in ("summary", "consent"):
        step = "summary"
    set_state(turn.state, flow=FLOW, step=step, data=data)
    return [prompt(turn, step)]


def _back(turn: Turn) -> list[Reply]:
    step = turn.state.step
    index = STEPS.index(step)
    if index == 0:
        return cancel(turn)
    data = _data(turn)
    data.pop("return_to", None)
    previous = STEPS[index - 1]
    data["misses"] = 0
    set_state(turn.state, flow=FLOW, step=previous, data=data)
    return [prompt(turn, previous)]


def _edit(turn: Turn, step: str) -> list[Reply]:
    if step not in STEPS[:6]:
        return [prompt(turn, turn.state.step)]
    data = _data(turn)
    data["return_to"] = "summary"
    if step == "interests":
        data["interests"] = []
    data["misses"] = 0
    set_state(turn.state, flow=FLOW, step=step, data=data)
    return [prompt(turn, step)]


async def _interests(turn: Turn, text: str, button: str) -> list[Reply]:
    data = _data(turn)
    if button.startswith("form:interest:"):
        choice = button.removeprefix("form:interest:")
        if choice != "any" and interest_title(turn.knowledge, choice) is None:
            return [prompt(turn, "interests")]
        data["interests"] = [] if choice == "any" else [choice]
        return _go(turn, "name", data)
    if not text:
        return [prompt(turn, "interests")]
    found = _jobs_named(turn, text)
    if not found:
        if text.casefold() in ("not sure", "anything", "any", "don't know", "dont know"):
            data["interests"] = []
            return _go(turn, "name", data)
        return miss(
            turn,
            "I didn't recognise that job. Type a job such as 'care worker' or "
            "'nursing associate', or choose 'Not sure yet'.",
        )
    data["interests"] = found[:1]
    return _go(turn, "name", data)


def _jobs_named(turn: Turn, text: str) -> list[str]:
    """The jobs or apprenticeships an answer names: by name, else the job the learned reading
    finds likeliest ('care work' is the care worker's job), when it stands out."""
    understanding = turn.answerer.index.understand(text)
    found = [
        f"{'role' if m.kind == 'roles' else 'app'}:{m.entry_id}"
        for m in understanding.matches
        if m.kind in ("roles", "apprenticeships") and m.score >= 60
    ]
    reader = turn.answerer.reader
    if found or reader is None:
        return found
    jobs = [c for c in reader.read(text).candidates if c.kind in ("roles", "apprenticeships")]
    if not jobs or jobs[0].probability < JOB_AT:
        return []
    if len(jobs) > 1 and jobs[1].probability * JOB_LEAD > jobs[0].probability:
        return []
    return [f"{'role' if jobs[0].kind == 'roles' else 'app'}:{jobs[0].about}"]


async def _name(turn: Turn, text: str, button: str) -> list[Reply]:
    checked = check_name(text)
    if checked.value is None:
        return miss(turn, checked.hint or "Please type your name.")
    data = _data(turn)
    data["name"] = checked.value
    return _go(turn, "contact", data)


async def _contact(turn: Turn, text: str, button: str) -> list[Reply]:
    checked = check_contact(turn.incoming.shared_phone or text)
    if checked.value is None:
        return miss(turn, checked.hint or "Please send a phone number or an email address.")
    data = _data(turn)
    data["contact"], data["contact_kind"] = checked.value, checked.kind
    return _go(turn, "place", data)


async def take_place(turn: Turn, place: str) -> list[Reply]:
    """Fill the place step from elsewhere (a shared location's nearest town)."""
    return await _place(turn, place, "")


async def _place(turn: Turn, text: str, button: str) -> list[Reply]:
    checked = check_place(text, turn.knowledge)
    if checked.value is None:
        return miss(turn, checked.hint or "Please send your postcode.")
    data = _data(turn)
    data["place"], data["place_kind"] = checked.value, checked.kind
    return _go(turn, "hours", data)


async def _hours(turn: Turn, text: str, button: str) -> list[Reply]:
    data = _data(turn)
    choice = button.removeprefix("form:hours:") if button.startswith("form:hours:") else None
    lowered = text.casefold()
    if choice is None and text:
        choice = next((key for key in HOURS if key in lowered), None)
        if lowered in SKIP_WORDS:
            choice = "skip"
    if choice is None:
        return miss(turn, "Please choose Full-time, Part-time or Flexible, or Skip.")
    data["hours"] = HOURS.get(choice)
    return _go(turn, "drives", data)


async def _drives(turn: Turn, text: str, button: str) -> list[Reply]:
    data = _data(turn)
    lowered = text.casefold()
    choice = button.removeprefix("form:drives:") if button.startswith("form:drives:") else None
    if choice is None and text:
        choice = yes_or_no(text)
        if lowered in SKIP_WORDS:
            choice = "skip"
    if choice is None:
        return miss(turn, "Please choose Yes or No, or Skip.")
    data["drives"] = {"yes": True, "no": False}.get(choice)
    return _go(turn, "summary", data)


async def _summary(turn: Turn, text: str, button: str) -> list[Reply]:
    if button == "form:confirm" or text.casefold() in _YES:
        return _go(turn, "consent", _data(turn))
    return miss(turn, "Choose 'Yes, that's right' to continue, or a Change button to fix a detail.")


async def _consent(turn: Turn, text: str, button: str) -> list[Reply]:
    lowered = text.casefold()
    if button == "form:consent:no" or lowered in _NO:
        _leave(turn)
        return [
            Reply(
                "No problem: your details have not been shared and I've deleted your "
                "answers. You can still ask me anything."
            )
        ]
    if button != "form:consent:yes" and lowered not in ("yes", "yes please", "i agree"):
        return miss(turn, "Please choose 'Yes, send my details' or 'No, don't send'.")
    data = _data(turn)
    coverage = route(turn.knowledge, data["place"], data.get("interests", []))
    contact_kind = data.get("contact_kind")
    metrics.LEADS.labels(coverage.hub.id).inc()
    lead = await create_lead(
        turn.session,
        person_id=turn.person.id,
        name=data["name"],
        phone=data["contact"] if contact_kind == "phone" else None,
        email=data["contact"] if contact_kind == "email" else None,
        postcode=data["place"] if data.get("place_kind") == "postcode" else None,
        town=data["place"] if data.get("place_kind") == "town" else None,
        interests=list(data.get("interests", [])),
        hours=data.get("hours"),
        drives=data.get("drives"),
        hub_id=coverage.hub.id,
        hub_reason=coverage.reason,
        source=turn.person.source,
        consent_version=consent.VERSION,
        consent_at=utcnow(),
    )
    _leave(turn)
    return [
        consent.confirmation(
            coverage.hub, name=data["name"], ref=lead.ref, channel=turn.incoming.channel
        )
    ]


_HANDLERS = {
    "interests": _interests,
    "name": _name,
    "contact": _contact,
    "place": _place,
    "hours": _hours,
    "drives": _drives,
    "summary": _summary,
    "consent": _consent,
}
