"""The interest form: from any starting point to a consented lead, with nothing lost."""

import asyncio
import logging

from sqlalchemy import func, select

from bot.engine import Engine
from bot.incoming import Incoming
from bot.process.logs import configure_logging
from storage.models import InterestEvent, Lead, OutboxMessage
from tests.bot.flows.conversation import Person, fill_form


async def count(engine, table) -> int:
    async with engine.database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(table))


async def only_lead(engine) -> Lead:
    async with engine.database.transaction() as session:
        [lead] = (await session.execute(select(Lead))).scalars().all()
        return lead


async def test_whole_form_creates_one_lead_for_the_right_hub(engine_on_each_database):
    engine = engine_on_each_database
    person = Person(engine)
    consent = await fill_form(person)
    assert "May I send your details to Greater Nottingham and Nottinghamshire" in consent
    assert "within 2 working days" in consent and "/forget" in consent
    assert await count(engine, Lead) == 0  # nothing before Yes
    done = await person.taps("Yes, send my details")
    assert "Your reference is CP-" in done
    lead = await only_lead(engine)
    assert (lead.name, lead.phone, lead.postcode) == ("Sam Jones", "+447911123456", "NG7 2RD")
    assert (lead.hours, lead.drives, lead.interests) == ("Part-time", True, ["role:care-worker"])
    assert lead.hub_id == "nottingham-hub" and "postcode area NG" in lead.hub_reason
    assert lead.consent_version and lead.consent_at is not None
    assert await count(engine, OutboxMessage) == 1


async def test_no_at_consent_shares_nothing(engine):
    person = Person(engine)
    await fill_form(person)
    assert "have not been shared" in await person.taps("No, don't send")
    assert await count(engine, Lead) == 0


async def test_double_tapped_yes_makes_one_lead(engine_on_each_database):
    engine = engine_on_each_database
    person = Person(engine)
    await fill_form(person)
    yes = person.payload("Yes, send my details")
    first, second = await asyncio.gather(
        engine.handle(Incoming(person.ref, button=yes)),
        engine.handle(Incoming(person.ref, button=yes)),
    )
    assert await count(engine, Lead) == 1
    texts = [first[0].text, second[0].text]
    assert sum("Your reference is" in text for text in texts) == 1


async def test_starting_from_a_role_prefills_the_interest(engine):
    person = Person(engine)
    await person.says("what does a senior care worker do")
    await person.taps("I'm interested")
    assert "Would you like a recruiter" in person.text
    assert await count(engine, InterestEvent) == 1
    assert "What's your name?" in await person.taps("Yes, contact me")
    await person.says("Ali Khan")
    await person.says("ali@example.com")
    await person.says("Bolton")
    await person.taps("Skip")
    await person.taps("Skip")
    summary = person.text
    assert "Interested in: Senior care worker" in summary and "Postcode or town: Bolton" in summary
    await person.taps("Yes, that's right")
    assert "May I send your details to North West adult social care hub" in person.text
    await person.taps("Yes, send my details")
    lead = await only_lead(engine)
    assert (lead.email, lead.town, lead.hours, lead.drives) == (
        "ali@example.com",
        "Bolton",
        None,
        None,
    )


async def test_apply_phrases_offer_what_was_being_read_and_never_assume_it(engine):
    person = Person(engine)
    await person.says("paramedic pay")
    asked = await person.says("I want to apply")
    assert "Is it Paramedic? Tap it to confirm" in asked and "What's your name?" not in asked
    assert "What's your name?" in await person.taps("Paramedic")
    await person.says("Jo")
    await person.says("07911 123456")
    await person.says("SS1 1AA")
    await person.taps("Full-time")
    await person.taps("No")
    assert "Interested in: Paramedic" in person.text


async def test_invalid_answers_get_specific_hints_and_help_after_three(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    assert "longer than a name" in await person.says("x" * 1000)
    assert "doesn't look like a name" in await person.says("🙂🙂🙂")
    await person.says("Robert'); DROP TABLE leads;--")
    assert "too few digits" in await person.says("12345")
    assert "email address doesn't look right" in await person.says("sam@@example")
    third = await person.says("call me maybe")
    assert "doesn't seem to be working" in third and "Talk to a person" in person.labels
    await person.says("07911 123456")
    assert "isn't a UK postcode" in await person.says("90210")
    assert "don't know that town" in await person.says("Paris")
    assert "What hours" in await person.says("E14")


async def test_phone_hints_say_what_is_wrong_with_the_digits(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    await person.says("Sam Jones")
    assert "11 digits, starting with 07; that one has 10" in await person.says("0791112345")
    well_formed_but_unassigned = await person.says("01632 960000")
    assert "no phone line is given out with those digits" in well_formed_but_unassigned
    assert "11 digits" not in well_formed_but_unassigned
    assert "postcode" in await person.says("07911 123456")


async def test_driving_answered_in_words(engine):
    for answer, shown in (("no i cant drive", "Drives: No"), ("yeah i can", "Drives: Yes")):
        person = Person(engine, ref=f"test:{answer}")
        await person.says("/interest")
        await person.says("care worker")
        await person.says("Sam Jones")
        await person.says("07911 123456")
        await person.says("NG7 2RD")
        await person.taps("Part-time")
        assert shown in await person.says(answer)


async def test_back_edit_and_cancel(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    await person.says("Sam")
    assert "What's your name?" in await person.says("back")
    await person.says("Samira")
    await person.says("07911 123456")
    await person.says("NG5")
    await person.taps("Flexible")
    await person.taps("No")
    await person.taps("Change name")
    assert "Name: Samira Q" in await person.says("Samira Q")  # straight back to the summary
    assert "Nothing was saved or shared" in await person.says("cancel")
    assert await count(engine, Lead) == 0
    assert "nothing to cancel" in await person.says("/cancel")


async def test_a_question_mid_form_is_answered_only_after_cancel(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    await person.says("/cancel")
    assert "Band 4" in await person.says("nursing associate pay")


async def test_a_question_where_the_form_wants_a_choice_is_answered_and_the_form_kept(engine):
    person = Person(engine)
    await fill_form(person)  # at the consent step
    text = await person.says("what does a porter do")
    assert "Hospital porter:" in text and "Your form is still open." in text
    assert "Yes, send my details" in person.labels
    assert "Your reference is CP-" in await person.taps("Yes, send my details")
    assert await count(engine, Lead) == 1


async def test_the_form_survives_a_restart(knowledge, sqlite_database):
    first = Person(Engine(knowledge, sqlite_database), ref="test:restart")
    await first.says("/interest")
    await first.says("care worker")
    await first.says("Sam Jones")
    restarted = Person(Engine(knowledge, sqlite_database), ref="test:restart")
    assert "postcode" in await restarted.says("07911 123456")


async def test_two_messages_at_once_are_handled_in_turn(engine_on_each_database):
    engine = engine_on_each_database
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    await asyncio.gather(
        engine.handle(Incoming(person.ref, text="Sam Jones")),
        engine.handle(Incoming(person.ref, text="07911 123456")),
    )
    # whichever came first was the name step's answer; the state was not corrupted
    text = await person.says("/mydata")
    assert "unfinished form" in text


async def test_database_down_asks_to_try_again(knowledge):
    from storage.database import Database

    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")  # nothing listens
    person = Person(Engine(knowledge, down))
    assert "try again" in await person.says("hello")
    await down.close()


async def test_a_failure_mid_turn_writes_nothing(engine, monkeypatch):
    person = Person(engine)
    await fill_form(person)

    async def worker_dies(*args, **kwargs):
        raise RuntimeError("killed mid-send")

    monkeypatch.setattr("bot.flows.interest.create_lead", worker_dies)
    yes = person.payload("Yes, send my details")
    assert "something went wrong" in await person.taps("Yes, send my details")
    assert await count(engine, Lead) == 0 and await count(engine, OutboxMessage) == 0
    monkeypatch.undo()
    [reply] = await engine.handle(Incoming(person.ref, button=yes))
    assert "Your reference is" in reply.text  # the form was kept: tapping again works


async def test_no_personal_data_reaches_the_logs(engine, caplog):
    configure_logging(logging.DEBUG)
    caplog.set_level(logging.DEBUG)
    person = Person(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    await person.says("/mydata")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    logged += "\n".join(str(record.args) for record in caplog.records)
    for secret in ("Sam Jones", "07911", "+447911123456", "NG7 2RD", "NG7"):
        assert secret not in logged


async def test_a_postcode_or_a_number_is_not_taken_as_a_name(engine):
    person = Person(engine)
    await person.says("/interest")
    await person.says("care worker")
    assert "looks like a postcode" in await person.says("NG7 2RD")
    assert "doesn't look like a name" in await person.says("Sam 2")
    assert "number or email" in await person.says("Sam Jones")


async def test_each_question_of_the_form_says_how_far_through_it_is(engine):
    person = Person(engine)
    said = [await person.says("/interest")]
    for answer in ("care worker", "Sam Jones", "07911 123456", "NG7 2RD"):
        said.append(await person.says(answer))
    said.append(await person.taps("Part-time"))
    for number, text in enumerate(said, start=1):
        assert f"Question {number} of 6: " in text and text.count("Question") == 1, text


async def test_care_work_is_a_job_the_form_knows(engine):
    person = Person(engine)
    await person.says("/interest")
    assert "What's your name?" in await person.says("care work")
    for answer in ("Sam Jones", "07911 123456", "NG7 2RD"):
        await person.says(answer)
    await person.taps("Part-time")
    await person.taps("Yes")
    assert "Interested in: Care worker" in person.text
