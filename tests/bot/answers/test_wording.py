"""The wording every answer shares: dates, lengths, names in sentences, labels that fit."""

from bot.answers.wording import (
    a_role,
    apprenticeship_title,
    dated,
    describe_years,
    months_text,
    opens_with_yes_or_no,
    short_label,
    without_yes_or_no,
)


def test_lengths_read_naturally():
    assert months_text(0) == "straight away"
    assert months_text(18) == "18 months" and months_text(24) == "2 years"
    assert describe_years(69) == "about 5 years 9 months"


def test_names_in_sentences():
    assert a_role("Occupational therapist") == "an occupational therapist"
    assert a_role("GP receptionist") == "a GP receptionist"
    assert apprenticeship_title("Adult Care Worker") == "Adult Care Worker apprenticeship"
    title = "Health and Social Care foundation apprenticeship"
    assert apprenticeship_title(title) == title


def test_a_figure_is_dated_once():
    assert dated("£12.71 an hour", "2026-04") == "£12.71 an hour (April 2026)"
    assert dated("£12.00 in March 2025", "2025-03") == "£12.00 in March 2025"


def test_yes_or_no_openings():
    assert opens_with_yes_or_no("No. Apprentices do not pay.")
    assert not opens_with_yes_or_no("Nobody aged 21 or over may be paid less.")
    assert without_yes_or_no("Yes, you can start at 16.") == "You can start at 16."


def test_labels_fit_a_phone():
    label = short_label("What is the Level 2 Adult Social Care Certificate and who needs it?")
    assert len(label) <= 48 and label.endswith("…")
