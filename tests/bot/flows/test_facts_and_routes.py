"""Right facts where answers were wrong or missing, and the routes into nursing people take."""

import pytest

from bot.flows.yes_no import YesNoGuard, is_yes_or_no_question
from knowledge.understanding.search import Index
from knowledge.understanding.text import stems
from tests.bot.flows.conversation import Person


@pytest.mark.parametrize(
    "question",
    [
        "how old do u have to be to be a carer",
        "can i work in care at 16",
        "im 16 can i work in a care home",
        "minimum age to work in a care home?",
        "wat can a 17 year old do in care",
    ],
)
async def test_age_questions_get_the_age_answer_never_an_unrelated_no(engine, question):
    text = await Person(engine, ref=f"test:{question}").says(question)
    assert "at 16" in text and "education or training until you are 18" in text
    assert not text.startswith("No")


async def test_a_question_that_is_not_yes_or_no_gets_no_bare_yes(engine):
    text = await Person(engine).says("how old do you have to be to work in care")
    assert text.startswith("You can start working in care at 16")


async def test_pay_for_under_18s_and_for_apprentices_by_year(engine):
    person = Person(engine)
    text = await person.says("how much will i get paid at 17")
    assert "£8.00 an hour if you are under 18" in text and "£10.85" in text
    text = await person.says("apprentice wage at 25 in the second year")
    assert "£12.71" in text


async def test_money_for_nursing_and_allied_health_degrees(engine):
    for question in (
        "is there a bursary for nursing",
        "nhs learning suport fund",
        "physio degree funding",
    ):
        text = await Person(engine, ref=f"test:{question}").says(question)
        assert "£5,000" in text and "student finance" in text and "Learning Support Fund" in text


async def test_what_an_apprentice_pays_is_shown_beside_the_funding_band(engine):
    text = await Person(engine).says("registered nurse degree apprenticeship")
    band = text.index("£26,000")
    assert "The apprentice pays nothing" in text[band : band + 200]


async def test_an_old_nvq_or_qcf_level_3_keeps_its_level(engine):
    text = await Person(engine).says("i got an nvq 3 in care years ago what does that count as now")
    assert "still a Level 3 qualification" in text and "1 October 2015" in text


def test_a_yes_or_no_answer_is_kept_for_its_own_question(knowledge):
    guard = YesNoGuard(knowledge, Index(knowledge))
    assert guard.guards("small-employers-young-apprentices")
    asked = set(stems("im 16 can i work in a care home"))
    assert not guard.asks_the_same("small-employers-young-apprentices", asked)
    asked = set(stems("do small employers pay for a 17 year old apprentice"))
    assert guard.asks_the_same("small-employers-young-apprentices", asked)
    assert is_yes_or_no_question("can i be a carer at 17")
    assert not is_yes_or_no_question("how old do you have to be to be a carer")


@pytest.mark.parametrize(
    ("start", "phrase"),
    [
        ("senior carer", "senior care worker"),
        ("lead practitioner", "lead practitioner in adult care"),
        ("hca", "healthcare support worker"),
    ],
)
async def test_routes_into_nursing_from_care_and_support_jobs(engine, start, phrase):
    person = Person(engine, ref=f"test:{start}")
    to_associate = await person.says(f"from {start} to nursing associate")
    assert to_associate.startswith(f"From {phrase} to nursing associate, the quickest route")
    assert "Nursing Associate (NMC 2018) apprenticeship" in to_associate
    to_nurse = await person.says(f"how can a {start} become a registered nurse")
    assert to_nurse.startswith(f"From {phrase} to registered nurse")
    assert "I don't have a route" not in to_nurse


async def test_a_senior_carer_sees_both_the_apprenticeship_and_the_degree(engine):
    text = await Person(engine).says("senior carer to nurse")
    assert "Nursing degree at university" in text and "apprenticeship" in text


async def test_the_planner_offers_every_job_a_role_leads_to(engine, knowledge):
    for role in knowledge.roles.values():
        if not role.leads_to:
            continue
        person = Person(engine, ref=f"test:plan:{role.id}")
        await person.says("/pathway")
        await person.taps(role.title)
        offered = set(person.labels)
        for target in role.leads_to:
            assert knowledge.roles[target].title in offered, (role.id, target)


async def test_an_average_below_todays_minimum_is_dated_and_shown_as_a_past_figure(engine):
    text = await Person(engine).says("care worker pay")
    assert "Earlier figure: Median pay for care workers was £12.00 an hour in March 2025" in text
    assert "before the National Living Wage rose" in text
    assert text.index("£12.71") < text.index("£12.00"), "today's minimum comes first"


async def test_nhs_pay_of_a_replaced_pay_year_states_the_award_and_no_worked_out_rate(engine):
    for question in ("how much do nurses earn", "band 2 pay"):
        text = await Person(engine, ref=f"test:{question}").says(question)
        assert "pay year 2025/26" in text
        assert "rose by 3.3% from 1 April 2026 (pay year 2026/27)" in text
        assert "written-statements/detail/2026-02-12/hcws1340" in text
        assert "today's is higher" in text
        for worked_out in ("£25,272", "£32,073", "£39,043"):  # 3.3% on 2025/26, never shown
            assert worked_out not in text
