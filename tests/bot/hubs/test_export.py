"""Lead exports: a CSV that a spreadsheet opens safely."""

import csv
import io

from bot.hubs.export import leads_csv
from storage.models import Lead, utcnow


def lead(**details) -> Lead:
    values = {
        "ref": "CP-ABCDE", "person_id": 1, "name": "Sam", "phone": "+447911123456",
        "hub_id": "nottingham-hub", "hub_reason": "postcode area NG", "consent_version": "1",
        "consent_at": utcnow(), "interests": ["role:care-worker"],
    }  # fmt: skip
    return Lead(**{**values, **details})


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_kept_as_text():
    rows = list(
        csv.DictReader(
            io.StringIO(leads_csv([lead(name='=HYPERLINK("http://x","y")', town="@SUM(1)")]))
        )
    )
    assert rows[0]["name"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["town"] == "'@SUM(1)"
    assert rows[0]["phone"] == "+447911123456"  # a plain number is left alone
    assert rows[0]["ref"] == "CP-ABCDE"
