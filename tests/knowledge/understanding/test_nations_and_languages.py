"""Places in the other UK nations, border districts included, and messages in other languages."""

import pytest

from knowledge.guidance.places import hub_for_postcode, parse_postcode
from knowledge.understanding.languages import LanguageCheck
from knowledge.understanding.nations import nation_named
from knowledge.understanding.search import Index


@pytest.mark.parametrize(
    ("text", "nation"),
    [
        ("jobs in glasgow", "scotland"),
        ("EH1 1YZ", "scotland"),
        ("TD1 1AA", "scotland"),
        ("can i work as a carer in scotland", "scotland"),
        ("CF10 1AA", "wales"),
        ("CH5 4AB", "wales"),
        ("SY23 1AA", "wales"),
        ("nursing jobs in swansea", "wales"),
        ("BT1 1AA", "northern-ireland"),
        ("belfast", "northern-ireland"),
    ],
)
def test_places_in_other_nations(knowledge, text, nation):
    found = nation_named(knowledge, text)
    assert found is not None and found[0].id == nation


@pytest.mark.parametrize(
    "text",
    [
        "CH1 2AB",
        "TD15 1AA",
        "SY1 1AA",
        "jobs in bolton",
        "moving from glasgow to manchester",
        "do i need an NI number",
        "NG7 2RD",
    ],
)
def test_places_in_england_are_not_mistaken(knowledge, text):
    assert nation_named(knowledge, text) is None


def test_no_english_hub_claims_a_welsh_district_in_its_area(knowledge):
    assert hub_for_postcode(knowledge, parse_postcode("CH5 4AB")) is None
    assert hub_for_postcode(knowledge, parse_postcode("CH1 2AB")).hub.id == "north-west-hub"


@pytest.fixture(scope="module")
def languages(knowledge):
    return LanguageCheck(knowledge, Index(knowledge).base_words)


@pytest.mark.parametrize(
    "text",
    [
        "Dzień dobry, szukam pracy jako opiekunka",
        "Jak mogę zostać pielęgniarką?",
        "Sut mae dod yn nyrs?",
        "Shwmae, dw i eisiau gweithio ym maes gofal",
        "আমি কাজ খুঁজছি",
        "ami kaj korte chai",
        "mujhe kaam chahiye",
        "مرحبا، كيف حالك",
        "Bună ziua, caut un loc de muncă",
        "Hola, busco trabajo de cuidador",
        "Привет, я ищу работу",
    ],
)
def test_other_languages_are_recognised(languages, text):
    assert languages.foreign(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hi Im Agnieszka, jobs in Leeds",
        "wat is a nures pay",
        "care jobs in Llanelli",
        "im from poland can i work as a carer",
        "hello",
        "NG7 2RD",
        "can i do an apprenticeship at 25",
    ],
)
def test_english_with_typos_names_and_places_is_english(languages, text):
    assert not languages.foreign(text)
