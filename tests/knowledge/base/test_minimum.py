"""Pay below the legal minimum is found: hourly under its own year's adult rate is an error, an
annual figure (at 37.5 hours a week) a warning, and a figure still shown as current that only
predates today's minimum a warning, unless it is marked superseded or its pay year was replaced
by an award the answers state."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from knowledge.base.loader import check
from knowledge.base.minimum import PayAmount, pay_amounts
from tests.knowledge.base.test_effective_from import figure, write_role

TODAY = date(2026, 12, 3)
WAGES = """minimum_wages:
  - id: wage-2025
    effective_from: "2025-04-01"
    adult: 12.21
    apprentice: 7.55
    as_of: "2025-04-01"
    source: https://www.gov.uk/national-minimum-wage-rates
  - id: wage-2026
    effective_from: "2026-04-01"
    adult: 12.71
    age_18_to_20: 10.85
    under_18: 8.00
    apprentice: 8.00
    as_of: "2026-04-01"
    source: https://www.gov.uk/national-minimum-wage-rates
"""
AWARD = """pay_awards:
  - id: award-2026-27
    pay_year: "2026/27"
    replaces: "2025/26"
    note: The pay shown is the earlier year's rate.
    as_of: "2026-02-12"
    source: https://www.england.nhs.uk/
"""


def with_wages(directory: Path, *pay: str) -> list:
    (directory / "minimum_wages.yaml").write_text(WAGES)
    write_role(directory, *pay)
    report = check(directory, today=TODAY)
    problems = [*report.errors, *report.warnings]
    return [p for p in problems if p.entry_id == "night-carer" and "legal minimum" in p.message]


def test_amounts_are_read_with_their_unit_and_a_range_shares_it():
    assert pay_amounts("Band 3: £24,937 to £26,598 a year (pay year 2025/26)") == [
        PayAmount(Decimal("24937"), hourly=False),
        PayAmount(Decimal("26598"), hourly=False),
    ]
    assert pay_amounts("£12.00 an hour in March 2025, up from £11.44") == [
        PayAmount(Decimal("12.00"), hourly=True)
    ]
    assert pay_amounts("An enhanced DBS check costs £49.50") == []
    assert PayAmount(Decimal("24465"), hourly=False).an_hour == Decimal("12.51")


def test_an_hourly_figure_below_its_own_years_minimum_is_an_error(good_kb):
    problems = with_wages(good_kb, figure("Paid £12.50 an hour", "2026-06"))
    assert [p.severity for p in problems] == ["error"]
    assert "£12.50 an hour is below the legal minimum of its own year" in problems[0].message
    assert "£12.71 an hour from 1 April 2026" in problems[0].message
    assert problems[0].field == "pay.0.text"


def test_an_annual_figure_is_converted_at_the_nhs_week_and_only_warned_about(good_kb):
    problems = with_wages(good_kb, figure("Band 2: £24,465 a year", "2026/27"))
    assert [p.severity for p in problems] == ["warning"]
    assert "about £12.51 an hour at 37.5 hours a week" in problems[0].message


def test_a_figure_that_only_predates_todays_minimum_is_a_warning_with_the_way_out(good_kb):
    problems = with_wages(good_kb, figure("Median pay £12.00 an hour in March 2025", "2025-03"))
    assert [p.severity for p in problems] == ["warning"]
    assert "below today's legal minimum" in problems[0].message
    assert "mark it `superseded: true`" in problems[0].message


def test_the_old_band_2_rate_is_fine_in_its_year_and_flagged_when_shown_as_current(good_kb):
    band_2 = figure("Band 2: £24,465 a year", "2025/26")
    problems = with_wages(good_kb, band_2)
    assert len(problems) == 1 and "below today's legal minimum" in problems[0].message
    (good_kb / "pay_awards.yaml").write_text(AWARD)  # answers now state the award beside it
    warnings = check(good_kb, today=TODAY).warnings
    assert not [p for p in warnings if p.entry_id == "night-carer" and "minimum" in p.message]


def test_superseded_figures_the_law_itself_and_fair_pay_are_left_alone(good_kb):
    problems = with_wages(
        good_kb,
        figure("Median pay £12.00 an hour in March 2025", "2025-03", superseded="true"),
        figure("Apprentices get at least £8.00 an hour", "2026-04"),
        figure("It was £7.55 an hour for apprentices from April 2025", "2026-04"),
        figure("Band 5: £31,049 to £37,796 a year", "2025/26"),
        figure("At least £12.71 an hour", "2026-04"),
    )
    assert problems == []


def test_without_minimum_wage_data_nothing_is_judged(good_kb):
    write_role(good_kb, figure("Paid £5.00 an hour", "2026-06"))
    assert check(good_kb, today=TODAY).errors == []


def test_the_shipped_base_pays_nobody_below_the_legal_minimum():
    report = check(today=TODAY)
    assert report.errors == []
    assert not [w for w in report.warnings if "legal minimum" in w.message]
