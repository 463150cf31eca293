"""Who can start which apprenticeship now, and what to do first for the others."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.base import Knowledge
from knowledge.schema import Apprenticeship


@dataclass(frozen=True)
class Person:
    """What the eligibility check asks."""

    age: int
    in_country: bool
    full_time_education: bool
    english_maths: bool | None  # Level 2 already held; None when not sure


@dataclass
class Verdict:
    """One apprenticeship: can the person start it now, and if not, what first."""

    apprenticeship: Apprenticeship
    first: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)
    too_old: bool = False  # past its upper age limit: it will never fit this person

    @property
    def can_start_now(self) -> bool:
        """True when nothing stands in the way (there may still be things to check)."""
        return not self.first and not self.too_old


def verdicts(knowledge: Knowledge, person: Person) -> list[Verdict]:
    """A verdict for every apprenticeship, by the rules in the knowledge base."""
    rules = knowledge.apprenticeship_rules
    if rules is None:
        raise LookupError("the knowledge base has no apprenticeship eligibility rules")
    general: list[str] = []
    if person.age < rules.min_age:
        years = rules.min_age - person.age
        general.append(f"wait until you are {rules.min_age} ({years} year{'s' * (years > 1)})")
    if not person.in_country:
        general.append(f"live in {rules.country}: these apprenticeships are for people there")
    if person.full_time_education and not rules.full_time_education_allowed:
        general.append("finish full-time education (you can apply to start as you leave)")
    results = []
    for item in sorted(knowledge.apprenticeships.values(), key=lambda a: (a.level, a.title)):
        verdict = Verdict(item, first=list(general))
        if item.max_age is not None and person.age > item.max_age:
            if item.max_age_with_support and person.age <= item.max_age_with_support:
                verdict.check.append(
                    f"the {item.title} is for ages up to {item.max_age}, or "
                    f"{item.max_age_with_support} with support (see its entry requirements)"
                )
            else:
                verdict.too_old = True
        if item.needs_english_maths and person.english_maths is False:
            verdict.first.append("get English and maths at Level 2")
        elif item.needs_english_maths and person.english_maths is None:
            verdict.check.append("check you have English and maths at Level 2")
        results.append(verdict)
    return results
