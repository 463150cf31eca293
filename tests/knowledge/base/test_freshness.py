"""Only figures that are really out of date are flagged: a yearly release that is due, or a
pay year a newer award replaced. Durations, fees and dates of events do not age out."""

from datetime import date

from knowledge.base.loader import check

TODAY = date(2026, 12, 3)


def test_the_shipped_base_has_no_stale_figure_on_the_day_of_the_audit():
    report = check(today=TODAY)
    assert report.errors == []
    for warning in report.warnings:
        text = str(warning)
        assert "renewed every year" not in text, text
        assert "duration" not in text and "steps" not in text, text


def test_figures_of_a_replaced_pay_year_are_counted_once_at_the_award():
    report = check(today=TODAY)
    awards = [w for w in report.warnings if w.entry_id == "agenda-for-change-2026-27"]
    assert len(awards) <= 1
    assert not [w for w in report.warnings if "superseded by the 2026/27" in str(w)]


def test_a_duration_or_an_event_date_does_not_go_stale_with_age():
    report = check(today=date(2030, 1, 1))
    flagged = {w.entry_id for w in report.warnings}
    for steady in ("care-worker-visa", "nmc-nursing-associates-register", "adult-care-worker-l2"):
        assert steady not in flagged
