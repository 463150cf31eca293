"""Every apprenticeship links to its live version on Skills England, or kb check names it; the
live version is data (`version`), read against the version in the URL."""

from datetime import date

import pytest
from pydantic import ValidationError

from knowledge.base.loader import check
from knowledge.base.schema import Apprenticeship
from knowledge.base.standards import live_url

TODAY = date(2026, 5, 15)
OLD = "https://www.instituteforapprenticeships.org/apprenticeship-standards/adult-care-worker-v1-2"


def rewrite(good_kb, old: str, new: str) -> None:
    path = good_kb / "apprenticeships.yaml"
    path.write_text(path.read_text().replace(old, new))


def version_warnings(good_kb) -> list[str]:
    return [str(w) for w in check(good_kb, today=TODAY).warnings if "version" in w.message]


def test_the_live_url_carries_the_version():
    assert (
        live_url("ST0215", "1.1")
        == "https://skillsengland.education.gov.uk/apprenticeships/st0215-v1-1"
    )


def test_a_link_to_the_recorded_live_version_passes(good_kb):
    assert version_warnings(good_kb) == []


def test_a_link_to_another_version_is_named_with_the_live_one(good_kb):
    rewrite(good_kb, "st0005-v1-2", "st0005-v1-0")
    warnings = version_warnings(good_kb)
    assert len(warnings) == 2
    assert "adult-care-worker-l2: duration.source: links to" in warnings[0]
    assert (
        "not the live version 1.2 (https://skillsengland.education.gov.uk/apprenticeships/st0005-v1-2)"
        in warnings[0]
    )
    assert "1 apprenticeship(s) do not link to their live version" in warnings[1]


def test_an_apprenticeship_with_no_recorded_version_is_named(good_kb):
    rewrite(good_kb, '    version: "1.2"\n', "")
    rewrite(good_kb, "https://skillsengland.education.gov.uk/apprenticeships/st0005-v1-2", OLD)
    (warning,) = version_warnings(good_kb)
    assert "ST0005 adult-care-worker-l2" in warning and "live version on Skills England" in warning


def test_a_version_needs_a_code_and_the_form_major_dot_minor():
    fields = dict(
        id="made-up-l2", title="Made up", level=2, sector="health", summary="A made-up one.",
        entry="None.", roles=["care-worker"],
    )  # fmt: skip
    with pytest.raises(ValidationError, match="give its code too"):
        Apprenticeship(**fields, version="1.1")
    with pytest.raises(ValidationError, match="version"):
        Apprenticeship(**fields, code="ST0005", version="v1-1")


def test_the_shipped_assistant_practitioner_standard_links_its_live_version():
    report = check(today=date(2026, 12, 3))
    named = " ".join(str(w) for w in report.warnings if "version" in w.field)
    assert "ST0215" not in named
    assert not [w for w in report.warnings if "links to" in str(w)]
