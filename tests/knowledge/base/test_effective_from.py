"""A figure can be announced today for a later date (effective_from), checked against its source
since it was published (checked), or kept as a past figure (superseded); kb check and answers
treat each as a curator would."""

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.answers.wording import figure_text
from knowledge.base.loader import check
from knowledge.base.schema import Figure

TODAY = date(2026, 12, 3)
NLW = "https://www.gov.uk/national-minimum-wage-rates"


def write_role(directory: Path, *pay: str) -> Path:
    """A role whose pay is the given YAML list items (each a '- text: ...' block)."""
    path = directory / "roles_extra.yaml"
    path.write_text(
        "roles:\n"
        "  - id: night-carer\n"
        "    title: Night carer\n"
        "    sector: social-care\n"
        "    summary: Cares for people overnight.\n"
        "    day_to_day: Checks, comfort and personal care at night.\n"
        "    suits: People who like working nights.\n"
        "    entry: No formal qualifications are needed.\n"
        "    pay:\n" + "".join(pay)
    )
    return path


def figure(text: str, as_of: str, **fields: str) -> str:
    extra = "".join(f"        {name}: '{value}'\n" for name, value in fields.items())
    return f"      - text: \"{text}\"\n        as_of: '{as_of}'\n        source: {NLW}\n{extra}"


def test_a_figure_announced_for_a_future_date_is_not_a_future_date(good_kb):
    write_role(good_kb, figure("At least £13.00 an hour", "2026-11-26", effective_from="2027-04"))
    report = check(good_kb, today=TODAY)
    assert report.errors == []
    assert not [w for w in report.warnings if w.entry_id == "night-carer"]


def test_an_as_of_or_checked_in_the_future_is_still_an_error(good_kb):
    write_role(
        good_kb,
        figure("At least £12.71 an hour", "2027-04"),
        figure("At least £12.71 an hour", "2026-04", checked="2027-01-01"),
    )
    errors = [str(problem) for problem in check(good_kb, today=TODAY).errors]
    assert len(errors) == 2
    assert "pay.0.as_of: as_of 2027-04 is after today (2026-12-03)" in errors[0]
    assert "effective_from" in errors[0], "the message points to the right field"
    assert "pay.1.checked: checked 2027-01-01 is after today" in errors[1]


def test_a_figure_cannot_take_effect_before_it_was_announced():
    with pytest.raises(ValidationError, match="effective_from 2026-01 is before as_of 2026-04"):
        Figure(text="£12.71 an hour", as_of="2026-04", effective_from="2026-01", source=NLW)


def test_answers_say_from_when_an_announced_figure_applies():
    announced = Figure(
        text="£13.00 an hour", as_of="2026-11-26", effective_from="2027-04", source=NLW
    )
    assert figure_text(announced) == "£13.00 an hour (from April 2027)"
    said = Figure(
        text="£13.00 an hour from April 2027", as_of="2026-11", effective_from="2027-04", source=NLW
    )
    assert figure_text(said) == "£13.00 an hour from April 2027", "said once, not twice"
    assert figure_text(Figure(text="£12.71 an hour", as_of="2026-04", source=NLW)) == (
        "£12.71 an hour (April 2026)"
    )


def test_a_superseded_figure_reads_as_a_past_figure_and_never_goes_stale(good_kb):
    old = Figure(text="£12.00 an hour", as_of="2025-03", source=NLW, superseded=True)
    assert figure_text(old) == "Earlier figure: £12.00 an hour (March 2025)"
    write_role(good_kb, figure("A median of £12.00 an hour", "2025-03", superseded="true"))
    report = check(good_kb, today=date(2029, 1, 1))
    assert report.errors == []
    assert not [w for w in report.warnings if w.entry_id == "night-carer"]


def test_pay_checked_against_its_source_is_not_due_until_a_year_after_the_check(good_kb):
    write_role(good_kb, figure("Median salary £39,053 a year", "2025", checked="2026-12-03"))
    assert not [w for w in check(good_kb, today=TODAY).warnings if w.entry_id == "night-carer"]
    later = check(good_kb, today=date(2028, 3, 1)).warnings
    assert [w.field for w in later if w.entry_id == "night-carer"] == ["pay.0.as_of"]


def test_an_announced_figure_is_renewed_a_year_after_it_takes_effect(good_kb):
    write_role(good_kb, figure("At least £13.00 an hour", "2026-11", effective_from="2027-04"))
    assert not [w for w in check(good_kb, today=date(2028, 5, 1)).warnings if "night" in str(w)]
    assert [w for w in check(good_kb, today=date(2028, 7, 1)).warnings if "night" in str(w)]
