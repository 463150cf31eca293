"""The apprenticeship eligibility check: age, where you live, education, English and maths."""

from __future__ import annotations

import re
from collections import defaultdict

from bot.answers.entries import payload
from bot.answers.training import apprenticeship_name
from bot.answers.wording import bullets, compose, short_label
from bot.flows.questions import Question, step_of
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from knowledge.base.dates import as_of_label
from knowledge.guidance.eligibility import Person, Verdict, verdicts
from storage.state import clear_state, set_state

FLOW = "eligible"
NAMED_A_LEVEL = 3  # apprenticeships named on each level's line; the rest are counted
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
    Question(
        "qualification",
        "What is the highest qualification you have?",
        (
            ("none", "None or GCSEs", ("none", "gcse", "gcses", "nothing", "no")),
            ("level3", "A levels or Level 3", ("a level", "a levels", "level 3", "btec")),
            ("degree", "A degree", ("degree", "university", "graduate")),
        ),
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
            "Let's see which apprenticeships you could start. "
            f"{step_of(1, len(QUESTIONS) + 1)}: How old are you?",
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
        return [_ask(turn, QUESTIONS[index], "Please choose one of the answers.\n\n")]
    data[QUESTIONS[index].key] = value
    if index + 1 < len(QUESTIONS):
        set_state(turn.state, flow=FLOW, step=QUESTIONS[index + 1].key, data=data)
        return [_ask(turn, QUESTIONS[index + 1])]
    clear_state(turn.state, keep=turn.kept())
    return [_result(turn, data)]


def _ask(turn: Turn, question: Question, intro: str = "") -> Reply:
    rules = turn.knowledge.apprenticeship_rules
    meaning = f" ({rules.english_maths_level2})" if rules else ""
    number = QUESTIONS.index(question) + 2  # the age is question 1
    return question.reply(FLOW, intro, step_of(number, len(QUESTIONS) + 1), meaning=meaning)


def _result(turn: Turn, data: dict) -> Reply:
    person = Person(
        age=int(data["age"]),
        in_country=data["country"] == "yes",
        full_time_education=data["education"] == "yes",
        english_maths={"yes": True, "no": False}.get(data["english_maths"]),
        level3=data["qualification"] != "none",
    )
    results = [v for v in verdicts(turn.knowledge, person) if not v.too_old]
    now = [v for v in results if v.can_start_now]
    later = [v for v in results if not v.can_start_now]
    parts = [_about_the_one_looked_at(turn, results)]
    if now:
        parts.append("You could start these now:\n" + _by_level(now))
    checks = sorted({check for v in now for check in v.check})
    if checks:
        parts.append("Before you apply: " + "; ".join(checks) + ".")
    shared = _steps_for_all(later) if len(later) == len(results) else []
    if shared:
        rest = [v for v in later if len(v.first) > len(shared)]
        lowest = min(v.apprenticeship.level for v in results)
        parts.append(
            f"First, {'; '.join(shared)}. Then you could start "
            f"{'any' if not rest else len(results) - len(rest)} of the {len(results)} "
            f"apprenticeships I know about, from Level {lowest} up."
        )
        later = rest
    for steps, verdicts_after in _grouped_by_first_steps(later, len(shared)).items():
        also = "also " if shared else ""
        parts.append(f"After you {also}{'; '.join(steps)}:\n" + _by_level(verdicts_after))
    rules = turn.knowledge.apprenticeship_rules
    if rules is not None:
        parts.append(f"{rules.summary} ({as_of_label(rules.as_of)}.) Source: {rules.source}")
    buttons = tuple(
        Button(short_label(v.apprenticeship.title), payload("apprenticeships", v.apprenticeship.id))
        for v in now[:4]
    )
    return Reply(compose(*parts), buttons)


def _about_the_one_looked_at(turn: Turn, results: list[Verdict]) -> str:
    """The verdict on the apprenticeship the person was reading about, by name, if any."""
    kind, _, entry_id = str(turn.state.data.get("last", "")).partition(":")
    verdict = next((v for v in results if kind == "app" and v.apprenticeship.id == entry_id), None)
    if verdict is None:
        return ""
    name = apprenticeship_name(verdict.apprenticeship)
    if verdict.can_start_now:
        return f"The {name}: you could start it now."
    return f"The {name}: first, {'; '.join(verdict.first)}."


def _by_level(results: list[Verdict]) -> str:
    """One short line a level: a few names, and how many more (the buttons and 'about'
    answers give the rest)."""
    levels: dict[int, list[str]] = defaultdict(list)
    for verdict in results:
        levels[verdict.apprenticeship.level].append(verdict.apprenticeship.title)
    return bullets(f"Level {level}: {_some(titles)}" for level, titles in sorted(levels.items()))


def _some(titles: list[str]) -> str:
    shown = ", ".join(titles[:NAMED_A_LEVEL])
    more = len(titles) - NAMED_A_LEVEL
    return f"{shown} and {more} more" if more > 0 else shown


def _steps_for_all(later: list[Verdict]) -> list[str]:
    """The first steps every one of them needs (age, country, education), in order."""
    if not later:
        return []
    return [step for step in later[0].first if all(step in v.first for v in later)]


def _grouped_by_first_steps(
    later: list[Verdict], shared: int = 0
) -> dict[tuple[str, ...], list[Verdict]]:
    groups: dict[tuple[str, ...], list[Verdict]] = defaultdict(list)
    for verdict in later:
        groups[tuple(verdict.first[shared:])].append(verdict)
    return groups
