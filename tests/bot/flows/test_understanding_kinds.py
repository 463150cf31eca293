"""Each kind of misunderstanding the learned layer was built to end, in words written for this
file (not taken from the example phrasings or the evaluation sets)."""

import pytest

from knowledge.understanding.search import Index
from knowledge.understanding.text import stem
from tests.bot.flows.conversation import Person


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "my new manager at the residential home says I need one of those police checks "
            "before my first shift next week, roughly how much does the enhanced one cost",
            "£49.50",
        ),
        (
            "I've just moved to the area, postcode is NG5 1AB, is there anywhere local that "
            "helps people find a care job",
            "Nottingham",
        ),
    ],
)
async def test_a_known_question_wrapped_in_everyday_words_is_still_answered(
    engine, question, expected
):
    assert expected in await Person(engine).says(question)


async def test_a_plain_question_is_answered_not_met_with_did_you_mean(engine):
    text = await Person(engine).says(
        "thinking of leaving retail, what does a care job in a nursing home pay these days"
    )
    assert "Did you mean" not in text and "£" in text


@pytest.mark.parametrize("fragment", ["therapist", "support"])
async def test_a_did_you_mean_always_offers_at_least_two_things(engine, fragment):
    person = Person(engine)
    assert "Did you mean" in await person.says(fragment)
    assert len([label for label in person.labels if label != "None of these"]) >= 2


async def test_a_job_described_by_what_the_person_does_is_found(engine):
    text = await Person(engine).says(
        "I go into people's houses to help them get washed, dressed and have their breakfast, "
        "what's that job called"
    )
    assert "care worker" in text.lower()


def test_a_real_english_word_is_never_respelled_into_a_knowledge_base_word(knowledge):
    index = Index(knowledge)
    for word in ("agency", "agent", "surgery", "carpet", "nurture"):
        assert index.stems_of(word) == [stem(word)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("emergency care assistant on the ambulances, how do I become a paramedic", "Paramedic"),
        ("pharmacy technician wanting to become a pharmacist", "MPharm"),
        ("registered nurse looking to become a health visitor", "SCPHN"),
        ("diagnostic radiographer hoping to become a sonographer", "ultrasound"),
    ],
)
async def test_the_moves_the_knowledge_base_implies_are_planned(engine, question, expected):
    text = await Person(engine).says(question)
    assert "quickest route" in text and expected in text and "typically" in text


@pytest.mark.parametrize(
    "question",
    [
        "how do I become a tattoo artist",
        "level 3 personal training course near me",
        "cheapest hgv class 1 licence",
        "what's the best mortgage for a first time buyer on a low wage",
        "my landlord won't fix the boiler",
        "write me a cover letter for a barista job",
    ],
)
def test_out_of_scope_questions_never_get_a_confident_answer(answerer, question):
    answered = answerer.answer(question)
    assert answered.match is None, (question, answered.match)
