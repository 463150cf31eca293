"""Who can start which apprenticeship now, and what to do first for the others."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.base.entries import Knowledge
from knowledge.base.schema import Apprenticeship

REGISTERED_FIRST = 4  # a role's entry level: registration and experience first


@dataclass(frozen=True)
class Person:
    """What the eligibility check asks."""

    age: int
    in_country: bool
    full_time_education: bool
    english_maths: bool | None  # Level 2 already held; None when not sure
    level3: bool | None = None  # A levels or another Level 3 qualification; None when not asked


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


DEGREE_LEVEL = 6  # degree apprenticeships: Level 6 and 7


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
        if item.funded_max_age is not None and person.age > item.funded_max_age:
            support = item.funded_max_age_with_support
            if support and person.age <= support:
                verdict.check.append(
                    f"government funding for the {item.title} is for ages up to "
                    f"{item.funded_max_age}, or {support} for care leavers and people with an "
                    "EHC plan"
                )
            else:
                verdict.check.append(
                    f"at your age an employer must pay for the {item.title}: government "
                    f"funding is for ages up to {item.funded_max_age}"
                )
        if _needs_registration_first(knowledge, item):
            verdict.first.append(
                "become registered in a health or care profession and gain experience (the "
                f"{item.title} is for people already in such a job)"
            )
        if item.level >= DEGREE_LEVEL and person.level3 is False:
            verdict.first.append(
                "get a Level 3 qualification, such as A levels or a Level 3 apprenticeship "
                "(employers and universities set the entry requirements for degree "
                "apprenticeships, typically Level 3)"
            )
        if item.needs_english_maths and person.english_maths is False:
            verdict.first.append("get English and maths at Level 2")
        elif item.needs_english_maths and person.english_maths is None:
            verdict.check.append("check you have English and maths at Level 2")
        results.append(verdict)
    return results


def _needs_registration_first(knowledge: Knowledge, item: Apprenticeship) -> bool:
    """True when every job it leads to is open only to the registered and experienced."""
    levels = [knowledge.roles[role_id].entry_level for role_id in item.roles]
    return bool(levels) and min(levels) >= REGISTERED_FIRST
