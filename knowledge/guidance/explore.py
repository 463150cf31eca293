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
    age: int | None = None  # the lowest age of the band they chose; None when not asked


@dataclass
class Fit:
    """A role, how well it fits, and the reasons in plain words."""

    role: Role
    score: int = 0
    reasons: list[str] = field(default_factory=list)


def best_roles(knowledge: Knowledge, answers: Answers, count: int = 3) -> list[Fit]:
    """The `count` best-fitting roles, best first, never one the person's age rules out; ties
    go to the job nearest the level they can start at, then by title, so always the same."""
    fits = [
        _fit(knowledge, role, answers)
        for role in knowledge.roles.values()
        if not _too_old_for(knowledge, role, answers.age)
    ]
    level = _level(answers)
    fits.sort(key=lambda fit: (-fit.score, abs(fit.role.entry_level - level), fit.role.title))
    return fits[:count]


def _level(answers: Answers) -> int:
    """The level a person can start at: their qualification, or 1 after a year in care."""
    return max(answers.qualification, 1 if answers.experience >= 2 else 0)


def _too_old_for(knowledge: Knowledge, role: Role, age: int | None) -> bool:
    """True when the only ways into the role are apprenticeships with an upper age the person
    is over (the foundation apprentice is 16 to 21, 24 with an EHC plan)."""
    if age is None or not role.apprenticeships:
        return False
    limits = [_upper_age(knowledge, a) for a in role.apprenticeships]
    return all(limit is not None and age > limit for limit in limits)


def _upper_age(knowledge: Knowledge, apprenticeship_id: str) -> int | None:
    item = knowledge.apprenticeships[apprenticeship_id]
    return item.max_age_with_support or item.max_age


def _fit(knowledge: Knowledge, role: Role, answers: Answers) -> Fit:
    fit = Fit(role)
    if answers.draw in role.draws:
        fit.score += 5 if role.draws[0] == answers.draw else 3
        fit.reasons.append(f"it suits people drawn to {DRAW_WORDS[answers.draw]}")
    gap = role.entry_level - _level(answers)
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
    open_to_them = [
        a
        for a in role.apprenticeships
        if answers.age is None or (_upper_age(knowledge, a) or 99) >= answers.age
    ]
    if answers.earn_while_learning and open_to_them:
        fit.score += 1
        first = knowledge.apprenticeships[open_to_them[0]]
        fit.reasons.append(
            f"you can earn while you learn (the {first.title} apprenticeship, Level {first.level})"
        )
    if not answers.drives and role.driving == "often":
        fit.score -= 3
        fit.reasons.append("note: it often needs a driving licence")
    elif not answers.drives and role.driving == "sometimes":
        # many posts need no car (a care home's, not home care's): say so, but keep it
        fit.reasons.append("some posts need a driving licence, many don't")
    if answers.experience == 0 and role.entry_level == 0:
        fit.score += 1
    return fit
