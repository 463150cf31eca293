"""Through the engine, as people type: help comes first and nothing of the message is kept;
places outside England are told so and never routed; other languages are told simply."""

import logging

from sqlalchemy import func, select

from storage.models import ConversationState, Lead, QuestionLog
from tests.bot.flows.conversation import Person


async def count(engine, table) -> int:
    async with engine.database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(table))


async def test_crisis_gets_help_before_anything_else_and_is_never_kept(engine, caplog):
    person = Person(engine)
    with caplog.at_level(logging.DEBUG):
        text = await person.says("i dont want to live anymore, whats the point")
    assert text.startswith("I'm really sorry you're feeling like this")
    for number in ("999", "111", "116 123", "85258"):
        assert number in text
    assert "I don't know" not in text and "Did you mean" not in text
    assert await count(engine, QuestionLog) == 0
    assert "want to live" not in caplog.text
    async with engine.database.transaction() as session:
        states = (await session.execute(select(ConversationState))).scalars().all()
    assert all("want to live" not in str(state.data) for state in states)


async def test_abuse_at_work_is_signposted_to_safeguarding_and_the_police(engine):
    text = await Person(engine).says("my manager hits me and shouts at residents")
    assert "adult safeguarding team" in text and "101" in text and "999" in text


async def test_help_in_the_middle_of_the_form_keeps_the_form(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    assert "What's your name?" not in await person.says("i want to kill myself")
    assert "kept" in person.text and "116 123" in person.text
    assert "number or email" in await person.says("Sam Jones")  # the form carries on


async def test_help_comes_with_the_answer_to_a_careers_question_in_the_same_message(engine):
    text = await Person(engine).says("i feel suicidal, what does a care worker earn")
    assert text.index("116 123") < text.index("Pay for a care worker")


async def test_places_outside_england_are_told_so_with_their_own_routes(engine):
    for message, nation, route in (
        ("care jobs in glasgow", "Scotland", "careers.nhs.scot"),
        ("I live in CF10 1AA", "Wales", "wecare.wales"),
        ("can i be a carer in belfast", "Northern Ireland", "jobs.hscni.net"),
    ):
        text = await Person(engine, ref=f"test:{nation}").says(message)
        assert f"in {nation}" in text and route in text and "only covers" in text, message
        assert "recruitment hub is" not in text


async def test_the_form_never_routes_a_place_outside_england_to_an_english_hub(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    await person.says("Sam Jones")
    await person.says("07911 123456")
    for place in ("CH5 4AB", "Swansea", "EH1 1YZ"):
        reply = await person.says(place)
        assert "can only pass your details to recruitment hubs in England" in reply, place
    assert "What hours" in await person.says("CH1 2AB")  # Chester is in England
    assert await count(engine, Lead) == 0


async def test_a_message_in_another_language_is_told_simply_in_english(engine):
    for message in (
        "Dzień dobry, szukam pracy jako opiekunka",
        "Shwmae, dw i eisiau gweithio ym maes gofal",
        "আমি একজন নার্স হতে চাই",
    ):
        text = await Person(engine, ref=f"test:{message[:5]}").says(message)
        assert text.startswith("Sorry, I can only understand English for now"), message
        assert "I don't know" not in text and "Did you mean" not in text


async def test_english_with_typos_and_foreign_names_is_still_english(engine):
    text = await Person(engine).says("Hi Im Agnieszka, wat is care worker payy")
    assert text.startswith("Pay for a care worker")
