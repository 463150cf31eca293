"""What the interest form asks at each step, its summary, its consent screen, and what it says
to an answer it cannot use."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.wording import apprenticeship_title
from bot.flows import consent
from bot.flows.questions import step_of
from bot.flows.turn import Turn
from bot.hubs.routing import route
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge
from storage.state import set_state

QUESTIONS = ("interests", "name", "contact", "place", "hours", "drives")  # then check, consent
HOURS = {"full": "Full-time", "part": "Part-time", "flexible": "Flexible"}
OPTIONAL = {"hours", "drives"}
CHOICE_STEPS = {"hours", "drives", "summary", "consent"}  # steps answered by a button
MAX_MISSES = 3


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
    """What the form asks at `step`, with its buttons, and how far through it the person is."""
    asked = _prompt(turn, step)
    if step not in QUESTIONS:
        return asked
    shown = f"{step_of(QUESTIONS.index(step) + 1, len(QUESTIONS))}: {asked.text}"
    return replace(asked, text=shown)


def _prompt(turn: Turn, step: str) -> Reply:
    data = turn.state.data
    back = Button("Back", "form:back")
    if step == "interests":
        last = data.get("last")
        options = (
            [Button(interest_title(turn.knowledge, last)[:48], f"form:interest:{last}")]
            if (last and interest_title(turn.knowledge, last))
            else []
        )
        asked = "What are you interested in? Type a job (for example 'care worker') or choose one."
        if options:
            title = interest_title(turn.knowledge, last)
            asked = (
                f"What are you interested in? Is it {title}? Tap it to confirm, or type "
                "another job (for example 'care worker')."
            )
        return Reply(
            asked,
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


def miss(turn: Turn, hint: str) -> list[Reply]:
    """The reply to an answer the step cannot use: a careers question is answered and the form
    kept; otherwise the hint, and after three misses a way out (a person, or cancel)."""
    answered = _question_meanwhile(turn)
    if answered:
        waiting = prompt(turn, turn.state.step)
        return [*answered, Reply(f"Your form is still open. {hint}", waiting.buttons)]
    data = dict(turn.state.data)
    data["misses"] = data.get("misses", 0) + 1
    if data["misses"] >= MAX_MISSES:
        data["misses"] = 0
    set_state(turn.state, flow=turn.state.flow, step=turn.state.step, data=data)
    if data["misses"]:
        return [Reply(hint)]
    skip = " type 'skip'," if turn.state.step in OPTIONAL else ""
    return [
        Reply(
            f"{hint}\n\nThis doesn't seem to be working, sorry. You can{skip} type 'back' to "
            "change an earlier answer, 'cancel' to stop, or talk to a person instead.",
            (Button("Talk to a person", "ask:person"), Button("Cancel the form", "form:cancel")),
        )
    ]


def _question_meanwhile(turn: Turn) -> list[Reply]:
    """A careers question typed where the form wanted a choice ('what does a porter do' at
    the summary) is answered, and the form kept; anything else is not an answer here."""
    if turn.state.step not in CHOICE_STEPS or turn.incoming.button or not turn.text:
        return []
    answered = turn.answerer.careers_answer(turn.text)
    return answered.replies if answered.match is not None else []
