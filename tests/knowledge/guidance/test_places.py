"""Postcodes in messages and the hub that covers them."""

import pytest

from knowledge.base.loader import load
from knowledge.guidance.places import (
    Postcode,
    find_postcode,
    hub_for_postcode,
    hub_for_town,
    parse_postcode,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NG7 2RD", Postcode("NG7", "2RD")),
        ("ng72rd", Postcode("NG7", "2RD")),
        ("  e1w  ", Postcode("E1W")),
        ("RM16", Postcode("RM16")),
        ("NG7 2R", None),
        ("12345", None),
        ("Nottingham", None),
    ],
)
def test_parse_postcode(text, expected):
    assert parse_postcode(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live in NG5, who do I contact", "NG5"),
        ("care jobs near M1 please", "M1"),
        ("my postcode is SS1 2AB", "SS1 2AB"),
        ("adult care worker L2", None),  # a level, not Liverpool
        ("what is ST0006", None),
        ("band 5 nurse", None),
    ],
)
def test_find_postcode_in_a_message(text, expected):
    found = find_postcode(text)
    assert (str(found) if found else None) == expected


def test_district_claim_beats_area_claim(good_kb):
    (good_kb / "extra.yaml").write_text(
        "hubs:\n  - id: mansfield-hub\n    name: Mansfield hub\n    short_name: Mansfield hub\n"
        "    region: East Midlands\n    postcode_districts: [NG18]\n    sectors: [both]\n"
        "    contact: {email: m@hub.example.org}\n    response_hours: 24\n"
        "    response_promise: within a day\n"
    )
    knowledge = load(good_kb)
    assert hub_for_postcode(knowledge, Postcode("NG18", "1AB")).hub.id == "mansfield-hub"
    coverage = hub_for_postcode(knowledge, Postcode("NG7"))
    assert coverage.hub.id == "nottingham"
    assert coverage.reason == "postcode area NG is covered by Nottingham health and care hub"
    assert hub_for_postcode(knowledge, Postcode("B1")) is None
    assert hub_for_town(knowledge, "  mansfield ").hub.id == "nottingham"
