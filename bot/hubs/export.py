"""Leads as flat rows, for CSV and JSON exports."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from storage.models import Lead

COLUMNS = (
    "ref",
    "created_at",
    "hub_id",
    "status",
    "owner",
    "name",
    "phone",
    "email",
    "postcode",
    "town",
    "interests",
    "hours",
    "drives",
    "source",
    "consent_version",
    "consent_at",
    "hub_reason",
)


def as_row(lead: Lead) -> dict[str, Any]:
    """One lead as a flat record of text, numbers and booleans."""
    row = {column: getattr(lead, column) for column in COLUMNS}
    row["interests"] = " ".join(lead.interests)
    for column in ("created_at", "consent_at"):
        row[column] = row[column].isoformat() if row[column] else None
    return row


# A cell a spreadsheet would read as a formula ('=HYPERLINK(...)' typed as a name) is kept as
# text by a leading apostrophe; a plain number such as a phone number's '+44...' is left alone.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-][\d ]+")


def leads_csv(leads: Iterable[Lead]) -> str:
    """The leads as CSV text, safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for lead in leads:
        writer.writerow({key: _as_text(value) for key, value in as_row(lead).items()})
    return out.getvalue()


def _as_text(value: Any) -> Any:
    formula = isinstance(value, str) and value.startswith(_FORMULA_STARTS)
    if formula and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value
