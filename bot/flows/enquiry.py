"""'Ask a person': with consent, a question goes to a hub as an enquiry card, and a recruiter's
reply to the card comes back to the person in this chat."""

from __future__ import annotations

from bot.flows.menu import ask_person_reply
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from storage.enquiries import create_enquiry
from storage.leads import leads_of
from storage.questions import mark_last_question
from storage.state import clear_state, set_state

FLOW = "ask"


def in_enquiry(turn: Turn) -> bool:
    """True while the person is writing or confirming a question for a person."""
    return turn.state.flow == FLOW


async def start(turn: Turn) -> list[Reply]:
    """Offer to pass the last unanswered question to a recruitment hub."""
    if turn.incoming.channel != "telegram":
        return [ask_person_reply(turn.knowledge)]  # no way back to a terminal: give contacts
    question = turn.state.data.get("asked")
    if not question:
        set_state(turn.state, flow=FLOW, step="question", data=turn.kept())
        return [
            Reply(
                "What would you like to ask a person at a recruitment hub?",
                (Button("Cancel", "ask:no"),),
            )
        ]
    return await _confirm(turn, question)


async def handle(turn: Turn) -> list[Reply]:
    """The question itself, or the answer to 'May I send it?'."""
    button = turn.incoming.button or ""
    if button == "ask:no" or turn.text.casefold() in ("cancel", "no", "/cancel"):
        clear_state(turn.state, keep=turn.kept())
        return [Reply("OK, I haven't sent anything.")]
    if turn.state.step == "question":
        if not any(ch.isalnum() for ch in turn.text):
            return [Reply("Please type your question, or choose Cancel.")]
        return await _confirm(turn, turn.text[:1000])
    if button != "ask:send" and turn.text.casefold() not in ("yes", "yes please"):
        return [Reply("Please choose 'Yes, send it' or 'No'.")]
    hub = await _hub(turn)
    question = turn.state.data.get("question", "")
    enquiry = await create_enquiry(
        turn.session, person_id=turn.person.id, hub_id=hub.id, question=question
    )
    await mark_last_question(
        turn.session, person_id=turn.person.id, outcome="asked-person", text=question
    )
    clear_state(turn.state, keep=turn.kept())
    return [
        Reply(
            f"Sent to {hub.name} (reference {enquiry.ref}). A recruiter will reply here, "
            f"usually {hub.response_promise}."
        )
    ]


async def _confirm(turn: Turn, question: str) -> list[Reply]:
    hub = await _hub(turn)
    set_state(turn.state, flow=FLOW, step="confirm", data={**turn.kept(), "question": question})
    return [
        Reply(
            f"May I send this question to {hub.name}?\n\n“{question}”\n\nOnly the question goes, "
            "not your name or number. A recruiter will reply here in this chat. /forget deletes it "
            "at any time.",
            (Button("Yes, send it", "ask:send"), Button("No", "ask:no")),
        )
    ]


async def _hub(turn: Turn):  # noqa: ANN202 - a Hub from the knowledge base
    leads = await leads_of(turn.session, person_id=turn.person.id)
    if leads and leads[-1].hub_id in turn.knowledge.hubs:
        return turn.knowledge.hubs[leads[-1].hub_id]
    return turn.knowledge.national_hub
