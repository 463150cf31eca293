"""After consent and at every change, a person is told what happens next, who will contact
them and by when, and how to check, in their own words: never the operator's."""

from bot.flows.next_steps import STATUS_FOR_PEOPLE, next_step, status_notice
from tests.bot.flows.conversation import Person, fill_form

OPERATORS_WORDS = ("outbox", "relay", "carepath run", "carepath leads", "queue", "database")


async def test_after_consent_the_person_is_told_what_happens_now(engine):
    person = Person(engine)
    await fill_form(person)
    done = await person.taps("Yes, send my details")
    assert "What happens now: A recruiter at Greater Nottingham" in done
    assert "within 2 working days" in done and "/mystatus" in done
    assert not any(word in done.casefold() for word in OPERATORS_WORDS)
    status = await person.taps("Where my request stands")
    assert "CP-" in status and "within 2 working days" in status


async def test_what_happens_now_is_answered_from_the_persons_own_request(engine):
    person = Person(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    for kin in ("what happens now", "when will someone get in touch with me"):
        text = await person.says(kin)
        assert "Your requests:" in text and "CP-" in text, kin
        assert "Greater Nottingham" in text and "within 2 working days" in text, kin


async def test_before_any_request_what_happens_now_offers_to_register(engine):
    person = Person(engine)
    text = await person.says("what happens now")
    assert "haven't asked a recruiter" in text and "Register interest" in person.labels


def test_every_status_has_a_next_step_in_the_persons_words(knowledge):
    hub = knowledge.hubs["nottingham-hub"]
    for status in STATUS_FOR_PEOPLE:
        step = next_step(status, hub)
        assert step, status
        told = status_notice("CP-TEST", status, hub)
        assert "/mystatus" in told and step in told
        assert not any(word in told.casefold() for word in OPERATORS_WORDS), status
