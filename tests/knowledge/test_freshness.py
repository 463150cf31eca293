"""Only figures that are really out of date are flagged: a yearly release that is due, or a
pay year a newer award replaced. Durations, fees and dates of events do not age out."""

from datetime import date

from knowledge.loader import check

TODAY = date(2026, 12, 3)


def test_the_shipped_base_warns_only_about_pay_that_a_newer_release_replaced():
    report = check(today=TODAY)
    assert report.errors == []
    assert report.warnings, "the 2025/26 NHS pay figures are superseded and must be flagged"
    for warning in report.warnings:
        text = str(warning)
        assert "superseded by the 2026/27 pay award" in text or "renewed every year" in text
        assert "duration" not in text and "steps" not in text, text
        assert "apprenticeships.yaml" not in text and "pathways" not in text, text


def test_a_duration_or_an_event_date_does_not_go_stale_with_age():
    report = check(today=date(2030, 1, 1))
    flagged = {w.entry_id for w in report.warnings}
    for steady in ("care-worker-visa", "nmc-nursing-associates-register", "adult-care-worker-l2"):
        assert steady not in flagged
