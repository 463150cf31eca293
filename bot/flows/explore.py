"""The career explorer: six quick questions, then the three best-fitting roles and why."""

from __future__ import annotations

import re

from bot.answers.entries import payload
from bot.answers.wording import short_label
from bot.flows.questions import Question, step_of
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from knowledge.guidance.explore import Answers, best_roles
from storage.state import clear_state, set_state

FLOW = "explore"
INTENT = re.compile(
    r"\b(what (job|role|career|work) (would|might|could) suit me|which (job|role|career) "
    r"(would|might|could|is) (suit|right|good|best) (for )?me|career quiz|/explore|"
    r"explore careers|what (job|role|career) should i|help me choose a (job|career))\b",
    re.IGNORECASE,
)
AGES = {"16": "16 or 17", "18": "18 to 21", "22": "22 to 24", "25": "25 or over"}
QUESTIONS = (
    Question(
        "draw",
        "What draws you most?",
        (
            ("care", "Helping people day to day", ("helping", "help people", "day to day")),
            ("clinical", "Clinical work", ("clinical", "medical", "hospital")),
            ("leadership", "Leading a team", ("leading", "lead", "manage", "managing")),
            ("children", "Children and families", ("children", "families", "kids")),
            ("mental-health", "Mental health", ("mental",)),
            (
                "behind-the-scenes",
                "Behind the scenes",
                ("behind", "scenes", "admin", "office", "practical"),
            ),
        ),
    ),
    Question(
        "experience",
        "Have you worked in care or health before?",
        (
            ("0", "No, never", ("no", "never", "none")),
            ("1", "A little", ("little", "some", "bit", "volunteer")),
            ("2", "A year or more", ("year", "years", "lots", "yes")),
        ),
    ),
    Question(
        "qualification",
        "What is the highest qualification you have?",
        (
            ("0", "None or GCSEs", ("none", "gcse", "gcses", "nothing")),
            ("2", "A levels or Level 3", ("a level", "a levels", "level 3", "btec")),
            ("3", "A degree", ("degree", "university", "graduate")),
        ),
    ),
    Question(
        "drives",
        "Can you drive?",
        (
            ("yes", "Yes", ("yes", "yeah", "i can")),
            ("no", "No", ("no", "can't", "cannot", "don't")),
        ),
    ),
    Question(
        "age",
        "How old are you? (Some ways in, such as the foundation apprenticeship, have an age "
        "limit.)",
        (
            ("16", AGES["16"], ("16", "17")),
            ("18", AGES["18"], ("18", "19", "20", "21")),
            ("22", AGES["22"], ("22", "23", "24")),
            ("25", AGES["25"], ("25", "over", "older")),
        ),
    ),
    Question(
        "hours",
        "What hours would you like?",
        (
            ("full", "Full-time", ("full",)),
            ("part", "Part-time", ("part",)),
            ("any", "Either", ("either", "any", "flexible", "don't mind")),
        ),
    ),
    Question(
        "earn",
        "Do you want to earn while you learn?",
        (
            ("yes", "Yes", ("yes", "yeah", "definitely")),
            ("no", "Not essential", ("no", "not", "doesn't matter")),
        ),
    ),
)


def in_explorer(turn: Turn) -> bool:
    """True while the person is taking the quiz."""
    return turn.state.flow == FLOW


def wants_to_explore(text: str) -> bool:
    """True for 'what job would suit me' and the like."""
    return bool(INTENT.search(text))


def start(turn: Turn) -> list[Reply]:
    """Ask the first question."""
    set_state(turn.state, flow=FLOW, step=QUESTIONS[0].key, data=turn.kept())
    return [
        QUESTIONS[0].reply(
            FLOW,
            "Seven quick questions and I'll suggest three jobs that could suit you.\n\n",
            step_of(1, len(QUESTIONS)),
        )
    ]


def handle(turn: Turn) -> list[Reply]:
    """Take an answer, then ask the next question or give the result."""
    button, text = turn.incoming.button, turn.text
    if button == f"{FLOW}:cancel" or text.casefold() in ("cancel", "stop", "/cancel"):
        clear_state(turn.state, keep=turn.kept())
        return [Reply("OK, quiz stopped. Ask me anything else.")]
    index = next(i for i, q in enumerate(QUESTIONS) if q.key == turn.state.step)
    question = QUESTIONS[index]
    value = question.answer(FLOW, button, text)
    if value is None:
        again = "Please choose one of the answers.\n\n"
        return [question.reply(FLOW, again, step_of(index + 1, len(QUESTIONS)))]
    data = {**turn.state.data, question.key: value}
    if index + 1 < len(QUESTIONS):
        following = QUESTIONS[index + 1]
        set_state(turn.state, flow=FLOW, step=following.key, data=data)
        return [following.reply(FLOW, step=step_of(index + 2, len(QUESTIONS)))]
    clear_state(turn.state, keep=turn.kept())
    return [_result(turn, data)]


def _result(turn: Turn, data: dict[str, str]) -> Reply:
    answers = Answers(
        draw=data["draw"],
        experience=int(data["experience"]),
        qualification=int(data["qualification"]),
        drives=data["drives"] == "yes",
        earn_while_learning=data["earn"] == "yes",
        age=int(data["age"]),
    )
    fits = best_roles(turn.knowledge, answers)
    parts = ["Three jobs that could suit you (tap one for what it is and how to get in):"]
    buttons: list[Button] = []
    for number, fit in enumerate(fits, start=1):
        why = "; ".join(fit.reasons) or "it is a good way in"
        parts.append(f"{number}. {fit.role.title}. Why it fits: {why}.")
        buttons.append(
            Button(
                short_label(f"Register interest: {fit.role.title}"), f"interest:role:{fit.role.id}"
            )
        )
        buttons.append(
            Button(short_label(f"More about {fit.role.title}"), payload("roles", fit.role.id))
        )
    return Reply("\n\n".join(parts), tuple(buttons))
