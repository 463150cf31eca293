"""The explorer's scoring and the eligibility rules, on the shipped knowledge base."""

import pytest

from knowledge.base.loader import load
from knowledge.guidance.eligibility import Person, verdicts
from knowledge.guidance.explore import Answers, best_roles
from knowledge.guidance.paths import Graph


@pytest.fixture(scope="module")
def knowledge():
    return load()


def titles(fits) -> list[str]:
    return [fit.role.title for fit in fits]


def test_the_explorer_is_deterministic_and_follows_the_answers(knowledge):
    newcomer = Answers(
        draw="clinical", experience=0, qualification=0, drives=False, earn_while_learning=True
    )
    first = best_roles(knowledge, newcomer)
    assert titles(first) == titles(best_roles(knowledge, newcomer))
    assert len(first) == 3
    assert "Healthcare support worker" in titles(first)
    assert all(fit.role.entry_level <= 1 for fit in first)  # nothing out of reach
    assert any("earn while you learn" in reason for reason in first[0].reasons)


def test_a_graduate_drawn_to_mental_health(knowledge):
    graduate = Answers(
        draw="mental-health", experience=1, qualification=3, drives=True, earn_while_learning=False
    )
    assert set(titles(best_roles(knowledge, graduate))) & {
        "Psychological wellbeing practitioner",
        "Mental health nurse",
    }


def test_someone_drawn_to_work_behind_the_scenes_is_offered_those_jobs(knowledge):
    school_leaver = Answers(
        draw="behind-the-scenes", experience=0, qualification=0, drives=False,
        earn_while_learning=False,
    )  # fmt: skip
    fits = best_roles(knowledge, school_leaver)
    assert all("behind-the-scenes" in fit.role.draws for fit in fits)
    assert all(fit.role.entry_level == 0 for fit in fits)
    assert any("behind the scenes" in reason for reason in fits[0].reasons)


def test_no_driving_licence_keeps_driving_jobs_down(knowledge):
    carer = Answers(
        draw="care", experience=0, qualification=0, drives=False, earn_while_learning=False
    )
    assert "Personal assistant" not in titles(best_roles(knowledge, carer))


def verdict_for(knowledge, person, apprenticeship_id):
    return next(v for v in verdicts(knowledge, person) if v.apprenticeship.id == apprenticeship_id)


def test_age_15_must_wait_and_16_can_start(knowledge):
    fifteen = Person(age=15, in_country=True, full_time_education=False, english_maths=True)
    assert not any(v.can_start_now for v in verdicts(knowledge, fifteen))
    assert (
        "wait until you are 16 (1 year)"
        in verdict_for(knowledge, fifteen, "adult-care-worker-l2").first
    )
    sixteen = Person(age=16, in_country=True, full_time_education=False, english_maths=True)
    assert verdict_for(knowledge, sixteen, "adult-care-worker-l2").can_start_now
    assert verdict_for(knowledge, sixteen, "foundation-health-social-care-l2").can_start_now


def test_full_time_education_comes_first(knowledge):
    student = Person(age=16, in_country=True, full_time_education=True, english_maths=True)
    first = verdict_for(knowledge, student, "adult-care-worker-l2").first
    assert any("finish full-time education" in step for step in first)


def test_living_outside_england(knowledge):
    away = Person(age=30, in_country=False, full_time_education=False, english_maths=True)
    assert not any(v.can_start_now for v in verdicts(knowledge, away))


def test_foundation_age_limits_and_english_and_maths(knowledge):
    twenty_two = Person(age=22, in_country=True, full_time_education=False, english_maths=None)
    foundation = verdict_for(knowledge, twenty_two, "foundation-health-social-care-l2")
    assert foundation.can_start_now and "or 24 with support" in foundation.check[0]
    associate = verdict_for(knowledge, twenty_two, "nursing-associate-l5")
    assert "check you have English and maths at Level 2" in associate.check
    older = Person(age=30, in_country=True, full_time_education=False, english_maths=False)
    foundation = verdict_for(knowledge, older, "foundation-health-social-care-l2")
    assert foundation.too_old and not foundation.can_start_now
    assert (
        "get English and maths at Level 2"
        in verdict_for(knowledge, older, "nursing-associate-l5").first
    )


def test_every_curated_pathway_comes_out_of_the_planner(knowledge):
    graph = Graph.of(knowledge)
    for pathway in knowledge.pathways.values():
        start = pathway.steps[0].from_role
        for step in pathway.steps:
            routes = graph.plan(start, step.to_role)
            assert routes, f"{pathway.id}: no route to {step.to_role}"
        goal = pathway.steps[-1].to_role
        own = sum(s.months for s in pathway.steps)
        assert graph.plan(start, goal)[0].months <= own, pathway.id


def test_advanced_practice_is_for_those_already_registered(knowledge):
    school_leaver = Person(age=18, in_country=True, full_time_education=False, english_maths=True)
    verdict = verdict_for(knowledge, school_leaver, "advanced-clinical-practitioner-l7")
    assert not verdict.can_start_now
    assert any("become registered in a health or care profession" in step for step in verdict.first)


def test_level_7_funding_ends_at_22_but_an_employer_may_still_pay(knowledge):
    older = Person(age=30, in_country=True, full_time_education=False, english_maths=True)
    verdict = verdict_for(knowledge, older, "doctor-degree-l7")
    assert verdict.can_start_now and not verdict.too_old
    assert any("an employer must pay" in note for note in verdict.check)
    young = Person(age=20, in_country=True, full_time_education=False, english_maths=True)
    assert not verdict_for(knowledge, young, "doctor-degree-l7").check


def test_age_rules_out_only_what_it_rules_out(knowledge):
    helper = {"draw": "care", "experience": 0, "qualification": 0, "drives": False}
    at_30 = titles(best_roles(knowledge, Answers(**helper, earn_while_learning=True, age=30)))
    at_16 = titles(best_roles(knowledge, Answers(**helper, earn_while_learning=True, age=16)))
    assert "Foundation apprentice" not in at_30 and "Foundation apprentice" in at_16
    assert at_30[0] == at_16[0] == "Care worker"  # the first job most people start in
