"""Through the engine: the right help for each concern, help first for a crisis inside a
careers question, a gentle line where a message may be a sign or asks about an alarming
subject as a career, and an offer of help with every reply CarePath is unsure of."""

import logging

import pytest
from sqlalchemy import func, select

from storage.models import ConversationState, QuestionLog
from tests.bot.flows.conversation import Person


async def logged(engine) -> int:
    async with engine.database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(QuestionLog))


@pytest.mark.parametrize(
    ("message", "first_line", "numbers"),
    [
        (
            "i swallowed a load of my mums tablets an hour ago",
            "Please get help now",
            ("Emergency: call 999 or go to A&E now", "111", "116 123", "999 BSL"),
        ),
        (
            "my boyfriend checks my phone, takes my bank card and wont let me see my friends",
            "Thank you for telling me; that took courage",
            ("0808 2000 247", "press 55", "101"),
        ),
        (
            "the agency is keeping my passport until i pay back the visa fees",
            "Thank you for telling me. What you describe may be exploitation",
            ("08000 121 700", "999", "101"),
        ),
        (
            "the night staff at dads care home leave him in soiled sheets till morning",
            "Thank you for telling me; you're right to speak up",
            ("adult safeguarding", "03000 616161", "999"),
        ),
        (
            "im frightened i might shake the baby when he screams all night",
            "Thank you for telling me. Those feelings can be frightening",
            ("999", "111", "116 123"),
        ),
        (
            "i keep thinking everyone would be better off if i was gone",
            "I'm really sorry you're feeling like this",
            ("116 123", "85258", "111", "999"),
        ),
    ],
)
async def test_each_concern_gets_its_own_help_first_and_nothing_is_kept(
    engine, caplog, message, first_line, numbers
):
    with caplog.at_level(logging.DEBUG):
        text = await Person(engine).says(message)
    assert text.startswith(first_line), text
    for number in numbers:
        assert number in text, (number, text)
    assert "keep talking to me" in text
    assert await logged(engine) == 0
    assert message[:20] not in caplog.text
    async with engine.database.transaction() as session:
        states = (await session.execute(select(ConversationState))).scalars().all()
    assert all(message[:20] not in str(state.data) for state in states)


async def test_a_crisis_inside_a_careers_question_gets_help_then_the_answer(engine):
    text = await Person(engine).says(
        "honestly i dont want to be alive anymore. what does a healthcare assistant earn"
    )
    assert text.startswith("I'm really sorry you're feeling like this")
    assert text.index("116 123") < text.index("Pay for a healthcare support worker")


async def test_an_alarming_subject_asked_as_a_career_gets_the_answer_then_a_gentle_line(engine):
    person = Person(engine)
    text = await person.says("what does a mental health nurse do with patients who self harm")
    assert "Mental health nurse" in text and "I'm really sorry" not in text
    assert text.rstrip().endswith("You can keep talking to me too.")
    assert "116 123" in text


async def test_every_fallback_and_did_you_mean_carries_an_offer_of_help(engine):
    fallback = await Person(engine, "test:a").says("what is the capital of peru")
    assert "I don't know" in fallback and "Samaritans listen, free, any time" in fallback
    person = Person(engine, "test:b")
    unsure = await person.says("support")
    assert "Did you mean" in unsure and "Samaritans listen, free, any time" in unsure
    assert len([label for label in person.labels if label != "None of these"]) >= 2


async def test_ask_json_says_safety_for_help_first_and_a_gentle_kind_apart(answerer):
    from bot.commands.ask import as_record

    first = as_record("x", answerer.answer("i want to kill myself tonight"))
    assert first["match"]["kind"] == "safety" and first["match"]["id"] == "suicide-or-self-harm"
    gentle = as_record("x", answerer.answer("jobs supporting survivors of domestic abuse"))
    assert gentle["offer"] == "domestic-abuse"
    assert gentle["match"] is None or gentle["match"]["kind"] != "safety"


async def test_whatever_is_not_understood_carries_the_offer(engine):
    for message in ("😢😢", "/whatever", "I want to know about nursing and care and pay " * 20):
        text = await Person(engine, f"test:{message[:3]}").says(message)
        assert "116 123" in text, message
