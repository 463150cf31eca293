"""The career explorer's scoring: which roles fit a person's answers, and why. Deterministic."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.base.entries import Knowledge
from knowledge.base.schema import Role

DRAW_WORDS = {
    "care": "helping people day to day",
    "clinical": "clinical work",
    "leadership": "leading a team",
    "children": "working with children and families",
    "mental-health": "mental health",
    "behind-the-scenes": "keeping services running behind the scenes",
}


@dataclass(frozen=True)
class Answers:
    """What a person told the explorer."""

    draw: str
    experience: int  # 0 none, 1 some, 2 a year or more
    qualification: int  # 0 none or GCSEs, 2 Level 3 or A levels, 3 a degree
    drives: bool
    earn_while_learning: bool


@dataclass
class Fit:
    """A role, how well it fits, and the reasons in plain words."""

    role: Role
    score: int = 0
    reasons: list[str] = field(default_factory=list)


def best_roles(knowledge: Knowledge, answers: Answers, count: int = 3) -> list[Fit]:
    """The `count` best-fitting roles, best first; ties broken by title, so always the same."""
    fits = [_fit(knowledge, role, answers) for role in knowledge.roles.values()]
    fits.sort(key=lambda fit: (-fit.score, fit.role.title))
    return fits[:count]


def _fit(knowledge: Knowledge, role: Role, answers: Answers) -> Fit:
    fit = Fit(role)
    if answers.draw in role.draws:
        fit.score += 5 if role.draws[0] == answers.draw else 3
        fit.reasons.append(f"it suits people drawn to {DRAW_WORDS[answers.draw]}")
    level = max(answers.qualification, 1 if answers.experience >= 2 else 0)
    gap = role.entry_level - level
    if gap <= 0:
        fit.score += 2
        fit.reasons.append(
            "you can apply now with what you have"
            if role.entry_level
            else "no qualifications are needed to start"
        )
    elif role.apprenticeships and gap == 1:
        fit.score += 1
        fit.reasons.append("an apprenticeship can take you there")
    else:
        fit.score -= 2 * gap
    if answers.earn_while_learning and role.apprenticeships:
        fit.score += 1
        first = knowledge.apprenticeships[role.apprenticeships[0]]
        fit.reasons.append(
            f"you can earn while you learn (the {first.title} apprenticeship, Level {first.level})"
        )
    if not answers.drives and role.driving != "rarely":
        fit.score -= 3 if role.driving == "often" else 1
        if role.driving == "often":
            fit.reasons.append("note: it often needs a driving licence")
    if answers.experience == 0 and role.entry_level == 0:
        fit.score += 1
    return fit
