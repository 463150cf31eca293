"""The matcher on the shipped knowledge base: entity and aspect, codes, places, typos, routes."""

import pytest

from knowledge.base.loader import load
from knowledge.understanding.search import Index


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(load())


def top(index: Index, text: str) -> tuple[str, str]:
    match = index.understand(text).matches[0]
    return match.kind, match.entry_id


@pytest.mark.parametrize(
    ("text", "kind", "entry_id", "aspect"),
    [
        ("nursing associate pay", "roles", "nursing-associate", "pay"),
        ("what do physios earn", "roles", "physiotherapist", "pay"),
        (
            "how long is the social work apprenticeship",
            "apprenticeships",
            "social-worker-degree-l6",
            "length",
        ),
        ("who regulates paramedics", "roles", "paramedic", "reg"),
        ("I'm a carer, what's next", "roles", "care-worker", "next"),
        ("HCA", "roles", "healthcare-support-worker", None),
    ],
)
def test_entity_and_aspect(index, text, kind, entry_id, aspect):
    understanding = index.understand(text)
    assert (understanding.matches[0].kind, understanding.matches[0].entry_id) == (kind, entry_id)
    assert understanding.aspect == aspect


def test_standard_code_finds_its_apprenticeship(index):
    assert top(index, "ST0827") == ("apprenticeships", "nursing-associate-l5")
    assert top(index, "tell me about st 0216")[1] == "healthcare-support-worker-l2"


def test_typos_are_corrected_against_the_knowledge_base(index):
    assert top(index, "phisiotherapist") == ("roles", "physiotherapist")
    assert top(index, "ocupational therapist pay") == ("roles", "occupational-therapist")


@pytest.mark.parametrize(
    ("text", "hub_id"),
    [
        ("NG7 2RD", "nottingham-hub"),
        ("jobs in Bolton", "north-west-hub"),
        ("I live in RM17", "mid-south-essex-hub"),
        ("care work near E14", "tower-hamlets-hub"),
        ("my postcode is B1 1AA", "national-desk"),
    ],
)
def test_places_name_their_hub(index, text, hub_id):
    assert top(index, text) == ("hubs", hub_id)


def test_from_one_role_to_another_is_a_route(index):
    assert index.understand("from HCA to nursing associate").route == (
        "healthcare-support-worker",
        "nursing-associate",
    )
    assert index.understand("become a registered manager from care worker").route == (
        "care-worker",
        "registered-manager",
    )
    assert index.understand("how do I become a nurse").route is None


def test_more_specific_name_wins(index):
    assert top(index, "senior care worker") == ("roles", "senior-care-worker")
    assert top(index, "senior healthcare support worker pay") == (
        "roles",
        "senior-healthcare-support-worker",
    )


def test_small_talk_is_recognised_in_a_short_message(index):
    assert index.understand("thank you!").smalltalk == "thanks"
    assert index.understand("thanks so much thats really helpful").smalltalk == "thanks"
    assert index.understand("see you later").smalltalk == "goodbye"
    long = "hello there, I wanted to ask you about the pay for nurses in the NHS these days"
    assert index.understand(long).smalltalk is None


def test_unrelated_text_matches_nothing_well(index):
    for text in ("what's the weather like tomorrow", "recommend a pizza place", "asdkjhasd"):
        matches = index.understand(text).matches
        assert not matches or matches[0].score < 45


def test_a_town_named_without_work_in_mind_is_not_a_hub_question(index):
    for text in ("best pubs in nottingham", "manchester united score", "train times to liverpool"):
        matches = index.understand(text).matches
        assert not matches or matches[0].score < 68
    assert top(index, "who covers stockport") == ("hubs", "north-west-hub")


def test_misspellings_with_two_slips_in_longer_words(index):
    assert top(index, "mentle health nurse") == ("roles", "mental-health-nurse")
    assert top(index, "who regulates OTs")[1] == "occupational-therapist"


def test_a_typo_in_an_aspect_word_keeps_the_aspect(index):
    for text, aspect in (("care worker payy", "pay"), ("paramedic wagee", "pay")):
        assert index.understand(text).aspect == aspect, text


def test_progression_in_everyday_words_asks_for_the_next_step(index):
    for text in (
        "Ive been a carer for 3 years, how do I move up",
        "how can i get promoted as a senior carer",
        "whats the next step up from healthcare assistant",
    ):
        assert index.understand(text).aspect == "next", text
    assert index.understand(
        "I've worked as a carer for 2 years, what does a nurse earn"
    ).aspect == ("pay")


def test_a_route_to_a_job_named_by_part_of_its_name(index):
    assert index.understand("senior carer to manager").route == (
        "senior-care-worker",
        "registered-manager",
    )
    assert index.understand("do paramedics need to be registered").route is None


def test_a_more_specific_entry_close_behind_beats_the_general_one(index):
    top = index.understand("is the care worker visa route still open").matches[0]
    assert (top.kind, top.entry_id) == ("faqs", "care-worker-visa")


def test_a_name_said_back_to_front_is_another_thing(index):
    """'a care home' does not say 'home care': the home care coordinator falls behind."""
    matches = index.understand("what does a wellbeing coordinator in a care home do").matches
    assert matches[0].entry_id == "activities-coordinator"
    assert matches[0].score - matches[1].score > 8
    assert top(index, "home care coordinator jobs") == ("roles", "care-coordinator")


def test_the_longer_name_said_in_full_wins_even_on_a_generic_word(index):
    matches = index.understand("field care supervisor role").matches
    assert matches[0].entry_id == "field-care-supervisor"
    assert [m.entry_id for m in matches if m.kind == "roles"] == ["field-care-supervisor"]


def test_an_everyday_word_is_not_misread_as_a_job(index):
    """'proper' is two slips from 'porter': a filler word, never corrected into a job."""
    matches = index.understand("is an apprenticeship a proper paid job").matches
    assert all(m.entry_id != "porter" for m in matches)
