"""Follow-up questions are answered about what was just discussed, or the person's own job;
the subject is kept in the database, so it survives a restart or another worker."""

from bot.engine import Engine
from tests.bot.flows.conversation import Person


async def test_follow_ups_after_a_role_are_about_that_role(engine):
    person = Person(engine)
    await person.says("nursing asociate")
    length = await person.says("how long does it take")
    assert "nursing associate" in length and "about 2 years" in length
    assert "Care Certificate" not in length
    earning = await person.says("can I keep earning")
    assert earning.startswith("Yes: you can train to become a nursing associate while you work")
    pay = await person.says("what about pay")
    assert pay.startswith("Pay for a nursing associate") and "Band 4" in pay
    assert not pay.startswith("No.")
    following = await person.says("whats next for me")
    assert "Where a nursing associate can go next" in following and "Registered nurse" in following


async def test_follow_ups_after_an_apprenticeship_are_about_it(engine):
    person = Person(engine)
    await person.says("adult care worker apprenticeship")
    assert "12 to 18 months" in await person.says("how long is it")
    assert "paid job with training" in await person.says("can i still get paid")
    assert "leads to: Care worker" in await person.says("whats next")


async def test_the_job_a_person_says_they_do_answers_whats_next_for_me(engine):
    person = Person(engine)
    await person.says("Im a senior carer, been doing it 2 years")
    await person.says("nursing associate pay")  # reading about another role meanwhile
    text = await person.says("what's next for me?")
    assert "Where a senior care worker can go next" in text
    assert "Lead practitioner in adult care" in person.labels


async def test_the_subject_outlives_a_restart(engine):
    await Person(engine, ref="test:7").says("paramedic")
    restarted = Engine(engine.knowledge, engine.database)
    text = await Person(restarted, ref="test:7").says("how much do they earn")
    assert text.startswith("Pay for a paramedic")


async def test_a_question_with_its_own_topic_is_not_taken_as_a_follow_up(engine):
    person = Person(engine)
    await person.says("paramedic")
    assert (await person.says("physiotherapist pay")).startswith("Pay for a physiotherapist")


async def test_without_a_subject_a_follow_up_is_not_guessed(engine):
    text = await Person(engine).says("how long does it take")
    assert "paramedic" not in text.casefold()


async def test_a_person_can_leave_the_planner_by_asking_something_else(engine):
    person = Person(engine)
    await person.says("/pathway")
    await person.taps("Care worker")
    text = await person.says("what is the care certificate")
    assert "Care Certificate" in text and "Choose where you would like to be" not in text
    assert "OK, I've stopped that" not in await person.says("/cancel")
