"""The apprenticeship eligibility check: age, where you live, education, English and maths."""

from __future__ import annotations

import re

from bot.answers import apprenticeship_name, payload
from bot.flows.questions import Question
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from bot.wording import short_label
from knowledge.eligibility import Person, verdicts
from knowledge.schema import as_of_label
from storage.state import clear_state, set_state

FLOW = "eligible"
INTENT = re.compile(
    r"\b(am i eligible|eligibility check|check (if|whether) i can (do|start|get) an? "
    r"apprenticeship|could i (do|start) an apprenticeship|/eligible)\b",
    re.IGNORECASE,
)
YES_NO = (
    ("yes", "Yes", ("yes", "yeah", "yep", "i do", "i am")),
    ("no", "No", ("no", "nope", "not", "i don't", "i'm not")),
)
QUESTIONS = (
    Question("country", "Do you live in England?", YES_NO),
    Question(
        "education",
        "Are you in full-time education (school, college or university full time)?",
        YES_NO,
    ),
    Question(
        "english_maths",
        "Do you already have English and maths at Level 2 (GCSE grade "
        "4/C or Functional Skills Level 2)?",
        (*YES_NO, ("unsure", "Not sure", ("not sure", "don't know", "unsure"))),
    ),
)


def in_check(turn: Turn) -> bool:
    """True while the person is answering the check."""
    return turn.state.flow == FLOW


def wants_check(text: str) -> bool:
    """True for 'am I eligible for an apprenticeship' and the like."""
    return bool(INTENT.search(text))


def start(turn: Turn) -> list[Reply]:
    """Ask the person's age first."""
    set_state(turn.state, flow=FLOW, step="age", data=turn.kept())
    return [
        Reply(
            "Let's see which apprenticeships you could start. How old are you?",
            (Button("Cancel", f"{FLOW}:cancel"),),
        )
    ]


def handle(turn: Turn) -> list[Reply]:
    """Take one answer; after the last, the result."""
    button, text = turn.incoming.button, turn.text
    if button == f"{FLOW}:cancel" or text.casefold() in ("cancel", "stop", "/cancel"):
        clear_state(turn.state, keep=turn.kept())
        return [Reply("OK, stopped. Ask me anything else.")]
    data = dict(turn.state.data)
    if turn.state.step == "age":
        digits = re.search(r"\d{1,3}", text)
        age = int(digits.group()) if digits else None
        if age is None or not 10 <= age <= 99:
            return [Reply("Please type your age in years, for example 17.")]
        data["age"] = age
        set_state(turn.state, flow=FLOW, step=QUESTIONS[0].key, data=data)
        return [_ask(turn, QUESTIONS[0])]
    index = next(i for i, q in enumerate(QUESTIONS) if q.key == turn.state.step)
    value = QUESTIONS[index].answer(FLOW, button, text)
    if value is None:
        return [_ask(turn, QUESTIONS[index], "Please tap one of the answers.\n\n")]
    data[QUESTIONS[index].key] = value
    if index + 1 < len(QUESTIONS):
        set_state(turn.state, flow=FLOW, step=QUESTIONS[index + 1].key, data=data)
        return [_ask(turn, QUESTIONS[index + 1])]
    clear_state(turn.state, keep=turn.kept())
    return [_result(turn, data)]


def _ask(turn: Turn, question: Question, intro: str = "") -> Reply:
    rules = turn.knowledge.apprenticeship_rules
    meaning = f" ({rules.english_maths_level2})" if rules else ""
    return question.reply(FLOW, intro, meaning=meaning)


def _result(turn: Turn, data: dict) -> Reply:
    person = Person(
        age=int(data["age"]),
        in_country=data["country"] == "yes",
        full_time_education=data["education"] == "yes",
        english_maths={"yes": True, "no": False}.get(data["english_maths"]),
    )
    results = verdicts(turn.knowledge, person)
    now = [v for v in results if v.can_start_now]
    later = [v for v in results if not v.can_start_now]
    rules = turn.knowledge.apprenticeship_rules
    parts = []
    if now:
        lines = [
            apprenticeship_name(v.apprenticeship) + (f" ({'; '.join(v.check)})" if v.check else "")
            for v in now
        ]
        parts.append("You could start these now:\n" + "\n".join(f"• {line}" for line in lines))
    if later:
        shared = set.intersection(*(set(v.first) for v in later))
        if shared:
            parts.append("First: " + "; ".join(sorted(shared)) + ".")
        own = [v for v in later if set(v.first) - shared]
        if own:
            lines = [
                f"{apprenticeship_name(v.apprenticeship)}: "
                + "; ".join(sorted(set(v.first) - shared))
                for v in own
            ]
            parts.append("For these, first:\n" + "\n".join(f"• {line}" for line in lines))
    if rules is not None:
        parts.append(f"{rules.summary} ({as_of_label(rules.as_of)}. Source: {rules.source})")
    buttons = tuple(
        Button(short_label(v.apprenticeship.title), payload("apprenticeships", v.apprenticeship.id))
        for v in now[:4]
    )
    return Reply("\n\n".join(parts), buttons)
