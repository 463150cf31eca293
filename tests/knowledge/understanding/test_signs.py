"""Curated phrases are found as people type them: typos, a word or two between, split words."""

from knowledge.understanding.signs import PhraseFinder

FINDER = PhraseFinder(
    [("self", "kill myself"), ("die", "want to die"), ("pass", "took my passport")]
)


def test_typos_gaps_and_split_words_are_found():
    assert FINDER.find("i wanna kill my self") == "self"
    assert FINDER.find("i wanna kill myslef") == "self"
    assert FINDER.find("i really want to just die") == "die"
    assert FINDER.find("the agency tokk my pasport") == "pass"
    assert FINDER.find("kms") == "self"


def test_short_words_must_match_exactly_and_order_matters():
    assert FINDER.find("i want to did that") is None  # 'die' is one letter from 'did'
    assert FINDER.find("die to want i") is None
    assert FINDER.find("") is None
