"""How people train into a role: the apprenticeships that lead in (or into the jobs on the
way), how long they take, earning while learning, and where the role leads next."""

from __future__ import annotations

from bot.answers.wording import (
    Sources,
    a_role,
    apprenticeship_title,
    bullets,
    compose,
    in_sentence,
    months_text,
)
from knowledge.base.entries import Knowledge
from knowledge.base.schema import Apprenticeship, Role, Step

UNCONFIRMED_LENGTH = (
    "not yet confirmed from an official page, so I won't guess; the employer or training "
    "provider can tell you"
)


def apprenticeship_name(item: Apprenticeship) -> str:
    """'Lead Adult Care Worker apprenticeship (Level 3, ST0006)'."""
    code = f", {item.code}" if item.code else ""
    return f"{apprenticeship_title(item.title)} (Level {item.level}{code})"


def step_means(knowledge: Knowledge, step: Step) -> str:
    """How a pathway step is made: its apprenticeship's name, or its qualification."""
    if step.apprenticeship:
        return apprenticeship_name(knowledge.apprenticeships[step.apprenticeship])
    return step.qualification or ""


def apprenticeships_into(knowledge: Knowledge, role: Role) -> str:
    """The apprenticeships that lead into a role, named, or nothing."""
    items = [knowledge.apprenticeships[i] for i in role.apprenticeships]
    if not items:
        return ""
    return compose("Apprenticeships that lead in:", bullets(map(apprenticeship_name, items)))


def apprenticeships_on_the_way(knowledge: Knowledge, role: Role) -> str:
    """Apprenticeships into the roles that lead to this one, for a role none leads into."""
    items = {
        apprenticeship_id: before
        for before in knowledge.roles.values()
        if role.id in before.leads_to
        for apprenticeship_id in before.apprenticeships
    }
    if not items:
        return ""
    return compose(
        "Apprenticeships into jobs that lead there:",
        bullets(
            f"{before.title}: {apprenticeship_name(knowledge.apprenticeships[item])}"
            for item, before in items.items()
        ),
    )


def training_length(knowledge: Knowledge, role: Role, sources: Sources) -> str:
    """How long each apprenticeship into a role takes, or how to get in if none leads there."""
    items = [knowledge.apprenticeships[i] for i in role.apprenticeships]
    if not items:
        return f"How to become {a_role(role.title)}: {role.entry}"
    return compose(
        f"How long training to become {a_role(role.title)} takes:",
        bullets(f"{apprenticeship_name(item)}: {length_of(item, sources)}" for item in items),
        f"Other ways in: {role.entry}",
    )


def length_of(item: Apprenticeship, sources: Sources) -> str:
    """How long an apprenticeship typically takes, or that no official page says."""
    if item.duration is None:
        return UNCONFIRMED_LENGTH
    return sources.figure(item.duration)


def earning_into(knowledge: Knowledge, role: Role) -> str:
    """Whether a person can keep earning while they train for a role."""
    into = apprenticeships_into(knowledge, role)
    if not into:
        return (
            f"I know of no apprenticeship that leads straight into {in_sentence(role.title)} work, "
            "so training "
            f"for it usually means study rather than a paid training post. {role.entry}"
        )
    return compose(
        f"Yes: you can train to become {a_role(role.title)} while you work. An apprenticeship "
        "is a paid job with training, so you keep earning while you learn.",
        into,
    )


def progression(knowledge: Knowledge, role: Role, sources: Sources) -> str:
    """Where a role can lead: timed pathway steps first, then its other onward roles."""
    moves: dict[str, str] = {}
    for pathway in knowledge.pathways.values():
        for step in pathway.steps:
            if step.from_role != role.id or step.to_role in moves:
                continue
            target = knowledge.roles[step.to_role]
            via = step_means(knowledge, step)
            sources.add(step.source)
            moves[step.to_role] = f"{target.title}: via {via}, typically {months_text(step.months)}"
    for target_id in role.leads_to:
        moves.setdefault(target_id, knowledge.roles[target_id].title)
    if not moves:
        return (
            f"I don't have a next step from {in_sentence(role.title)} in my career pathways yet. "
            "Ask me about a job you'd like to move to and I'll tell you how to get into it."
        )
    return compose(f"Where {a_role(role.title)} can go next:", bullets(moves.values()))
