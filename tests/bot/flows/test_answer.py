"""Answering as a new user types: odd, rude or long messages get a sensible, polite reply."""

import pytest

from tests.bot.flows.conversation import Person


@pytest.mark.parametrize("rude", ["fuck off", "you're useless", "stupid bot!!", "shut up"])
async def test_abuse_gets_a_polite_reply_never_a_did_you_mean(engine, rude):
    person = Person(engine)
    text = await person.says(rude)
    assert "Did you mean" not in text and "None of these" not in person.labels
    assert "one thing at a time" in text or "I don't know" in text


@pytest.mark.parametrize("gibberish", ["asdkjh qwpoeiru zxcmnv", "kjdfg", "blah blah blah"])
async def test_gibberish_gets_the_honest_fallback(engine, gibberish):
    person = Person(engine)
    text = await person.says(gibberish)
    assert "Did you mean" not in text and "Ask a person" in person.labels


async def test_a_bare_number_after_a_menu_closed_is_not_matched_to_entries(engine):
    person = Person(engine)
    await person.says("/start")
    text = await person.says("7")
    assert text.startswith("There's no option 7 to choose just now")
    assert "Explore jobs" in person.labels


async def test_a_very_long_message_is_asked_one_thing_at_a_time(engine):
    person = Person(engine)
    text = await person.says("I want to know about nursing and care and pay and hours " * 55)
    assert "one question at a time" in text
    assert "Band 5" not in text


async def test_a_long_natural_question_that_one_entry_fits_is_answered(engine):
    person = Person(engine)
    text = await person.says("what is a day in the life of a carer like")
    assert text.startswith("Care worker:") and "Did you mean" not in text
    text = await person.says("Ive been a carer for 3 years, how do I move up")
    assert text.startswith("Where a care worker can go next") and "Senior care worker" in text


async def test_a_question_naming_nothing_known_is_not_answered_on_a_whim(engine):
    for question in ("who is the prime minister", "recommend a pizza place"):
        person = Person(engine, ref=f"test:{question}")
        text = await person.says(question)
        assert "Did you mean" not in text and "Ask a person" in person.labels, question


async def test_a_question_about_one_job_is_not_answered_by_another_jobs_faq(engine):
    person = Person(engine)
    text = await person.says("can i become a doctor through an apprenticeship")
    assert (
        text.startswith("Doctor (integrated degree) apprenticeship") and "Did you mean" not in text
    )
    assert "same training as other medical students" in text
    # ...while an FAQ that asks about several jobs still answers each of them
    text = await Person(engine, ref="test:physio").says("do i get money to study physio")
    assert "Learning Support Fund" in text


async def test_whether_a_named_job_is_on_agenda_for_change_is_answered(engine):
    text = await Person(engine).says("are doctors paid on agenda for change")
    assert "doctors and dentists have their own" in text or "except doctors" in text


async def test_a_job_no_apprenticeship_leads_into_names_those_on_the_way(engine):
    text = await Person(engine).says("is there an apprenticeship for pharmacists")
    assert "I know of no apprenticeship that leads straight into pharmacist work" in text
    assert "Pharmacy technician: Pharmacy Technician (integrated) apprenticeship" in text
    text = await Person(engine, ref="test:how").says("how do i become a pharmacist")
    assert "Pharmacy technician: Pharmacy Technician (integrated) apprenticeship" in text
