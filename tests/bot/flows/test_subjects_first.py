"""A message with a subject of its own is answered about that subject, whatever was discussed
before; only a message without one ('what about pay', 'where can it lead') follows up. Pairs
across every kind of entry, in both orders."""

import pytest

from tests.bot.flows.conversation import Person

OWN_SUBJECT = [
    ("do apprenticeships pay?", "the employer and the government fund it"),
    ("how much do apprentices earn", "apprentice minimum wage is £8.00"),
    ("who pays for an apprenticeship", "the employer and the government fund it"),
    ("what is a dbs check", "enhanced DBS check"),
]
EARLIER = [  # one of every kind of entry, said first
    "registered nurse",  # a role
    "nursing associate apprenticeship",  # an apprenticeship
    "how much does a dbs cost",  # an FAQ
    "care worker to nurse",  # a route between two jobs
    "care jobs in wigan",  # a place and its hub
]


@pytest.mark.parametrize("earlier", EARLIER)
@pytest.mark.parametrize(("question", "answer"), OWN_SUBJECT)
async def test_a_question_with_its_own_subject_is_about_that_subject(
    engine, earlier, question, answer
):
    person = Person(engine)
    await person.says(earlier)
    text = await person.says(question)
    assert answer in text
    assert "Band" not in text  # no job's NHS pay read into a general question


@pytest.mark.parametrize(("question", "answer"), OWN_SUBJECT)
async def test_after_a_general_question_a_follow_up_is_about_the_job_named_since(
    engine, question, answer
):
    person = Person(engine)
    assert answer in await person.says(question)
    await person.says("nursing associate")
    assert (await person.says("what about pay")).startswith("Pay for a nursing associate")


@pytest.mark.parametrize(
    ("follow_up", "start"),
    [
        ("what about pay", "Pay for a registered nurse"),
        ("and the money?", "Pay for a registered nurse"),
        ("where can it lead", "Where a registered nurse can go next"),
        ("how long is the training", "registered nurse"),
    ],
)
async def test_a_message_without_a_subject_still_follows_up(engine, follow_up, start):
    person = Person(engine)
    await person.says("registered nurse")
    assert start in await person.says(follow_up)


async def test_is_there_points_nowhere_but_it_points_back(engine):
    person = Person(engine)
    await person.says("paramedic")
    assert "paramedic" not in (await person.says("is there an apprenticeship")).casefold()[:80]
    assert "paramedic" in (await person.says("is there an apprenticeship for it")).casefold()
