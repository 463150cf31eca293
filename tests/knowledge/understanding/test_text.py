"""Reading text: stems fold word forms; odd input never breaks it."""

from knowledge.understanding.text import normalise, stems, words


def test_word_forms_share_a_stem():
    assert stems("nurse nurses nursing") == ["nurs", "nurs", "nurs"]
    assert stems("worker workers") == ["worker", "worker"]
    assert stems("therapist therapy") == ["therap", "therap"]
    assert stems("apprentice apprenticeships") == ["apprentic", "apprentic"]


def test_contractions_and_curly_quotes():
    assert words("What’s a PA? I'm new") == ["what", "is", "a", "pa", "i", "am", "new"]


def test_accents_control_characters_and_right_to_left_text():
    assert normalise("Café\x00\x1b[31m") == "cafe  [31m"
    assert words("مرحبا nurse") == ["nurse"]
    assert words("🙂🙂") == []
