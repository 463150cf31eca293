"""/mydata shows all we hold; /forget erases it and asks hubs that had it to delete it."""

from sqlalchemy import func, select, update

from storage.models import ConversationState, Lead, OutboxMessage, Person, QuestionLog
from tests.bot.flows.conversation import Person as Talker
from tests.bot.flows.conversation import fill_form


async def count(engine, table) -> int:
    async with engine.database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(table))


async def test_mydata_shows_details_interests_and_questions(engine):
    person = Talker(engine)
    await person.says("what does a care worker do")
    await person.taps("I'm interested")
    await fill_form(person, start="/interest")
    await person.taps("Yes, send my details")
    text = await person.says("/mydata")
    for expected in (
        "Sam Jones",
        "+447911123456",
        "NG7 2RD",
        "Care worker",
        "what does a care worker do",
        "reference CP-",
        "/forget",
    ):
        assert expected in text


async def test_mydata_for_someone_we_know_nothing_about(engine):
    assert "Nothing else" in await Talker(engine).says("/mydata")


async def test_forget_needs_confirmation(engine):
    person = Talker(engine)
    await person.says("nurse pay")
    assert "Delete it all?" in await person.says("/forget")
    assert "Nothing was deleted" in await person.taps("No, keep it")
    assert await count(engine, QuestionLog) == 1


async def test_forget_erases_everything_and_cancels_an_undelivered_card(engine_on_each_database):
    engine = engine_on_each_database
    person = Talker(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    await person.says("/forget")
    done = await person.taps("Yes, delete everything")
    assert "has been deleted" in done and "asked" not in done
    for table in (Person, Lead, QuestionLog, ConversationState, OutboxMessage):
        assert await count(engine, table) == 0


async def test_forget_after_delivery_queues_a_deletion_notice(engine_on_each_database):
    engine = engine_on_each_database
    person = Talker(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    async with engine.database.transaction() as session:
        await session.execute(update(OutboxMessage).values(status="sent"))
        ref = (await session.execute(select(Lead.ref))).scalar_one()
    await person.says("/forget")
    done = await person.taps("Yes, delete everything")
    assert "asked Greater Nottingham and Nottinghamshire" in done
    async with engine.database.transaction() as session:
        notices = (
            (
                await session.execute(
                    select(OutboxMessage).where(OutboxMessage.kind == "forget_notice")
                )
            )
            .scalars()
            .all()
        )
    assert [(n.hub_id, n.payload["ref"]) for n in notices] == [("nottingham-hub", ref)]
    assert await count(engine, Lead) == 0 and await count(engine, Person) == 0


async def test_mystatus_with_no_leads_is_a_whole_sentence(engine):
    text = await Talker(engine).says("/mystatus")
    assert "When you'd like a recruitment hub to get in touch, register your interest" in text


async def test_mydata_shows_every_question_it_counts(engine):
    person = Talker(engine)
    asked = [f"question number {n} about nursing" for n in range(1, 12)]
    for question in asked:
        await person.says(question)
    text = await person.says("/mydata")
    assert "11 question(s) you asked" in text
    assert all(question in text for question in asked)


async def test_mydata_and_mystatus_use_the_same_status_words(engine):
    person = Talker(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    status = await person.says("/mystatus")
    data = await person.says("/mydata")
    assert "waiting to be sent to the hub" in status
    assert "status: waiting to be sent to the hub" in data


async def test_mydata_after_forget_shows_nothing_of_before(engine):
    person = Talker(engine)
    await person.says("what does a care worker do")
    await fill_form(person)
    await person.taps("Yes, send my details")
    await person.says("/forget")
    await person.taps("Yes, delete everything")
    text = await person.says("/mydata")
    assert "Nothing else" in text
    for gone in ("Sam Jones", "care worker", "Care worker", "CP-"):
        assert gone not in text
