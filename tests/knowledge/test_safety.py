"""Signs of crisis, harm, abuse or neglect are found as people type them; careers questions are
not mistaken for them."""

import pytest

from knowledge.safety import SafetyCheck

SHOWS_CRISIS = [
    "i want to die",
    "I feel sucidal",
    "kil my self",
    "i wanna kill myself",
    "thinking of ending it all",
    "no point living anymore",
    "i self harm",
    "I have been cutting myself again",
    "i really want to just die",
    "i cant go on",
    "I dont want to live anymore",
    "i want to end my life",
    "suicidle thoughts every night",
    "i want to take my own life",
    "i think i will overdose tonight",
    "kms",
    "honestly i want to be dead",
    "everyone would be better off dead without me",
    "i cant cope anymore",
]
SHOWS_HARM_TO_OTHERS = [
    "im going to hurt someone",
    "i might hurt someone at work",
    "i want to kill him",
]
SHOWS_ABUSE = [
    "my manager hits me",
    "the carer steals from my nan",
    "im being abused by my partner",
    "my mum is being neglected in her care home",
    "staff are abusing residents at my work",
    "they took my passport and wont let me leave",
    "my boss hits me at work",
    "im scared of my partner",
    "the nurses shout at residents and are rough with them",
    "my carer stole from my dad",
    "i think my dad is being neglected",
]
ORDINARY = [
    "what does an end of life care worker do",
    "how do I become a safeguarding lead",
    "is safeguarding training part of the care certificate",
    "mental health nurse pay",
    "im dying to start my nursing course",
    "how long does a nursing degree take",
    "care worker pay in nottingham",
    "what is a healthcare assistant",
    "can i be a carer at 17",
    "how do i become a paramedic",
    "do apprentices get paid",
    "jobs in bolton",
    "what qualifications do i need for social work",
    "whats the difference between a nurse and a nursing associate",
    "hit me up with care jobs",
    "how much does a dbs check cost",
    "can i work nights as a carer",
    "is there an age limit for apprenticeships",
    "i want to work with people with learning disabilities",
    "how do i move up from senior carer",
    "what does a registered manager do",
    "i love my job as a carer",
    "can i do an apprenticeship in hospital",
    "what is the national living wage",
    "how do i apply",
    "i live in NG7",
    "the job is killing me with paperwork haha",
    "what does a pwp do",
    "how to become a midwife",
    "is the care certificate a qualification",
    "i want to help people who are struggling",
]


@pytest.fixture(scope="module")
def check(knowledge):
    return SafetyCheck(knowledge)


@pytest.mark.parametrize("text", SHOWS_CRISIS)
def test_crisis_is_recognised_typos_included(check, text):
    concern = check.concern(text)
    assert concern is not None and concern.id == "suicide-or-self-harm", text


@pytest.mark.parametrize("text", SHOWS_HARM_TO_OTHERS)
def test_harm_to_others_is_recognised(check, text):
    assert check.concern(text).id == "harm-to-others"


@pytest.mark.parametrize("text", SHOWS_ABUSE)
def test_abuse_or_neglect_is_recognised_at_home_and_at_work(check, text):
    assert check.concern(text).id == "abuse-or-neglect"


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_careers_questions_are_not_mistaken(check, text):
    assert check.concern(text) is None


def test_every_concern_offers_999_and_the_right_help(knowledge):
    for concern in knowledge.safety.values():
        ways = " ".join(line.how for line in concern.helplines)
        assert "999" in ways and "116 123" in ways and "85258" in ways, concern.id
        assert all(line.source and line.as_of for line in concern.helplines)
    crisis = " ".join(line.how for line in knowledge.safety["suicide-or-self-harm"].helplines)
    assert "111" in crisis and "mental health option" in crisis
    abuse = knowledge.safety["abuse-or-neglect"]
    assert "101" in " ".join(line.how for line in abuse.helplines)
    assert "adult safeguarding team" in abuse.reply and "police" in abuse.reply
