"""What people say about themselves is kept and used: the planner starts from the job they
said, and someone who must keep earning sees the route that earns throughout first."""

import pytest

from bot.flows.profile import must_keep_earning
from tests.bot.flows.conversation import Person


@pytest.mark.parametrize(
    ("said", "earning"),
    [
        ("I can't quit work", True),
        ("i cant afford to leave my job", True),
        ("I need to keep earning, I have a mortgage", True),
        ("how do I become a nurse without leaving my job", True),
        ("I could study full time now the kids are older", False),
        ("i don't need to keep earning", False),
        ("I want to be a nurse", None),
        ("I quit my job last year", None),
    ],
)
def test_what_is_said_about_earning_is_read(said, earning):
    assert must_keep_earning(said) is earning


async def test_the_planner_starts_from_the_job_they_said_and_keeps_them_earning(engine):
    person = Person(engine)
    await person.says("Im a senior carer, been doing it 6 years, and I can't quit work")
    asked = await person.says("/pathway")
    assert "You said you work as a senior care worker" in asked
    assert "Where are you now?" not in asked and "I do another job now" in person.labels
    route = await person.taps("Registered nurse")
    assert "the quickest route that keeps you earning:" in route
    first = route.split("Another way")[0]
    assert "earning throughout" in first
    data = await person.says("/mydata")
    assert "keep earning while you train" in data and "Senior care worker" in data


async def test_a_job_said_can_be_corrected_in_the_planner(engine):
    person = Person(engine)
    await person.says("I'm a senior carer")
    await person.says("/pathway")
    asked = await person.taps("I do another job now")
    assert "Where are you now?" in asked
    await person.taps("Care worker")
    assert "Where would you like to be?" in person.text
    assert "You said you work as a care worker" in person.text  # the correction is kept


async def test_without_the_need_to_earn_the_quickest_route_comes_first(engine):
    person = Person(engine)
    await person.says("I'm a senior carer")
    await person.says("/pathway")
    assert "the quickest route:" in await person.taps("Registered nurse")
